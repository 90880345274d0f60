#include "BudgetCommands.h"

#include "app/CoreServices.h"
#include "usage/BudgetGuard.h"
#include "usage/Pricing.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

struct Target {
    BudgetScope scope = BudgetScope::User;
    QString subject;
};

// --user NAME, --role ROLE or --global: exactly one.
std::optional<Target> targetOf(const CommandArgs& parsed, bool allowGlobal, QString* problem) {
    const int given = int(parsed.has(QStringLiteral("user"))) + int(parsed.has(QStringLiteral("role"))) +
                      int(allowGlobal && parsed.has(QStringLiteral("global")));
    if (given != 1) {
        *problem = allowGlobal ? QStringLiteral("give exactly one of --user NAME, --role ROLE or --global")
                               : QStringLiteral("give exactly one of --user NAME or --role ROLE");
        return std::nullopt;
    }
    if (parsed.has(QStringLiteral("user"))) {
        return Target{BudgetScope::User, parsed.value(QStringLiteral("user"))};
    }
    if (parsed.has(QStringLiteral("role"))) {
        return Target{BudgetScope::Role, parsed.value(QStringLiteral("role"))};
    }
    return Target{BudgetScope::Global, {}};
}

QJsonValue usdOrNull(const std::optional<qint64>& micros) {
    return micros ? QJsonValue(usdValue(*micros)) : QJsonValue(QJsonValue::Null);
}

QJsonValue countOrNull(const std::optional<qint64>& count) {
    return count ? QJsonValue(double(*count)) : QJsonValue(QJsonValue::Null);
}

QJsonObject budgetJson(const Budget& budget) {
    return QJsonObject{{QStringLiteral("id"), double(budget.id)},
                       {QStringLiteral("scope"), budgetScopeName(budget.scope)},
                       {QStringLiteral("subject"), budget.subjectName},
                       {QStringLiteral("window"), budgetPeriodName(budget.period)},
                       {QStringLiteral("limit_usd"), usdOrNull(budget.limitMicros)},
                       {QStringLiteral("limit_tokens"), countOrNull(budget.limitTokens)},
                       {QStringLiteral("soft_percent"), budget.softPercent},
                       {QStringLiteral("updated_by"), budget.updatedBy},
                       {QStringLiteral("updated_at"), timeJson(budget.updatedAt)}};
}

QString limitText(const Budget& budget) {
    QStringList parts;
    if (budget.limitMicros) {
        parts << formatUsd(*budget.limitMicros);
    }
    if (budget.limitTokens) {
        parts << QStringLiteral("%1 tokens").arg(*budget.limitTokens);
    }
    return parts.join(QStringLiteral(" and "));
}

QString subjectText(const Budget& budget) {
    return budget.scope == BudgetScope::Global ? QStringLiteral("everyone")
                                               : budgetScopeName(budget.scope) + QLatin1Char(' ') + budget.subjectName;
}

int listBudgets(Context& context, const QStringList& args) {
    if (!args.isEmpty()) {
        return usageError(QStringLiteral("budgets list takes no arguments"));
    }
    auto budgets = context.services.budgets().list(context.actor);
    if (!budgets) {
        return reportError(context, budgets.error());
    }
    if (context.json) {
        QJsonArray array;
        for (const Budget& budget : *budgets) {
            array.append(budgetJson(budget));
        }
        printJson(array);
        return exitOk;
    }
    if (budgets->empty()) {
        printOut(QStringLiteral("No budgets. Set one with `tessera-cli budgets set`.\n"));
        return exitOk;
    }
    std::vector<QStringList> lines;
    for (const Budget& budget : *budgets) {
        lines.push_back({subjectText(budget), budgetPeriodName(budget.period), limitText(budget),
                         QString::number(budget.softPercent) + QLatin1Char('%')});
    }
    printOut(tableText(
        {QStringLiteral("for"), QStringLiteral("window"), QStringLiteral("limit"), QStringLiteral("warns_at")}, lines,
        3));
    return exitOk;
}

int setBudget(Context& context, const QStringList& args) {
    QString problem;
    auto parsed =
        CommandArgs::parse(args,
                           {QStringLiteral("user"), QStringLiteral("role"), QStringLiteral("usd"),
                            QStringLiteral("tokens"), QStringLiteral("window"), QStringLiteral("soft-percent")},
                           {QStringLiteral("global")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("budgets set takes options only"));
    }
    const auto target = targetOf(*parsed, true, &problem);
    if (!target) {
        return usageError(problem);
    }
    if (parsed->has(QStringLiteral("usd")) == parsed->has(QStringLiteral("tokens"))) {
        return usageError(QStringLiteral("give --usd AMOUNT or --tokens N (set the other with a second command)"));
    }
    Budget budget;
    budget.scope = target->scope;
    budget.subjectName = target->subject;
    budget.period = BudgetPeriod::Month;
    if (parsed->has(QStringLiteral("window"))) {
        const auto period = parseBudgetPeriod(parsed->value(QStringLiteral("window")));
        if (!period) {
            return usageError(QStringLiteral("--window takes day, week, month or total"));
        }
        budget.period = *period;
    }
    if (parsed->has(QStringLiteral("usd"))) {
        budget.limitMicros = parseUsdAmount(parsed->value(QStringLiteral("usd")));
        if (!budget.limitMicros) {
            return usageError(QStringLiteral("--usd takes an amount in US dollars, such as 25 or 9.50"));
        }
    } else {
        bool ok = false;
        const qint64 tokens = parsed->value(QStringLiteral("tokens")).toLongLong(&ok);
        if (!ok || tokens < 0) {
            return usageError(QStringLiteral("--tokens takes a whole number of tokens"));
        }
        budget.limitTokens = tokens;
    }
    // The soft limit stays as it was unless given (80 % for a new budget).
    budget.softPercent = 80;
    if (parsed->has(QStringLiteral("soft-percent"))) {
        bool ok = false;
        budget.softPercent = parsed->value(QStringLiteral("soft-percent")).toInt(&ok);
        if (!ok || budget.softPercent < 1 || budget.softPercent > 100) {
            return usageError(QStringLiteral("--soft-percent takes a whole percentage from 1 to 100"));
        }
    } else if (auto existing = context.services.budgets().list(context.actor)) {
        for (const Budget& other : *existing) {
            if (other.scope == budget.scope && other.period == budget.period &&
                (budget.scope == BudgetScope::Global ||
                 other.subjectName.compare(budget.subjectName, Qt::CaseInsensitive) == 0)) {
                budget.softPercent = other.softPercent;
            }
        }
    }
    if (auto set = context.services.budgets().set(context.actor, budget); !set) {
        return reportError(context, set.error());
    }
    if (context.json) {
        printJson(budgetJson(budget));
    } else {
        printOut(QStringLiteral("%1 is set: %2, warning at %3%.\n")
                     .arg(budget.describe(), limitText(budget))
                     .arg(budget.softPercent));
    }
    return exitOk;
}

int removeBudget(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {QStringLiteral("user"), QStringLiteral("role"), QStringLiteral("window")},
                                     {QStringLiteral("global")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    const auto target = targetOf(*parsed, true, &problem);
    if (!target || !parsed->positional.isEmpty()) {
        return usageError(target ? QStringLiteral("budgets remove takes options only") : problem);
    }
    std::optional<BudgetPeriod> period;
    if (parsed->has(QStringLiteral("window"))) {
        period = parseBudgetPeriod(parsed->value(QStringLiteral("window")));
        if (!period) {
            return usageError(QStringLiteral("--window takes day, week, month or total"));
        }
    }
    if (auto removed = context.services.budgets().remove(context.actor, target->scope, target->subject, period);
        !removed) {
        return reportError(context, removed.error());
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("removed"), true}});
    } else {
        printOut(QStringLiteral("Removed.\n"));
    }
    return exitOk;
}

int budgetStatus(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {QStringLiteral("user")}, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("budgets status takes --user NAME only"));
    }
    auto standings = context.services.budgets().status(context.actor, parsed->value(QStringLiteral("user")));
    if (!standings) {
        return reportError(context, standings.error());
    }
    if (context.json) {
        QJsonArray array;
        for (const BudgetStanding& standing : *standings) {
            QJsonObject json = budgetJson(standing.budget);
            json.insert(QStringLiteral("used"), QJsonObject{{QStringLiteral("usd"), usdValue(standing.usedMicros)},
                                                            {QStringLiteral("tokens"), double(standing.usedTokens)}});
            json.insert(QStringLiteral("reserved"),
                        QJsonObject{{QStringLiteral("usd"), usdValue(standing.reservedMicros)},
                                    {QStringLiteral("tokens"), double(standing.reservedTokens)}});
            json.insert(QStringLiteral("limit"),
                        QJsonObject{{QStringLiteral("usd"), usdOrNull(standing.budget.limitMicros)},
                                    {QStringLiteral("tokens"), countOrNull(standing.budget.limitTokens)}});
            json.insert(QStringLiteral("resets_at"),
                        standing.window.resetsAt ? timeJson(*standing.window.resetsAt) : QJsonValue(QJsonValue::Null));
            json.insert(QStringLiteral("soft_reached"), standing.softReached);
            json.insert(QStringLiteral("hard_reached"), standing.hardReached);
            array.append(json);
        }
        printJson(array);
        return exitOk;
    }
    if (standings->empty()) {
        printOut(QStringLiteral("No budget applies.\n"));
        return exitOk;
    }
    for (const BudgetStanding& standing : *standings) {
        QStringList parts;
        if (standing.budget.limitMicros) {
            parts << QStringLiteral("%1 of %2")
                         .arg(formatUsd(standing.usedMicros), formatUsd(*standing.budget.limitMicros));
        }
        if (standing.budget.limitTokens) {
            parts << QStringLiteral("%1 of %2 tokens").arg(standing.usedTokens).arg(*standing.budget.limitTokens);
        }
        QString line = standing.budget.describe() + QStringLiteral(": ") + parts.join(QStringLiteral(", "));
        if (standing.reservedMicros > 0 || standing.reservedTokens > 0) {
            line += QStringLiteral(" (%1 reserved by answers in flight)").arg(formatUsd(standing.reservedMicros));
        }
        if (standing.window.resetsAt) {
            line += QStringLiteral("; resets %1").arg(timeText(*standing.window.resetsAt));
        }
        printOut(line + QLatin1Char('\n'));
    }
    return exitOk;
}

QJsonObject limitJson(const RateLimit& limit) {
    const auto value = [](const std::optional<int>& v) {
        return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject{{QStringLiteral("scope"), budgetScopeName(limit.scope)},
                       {QStringLiteral("subject"), limit.subjectName},
                       {QStringLiteral("rpm"), value(limit.requestsPerMinute)},
                       {QStringLiteral("concurrent"), value(limit.concurrent)}};
}

} // namespace

int runBudgets(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(QStringLiteral("budgets needs a subcommand: list, set, remove or status"));
    }
    const QString sub = args.first();
    if (sub == QLatin1StringView("list")) {
        return listBudgets(context, args.mid(1));
    }
    if (sub == QLatin1StringView("set")) {
        return setBudget(context, args.mid(1));
    }
    if (sub == QLatin1StringView("remove")) {
        return removeBudget(context, args.mid(1));
    }
    if (sub == QLatin1StringView("status")) {
        return budgetStatus(context, args.mid(1));
    }
    return usageError(QStringLiteral("unknown budgets subcommand '%1'").arg(sub));
}

int runLimits(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(QStringLiteral("limits needs a subcommand: set or list"));
    }
    const QString sub = args.first();
    if (sub == QLatin1StringView("list")) {
        if (args.size() > 1) {
            return usageError(QStringLiteral("limits list takes no arguments"));
        }
        auto limits = context.services.budgets().limits(context.actor);
        if (!limits) {
            return reportError(context, limits.error());
        }
        return printList(context, *limits, limitJson, [](const RateLimit& limit) {
            printOut(
                QStringLiteral("%1 %2: %3 requests per minute, %4 answers at once\n")
                    .arg(budgetScopeName(limit.scope), limit.subjectName,
                         limit.requestsPerMinute ? QString::number(*limit.requestsPerMinute) : QStringLiteral("any"),
                         limit.concurrent ? QString::number(*limit.concurrent) : QStringLiteral("any")));
        });
    }
    if (sub != QLatin1StringView("set")) {
        return usageError(QStringLiteral("unknown limits subcommand '%1'").arg(sub));
    }
    QString problem;
    auto parsed = CommandArgs::parse(
        args.mid(1),
        {QStringLiteral("user"), QStringLiteral("role"), QStringLiteral("rpm"), QStringLiteral("concurrent")}, {},
        &problem);
    if (!parsed) {
        return usageError(problem);
    }
    const auto target = targetOf(*parsed, false, &problem);
    if (!target || !parsed->positional.isEmpty()) {
        return usageError(target ? QStringLiteral("limits set takes options only") : problem);
    }
    RateLimit limit;
    limit.scope = target->scope;
    limit.subjectName = target->subject;
    for (const char* name : {"rpm", "concurrent"}) {
        const QString option = QString::fromLatin1(name);
        if (!parsed->has(option)) {
            continue;
        }
        bool ok = false;
        const int value = parsed->value(option).toInt(&ok);
        if (!ok || value < 1) {
            return usageError(
                QStringLiteral("--%1 takes a whole number from 1 (leave it out for no limit)").arg(option));
        }
        (option == QLatin1StringView("rpm") ? limit.requestsPerMinute : limit.concurrent) = value;
    }
    if (auto set = context.services.budgets().setLimit(context.actor, limit); !set) {
        return reportError(context, set.error());
    }
    if (context.json) {
        printJson(limitJson(limit));
    } else if (!limit.requestsPerMinute && !limit.concurrent) {
        printOut(
            QStringLiteral("No limits for %1 %2 any more.\n").arg(budgetScopeName(limit.scope), limit.subjectName));
    } else {
        printOut(QStringLiteral("Limits set for %1 %2.\n").arg(budgetScopeName(limit.scope), limit.subjectName));
    }
    return exitOk;
}

} // namespace Tessera::Cli
