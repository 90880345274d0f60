// The dashboards' names, sums and CSV tables: everything about them that reads no store.
#include "usage/UsageDashboard.h"

#include "common/Csv.h"
#include "usage/Pricing.h"

namespace Tessera::Core {

UsageStep usageStepFor(QDate from, QDate to) {
    const qint64 days = from.daysTo(to) + 1;
    if (days <= 2) {
        return UsageStep::Hour;
    }
    if (days <= 92) {
        return UsageStep::Day;
    }
    if (days <= 366) {
        return UsageStep::Week;
    }
    return UsageStep::Month;
}

QString usageStepName(UsageStep step) {
    switch (step) {
    case UsageStep::Hour:
        return QStringLiteral("hour");
    case UsageStep::Day:
        return QStringLiteral("day");
    case UsageStep::Week:
        return QStringLiteral("week");
    case UsageStep::Month:
        return QStringLiteral("month");
    }
    return QStringLiteral("day");
}

QString usageDimensionName(UsageDimension dimension) {
    switch (dimension) {
    case UsageDimension::Model:
        return QStringLiteral("model");
    case UsageDimension::Provider:
        return QStringLiteral("provider");
    case UsageDimension::User:
        return QStringLiteral("user");
    case UsageDimension::Role:
        return QStringLiteral("role");
    case UsageDimension::Feature:
        return QStringLiteral("feature");
    }
    return QStringLiteral("model");
}

std::optional<UsageDimension> parseUsageDimension(const QString& name) {
    for (const UsageDimension d : {UsageDimension::Model, UsageDimension::Provider, UsageDimension::User,
                                   UsageDimension::Role, UsageDimension::Feature}) {
        if (usageDimensionName(d) == name) {
            return d;
        }
    }
    return std::nullopt;
}

QString usageMetricName(UsageMetric metric) {
    switch (metric) {
    case UsageMetric::Cost:
        return QStringLiteral("cost");
    case UsageMetric::Tokens:
        return QStringLiteral("tokens");
    case UsageMetric::Requests:
        return QStringLiteral("requests");
    }
    return QStringLiteral("cost");
}

std::optional<UsageMetric> parseUsageMetric(const QString& name) {
    for (const UsageMetric m : {UsageMetric::Cost, UsageMetric::Tokens, UsageMetric::Requests}) {
        if (usageMetricName(m) == name) {
            return m;
        }
    }
    return std::nullopt;
}

std::optional<qint64> UsageTotals::averageCostMicros() const {
    const qint64 priced = requests - unpriced;
    if (priced <= 0) {
        return std::nullopt;
    }
    return (costMicros + priced / 2) / priced;
}

std::optional<double> UsageTotals::failureRate() const {
    if (requests <= 0) {
        return std::nullopt;
    }
    return double(failures) / double(requests);
}

QString usageTimelineCsv(const UsageTimeline& timeline, const QStringList& names, bool money) {
    QStringList header{QStringLiteral("period_start")};
    for (std::size_t i = 0; i < timeline.series.size(); ++i) {
        header << names.value(int(i), timeline.series[i].key);
    }
    header << QStringLiteral("total");
    QString csv = csvLine(header);
    const auto value = [money](qint64 v) {
        return money ? usdDecimal(v) : QString::number(v);
    };
    for (std::size_t b = 0; b < timeline.starts.size(); ++b) {
        // "2026-11-03T00:00:00+01:00": the local start with its offset.
        const QDateTime start = timeline.starts[b];
        QStringList cells{start.toOffsetFromUtc(start.offsetFromUtc()).toString(Qt::ISODate)};
        qint64 total = 0;
        for (const UsageSeries& series : timeline.series) {
            cells << value(series.values[b]);
            total += series.values[b];
        }
        cells << value(total);
        csv += csvLine(cells);
    }
    return csv;
}

QString usageSharesCsv(const std::vector<UsageShare>& shares) {
    QString csv = csvLine({QStringLiteral("name"), QStringLiteral("cost_usd"), QStringLiteral("share"),
                           QStringLiteral("tokens"), QStringLiteral("requests"), QStringLiteral("unpriced_requests")});
    for (const UsageShare& share : shares) {
        csv += csvLine({share.label, usdDecimal(share.totals.costMicros), QString::number(share.share, 'f', 6),
                        QString::number(share.totals.tokens()), QString::number(share.totals.requests),
                        QString::number(share.totals.unpriced)});
    }
    return csv;
}

} // namespace Tessera::Core
