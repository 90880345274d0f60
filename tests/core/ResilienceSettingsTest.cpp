#include "resilience/ResilienceSettings.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

TEST(ResilienceSettings, RoundTripsThroughJson) {
    ResilienceSettings settings;
    settings.retry.maxRetries = 5;
    settings.breaker.enabled = false;
    settings.breaker.openMs = 45'000;
    settings.rateLimit.requestsPerMinute = 60;
    settings.rateLimit.tokensPerMinute = 90'000;
    settings.timeouts.firstTokenMs = 5'000;
    const auto parsed = ResilienceSettings::fromJson(settings.toJson());
    ASSERT_TRUE(parsed.has_value()) << parsed.error().toLogString().toStdString();
    EXPECT_EQ(*parsed, settings);
}

TEST(ResilienceSettings, EmptyOrPartialJsonKeepsDefaults) {
    EXPECT_EQ(ResilienceSettings::fromJson({}).value(), ResilienceSettings{});
    const auto partial = ResilienceSettings::fromJson(R"({"maxRetries": 0})");
    ASSERT_TRUE(partial.has_value());
    EXPECT_EQ(partial->retry.maxRetries, 0);
    EXPECT_EQ(partial->breaker, BreakerSettings{});
}

TEST(ResilienceSettings, RejectsOutOfRangeValuesNamingTheField) {
    const auto tooMany = ResilienceSettings::fromJson(R"({"maxRetries": 50})");
    ASSERT_FALSE(tooMany.has_value());
    EXPECT_EQ(tooMany.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(tooMany.error().detail.contains(QStringLiteral("max retries")));
    EXPECT_FALSE(ResilienceSettings::fromJson(R"({"breakerFailurePercent": 0})").has_value());
    EXPECT_FALSE(ResilienceSettings::fromJson(R"({"idleTimeoutMs": -1})").has_value());
    EXPECT_FALSE(ResilienceSettings::fromJson("not json").has_value());
}
