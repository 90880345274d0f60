#include "widgets/Money.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Tessera::Ui {

namespace {

QString amountOf(const Core::QuotaDetail& quota, qint64 value) {
    if (quota.unit == QLatin1StringView("usd")) {
        return moneyText(value);
    }
    if (quota.unit == QLatin1StringView("tokens")) {
        return QCoreApplication::translate("Tessera::Ui::Money", "%1 tokens").arg(QLocale().toString(value));
    }
    return QLocale().toString(value);
}

} // namespace

QString moneyText(qint64 micros) {
    const double dollars = double(micros) / 1'000'000.0;
    int decimals = 2;
    if (micros != 0 && std::abs(dollars) < 1.0) {
        decimals = std::clamp(2 - int(std::floor(std::log10(std::abs(dollars)))), 2, 6);
    }
    return QLocale().toCurrencyString(dollars, QStringLiteral("$"), decimals);
}

QString rateText(qint64 micros) {
    int decimals = 2;
    qint64 unit = 10'000; // a cent in micro-dollars
    while (decimals < 6 && micros % unit != 0) {
        ++decimals;
        unit /= 10;
    }
    return QLocale().toCurrencyString(double(micros) / 1'000'000.0, QStringLiteral("$"), decimals);
}

QString costText(const std::optional<qint64>& micros, bool estimated) {
    if (!micros) {
        return QCoreApplication::translate("Tessera::Ui::Money", "cost unknown");
    }
    return estimated ? QStringLiteral("≈") + moneyText(*micros) : moneyText(*micros);
}

QString quotaText(const Core::QuotaDetail& quota) {
    QString which;
    const QString subject = quota.subject;
    if (quota.period == QLatin1StringView("minute")) {
        which = quota.scope == QLatin1StringView("user")
                    ? QCoreApplication::translate("Tessera::Ui::Money", "Your requests per minute")
                    : QCoreApplication::translate("Tessera::Ui::Money", "Your role's requests per minute");
        return QCoreApplication::translate("Tessera::Ui::Money", "%1: %2 of %3.")
            .arg(which, QLocale().toString(quota.used), QLocale().toString(quota.limit));
    }
    if (quota.period == QLatin1StringView("at_once")) {
        which = quota.scope == QLatin1StringView("user")
                    ? QCoreApplication::translate("Tessera::Ui::Money", "Your answers at once")
                    : QCoreApplication::translate("Tessera::Ui::Money", "Your role's answers at once");
        return QCoreApplication::translate("Tessera::Ui::Money", "%1: %2 of %3.")
            .arg(which, QLocale().toString(quota.used), QLocale().toString(quota.limit));
    }
    which = budgetName(quota.scope, quota.period, subject);
    QString text = QCoreApplication::translate("Tessera::Ui::Money",
                                               "%1: %2 used and %3 reserved of %4; this request may need up to %5.")
                       .arg(which, amountOf(quota, quota.used), amountOf(quota, quota.reserved),
                            amountOf(quota, quota.limit), amountOf(quota, quota.requested));
    if (quota.resetsAt.isValid()) {
        text += QLatin1Char(' ') + QCoreApplication::translate("Tessera::Ui::Money", "It resets on %1.")
                                       .arg(QLocale().toString(quota.resetsAt.toLocalTime(), QLocale::ShortFormat));
    }
    return text;
}

QString budgetName(const QString& scope, const QString& period, const QString& subject) {
    const bool global = scope == QLatin1StringView("global");
    const bool role = scope == QLatin1StringView("role");
    if (period == QLatin1StringView("day")) {
        return global ? QCoreApplication::translate("Tessera::Ui::Money", "The daily budget for everyone")
               : role
                   ? QCoreApplication::translate("Tessera::Ui::Money", "The daily budget of the role %1").arg(subject)
                   : QCoreApplication::translate("Tessera::Ui::Money", "Your daily budget");
    }
    if (period == QLatin1StringView("week")) {
        return global ? QCoreApplication::translate("Tessera::Ui::Money", "The weekly budget for everyone")
               : role
                   ? QCoreApplication::translate("Tessera::Ui::Money", "The weekly budget of the role %1").arg(subject)
                   : QCoreApplication::translate("Tessera::Ui::Money", "Your weekly budget");
    }
    if (period == QLatin1StringView("month")) {
        return global ? QCoreApplication::translate("Tessera::Ui::Money", "The monthly budget for everyone")
               : role
                   ? QCoreApplication::translate("Tessera::Ui::Money", "The monthly budget of the role %1").arg(subject)
                   : QCoreApplication::translate("Tessera::Ui::Money", "Your monthly budget");
    }
    return global ? QCoreApplication::translate("Tessera::Ui::Money", "The total budget for everyone")
           : role ? QCoreApplication::translate("Tessera::Ui::Money", "The total budget of the role %1").arg(subject)
                  : QCoreApplication::translate("Tessera::Ui::Money", "Your total budget");
}

QString budgetWarningText(const Core::QuotaDetail& warning) {
    const qint64 percent = warning.limit > 0 ? warning.used * 100 / warning.limit : 100;
    return QCoreApplication::translate("Tessera::Ui::Money", "%1 is %2 % used (%3 of %4).")
        .arg(budgetName(warning.scope, warning.period, warning.subject), QLocale().toString(percent),
             amountOf(warning, warning.used), amountOf(warning, warning.limit));
}

QString standingText(const Core::BudgetStanding& standing) {
    const Core::Budget& budget = standing.budget;
    // The measure closer to its limit is the one shown.
    const bool tokens =
        budget.limitTokens &&
        (!budget.limitMicros || double(standing.usedTokens) / double(std::max<qint64>(1, *budget.limitTokens)) >
                                    double(standing.usedMicros) / double(std::max<qint64>(1, *budget.limitMicros)));
    const QString amount =
        tokens ? QCoreApplication::translate("Tessera::Ui::Money", "%1 of %2 tokens")
                     .arg(QLocale().toString(standing.usedTokens), QLocale().toString(budget.limitTokens.value_or(0)))
               : QCoreApplication::translate("Tessera::Ui::Money", "%1 of %2")
                     .arg(moneyText(standing.usedMicros), moneyText(budget.limitMicros.value_or(0)));
    switch (budget.period) {
    case Core::BudgetPeriod::Day:
        return QCoreApplication::translate("Tessera::Ui::Money", "%1 today").arg(amount);
    case Core::BudgetPeriod::Week:
        return QCoreApplication::translate("Tessera::Ui::Money", "%1 this week").arg(amount);
    case Core::BudgetPeriod::Month:
        return QCoreApplication::translate("Tessera::Ui::Money", "%1 this month").arg(amount);
    case Core::BudgetPeriod::Total:
        return QCoreApplication::translate("Tessera::Ui::Money", "%1 in total").arg(amount);
    }
    return amount;
}

} // namespace Tessera::Ui
