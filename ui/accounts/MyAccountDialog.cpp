#include "accounts/MyAccountDialog.h"

#include "admin/RolesPage.h"
#include "admin/SessionsPage.h"
#include "app/CoreServices.h"
#include "style/Tokens.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

QString shortTime(const QDateTime& time) {
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

ApiTokenListModel::ApiTokenListModel(Core::AccountService& accounts, Core::Actor actor, QObject* parent)
    : QAbstractTableModel(parent)
    , m_accounts(accounts)
    , m_actor(std::move(actor)) {
}

int ApiTokenListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApiTokenListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiTokenListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount) {
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole) {
        return {};
    }
    const Core::ApiTokenInfo& token = m_rows[std::size_t(index.row())];
    switch (index.column()) {
    case NameColumn:
        return token.name;
    case PermissionsColumn: {
        if (!token.permissions) {
            return tr("All of yours");
        }
        QStringList labels;
        for (const Core::Permission permission : Core::allPermissions()) {
            if (token.permissions->has(permission)) {
                labels << RoleMatrixModel::permissionLabel(permission);
            }
        }
        return labels.join(QStringLiteral(", "));
    }
    case CreatedColumn:
        return shortTime(token.createdAt);
    case ExpiresColumn:
        return token.expiresAt.isValid() ? shortTime(token.expiresAt) : tr("Never");
    case LastUsedColumn:
        return token.lastUsedAt.isValid() ? shortTime(token.lastUsedAt) : tr("Not yet");
    default:
        return {};
    }
}

QVariant ApiTokenListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PermissionsColumn:
        return tr("May");
    case CreatedColumn:
        return tr("Created");
    case ExpiresColumn:
        return tr("Expires");
    case LastUsedColumn:
        return tr("Last used");
    default:
        return {};
    }
}

Core::Status ApiTokenListModel::refresh() {
    auto tokens = m_accounts.apiTokens(m_actor);
    if (!tokens) {
        return Core::fail(tokens.error());
    }
    beginResetModel();
    m_rows = std::move(*tokens);
    endResetModel();
    return {};
}

const Core::ApiTokenInfo* ApiTokenListModel::tokenAt(int row) const {
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)] : nullptr;
}

MyAccountDialog::MyAccountDialog(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_tabs(new QTabWidget(this))
    , m_sessions(new SessionsPage(services, m_actor, dialogs, SessionsPage::Scope::Own, m_tabs))
    , m_tokens(new ApiTokenListModel(services.accounts(), m_actor, this)) {
    setObjectName(QStringLiteral("myAccountDialog"));
    setWindowTitle(tr("My Sessions and API Tokens"));
    resize(820, 440);
    m_tabs->addTab(m_sessions, tr("&Sessions"));
    m_tabs->addTab(buildTokensPage(), tr("&API Tokens"));
    auto* intro = new QLabel(
        tr("Signed in as <b>%1</b>. End a session you do not recognise; make an API token for scripts that use "
           "<code>tessera-cli</code> (TESSERA_TOKEN).")
            .arg(m_actor.userName.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::three, Style::Space::three, Style::Space::three, Style::Space::two);
    layout->setSpacing(Style::Space::two);
    layout->addWidget(intro);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
}

void MyAccountDialog::showTokens() {
    m_tabs->setCurrentIndex(1);
}

QWidget* MyAccountDialog::buildTokensPage() {
    auto* page = new QWidget(m_tabs);
    page->setObjectName(QStringLiteral("apiTokensPage"));
    m_tokenTable = new QTableView(page);
    m_tokenTable->setObjectName(QStringLiteral("apiTokenTable"));
    m_tokenTable->setAccessibleName(tr("Your API tokens"));
    m_tokenTable->setModel(m_tokens);
    m_tokenTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tokenTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tokenTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tokenTable->setWordWrap(false);
    m_tokenTable->verticalHeader()->hide();
    m_tokenTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tokenTable->horizontalHeader()->setSectionResizeMode(ApiTokenListModel::PermissionsColumn, QHeaderView::Stretch);
    auto* create = new QPushButton(tr("&Create Token…"), page);
    create->setObjectName(QStringLiteral("createApiToken"));
    create->setAutoDefault(false);
    connect(create, &QPushButton::clicked, this, &MyAccountDialog::openCreate);
    m_revoke = new QPushButton(tr("&Revoke"), page);
    m_revoke->setObjectName(QStringLiteral("revokeApiToken"));
    m_revoke->setAutoDefault(false);
    m_revoke->setEnabled(false);
    connect(m_revoke, &QPushButton::clicked, this, &MyAccountDialog::revokeSelected);
    connect(m_tokenTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_revoke->setEnabled(m_tokenTable->selectionModel()->hasSelection()); });
    if (m_actor.apiTokenId != 0) {
        create->setEnabled(false);
        create->setToolTip(tr("An API token cannot make API tokens."));
    }
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addStretch(1);
    buttons->addWidget(m_revoke);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(Style::Space::two, Style::Space::two, Style::Space::two, Style::Space::two);
    layout->setSpacing(Style::Space::one);
    layout->addWidget(m_tokenTable, 1);
    layout->addLayout(buttons);
    refreshTokens();
    return page;
}

void MyAccountDialog::refreshTokens() {
    if (auto refreshed = m_tokens->refresh(); !refreshed) {
        m_dialogs.showError(this, tr("API Tokens"), describeError(refreshed.error()));
    }
    m_revoke->setEnabled(m_tokenTable->selectionModel()->hasSelection());
}

QString MyAccountDialog::createToken(const QString& name, std::optional<int> expiresDays,
                                     std::optional<Core::PermissionSet> permissions) {
    auto created = m_services.accounts().createApiToken(m_actor, name, expiresDays, std::move(permissions));
    if (!created) {
        m_dialogs.showError(this, tr("Create API Token"), describeError(created.error()));
        return {};
    }
    refreshTokens();
    showCreated(*created);
    return created->token;
}

void MyAccountDialog::showCreated(const Core::CreatedApiToken& created) {
    auto* shown = new QDialog(this);
    shown->setObjectName(QStringLiteral("apiTokenShown"));
    shown->setAttribute(Qt::WA_DeleteOnClose);
    shown->setWindowTitle(tr("API Token %1").arg(created.info.name));
    shown->setMinimumWidth(520);
    auto* text = new QLabel(tr("Copy the token now: it is shown only this once, and Tessera keeps only a fingerprint "
                               "of it. Put it in TESSERA_TOKEN for tessera-cli; keep it like a password."),
                            shown);
    text->setWordWrap(true);
    auto* token = new QLineEdit(created.token, shown);
    token->setObjectName(QStringLiteral("apiTokenText"));
    token->setReadOnly(true);
    token->setAccessibleName(tr("The new API token"));
    token->selectAll();
    auto* copy = new QPushButton(tr("&Copy"), shown);
    copy->setAutoDefault(false);
    connect(copy, &QPushButton::clicked, shown, [token, copy] {
        QApplication::clipboard()->setText(token->text());
        copy->setText(tr("Copied"));
    });
    auto* row = new QHBoxLayout;
    row->addWidget(token, 1);
    row->addWidget(copy);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok, shown);
    connect(buttons, &QDialogButtonBox::accepted, shown, &QDialog::accept);
    auto* layout = new QVBoxLayout(shown);
    layout->setContentsMargins(Style::Space::three, Style::Space::three, Style::Space::three, Style::Space::two);
    layout->setSpacing(Style::Space::two);
    layout->addWidget(text);
    layout->addLayout(row);
    layout->addWidget(buttons);
    shown->open();
    token->setFocus(Qt::OtherFocusReason);
}

bool MyAccountDialog::revokeSelected() {
    const QModelIndexList rows = m_tokenTable->selectionModel()->selectedRows();
    const Core::ApiTokenInfo* token = rows.isEmpty() ? nullptr : m_tokens->tokenAt(rows.first().row());
    if (token == nullptr) {
        return false;
    }
    const QString name = token->name;
    if (!m_dialogs.confirm(this, tr("Revoke API Token"),
                           tr("Revoke the token %1? Scripts that use it stop working at once.").arg(name),
                           tr("Revoke"))) {
        return false;
    }
    const auto revoked = m_services.accounts().revokeApiToken(m_actor, name);
    if (!revoked) {
        m_dialogs.showError(this, tr("Revoke API Token"), describeError(revoked.error()));
    }
    refreshTokens();
    return bool(revoked);
}

void MyAccountDialog::openCreate() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Create API Token"));
    dialog.setMinimumWidth(440);
    auto* name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("apiTokenName"));
    name->setMaxLength(64);
    name->setPlaceholderText(tr("What the token is for, e.g. nightly-export"));
    auto* expires = new QSpinBox(&dialog);
    expires->setRange(0, 3650);
    expires->setValue(90);
    expires->setSpecialValueText(tr("Never"));
    expires->setSuffix(tr(" days"));
    auto* all = new QRadioButton(tr("Everything I may do"), &dialog);
    auto* some = new QRadioButton(tr("Only:"), &dialog);
    all->setChecked(true);
    auto* grid = new QGridLayout;
    std::vector<std::pair<Core::Permission, QCheckBox*>> boxes;
    for (const Core::Permission permission : Core::allPermissions()) {
        if (!m_actor.may(permission)) {
            continue; // a token never gets more than its user
        }
        auto* box = new QCheckBox(RoleMatrixModel::permissionLabel(permission), &dialog);
        box->setEnabled(false);
        const int index = int(boxes.size());
        grid->addWidget(box, index / 2, index % 2);
        boxes.emplace_back(permission, box);
    }
    connect(some, &QRadioButton::toggled, &dialog, [&boxes](bool on) {
        for (const auto& [permission, box] : boxes) {
            box->setEnabled(on);
        }
    });
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Expires after:"), expires);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    buttons->addButton(tr("Create Token"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("The token may do:"), &dialog));
    layout->addWidget(all);
    layout->addWidget(some);
    auto* indented = new QHBoxLayout;
    indented->addSpacing(Style::Space::three);
    indented->addLayout(grid, 1);
    layout->addLayout(indented);
    layout->addWidget(buttons);
    name->setFocus(Qt::OtherFocusReason);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    std::optional<Core::PermissionSet> permissions;
    if (some->isChecked()) {
        permissions = Core::PermissionSet{};
        for (const auto& [permission, box] : boxes) {
            if (box->isChecked()) {
                permissions->add(permission);
            }
        }
    }
    createToken(name->text(), expires->value() == 0 ? std::nullopt : std::optional<int>(expires->value()), permissions);
}

} // namespace Tessera::Ui
