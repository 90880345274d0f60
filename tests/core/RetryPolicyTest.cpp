#include "resilience/RetryPolicy.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

namespace {

Error errorWith(ErrorCode code, std::optional<int> status = std::nullopt) {
    Error error = makeError(code);
    error.httpStatus = status;
    return error;
}

} // namespace

TEST(RetryPolicy, RetriesTransientFailuresTwiceWithDoublingBackoff) {
    const RetryPolicy policy;
    const Error error = errorWith(ErrorCode::ProviderUnavailable, 500);
    const RetryDecision first = decideRetry(policy, error, 0, false, 1.0);
    EXPECT_TRUE(first.retry);
    EXPECT_EQ(first.delayMs, 500);
    const RetryDecision second = decideRetry(policy, error, 1, false, 1.0);
    EXPECT_TRUE(second.retry);
    EXPECT_EQ(second.delayMs, 1000);
    EXPECT_FALSE(decideRetry(policy, error, 2, false, 1.0).retry);
}

TEST(RetryPolicy, JitterShortensTheDelayByAtMostAQuarter) {
    const RetryPolicy policy;
    EXPECT_EQ(backoffDelayMs(policy, 1, 0.0), 375);
    EXPECT_EQ(backoffDelayMs(policy, 1, 1.0), 500);
    EXPECT_EQ(backoffDelayMs(policy, 10, 1.0), 8000); // capped
}

TEST(RetryPolicy, NeverRetriesWhatTheSdksNeverRetry) {
    const RetryPolicy policy;
    for (ErrorCode code : {ErrorCode::ProviderBadRequest, ErrorCode::ProviderUnauthorized, ErrorCode::ProviderForbidden,
                           ErrorCode::ProviderNotFound, ErrorCode::ProviderQuotaExceeded, ErrorCode::Cancelled,
                           ErrorCode::InvalidResponse, ErrorCode::CircuitOpen}) {
        EXPECT_FALSE(decideRetry(policy, errorWith(code), 0, false, 1.0).retry) << codeName(code).data();
    }
    EXPECT_TRUE(decideRetry(policy, errorWith(ErrorCode::ProviderBadRequest, 409), 0, false, 1.0).retry);
    for (ErrorCode code : {ErrorCode::Timeout, ErrorCode::NetworkUnreachable, ErrorCode::ProviderRateLimited,
                           ErrorCode::ProviderOverloaded, ErrorCode::ProviderUnavailable}) {
        EXPECT_TRUE(decideRetry(policy, errorWith(code), 0, false, 1.0).retry) << codeName(code).data();
    }
}

TEST(RetryPolicy, NeverRetriesOnceOutputWasShown) {
    EXPECT_FALSE(decideRetry(RetryPolicy{}, errorWith(ErrorCode::StreamInterrupted), 0, true, 1.0).retry);
}

TEST(RetryPolicy, HonoursRetryAfterUpToTwoMinutes) {
    const RetryPolicy policy;
    Error error = errorWith(ErrorCode::ProviderRateLimited, 429);
    error.retryAfterMs = 58'000;
    RetryDecision decision = decideRetry(policy, error, 0, false, 0.0);
    EXPECT_TRUE(decision.retry);
    EXPECT_EQ(decision.delayMs, 58'000);
    error.retryAfterMs = 121'000;
    decision = decideRetry(policy, error, 0, false, 0.0);
    EXPECT_FALSE(decision.retry);
    EXPECT_TRUE(decision.reason.contains(QStringLiteral("121000")));
}

TEST(RetryPolicy, ShouldRetryHeaderOverridesTheRules) {
    const RetryPolicy policy;
    Error error = errorWith(ErrorCode::ProviderBadRequest, 400);
    error.shouldRetry = true;
    EXPECT_TRUE(decideRetry(policy, error, 0, false, 1.0).retry);
    Error transient = errorWith(ErrorCode::ProviderUnavailable, 503);
    transient.shouldRetry = false;
    EXPECT_FALSE(decideRetry(policy, transient, 0, false, 1.0).retry);
}

TEST(RetryPolicy, ZeroRetriesMeansNone) {
    RetryPolicy policy;
    policy.maxRetries = 0;
    EXPECT_FALSE(decideRetry(policy, errorWith(ErrorCode::Timeout), 0, false, 1.0).retry);
}
