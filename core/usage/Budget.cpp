// The budget value types of BudgetGuard.h: names, windows, standings, descriptions.
#include "usage/BudgetGuard.h"

#include <QTimeZone>

#include <algorithm>

namespace Tessera::Core {

namespace {

QDateTime startOfDay(const QDate& day, const QTimeZone& zone) {
    QDateTime start(day, QTime(0, 0), zone);
    if (!start.isValid()) {
        // Midnight fell into a daylight-saving gap (some zones change at 00:00): the day starts an hour later.
        start = QDateTime(day, QTime(1, 0), zone);
    }
    return start.toUTC();
}

} // namespace

QString budgetScopeName(BudgetScope scope) {
    switch (scope) {
    case BudgetScope::User:
        return QStringLiteral("user");
    case BudgetScope::Role:
        return QStringLiteral("role");
    case BudgetScope::Global:
        return QStringLiteral("global");
    }
    return {};
}

QString budgetPeriodName(BudgetPeriod period) {
    switch (period) {
    case BudgetPeriod::Day:
        return QStringLiteral("day");
    case BudgetPeriod::Week:
        return QStringLiteral("week");
    case BudgetPeriod::Month:
        return QStringLiteral("month");
    case BudgetPeriod::Total:
        return QStringLiteral("total");
    }
    return {};
}

std::optional<BudgetPeriod> parseBudgetPeriod(const QString& name) {
    for (const BudgetPeriod period :
         {BudgetPeriod::Day, BudgetPeriod::Week, BudgetPeriod::Month, BudgetPeriod::Total}) {
        if (budgetPeriodName(period) == name) {
            return period;
        }
    }
    return std::nullopt;
}

BudgetWindow budgetWindow(BudgetPeriod period, const QDateTime& now, const QTimeZone& zone) {
    const QDate today = now.toTimeZone(zone).date();
    BudgetWindow window;
    switch (period) {
    case BudgetPeriod::Day:
        window.firstDay = today;
        window.lastDay = today;
        break;
    case BudgetPeriod::Week: // ISO weeks: Monday to Sunday
        window.firstDay = today.addDays(1 - today.dayOfWeek());
        window.lastDay = window.firstDay->addDays(6);
        break;
    case BudgetPeriod::Month:
        window.firstDay = QDate(today.year(), today.month(), 1);
        window.lastDay = window.firstDay->addMonths(1).addDays(-1);
        break;
    case BudgetPeriod::Total:
        return window;
    }
    window.resetsAt = startOfDay(window.lastDay->addDays(1), zone);
    return window;
}

double BudgetStanding::share() const {
    double value = 0;
    if (budget.limitMicros) {
        value = double(usedMicros + reservedMicros) / double(std::max<qint64>(1, *budget.limitMicros));
    }
    if (budget.limitTokens) {
        value = std::max(value, double(usedTokens + reservedTokens) / double(std::max<qint64>(1, *budget.limitTokens)));
    }
    return value;
}

QString Budget::describe() const {
    static const char* adjectives[] = {"daily", "weekly", "monthly", "total"};
    const QString adjective = QLatin1StringView(adjectives[int(period)]);
    if (scope == BudgetScope::Global) {
        return QStringLiteral("the global %1 budget").arg(adjective);
    }
    return QStringLiteral("the %1 budget of %2 %3").arg(adjective, budgetScopeName(scope), subjectName);
}

} // namespace Tessera::Core
