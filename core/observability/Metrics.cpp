#include "observability/Metrics.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace Tessera::Core {

namespace {

struct MetricInfo {
    const QString* name;
    const char* type;
    const char* help;
    std::vector<double> buckets; // histograms only
};

const std::vector<MetricInfo>& metricInfo() {
    static const std::vector<MetricInfo> info = {
        {&MetricNames::requests, "counter", "Requests sent to providers (every attempt counts).", {}},
        {&MetricNames::failures, "counter", "Failed requests by error code.", {}},
        {&MetricNames::retries, "counter", "Retries after a retryable failure.", {}},
        {&MetricNames::fallbacks, "counter", "Answers handed to a conversation's fallback model.", {}},
        {&MetricNames::inputTokens, "counter", "Input tokens, cached ones included.", {}},
        {&MetricNames::outputTokens, "counter", "Output tokens, reasoning included.", {}},
        {&MetricNames::cachedTokens, "counter", "Input tokens the provider served from its prompt cache.", {}},
        {&MetricNames::latency,
         "histogram",
         "Time from sending a request to its last byte.",
         {0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160}},
        {&MetricNames::ttft, "histogram", "Time to the first token.", {0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60}},
        {&MetricNames::tokensPerSecond,
         "histogram",
         "Output tokens per second after the first token.",
         {1, 5, 10, 20, 40, 80, 160, 320}},
        {&MetricNames::breakerTransitions, "counter", "Circuit breaker state changes.", {}},
        {&MetricNames::cacheHits, "counter", "Answers served from the response cache.", {}},
        {&MetricNames::cacheMisses, "counter", "Cache lookups that found nothing.", {}},
        {&MetricNames::rateLimitWaits, "counter", "Requests held back by the client-side rate limit.", {}},
    };
    return info;
}

const MetricInfo* infoFor(const QString& name) {
    for (const MetricInfo& info : metricInfo()) {
        if (*info.name == name) {
            return &info;
        }
    }
    return nullptr;
}

QString escapeLabel(QString value) {
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    value.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    value.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return value;
}

QString withLabel(const QString& labels, const QString& name, const QString& value) {
    const QString extra = name + QStringLiteral("=\"") + value + QLatin1Char('"');
    if (labels.isEmpty()) {
        return QLatin1Char('{') + extra + QLatin1Char('}');
    }
    return labels.left(labels.size() - 1) + QLatin1Char(',') + extra + QLatin1Char('}');
}

QString formatNumber(double value) {
    if (std::isinf(value)) {
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    }
    return QString::number(value, 'g', 15);
}

} // namespace

QString Metrics::formatLabels(const MetricLabels& labels) {
    if (labels.empty()) {
        return {};
    }
    QStringList parts;
    for (const auto& [name, value] : labels) {
        parts << name + QStringLiteral("=\"") + escapeLabel(value) + QLatin1Char('"');
    }
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

void Metrics::addLocked(const QString& name, const QString& labels, double by, bool pending) {
    const auto [it, created] = m_values.try_emplace({name, labels}, 0.0);
    it->second += by;
    if (pending && (by != 0 || created)) {
        m_pending[{name, labels}] += by;
    }
}

void Metrics::increment(const QString& name, const MetricLabels& labels, double by) {
    const std::lock_guard lock(m_mutex);
    addLocked(name, formatLabels(labels), by, true);
}

void Metrics::observe(const QString& name, const MetricLabels& labels, double value) {
    const MetricInfo* info = infoFor(name);
    if (!info || info->buckets.empty() || !std::isfinite(value)) {
        return;
    }
    const QString base = formatLabels(labels);
    const std::lock_guard lock(m_mutex);
    for (double bound : info->buckets) {
        // Every bucket exists from the first observation on, as the exposition format expects.
        addLocked(name + QStringLiteral("_bucket"), withLabel(base, QStringLiteral("le"), formatNumber(bound)),
                  value <= bound ? 1 : 0, true);
    }
    addLocked(name + QStringLiteral("_bucket"), withLabel(base, QStringLiteral("le"), QStringLiteral("+Inf")), 1, true);
    addLocked(name + QStringLiteral("_sum"), base, value, true);
    addLocked(name + QStringLiteral("_count"), base, 1, true);
}

void Metrics::addBaseline(const std::vector<MetricSample>& samples) {
    const std::lock_guard lock(m_mutex);
    for (const MetricSample& sample : samples) {
        addLocked(sample.name, sample.labels, sample.value, false);
    }
}

std::vector<MetricSample> Metrics::takeDeltas() {
    const std::lock_guard lock(m_mutex);
    std::vector<MetricSample> deltas;
    for (const auto& [key, value] : m_pending) {
        deltas.push_back({key.first, key.second, value});
    }
    m_pending.clear();
    return deltas;
}

std::vector<MetricSample> Metrics::samples() const {
    const std::lock_guard lock(m_mutex);
    std::vector<MetricSample> all;
    for (const auto& [key, value] : m_values) {
        all.push_back({key.first, key.second, value});
    }
    return all;
}

double Metrics::value(const QString& name, const MetricLabels& labels) const {
    const std::lock_guard lock(m_mutex);
    const auto it = m_values.find({name, formatLabels(labels)});
    return it == m_values.end() ? 0 : it->second;
}

double Metrics::total(const QString& name) const {
    const std::lock_guard lock(m_mutex);
    double sum = 0;
    for (const auto& [key, value] : m_values) {
        if (key.first == name) {
            sum += value;
        }
    }
    return sum;
}

double Metrics::totalWhere(const QString& name, const QString& label, const QString& value) const {
    const QString pair = label + QStringLiteral("=\"") + escapeLabel(value) + QLatin1Char('"');
    const std::lock_guard lock(m_mutex);
    double sum = 0;
    for (const auto& [key, amount] : m_values) {
        if (key.first != name) {
            continue;
        }
        const QString& labels = key.second;
        for (qsizetype at = labels.indexOf(pair); at >= 0; at = labels.indexOf(pair, at + 1)) {
            const QChar before = labels.at(at - 1 >= 0 ? at - 1 : 0);
            const qsizetype after = at + pair.size();
            if ((before == QLatin1Char('{') || before == QLatin1Char(',')) && after < labels.size() &&
                (labels.at(after) == QLatin1Char(',') || labels.at(after) == QLatin1Char('}'))) {
                sum += amount;
                break;
            }
        }
    }
    return sum;
}

QString Metrics::prometheusText() const {
    const std::lock_guard lock(m_mutex);
    QString text;
    for (const MetricInfo& info : metricInfo()) {
        text += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n")
                    .arg(*info.name, QLatin1StringView(info.help), QLatin1StringView(info.type));
        if (info.buckets.empty()) {
            for (const auto& [key, value] : m_values) {
                if (key.first == *info.name) {
                    text += key.first + key.second + QLatin1Char(' ') + formatNumber(value) + QLatin1Char('\n');
                }
            }
            continue;
        }
        // A histogram's series are grouped by their labels: the buckets in ascending bound, then _sum and _count.
        struct Line {
            QString series; // the labels without "le"
            int part;       // 0 bucket, 1 sum, 2 count
            double bound;
            QString text;
        };
        std::vector<Line> lines;
        const QString bucket = *info.name + QStringLiteral("_bucket");
        const QString sum = *info.name + QStringLiteral("_sum");
        const QString count = *info.name + QStringLiteral("_count");
        for (const auto& [key, value] : m_values) {
            const QString line = key.first + key.second + QLatin1Char(' ') + formatNumber(value) + QLatin1Char('\n');
            if (key.first == bucket) {
                const qsizetype le = key.second.lastIndexOf(QStringLiteral("le=\""));
                const QString bound = key.second.mid(le + 4).chopped(2); // drop the closing quote and brace
                QString series = key.second.left(std::max<qsizetype>(0, le - 1));
                lines.push_back({series, 0, bound == QStringLiteral("+Inf") ? INFINITY : bound.toDouble(), line});
            } else if (key.first == sum || key.first == count) {
                QString series = key.second.isEmpty() ? QString() : key.second.chopped(1);
                lines.push_back({series, key.first == sum ? 1 : 2, 0, line});
            }
        }
        std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
            return std::tie(a.series, a.part, a.bound) < std::tie(b.series, b.part, b.bound);
        });
        for (const Line& line : lines) {
            text += line.text;
        }
    }
    return text;
}

} // namespace Tessera::Core
