#include "admin/AdministrationWindow.h"

#include "accounts/AccountService.h"
#include "accounts/RoleService.h"
#include "admin/AlertsPage.h"
#include "admin/AuditPage.h"
#include "admin/BudgetsPage.h"
#include "admin/FeedbackTagsPage.h"
#include "admin/FlagsPage.h"
#include "admin/PricesPage.h"
#include "admin/RolesPage.h"
#include "admin/SessionsPage.h"
#include "admin/UserListModel.h"
#include "app/CoreServices.h"
#include "style/Icons.h"
#include "style/Theme.h"
#include "style/Tokens.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

// A small form dialog: the fields in a form, OK and Cancel.
class FormDialog final : public QDialog {
public:
    FormDialog(const QString& title, const QString& action, QWidget* parent)
        : QDialog(parent)
        , m_form(new QFormLayout) {
        setWindowTitle(title);
        setMinimumWidth(400);
        auto* buttons = new QDialogButtonBox(this);
        QPushButton* ok = buttons->addButton(action, QDialogButtonBox::AcceptRole);
        ok->setDefault(true);
        buttons->addButton(QDialogButtonBox::Cancel)->setAutoDefault(false);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(Style::Space::three, Style::Space::three, Style::Space::three, Style::Space::two);
        layout->setSpacing(Style::Space::two);
        m_form->setSpacing(Style::Space::one);
        layout->addLayout(m_form);
        layout->addWidget(buttons);
    }
    QFormLayout* form() const { return m_form; }

private:
    QFormLayout* m_form;
};

} // namespace

bool AdministrationWindow::mayOpen(const Core::Actor& actor) {
    using Core::Permission;
    for (const Permission permission :
         {Permission::UsersManage, Permission::RolesManage, Permission::AuditView, Permission::FlagsManage,
          Permission::QuotasManage, Permission::UsageViewAll, Permission::ProvidersManage}) {
        if (actor.may(permission)) {
            return true;
        }
    }
    return false;
}

AdministrationWindow::AdministrationWindow(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs,
                                           QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_sections(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_users(new UserListModel(services.accounts(), m_actor, this))
    , m_sortedUsers(new QSortFilterProxyModel(this)) {
    setObjectName(QStringLiteral("administrationWindow"));
    setWindowTitle(tr("Administration"));
    resize(1080, 560);
    m_sections->setObjectName(QStringLiteral("administrationSections"));
    m_sections->setAccessibleName(tr("Sections"));
    m_sections->setFrameShape(QFrame::NoFrame);
    m_sections->setIconSize(QSize(Style::iconSize, Style::iconSize));
    m_sections->setMaximumWidth(170);
    m_sections->setSpacing(2);
    m_pages->setObjectName(QStringLiteral("administrationPages"));
    if (m_actor.may(Core::Permission::UsersManage)) {
        m_pages->addWidget(buildUsersPage());
        auto* item = new QListWidgetItem(Style::icon(Style::Icon::User), tr("Users"), m_sections);
        item->setSizeHint(QSize(0, 32));
    }
    if (m_actor.may(Core::Permission::UsersManage) || m_actor.may(Core::Permission::RolesManage)) {
        m_roles = new RolesPage(m_services, m_actor, m_dialogs, m_pages);
        m_pages->addWidget(m_roles);
        auto* item = new QListWidgetItem(Style::icon(Style::Icon::CircleCheck), tr("Roles"), m_sections);
        item->setSizeHint(QSize(0, 32));
    }
    if (m_actor.may(Core::Permission::UsersManage)) {
        m_sessions = new SessionsPage(m_services, m_actor, m_dialogs, SessionsPage::Scope::Everyone, m_pages);
        m_pages->addWidget(m_sessions);
        auto* item = new QListWidgetItem(Style::icon(Style::Icon::KeyRound), tr("Sessions"), m_sections);
        item->setSizeHint(QSize(0, 32));
    }
    if (m_actor.may(Core::Permission::AuditView)) {
        m_audit = new AuditPage(m_services, m_actor, m_dialogs, m_pages);
        m_pages->addWidget(m_audit);
        auto* item = new QListWidgetItem(Style::icon(Style::Icon::FileText), tr("Audit log"), m_sections);
        item->setSizeHint(QSize(0, 32));
    }
    if (m_actor.may(Core::Permission::FlagsManage)) {
        m_flags = new FlagsPage(m_services, m_actor, m_dialogs, m_pages);
        m_pages->addWidget(m_flags);
        auto* item = new QListWidgetItem(Style::icon(Style::Icon::SlidersHorizontal), tr("Feature flags"), m_sections);
        item->setSizeHint(QSize(0, 32));
    }
    if (m_actor.may(Core::Permission::QuotasManage) || m_actor.may(Core::Permission::UsageViewAll)) {
        m_budgets = new BudgetsPage(m_services, m_actor, m_dialogs, m_pages);
        m_pages->addWidget(m_budgets);
        auto* item = new QListWidgetItem(Style::icon(Style::Icon::Activity), tr("Budgets"), m_sections);
        item->setSizeHint(QSize(0, 32));
    }
    if (Core::AlertService::mayRead(m_actor)) {
        m_alerts = new AlertsPage(m_services, m_actor, m_dialogs, m_pages);
        m_pages->addWidget(m_alerts);
        auto* item = new QListWidgetItem(Style::icon(Style::Icon::Activity), tr("Alerts"), m_sections);
        item->setSizeHint(QSize(0, 32));
    }
    if (m_actor.may(Core::Permission::ProvidersManage) || m_actor.may(Core::Permission::UsageViewAll)) {
        m_prices = new PricesPage(m_services, m_actor, m_dialogs, m_pages);
        m_pages->addWidget(m_prices);
        auto* item = new QListWidgetItem(Style::icon(Style::Icon::Tag), tr("Prices"), m_sections);
        item->setSizeHint(QSize(0, 32));
    }
    if (m_actor.may(Core::Permission::RolesManage)) {
        m_feedbackTags = new FeedbackTagsPage(m_services, m_actor, m_dialogs, m_pages);
        m_pages->addWidget(m_feedbackTags);
        auto* item = new QListWidgetItem(Style::icon(Style::Icon::ThumbsUp), tr("Feedback tags"), m_sections);
        item->setSizeHint(QSize(0, 32));
    }
    connect(m_sections, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sections->setCurrentRow(0);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* body = new QHBoxLayout;
    body->addWidget(m_sections);
    body->addWidget(m_pages, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two, Style::Space::two, Style::Space::two, Style::Space::two);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);
}

void AdministrationWindow::showSection(int row) {
    m_sections->setCurrentRow(row);
}

QWidget* AdministrationWindow::buildUsersPage() {
    auto* page = new QWidget(m_pages);
    page->setObjectName(QStringLiteral("usersPage"));
    m_sortedUsers->setSourceModel(m_users);
    m_sortedUsers->setSortRole(UserListModel::SortRole);
    m_sortedUsers->setFilterKeyColumn(-1);
    m_sortedUsers->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_userFilter = new QLineEdit(page);
    m_userFilter->setObjectName(QStringLiteral("userFilter"));
    m_userFilter->setPlaceholderText(tr("Search users…"));
    m_userFilter->setAccessibleName(tr("Search users"));
    m_userFilter->setClearButtonEnabled(true);
    connect(m_userFilter, &QLineEdit::textChanged, this, &AdministrationWindow::setUserFilter);
    m_userTable = new QTableView(page);
    m_userTable->setObjectName(QStringLiteral("userTable"));
    m_userTable->setAccessibleName(tr("Users"));
    m_userTable->setModel(m_sortedUsers);
    m_userTable->setSortingEnabled(true);
    m_userTable->sortByColumn(UserListModel::UsernameColumn, Qt::AscendingOrder);
    m_userTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_userTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_userTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_userTable->verticalHeader()->hide();
    m_userTable->setWordWrap(false);
    QHeaderView* header = m_userTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UserListModel::DisplayNameColumn, QHeaderView::Stretch);
    m_userTable->setAlternatingRowColors(false);
    connect(m_userTable, &QTableView::doubleClicked, this, &AdministrationWindow::openEditUser);
    m_userProblem = new QLabel(page);
    m_userProblem->setObjectName(QStringLiteral("usersProblem"));
    m_userProblem->setWordWrap(true);
    m_userProblem->setStyleSheet(QStringLiteral("color: %1;").arg(Style::css(Style::tokens().danger)));
    m_userProblem->hide();

    const auto button = [page](const QString& text, const char* name) {
        auto* b = new QPushButton(text, page);
        b->setObjectName(QString::fromLatin1(name));
        b->setAutoDefault(false);
        return b;
    };
    m_add = button(tr("&Add…"), "addUser");
    m_edit = button(tr("&Edit…"), "editUser");
    m_disable = button(tr("&Disable"), "disableUser");
    m_unlock = button(tr("&Unlock"), "unlockUser");
    m_reset = button(tr("&Reset Password…"), "resetPassword");
    m_endSessions = button(tr("End &Sessions"), "endSessions");
    m_remove = button(tr("Re&move…"), "removeUser");
    connect(m_add, &QPushButton::clicked, this, &AdministrationWindow::openAddUser);
    connect(m_edit, &QPushButton::clicked, this, &AdministrationWindow::openEditUser);
    connect(m_disable, &QPushButton::clicked, this, &AdministrationWindow::toggleSelectedEnabled);
    connect(m_unlock, &QPushButton::clicked, this, &AdministrationWindow::unlockSelected);
    connect(m_reset, &QPushButton::clicked, this, &AdministrationWindow::resetSelectedPassword);
    connect(m_endSessions, &QPushButton::clicked, this, &AdministrationWindow::endSelectedSessions);
    connect(m_remove, &QPushButton::clicked, this, &AdministrationWindow::openRemoveUser);
    auto* actions = new QVBoxLayout;
    for (QPushButton* b : {m_add, m_edit, m_disable, m_unlock, m_reset, m_endSessions, m_remove}) {
        actions->addWidget(b);
    }
    actions->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addWidget(m_userTable, 1);
    row->addLayout(actions);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(Style::Space::two, 0, 0, 0);
    layout->setSpacing(Style::Space::one);
    layout->addWidget(m_userFilter);
    layout->addLayout(row, 1);
    layout->addWidget(m_userProblem);
    connect(m_userTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AdministrationWindow::updateUserActions);
    refreshUsers();
    return page;
}

void AdministrationWindow::setUserFilter(const QString& text) {
    m_sortedUsers->setFilterFixedString(text.trimmed());
    updateUserActions();
}

void AdministrationWindow::refreshUsers() {
    const QString selected = selectedUsername();
    if (auto refreshed = m_users->refresh(); !refreshed) {
        m_userProblem->setText(describeError(refreshed.error()));
        m_userProblem->show();
    } else {
        m_userProblem->hide();
    }
    if (!selected.isEmpty()) {
        selectUser(selected);
    }
    updateUserActions();
}

QString AdministrationWindow::selectedUsername() const {
    if (!m_userTable) {
        return {};
    }
    const QModelIndexList rows = m_userTable->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return {};
    }
    const Core::UserInfo* user = m_users->userAt(m_sortedUsers->mapToSource(rows.first()).row());
    return user ? user->account.username : QString();
}

void AdministrationWindow::selectUser(const QString& username) {
    for (int row = 0; row < m_sortedUsers->rowCount(); ++row) {
        const QModelIndex index = m_sortedUsers->index(row, UserListModel::UsernameColumn);
        if (index.data().toString().compare(username, Qt::CaseInsensitive) == 0) {
            m_userTable->selectRow(row);
            return;
        }
    }
    m_userTable->clearSelection();
}

void AdministrationWindow::updateUserActions() {
    const QString name = selectedUsername();
    const Core::UserInfo* user = nullptr;
    for (int row = 0; row < m_users->rowCount(); ++row) {
        if (m_users->userAt(row)->account.username == name) {
            user = m_users->userAt(row);
        }
    }
    const bool any = user != nullptr;
    const bool self = any && user->account.id == m_actor.userId;
    for (QPushButton* b : {m_edit, m_reset, m_endSessions}) {
        b->setEnabled(any);
    }
    m_disable->setEnabled(any && !self);
    m_disable->setText(any && user->account.status == Core::AccountStatus::Disabled ? tr("&Enable") : tr("&Disable"));
    m_unlock->setEnabled(any && user->locked);
    m_remove->setEnabled(any && !self);
}

bool AdministrationWindow::report(const Core::Status& status, const QString& title) {
    if (status) {
        refreshUsers();
        return true;
    }
    m_dialogs.showError(this, title, describeError(status.error()));
    refreshUsers();
    return false;
}

QStringList AdministrationWindow::assignableRoles() const {
    QStringList names;
    if (!m_actor.may(Core::Permission::RolesManage)) {
        return {QStringLiteral("Member")}; // a Manager gives the Member role only
    }
    if (auto roles = m_services.roles().list(m_actor)) {
        for (const Core::RoleInfo& info : *roles) {
            names << info.role.name;
        }
    }
    return names;
}

bool AdministrationWindow::addUser(const QString& username, const QString& displayName, const QString& role,
                                   const QString& password) {
    auto added = m_services.accounts().addUser(m_actor, username, displayName, role, password);
    if (!added) {
        return report(Core::fail(added.error()), tr("Add User"));
    }
    refreshUsers();
    selectUser(added->user.account.username);
    if (!added->temporaryPassword.isEmpty()) {
        m_dialogs.showInfo(this, tr("Temporary Password"),
                           tr("The temporary password of %1 is:\n\n%2\n\nIt is shown only now. Give it to them; they "
                              "choose their own at the first sign-in.")
                               .arg(added->user.account.username, added->temporaryPassword));
    }
    return true;
}

bool AdministrationWindow::setSelectedRole(const QString& role) {
    Core::UserChanges changes;
    changes.roleName = role;
    return report(
        Core::Status(
            m_services.accounts().updateUser(m_actor, selectedUsername(), changes).map([](const Core::UserInfo&) {})),
        tr("Change Role"));
}

bool AdministrationWindow::setSelectedDisplayName(const QString& displayName) {
    Core::UserChanges changes;
    changes.displayName = displayName;
    return report(
        Core::Status(
            m_services.accounts().updateUser(m_actor, selectedUsername(), changes).map([](const Core::UserInfo&) {})),
        tr("Edit User"));
}

bool AdministrationWindow::toggleSelectedEnabled() {
    const QString name = selectedUsername();
    auto user = m_services.accounts().user(m_actor, name);
    if (!user) {
        return report(Core::fail(user.error()), tr("Disable User"));
    }
    const bool disabling = user->account.status == Core::AccountStatus::Active;
    if (disabling && !m_dialogs.confirm(this, tr("Disable User"),
                                        tr("Disable %1? Their sessions end at once and they cannot sign in until "
                                           "enabled again. Their conversations are kept.")
                                            .arg(name),
                                        tr("Disable"))) {
        return false;
    }
    Core::UserChanges changes;
    changes.status = disabling ? Core::AccountStatus::Disabled : Core::AccountStatus::Active;
    return report(
        Core::Status(m_services.accounts().updateUser(m_actor, name, changes).map([](const Core::UserInfo&) {})),
        disabling ? tr("Disable User") : tr("Enable User"));
}

bool AdministrationWindow::unlockSelected() {
    return report(m_services.accounts().unlock(m_actor, selectedUsername()), tr("Unlock User"));
}

bool AdministrationWindow::resetSelectedPassword() {
    const QString name = selectedUsername();
    if (!m_dialogs.confirm(this, tr("Reset Password"),
                           tr("Reset the password of %1? Their sessions end, and they must choose a new password "
                              "at the next sign-in with the temporary one shown next.")
                               .arg(name),
                           tr("Reset"))) {
        return false;
    }
    auto reset = m_services.accounts().resetPassword(m_actor, name);
    if (!reset) {
        return report(Core::fail(reset.error()), tr("Reset Password"));
    }
    refreshUsers();
    m_dialogs.showInfo(
        this, tr("Temporary Password"),
        tr("The temporary password of %1 is:\n\n%2\n\nIt is shown only now.").arg(name, reset->temporaryPassword));
    return true;
}

bool AdministrationWindow::endSelectedSessions() {
    auto ended = m_services.accounts().revokeSessionsOf(m_actor, selectedUsername());
    if (!ended) {
        return report(Core::fail(ended.error()), tr("End Sessions"));
    }
    refreshUsers();
    m_dialogs.showInfo(this, tr("End Sessions"), tr("Ended %n session(s).", nullptr, *ended));
    return true;
}

bool AdministrationWindow::removeSelected(const QString& transferTo) {
    auto removed = m_services.accounts().removeUser(m_actor, selectedUsername(), transferTo);
    return report(removed ? Core::Status{} : Core::Status(Core::fail(removed.error())), tr("Remove User"));
}

void AdministrationWindow::openAddUser() {
    FormDialog dialog(tr("Add User"), tr("&Add"), this);
    auto* username = new QLineEdit(&dialog);
    username->setMaxLength(64);
    auto* displayName = new QLineEdit(&dialog);
    auto* role = new QComboBox(&dialog);
    role->addItems(assignableRoles());
    role->setCurrentText(QStringLiteral("Member"));
    auto* password = new QLineEdit(&dialog);
    password->setEchoMode(QLineEdit::Password);
    password->setPlaceholderText(tr("Empty: a temporary one, shown once"));
    dialog.form()->addRow(tr("&Username:"), username);
    dialog.form()->addRow(tr("&Display name:"), displayName);
    dialog.form()->addRow(tr("&Role:"), role);
    dialog.form()->addRow(tr("&Password:"), password);
    if (dialog.exec() == QDialog::Accepted) {
        addUser(username->text(), displayName->text(), role->currentText(), password->text());
    }
}

void AdministrationWindow::openEditUser() {
    const QString name = selectedUsername();
    auto user = m_services.accounts().user(m_actor, name);
    if (!user) {
        return;
    }
    FormDialog dialog(tr("Edit %1").arg(name), tr("&Save"), this);
    auto* displayName = new QLineEdit(user->account.displayName, &dialog);
    auto* role = new QComboBox(&dialog);
    const QStringList roles = assignableRoles();
    role->addItems(roles.contains(user->roleName) ? roles : roles + QStringList{user->roleName});
    role->setCurrentText(user->roleName);
    role->setEnabled(m_actor.may(Core::Permission::RolesManage));
    dialog.form()->addRow(tr("&Display name:"), displayName);
    dialog.form()->addRow(tr("&Role:"), role);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (displayName->text() != user->account.displayName) {
        setSelectedDisplayName(displayName->text());
    }
    if (role->currentText() != user->roleName) {
        setSelectedRole(role->currentText());
    }
}

void AdministrationWindow::openRemoveUser() {
    const QString name = selectedUsername();
    FormDialog dialog(tr("Remove %1").arg(name), tr("&Remove"), this);
    auto* transfer = new QRadioButton(tr("&Give their conversations to:"), &dialog);
    auto* heir = new QComboBox(&dialog);
    for (int row = 0; row < m_users->rowCount(); ++row) {
        const QString other = m_users->userAt(row)->account.username;
        if (other != name) {
            heir->addItem(other);
        }
    }
    auto* erase = new QRadioButton(tr("&Delete their conversations"), &dialog);
    transfer->setChecked(true);
    connect(transfer, &QRadioButton::toggled, heir, &QComboBox::setEnabled);
    dialog.form()->addRow(transfer, heir);
    dialog.form()->addRow(erase);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (erase->isChecked() &&
        !m_dialogs.confirm(this, tr("Remove User"),
                           tr("Remove %1 and delete all their conversations? This cannot be undone.").arg(name),
                           tr("Delete"))) {
        return;
    }
    removeSelected(transfer->isChecked() ? heir->currentText() : QString());
}

} // namespace Tessera::Ui
