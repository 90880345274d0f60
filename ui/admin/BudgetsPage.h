#pragma once

#include "common/Actor.h"
#include "usage/BudgetGuard.h"

#include <QDialog>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;

// One budget or limit as an administrator enters it: for a user, a role or everyone; a window; dollars or tokens;
// the share at which it warns. The names offered are the users and roles the administrator may see.
class BudgetDialog final : public QDialog {
    Q_OBJECT
public:
    BudgetDialog(const QStringList& users, const QStringList& roles, bool mayGlobal, QWidget* parent = nullptr);

    void setBudget(const Core::Budget& budget);
    // The budget as entered; nullopt (with *problem) when something is missing or not a number.
    std::optional<Core::Budget> budget(QString* problem) const;

    QComboBox* scope() const { return m_scope; }
    QComboBox* subject() const { return m_subject; }
    QComboBox* window() const { return m_window; }
    QLineEdit* dollars() const { return m_dollars; }
    QLineEdit* tokens() const { return m_tokens; }
    QSpinBox* softPercent() const { return m_soft; }

private:
    void updateSubjects();

    QStringList m_users;
    QStringList m_roles;
    QComboBox* m_scope;
    QComboBox* m_subject;
    QComboBox* m_window;
    QLineEdit* m_dollars;
    QLineEdit* m_tokens;
    QSpinBox* m_soft;
};

// The administration window's budgets and limits: every budget with a bar of its current use (for a role budget,
// its member closest to the limit), and every limit on requests per minute and answers at once. Add, change and
// remove need quotas.manage (core checks; a Manager, for Members only); an Auditor sees them read-only.
class BudgetsPage final : public QWidget {
    Q_OBJECT
public:
    BudgetsPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    QTableWidget* budgets() const { return m_budgets; }
    QTableWidget* limits() const { return m_limits; }
    void refresh();
    // What the dialogs' OK does: false (with the error shown) when core refused.
    bool saveBudget(const Core::Budget& budget);
    bool removeBudget(int row);
    bool saveLimit(const Core::RateLimit& limit);
    bool removeLimit(int row);

private:
    void openBudgetDialog(bool edit);
    void openLimitDialog();
    QStringList userNames() const;
    QStringList roleNames() const;

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    QTableWidget* m_budgets;
    QTableWidget* m_limits;
    std::vector<Core::BudgetStanding> m_standings;
    std::vector<Core::RateLimit> m_rateLimits;
    QPushButton* m_editBudget;
    QPushButton* m_removeBudget;
    QPushButton* m_removeLimit;
};

} // namespace Tessera::Ui
