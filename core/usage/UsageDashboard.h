#pragma once

#include "common/Actor.h"
#include "common/Result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace Tessera::Core {

class Database;
class UsageLedger;

// How far apart the points of a chart over time are: hours for up to two days, days up to three months (92
// days), weeks up to a year (366 days), months beyond.
enum class UsageStep { Hour, Day, Week, Month };
UsageStep usageStepFor(QDate from, QDate to);
QString usageStepName(UsageStep step);

// What a chart is split by.
enum class UsageDimension { Model, Provider, User, Role, Feature };
QString usageDimensionName(UsageDimension dimension);
std::optional<UsageDimension> parseUsageDimension(const QString& name);

// What a chart over time measures: the cost (in micro-dollars), the tokens (input and output) or the requests.
enum class UsageMetric { Cost, Tokens, Requests };
QString usageMetricName(UsageMetric metric);
std::optional<UsageMetric> parseUsageMetric(const QString& name);

// What the dashboard looks at: inclusive days in the usage time zone and the narrowing filters (unset: all).
struct UsageFilter {
    QDate from;
    QDate to;
    std::optional<qint64> accountId;
    std::optional<qint64> roleId; // the role people have now
    QString provider;
    QString model;
    QString feature;

    bool operator==(const UsageFilter&) const = default;
};

// Sums over a period.
struct UsageTotals {
    qint64 requests = 0;
    qint64 failures = 0;  // answers that failed
    qint64 cacheHits = 0; // answers served from Tessera's answer cache
    qint64 retries = 0;
    qint64 fallbacks = 0; // answers given (or failed) on the fallback model
    qint64 inputTokens = 0;
    qint64 cachedInputTokens = 0; // within inputTokens
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0; // within outputTokens
    qint64 costMicros = 0;      // of the priced requests
    qint64 unpriced = 0;        // requests whose cost is unknown: costMicros is then a lower bound

    qint64 tokens() const { return inputTokens + outputTokens; }
    // Cost per priced request; nullopt without one.
    std::optional<qint64> averageCostMicros() const;
    // Failed requests of all; nullopt without requests.
    std::optional<double> failureRate() const;
    bool operator==(const UsageTotals&) const = default;
};

// The summary tiles: the period and the one of the same length just before it.
struct UsageSummary {
    UsageTotals current;
    UsageTotals previous;
    QDate previousFrom;
    QDate previousTo;
};

// One line or stack of a chart over time; values line up with the timeline's buckets.
struct UsageSeries {
    QString key;   // the model, provider, feature, account id or role id; empty for "everything else"
    QString label; // what people read (a user name, a role name); empty for "everything else"
    std::vector<qint64> values;
    qint64 total = 0;

    bool isOther() const { return key.isEmpty(); }
};

// A chart over time: the buckets' starts (in the usage time zone) and the series, largest first.
struct UsageTimeline {
    UsageStep step = UsageStep::Day;
    std::vector<QDateTime> starts;
    QDateTime end; // where the last bucket ends
    std::vector<UsageSeries> series;
    qint64 unpriced = 0; // requests in the period whose cost is unknown
};

// The tokens chart's four series, by key.
namespace UsageTokenSeries {
inline const QString input = QStringLiteral("input");              // input not read from the provider's cache
inline const QString cachedInput = QStringLiteral("cached_input"); // input read from it
inline const QString output = QStringLiteral("output");            // output other than reasoning
inline const QString reasoning = QStringLiteral("reasoning");
} // namespace UsageTokenSeries

// One bar of a top list.
struct UsageShare {
    QString key;
    QString label;
    UsageTotals totals; // requests, input and output tokens, cost and unpriced requests (the rest stays 0)
    double share = 0;   // of the period's cost (of its tokens when nothing cost money), 0..1
};

// A provider's reliability over time: per bucket its requests, failures, answers from the cache, retries and
// fallbacks (the token and cost sums stay 0).
struct UsageReliabilitySeries {
    QString provider;
    std::vector<UsageTotals> buckets;
    UsageTotals total;
};

struct UsageReliability {
    UsageStep step = UsageStep::Day;
    std::vector<QDateTime> starts;
    QDateTime end;
    std::vector<UsageReliabilitySeries> providers; // most requests first
};

// A provider's speed in one bucket: completed answers and the median (p50) and 95th percentile (p95) of their time
// to the first token and total time, in milliseconds, within about 7 % (LatencyHistogram); unset without answers.
struct UsageLatencyPoint {
    qint64 answers = 0;
    std::optional<qint64> firstTokenP50;
    std::optional<qint64> firstTokenP95;
    std::optional<qint64> totalP50;
    std::optional<qint64> totalP95;
};

struct UsageLatencySeries {
    QString provider;
    std::vector<UsageLatencyPoint> buckets;
    UsageLatencyPoint total; // over the whole period
};

struct UsageLatency {
    UsageStep step = UsageStep::Day;
    std::vector<QDateTime> starts;
    QDateTime end;
    std::vector<UsageLatencySeries> providers; // most answers first
};

// What the filters may offer the actor: only what they may see.
struct UsageChoices {
    std::vector<std::pair<qint64, QString>> users; // id, name
    std::vector<std::pair<qint64, QString>> roles; // id, name
    QStringList providers;
    QStringList models;
    QStringList features;
};

// The table behind a chart over time as CSV (RFC 4180, formula-safe): a row per period with its start (ISO 8601 in
// the usage time zone), a column per series headed by `names`, and the total; money in US dollars.
QString usageTimelineCsv(const UsageTimeline& timeline, const QStringList& names, bool money);
// A top list as CSV: name, cost_usd, share (0..1), tokens, requests, unpriced_requests.
QString usageSharesCsv(const std::vector<UsageShare>& shares);

// The usage dashboards' queries (core/usage): each returns plain series, read from the daily totals (from the
// ledger for hours). Without usage.view_all an actor sees only their own usage; a filter naming another person or
// role is auth.forbidden, not silently widened. Safe to call from a worker thread (it uses that thread's
// connection).
class UsageDashboard final {
public:
    UsageDashboard(const Database& db, const UsageLedger& ledger);

    // The filter as the actor may use it (their own account without usage.view_all), or why not.
    Result<UsageFilter> scoped(const Actor& actor, UsageFilter filter) const;

    Result<UsageSummary> summary(const Actor& actor, const UsageFilter& filter) const;
    // A metric over time split by a dimension: the largest `stacks` series, the rest as one "everything else".
    // The timeline's unpriced counts the period's requests without a price (for every metric).
    Result<UsageTimeline> overTime(const Actor& actor, const UsageFilter& filter, UsageDimension by, UsageMetric metric,
                                   int stacks = 6) const;
    // Cost over time split by a dimension (overTime of the cost).
    Result<UsageTimeline> costOverTime(const Actor& actor, const UsageFilter& filter, UsageDimension by,
                                       int stacks = 6) const {
        return overTime(actor, filter, by, UsageMetric::Cost, stacks);
    }
    // Tokens over time: input, cached input, output and reasoning (UsageTokenSeries).
    Result<UsageTimeline> tokensOverTime(const Actor& actor, const UsageFilter& filter) const;
    // The largest users, models, ... of the period by cost (by tokens where nothing cost money), at most `limit`.
    Result<std::vector<UsageShare>> top(const Actor& actor, const UsageFilter& filter, UsageDimension by,
                                        int limit = 10) const;
    // Failures, retries, fallbacks and answers from the cache per provider over time.
    Result<UsageReliability> reliabilityOverTime(const Actor& actor, const UsageFilter& filter) const;
    // p50 and p95 time to the first token and total time of completed answers per provider over time, from the
    // daily latency bins (from the ledger for hours or a feature filter).
    Result<UsageLatency> latencyOverTime(const Actor& actor, const UsageFilter& filter) const;
    Result<UsageChoices> choices(const Actor& actor) const;
    // A worker thread that is done with the dashboards closes its connection (before the thread ends).
    void finishThread() const;

private:
    struct Row {
        int bucket = 0;
        QString key;
        UsageTotals totals;
    };
    struct Buckets {
        UsageStep step = UsageStep::Day;
        std::vector<QDateTime> starts;
        QDateTime end;
        QDate from; // the period's first day

        // The bucket a day falls in (days, weeks, months), or -1 outside the period.
        int ofDay(QDate day) const;
        // The bucket a moment falls in (hours), or -1 outside the period.
        int ofTime(const QDateTime& at) const;
    };
    // Which sums a chart reads: its cost, its tokens, or its requests and their outcomes (each with the unpriced
    // requests).
    enum class Sums { Cost, Tokens, Reliability };
    Buckets bucketsFor(const UsageFilter& filter) const;
    // The filter's usage by bucket and (optionally) dimension, from the daily totals or, for hours, the ledger
    // (where every sum is filled in).
    Result<std::vector<Row>> rows(const UsageFilter& filter, const Buckets& buckets, std::optional<UsageDimension> by,
                                  Sums what) const;
    Result<UsageTotals> totals(const UsageFilter& filter) const;
    // What people read for the keys of a dimension (user and role names).
    Result<QHash<QString, QString>> labels(UsageDimension by) const;

    const Database& m_db;
    const UsageLedger& m_ledger;
};

} // namespace Tessera::Core
