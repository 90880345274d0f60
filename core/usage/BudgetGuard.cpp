#include "usage/BudgetGuard.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "logging/Logging.h"
#include "providers/ProviderConfig.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"
#include "storage/RoleRepository.h"
#include "storage/SqlDialect.h"
#include "usage/ModelCatalog.h"
#include "usage/PriceBook.h"
#include "usage/Pricing.h"
#include "usage/UsageLedger.h"

#include <QSqlQuery>
#include <QVariant>

namespace Tessera::Core {

namespace {

constexpr qint64 defaultMaxOutputTokens = 4096; // a model the catalog does not know, asked without a maximum
constexpr qint64 minuteMs = 60'000;

std::optional<BudgetScope> parseScope(const QString& name) {
    for (const BudgetScope scope : {BudgetScope::User, BudgetScope::Role, BudgetScope::Global}) {
        if (budgetScopeName(scope) == name) {
            return scope;
        }
    }
    return std::nullopt;
}

QVariant optionalValue(const std::optional<qint64>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

std::optional<qint64> optionalOf(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QString amountText(const QString& unit, qint64 value) {
    return unit == QLatin1StringView("usd") ? formatUsd(value) : QStringLiteral("%1 tokens").arg(value);
}

const QString budgetLock = QStringLiteral("tessera.budgets");

} // namespace

BudgetGuard::BudgetGuard(const Database& db, const UsageLedger& ledger, const PriceBook& prices, const AuditLog& audit,
                         const Clock& clock)
    : m_db(db)
    , m_ledger(ledger)
    , m_prices(prices)
    , m_audit(audit)
    , m_clock(clock) {
}

RequestEstimate BudgetGuard::estimate(const ProviderConfig& provider, const QString& model, qint64 inputTokens,
                                      std::optional<int> maxOutputTokens, bool promptCache) const {
    RequestEstimate estimate;
    estimate.inputTokens = inputTokens;
    if (maxOutputTokens && *maxOutputTokens > 0) {
        estimate.maxOutputTokens = *maxOutputTokens;
    } else if (const CatalogModel* known = ModelCatalog::builtIn().find(priceVendorOf(provider), model)) {
        estimate.maxOutputTokens = known->maxOutput;
    } else {
        estimate.maxOutputTokens = defaultMaxOutputTokens;
    }
    if (const auto price = m_prices.priceFor(provider, model, {}, m_clock.nowUtc())) {
        // The most expensive outcome: every input token at the dearer of the input and cache-write rates.
        const bool writeCosts =
            promptCache && price->ratesFor(inputTokens).cacheWrite > price->ratesFor(inputTokens).input;
        estimate.costMicros = price->costMicros(
            {estimate.inputTokens, 0, writeCosts ? estimate.inputTokens : 0, estimate.maxOutputTokens, 0});
    }
    return estimate;
}

Status BudgetGuard::forgetOldReservations(const QDateTime& now) const {
    // Settled ones are kept a few minutes for requests per minute; a gone process's are of no use at all. Once a
    // minute is enough: the rows it removes no longer count anyway.
    const qint64 at = now.toMSecsSinceEpoch();
    if (qint64 last = m_lastCleanupMs.load();
        at - last < minuteMs || !m_lastCleanupMs.compare_exchange_strong(last, at)) {
        return {};
    }
    return m_db
        .exec(QStringLiteral("DELETE FROM usage_reservations WHERE started_at < ? AND (settled = 1 OR owner NOT IN "
                             "(SELECT id FROM store_owners))"),
              {toStoredTime(now.addSecs(-5 * 60))})
        .transform([](QSqlQuery&&) {});
}

Status BudgetGuard::checkRateLimits(const Actor& actor, const QDateTime& now) const {
    // The user's own limit, when set, is the administrator's word for them; else their role's.
    std::optional<QString> found;
    std::optional<qint64> rpm;
    std::optional<qint64> concurrent;
    auto rows = m_db.execPrepared(QStringLiteral("SELECT scope, requests_per_minute, concurrent FROM rate_limits "
                                                 "WHERE (scope = 'user' AND subject_id = ?) OR (scope = 'role' AND "
                                                 "subject_id = ?) ORDER BY scope DESC"),
                                  {actor.userId, actor.roleId}, [&](QSqlQuery& query) {
                                      if (query.next()) {
                                          found = query.value(0).toString();
                                          rpm = optionalOf(query.value(1));
                                          concurrent = optionalOf(query.value(2));
                                      }
                                  });
    if (!rows) {
        return rows;
    }
    if (!found) {
        return {};
    }
    const QString scope = *found;
    const QString whose =
        scope == QLatin1StringView("user") ? QStringLiteral("user ") + actor.userName : QStringLiteral("your role");
    if (rpm) {
        auto recent = m_db.exec(QStringLiteral("SELECT COUNT(*), MIN(started_at) FROM usage_reservations WHERE "
                                               "account_id = ? AND started_at > ?"),
                                {actor.userId, toStoredTime(now.addMSecs(-minuteMs))});
        if (!recent) {
            return fail(recent.error());
        }
        recent->next();
        const qint64 count = recent->value(0).toLongLong();
        if (count >= *rpm) {
            const QDateTime oldest = fromStoredTime(recent->value(1).toString());
            Error error = makeError(
                ErrorCode::QuotaRateLimited,
                QStringLiteral("%1 requests in the last minute; %2 allows %3").arg(count).arg(whose).arg(*rpm));
            error.retryAfterMs = std::max<qint64>(1, now.msecsTo(oldest.addMSecs(minuteMs)));
            error.quota = QuotaDetail{QStringLiteral("requests per minute of %1").arg(whose),
                                      scope,
                                      scope == QLatin1StringView("user") ? actor.userName : QString(),
                                      QStringLiteral("minute"),
                                      QStringLiteral("requests_per_minute"),
                                      count,
                                      0,
                                      *rpm,
                                      1,
                                      oldest.addMSecs(minuteMs)};
            return fail(error);
        }
    }
    if (concurrent) {
        auto running =
            m_db.exec(QStringLiteral("SELECT COUNT(*) FROM usage_reservations WHERE account_id = ? AND "
                                     "settled = 0 AND (owner = ? OR owner IN (SELECT id FROM store_owners))"),
                      {actor.userId, m_db.ownerId()});
        if (!running) {
            return fail(running.error());
        }
        running->next();
        const qint64 count = running->value(0).toLongLong();
        if (count >= *concurrent) {
            Error error = makeError(
                ErrorCode::QuotaRateLimited,
                QStringLiteral("%1 answers are running; %2 allows %3 at once").arg(count).arg(whose).arg(*concurrent));
            error.quota = QuotaDetail{QStringLiteral("answers at once of %1").arg(whose),
                                      scope,
                                      scope == QLatin1StringView("user") ? actor.userName : QString(),
                                      QStringLiteral("at_once"),
                                      QStringLiteral("concurrent"),
                                      count,
                                      0,
                                      *concurrent,
                                      1,
                                      {}};
            return fail(error);
        }
    }
    return {};
}

Result<std::vector<Budget>> BudgetGuard::applicable(qint64 accountId, qint64 roleId) const {
    std::vector<Budget> budgets;
    auto status = m_db.execPrepared(
        QStringLiteral("SELECT b.id, b.scope, b.subject_id, b.period, b.limit_micros, b.limit_tokens, b.soft_percent, "
                       "b.updated_at, COALESCE(u.username, ''), COALESCE(a.username, r.name, '') FROM budgets b "
                       "LEFT JOIN accounts u ON u.id = b.updated_by "
                       "LEFT JOIN accounts a ON b.scope = 'user' AND a.id = b.subject_id "
                       "LEFT JOIN roles r ON b.scope = 'role' AND r.id = b.subject_id "
                       "WHERE (? = 0 AND ? = 0) OR (b.scope = 'user' AND b.subject_id = ?) OR "
                       "(b.scope = 'role' AND b.subject_id = ?) OR b.scope = 'global' "
                       "ORDER BY b.scope DESC, b.subject_id, b.period"),
        {accountId, roleId, accountId, roleId}, [&](QSqlQuery& rows) {
            while (rows.next()) {
                Budget budget;
                budget.id = rows.value(0).toLongLong();
                budget.scope = parseScope(rows.value(1).toString()).value_or(BudgetScope::Global);
                budget.subjectId = rows.value(2).toLongLong();
                budget.period = parseBudgetPeriod(rows.value(3).toString()).value_or(BudgetPeriod::Total);
                budget.limitMicros = optionalOf(rows.value(4));
                budget.limitTokens = optionalOf(rows.value(5));
                budget.softPercent = rows.value(6).toInt();
                budget.updatedAt = fromStoredTime(rows.value(7).toString());
                budget.updatedBy = rows.value(8).toString();
                budget.subjectName = rows.value(9).toString();
                budgets.push_back(std::move(budget));
            }
        });
    if (!status) {
        return fail(status.error());
    }
    return budgets;
}

Result<BudgetStanding> BudgetGuard::standing(const Budget& budget, qint64 accountId, const QDateTime& now,
                                             const QTimeZone& zone) const {
    BudgetStanding standing;
    standing.budget = budget;
    standing.window = budgetWindow(budget.period, now, zone);
    const bool everyone = budget.scope == BudgetScope::Global;
    standing.accountId = everyone ? -1 : accountId;
    // What was used in the window (the per-day totals; account -1 is everyone) and what is reserved by the requests
    // still running, in one round trip.
    QString usedSql = QStringLiteral("SELECT COALESCE(SUM(cost_micros), 0), COALESCE(SUM(tokens), 0) FROM "
                                     "usage_totals WHERE account_id = ?");
    QVariantList values{everyone ? qint64(-1) : accountId};
    if (standing.window.firstDay) {
        usedSql += QStringLiteral(" AND day >= ? AND day <= ?");
        values << standing.window.firstDay->toString(Qt::ISODate) << standing.window.lastDay->toString(Qt::ISODate);
    }
    QString reservedSql = QStringLiteral("SELECT COALESCE(SUM(cost_micros), 0), COALESCE(SUM(tokens), 0) FROM "
                                         "usage_reservations WHERE settled = 0");
    if (!everyone) {
        reservedSql += QStringLiteral(" AND account_id = ?");
        values << accountId;
    }
    reservedSql += QStringLiteral(" AND (owner = ? OR owner IN (SELECT id FROM store_owners))");
    values << m_db.ownerId();
    bool read = false;
    auto sums = m_db.execPrepared(QStringLiteral("SELECT u.*, r.* FROM (%1) u, (%2) r").arg(usedSql, reservedSql),
                                  values, [&](QSqlQuery& query) {
                                      if (!query.next()) {
                                          return;
                                      }
                                      read = true;
                                      standing.usedMicros = query.value(0).toLongLong();
                                      standing.usedTokens = query.value(1).toLongLong();
                                      standing.reservedMicros = query.value(2).toLongLong();
                                      standing.reservedTokens = query.value(3).toLongLong();
                                  });
    if (!sums) {
        return fail(sums.error());
    }
    if (!read) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("no budget sums"));
    }
    const auto reached = [&](const std::optional<qint64>& limit, qint64 total, int percent) {
        return limit && total * 100 >= *limit * percent;
    };
    const qint64 micros = standing.usedMicros + standing.reservedMicros;
    const qint64 tokens = standing.usedTokens + standing.reservedTokens;
    standing.softReached = reached(budget.limitMicros, micros, budget.softPercent) ||
                           reached(budget.limitTokens, tokens, budget.softPercent);
    standing.hardReached = reached(budget.limitMicros, micros, 100) || reached(budget.limitTokens, tokens, 100);
    return standing;
}

Result<Reservation> BudgetGuard::reserve(const Actor& actor, const RequestEstimate& estimate) const {
    const QDateTime now = m_clock.nowUtc();
    const QTimeZone zone = m_ledger.timeZone();
    Reservation reservation;
    auto status = m_db.transaction([&]() -> Status {
        // Every process that reserves takes the same lock first, so two requests never both fit the last dollar.
        if (const QString lock = m_db.dialect().transactionLockSql(budgetLock); !lock.isEmpty()) {
            if (auto locked = m_db.exec(lock); !locked) {
                return fail(locked.error());
            }
        }
        if (auto cleaned = forgetOldReservations(now); !cleaned) {
            return cleaned;
        }
        if (auto limited = checkRateLimits(actor, now); !limited) {
            return limited;
        }
        auto budgets = applicable(actor.userId, actor.roleId);
        if (!budgets) {
            return fail(budgets.error());
        }
        std::optional<Error> refusal;
        std::optional<double> tightest; // the least room left, as a share of its limit
        struct Warning {
            const Budget* budget;
            QuotaDetail detail;
        };
        std::vector<Warning> warnings;
        for (const Budget& budget : *budgets) {
            auto standing = this->standing(budget, actor.userId, now, zone);
            if (!standing) {
                return fail(standing.error());
            }
            const auto check = [&](const std::optional<qint64>& limit, const QString& unit, qint64 used,
                                   qint64 reserved, std::optional<qint64> requested) {
                if (!limit) {
                    return;
                }
                const double room = double(*limit - used - reserved) / double(std::max<qint64>(1, *limit));
                if (!requested || used + reserved + *requested > *limit) {
                    if (!tightest || room < *tightest) {
                        tightest = room;
                        Error error = makeError(
                            ErrorCode::QuotaExceeded,
                            requested ? QStringLiteral("%1: %2 used and %3 reserved of %4; this request may need up "
                                                       "to %5%6")
                                            .arg(budget.describe(), amountText(unit, used), amountText(unit, reserved),
                                                 amountText(unit, *limit), amountText(unit, *requested),
                                                 standing->window.resetsAt
                                                     ? QStringLiteral("; it resets at ") +
                                                           standing->window.resetsAt->toString(Qt::ISODate)
                                                     : QString())
                                      : QStringLiteral("%1 is in dollars and this model has no price, so its cost "
                                                       "cannot be checked; an administrator can set one with "
                                                       "`tessera-cli prices set`")
                                            .arg(budget.describe()));
                        error.quota = QuotaDetail{budget.describe(),
                                                  budgetScopeName(budget.scope),
                                                  budget.subjectName,
                                                  budgetPeriodName(budget.period),
                                                  unit,
                                                  used,
                                                  reserved,
                                                  *limit,
                                                  requested.value_or(0),
                                                  standing->window.resetsAt.value_or(QDateTime())};
                        refusal = error;
                    }
                    return;
                }
                if ((used + reserved + *requested) * 100 >= *limit * budget.softPercent) {
                    warnings.push_back(
                        {&budget,
                         QuotaDetail{QStringLiteral("%1 is %2% used (%3 of %4)")
                                         .arg(budget.describe())
                                         .arg((used + reserved + *requested) * 100 / *limit)
                                         .arg(amountText(unit, used + reserved + *requested), amountText(unit, *limit)),
                                     budgetScopeName(budget.scope), budget.subjectName, budgetPeriodName(budget.period),
                                     unit, used + reserved + *requested, 0, *limit, *requested,
                                     standing->window.resetsAt.value_or(QDateTime())}});
                }
            };
            check(budget.limitMicros, QStringLiteral("usd"), standing->usedMicros, standing->reservedMicros,
                  estimate.costMicros);
            check(budget.limitTokens, QStringLiteral("tokens"), standing->usedTokens, standing->reservedTokens,
                  estimate.tokens());
        }
        if (refusal) {
            log("usage")->info("refused: user {} — {}", actor.userName, refusal->detail);
            return fail(*refusal);
        }
        auto inserted = m_db.execPrepared(
            QStringLiteral("INSERT INTO usage_reservations (account_id, owner, started_at, "
                           "cost_micros, tokens) VALUES (?, ?, ?, ?, ?) RETURNING id"),
            {actor.userId, m_db.ownerId(), toStoredTime(now), estimate.costMicros.value_or(0), estimate.tokens()},
            [&](QSqlQuery& query) {
                if (query.next()) {
                    reservation.id = query.value(0).toLongLong();
                }
            });
        if (!inserted) {
            return inserted;
        }
        if (reservation.id <= 0) {
            return fail(ErrorCode::StorageFailed, QStringLiteral("no reservation id"));
        }
        // A soft limit warns once per person and window.
        for (const Warning& warning : warnings) {
            const BudgetWindow window = budgetWindow(warning.budget->period, now, zone);
            auto first = m_db.exec(QStringLiteral("INSERT INTO budget_warnings (budget_id, account_id, window_start, "
                                                  "warned_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                                   {warning.budget->id, actor.userId,
                                    window.firstDay ? window.firstDay->toString(Qt::ISODate) : QStringLiteral("total"),
                                    toStoredTime(now)});
            if (!first) {
                return fail(first.error());
            }
            if (first->numRowsAffected() == 1) {
                reservation.warnings.push_back(warning.detail);
            }
        }
        return {};
    });
    if (!status) {
        return fail(status.error());
    }
    return reservation;
}

Result<Reservation> BudgetGuard::reserveForAccount(qint64 accountId, const RequestEstimate& estimate) const {
    auto account = AccountRepository(m_db, m_clock).findById(accountId);
    if (!account) {
        return fail(account.error());
    }
    Actor owner;
    owner.userId = account->id;
    owner.userName = account->username;
    owner.roleId = account->roleId;
    owner.client = ClientKind::Gui;
    return reserve(owner, estimate);
}

Status BudgetGuard::settle(qint64 reservationId) const {
    if (reservationId <= 0) {
        return {};
    }
    return m_db.execPrepared(
        QStringLiteral("UPDATE usage_reservations SET settled = 1, cost_micros = 0, tokens = 0 WHERE id = ?"),
        {reservationId});
}

Result<qint64> BudgetGuard::subjectOf(const Actor& actor, BudgetScope scope, const QString& name, const QString& action,
                                      QString* displayName) const {
    const auto deny = [&](const QString& why) -> Result<qint64> {
        Error error = makeError(ErrorCode::AuthForbidden, why);
        (void)m_audit.record(actor,
                             {action, budgetScopeName(scope) + QLatin1Char(':') + name, AuditOutcome::Denied, why, {}});
        return fail(error);
    };
    if (auto allowed = require(actor, Permission::QuotasManage); !allowed) {
        (void)m_audit.record(actor, {action, budgetScopeName(scope) + QLatin1Char(':') + name, AuditOutcome::Denied,
                                     QStringLiteral("lacks quotas.manage"), allowed.error().correlationId});
        return fail(allowed.error());
    }
    // A Manager (quotas.manage without roles.manage) sets budgets and limits for Members only.
    const bool manager = !actor.may(Permission::RolesManage);
    const qint64 member = qint64(BuiltInRole::Member);
    switch (scope) {
    case BudgetScope::Global:
        if (manager) {
            return deny(QStringLiteral("only an administrator sets the global budget"));
        }
        displayName->clear();
        return qint64(0);
    case BudgetScope::Role: {
        auto role = RoleRepository(m_db, m_clock).findByName(name);
        if (!role) {
            return fail(ErrorCode::NotFound, QStringLiteral("there is no role named %1").arg(name));
        }
        if (manager && role->id != member) {
            return deny(QStringLiteral("a Manager sets budgets and limits for the Member role only"));
        }
        *displayName = role->name;
        return role->id;
    }
    case BudgetScope::User: {
        auto account = AccountRepository(m_db, m_clock).findByUsername(name);
        if (!account) {
            return fail(ErrorCode::NotFound, QStringLiteral("there is no user named %1").arg(name));
        }
        if (manager && account->roleId != member) {
            return deny(QStringLiteral("a Manager sets budgets and limits for Members only"));
        }
        *displayName = account->username;
        return account->id;
    }
    }
    return qint64(0);
}

Result<std::vector<Budget>> BudgetGuard::list(const Actor& actor) const {
    // Administrators, Managers and Auditors see every budget; anyone else the ones that apply to them.
    if (actor.may(Permission::QuotasManage) || actor.may(Permission::UsageViewAll)) {
        return applicable(0, 0);
    }
    return applicable(actor.userId, actor.roleId);
}

Status BudgetGuard::set(const Actor& actor, Budget budget) const {
    const QString action = QStringLiteral("budget.set");
    QString name;
    auto subject = subjectOf(actor, budget.scope, budget.subjectName, action, &name);
    if (!subject) {
        return fail(subject.error());
    }
    if (!budget.limitMicros && !budget.limitTokens) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a budget needs a limit in dollars or tokens"));
    }
    if ((budget.limitMicros && *budget.limitMicros < 0) || (budget.limitTokens && *budget.limitTokens < 0)) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a budget's limit cannot be negative"));
    }
    if (budget.softPercent < 1 || budget.softPercent > 100) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the soft limit is a percentage from 1 to 100"));
    }
    budget.subjectId = *subject;
    budget.subjectName = name;
    const QString target =
        QStringLiteral("budget:%1/%2/%3").arg(budgetScopeName(budget.scope), name, budgetPeriodName(budget.period));
    return m_db.transaction([&]() -> Status {
        auto existing = m_db.exec(QStringLiteral("SELECT id, limit_micros, limit_tokens FROM budgets WHERE scope = ? "
                                                 "AND subject_id = ? AND period = ?"),
                                  {budgetScopeName(budget.scope), budget.subjectId, budgetPeriodName(budget.period)});
        if (!existing) {
            return fail(existing.error());
        }
        const QString now = toStoredTime(m_clock.nowUtc());
        Result<QSqlQuery> written = fail(ErrorCode::Internal, QString());
        if (existing->next()) {
            // One budget per scope, subject and window holds a dollar limit, a token limit or both: setting one
            // keeps the other.
            if (!budget.limitMicros) {
                budget.limitMicros = optionalOf(existing->value(1));
            }
            if (!budget.limitTokens) {
                budget.limitTokens = optionalOf(existing->value(2));
            }
            written = m_db.exec(QStringLiteral("UPDATE budgets SET limit_micros = ?, limit_tokens = ?, soft_percent = "
                                               "?, updated_by = ?, updated_at = ? WHERE id = ?"),
                                {optionalValue(budget.limitMicros), optionalValue(budget.limitTokens),
                                 budget.softPercent, actor.userId, now, existing->value(0).toLongLong()});
        } else {
            written = m_db.exec(QStringLiteral("INSERT INTO budgets (scope, subject_id, period, limit_micros, "
                                               "limit_tokens, soft_percent, updated_by, updated_at) VALUES (?, ?, ?, "
                                               "?, ?, ?, ?, ?)"),
                                {budgetScopeName(budget.scope), budget.subjectId, budgetPeriodName(budget.period),
                                 optionalValue(budget.limitMicros), optionalValue(budget.limitTokens),
                                 budget.softPercent, actor.userId, now});
        }
        if (!written) {
            return fail(written.error());
        }
        QStringList limits;
        if (budget.limitMicros) {
            limits << formatUsd(*budget.limitMicros);
        }
        if (budget.limitTokens) {
            limits << QStringLiteral("%1 tokens").arg(*budget.limitTokens);
        }
        return m_audit.record(
            actor,
            {action,
             target,
             AuditOutcome::Success,
             QStringLiteral("%1, warns at %2%").arg(limits.join(QStringLiteral(" and "))).arg(budget.softPercent),
             {}});
    });
}

Status BudgetGuard::remove(const Actor& actor, BudgetScope scope, const QString& subjectName,
                           std::optional<BudgetPeriod> period) const {
    const QString action = QStringLiteral("budget.remove");
    QString name;
    auto subject = subjectOf(actor, scope, subjectName, action, &name);
    if (!subject) {
        return fail(subject.error());
    }
    return m_db.transaction([&]() -> Status {
        QString sql = QStringLiteral("DELETE FROM budgets WHERE scope = ? AND subject_id = ?");
        QVariantList values{budgetScopeName(scope), *subject};
        if (period) {
            sql += QStringLiteral(" AND period = ?");
            values << budgetPeriodName(*period);
        }
        auto removed = m_db.exec(sql, values);
        if (!removed) {
            return fail(removed.error());
        }
        if (removed->numRowsAffected() == 0) {
            return fail(ErrorCode::NotFound, QStringLiteral("there is no such budget to remove"));
        }
        return m_audit.record(
            actor, {action,
                    QStringLiteral("budget:%1/%2/%3")
                        .arg(budgetScopeName(scope), name, period ? budgetPeriodName(*period) : QStringLiteral("*")),
                    AuditOutcome::Success,
                    QStringLiteral("%1 budget(s) removed").arg(removed->numRowsAffected()),
                    {}});
    });
}

Result<std::vector<BudgetStanding>> BudgetGuard::status(const Actor& actor, const QString& user) const {
    qint64 accountId = actor.userId;
    qint64 roleId = actor.roleId;
    if (!user.isEmpty()) {
        auto account = AccountRepository(m_db, m_clock).findByUsername(user);
        const bool self = account && account->id == actor.userId;
        if (!self && !actor.may(Permission::QuotasManage) && !actor.may(Permission::UsageViewAll)) {
            return fail(require(actor, Permission::UsageViewAll).error());
        }
        if (!account) {
            return fail(ErrorCode::NotFound, QStringLiteral("there is no user named %1").arg(user));
        }
        accountId = account->id;
        roleId = account->roleId;
    }
    auto budgets = applicable(accountId, roleId);
    if (!budgets) {
        return fail(budgets.error());
    }
    const QDateTime now = m_clock.nowUtc();
    const QTimeZone zone = m_ledger.timeZone();
    std::vector<BudgetStanding> result;
    for (const Budget& budget : *budgets) {
        auto standing = this->standing(budget, accountId, now, zone);
        if (!standing) {
            return fail(standing.error());
        }
        result.push_back(std::move(*standing));
    }
    return result;
}

Result<std::vector<BudgetStanding>> BudgetGuard::overview(const Actor& actor) const {
    if (!actor.may(Permission::QuotasManage) && !actor.may(Permission::UsageViewAll)) {
        return fail(require(actor, Permission::QuotasManage).error());
    }
    return overviewOfStore();
}

Result<std::vector<BudgetStanding>> BudgetGuard::overviewOfStore() const {
    auto budgets = applicable(0, 0);
    if (!budgets) {
        return fail(budgets.error());
    }
    const QDateTime now = m_clock.nowUtc();
    const QTimeZone zone = m_ledger.timeZone();
    std::vector<BudgetStanding> result;
    for (const Budget& budget : *budgets) {
        std::vector<std::pair<qint64, QString>> subjects; // whose use to look at
        if (budget.scope == BudgetScope::User) {
            subjects.emplace_back(budget.subjectId, budget.subjectName);
        } else if (budget.scope == BudgetScope::Role) {
            auto members = m_db.exec(QStringLiteral("SELECT id, username FROM accounts WHERE role_id = ? ORDER BY id"),
                                     {budget.subjectId});
            if (!members) {
                return fail(members.error());
            }
            while (members->next()) {
                subjects.emplace_back(members->value(0).toLongLong(), members->value(1).toString());
            }
        } else {
            subjects.emplace_back(0, QString());
        }
        std::optional<BudgetStanding> closest;
        for (const auto& [accountId, name] : subjects) {
            auto standing = this->standing(budget, accountId, now, zone);
            if (!standing) {
                return fail(standing.error());
            }
            standing->who = name;
            if (!closest || standing->share() > closest->share()) {
                closest = std::move(*standing);
            }
        }
        if (!closest) { // a role nobody has: no use yet
            BudgetStanding empty;
            empty.budget = budget;
            empty.window = budgetWindow(budget.period, now, zone);
            closest = empty;
        }
        result.push_back(std::move(*closest));
    }
    return result;
}

Result<std::vector<RateLimit>> BudgetGuard::limits(const Actor& actor) const {
    const bool all = actor.may(Permission::QuotasManage) || actor.may(Permission::UsageViewAll);
    auto rows = m_db.exec(QStringLiteral("SELECT l.scope, l.subject_id, l.requests_per_minute, l.concurrent, "
                                         "COALESCE(a.username, r.name, '') FROM rate_limits l "
                                         "LEFT JOIN accounts a ON l.scope = 'user' AND a.id = l.subject_id "
                                         "LEFT JOIN roles r ON l.scope = 'role' AND r.id = l.subject_id "
                                         "WHERE ? = 1 OR (l.scope = 'user' AND l.subject_id = ?) OR "
                                         "(l.scope = 'role' AND l.subject_id = ?) ORDER BY l.scope DESC, l.subject_id"),
                          {all ? 1 : 0, actor.userId, actor.roleId});
    if (!rows) {
        return fail(rows.error());
    }
    std::vector<RateLimit> result;
    while (rows->next()) {
        RateLimit limit;
        limit.scope = parseScope(rows->value(0).toString()).value_or(BudgetScope::User);
        limit.subjectId = rows->value(1).toLongLong();
        const auto rpm = optionalOf(rows->value(2));
        const auto concurrent = optionalOf(rows->value(3));
        limit.requestsPerMinute = rpm ? std::optional<int>(int(*rpm)) : std::nullopt;
        limit.concurrent = concurrent ? std::optional<int>(int(*concurrent)) : std::nullopt;
        limit.subjectName = rows->value(4).toString();
        result.push_back(std::move(limit));
    }
    return result;
}

Status BudgetGuard::setLimit(const Actor& actor, RateLimit limit) const {
    const QString action = QStringLiteral("limit.set");
    if (limit.scope == BudgetScope::Global) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("limits are set per user or per role"));
    }
    QString name;
    auto subject = subjectOf(actor, limit.scope, limit.subjectName, action, &name);
    if (!subject) {
        return fail(subject.error());
    }
    if ((limit.requestsPerMinute && *limit.requestsPerMinute < 1) || (limit.concurrent && *limit.concurrent < 1)) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a limit is at least 1 (leave it out for none)"));
    }
    const QString target = QStringLiteral("limit:%1/%2").arg(budgetScopeName(limit.scope), name);
    return m_db.transaction([&]() -> Status {
        auto removed = m_db.exec(QStringLiteral("DELETE FROM rate_limits WHERE scope = ? AND subject_id = ?"),
                                 {budgetScopeName(limit.scope), *subject});
        if (!removed) {
            return fail(removed.error());
        }
        if (limit.requestsPerMinute || limit.concurrent) {
            const auto value = [](const std::optional<int>& v) {
                return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Int));
            };
            auto inserted = m_db.exec(QStringLiteral("INSERT INTO rate_limits (scope, subject_id, requests_per_minute, "
                                                     "concurrent, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
                                      {budgetScopeName(limit.scope), *subject, value(limit.requestsPerMinute),
                                       value(limit.concurrent), actor.userId, toStoredTime(m_clock.nowUtc())});
            if (!inserted) {
                return fail(inserted.error());
            }
        }
        return m_audit.record(
            actor,
            {action,
             target,
             AuditOutcome::Success,
             QStringLiteral("%1 per minute, %2 at once")
                 .arg(limit.requestsPerMinute ? QString::number(*limit.requestsPerMinute) : QStringLiteral("any"),
                      limit.concurrent ? QString::number(*limit.concurrent) : QStringLiteral("any")),
             {}});
    });
}

} // namespace Tessera::Core
