#include "resilience/CircuitBreaker.h"
#include "support/FakeClock.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::FakeClock;

Q_DECLARE_METATYPE(Tessera::Core::BreakerState)

namespace {

BreakerSettings smallSettings() {
    BreakerSettings settings;
    settings.windowSize = 4;
    settings.minimumCalls = 4;
    settings.failureRatePercent = 50;
    settings.slowCallMs = 1000;
    settings.slowCallRatePercent = 100;
    settings.openMs = 30'000;
    settings.halfOpenCalls = 2;
    return settings;
}

Error serverError() {
    Error error = makeError(ErrorCode::ProviderUnavailable, QStringLiteral("HTTP 500"));
    error.httpStatus = 500;
    return error;
}

class CircuitBreakerTest : public ::testing::Test {
protected:
    void SetUp() override { qRegisterMetaType<BreakerState>(); }

    void call(bool ok) {
        ASSERT_TRUE(breaker.tryAcquire().has_value());
        if (ok) {
            breaker.recordSuccess(10);
        } else {
            breaker.recordFailure(serverError());
        }
    }

    FakeClock clock;
    CircuitBreaker breaker{QStringLiteral("acme/model-a"), smallSettings(), clock};
};

} // namespace

TEST_F(CircuitBreakerTest, StaysClosedUntilTheMinimumNumberOfCalls) {
    call(false);
    call(false);
    call(false);
    EXPECT_EQ(breaker.state(), BreakerState::Closed);
    call(false);
    EXPECT_EQ(breaker.state(), BreakerState::Open);
}

TEST_F(CircuitBreakerTest, OpensAtTheFailureRateAndFailsFastNamingWhen) {
    QSignalSpy spy(&breaker, &CircuitBreaker::stateChanged);
    call(true);
    call(true);
    call(false);
    call(false); // 2 of 4 = 50 %
    ASSERT_EQ(breaker.state(), BreakerState::Open);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<BreakerState>(), BreakerState::Closed);
    EXPECT_EQ(spy.at(0).at(1).value<BreakerState>(), BreakerState::Open);

    clock.advance(10'000);
    const Status denied = breaker.tryAcquire();
    ASSERT_FALSE(denied.has_value());
    EXPECT_EQ(denied.error().code, ErrorCode::CircuitOpen);
    EXPECT_EQ(denied.error().retryAfterMs, 20'000);
    EXPECT_TRUE(denied.error().detail.contains(QStringLiteral("acme/model-a")));
    EXPECT_TRUE(denied.error().detail.contains(QStringLiteral("20 s")));
}

TEST_F(CircuitBreakerTest, BelowTheThresholdStaysClosedAndTheWindowSlides) {
    call(false);
    call(true);
    call(true);
    call(true); // 25 %
    EXPECT_EQ(breaker.state(), BreakerState::Closed);
    call(false); // window: T T T F -> 25 %
    EXPECT_EQ(breaker.state(), BreakerState::Closed);
    EXPECT_EQ(breaker.bufferedCalls(), 4);
    call(false); // window: T T F F -> 50 %
    EXPECT_EQ(breaker.state(), BreakerState::Open);
}

TEST_F(CircuitBreakerTest, HalfOpenAdmitsOnlyItsTrialCallsThenCloses) {
    for (int i = 0; i < 4; ++i) {
        call(false);
    }
    clock.advance(30'000);
    ASSERT_TRUE(breaker.tryAcquire().has_value());
    EXPECT_EQ(breaker.state(), BreakerState::HalfOpen);
    ASSERT_TRUE(breaker.tryAcquire().has_value());
    EXPECT_FALSE(breaker.tryAcquire().has_value()) << "a third trial call must wait";
    breaker.recordSuccess(10);
    EXPECT_EQ(breaker.state(), BreakerState::HalfOpen);
    breaker.recordSuccess(10);
    EXPECT_EQ(breaker.state(), BreakerState::Closed);
    EXPECT_EQ(breaker.bufferedCalls(), 0);
}

TEST_F(CircuitBreakerTest, FailedTrialCallsOpenItAgainForAnotherWait) {
    for (int i = 0; i < 4; ++i) {
        call(false);
    }
    clock.advance(30'000);
    call(false);
    call(false);
    EXPECT_EQ(breaker.state(), BreakerState::Open);
    EXPECT_EQ(breaker.remainingOpenMs(), 30'000);
}

TEST_F(CircuitBreakerTest, CancelledTrialCallsGiveTheirPermitBack) {
    for (int i = 0; i < 4; ++i) {
        call(false);
    }
    clock.advance(30'000);
    ASSERT_TRUE(breaker.tryAcquire().has_value());
    ASSERT_TRUE(breaker.tryAcquire().has_value());
    breaker.release();
    EXPECT_TRUE(breaker.tryAcquire().has_value());
}

TEST_F(CircuitBreakerTest, ClientErrorsDoNotTripIt) {
    for (int i = 0; i < 10; ++i) {
        ASSERT_TRUE(breaker.tryAcquire().has_value());
        breaker.recordFailure(makeError(ErrorCode::ProviderUnauthorized));
        ASSERT_TRUE(breaker.tryAcquire().has_value());
        breaker.recordFailure(makeError(ErrorCode::ProviderBadRequest));
    }
    EXPECT_EQ(breaker.state(), BreakerState::Closed);
    EXPECT_EQ(breaker.bufferedCalls(), 0);
}

TEST_F(CircuitBreakerTest, SlowFirstTokensOpenIt) {
    for (int i = 0; i < 4; ++i) {
        ASSERT_TRUE(breaker.tryAcquire().has_value());
        breaker.recordSuccess(5000);
    }
    EXPECT_EQ(breaker.state(), BreakerState::Open);
    EXPECT_DOUBLE_EQ(breaker.slowCallRatePercent(), 100.0);
}

TEST_F(CircuitBreakerTest, ALongerRetryAfterKeepsItOpenLonger) {
    for (int i = 0; i < 3; ++i) {
        call(false);
    }
    ASSERT_TRUE(breaker.tryAcquire().has_value());
    Error limited = makeError(ErrorCode::ProviderRateLimited);
    limited.retryAfterMs = 90'000;
    breaker.recordFailure(limited);
    ASSERT_EQ(breaker.state(), BreakerState::Open);
    EXPECT_EQ(breaker.remainingOpenMs(), 90'000);
}

TEST_F(CircuitBreakerTest, ForcedOpenAndDisabled) {
    QSignalSpy spy(&breaker, &CircuitBreaker::stateChanged);
    breaker.forceOpen();
    EXPECT_EQ(breaker.state(), BreakerState::ForcedOpen);
    clock.advance(3'600'000);
    const Status denied = breaker.tryAcquire();
    ASSERT_FALSE(denied.has_value());
    EXPECT_TRUE(denied.error().detail.contains(QStringLiteral("forced open")));
    breaker.disable();
    for (int i = 0; i < 10; ++i) {
        call(false);
    }
    EXPECT_EQ(breaker.state(), BreakerState::Disabled);
    breaker.reset();
    EXPECT_EQ(breaker.state(), BreakerState::Closed);
    EXPECT_EQ(spy.count(), 3);
}

TEST_F(CircuitBreakerTest, SettingsCanDisableIt) {
    BreakerSettings off = smallSettings();
    off.enabled = false;
    breaker.setSettings(off);
    EXPECT_EQ(breaker.state(), BreakerState::Disabled);
    breaker.setSettings(smallSettings());
    EXPECT_EQ(breaker.state(), BreakerState::Closed);
}
