#include "usage/Alerts.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "usage/BudgetGuard.h"
#include "usage/Pricing.h"
#include "usage/UsageLedger.h"

#include <QHash>
#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>

namespace Tessera::Core {

namespace {

constexpr int maxHours = 720;      // a sliding spend window of at most 30 days
constexpr int maxMinutes = 10'080; // a provider window of at most a week

QVariant optionalValue(const std::optional<qint64>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

std::optional<qint64> optionalOf(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QString percentText(int basisPoints) {
    return QString::number(double(basisPoints) / 100.0, 'g', 4) + QStringLiteral(" %");
}

// Dollars as a message reads them: cents from a cent up ("$3.94"), else exact ("$0.004500").
QString dollars(qint64 micros) {
    if (micros >= 10'000 || micros <= -10'000) {
        return QLatin1Char('$') + QString::number(double(micros) / 1'000'000.0, 'f', 2);
    }
    return formatUsd(micros);
}

QString hoursText(int hours) {
    return hours == 1 ? QStringLiteral("in the last hour") : QStringLiteral("in the last %1 hours").arg(hours);
}

QString providerText(const QString& provider) {
    return provider.isEmpty() ? QStringLiteral("a provider") : provider;
}

constexpr const char* ruleColumns = "id, kind, provider, amount_micros, spend_window, share_basis_points, latency_ms, "
                                    "minutes, min_requests, created_by, created_at";

AlertRule readRule(const QSqlQuery& query) {
    AlertRule rule;
    rule.id = query.value(0).toLongLong();
    rule.kind = parseAlertKind(query.value(1).toString()).value_or(AlertKind::Spend);
    rule.provider = query.value(2).toString();
    rule.amountMicros = optionalOf(query.value(3));
    rule.spendWindow = query.value(4).toString();
    const auto share = optionalOf(query.value(5));
    rule.shareBasisPoints = share ? std::optional<int>(int(*share)) : std::nullopt;
    rule.latencyMs = optionalOf(query.value(6));
    rule.minutes = query.value(7).toInt();
    rule.minRequests = query.value(8).toInt();
    rule.createdBy = query.value(9).toString();
    rule.createdAt = fromStoredTime(query.value(10).toString());
    return rule;
}

constexpr const char* alertColumns = "id, rule_id, rule, condition_key, message, raised_at, resolved_at";

Alert readAlert(const QSqlQuery& query) {
    Alert alert;
    alert.id = query.value(0).toLongLong();
    alert.ruleId = optionalOf(query.value(1));
    alert.rule = query.value(2).toString();
    alert.condition = query.value(3).toString();
    alert.message = query.value(4).toString();
    alert.raisedAt = fromStoredTime(query.value(5).toString());
    if (!query.value(6).isNull()) {
        alert.resolvedAt = fromStoredTime(query.value(6).toString());
    }
    return alert;
}

} // namespace

QString alertKindName(AlertKind kind) {
    switch (kind) {
    case AlertKind::Spend:
        return QStringLiteral("spend");
    case AlertKind::BudgetSoft:
        return QStringLiteral("budget_soft");
    case AlertKind::FailureRate:
        return QStringLiteral("failure_rate");
    case AlertKind::Unhealthy:
        return QStringLiteral("unhealthy");
    case AlertKind::Latency:
        return QStringLiteral("latency");
    }
    return QStringLiteral("spend");
}

std::optional<AlertKind> parseAlertKind(const QString& name) {
    for (const AlertKind kind :
         {AlertKind::Spend, AlertKind::BudgetSoft, AlertKind::FailureRate, AlertKind::Unhealthy, AlertKind::Latency}) {
        if (alertKindName(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

std::optional<SpendWindow> SpendWindow::parse(const QString& text) {
    SpendWindow window;
    if (text == QLatin1StringView("day")) {
        window.calendar = Calendar::Day;
    } else if (text == QLatin1StringView("week")) {
        window.calendar = Calendar::Week;
    } else if (text == QLatin1StringView("month")) {
        window.calendar = Calendar::Month;
    } else if (text.endsWith(QLatin1Char('h'))) {
        bool ok = false;
        window.hours = text.chopped(1).toInt(&ok);
        if (!ok || window.hours < 1 || window.hours > maxHours) {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    return window;
}

QString SpendWindow::text() const {
    switch (calendar) {
    case Calendar::Day:
        return QStringLiteral("day");
    case Calendar::Week:
        return QStringLiteral("week");
    case Calendar::Month:
        return QStringLiteral("month");
    case Calendar::None:
        break;
    }
    return QString::number(hours) + QLatin1Char('h');
}

QString AlertRule::describe() const {
    switch (kind) {
    case AlertKind::Spend: {
        const auto window = SpendWindow::parse(spendWindow).value_or(SpendWindow{});
        QString when;
        switch (window.calendar) {
        case SpendWindow::Calendar::Day:
            when = QStringLiteral("today");
            break;
        case SpendWindow::Calendar::Week:
            when = QStringLiteral("this week");
            break;
        case SpendWindow::Calendar::Month:
            when = QStringLiteral("this month");
            break;
        case SpendWindow::Calendar::None:
            when = hoursText(window.hours);
            break;
        }
        return QStringLiteral("spend %1 above %2").arg(when, dollars(amountMicros.value_or(0)));
    }
    case AlertKind::BudgetSoft:
        return QStringLiteral("a budget reaching its soft limit");
    case AlertKind::FailureRate:
        return QStringLiteral("%1 failing over %2 of requests in %3 minutes")
            .arg(providerText(provider), percentText(shareBasisPoints.value_or(0)))
            .arg(minutes);
    case AlertKind::Unhealthy:
        return QStringLiteral("%1 failing every request for %2 minutes").arg(providerText(provider)).arg(minutes);
    case AlertKind::Latency:
        return QStringLiteral("%1 answering slower than %2 ms (p95) in %3 minutes")
            .arg(providerText(provider))
            .arg(latencyMs.value_or(0))
            .arg(minutes);
    }
    return {};
}

AlertService::AlertService(const Database& db, const UsageLedger& ledger, const BudgetGuard& budgets,
                           const AuditLog& audit, const Clock& clock)
    : m_db(db)
    , m_ledger(ledger)
    , m_budgets(budgets)
    , m_audit(audit)
    , m_clock(clock) {
}

bool AlertService::mayRead(const Actor& actor) {
    return actor.may(Permission::UsageViewAll) || actor.may(Permission::QuotasManage);
}

Status AlertService::allowedToRead(const Actor& actor) {
    if (mayRead(actor)) {
        return {};
    }
    return require(actor, Permission::UsageViewAll);
}

Result<std::vector<AlertRule>> AlertService::rules(const Actor& actor) const {
    if (auto allowed = allowedToRead(actor); !allowed) {
        return fail(allowed.error());
    }
    auto query = m_db.exec(QStringLiteral("SELECT ") + QLatin1StringView(ruleColumns) +
                           QStringLiteral(" FROM alert_rules ORDER BY id"));
    if (!query) {
        return fail(query.error());
    }
    std::vector<AlertRule> result;
    while (query->next()) {
        result.push_back(readRule(*query));
    }
    return result;
}

Result<AlertRule> AlertService::addRule(const Actor& actor, AlertRule rule) const {
    const QString action = QStringLiteral("alert.rule_add");
    if (auto allowed = require(actor, Permission::QuotasManage); !allowed) {
        (void)m_audit.record(actor, {action, QStringLiteral("alert_rule"), AuditOutcome::Denied,
                                     QStringLiteral("lacks quotas.manage"), allowed.error().correlationId});
        return fail(allowed.error());
    }
    const auto invalid = [](const QString& why) -> Result<AlertRule> {
        return fail(ErrorCode::InvalidArgument, why);
    };
    rule.provider = rule.provider.trimmed();
    switch (rule.kind) {
    case AlertKind::Spend:
        if (!rule.amountMicros || *rule.amountMicros <= 0) {
            return invalid(QStringLiteral("a spend alert needs an amount above $0"));
        }
        if (!SpendWindow::parse(rule.spendWindow)) {
            return invalid(QStringLiteral("the spend window is day, week, month or a number of hours from 1h to %1h")
                               .arg(maxHours));
        }
        break;
    case AlertKind::BudgetSoft:
        break;
    case AlertKind::FailureRate:
        if (!rule.shareBasisPoints || *rule.shareBasisPoints <= 0 || *rule.shareBasisPoints >= 10'000) {
            return invalid(QStringLiteral("a failure-rate alert needs a share between 0 and 1 (0.2 is 20 %)"));
        }
        break;
    case AlertKind::Unhealthy:
        break;
    case AlertKind::Latency:
        if (!rule.latencyMs || *rule.latencyMs <= 0) {
            return invalid(QStringLiteral("a latency alert needs a time above 0 ms"));
        }
        break;
    }
    const bool timed =
        rule.kind == AlertKind::FailureRate || rule.kind == AlertKind::Unhealthy || rule.kind == AlertKind::Latency;
    if (timed && (rule.minutes < 1 || rule.minutes > maxMinutes)) {
        return invalid(QStringLiteral("the minutes are between 1 and %1").arg(maxMinutes));
    }
    if (!timed) {
        rule.minutes = 0;
        rule.provider.clear();
    }
    if (rule.minRequests < 1) {
        return invalid(QStringLiteral("at least one request must be counted"));
    }
    rule.createdBy = actor.userName;
    rule.createdAt = m_clock.nowUtc();
    auto status = m_db.transaction([&]() -> Status {
        std::optional<qint64> id;
        auto inserted = m_db.execPrepared(
            QStringLiteral("INSERT INTO alert_rules (kind, provider, amount_micros, spend_window, share_basis_points, "
                           "latency_ms, minutes, min_requests, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                           "?, ?) RETURNING id"),
            {alertKindName(rule.kind), rule.provider, optionalValue(rule.amountMicros), rule.spendWindow,
             optionalValue(rule.shareBasisPoints ? std::optional<qint64>(*rule.shareBasisPoints) : std::nullopt),
             optionalValue(rule.latencyMs), rule.minutes, rule.minRequests, rule.createdBy,
             toStoredTime(rule.createdAt)},
            [&](QSqlQuery& query) {
                if (query.next()) {
                    id = query.value(0).toLongLong();
                }
            });
        if (!inserted) {
            return inserted;
        }
        if (!id) {
            return fail(ErrorCode::StorageFailed, QStringLiteral("the alert rule got no id"));
        }
        rule.id = *id;
        return m_audit.record(
            actor, {action, QStringLiteral("alert_rule:%1").arg(rule.id), AuditOutcome::Success, rule.describe(), {}});
    });
    if (!status) {
        return fail(status.error());
    }
    return rule;
}

Status AlertService::removeRule(const Actor& actor, qint64 id) const {
    const QString action = QStringLiteral("alert.rule_remove");
    const QString target = QStringLiteral("alert_rule:%1").arg(id);
    if (auto allowed = require(actor, Permission::QuotasManage); !allowed) {
        (void)m_audit.record(actor, {action, target, AuditOutcome::Denied, QStringLiteral("lacks quotas.manage"),
                                     allowed.error().correlationId});
        return allowed;
    }
    return m_db.transaction([&]() -> Status {
        auto found = m_db.exec(QStringLiteral("SELECT ") + QLatin1StringView(ruleColumns) +
                                   QStringLiteral(" FROM alert_rules WHERE id = ?"),
                               {id});
        if (!found) {
            return fail(found.error());
        }
        if (!found->next()) {
            return fail(ErrorCode::NotFound, QStringLiteral("there is no alert rule %1").arg(id));
        }
        const AlertRule rule = readRule(*found);
        // Its active alerts end with it; the history stays, without the rule.
        if (auto resolved = m_db.exec(QStringLiteral("UPDATE alert_events SET resolved_at = ? WHERE rule_id = ? AND "
                                                     "resolved_at IS NULL"),
                                      {toStoredTime(m_clock.nowUtc()), id});
            !resolved) {
            return fail(resolved.error());
        }
        if (auto removed = m_db.exec(QStringLiteral("DELETE FROM alert_rules WHERE id = ?"), {id}); !removed) {
            return fail(removed.error());
        }
        return m_audit.record(actor, {action, target, AuditOutcome::Success, rule.describe(), {}});
    });
}

Result<std::vector<Alert>> AlertService::alerts(const Actor& actor, bool history, int limit) const {
    if (auto allowed = allowedToRead(actor); !allowed) {
        return fail(allowed.error());
    }
    auto query =
        m_db.exec(QStringLiteral("SELECT ") + QLatin1StringView(alertColumns) + QStringLiteral(" FROM alert_events") +
                      (history ? QString() : QStringLiteral(" WHERE resolved_at IS NULL")) +
                      QStringLiteral(" ORDER BY id DESC LIMIT ?"),
                  {std::max(limit, 1)});
    if (!query) {
        return fail(query.error());
    }
    std::vector<Alert> result;
    while (query->next()) {
        result.push_back(readAlert(*query));
    }
    return result;
}

Result<std::vector<AlertService::Condition>> AlertService::conditionsOf(const AlertRule& rule,
                                                                        const QDateTime& now) const {
    std::vector<Condition> found;
    const qint64 epochMinutes = now.toSecsSinceEpoch() / 60;
    switch (rule.kind) {
    case AlertKind::Spend: {
        const SpendWindow window = SpendWindow::parse(rule.spendWindow).value_or(SpendWindow{});
        qint64 spent = 0;
        QString windowKey;
        QString when;
        if (window.calendar != SpendWindow::Calendar::None) {
            const BudgetPeriod period = window.calendar == SpendWindow::Calendar::Day    ? BudgetPeriod::Day
                                        : window.calendar == SpendWindow::Calendar::Week ? BudgetPeriod::Week
                                                                                         : BudgetPeriod::Month;
            const BudgetWindow days = budgetWindow(period, now, m_ledger.timeZone());
            auto sum = m_db.exec(QStringLiteral("SELECT COALESCE(SUM(cost_micros), 0) FROM usage_totals WHERE "
                                                "account_id = -1 AND day >= ? AND day <= ?"),
                                 {days.firstDay->toString(Qt::ISODate), days.lastDay->toString(Qt::ISODate)});
            if (!sum) {
                return fail(sum.error());
            }
            spent = sum->next() ? sum->value(0).toLongLong() : 0;
            windowKey = days.firstDay->toString(Qt::ISODate);
            when = window.calendar == SpendWindow::Calendar::Day    ? QStringLiteral("today")
                   : window.calendar == SpendWindow::Calendar::Week ? QStringLiteral("this week")
                                                                    : QStringLiteral("this month");
        } else {
            const QDateTime from = now.addSecs(-qint64(window.hours) * 3600);
            auto sum = m_db.exec(QStringLiteral("SELECT COALESCE(SUM(cost_micros), 0) FROM usage_ledger WHERE day >= ? "
                                                "AND at >= ? AND at <= ?"),
                                 {m_ledger.dayOf(from.addDays(-1)), toStoredTime(from), toStoredTime(now)});
            if (!sum) {
                return fail(sum.error());
            }
            spent = sum->next() ? sum->value(0).toLongLong() : 0;
            windowKey = QString::number(epochMinutes / (qint64(window.hours) * 60));
            when = hoursText(window.hours);
        }
        if (rule.amountMicros && spent > *rule.amountMicros) {
            found.push_back(
                {QStringLiteral("everyone"), windowKey,
                 QStringLiteral("Spend %1 is %2, above %3.").arg(when, dollars(spent), dollars(*rule.amountMicros))});
        }
        break;
    }
    case AlertKind::BudgetSoft: {
        auto standings = m_budgets.overviewOfStore();
        if (!standings) {
            return fail(standings.error());
        }
        for (const BudgetStanding& standing : *standings) {
            if (!standing.softReached) {
                continue;
            }
            const Budget& budget = standing.budget;
            const bool money = budget.limitMicros.has_value();
            const qint64 used =
                money ? standing.usedMicros + standing.reservedMicros : standing.usedTokens + standing.reservedTokens;
            const qint64 limit = money ? *budget.limitMicros : budget.limitTokens.value_or(0);
            const QString amount = money ? QStringLiteral("%1 of %2").arg(dollars(used), dollars(limit))
                                         : QStringLiteral("%1 of %2 tokens").arg(used).arg(limit);
            QString who = budget.describe();
            if (budget.scope == BudgetScope::Role && !standing.who.isEmpty()) {
                who += QStringLiteral(" (%1)").arg(standing.who);
            }
            found.push_back(
                {QStringLiteral("budget:%1:%2").arg(budget.id).arg(standing.who),
                 standing.window.firstDay ? standing.window.firstDay->toString(Qt::ISODate) : QStringLiteral("total"),
                 QStringLiteral("%1 is %2 % used (%3).")
                     .arg(who)
                     .arg(limit > 0 ? used * 100 / limit : 100)
                     .arg(amount)});
        }
        break;
    }
    case AlertKind::FailureRate:
    case AlertKind::Unhealthy:
    case AlertKind::Latency: {
        // The provider's requests of the last minutes (for a failing streak, of the last day too), oldest first.
        const qint64 lookback =
            rule.kind == AlertKind::Unhealthy ? qint64(rule.minutes) * 60 + 86400 : qint64(rule.minutes) * 60;
        const QDateTime from = now.addSecs(-lookback);
        QString sql = QStringLiteral("SELECT provider, outcome, latency_ms, at FROM usage_ledger WHERE day >= ? AND at "
                                     ">= ? AND at <= ? AND feature <> 'title'");
        QVariantList values{m_ledger.dayOf(from.addDays(-1)), toStoredTime(from), toStoredTime(now)};
        if (!rule.provider.isEmpty()) {
            sql += QStringLiteral(" AND provider = ?");
            values << rule.provider;
        }
        auto rows = m_db.exec(sql + QStringLiteral(" ORDER BY at, id"), values);
        if (!rows) {
            return fail(rows.error());
        }
        struct Seen {
            qint64 requests = 0;
            qint64 failures = 0;
            std::vector<qint64> latencies;
            std::optional<QDateTime> failingSince; // the first failure after the last answer
        };
        std::map<QString, Seen> byProvider;
        while (rows->next()) {
            Seen& seen = byProvider[rows->value(0).toString()];
            const QString outcome = rows->value(1).toString();
            if (outcome == QLatin1StringView("cached")) {
                continue; // the provider was not asked
            }
            const bool failed = outcome == QLatin1StringView("failed");
            if (rule.kind == AlertKind::Unhealthy) {
                if (!failed) {
                    seen.failingSince.reset();
                } else if (!seen.failingSince) {
                    seen.failingSince = fromStoredTime(rows->value(3).toString());
                }
                continue;
            }
            ++seen.requests;
            seen.failures += failed ? 1 : 0;
            if (outcome == QLatin1StringView("complete") && !rows->value(2).isNull()) {
                seen.latencies.push_back(rows->value(2).toLongLong());
            }
        }
        const QString bucket = QString::number(epochMinutes / std::max(rule.minutes, 1));
        for (auto& [provider, seen] : byProvider) {
            const QString key = QStringLiteral("provider:") + provider;
            if (rule.kind == AlertKind::Unhealthy) {
                if (seen.failingSince && seen.failingSince->secsTo(now) >= qint64(rule.minutes) * 60) {
                    found.push_back({key, toStoredTime(*seen.failingSince),
                                     QStringLiteral("%1 has failed every request since %2 (%3 minutes).")
                                         .arg(provider, seen.failingSince->toString(Qt::ISODate))
                                         .arg(seen.failingSince->secsTo(now) / 60)});
                }
            } else if (rule.kind == AlertKind::FailureRate) {
                if (seen.requests >= rule.minRequests &&
                    seen.failures * 10'000 > qint64(rule.shareBasisPoints.value_or(10'000)) * seen.requests) {
                    found.push_back({key, bucket,
                                     QStringLiteral("%1 failed %2 of %3 requests in the last %4 minutes (%5).")
                                         .arg(provider)
                                         .arg(seen.failures)
                                         .arg(seen.requests)
                                         .arg(rule.minutes)
                                         .arg(percentText(int(seen.failures * 10'000 / seen.requests)))});
                }
            } else if (qint64(seen.latencies.size()) >= rule.minRequests) {
                std::sort(seen.latencies.begin(), seen.latencies.end());
                const auto rank = std::size_t((seen.latencies.size() * 95 + 99) / 100); // nearest rank
                const qint64 p95 = seen.latencies[std::max<std::size_t>(rank, 1) - 1];
                if (p95 > rule.latencyMs.value_or(0)) {
                    found.push_back({key, bucket,
                                     QStringLiteral("%1 answered 95 % of %3 answers in the last %4 minutes within "
                                                    "%2 ms, above %5 ms.")
                                         .arg(provider)
                                         .arg(p95)
                                         .arg(seen.latencies.size())
                                         .arg(rule.minutes)
                                         .arg(rule.latencyMs.value_or(0))});
                }
            }
        }
        break;
    }
    }
    return found;
}

Result<AlertCheck> AlertService::evaluate() const {
    const QDateTime now = m_clock.nowUtc();
    AlertCheck check;
    auto status = m_db.transaction([&]() -> Status {
        auto all = m_db.exec(QStringLiteral("SELECT ") + QLatin1StringView(ruleColumns) +
                             QStringLiteral(" FROM alert_rules ORDER BY id"));
        if (!all) {
            return fail(all.error());
        }
        std::vector<AlertRule> rules;
        while (all->next()) {
            rules.push_back(readRule(*all));
        }
        for (const AlertRule& rule : rules) {
            auto conditions = conditionsOf(rule, now);
            if (!conditions) {
                return fail(conditions.error());
            }
            auto open = m_db.exec(QStringLiteral("SELECT ") + QLatin1StringView(alertColumns) +
                                      QStringLiteral(" FROM alert_events WHERE rule_id = ? AND resolved_at IS NULL"),
                                  {rule.id});
            if (!open) {
                return fail(open.error());
            }
            std::vector<Alert> active;
            while (open->next()) {
                active.push_back(readAlert(*open));
            }
            // Ended conditions resolve their alerts.
            for (Alert& alert : active) {
                const bool holds = std::any_of(conditions->begin(), conditions->end(),
                                               [&alert](const Condition& c) { return c.key == alert.condition; });
                if (holds) {
                    continue;
                }
                if (auto resolved = m_db.exec(QStringLiteral("UPDATE alert_events SET resolved_at = ? WHERE id = ? "
                                                             "AND resolved_at IS NULL"),
                                              {toStoredTime(now), alert.id});
                    !resolved) {
                    return fail(resolved.error());
                }
                alert.resolvedAt = now;
                check.resolved.push_back(alert);
            }
            // New conditions raise an alert, once per condition and window (also across processes).
            for (const Condition& condition : *conditions) {
                const bool already = std::any_of(active.begin(), active.end(), [&condition](const Alert& alert) {
                    return alert.active() && alert.condition == condition.key;
                });
                if (already) {
                    continue;
                }
                Alert alert;
                alert.ruleId = rule.id;
                alert.rule = rule.describe();
                alert.condition = condition.key;
                alert.message = condition.message;
                alert.raisedAt = now;
                std::optional<qint64> id;
                auto raised = m_db.execPrepared(
                    QStringLiteral("INSERT INTO alert_events (rule_id, rule, condition_key, window_key, message, "
                                   "raised_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (rule_id, condition_key, "
                                   "window_key) DO NOTHING RETURNING id"),
                    {rule.id, alert.rule, condition.key, condition.window, condition.message, toStoredTime(now)},
                    [&](QSqlQuery& query) {
                        if (query.next()) {
                            id = query.value(0).toLongLong();
                        }
                    });
                if (!raised) {
                    return raised;
                }
                if (id) {
                    alert.id = *id;
                    check.raised.push_back(alert);
                }
            }
        }
        auto active = m_db.exec(QStringLiteral("SELECT ") + QLatin1StringView(alertColumns) +
                                QStringLiteral(" FROM alert_events WHERE resolved_at IS NULL ORDER BY id DESC"));
        if (!active) {
            return fail(active.error());
        }
        while (active->next()) {
            check.active.push_back(readAlert(*active));
        }
        return {};
    });
    if (!status) {
        return fail(status.error());
    }
    return check;
}

AlertMonitor::AlertMonitor(const AlertService& alerts, QObject* parent)
    : QObject(parent)
    , m_alerts(alerts) {
    connect(&m_timer, &QTimer::timeout, this, &AlertMonitor::evaluateNow);
    m_soon.setSingleShot(true);
    m_soon.setInterval(1000);
    connect(&m_soon, &QTimer::timeout, this, &AlertMonitor::evaluateNow);
}

void AlertMonitor::setIntervalSeconds(int seconds) {
    if (seconds <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(seconds * 1000);
}

void AlertMonitor::answerRecorded() {
    if (!m_soon.isActive()) {
        m_soon.start();
    }
}

void AlertMonitor::evaluateNow() {
    m_soon.stop();
    auto check = m_alerts.evaluate();
    if (!check) {
        // The store is busy or gone: the next answer or tick tries again.
        log("usage")->warn("alert rules not evaluated: {} [{}]", check.error().toLogString().toStdString(),
                           check.error().correlationId.toStdString());
        return;
    }
    const bool differs = check->raised.size() + check->resolved.size() > 0 || check->active.size() != m_active.size();
    m_active = check->active;
    for (const Alert& alert : check->raised) {
        Q_EMIT raised(alert);
    }
    if (differs) {
        Q_EMIT changed();
    }
}

} // namespace Tessera::Core
