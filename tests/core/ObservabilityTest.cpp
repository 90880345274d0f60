// Metrics in the Prometheus text format, their persistence across runs, and provider health reports.
#include "observability/HealthChecker.h"
#include "observability/Metrics.h"
#include "providers/ProviderProbe.h"
#include "storage/MetricsRepository.h"
#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

const MetricLabels kLabels{{QStringLiteral("provider"), QStringLiteral("p")},
                           {QStringLiteral("model"), QStringLiteral("m")}};

// The lines of a metric's series (everything that is not a comment) in the order printed.
QStringList seriesLines(const QString& text, const QString& name) {
    QStringList lines;
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(name)) {
            lines << line;
        }
    }
    return lines;
}

} // namespace

TEST(MetricsTest, CountersAddUpPerLabelSetAndEscapeLabelValues) {
    Metrics metrics;
    metrics.increment(MetricNames::requests, kLabels);
    metrics.increment(MetricNames::requests, kLabels, 2);
    metrics.increment(MetricNames::requests, {{QStringLiteral("provider"), QStringLiteral("a\"b\\c")}});
    EXPECT_EQ(metrics.value(MetricNames::requests, kLabels), 3);
    EXPECT_EQ(metrics.total(MetricNames::requests), 4);
    const QString text = metrics.prometheusText();
    EXPECT_TRUE(text.contains(QStringLiteral("# TYPE tessera_requests_total counter\n")));
    EXPECT_TRUE(text.contains(QStringLiteral("tessera_requests_total{provider=\"p\",model=\"m\"} 3\n")));
    EXPECT_TRUE(text.contains(QStringLiteral("tessera_requests_total{provider=\"a\\\"b\\\\c\"} 1\n")));
}

TEST(MetricsTest, TotalsCanBeTakenPerLabelValue) {
    Metrics metrics;
    metrics.increment(MetricNames::requests, kLabels, 2);
    metrics.increment(MetricNames::requests, {{QStringLiteral("provider"), QStringLiteral("p")},
                                              {QStringLiteral("model"), QStringLiteral("n")}});
    metrics.increment(MetricNames::requests, {{QStringLiteral("provider"), QStringLiteral("pp")},
                                              {QStringLiteral("model"), QStringLiteral("m")}});
    metrics.increment(MetricNames::requests, {{QStringLiteral("other"), QStringLiteral("x")},
                                              {QStringLiteral("provider"), QStringLiteral("p")}});
    metrics.increment(MetricNames::requests,
                      {{QStringLiteral("model"), QStringLiteral("provider=\"p\"")}}); // a value that looks like a label
    EXPECT_EQ(metrics.totalWhere(MetricNames::requests, QStringLiteral("provider"), QStringLiteral("p")), 4);
    EXPECT_EQ(metrics.totalWhere(MetricNames::requests, QStringLiteral("provider"), QStringLiteral("pp")), 1);
    EXPECT_EQ(metrics.totalWhere(MetricNames::requests, QStringLiteral("model"), QStringLiteral("m")), 3);
    EXPECT_EQ(metrics.totalWhere(MetricNames::retries, QStringLiteral("provider"), QStringLiteral("p")), 0);
}

TEST(MetricsTest, HistogramBucketsAreCumulativeAndPrintedInAscendingOrder) {
    Metrics metrics;
    metrics.observe(MetricNames::latency, kLabels, 0.3);
    metrics.observe(MetricNames::latency, kLabels, 12);
    metrics.observe(MetricNames::latency, kLabels, 500);
    EXPECT_EQ(metrics.value(MetricNames::latency + QStringLiteral("_count"), kLabels), 3);
    EXPECT_DOUBLE_EQ(metrics.value(MetricNames::latency + QStringLiteral("_sum"), kLabels), 512.3);
    const QStringList lines = seriesLines(metrics.prometheusText(), MetricNames::latency);
    ASSERT_EQ(lines.size(), 13) << "ten bounds, +Inf, sum and count";
    const QString prefix = MetricNames::latency + QStringLiteral("_bucket{provider=\"p\",model=\"m\",le=");
    EXPECT_EQ(lines[0], prefix + QStringLiteral("\"0.25\"} 0"));
    EXPECT_EQ(lines[1], prefix + QStringLiteral("\"0.5\"} 1"));
    EXPECT_EQ(lines[5], prefix + QStringLiteral("\"10\"} 1"));
    EXPECT_EQ(lines[6], prefix + QStringLiteral("\"20\"} 2"));
    EXPECT_EQ(lines[9], prefix + QStringLiteral("\"160\"} 2"));
    EXPECT_EQ(lines[10], prefix + QStringLiteral("\"+Inf\"} 3"));
    EXPECT_TRUE(lines[11].startsWith(MetricNames::latency + QStringLiteral("_sum")));
    EXPECT_TRUE(lines[12].startsWith(MetricNames::latency + QStringLiteral("_count")));
}

TEST(MetricsTest, NonFiniteObservationsAreIgnored) {
    Metrics metrics;
    metrics.observe(MetricNames::ttft, kLabels, std::numeric_limits<double>::quiet_NaN());
    metrics.observe(MetricNames::ttft, kLabels, std::numeric_limits<double>::infinity());
    EXPECT_EQ(metrics.total(MetricNames::ttft + QStringLiteral("_count")), 0);
}

TEST(MetricsTest, TotalsSurviveARestartThroughTheStore) {
    CoreFixture core;
    MetricsRepository store(*core.db);
    {
        Metrics first;
        first.increment(MetricNames::requests, kLabels, 5);
        ASSERT_TRUE(store.add(first.takeDeltas()));
        EXPECT_TRUE(first.takeDeltas().empty()) << "a delta is handed over once";
    }
    Metrics second;
    second.addBaseline(*store.load());
    EXPECT_TRUE(second.takeDeltas().empty()) << "the baseline is not new";
    second.increment(MetricNames::requests, kLabels, 2);
    ASSERT_TRUE(store.add(second.takeDeltas()));
    Metrics third;
    third.addBaseline(*store.load());
    EXPECT_EQ(third.value(MetricNames::requests, kLabels), 7);
}

TEST(HealthCheckerTest, ReportsReachabilityModelsBreakerAndLastError) {
    CoreFixture core;
    FakeProviderServer server;
    ASSERT_TRUE(server.listen());
    const ProviderConfig good = core.addProvider(QStringLiteral("good"), server.baseUrl());
    ProviderConfig disabled = core.addProvider(QStringLiteral("off"), server.baseUrl());
    disabled.enabled = false;
    ProviderConfig unreachable = core.addProvider(QStringLiteral("gone"), QStringLiteral("http://127.0.0.1:9/v1"));
    ProviderProbe probe(*core.runner);
    HealthChecker checker(probe, *core.resilience);
    core.resilience->forceOpen(QStringLiteral("good"), true);
    core.resilience->breaker(QStringLiteral("good"), QStringLiteral("gpt-test"), good.resilience.breaker);

    std::optional<std::vector<HealthReport>> reports;
    checker.check({good, disabled, unreachable},
                  [&](std::vector<HealthReport> result) { reports = std::move(result); });
    ASSERT_TRUE(waitUntil([&] { return reports.has_value(); }, 20'000));
    ASSERT_EQ(reports->size(), 2U) << "disabled providers are not checked";
    const HealthReport& first = (*reports)[0];
    EXPECT_EQ(first.provider.name, QStringLiteral("good"));
    EXPECT_TRUE(first.probe.reachable);
    EXPECT_FALSE(first.probe.models.isEmpty());
    ASSERT_EQ(first.breakers.size(), 1U);
    EXPECT_EQ(first.breakers[0].state, BreakerState::ForcedOpen);
    EXPECT_FALSE(first.healthy()) << "a forced-open breaker makes the provider unhealthy";

    const HealthReport& second = (*reports)[1];
    EXPECT_EQ(second.provider.name, QStringLiteral("gone"));
    EXPECT_FALSE(second.probe.reachable);
    ASSERT_TRUE(second.status.lastError.has_value());
    EXPECT_EQ(second.status.lastError->code, ErrorCode::NetworkUnreachable);
    EXPECT_FALSE(second.healthy());

    core.resilience->forceOpen(QStringLiteral("good"), false);
    reports.reset();
    checker.check({good}, [&](std::vector<HealthReport> result) { reports = std::move(result); });
    ASSERT_TRUE(waitUntil([&] { return reports.has_value(); }, 20'000));
    ASSERT_EQ(reports->size(), 1U);
    EXPECT_TRUE(reports->front().healthy());
}
