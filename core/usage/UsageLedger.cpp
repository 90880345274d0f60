#include "usage/UsageLedger.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "common/LatencyHistogram.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/SettingsRepository.h"
#include "tokenizer/TokenCounter.h"
#include "usage/PriceBook.h"

#include <QSqlQuery>
#include <QVariant>

#include <map>

namespace Tessera::Core {

namespace {

QVariant optionalInt(const std::optional<qint64>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

std::optional<qint64> optionalValue(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

// "2026-W49": the ISO week a day belongs to.
QString isoWeek(const QString& day) {
    const QDate date = QDate::fromString(day, Qt::ISODate);
    int year = 0;
    const int week = date.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

constexpr const char* sums = "SUM(d.requests), SUM(d.input_tokens), SUM(d.cached_input_tokens), "
                             "SUM(d.cache_write_tokens), SUM(d.output_tokens), SUM(d.reasoning_tokens), "
                             "SUM(d.cost_micros), SUM(d.unpriced)";

} // namespace

QString usageGroupingName(UsageGrouping grouping) {
    switch (grouping) {
    case UsageGrouping::Day:
        return QStringLiteral("day");
    case UsageGrouping::Week:
        return QStringLiteral("week");
    case UsageGrouping::Month:
        return QStringLiteral("month");
    case UsageGrouping::User:
        return QStringLiteral("user");
    case UsageGrouping::Role:
        return QStringLiteral("role");
    case UsageGrouping::Provider:
        return QStringLiteral("provider");
    case UsageGrouping::Model:
        return QStringLiteral("model");
    case UsageGrouping::Feature:
        return QStringLiteral("feature");
    }
    return {};
}

std::optional<UsageGrouping> parseUsageGrouping(const QString& name) {
    for (const UsageGrouping grouping :
         {UsageGrouping::Day, UsageGrouping::Week, UsageGrouping::Month, UsageGrouping::User, UsageGrouping::Provider,
          UsageGrouping::Model, UsageGrouping::Feature}) {
        if (usageGroupingName(grouping) == name) {
            return grouping;
        }
    }
    return std::nullopt;
}

void LedgerEntry::setUsage(const Usage& usage) {
    inputTokens = usage.inputTokens;
    cachedInputTokens = usage.cachedInputTokens;
    cacheWriteTokens = usage.cacheWriteTokens;
    outputTokens = usage.outputTokens;
    reasoningTokens = usage.reasoningTokens;
    estimated = usage.estimated;
}

void LedgerEntry::estimateUsage(QStringView sent, QStringView received) {
    inputTokens = countTokens(sent, model).tokens;
    cachedInputTokens = 0;
    outputTokens = countTokens(received, model).tokens;
    reasoningTokens = 0;
    estimated = true;
}

void LedgerEntry::setResult(const Result<ChatAnswer>& result, QStringView sent) {
    if (!result) {
        outcome = QStringLiteral("failed");
        return;
    }
    modelReported = result->model;
    setUsage(result->usage);
    latencyMs = result->latencyMs;
    outcome = result->cacheHit ? QStringLiteral("cached") : QStringLiteral("complete");
    if (!result->usageReported) {
        estimateUsage(sent, result->text);
    }
}

void UsageRow::add(const UsageRow& other) {
    requests += other.requests;
    inputTokens += other.inputTokens;
    cachedInputTokens += other.cachedInputTokens;
    cacheWriteTokens += other.cacheWriteTokens;
    outputTokens += other.outputTokens;
    reasoningTokens += other.reasoningTokens;
    costMicros += other.costMicros;
    unpriced += other.unpriced;
}

UsageLedger::UsageLedger(const Database& db, const SettingsRepository& settings, const Clock& clock)
    : m_db(db)
    , m_settings(settings)
    , m_clock(clock) {
}

QTimeZone UsageLedger::timeZone() const {
    const QByteArray id = m_settings.value(timeZoneKey).toUtf8();
    if (!id.isEmpty()) {
        QTimeZone zone(id);
        if (zone.isValid()) {
            return zone;
        }
    }
    return QTimeZone::utc();
}

QString UsageLedger::dayOf(const QDateTime& time) const {
    return time.toTimeZone(timeZone()).date().toString(Qt::ISODate);
}

LedgerEntry UsageLedger::priced(LedgerEntry entry) const {
    if (!entry.at.isValid()) {
        entry.at = m_clock.nowUtc();
    }
    if (entry.day.isEmpty()) {
        entry.day = dayOf(entry.at);
    }
    if (entry.costMicros) {
        return entry;
    }
    if (entry.outcome == QLatin1StringView("cached") ||
        entry.inputTokens + entry.outputTokens + entry.cacheWriteTokens == 0) {
        entry.costMicros = 0;
        return entry;
    }
    if (m_prices) {
        if (const auto price = m_prices->priceFor(entry.provider, entry.model, entry.modelReported, entry.at)) {
            entry.costMicros = price->costMicros({entry.inputTokens, entry.cachedInputTokens, entry.cacheWriteTokens,
                                                  entry.outputTokens, entry.reasoningTokens});
            entry.price = price->describe();
        }
    }
    return entry;
}

Result<qint64> UsageLedger::record(LedgerEntry entry) const {
    entry = priced(std::move(entry));
    qint64 id = 0;
    auto status = m_db.transaction([&]() -> Status {
        std::optional<qint64> newId;
        auto inserted = m_db.execPrepared(
            QStringLiteral("INSERT INTO usage_ledger (at, day, account_id, provider, model, model_reported, feature, "
                           "conversation_id, message_id, input_tokens, cached_input_tokens, cache_write_tokens, "
                           "output_tokens, reasoning_tokens, cost_micros, price, estimated, latency_ms, "
                           "first_token_ms, outcome, correlation_id, retries, via_fallback) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {toStoredTime(entry.at),
             entry.day,
             entry.accountId,
             entry.provider,
             entry.model,
             entry.modelReported,
             entry.feature,
             optionalInt(entry.conversationId),
             optionalInt(entry.messageId),
             entry.inputTokens,
             entry.cachedInputTokens,
             entry.cacheWriteTokens,
             entry.outputTokens,
             entry.reasoningTokens,
             optionalInt(entry.costMicros),
             entry.price,
             entry.estimated ? 1 : 0,
             optionalInt(entry.latencyMs),
             optionalInt(entry.firstTokenMs),
             entry.outcome,
             entry.correlationId,
             entry.retries,
             entry.viaFallback ? 1 : 0},
            [&](QSqlQuery& query) {
                if (query.next()) {
                    newId = query.value(0).toLongLong();
                }
            });
        if (!inserted) {
            return inserted;
        }
        if (!newId) {
            return fail(ErrorCode::StorageFailed, QStringLiteral("the ledger entry got no id"));
        }
        id = *newId;
        auto rolled = m_db.execPrepared(
            QStringLiteral(
                "INSERT INTO usage_daily (day, account_id, provider, model, feature, requests, input_tokens, "
                "cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_micros, unpriced, "
                "failures, cache_hits, retries, fallbacks) "
                "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (day, account_id, provider, model, feature) DO UPDATE SET "
                "requests = usage_daily.requests + 1, "
                "input_tokens = usage_daily.input_tokens + excluded.input_tokens, "
                "cached_input_tokens = usage_daily.cached_input_tokens + excluded.cached_input_tokens, "
                "cache_write_tokens = usage_daily.cache_write_tokens + excluded.cache_write_tokens, "
                "output_tokens = usage_daily.output_tokens + excluded.output_tokens, "
                "reasoning_tokens = usage_daily.reasoning_tokens + excluded.reasoning_tokens, "
                "cost_micros = usage_daily.cost_micros + excluded.cost_micros, "
                "unpriced = usage_daily.unpriced + excluded.unpriced, "
                "failures = usage_daily.failures + excluded.failures, "
                "cache_hits = usage_daily.cache_hits + excluded.cache_hits, "
                "retries = usage_daily.retries + excluded.retries, "
                "fallbacks = usage_daily.fallbacks + excluded.fallbacks"),
            {entry.day, entry.accountId, entry.provider, entry.model, entry.feature, entry.inputTokens,
             entry.cachedInputTokens, entry.cacheWriteTokens, entry.outputTokens, entry.reasoningTokens,
             entry.costMicros.value_or(0), entry.costMicros ? 0 : 1,
             entry.outcome == QLatin1StringView("failed") ? 1 : 0, entry.outcome == QLatin1StringView("cached") ? 1 : 0,
             entry.retries, entry.viaFallback ? 1 : 0});
        if (!rolled) {
            return rolled;
        }
        // The person's and everyone's total of the day, for the budget check and the dashboards.
        const qint64 cost = entry.costMicros.value_or(0);
        const QVariantList sums{cost,
                                entry.inputTokens + entry.outputTokens,
                                entry.costMicros ? 0 : 1,
                                entry.outcome == QLatin1StringView("failed") ? 1 : 0,
                                entry.outcome == QLatin1StringView("cached") ? 1 : 0,
                                entry.retries,
                                entry.viaFallback ? 1 : 0,
                                entry.inputTokens,
                                entry.cachedInputTokens,
                                entry.outputTokens,
                                entry.reasoningTokens};
        QVariantList values{entry.accountId, entry.day};
        values << sums << qint64(-1) << entry.day << sums;
        auto totalled = m_db.execPrepared(
            QStringLiteral("INSERT INTO usage_totals (account_id, day, cost_micros, tokens, unpriced, failures, "
                           "cache_hits, retries, fallbacks, input_tokens, cached_input_tokens, output_tokens, "
                           "reasoning_tokens, requests) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1), "
                           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (account_id, day) DO UPDATE SET "
                           "cost_micros = usage_totals.cost_micros + excluded.cost_micros, "
                           "tokens = usage_totals.tokens + excluded.tokens, "
                           "unpriced = usage_totals.unpriced + excluded.unpriced, "
                           "failures = usage_totals.failures + excluded.failures, "
                           "cache_hits = usage_totals.cache_hits + excluded.cache_hits, "
                           "retries = usage_totals.retries + excluded.retries, "
                           "fallbacks = usage_totals.fallbacks + excluded.fallbacks, "
                           "input_tokens = usage_totals.input_tokens + excluded.input_tokens, "
                           "cached_input_tokens = usage_totals.cached_input_tokens + excluded.cached_input_tokens, "
                           "output_tokens = usage_totals.output_tokens + excluded.output_tokens, "
                           "reasoning_tokens = usage_totals.reasoning_tokens + excluded.reasoning_tokens, "
                           "requests = usage_totals.requests + 1"),
            values);
        if (!totalled) {
            return totalled;
        }
        // Everyone's totals by provider, model and feature, for the charts over all people.
        auto global = m_db.execPrepared(
            QStringLiteral("INSERT INTO usage_global (day, provider, model, feature, requests, failures, cache_hits, "
                           "retries, fallbacks, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, "
                           "cost_micros, unpriced) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (day, provider, model, feature) DO UPDATE SET "
                           "requests = usage_global.requests + 1, "
                           "failures = usage_global.failures + excluded.failures, "
                           "cache_hits = usage_global.cache_hits + excluded.cache_hits, "
                           "retries = usage_global.retries + excluded.retries, "
                           "fallbacks = usage_global.fallbacks + excluded.fallbacks, "
                           "input_tokens = usage_global.input_tokens + excluded.input_tokens, "
                           "cached_input_tokens = usage_global.cached_input_tokens + excluded.cached_input_tokens, "
                           "output_tokens = usage_global.output_tokens + excluded.output_tokens, "
                           "reasoning_tokens = usage_global.reasoning_tokens + excluded.reasoning_tokens, "
                           "cost_micros = usage_global.cost_micros + excluded.cost_micros, "
                           "unpriced = usage_global.unpriced + excluded.unpriced"),
            {entry.day, entry.provider, entry.model, entry.feature, sums[3], sums[4], sums[5], sums[6], sums[7],
             sums[8], sums[9], sums[10], cost, sums[2]});
        if (!global) {
            return global;
        }
        // A completed answer's times in their bins, the person's and everyone's: one statement per bin column, so
        // at most 128 statements are kept prepared.
        if (entry.outcome == QLatin1StringView("complete")) {
            for (const auto& [kind, ms] :
                 {std::pair{QLatin1Char('f'), entry.firstTokenMs}, std::pair{QLatin1Char('t'), entry.latencyMs}}) {
                if (!ms) {
                    continue;
                }
                const QString column = kind + QString::number(LatencyHistogram::binOf(*ms));
                auto binned = m_db.execPrepared(
                    QStringLiteral("INSERT INTO usage_latency (day, account_id, provider, model, %1) VALUES "
                                   "(?, ?, ?, ?, 1), (?, -1, ?, ?, 1) ON CONFLICT (account_id, day, provider, model) "
                                   "DO UPDATE SET %1 = usage_latency.%1 + 1")
                        .arg(column),
                    {entry.day, entry.accountId, entry.provider, entry.model, entry.day, entry.provider, entry.model});
                if (!binned) {
                    return binned;
                }
            }
        }
        return {};
    });
    if (!status) {
        return fail(status.error());
    }
    return id;
}

Result<std::vector<UsageRow>> UsageLedger::report(const Actor& actor, UsageQuery query) const {
    if (!actor.may(Permission::UsageViewAll)) {
        query.accountId = actor.userId; // one's own, always
    }
    QStringList columns;
    QStringList groups;
    for (const UsageGrouping grouping : query.by) {
        switch (grouping) {
        case UsageGrouping::Day:
        case UsageGrouping::Week: // days in SQL, folded into weeks below
            columns << QStringLiteral("d.day");
            groups << QStringLiteral("d.day");
            break;
        case UsageGrouping::Month:
            columns << QStringLiteral("substr(d.day, 1, 7)");
            groups << QStringLiteral("substr(d.day, 1, 7)");
            break;
        case UsageGrouping::User:
            columns << QStringLiteral("COALESCE(MIN(a.username), '#' || CAST(d.account_id AS TEXT))");
            groups << QStringLiteral("d.account_id");
            break;
        case UsageGrouping::Role: // the role the person has now
            columns << QStringLiteral("COALESCE(r.name, '')");
            groups << QStringLiteral("r.name");
            break;
        case UsageGrouping::Provider:
            columns << QStringLiteral("d.provider");
            groups << QStringLiteral("d.provider");
            break;
        case UsageGrouping::Model:
            columns << QStringLiteral("d.model");
            groups << QStringLiteral("d.model");
            break;
        case UsageGrouping::Feature:
            columns << QStringLiteral("d.feature");
            groups << QStringLiteral("d.feature");
            break;
        }
    }
    QStringList where;
    QVariantList values;
    if (query.from) {
        where << QStringLiteral("d.day >= ?");
        values << query.from->toString(Qt::ISODate);
    }
    if (query.to) {
        where << QStringLiteral("d.day <= ?");
        values << query.to->toString(Qt::ISODate);
    }
    if (query.accountId) {
        where << QStringLiteral("d.account_id = ?");
        values << *query.accountId;
    }
    if (!query.provider.isEmpty()) {
        where << QStringLiteral("d.provider = ?");
        values << query.provider;
    }
    if (!query.model.isEmpty()) {
        where << QStringLiteral("d.model = ?");
        values << query.model;
    }
    QString sql = QStringLiteral("SELECT ") +
                  (columns.isEmpty() ? QString() : columns.join(QStringLiteral(", ")) + QStringLiteral(", ")) +
                  QLatin1StringView(sums) +
                  QStringLiteral(" FROM usage_daily d LEFT JOIN accounts a ON a.id = d.account_id "
                                 "LEFT JOIN roles r ON r.id = a.role_id");
    if (!where.isEmpty()) {
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    }
    if (!groups.isEmpty()) {
        sql += QStringLiteral(" GROUP BY ") + groups.join(QStringLiteral(", ")) + QStringLiteral(" ORDER BY ") +
               groups.join(QStringLiteral(", "));
    }
    auto rows = m_db.exec(sql, values);
    if (!rows) {
        return fail(rows.error());
    }
    const int keyCount = int(query.by.size());
    // Rows by their keys; weeks fold several days into one row, in order.
    std::map<QStringList, UsageRow> folded;
    while (rows->next()) {
        if (keyCount == 0 && rows->value(0).isNull()) {
            break; // no usage at all: the sums of nothing
        }
        UsageRow row;
        for (int i = 0; i < keyCount; ++i) {
            const QString value = rows->value(i).toString();
            row.keys << (query.by[std::size_t(i)] == UsageGrouping::Week ? isoWeek(value) : value);
        }
        row.requests = rows->value(keyCount).toLongLong();
        row.inputTokens = rows->value(keyCount + 1).toLongLong();
        row.cachedInputTokens = rows->value(keyCount + 2).toLongLong();
        row.cacheWriteTokens = rows->value(keyCount + 3).toLongLong();
        row.outputTokens = rows->value(keyCount + 4).toLongLong();
        row.reasoningTokens = rows->value(keyCount + 5).toLongLong();
        row.costMicros = rows->value(keyCount + 6).toLongLong();
        row.unpriced = rows->value(keyCount + 7).toLongLong();
        UsageRow& into = folded[row.keys];
        into.keys = row.keys;
        into.add(row);
    }
    std::vector<UsageRow> result;
    result.reserve(folded.size());
    for (auto& [keys, row] : folded) {
        result.push_back(std::move(row));
    }
    return result;
}

Result<UsageLedger::ConversationCost> UsageLedger::conversationCost(const Actor& actor, qint64 conversationId) const {
    QString sql = QStringLiteral("SELECT COALESCE(SUM(cost_micros), 0), COUNT(*) - COUNT(cost_micros), COUNT(*) FROM "
                                 "usage_ledger WHERE conversation_id = ?");
    QVariantList values{conversationId};
    if (!actor.may(Permission::UsageViewAll)) {
        sql += QStringLiteral(" AND account_id = ?");
        values << actor.userId;
    }
    auto rows = m_db.exec(sql, values);
    if (!rows || !rows->next()) {
        return rows ? fail(ErrorCode::StorageFailed, QStringLiteral("no total")) : fail(rows.error());
    }
    return ConversationCost{rows->value(0).toLongLong(), rows->value(1).toLongLong(), rows->value(2).toLongLong()};
}

Result<std::vector<LedgerEntry>> UsageLedger::entriesOfConversation(const Actor& actor, qint64 conversationId) const {
    QString sql = QStringLiteral(
        "SELECT id, at, day, account_id, provider, model, model_reported, feature, conversation_id, message_id, "
        "input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_micros, price, "
        "estimated, latency_ms, first_token_ms, outcome, correlation_id, retries, via_fallback FROM usage_ledger "
        "WHERE conversation_id = ?");
    QVariantList values{conversationId};
    if (!actor.may(Permission::UsageViewAll)) {
        sql += QStringLiteral(" AND account_id = ?");
        values << actor.userId;
    }
    sql += QStringLiteral(" ORDER BY id");
    auto rows = m_db.exec(sql, values);
    if (!rows) {
        return fail(rows.error());
    }
    std::vector<LedgerEntry> entries;
    while (rows->next()) {
        LedgerEntry e;
        e.id = rows->value(0).toLongLong();
        e.at = fromStoredTime(rows->value(1).toString());
        e.day = rows->value(2).toString();
        e.accountId = rows->value(3).toLongLong();
        e.provider = rows->value(4).toString();
        e.model = rows->value(5).toString();
        e.modelReported = rows->value(6).toString();
        e.feature = rows->value(7).toString();
        e.conversationId = optionalValue(rows->value(8));
        e.messageId = optionalValue(rows->value(9));
        e.inputTokens = rows->value(10).toLongLong();
        e.cachedInputTokens = rows->value(11).toLongLong();
        e.cacheWriteTokens = rows->value(12).toLongLong();
        e.outputTokens = rows->value(13).toLongLong();
        e.reasoningTokens = rows->value(14).toLongLong();
        e.costMicros = optionalValue(rows->value(15));
        e.price = rows->value(16).toString();
        e.estimated = rows->value(17).toInt() != 0;
        e.latencyMs = optionalValue(rows->value(18));
        e.firstTokenMs = optionalValue(rows->value(19));
        e.outcome = rows->value(20).toString();
        e.correlationId = rows->value(21).toString();
        e.retries = rows->value(22).toInt();
        e.viaFallback = rows->value(23).toInt() != 0;
        entries.push_back(std::move(e));
    }
    return entries;
}

Result<qint64> UsageLedger::rebuild(const Actor& actor) const {
    if (auto allowed = require(actor, Permission::UsageViewAll); !allowed) {
        return fail(allowed.error());
    }
    qint64 rows = 0;
    auto status = m_db.transaction([&]() -> Status {
        auto rebuilt = rebuildRollups();
        if (!rebuilt) {
            return fail(rebuilt.error());
        }
        rows = *rebuilt;
        return {};
    });
    if (!status) {
        return fail(status.error());
    }
    return rows;
}

Result<qint64> UsageLedger::rebuildRollups() const {
    auto times = m_db.exec(QStringLiteral("SELECT id, at, day FROM usage_ledger ORDER BY id"));
    if (!times) {
        return fail(times.error());
    }
    std::vector<std::pair<qint64, QString>> moved;
    while (times->next()) {
        const QString day = dayOf(fromStoredTime(times->value(1).toString()));
        if (day != times->value(2).toString()) {
            moved.emplace_back(times->value(0).toLongLong(), day);
        }
    }
    for (const auto& [id, day] : moved) {
        if (auto updated = m_db.exec(QStringLiteral("UPDATE usage_ledger SET day = ? WHERE id = ?"), {day, id});
            !updated) {
            return fail(updated.error());
        }
    }
    if (auto cleared = m_db.exec(QStringLiteral("DELETE FROM usage_daily")); !cleared) {
        return fail(cleared.error());
    }
    auto summed = m_db.exec(QStringLiteral(
        "INSERT INTO usage_daily (day, account_id, provider, model, feature, requests, input_tokens, "
        "cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_micros, unpriced, failures, "
        "cache_hits, retries, fallbacks) "
        "SELECT day, account_id, provider, model, feature, COUNT(*), SUM(input_tokens), SUM(cached_input_tokens), "
        "SUM(cache_write_tokens), SUM(output_tokens), SUM(reasoning_tokens), SUM(COALESCE(cost_micros, 0)), "
        "SUM(CASE WHEN cost_micros IS NULL THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN outcome = 'cached' THEN 1 ELSE 0 END), SUM(retries), SUM(via_fallback) FROM usage_ledger "
        "GROUP BY day, account_id, provider, model, feature"));
    if (!summed) {
        return fail(summed.error());
    }
    const qint64 rows = summed->numRowsAffected();
    // The per-person totals of each day, and everyone's (account -1), from the daily totals.
    const QString totalColumns = QStringLiteral(
        "cost_micros, tokens, requests, failures, cache_hits, retries, fallbacks, input_tokens, cached_input_tokens, "
        "output_tokens, reasoning_tokens, unpriced");
    const QString totalSums =
        QStringLiteral("SUM(cost_micros), SUM(input_tokens + output_tokens), SUM(requests), SUM(failures), "
                       "SUM(cache_hits), SUM(retries), SUM(fallbacks), SUM(input_tokens), SUM(cached_input_tokens), "
                       "SUM(output_tokens), SUM(reasoning_tokens), SUM(unpriced)");
    for (const QString& sql : {QStringLiteral("DELETE FROM usage_totals"),
                               QString(QStringLiteral("INSERT INTO usage_totals (account_id, day, ") + totalColumns +
                                       QStringLiteral(") SELECT account_id, day, ") + totalSums +
                                       QStringLiteral(" FROM usage_daily GROUP BY account_id, day")),
                               QString(QStringLiteral("INSERT INTO usage_totals (account_id, day, ") + totalColumns +
                                       QStringLiteral(") SELECT -1, day, ") + totalSums +
                                       QStringLiteral(" FROM usage_daily GROUP BY day"))}) {
        if (auto done = m_db.exec(sql); !done) {
            return fail(done.error());
        }
    }
    // The latency bins and everyone's totals by provider, model and feature.
    for (const QString& sql :
         QStringList{QStringLiteral("DELETE FROM usage_latency"), QStringLiteral("DELETE FROM usage_global")} +
             usageRollupFillStatements()) {
        if (auto done = m_db.exec(sql); !done) {
            return fail(done.error());
        }
    }
    return rows;
}

UsageSettings UsageLedger::settings() const {
    UsageSettings settings;
    settings.timeZone = m_settings.value(timeZoneKey);
    settings.promptCaching = promptCaching();
    return settings;
}

bool UsageLedger::promptCaching() const {
    return m_settings.value(promptCachingKey) != QLatin1StringView("off");
}

Result<qint64> UsageLedger::setSettings(const Actor& actor, const UsageSettings& settings) const {
    const QString target = QStringLiteral("settings:usage");
    if (auto allowed = require(actor, Permission::ProvidersManage); !allowed) {
        if (m_audit) {
            (void)m_audit->record(actor, {QStringLiteral("usage.settings"), target, AuditOutcome::Denied,
                                          QStringLiteral("lacks providers.manage"), allowed.error().correlationId});
        }
        return fail(allowed.error());
    }
    const QString zone = settings.timeZone.trimmed();
    if (!zone.isEmpty() && !QTimeZone(zone.toUtf8()).isValid()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("'%1' is not a time zone this system knows (an IANA name such as Europe/Berlin)")
                        .arg(zone.left(60)));
    }
    const UsageSettings before = this->settings();
    qint64 rebuilt = 0;
    auto status = m_db.transaction([&]() -> Status {
        QStringList changes;
        if (zone != before.timeZone) {
            if (auto saved = m_settings.setValue(timeZoneKey, zone); !saved) {
                return saved;
            }
            auto rows = rebuildRollups();
            if (!rows) {
                return fail(rows.error());
            }
            rebuilt = *rows;
            changes << QStringLiteral("time zone %1 → %2")
                           .arg(before.timeZone.isEmpty() ? QStringLiteral("UTC") : before.timeZone,
                                zone.isEmpty() ? QStringLiteral("UTC") : zone);
        }
        if (settings.promptCaching != before.promptCaching) {
            if (auto saved = m_settings.setValue(promptCachingKey,
                                                 settings.promptCaching ? QStringLiteral("on") : QStringLiteral("off"));
                !saved) {
                return saved;
            }
            changes << QStringLiteral("prompt caching %1")
                           .arg(settings.promptCaching ? QStringLiteral("on") : QStringLiteral("off"));
        }
        if (changes.isEmpty() || !m_audit) {
            return {};
        }
        return m_audit->record(
            actor,
            {QStringLiteral("usage.settings"), target, AuditOutcome::Success, changes.join(QStringLiteral("; ")), {}});
    });
    if (!status) {
        return fail(status.error());
    }
    return rebuilt;
}

} // namespace Tessera::Core
