#pragma once

#include "common/Actor.h"
#include "common/Result.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class BudgetGuard;
class Clock;
class Database;
class UsageLedger;

// What an alert rule watches.
enum class AlertKind {
    Spend,       // everyone's spend in a window above an amount
    BudgetSoft,  // a budget reaching its soft limit
    FailureRate, // a provider's failed requests above a share over the last N minutes
    Unhealthy,   // a provider failing every request for N minutes
    Latency,     // a provider's p95 total time of completed answers above a time over the last N minutes
};
QString alertKindName(AlertKind kind); // "spend", "budget_soft", "failure_rate", "unhealthy", "latency"
std::optional<AlertKind> parseAlertKind(const QString& name);

// A spend rule's window: the calendar day, week or month in the usage time zone, or the last N hours.
struct SpendWindow {
    enum class Calendar { None, Day, Week, Month } calendar = Calendar::None;
    int hours = 0;
    // "day", "week", "month", "1h" … "720h"; nullopt for anything else.
    static std::optional<SpendWindow> parse(const QString& text);
    QString text() const;
};

struct AlertRule {
    qint64 id = 0;
    AlertKind kind = AlertKind::Spend;
    QString provider;                    // empty: every provider (failure rate, unhealthy, latency)
    std::optional<qint64> amountMicros;  // spend: above this
    QString spendWindow;                 // spend: SpendWindow text
    std::optional<int> shareBasisPoints; // failure rate: above this share, in 1/10,000 (2,000 = 20 %)
    std::optional<qint64> latencyMs;     // latency: p95 above this
    int minutes = 0;                     // failure rate, unhealthy, latency: over this many minutes
    int minRequests = 5;                 // failure rate, latency: at least this many requests in the minutes
    QString createdBy;
    QDateTime createdAt;

    // "spend this month above $500.00", "openai failing over 20 % of requests in 15 minutes", …
    QString describe() const;
};

// One alert a rule raised: active until its condition ends.
struct Alert {
    qint64 id = 0;
    std::optional<qint64> ruleId; // unset once the rule is removed
    QString rule;                 // the rule in words when it was raised
    QString condition;            // what it is about: "everyone", "provider:openai", "budget:3:ada"
    QString message;              // what happened, with the figures
    QDateTime raisedAt;
    std::optional<QDateTime> resolvedAt;
    bool active() const { return !resolvedAt.has_value(); }
};

// What one evaluation changed.
struct AlertCheck {
    std::vector<Alert> raised;
    std::vector<Alert> resolved;
    std::vector<Alert> active; // every alert active after it
};

// Alerts (core/usage): rules set by administrators (quotas.manage; audited as alert.rule_add and
// alert.rule_remove), evaluated by core after each answer and on a timer (AlertMonitor) or on demand (`alerts
// check`). Each rule raises an alert once per condition and window, keeps it active while the condition holds and
// resolves it when it ends; a later window raises it again. Reading rules and alerts needs usage.view_all or
// quotas.manage.
class AlertService final {
public:
    AlertService(const Database& db, const UsageLedger& ledger, const BudgetGuard& budgets, const AuditLog& audit,
                 const Clock& clock);

    // Whether the actor may read rules and alerts (usage.view_all or quotas.manage), and why not.
    static bool mayRead(const Actor& actor);
    static Status allowedToRead(const Actor& actor);

    Result<std::vector<AlertRule>> rules(const Actor& actor) const;
    // Checks and saves a new rule; returns it with its id.
    Result<AlertRule> addRule(const Actor& actor, AlertRule rule) const;
    // Removes a rule; its active alerts are resolved, its history kept.
    Status removeRule(const Actor& actor, qint64 id) const;
    // The active alerts, newest first; with history also the resolved ones (at most `limit`).
    Result<std::vector<Alert>> alerts(const Actor& actor, bool history = false, int limit = 100) const;
    // Evaluates every rule now (as the store itself: it needs no actor, and changes only alerts).
    Result<AlertCheck> evaluate() const;

private:
    struct Condition {
        QString key;
        QString window;
        QString message;
    };
    Result<std::vector<Condition>> conditionsOf(const AlertRule& rule, const QDateTime& now) const;

    const Database& m_db;
    const UsageLedger& m_ledger;
    const BudgetGuard& m_budgets;
    const AuditLog& m_audit;
    const Clock& m_clock;
};

// Runs the evaluation after answers (debounced) and every minute, and says when alerts are raised: the GUI shows
// them and notifies. Lives on the main thread.
class AlertMonitor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertMonitor)

public:
    explicit AlertMonitor(const AlertService& alerts, QObject* parent = nullptr);

    // 0 stops the timer.
    void setIntervalSeconds(int seconds);
    // An answer was recorded: evaluate soon (several answers at once evaluate once).
    void answerRecorded();
    void evaluateNow();
    const std::vector<Alert>& active() const { return m_active; }

Q_SIGNALS:
    void raised(const Tessera::Core::Alert& alert);
    void changed(); // the active alerts changed

private:
    const AlertService& m_alerts;
    QTimer m_timer;
    QTimer m_soon;
    std::vector<Alert> m_active;
};

} // namespace Tessera::Core
