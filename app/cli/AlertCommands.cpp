#include "AlertCommands.h"

#include "app/CoreServices.h"
#include "usage/Alerts.h"
#include "usage/Pricing.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

QJsonValue optionalJson(const std::optional<qint64>& value) {
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonObject ruleJson(const AlertRule& rule) {
    return QJsonObject{
        {QStringLiteral("id"), double(rule.id)},
        {QStringLiteral("kind"), alertKindName(rule.kind)},
        {QStringLiteral("provider"),
         rule.provider.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(rule.provider)},
        {QStringLiteral("above_usd"),
         rule.amountMicros ? QJsonValue(usdValue(*rule.amountMicros)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("window"),
         rule.spendWindow.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(rule.spendWindow)},
        {QStringLiteral("above_share"),
         rule.shareBasisPoints ? QJsonValue(double(*rule.shareBasisPoints) / 10'000.0) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("above_ms"), optionalJson(rule.latencyMs)},
        {QStringLiteral("minutes"), rule.minutes > 0 ? QJsonValue(rule.minutes) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("min_requests"), rule.minRequests},
        {QStringLiteral("description"), rule.describe()},
        {QStringLiteral("created_by"), rule.createdBy},
        {QStringLiteral("created_at"), timeJson(rule.createdAt)},
    };
}

QJsonObject alertJson(const Alert& alert) {
    return QJsonObject{
        {QStringLiteral("id"), double(alert.id)},
        {QStringLiteral("rule_id"), optionalJson(alert.ruleId)},
        {QStringLiteral("rule"), alert.rule},
        {QStringLiteral("condition"), alert.condition},
        {QStringLiteral("message"), alert.message},
        {QStringLiteral("raised_at"), timeJson(alert.raisedAt)},
        {QStringLiteral("resolved_at"), alert.resolvedAt ? timeJson(*alert.resolvedAt) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("active"), alert.active()},
    };
}

void printAlert(const Alert& alert) {
    const QString state =
        alert.active() ? QStringLiteral("ACTIVE") : QStringLiteral("resolved ") + timeText(*alert.resolvedAt);
    printOut(QStringLiteral("#%1  %2  raised %3\n    %4\n    rule: %5\n")
                 .arg(alert.id)
                 .arg(state, timeText(alert.raisedAt), printable(alert.message), printable(alert.rule)));
}

QJsonArray alertsJson(const std::vector<Alert>& alerts) {
    QJsonArray array;
    for (const Alert& alert : alerts) {
        array.append(alertJson(alert));
    }
    return array;
}

int runAlertsList(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {QStringLiteral("limit")}, {QStringLiteral("all")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("alerts list takes options only"));
    }
    int limit = 100;
    if (parsed->has(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parsed->value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1) {
            return usageError(QStringLiteral("--limit takes a whole number from 1"));
        }
    }
    auto alerts = context.services.alerts().alerts(context.actor, parsed->has(QStringLiteral("all")), limit);
    if (!alerts) {
        return reportError(context, alerts.error());
    }
    if (!context.json && alerts->empty()) {
        printOut(parsed->has(QStringLiteral("all")) ? QStringLiteral("No alerts yet.\n")
                                                    : QStringLiteral("No active alerts.\n"));
        return exitOk;
    }
    return printList(context, *alerts, alertJson, printAlert);
}

int runAlertsRules(Context& context, const QStringList& args) {
    if (!args.isEmpty()) {
        return usageError(QStringLiteral("alerts rules takes no arguments"));
    }
    auto rules = context.services.alerts().rules(context.actor);
    if (!rules) {
        return reportError(context, rules.error());
    }
    if (!context.json && rules->empty()) {
        printOut(QStringLiteral("No alert rules. Add one with: tessera-cli alerts add KIND ...\n"));
        return exitOk;
    }
    return printList(context, *rules, ruleJson, [](const AlertRule& rule) {
        printOut(QStringLiteral("#%1  %2  (%3, by %4)\n")
                     .arg(rule.id)
                     .arg(printable(rule.describe()), alertKindName(rule.kind), printable(rule.createdBy)));
    });
}

int runAlertsAdd(Context& context, const QStringList& args) {
    QString problem;
    auto parsed =
        CommandArgs::parse(args,
                           {QStringLiteral("above"), QStringLiteral("above-ms"), QStringLiteral("window"),
                            QStringLiteral("minutes"), QStringLiteral("provider"), QStringLiteral("min-requests")},
                           {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (parsed->positional.size() != 1) {
        return usageError(
            QStringLiteral("alerts add needs one KIND: spend, budget-soft, failure-rate, unhealthy or latency"));
    }
    QString kindName = parsed->positional.first();
    kindName.replace(QLatin1Char('-'), QLatin1Char('_'));
    const auto kind = parseAlertKind(kindName);
    if (!kind) {
        return usageError(QStringLiteral("unknown alert kind '%1': spend, budget-soft, failure-rate, unhealthy or "
                                         "latency")
                              .arg(parsed->positional.first()));
    }
    AlertRule rule;
    rule.kind = *kind;
    // Which options a kind takes; any other is a usage error rather than silently ignored.
    std::set<QString> allowed;
    switch (*kind) {
    case AlertKind::Spend:
        allowed = {QStringLiteral("above"), QStringLiteral("window")};
        break;
    case AlertKind::BudgetSoft:
        break;
    case AlertKind::FailureRate:
        allowed = {QStringLiteral("above"), QStringLiteral("minutes"), QStringLiteral("provider"),
                   QStringLiteral("min-requests")};
        break;
    case AlertKind::Unhealthy:
        allowed = {QStringLiteral("minutes"), QStringLiteral("provider")};
        break;
    case AlertKind::Latency:
        allowed = {QStringLiteral("above-ms"), QStringLiteral("minutes"), QStringLiteral("provider"),
                   QStringLiteral("min-requests")};
        break;
    }
    for (const QString& option :
         {QStringLiteral("above"), QStringLiteral("above-ms"), QStringLiteral("window"), QStringLiteral("minutes"),
          QStringLiteral("provider"), QStringLiteral("min-requests")}) {
        if (parsed->has(option) && !allowed.count(option)) {
            return usageError(
                QStringLiteral("--%1 does not apply to %2 alerts").arg(option, parsed->positional.first()));
        }
    }
    for (const QString& needed : allowed) {
        const bool optional = needed == QLatin1StringView("provider") || needed == QLatin1StringView("min-requests");
        if (!optional && !parsed->has(needed)) {
            return usageError(QStringLiteral("%1 alerts need --%2").arg(parsed->positional.first(), needed));
        }
    }
    if (*kind == AlertKind::Spend) {
        rule.amountMicros = parseUsdAmount(parsed->value(QStringLiteral("above")));
        if (!rule.amountMicros) {
            return usageError(QStringLiteral("--above takes an amount in US dollars, such as 250 or 12.50"));
        }
        rule.spendWindow = parsed->value(QStringLiteral("window"));
    }
    if (*kind == AlertKind::FailureRate) {
        QString text = parsed->value(QStringLiteral("above")).trimmed();
        const bool percent = text.endsWith(QLatin1Char('%'));
        if (percent) {
            text.chop(1);
        }
        bool ok = false;
        const double share = text.toDouble(&ok) / (percent ? 100.0 : 1.0);
        if (!ok) {
            return usageError(QStringLiteral("--above takes a share of requests, such as 0.2 or 20%"));
        }
        rule.shareBasisPoints = int(std::lround(share * 10'000.0));
    }
    if (*kind == AlertKind::Latency) {
        bool ok = false;
        rule.latencyMs = parsed->value(QStringLiteral("above-ms")).toLongLong(&ok);
        if (!ok) {
            return usageError(QStringLiteral("--above-ms takes a whole number of milliseconds"));
        }
    }
    if (parsed->has(QStringLiteral("minutes"))) {
        bool ok = false;
        rule.minutes = parsed->value(QStringLiteral("minutes")).toInt(&ok);
        if (!ok) {
            return usageError(QStringLiteral("--minutes takes a whole number"));
        }
    }
    if (parsed->has(QStringLiteral("min-requests"))) {
        bool ok = false;
        rule.minRequests = parsed->value(QStringLiteral("min-requests")).toInt(&ok);
        if (!ok) {
            return usageError(QStringLiteral("--min-requests takes a whole number"));
        }
    }
    rule.provider = parsed->value(QStringLiteral("provider"));
    auto added = context.services.alerts().addRule(context.actor, rule);
    if (!added) {
        return reportError(context, added.error());
    }
    if (context.json) {
        printJson(ruleJson(*added));
    } else {
        printOut(QStringLiteral("Added alert rule #%1: %2.\n").arg(added->id).arg(printable(added->describe())));
    }
    return exitOk;
}

int runAlertsRemove(Context& context, const QStringList& args) {
    bool ok = false;
    const qint64 id = args.size() == 1 ? args.first().toLongLong(&ok) : 0;
    if (!ok) {
        return usageError(QStringLiteral("alerts remove needs one rule ID (see alerts rules)"));
    }
    if (auto removed = context.services.alerts().removeRule(context.actor, id); !removed) {
        return reportError(context, removed.error());
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("removed"), double(id)}});
    } else {
        printOut(QStringLiteral("Removed alert rule #%1; its active alerts are resolved.\n").arg(id));
    }
    return exitOk;
}

int runAlertsCheck(Context& context, const QStringList& args) {
    if (!args.isEmpty()) {
        return usageError(QStringLiteral("alerts check takes no arguments"));
    }
    // Only someone who may see the alerts may have them evaluated.
    if (auto allowed = AlertService::allowedToRead(context.actor); !allowed) {
        return reportError(context, allowed.error());
    }
    auto check = context.services.alerts().evaluate();
    if (!check) {
        return reportError(context, check.error());
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("active"), alertsJson(check->active)},
                              {QStringLiteral("raised"), alertsJson(check->raised)},
                              {QStringLiteral("resolved"), alertsJson(check->resolved)}});
    } else if (check->active.empty()) {
        printOut(QStringLiteral("No active alerts.\n"));
    } else {
        for (const Alert& alert : check->active) {
            printAlert(alert);
        }
    }
    return check->active.empty() ? exitOk : exitAlertsActive;
}

} // namespace

int runAlerts(Context& context, const QStringList& args) {
    const QString sub = args.value(0);
    if (sub == QLatin1StringView("list")) {
        return runAlertsList(context, args.mid(1));
    }
    if (sub == QLatin1StringView("rules")) {
        return runAlertsRules(context, args.mid(1));
    }
    if (sub == QLatin1StringView("add")) {
        return runAlertsAdd(context, args.mid(1));
    }
    if (sub == QLatin1StringView("remove")) {
        return runAlertsRemove(context, args.mid(1));
    }
    if (sub == QLatin1StringView("check")) {
        return runAlertsCheck(context, args.mid(1));
    }
    return usageError(QStringLiteral("alerts needs a subcommand: list, rules, add, remove or check"));
}

} // namespace Tessera::Cli
