#include "usage/UsageDashboard.h"

#include "accounts/Authorization.h"
#include "common/LatencyHistogram.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "usage/UsageLedger.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>

namespace Tessera::Core {

namespace {

constexpr int hourSeconds = 3600;

// The SQL of a dimension's key over the alias of the daily totals or the ledger (accounts joined as a).
QString keyColumn(UsageDimension by, const QString& alias) {
    switch (by) {
    case UsageDimension::Model:
        return alias + QStringLiteral(".model");
    case UsageDimension::Provider:
        return alias + QStringLiteral(".provider");
    case UsageDimension::User:
        return alias + QStringLiteral(".account_id");
    case UsageDimension::Role:
        return QStringLiteral("COALESCE(a.role_id, 0)");
    case UsageDimension::Feature:
        return alias + QStringLiteral(".feature");
    }
    return alias + QStringLiteral(".model");
}

// The WHERE clause of a filter over the alias (days inclusive), with its values.
QString whereOf(const UsageFilter& filter, const QString& alias, QVariantList& values) {
    QStringList where{alias + QStringLiteral(".day >= ?"), alias + QStringLiteral(".day <= ?")};
    values << filter.from.toString(Qt::ISODate) << filter.to.toString(Qt::ISODate);
    if (filter.accountId) {
        where << alias + QStringLiteral(".account_id = ?");
        values << *filter.accountId;
    }
    if (filter.roleId) {
        where << QStringLiteral("a.role_id = ?");
        values << *filter.roleId;
    }
    if (!filter.provider.isEmpty()) {
        where << alias + QStringLiteral(".provider = ?");
        values << filter.provider;
    }
    if (!filter.model.isEmpty()) {
        where << alias + QStringLiteral(".model = ?");
        values << filter.model;
    }
    if (!filter.feature.isEmpty()) {
        where << alias + QStringLiteral(".feature = ?");
        values << filter.feature;
    }
    return QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

// The sums of the daily totals, in UsageTotals' order (readTotals).
constexpr const char* dailySums =
    "SUM(d.requests), SUM(d.failures), SUM(d.cache_hits), SUM(d.retries), SUM(d.fallbacks), SUM(d.input_tokens), "
    "SUM(d.cached_input_tokens), SUM(d.output_tokens), SUM(d.reasoning_tokens), SUM(d.cost_micros), "
    "SUM(d.unpriced)";

UsageTotals readTotals(const QSqlQuery& query, int first) {
    UsageTotals t;
    t.requests = query.value(first).toLongLong();
    t.failures = query.value(first + 1).toLongLong();
    t.cacheHits = query.value(first + 2).toLongLong();
    t.retries = query.value(first + 3).toLongLong();
    t.fallbacks = query.value(first + 4).toLongLong();
    t.inputTokens = query.value(first + 5).toLongLong();
    t.cachedInputTokens = query.value(first + 6).toLongLong();
    t.outputTokens = query.value(first + 7).toLongLong();
    t.reasoningTokens = query.value(first + 8).toLongLong();
    t.costMicros = query.value(first + 9).toLongLong();
    t.unpriced = query.value(first + 10).toLongLong();
    return t;
}

void addTotals(UsageTotals& into, const UsageTotals& more) {
    into.requests += more.requests;
    into.failures += more.failures;
    into.cacheHits += more.cacheHits;
    into.retries += more.retries;
    into.fallbacks += more.fallbacks;
    into.inputTokens += more.inputTokens;
    into.cachedInputTokens += more.cachedInputTokens;
    into.outputTokens += more.outputTokens;
    into.reasoningTokens += more.reasoningTokens;
    into.costMicros += more.costMicros;
    into.unpriced += more.unpriced;
}

// Where a query reads: each person's totals of the day (usage_totals, everyone's as account -1) when it needs no
// provider, model or feature, a few rows a day; else the finer daily totals. The second part narrows the WHERE.
std::pair<QString, QString> sourceFor(const UsageFilter& filter, std::optional<UsageDimension> by) {
    const bool fine = !filter.provider.isEmpty() || !filter.model.isEmpty() || !filter.feature.isEmpty() ||
                      (by && *by != UsageDimension::User && *by != UsageDimension::Role);
    if (fine) {
        // Everyone's by provider, model and feature when no person or role narrows it: a few rows a day.
        const bool everyone =
            !filter.accountId && !filter.roleId && by != UsageDimension::User && by != UsageDimension::Role;
        return {everyone ? QStringLiteral("usage_global") : QStringLiteral("usage_daily"), {}};
    }
    if (filter.accountId) {
        return {QStringLiteral("usage_totals"), {}}; // the filter names the account
    }
    const bool perPerson = filter.roleId.has_value() || by == UsageDimension::User || by == UsageDimension::Role;
    return {QStringLiteral("usage_totals"),
            perPerson ? QStringLiteral(" AND d.account_id >= 0") : QStringLiteral(" AND d.account_id = -1")};
}

int monthIndex(QDate date) {
    return date.year() * 12 + date.month() - 1;
}

} // namespace

UsageDashboard::UsageDashboard(const Database& db, const UsageLedger& ledger)
    : m_db(db)
    , m_ledger(ledger) {
}

Result<UsageFilter> UsageDashboard::scoped(const Actor& actor, UsageFilter filter) const {
    if (!filter.from.isValid() || !filter.to.isValid() || filter.from > filter.to) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the period must start on or before its end"));
    }
    if (filter.from.daysTo(filter.to) > 366 * 20) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the period may be at most twenty years long"));
    }
    if (actor.may(Permission::UsageViewAll)) {
        return filter;
    }
    // One's own usage only: asking for someone else's, or another role's, is refused rather than widened.
    if (filter.accountId && *filter.accountId != actor.userId) {
        return fail(ErrorCode::AuthForbidden, QStringLiteral("seeing another person's usage needs usage.view_all"));
    }
    if (filter.roleId && *filter.roleId != actor.roleId) {
        return fail(ErrorCode::AuthForbidden, QStringLiteral("seeing a role's usage needs usage.view_all"));
    }
    filter.accountId = actor.userId;
    return filter;
}

int UsageDashboard::Buckets::ofDay(QDate day) const {
    qint64 bucket = 0;
    if (step == UsageStep::Month) {
        bucket = monthIndex(day) - monthIndex(from);
    } else {
        const qint64 days = from.daysTo(day);
        // Weeks start on Monday: the first may be cut by the period.
        bucket = step == UsageStep::Day ? days : (days + from.dayOfWeek() - 1) / 7;
        if (days < 0) {
            return -1;
        }
    }
    return bucket >= 0 && bucket < qint64(starts.size()) ? int(bucket) : -1;
}

int UsageDashboard::Buckets::ofTime(const QDateTime& at) const {
    if (starts.empty()) {
        return -1;
    }
    const qint64 seconds = starts.front().secsTo(at);
    if (seconds < 0 || at >= end) {
        return -1; // counted on a day of the period in an earlier time zone
    }
    return int(std::min<qint64>(seconds / hourSeconds, qint64(starts.size()) - 1));
}

UsageDashboard::Buckets UsageDashboard::bucketsFor(const UsageFilter& filter) const {
    Buckets b;
    b.step = usageStepFor(filter.from, filter.to);
    b.from = filter.from;
    const QTimeZone zone = m_ledger.timeZone();
    const QDateTime end = filter.to.addDays(1).startOfDay(zone);
    b.end = end;
    switch (b.step) {
    case UsageStep::Hour: {
        // Hours counted in real time, so a day with a daylight-saving change has 23 or 25 of them.
        const QDateTime start = filter.from.startOfDay(zone);
        for (qint64 s = 0; start.addSecs(s) < end; s += hourSeconds) {
            b.starts.push_back(start.addSecs(s));
        }
        break;
    }
    case UsageStep::Day:
        for (QDate d = filter.from; d <= filter.to; d = d.addDays(1)) {
            b.starts.push_back(d.startOfDay(zone));
        }
        break;
    case UsageStep::Week: {
        // ISO weeks from Monday; the first and last may be cut by the period.
        b.starts.push_back(filter.from.startOfDay(zone));
        for (QDate d = filter.from.addDays(8 - filter.from.dayOfWeek()); d <= filter.to; d = d.addDays(7)) {
            b.starts.push_back(d.startOfDay(zone));
        }
        break;
    }
    case UsageStep::Month: {
        b.starts.push_back(filter.from.startOfDay(zone));
        for (QDate d = QDate(filter.from.year(), filter.from.month(), 1).addMonths(1); d <= filter.to;
             d = d.addMonths(1)) {
            b.starts.push_back(d.startOfDay(zone));
        }
        break;
    }
    }
    return b;
}

Result<std::vector<UsageDashboard::Row>> UsageDashboard::rows(const UsageFilter& filter, const Buckets& buckets,
                                                              std::optional<UsageDimension> by, Sums what) const {
    const bool needAccounts = filter.roleId.has_value() || by == UsageDimension::Role;
    QVariantList values;
    std::vector<Row> result;
    if (buckets.step == UsageStep::Hour) {
        // Hours are not in the daily totals: the period's entries (two days at most) are read from the ledger.
        QString sql = QStringLiteral("SELECT l.at, ") +
                      (by ? keyColumn(*by, QStringLiteral("l")) : QStringLiteral("''")) +
                      QStringLiteral(", l.outcome, l.retries, l.via_fallback, l.input_tokens, l.cached_input_tokens, "
                                     "l.output_tokens, l.reasoning_tokens, l.cost_micros FROM usage_ledger l");
        if (needAccounts) {
            sql += QStringLiteral(" LEFT JOIN accounts a ON a.id = l.account_id");
        }
        sql += whereOf(filter, QStringLiteral("l"), values);
        auto query = m_db.exec(sql, values);
        if (!query) {
            return fail(query.error());
        }
        std::map<std::pair<int, QString>, UsageTotals> sums;
        while (query->next()) {
            const int bucket = buckets.ofTime(fromStoredTime(query->value(0).toString()));
            if (bucket < 0) {
                continue;
            }
            UsageTotals t;
            t.requests = 1;
            const QString outcome = query->value(2).toString();
            t.failures = outcome == QLatin1StringView("failed") ? 1 : 0;
            t.cacheHits = outcome == QLatin1StringView("cached") ? 1 : 0;
            t.retries = query->value(3).toLongLong();
            t.fallbacks = query->value(4).toLongLong();
            t.inputTokens = query->value(5).toLongLong();
            t.cachedInputTokens = query->value(6).toLongLong();
            t.outputTokens = query->value(7).toLongLong();
            t.reasoningTokens = query->value(8).toLongLong();
            if (query->value(9).isNull()) {
                t.unpriced = 1;
            } else {
                t.costMicros = query->value(9).toLongLong();
            }
            addTotals(sums[{bucket, query->value(1).toString()}], t);
        }
        for (auto& [where, totals] : sums) {
            result.push_back(Row{where.first, where.second, totals});
        }
        return result;
    }
    // Days, weeks and months from the daily totals, grouped by day in the order of the totals' key (so the engine
    // sums as it reads, without sorting) and folded into weeks and months here; only the sums the chart shows.
    const QString period = QStringLiteral("d.day");
    const QString key = by ? keyColumn(*by, QStringLiteral("d")) : QString();
    QString columns;
    switch (what) {
    case Sums::Cost:
        columns = QStringLiteral("SUM(d.cost_micros), SUM(d.unpriced)");
        break;
    case Sums::Tokens:
        columns = QStringLiteral("SUM(d.input_tokens), SUM(d.cached_input_tokens), SUM(d.output_tokens), "
                                 "SUM(d.reasoning_tokens), SUM(d.unpriced)");
        break;
    case Sums::Reliability:
        columns = QStringLiteral("SUM(d.requests), SUM(d.failures), SUM(d.cache_hits), SUM(d.retries), "
                                 "SUM(d.fallbacks), SUM(d.unpriced)");
        break;
    }
    const auto [table, narrowing] = sourceFor(filter, by);
    QString sql = QStringLiteral("SELECT ") + period + QStringLiteral(", ") + (by ? key : QStringLiteral("''")) +
                  QStringLiteral(", ") + columns + QStringLiteral(" FROM ") + table + QStringLiteral(" d");
    if (needAccounts) {
        sql += QStringLiteral(" LEFT JOIN accounts a ON a.id = d.account_id");
    }
    sql += whereOf(filter, QStringLiteral("d"), values) + narrowing;
    sql += QStringLiteral(" GROUP BY ") + period + (by ? QStringLiteral(", ") + key : QString());
    auto query = m_db.exec(sql, values);
    if (!query) {
        return fail(query.error());
    }
    std::map<std::pair<int, QString>, UsageTotals> sums;
    while (query->next()) {
        const int bucket = buckets.ofDay(QDate::fromString(query->value(0).toString(), Qt::ISODate));
        if (bucket < 0) {
            continue;
        }
        UsageTotals t;
        if (what == Sums::Cost) {
            t.costMicros = query->value(2).toLongLong();
            t.unpriced = query->value(3).toLongLong();
        } else if (what == Sums::Reliability) {
            t.requests = query->value(2).toLongLong();
            t.failures = query->value(3).toLongLong();
            t.cacheHits = query->value(4).toLongLong();
            t.retries = query->value(5).toLongLong();
            t.fallbacks = query->value(6).toLongLong();
            t.unpriced = query->value(7).toLongLong();
        } else {
            t.inputTokens = query->value(2).toLongLong();
            t.cachedInputTokens = query->value(3).toLongLong();
            t.outputTokens = query->value(4).toLongLong();
            t.reasoningTokens = query->value(5).toLongLong();
            t.unpriced = query->value(6).toLongLong();
        }
        addTotals(sums[{bucket, query->value(1).toString()}], t);
    }
    for (auto& [where, totals] : sums) {
        result.push_back(Row{where.first, where.second, totals});
    }
    return result;
}

Result<UsageTotals> UsageDashboard::totals(const UsageFilter& filter) const {
    QVariantList values;
    const auto [table, narrowing] = sourceFor(filter, std::nullopt);
    QString sql = QStringLiteral("SELECT ") + QLatin1StringView(dailySums) + QStringLiteral(" FROM ") + table +
                  QStringLiteral(" d");
    if (filter.roleId) {
        sql += QStringLiteral(" LEFT JOIN accounts a ON a.id = d.account_id");
    }
    sql += whereOf(filter, QStringLiteral("d"), values) + narrowing;
    auto query = m_db.exec(sql, values);
    if (!query) {
        return fail(query.error());
    }
    UsageTotals t;
    if (query->next()) {
        t = readTotals(*query, 0); // the sums of no rows are NULL, read as 0
    }
    return t;
}

Result<QHash<QString, QString>> UsageDashboard::labels(UsageDimension by) const {
    QHash<QString, QString> names;
    QString sql;
    if (by == UsageDimension::User) {
        sql = QStringLiteral("SELECT id, username FROM accounts");
    } else if (by == UsageDimension::Role) {
        sql = QStringLiteral("SELECT id, name FROM roles");
    } else {
        return names; // the key is what people read
    }
    auto query = m_db.exec(sql);
    if (!query) {
        return fail(query.error());
    }
    while (query->next()) {
        names.insert(query->value(0).toString(), query->value(1).toString());
    }
    return names;
}

Result<UsageSummary> UsageDashboard::summary(const Actor& actor, const UsageFilter& asked) const {
    auto filter = scoped(actor, asked);
    if (!filter) {
        return fail(filter.error());
    }
    UsageSummary summary;
    auto current = totals(*filter);
    if (!current) {
        return fail(current.error());
    }
    summary.current = *current;
    const qint64 days = filter->from.daysTo(filter->to) + 1;
    UsageFilter before = *filter;
    before.to = filter->from.addDays(-1);
    before.from = filter->from.addDays(-days);
    summary.previousFrom = before.from;
    summary.previousTo = before.to;
    auto previous = totals(before);
    if (!previous) {
        return fail(previous.error());
    }
    summary.previous = *previous;
    return summary;
}

Result<UsageTimeline> UsageDashboard::overTime(const Actor& actor, const UsageFilter& asked, UsageDimension by,
                                               UsageMetric metric, int stacks) const {
    auto filter = scoped(actor, asked);
    if (!filter) {
        return fail(filter.error());
    }
    const Buckets buckets = bucketsFor(*filter);
    const Sums sums = metric == UsageMetric::Cost     ? Sums::Cost
                      : metric == UsageMetric::Tokens ? Sums::Tokens
                                                      : Sums::Reliability;
    auto found = rows(*filter, buckets, by, sums);
    if (!found) {
        return fail(found.error());
    }
    auto names = labels(by);
    if (!names) {
        return fail(names.error());
    }
    UsageTimeline timeline;
    timeline.step = buckets.step;
    timeline.starts = buckets.starts;
    timeline.end = buckets.end;
    // Each key's series, then the largest kept and the rest summed into one.
    std::map<QString, UsageSeries> byKey;
    for (const Row& row : *found) {
        UsageSeries& series = byKey[row.key];
        if (series.values.empty()) {
            series.key = row.key;
            series.label = names->value(row.key, row.key);
            series.values.assign(buckets.starts.size(), 0);
        }
        const qint64 value = metric == UsageMetric::Cost     ? row.totals.costMicros
                             : metric == UsageMetric::Tokens ? row.totals.tokens()
                                                             : row.totals.requests;
        series.values[std::size_t(row.bucket)] += value;
        series.total += value;
        timeline.unpriced += row.totals.unpriced;
    }
    std::vector<UsageSeries> all;
    all.reserve(byKey.size());
    for (auto& [key, series] : byKey) {
        all.push_back(std::move(series));
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const UsageSeries& a, const UsageSeries& b) { return a.total > b.total; });
    // An "everything else" of one series would hide a name for nothing: it is kept as itself.
    const std::size_t keep = all.size() <= std::size_t(std::max(stacks, 1)) + 1 ? all.size() : std::size_t(stacks);
    UsageSeries other;
    other.values.assign(buckets.starts.size(), 0);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i < keep) {
            timeline.series.push_back(std::move(all[i]));
            continue;
        }
        for (std::size_t b = 0; b < other.values.size(); ++b) {
            other.values[b] += all[i].values[b];
        }
        other.total += all[i].total;
    }
    if (keep < all.size()) {
        timeline.series.push_back(std::move(other));
    }
    return timeline;
}

Result<UsageTimeline> UsageDashboard::tokensOverTime(const Actor& actor, const UsageFilter& asked) const {
    auto filter = scoped(actor, asked);
    if (!filter) {
        return fail(filter.error());
    }
    const Buckets buckets = bucketsFor(*filter);
    auto found = rows(*filter, buckets, std::nullopt, Sums::Tokens);
    if (!found) {
        return fail(found.error());
    }
    UsageTimeline timeline;
    timeline.step = buckets.step;
    timeline.starts = buckets.starts;
    timeline.end = buckets.end;
    for (const QString& key : {UsageTokenSeries::input, UsageTokenSeries::cachedInput, UsageTokenSeries::output,
                               UsageTokenSeries::reasoning}) {
        UsageSeries series;
        series.key = key;
        series.label = key;
        series.values.assign(buckets.starts.size(), 0);
        timeline.series.push_back(std::move(series));
    }
    for (const Row& row : *found) {
        const UsageTotals& t = row.totals;
        const qint64 parts[] = {t.inputTokens - t.cachedInputTokens, t.cachedInputTokens,
                                t.outputTokens - t.reasoningTokens, t.reasoningTokens};
        for (std::size_t i = 0; i < 4; ++i) {
            timeline.series[i].values[std::size_t(row.bucket)] += parts[i];
            timeline.series[i].total += parts[i];
        }
        timeline.unpriced += t.unpriced;
    }
    return timeline;
}

Result<std::vector<UsageShare>> UsageDashboard::top(const Actor& actor, const UsageFilter& asked, UsageDimension by,
                                                    int limit) const {
    auto filter = scoped(actor, asked);
    if (!filter) {
        return fail(filter.error());
    }
    QVariantList values;
    const QString key = keyColumn(by, QStringLiteral("d"));
    // Only what a top list shows: fewer sums read the year noticeably faster.
    QString sql = QStringLiteral("SELECT ") + key +
                  QStringLiteral(", SUM(d.requests), SUM(d.input_tokens), SUM(d.output_tokens), SUM(d.cost_micros), "
                                 "SUM(d.unpriced)") +
                  QStringLiteral(" FROM ") + sourceFor(*filter, by).first + QStringLiteral(" d");
    if (filter->roleId || by == UsageDimension::Role) {
        sql += QStringLiteral(" LEFT JOIN accounts a ON a.id = d.account_id");
    }
    sql += whereOf(*filter, QStringLiteral("d"), values) + sourceFor(*filter, by).second +
           QStringLiteral(" GROUP BY ") + key;
    auto query = m_db.exec(sql, values);
    if (!query) {
        return fail(query.error());
    }
    auto names = labels(by);
    if (!names) {
        return fail(names.error());
    }
    std::vector<UsageShare> shares;
    qint64 cost = 0;
    qint64 tokens = 0;
    while (query->next()) {
        UsageShare share;
        share.key = query->value(0).toString();
        share.label = names->value(share.key, share.key);
        share.totals.requests = query->value(1).toLongLong();
        share.totals.inputTokens = query->value(2).toLongLong();
        share.totals.outputTokens = query->value(3).toLongLong();
        share.totals.costMicros = query->value(4).toLongLong();
        share.totals.unpriced = query->value(5).toLongLong();
        cost += share.totals.costMicros;
        tokens += share.totals.tokens();
        shares.push_back(std::move(share));
    }
    const bool byCost = cost > 0;
    for (UsageShare& share : shares) {
        const qint64 part = byCost ? share.totals.costMicros : share.totals.tokens();
        const qint64 whole = byCost ? cost : tokens;
        share.share = whole > 0 ? double(part) / double(whole) : 0.0;
    }
    std::stable_sort(shares.begin(), shares.end(), [byCost](const UsageShare& a, const UsageShare& b) {
        if (byCost && a.totals.costMicros != b.totals.costMicros) {
            return a.totals.costMicros > b.totals.costMicros;
        }
        if (a.totals.tokens() != b.totals.tokens()) {
            return a.totals.tokens() > b.totals.tokens();
        }
        return a.label < b.label;
    });
    if (limit > 0 && shares.size() > std::size_t(limit)) {
        shares.resize(std::size_t(limit));
    }
    return shares;
}

Result<UsageReliability> UsageDashboard::reliabilityOverTime(const Actor& actor, const UsageFilter& asked) const {
    auto filter = scoped(actor, asked);
    if (!filter) {
        return fail(filter.error());
    }
    const Buckets buckets = bucketsFor(*filter);
    auto found = rows(*filter, buckets, UsageDimension::Provider, Sums::Reliability);
    if (!found) {
        return fail(found.error());
    }
    UsageReliability reliability;
    reliability.step = buckets.step;
    reliability.starts = buckets.starts;
    reliability.end = buckets.end;
    std::map<QString, UsageReliabilitySeries> byProvider;
    for (const Row& row : *found) {
        UsageReliabilitySeries& series = byProvider[row.key];
        if (series.buckets.empty()) {
            series.provider = row.key;
            series.buckets.assign(buckets.starts.size(), UsageTotals{});
        }
        UsageTotals only; // the hours' rows carry tokens and cost too: only what this chart shows
        only.requests = row.totals.requests;
        only.failures = row.totals.failures;
        only.cacheHits = row.totals.cacheHits;
        only.retries = row.totals.retries;
        only.fallbacks = row.totals.fallbacks;
        addTotals(series.buckets[std::size_t(row.bucket)], only);
        addTotals(series.total, only);
    }
    for (auto& [provider, series] : byProvider) {
        reliability.providers.push_back(std::move(series));
    }
    std::stable_sort(reliability.providers.begin(), reliability.providers.end(),
                     [](const UsageReliabilitySeries& a, const UsageReliabilitySeries& b) {
                         return a.total.requests > b.total.requests;
                     });
    return reliability;
}

Result<UsageLatency> UsageDashboard::latencyOverTime(const Actor& actor, const UsageFilter& asked) const {
    auto filter = scoped(actor, asked);
    if (!filter) {
        return fail(filter.error());
    }
    const Buckets buckets = bucketsFor(*filter);
    // Per provider and bucket: the first-token and total-time bins.
    struct Bins {
        std::vector<LatencyHistogram> first;
        std::vector<LatencyHistogram> total;
    };
    std::map<QString, Bins> byProvider;
    const auto binsOf = [&](const QString& provider) -> Bins& {
        Bins& bins = byProvider[provider];
        if (bins.first.empty()) {
            bins.first.resize(buckets.starts.size());
            bins.total.resize(buckets.starts.size());
        }
        return bins;
    };
    const bool needAccounts = filter->roleId.has_value();
    QVariantList values;
    if (buckets.step == UsageStep::Hour || !filter->feature.isEmpty()) {
        // Hours, or one feature's answers: the completed entries themselves (the bins keep no feature).
        QString sql = QStringLiteral("SELECT l.at, l.day, l.provider, l.first_token_ms, l.latency_ms FROM "
                                     "usage_ledger l");
        if (needAccounts) {
            sql += QStringLiteral(" LEFT JOIN accounts a ON a.id = l.account_id");
        }
        sql += whereOf(*filter, QStringLiteral("l"), values) + QStringLiteral(" AND l.outcome = 'complete'");
        auto query = m_db.exec(sql, values);
        if (!query) {
            return fail(query.error());
        }
        while (query->next()) {
            const int bucket = buckets.step == UsageStep::Hour
                                   ? buckets.ofTime(fromStoredTime(query->value(0).toString()))
                                   : buckets.ofDay(QDate::fromString(query->value(1).toString(), Qt::ISODate));
            if (bucket < 0) {
                continue;
            }
            Bins& bins = binsOf(query->value(2).toString());
            if (!query->value(3).isNull()) {
                bins.first[std::size_t(bucket)].add(query->value(3).toLongLong());
            }
            if (!query->value(4).isNull()) {
                bins.total[std::size_t(bucket)].add(query->value(4).toLongLong());
            }
        }
    } else {
        // The daily bins: everyone's row (account -1) unless a person or role narrows them.
        QStringList sums;
        for (const QString& column : usageLatencyColumns().split(QStringLiteral(", "))) {
            sums << QStringLiteral("SUM(d.") + column + QLatin1Char(')');
        }
        // Months summed by the engine (a two-year chart reads a hundred rows, not thousands of 130 columns each).
        const bool months = buckets.step == UsageStep::Month;
        const QString period = months ? QStringLiteral("substr(d.day, 1, 7)") : QStringLiteral("d.day");
        QString sql = QStringLiteral("SELECT ") + period + QStringLiteral(", d.provider, ") +
                      sums.join(QStringLiteral(", ")) + QStringLiteral(" FROM usage_latency d");
        if (needAccounts) {
            sql += QStringLiteral(" LEFT JOIN accounts a ON a.id = d.account_id");
        }
        sql += whereOf(*filter, QStringLiteral("d"), values);
        if (!filter->accountId) {
            sql += needAccounts ? QStringLiteral(" AND d.account_id >= 0") : QStringLiteral(" AND d.account_id = -1");
        }
        sql += QStringLiteral(" GROUP BY ") + period + QStringLiteral(", d.provider");
        auto query = m_db.exec(sql, values);
        if (!query) {
            return fail(query.error());
        }
        while (query->next()) {
            const QString read = query->value(0).toString();
            const int bucket =
                buckets.ofDay(QDate::fromString(months ? read + QStringLiteral("-01") : read, Qt::ISODate));
            if (bucket < 0) {
                continue;
            }
            Bins& bins = binsOf(query->value(1).toString());
            for (int bin = 0; bin < LatencyHistogram::bins; ++bin) {
                bins.first[std::size_t(bucket)].addBin(bin, query->value(2 + bin).toLongLong());
                bins.total[std::size_t(bucket)].addBin(bin,
                                                       query->value(2 + LatencyHistogram::bins + bin).toLongLong());
            }
        }
    }
    const auto pointOf = [](const LatencyHistogram& first, const LatencyHistogram& total) {
        UsageLatencyPoint point;
        point.answers = std::max(first.count(), total.count());
        point.firstTokenP50 = first.percentile(0.5);
        point.firstTokenP95 = first.percentile(0.95);
        point.totalP50 = total.percentile(0.5);
        point.totalP95 = total.percentile(0.95);
        return point;
    };
    UsageLatency latency;
    latency.step = buckets.step;
    latency.starts = buckets.starts;
    latency.end = buckets.end;
    for (auto& [provider, bins] : byProvider) {
        UsageLatencySeries series;
        series.provider = provider;
        LatencyHistogram allFirst;
        LatencyHistogram allTotal;
        for (std::size_t b = 0; b < bins.first.size(); ++b) {
            series.buckets.push_back(pointOf(bins.first[b], bins.total[b]));
            allFirst.merge(bins.first[b]);
            allTotal.merge(bins.total[b]);
        }
        series.total = pointOf(allFirst, allTotal);
        if (series.total.answers > 0) {
            latency.providers.push_back(std::move(series));
        }
    }
    std::stable_sort(
        latency.providers.begin(), latency.providers.end(),
        [](const UsageLatencySeries& a, const UsageLatencySeries& b) { return a.total.answers > b.total.answers; });
    return latency;
}

Result<UsageChoices> UsageDashboard::choices(const Actor& actor) const {
    UsageChoices choices;
    const bool all = actor.may(Permission::UsageViewAll);
    QVariantList values;
    QString where;
    if (!all) {
        where = QStringLiteral(" WHERE account_id = ?");
        values << actor.userId;
    }
    for (const auto& [column, into] : {std::pair{QStringLiteral("provider"), &choices.providers},
                                       std::pair{QStringLiteral("model"), &choices.models},
                                       std::pair{QStringLiteral("feature"), &choices.features}}) {
        auto query = m_db.exec(QStringLiteral("SELECT DISTINCT ") + column + QStringLiteral(" FROM usage_daily") +
                                   where + QStringLiteral(" ORDER BY ") + column,
                               values);
        if (!query) {
            return fail(query.error());
        }
        while (query->next()) {
            into->append(query->value(0).toString());
        }
    }
    auto people = m_db.exec(all ? QStringLiteral("SELECT id, username FROM accounts ORDER BY username")
                                : QStringLiteral("SELECT id, username FROM accounts WHERE id = ?"),
                            all ? QVariantList{} : QVariantList{actor.userId});
    if (!people) {
        return fail(people.error());
    }
    while (people->next()) {
        choices.users.emplace_back(people->value(0).toLongLong(), people->value(1).toString());
    }
    auto roles = m_db.exec(all ? QStringLiteral("SELECT id, name FROM roles ORDER BY id")
                               : QStringLiteral("SELECT id, name FROM roles WHERE id = ?"),
                           all ? QVariantList{} : QVariantList{actor.roleId});
    if (!roles) {
        return fail(roles.error());
    }
    while (roles->next()) {
        choices.roles.emplace_back(roles->value(0).toLongLong(), roles->value(1).toString());
    }
    return choices;
}

void UsageDashboard::finishThread() const {
    m_db.closeThreadConnection();
}

} // namespace Tessera::Core
