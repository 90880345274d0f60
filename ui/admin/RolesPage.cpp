#include "admin/RolesPage.h"

#include "accounts/AccountService.h"
#include "app/CoreServices.h"
#include "style/Tokens.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

QStringList parseAllowlist(const QString& text) {
    QStringList providers;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QString name = part.trimmed(); !name.isEmpty()) {
            providers << name;
        }
    }
    return providers;
}

// The matrix's cells: a check box in the middle of the cell (greyed where the role cannot be changed); a click on
// it or Space toggles it.
class CenteredCheckDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyleOptionViewItem cell = option;
        initStyleOption(&cell, index);
        const QStyle* style = cell.widget ? cell.widget->style() : QApplication::style();
        cell.features &= ~QStyleOptionViewItem::HasCheckIndicator;
        style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, cell.widget);
        QStyleOptionViewItem check = option;
        check.rect = checkRect(option);
        check.state &= ~QStyle::State_HasFocus;
        check.state |= index.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked ? QStyle::State_On
                                                                                             : QStyle::State_Off;
        if (!(index.flags() & Qt::ItemIsUserCheckable)) {
            check.state &= ~QStyle::State_Enabled;
        }
        style->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &check, painter, cell.widget);
    }

    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override {
        if (!(index.flags() & Qt::ItemIsUserCheckable)) {
            return false;
        }
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonDblClick:
            return checkRect(option).contains(static_cast<QMouseEvent*>(event)->position().toPoint());
        case QEvent::MouseButtonRelease: {
            const auto* mouse = static_cast<QMouseEvent*>(event);
            if (mouse->button() != Qt::LeftButton || !checkRect(option).contains(mouse->position().toPoint())) {
                return false;
            }
            break;
        }
        case QEvent::KeyPress: {
            const int key = static_cast<QKeyEvent*>(event)->key();
            if (key != Qt::Key_Space && key != Qt::Key_Select) {
                return false;
            }
            break;
        }
        default:
            return false;
        }
        const bool checked = index.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
        return model->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    }

private:
    static QRect checkRect(const QStyleOptionViewItem& option) {
        const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
        const QSize size(style->pixelMetric(QStyle::PM_IndicatorWidth, &option, option.widget),
                         style->pixelMetric(QStyle::PM_IndicatorHeight, &option, option.widget));
        return QStyle::alignedRect(option.direction, Qt::AlignCenter, size, option.rect);
    }
};

} // namespace

RoleMatrixModel::RoleMatrixModel(Core::RoleService& roles, Core::Actor actor, QObject* parent)
    : QAbstractTableModel(parent)
    , m_roles(roles)
    , m_actor(std::move(actor)) {
}

QString RoleMatrixModel::permissionLabel(Core::Permission permission) {
    using Core::Permission;
    switch (permission) {
    case Permission::Chat:
        return tr("Chat");
    case Permission::ProvidersUse:
        return tr("Use providers");
    case Permission::ProvidersManage:
        return tr("Manage providers and keys");
    case Permission::UsersManage:
        return tr("Manage users");
    case Permission::RolesManage:
        return tr("Manage roles");
    case Permission::QuotasManage:
        return tr("Manage budgets and limits");
    case Permission::UsageViewAll:
        return tr("See everyone's usage");
    case Permission::AuditView:
        return tr("Read the audit log");
    case Permission::FlagsManage:
        return tr("Change feature flags");
    case Permission::PromptsShare:
        return tr("Share prompts");
    case Permission::ExperimentsRun:
        return tr("Run prompt experiments");
    case Permission::DataExport:
        return tr("Export conversations");
    case Permission::DataImport:
        return tr("Import conversations");
    }
    return Core::permissionName(permission);
}

int RoleMatrixModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : Core::permissionCount;
}

int RoleMatrixModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_columns.size());
}

bool RoleMatrixModel::editable(int column) const {
    const Core::RoleInfo* info = roleAt(column);
    return info && !info->role.builtIn && m_actor.may(Core::Permission::RolesManage);
}

QVariant RoleMatrixModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= Core::permissionCount || index.column() >= int(m_columns.size())) {
        return {};
    }
    const Core::Permission permission = Core::Permission(index.row());
    const Core::AccountRole& column = m_columns[std::size_t(index.column())].role;
    const bool granted = column.permissions.has(permission);
    switch (role) {
    case Qt::CheckStateRole:
        return granted ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return granted ? tr("%1: %2 (granted)").arg(column.name, permissionLabel(permission))
                       : tr("%1: %2 (not granted)").arg(column.name, permissionLabel(permission));
    default:
        return {};
    }
}

QVariant RoleMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= Core::permissionCount) {
            return {};
        }
        const Core::Permission permission = Core::Permission(section);
        if (role == Qt::DisplayRole) {
            return permissionLabel(permission);
        }
        if (role == Qt::ToolTipRole) {
            return Core::permissionName(permission);
        }
        return {};
    }
    const Core::RoleInfo* info = roleAt(section);
    if (!info) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        return info->role.name;
    }
    if (role == Qt::ToolTipRole) {
        return info->role.builtIn
                   ? tr("%1: built in, cannot be changed; %n people have it", nullptr, info->members)
                         .arg(info->role.name)
                   : tr("%1: custom role; %n people have it", nullptr, info->members).arg(info->role.name);
    }
    return {};
}

Qt::ItemFlags RoleMatrixModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (editable(index.column())) {
        flags |= Qt::ItemIsUserCheckable;
    }
    return flags;
}

bool RoleMatrixModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::CheckStateRole || index.row() >= Core::permissionCount ||
        !editable(index.column())) {
        return false;
    }
    Core::RoleInfo& info = m_columns[std::size_t(index.column())];
    Core::PermissionSet permissions = info.role.permissions;
    const Core::Permission permission = Core::Permission(index.row());
    if (value.value<Qt::CheckState>() == Qt::Checked) {
        permissions.add(permission);
    } else {
        permissions.remove(permission);
    }
    if (permissions == info.role.permissions) {
        return true;
    }
    Core::RoleChanges changes;
    changes.permissions = permissions;
    auto updated = m_roles.update(m_actor, info.role.name, changes);
    if (!updated) {
        Q_EMIT changeFailed(describeError(updated.error()));
        return false;
    }
    info = std::move(*updated);
    Q_EMIT dataChanged(this->index(0, index.column()), this->index(Core::permissionCount - 1, index.column()),
                       {Qt::CheckStateRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
    return true;
}

Core::Status RoleMatrixModel::refresh() {
    auto roles = m_roles.list(m_actor);
    if (!roles) {
        return Core::fail(roles.error());
    }
    beginResetModel();
    m_columns = std::move(*roles);
    endResetModel();
    return {};
}

const Core::RoleInfo* RoleMatrixModel::roleAt(int column) const {
    return column >= 0 && column < int(m_columns.size()) ? &m_columns[std::size_t(column)] : nullptr;
}

int RoleMatrixModel::columnOf(const QString& roleName) const {
    for (int column = 0; column < int(m_columns.size()); ++column) {
        if (m_columns[std::size_t(column)].role.name.compare(roleName, Qt::CaseInsensitive) == 0) {
            return column;
        }
    }
    return -1;
}

RolesPage::RolesPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_model(new RoleMatrixModel(services.roles(), m_actor, this))
    , m_table(new QTableView(this))
    , m_about(new QLabel(this))
    , m_allowlist(new QLineEdit(this))
    , m_saveAllowlist(new QPushButton(tr("Sa&ve Allowlist"), this))
    , m_add(new QPushButton(tr("&Add Role…"), this))
    , m_rename(new QPushButton(tr("Re&name…"), this))
    , m_remove(new QPushButton(tr("Re&move"), this)) {
    setObjectName(QStringLiteral("rolesPage"));
    const bool manages = m_actor.may(Core::Permission::RolesManage);
    m_table->setObjectName(QStringLiteral("roleMatrix"));
    m_table->setAccessibleName(tr("Roles and their permissions"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new CenteredCheckDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setMinimumSectionSize(96);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_model, &RoleMatrixModel::changeFailed, this,
            [this](const QString& message) { m_dialogs.showError(this, tr("Change Role"), message); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        m_selectedColumn = current.isValid() ? current.column() : -1;
        updateSelection();
    });
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this,
            [this](int column) { m_table->setCurrentIndex(m_model->index(0, column)); });

    m_about->setObjectName(QStringLiteral("roleAbout"));
    m_about->setWordWrap(true);
    m_allowlist->setObjectName(QStringLiteral("roleAllowlist"));
    m_allowlist->setPlaceholderText(tr("Every provider and model (or e.g. openai, anthropic/claude-sonnet-4)"));
    m_allowlist->setAccessibleName(tr("Providers and models the role allows"));
    m_allowlist->setClearButtonEnabled(true);
    connect(m_allowlist, &QLineEdit::returnPressed, this, [this] { saveAllowlist(m_allowlist->text()); });
    for (QPushButton* button : {m_saveAllowlist, m_add, m_rename, m_remove}) {
        button->setAutoDefault(false);
        button->setVisible(manages);
    }
    m_saveAllowlist->setObjectName(QStringLiteral("saveAllowlist"));
    m_add->setObjectName(QStringLiteral("addRole"));
    m_rename->setObjectName(QStringLiteral("renameRole"));
    m_remove->setObjectName(QStringLiteral("removeRole"));
    connect(m_saveAllowlist, &QPushButton::clicked, this, [this] { saveAllowlist(m_allowlist->text()); });
    connect(m_add, &QPushButton::clicked, this, &RolesPage::openAdd);
    connect(m_rename, &QPushButton::clicked, this, &RolesPage::openRename);
    connect(m_remove, &QPushButton::clicked, this, &RolesPage::removeSelected);

    auto* allowLabel = new QLabel(tr("&Providers and models:"), this);
    allowLabel->setBuddy(m_allowlist);
    auto* allowRow = new QHBoxLayout;
    allowRow->addWidget(allowLabel);
    allowRow->addWidget(m_allowlist, 1);
    allowRow->addWidget(m_saveAllowlist);
    auto* roleButtons = new QHBoxLayout;
    roleButtons->addWidget(m_add);
    roleButtons->addStretch(1);
    roleButtons->addWidget(m_rename);
    roleButtons->addWidget(m_remove);
    auto* selected = new QGroupBox(tr("Selected role"), this);
    auto* selectedLayout = new QVBoxLayout(selected);
    selectedLayout->setSpacing(Style::Space::one);
    selectedLayout->addWidget(m_about);
    selectedLayout->addLayout(allowRow);
    selectedLayout->addLayout(roleButtons);

    // Below the matrix, side by side: the selected role, and what a user's role grants them.
    auto* details = new QHBoxLayout;
    details->setSpacing(Style::Space::two);
    details->addWidget(selected, 3);
    if (m_actor.may(Core::Permission::UsersManage)) {
        auto* effective = new QGroupBox(tr("Effective permissions"), this);
        m_user = new QComboBox(effective);
        m_user->setObjectName(QStringLiteral("effectiveUser"));
        m_user->setAccessibleName(tr("User whose permissions to show"));
        m_user->setMinimumContentsLength(14);
        m_effective = new QLabel(effective);
        m_effective->setObjectName(QStringLiteral("effectivePermissions"));
        m_effective->setWordWrap(true);
        m_effective->setAlignment(Qt::AlignTop | Qt::AlignLeading);
        m_effective->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto* userLabel = new QLabel(tr("&User:"), effective);
        userLabel->setBuddy(m_user);
        auto* userRow = new QHBoxLayout;
        userRow->addWidget(userLabel);
        userRow->addWidget(m_user, 1);
        auto* effectiveLayout = new QVBoxLayout(effective);
        effectiveLayout->setSpacing(Style::Space::one);
        effectiveLayout->addLayout(userRow);
        effectiveLayout->addWidget(m_effective, 1);
        connect(m_user, &QComboBox::currentTextChanged, this, [this](const QString& name) {
            if (!name.isEmpty()) {
                showEffective(name);
            }
        });
        details->addWidget(effective, 2);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two, 0, 0, 0);
    layout->setSpacing(Style::Space::two);
    layout->addWidget(m_table, 1);
    layout->addLayout(details);
    refresh();
}

void RolesPage::refresh() {
    const QString selected = selectedRole();
    if (auto refreshed = m_model->refresh(); !refreshed) {
        m_dialogs.showError(this, tr("Roles"), describeError(refreshed.error()));
    }
    // Every permission in view at once: the matrix is read across, never scrolled down.
    m_table->resizeRowsToContents();
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() + m_table->verticalHeader()->length() +
                              2 * m_table->frameWidth() + 2);
    if (m_user) {
        const QString shown = m_user->currentText();
        const QSignalBlocker blocker(m_user);
        m_user->clear();
        if (auto users = m_services.accounts().users(m_actor)) {
            for (const Core::UserInfo& user : *users) {
                m_user->addItem(user.account.username);
            }
        }
        m_user->setCurrentIndex(std::max(0, m_user->findText(shown)));
        if (!m_user->currentText().isEmpty()) {
            showEffective(m_user->currentText());
        }
    }
    selectRole(selected.isEmpty() && m_model->columnCount() > 0 ? m_model->roleAt(0)->role.name : selected);
}

void RolesPage::selectRole(const QString& name) {
    const int column = m_model->columnOf(name);
    if (column >= 0) {
        m_table->setCurrentIndex(m_model->index(0, column));
    }
    m_selectedColumn = column;
    updateSelection();
}

QString RolesPage::selectedRole() const {
    const Core::RoleInfo* info = m_model->roleAt(m_selectedColumn);
    return info ? info->role.name : QString();
}

void RolesPage::updateSelection() {
    const Core::RoleInfo* info = m_model->roleAt(m_selectedColumn);
    const bool custom = info && !info->role.builtIn;
    if (!info) {
        m_about->setText(tr("Choose a role in the table."));
        m_allowlist->clear();
    } else {
        const QString kind = info->role.builtIn ? tr("Built-in role: it cannot be changed. Add a custom role to "
                                                     "grant another set of permissions.")
                                                : tr("Custom role: check or clear a permission to change it at once. "
                                                     "People who have it get the change when they next sign in.");
        m_about->setText(
            tr("<b>%1</b> · %n people have it", nullptr, info->members).arg(info->role.name.toHtmlEscaped()) +
            QStringLiteral("<br>") + kind.toHtmlEscaped());
        m_allowlist->setText(info->role.providers.join(QStringLiteral(", ")));
    }
    const bool manages = m_actor.may(Core::Permission::RolesManage);
    m_allowlist->setReadOnly(!(custom && manages));
    m_saveAllowlist->setEnabled(custom && manages);
    m_rename->setEnabled(custom && manages);
    m_remove->setEnabled(custom && manages && info->members == 0);
    m_remove->setToolTip(custom && info->members > 0 ? tr("Give the people who have this role another role first.")
                                                     : QString());
}

bool RolesPage::report(const Core::Status& status, const QString& title) {
    if (!status) {
        m_dialogs.showError(this, title, describeError(status.error()));
    }
    refresh();
    return bool(status);
}

bool RolesPage::addRole(const QString& name, const QString& fromRole) {
    Core::PermissionSet permissions{Core::Permission::Chat, Core::Permission::ProvidersUse};
    QStringList providers;
    if (const Core::RoleInfo* from = m_model->roleAt(m_model->columnOf(fromRole))) {
        permissions = from->role.permissions;
        providers = from->role.providers;
    }
    auto added = m_services.roles().add(m_actor, name.trimmed(), permissions, providers);
    if (!added) {
        return report(Core::fail(added.error()), tr("Add Role"));
    }
    refresh();
    selectRole(added->role.name);
    return true;
}

bool RolesPage::renameSelected(const QString& name) {
    const QString current = selectedRole();
    Core::RoleChanges changes;
    changes.name = name.trimmed();
    auto renamed = m_services.roles().update(m_actor, current, changes);
    if (!renamed) {
        return report(Core::fail(renamed.error()), tr("Rename Role"));
    }
    refresh();
    selectRole(renamed->role.name);
    return true;
}

bool RolesPage::removeSelected() {
    const QString name = selectedRole();
    if (name.isEmpty() ||
        !m_dialogs.confirm(this, tr("Remove Role"),
                           tr("Remove the role %1? Its feature flag settings go with it.").arg(name), tr("Remove"))) {
        return false;
    }
    const bool removed = report(m_services.roles().remove(m_actor, name), tr("Remove Role"));
    if (removed && m_model->columnCount() > 0) {
        selectRole(m_model->roleAt(0)->role.name);
    }
    return removed;
}

bool RolesPage::saveAllowlist(const QString& providers) {
    const QString name = selectedRole();
    Core::RoleChanges changes;
    changes.providers = parseAllowlist(providers);
    const bool saved =
        report(Core::Status(m_services.roles().update(m_actor, name, changes).map([](const Core::RoleInfo&) {})),
               tr("Save Allowlist"));
    selectRole(name);
    return saved;
}

QString RolesPage::showEffective(const QString& username) {
    if (m_user && m_user->currentText() != username) {
        const QSignalBlocker blocker(m_user);
        m_user->setCurrentIndex(m_user->findText(username));
    }
    auto user = m_services.accounts().user(m_actor, username);
    if (!user) {
        if (m_effective) {
            m_effective->setText(describeError(user.error()));
        }
        return {};
    }
    QStringList granted;
    for (const Core::Permission permission : Core::allPermissions()) {
        if (user->permissions.has(permission)) {
            granted << RoleMatrixModel::permissionLabel(permission);
        }
    }
    const QString providers = user->allowedProviders.isEmpty() ? tr("every provider and model")
                                                               : user->allowedProviders.join(QStringLiteral(", "));
    const QString text = tr("%1 has the role %2, which grants: %3. Providers: %4.")
                             .arg(user->account.username, user->roleName,
                                  granted.isEmpty() ? tr("nothing") : granted.join(QStringLiteral(", ")), providers);
    if (m_effective) {
        m_effective->setText(text);
    }
    return text;
}

void RolesPage::openAdd() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add Role"));
    dialog.setMinimumWidth(380);
    auto* name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("newRoleName"));
    auto* from = new QComboBox(&dialog);
    for (int column = 0; column < m_model->columnCount(); ++column) {
        from->addItem(m_model->roleAt(column)->role.name);
    }
    from->setCurrentIndex(std::max(0, from->findText(QStringLiteral("Member"))));
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Start from:"), from);
    auto* hint = new QLabel(tr("The new role starts with the permissions and providers of the role you start from; "
                               "change them in the table."),
                            &dialog);
    hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    buttons->addButton(tr("Add Role"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    if (dialog.exec() == QDialog::Accepted) {
        addRole(name->text(), from->currentText());
    }
}

void RolesPage::openRename() {
    const QString current = selectedRole();
    if (const auto name = m_dialogs.askText(this, tr("Rename Role"), tr("New name of %1:").arg(current), current)) {
        renameSelected(*name);
    }
}

} // namespace Tessera::Ui
