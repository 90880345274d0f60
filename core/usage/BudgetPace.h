#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "usage/BudgetGuard.h"

#include <QDate>

#include <optional>
#include <vector>

namespace Tessera::Core {

class Clock;
class Database;
class UsageLedger;

// What the rest of a window may cost, from recent daily spend: the mean and an 80 % prediction range. With n recent
// days of mean μ and standard deviation σ, R days to go spend R·μ ± 1.2816·σ·√(R + R²/n) (the days' own spread and
// the uncertainty of μ), never below 0. No recent days: nothing is expected.
struct SpendForecast {
    double mean = 0;
    double low = 0;
    double high = 0;
};
SpendForecast forecastSpend(const std::vector<qint64>& recentDaily, double remainingDays);

// A budget's pace in its current window: the spend so far day by day against the limit and the even pace, and where
// the window is likely to end.
struct BudgetPace {
    BudgetStanding standing;
    bool money = true; // paced in US dollars × 1,000,000; else in tokens (a budget with only a token limit)
    qint64 limit = 0;
    qint64 used = 0;                          // recorded so far in the window
    std::vector<QDate> days;                  // the window's days (none for a total budget)
    std::vector<std::optional<qint64>> spent; // the total at each day's end, up to today
    std::vector<qint64> evenPace;             // where spending evenly to the limit stands at each day's end
    // From today to the window's end: the expected total and its 80 % range.
    std::vector<std::optional<qint64>> forecast;
    std::vector<std::optional<qint64>> forecastLow;
    std::vector<std::optional<qint64>> forecastHigh;
    qint64 dailyRate = 0; // the mean spend of the recent days
    int recentDays = 0;   // how many complete days before today that mean is of
    std::optional<qint64> endForecast;
    std::optional<qint64> endLow;
    std::optional<qint64> endHigh;
    bool reached = false;          // the limit is reached already
    std::optional<QDate> limitDay; // when it was reached, or when it would be at the recent rate within the window
};

// Budget pace for the Usage view (core/usage): a member sees the budgets that apply to them; usage.view_all or
// quotas.manage sees every budget, or the ones that apply to one person.
class BudgetPaceReader final {
public:
    static constexpr int recentDays = 14;

    BudgetPaceReader(const Database& db, const UsageLedger& ledger, const BudgetGuard& budgets, const Clock& clock);

    Result<std::vector<BudgetPace>> pace(const Actor& actor, std::optional<qint64> accountId = std::nullopt) const;

private:
    Result<BudgetPace> paceOf(const BudgetStanding& standing) const;

    const Database& m_db;
    const UsageLedger& m_ledger;
    const BudgetGuard& m_budgets;
    const Clock& m_clock;
};

} // namespace Tessera::Core
