#pragma once

#include "common/Actor.h"
#include "usage/Alerts.h"

#include <QDialog>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;

// An alert rule in words people read (translated): "Spend this month above $500.00".
QString alertRuleText(const Core::AlertRule& rule);

// An alert in words: its rule (translated while the rule exists), what it is about, and what happened.
QString alertText(const Core::Alert& alert, const std::vector<Core::AlertRule>& rules);

// One alert rule as an administrator enters it: its kind and the fields that kind takes.
class AlertRuleDialog final : public QDialog {
    Q_OBJECT
public:
    AlertRuleDialog(const QStringList& providers, QWidget* parent = nullptr);

    // The rule as entered; nullopt (with *problem) when something is missing or not a number.
    std::optional<Core::AlertRule> rule(QString* problem) const;

    QComboBox* kind() const { return m_kind; }
    QLineEdit* dollars() const { return m_dollars; }
    QComboBox* window() const { return m_window; }
    QSpinBox* hours() const { return m_hours; }
    QSpinBox* share() const { return m_share; }
    QSpinBox* minutes() const { return m_minutes; }
    QSpinBox* latency() const { return m_latency; }
    QComboBox* provider() const { return m_provider; }

private:
    void showFields();

    QComboBox* m_kind;
    QLineEdit* m_dollars;
    QComboBox* m_window;
    QSpinBox* m_hours;
    QSpinBox* m_share;
    QSpinBox* m_minutes;
    QSpinBox* m_latency;
    QSpinBox* m_minRequests;
    QComboBox* m_provider;
    QLabel* m_hint;
    std::vector<std::pair<QWidget*, QWidget*>> m_rows; // label, field
};

// The administration window's alerts: the rules, with add and remove (quotas.manage; core checks and audits), and
// the alerts they raised, active first, with the resolved ones on request; "Check Now" evaluates the rules at once.
class AlertsPage final : public QWidget {
    Q_OBJECT
public:
    AlertsPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    QTableWidget* rules() const { return m_rules; }
    QTableWidget* alerts() const { return m_alerts; }
    QCheckBox* showResolved() const { return m_showResolved; }
    void refresh();
    // What the dialog's OK does: false (with the error shown) when core refused.
    bool saveRule(const Core::AlertRule& rule);
    bool removeRule(int row);
    void checkNow();

private:
    void openRuleDialog();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    QTableWidget* m_rules;
    QTableWidget* m_alerts;
    QCheckBox* m_showResolved;
    QPushButton* m_remove;
    std::vector<Core::AlertRule> m_ruleList;
};

} // namespace Tessera::Ui
