#pragma once

#include <QString>

#include <map>
#include <mutex>
#include <vector>

namespace Tessera::Core {

// One time series: a metric name and its labels in Prometheus form ({provider="a",model="b"}).
struct MetricSample {
    QString name;
    QString labels;
    double value = 0;

    bool operator==(const MetricSample&) const = default;
};

using MetricLabels = std::vector<std::pair<QString, QString>>;

// Counters and histograms about provider traffic, named like LiteLLM's Prometheus set (see
// docs/observability.md). Thread-safe. Histograms are kept as their _bucket/_sum/_count series, so every series is
// a counter that only grows; takeDeltas() hands what grew since the last call to the store, which adds it to the
// totals of earlier runs.
class Metrics final {
public:
    void increment(const QString& name, const MetricLabels& labels, double by = 1);
    // Records one observation in a histogram; the name must be one of the known histograms.
    void observe(const QString& name, const MetricLabels& labels, double value);

    // Adds totals from earlier runs (loaded from the store) without marking them as new.
    void addBaseline(const std::vector<MetricSample>& samples);
    // What grew since the last call.
    std::vector<MetricSample> takeDeltas();
    std::vector<MetricSample> samples() const;
    double value(const QString& name, const MetricLabels& labels) const;
    // Sum over every series of the metric.
    double total(const QString& name) const;
    // Sum over the series of the metric whose label has this value (e.g. every model of one provider).
    double totalWhere(const QString& name, const QString& label, const QString& value) const;

    // The Prometheus text exposition format, with HELP and TYPE lines.
    QString prometheusText() const;

    static QString formatLabels(const MetricLabels& labels);

private:
    using Key = std::pair<QString, QString>; // name, labels
    void addLocked(const QString& name, const QString& labels, double by, bool pending);

    mutable std::mutex m_mutex;
    std::map<Key, double> m_values;
    std::map<Key, double> m_pending;
};

namespace MetricNames {
inline const QString requests = QStringLiteral("tessera_requests_total");
inline const QString failures = QStringLiteral("tessera_request_failures_total");
inline const QString retries = QStringLiteral("tessera_retries_total");
inline const QString fallbacks = QStringLiteral("tessera_fallbacks_total");
inline const QString inputTokens = QStringLiteral("tessera_input_tokens_total");
inline const QString outputTokens = QStringLiteral("tessera_output_tokens_total");
inline const QString cachedTokens = QStringLiteral("tessera_cached_input_tokens_total");
inline const QString latency = QStringLiteral("tessera_request_latency_seconds");
inline const QString ttft = QStringLiteral("tessera_time_to_first_token_seconds");
inline const QString tokensPerSecond = QStringLiteral("tessera_output_tokens_per_second");
inline const QString breakerTransitions = QStringLiteral("tessera_breaker_transitions_total");
inline const QString cacheHits = QStringLiteral("tessera_cache_hits_total");
inline const QString cacheMisses = QStringLiteral("tessera_cache_misses_total");
inline const QString rateLimitWaits = QStringLiteral("tessera_local_rate_limit_waits_total");
} // namespace MetricNames

} // namespace Tessera::Core
