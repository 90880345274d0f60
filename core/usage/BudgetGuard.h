#pragma once

#include "common/Actor.h"
#include "common/Error.h"
#include "common/Result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <atomic>
#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class Clock;
class Database;
class PriceBook;
class UsageLedger;
struct ProviderConfig;

enum class BudgetScope { User, Role, Global };
enum class BudgetPeriod { Day, Week, Month, Total };
QString budgetScopeName(BudgetScope scope);    // "user", "role", "global"
QString budgetPeriodName(BudgetPeriod period); // "day", "week", "month", "total"
std::optional<BudgetPeriod> parseBudgetPeriod(const QString& name);

// The calendar window a budget counts in: days in the usage time zone, from firstDay to lastDay inclusive, and the
// moment it resets (none for a total).
struct BudgetWindow {
    std::optional<QDate> firstDay;
    std::optional<QDate> lastDay;
    std::optional<QDateTime> resetsAt; // UTC
};
BudgetWindow budgetWindow(BudgetPeriod period, const QDateTime& now, const QTimeZone& zone);

// A budget: per user, per role (each member has it for themselves) or for everyone together.
struct Budget {
    qint64 id = 0;
    BudgetScope scope = BudgetScope::User;
    qint64 subjectId = 0; // the account or role; 0 for global
    QString subjectName;  // "ada", "Member", "" for global
    BudgetPeriod period = BudgetPeriod::Month;
    std::optional<qint64> limitMicros; // US dollars × 1,000,000
    std::optional<qint64> limitTokens; // input and output tokens
    int softPercent = 80;              // warns once per window when use reaches this share of a limit
    QString updatedBy;
    QDateTime updatedAt;

    // "the monthly budget of user ada", "the daily budget of role Member", "the total global budget".
    QString describe() const;
};

// Where someone stands against one budget in its current window.
struct BudgetStanding {
    Budget budget;
    QString who; // whose use it is: the user; for a role budget its member closest to the limit; "" for everyone
    qint64 accountId = -1; // whose use it is as an account id; -1 for everyone (and for a role nobody has)
    qint64 usedMicros = 0; // recorded answers in the window (for a global budget: everyone's)
    qint64 usedTokens = 0;
    qint64 reservedMicros = 0; // answers in flight
    qint64 reservedTokens = 0;
    BudgetWindow window;
    bool softReached = false;
    bool hardReached = false;

    // How full the budget is, from 0 up (1 = the limit), counting reservations: the fuller of its two measures.
    double share() const;
};

// Requests per minute and answers at once, per user or per role (each member).
struct RateLimit {
    BudgetScope scope = BudgetScope::User; // User or Role
    qint64 subjectId = 0;
    QString subjectName;
    std::optional<int> requestsPerMinute;
    std::optional<int> concurrent;
};

// What a request may cost at most, before it leaves.
struct RequestEstimate {
    qint64 inputTokens = 0;           // counted exactly where the model's tokenizer is known
    qint64 maxOutputTokens = 0;       // the request's maximum, else the model's catalog limit
    std::optional<qint64> costMicros; // at the price in effect; unset when the model has no price
    qint64 tokens() const { return inputTokens + maxOutputTokens; }
};

// A reservation made before a request leaves; settled when the answer is recorded.
struct Reservation {
    qint64 id = 0;
    // Soft limits this request reached, each said once per window: used is what is used, reserved and requested.
    std::vector<QuotaDetail> warnings;
};

// Budgets and rate limits, enforced in core before any request leaves (chat, regenerate, titles, later batch and
// judge work). reserve() runs in one locked transaction: it checks the actor's rate limits and every budget that
// applies (their own, their role's, the global one) against what is recorded plus what is reserved by answers in
// flight in any process, refuses with quota.exceeded (naming the tightest budget) or quota.rate_limited, and else
// reserves the request's most expensive outcome. Reservations of a process that died stop counting at once.
// Setting budgets and limits needs quotas.manage (a role without roles.manage, a Manager, only for Members) and is
// audited.
class BudgetGuard final {
public:
    BudgetGuard(const Database& db, const UsageLedger& ledger, const PriceBook& prices, const AuditLog& audit,
                const Clock& clock);

    // What a request to the provider's model with this much input and at most this much output may cost. With
    // promptCache the whole input may be written to the provider's cache, at its cache-write rate.
    RequestEstimate estimate(const ProviderConfig& provider, const QString& model, qint64 inputTokens,
                             std::optional<int> maxOutputTokens, bool promptCache = false) const;
    // Joins the caller's transaction when there is one (so a refusal rolls back what the caller wrote).
    Result<Reservation> reserve(const Actor& actor, const RequestEstimate& estimate) const;
    // The same for work done on an account's behalf (automatic titles): its role's and the global budgets apply.
    Result<Reservation> reserveForAccount(qint64 accountId, const RequestEstimate& estimate) const;
    // The answer was recorded (in the same transaction) or never reached the provider: the reservation ends.
    Status settle(qint64 reservationId) const;

    Result<std::vector<Budget>> list(const Actor& actor) const;
    Status set(const Actor& actor, Budget budget) const;
    Status remove(const Actor& actor, BudgetScope scope, const QString& subject,
                  std::optional<BudgetPeriod> period) const;
    // The budgets that apply to a user (the actor when empty; another needs quotas.manage or usage.view_all).
    Result<std::vector<BudgetStanding>> status(const Actor& actor, const QString& user = {}) const;

    // Every budget with its current use, for the administration (quotas.manage or usage.view_all): a user budget
    // with that user's, a role budget with its member closest to the limit, the global one with everyone's.
    Result<std::vector<BudgetStanding>> overview(const Actor& actor) const;
    // The same for core's own watching (alerts), with no one acting.
    Result<std::vector<BudgetStanding>> overviewOfStore() const;

    Result<std::vector<RateLimit>> limits(const Actor& actor) const;
    // Unset values clear that limit; a row with neither is removed.
    Status setLimit(const Actor& actor, RateLimit limit) const;

private:
    Result<qint64> subjectOf(const Actor& actor, BudgetScope scope, const QString& name, const QString& action,
                             QString* displayName) const;
    Result<std::vector<Budget>> applicable(qint64 accountId, qint64 roleId) const;
    Result<BudgetStanding> standing(const Budget& budget, qint64 accountId, const QDateTime& now,
                                    const QTimeZone& zone) const;
    Status checkRateLimits(const Actor& actor, const QDateTime& now) const;
    Status forgetOldReservations(const QDateTime& now) const;

    const Database& m_db;
    const UsageLedger& m_ledger;
    const PriceBook& m_prices;
    const AuditLog& m_audit;
    const Clock& m_clock;
    mutable std::atomic<qint64> m_lastCleanupMs{0};
};

} // namespace Tessera::Core
