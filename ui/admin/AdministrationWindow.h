#pragma once

#include "common/Actor.h"
#include "common/Result.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class AuditPage;
class FlagsPage;
class AlertsPage;
class BudgetsPage;
class PricesPage;
class FeedbackTagsPage;
class RolesPage;
class SessionsPage;
class Dialogs;
class UserListModel;

// Tools ▸ Administration: one window with a page per area an administrative permission opens. The Users page lists
// every account (searchable, sortable) and adds, edits, disables and enables, unlocks, resets passwords, ends
// sessions and removes. Every action goes through core, which checks the actor's permission again; the window
// only hides what the role cannot do.
class AdministrationWindow final : public QDialog {
    Q_OBJECT
public:
    AdministrationWindow(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    // Whether the actor has any permission that this window serves (the menu item shows only then).
    static bool mayOpen(const Core::Actor& actor);

    UserListModel* userModel() const { return m_users; }
    // nullptr for a role without audit.view.
    AuditPage* auditPage() const { return m_audit; }
    // nullptr for a role without users.manage.
    SessionsPage* sessionsPage() const { return m_sessions; }
    // nullptr for a role without users.manage and roles.manage.
    RolesPage* rolesPage() const { return m_roles; }
    // nullptr for a role without flags.manage.
    FlagsPage* flagsPage() const { return m_flags; }
    BudgetsPage* budgetsPage() const { return m_budgets; }
    AlertsPage* alertsPage() const { return m_alerts; }
    PricesPage* pricesPage() const { return m_prices; }
    FeedbackTagsPage* feedbackTagsPage() const { return m_feedbackTags; }
    void showSection(int row);
    QSortFilterProxyModel* userView() const { return m_sortedUsers; }
    QTableView* userTable() const { return m_userTable; }
    void setUserFilter(const QString& text);

    // The Users page's actions on the selected user (public for tests; the buttons call them). Each reports a
    // failure through Dialogs and returns whether it worked.
    bool addUser(const QString& username, const QString& displayName, const QString& role, const QString& password);
    bool setSelectedRole(const QString& role);
    bool setSelectedDisplayName(const QString& displayName);
    bool toggleSelectedEnabled();
    bool unlockSelected();
    bool resetSelectedPassword();
    bool endSelectedSessions();
    // transferTo empty: their conversations are deleted.
    bool removeSelected(const QString& transferTo);
    void selectUser(const QString& username);
    QString selectedUsername() const;

private:
    QWidget* buildUsersPage();
    void refreshUsers();
    void updateUserActions();
    void openAddUser();
    void openEditUser();
    void openRemoveUser();
    bool report(const Core::Status& status, const QString& title);
    QStringList assignableRoles() const;

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    QListWidget* m_sections;
    QStackedWidget* m_pages;
    UserListModel* m_users;
    QSortFilterProxyModel* m_sortedUsers;
    QTableView* m_userTable = nullptr;
    QLineEdit* m_userFilter = nullptr;
    QLabel* m_userProblem = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_disable = nullptr;
    QPushButton* m_unlock = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_endSessions = nullptr;
    QPushButton* m_remove = nullptr;
    AuditPage* m_audit = nullptr;
    SessionsPage* m_sessions = nullptr;
    FlagsPage* m_flags = nullptr;
    BudgetsPage* m_budgets = nullptr;
    AlertsPage* m_alerts = nullptr;
    PricesPage* m_prices = nullptr;
    FeedbackTagsPage* m_feedbackTags = nullptr;
    RolesPage* m_roles = nullptr;
};

} // namespace Tessera::Ui
