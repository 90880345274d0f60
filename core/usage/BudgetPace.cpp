#include "usage/BudgetPace.h"

#include "accounts/Authorization.h"
#include "common/Clock.h"
#include "storage/Database.h"
#include "usage/UsageLedger.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace Tessera::Core {

namespace {

constexpr double rangeZ = 1.2816; // the 10th and 90th percentiles of a normal distribution
constexpr double daySeconds = 86400.0;

} // namespace

SpendForecast forecastSpend(const std::vector<qint64>& recentDaily, double remainingDays) {
    SpendForecast forecast;
    const auto n = double(recentDaily.size());
    if (recentDaily.empty() || !(remainingDays > 0)) {
        return forecast;
    }
    double sum = 0;
    for (const qint64 day : recentDaily) {
        sum += double(day);
    }
    const double mean = sum / n;
    double squares = 0;
    for (const qint64 day : recentDaily) {
        squares += (double(day) - mean) * (double(day) - mean);
    }
    const double sd = recentDaily.size() > 1 ? std::sqrt(squares / (n - 1)) : 0.0;
    const double r = remainingDays;
    const double spread = rangeZ * sd * std::sqrt(r + r * r / n);
    forecast.mean = r * mean;
    forecast.low = std::max(0.0, forecast.mean - spread);
    forecast.high = forecast.mean + spread;
    return forecast;
}

BudgetPaceReader::BudgetPaceReader(const Database& db, const UsageLedger& ledger, const BudgetGuard& budgets,
                                   const Clock& clock)
    : m_db(db)
    , m_ledger(ledger)
    , m_budgets(budgets)
    , m_clock(clock) {
}

Result<std::vector<BudgetPace>> BudgetPaceReader::pace(const Actor& actor, std::optional<qint64> accountId) const {
    const bool everyone = actor.may(Permission::UsageViewAll) || actor.may(Permission::QuotasManage);
    Result<std::vector<BudgetStanding>> standings = std::vector<BudgetStanding>{};
    if (accountId && *accountId != actor.userId) {
        if (!everyone) {
            return fail(ErrorCode::AuthForbidden,
                        QStringLiteral("seeing another person's budgets needs usage.view_all"));
        }
        auto name = m_db.exec(QStringLiteral("SELECT username FROM accounts WHERE id = ?"), {*accountId});
        if (!name) {
            return fail(name.error());
        }
        if (!name->next()) {
            return fail(ErrorCode::NotFound, QStringLiteral("there is no account %1").arg(*accountId));
        }
        standings = m_budgets.status(actor, name->value(0).toString());
    } else if (everyone && !accountId) {
        standings = m_budgets.overview(actor);
    } else {
        standings = m_budgets.status(actor);
    }
    if (!standings) {
        return fail(standings.error());
    }
    std::vector<BudgetPace> result;
    for (const BudgetStanding& standing : *standings) {
        if (!standing.budget.limitMicros && !standing.budget.limitTokens) {
            continue;
        }
        auto pace = paceOf(standing);
        if (!pace) {
            return fail(pace.error());
        }
        result.push_back(std::move(*pace));
    }
    return result;
}

Result<BudgetPace> BudgetPaceReader::paceOf(const BudgetStanding& standing) const {
    BudgetPace pace;
    pace.standing = standing;
    pace.money = standing.budget.limitMicros.has_value();
    pace.limit = pace.money ? *standing.budget.limitMicros : standing.budget.limitTokens.value_or(0);
    pace.used = pace.money ? standing.usedMicros : standing.usedTokens;
    const QDateTime now = m_clock.nowUtc();
    const QDate today = QDate::fromString(m_ledger.dayOf(now), Qt::ISODate);
    const QDate firstRecent = today.addDays(-recentDays);
    const QDate from = standing.window.firstDay ? std::min(*standing.window.firstDay, firstRecent) : firstRecent;
    // Each day's spend of whoever the budget counts (everyone for a global one) from the per-person daily totals.
    auto rows = m_db.exec(QStringLiteral("SELECT day, cost_micros, tokens FROM usage_totals WHERE account_id = ? AND "
                                         "day >= ? AND day <= ?"),
                          {standing.accountId, from.toString(Qt::ISODate), today.toString(Qt::ISODate)});
    if (!rows) {
        return fail(rows.error());
    }
    QHash<QDate, qint64> daily;
    while (rows->next()) {
        daily.insert(QDate::fromString(rows->value(0).toString(), Qt::ISODate),
                     rows->value(pace.money ? 1 : 2).toLongLong());
    }
    std::vector<qint64> recent;
    for (QDate d = firstRecent; d < today; d = d.addDays(1)) {
        recent.push_back(daily.value(d, 0));
    }
    pace.recentDays = int(recent.size());
    qint64 recentSum = 0;
    for (const qint64 day : recent) {
        recentSum += day;
    }
    pace.dailyRate = recent.empty() ? 0 : recentSum / qint64(recent.size());
    if (pace.used >= pace.limit && pace.limit > 0) {
        pace.reached = true;
    }
    if (!standing.window.firstDay || !standing.window.lastDay || !standing.window.resetsAt) {
        // A total budget has no window to pace: only the rate tells when it would run out.
        if (!pace.reached && pace.dailyRate > 0) {
            const double days = double(pace.limit - pace.used) / double(pace.dailyRate);
            pace.limitDay = QDate::fromString(m_ledger.dayOf(now.addSecs(qint64(days * daySeconds))), Qt::ISODate);
        }
        return pace;
    }
    const QDate first = *standing.window.firstDay;
    const QDate last = *standing.window.lastDay;
    const qint64 length = first.daysTo(last) + 1;
    qint64 total = 0;
    const QTimeZone zone = m_ledger.timeZone();
    for (QDate d = first; d <= last; d = d.addDays(1)) {
        const qint64 index = first.daysTo(d);
        pace.days.push_back(d);
        // Rounded down, with the whole limit on the last day.
        pace.evenPace.push_back(d == last ? pace.limit
                                          : qint64(double(pace.limit) * double(index + 1) / double(length)));
        if (d <= today) {
            total += daily.value(d, 0);
            pace.spent.push_back(total);
            if (pace.reached && !pace.limitDay && total >= pace.limit) {
                pace.limitDay = d;
            }
        } else {
            pace.spent.push_back(std::nullopt);
        }
        if (d < today) {
            pace.forecast.push_back(std::nullopt);
            pace.forecastLow.push_back(std::nullopt);
            pace.forecastHigh.push_back(std::nullopt);
            continue;
        }
        // From what is used now, the days still to come (the rest of today counts in part).
        const double remaining = std::max(0.0, double(now.secsTo(d.addDays(1).startOfDay(zone))) / daySeconds);
        const SpendForecast expected = forecastSpend(recent, remaining);
        pace.forecast.push_back(pace.used + qint64(std::llround(expected.mean)));
        pace.forecastLow.push_back(pace.used + qint64(std::llround(expected.low)));
        pace.forecastHigh.push_back(pace.used + qint64(std::llround(expected.high)));
    }
    if (!pace.forecast.empty() && pace.forecast.back()) {
        pace.endForecast = pace.forecast.back();
        pace.endLow = pace.forecastLow.back();
        pace.endHigh = pace.forecastHigh.back();
    }
    if (!pace.reached && pace.dailyRate > 0) {
        const double days = double(pace.limit - pace.used) / double(pace.dailyRate);
        const QDate when = QDate::fromString(m_ledger.dayOf(now.addSecs(qint64(days * daySeconds))), Qt::ISODate);
        if (when <= last) {
            pace.limitDay = when;
        }
    }
    return pace;
}

} // namespace Tessera::Core
