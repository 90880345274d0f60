#include "resilience/RateLimiter.h"
#include "support/FakeClock.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::FakeClock;

TEST(RateLimiter, UnlimitedByDefault) {
    FakeClock clock;
    RateLimiter limiter(RateLimitSettings{}, clock);
    for (int i = 0; i < 1000; ++i) {
        ASSERT_TRUE(limiter.tryAcquire(100'000).admitted);
    }
}

TEST(RateLimiter, RequestsPerMinuteWithTheWaitUntilTheOldestLeaves) {
    FakeClock clock;
    RateLimiter limiter(RateLimitSettings{2, 0, 30'000}, clock);
    EXPECT_TRUE(limiter.tryAcquire(1).admitted);
    clock.advance(10'000);
    EXPECT_TRUE(limiter.tryAcquire(1).admitted);
    clock.advance(5'000);
    const Admission third = limiter.tryAcquire(1);
    EXPECT_FALSE(third.admitted);
    EXPECT_EQ(third.waitMs, 45'000);
    clock.advance(45'000);
    EXPECT_TRUE(limiter.tryAcquire(1).admitted);
    EXPECT_EQ(limiter.requestsInWindow(), 2);
}

TEST(RateLimiter, TokensPerMinute) {
    FakeClock clock;
    RateLimiter limiter(RateLimitSettings{0, 1000, 30'000}, clock);
    EXPECT_TRUE(limiter.tryAcquire(600).admitted);
    clock.advance(1'000);
    EXPECT_TRUE(limiter.tryAcquire(300).admitted);
    const Admission over = limiter.tryAcquire(200);
    EXPECT_FALSE(over.admitted);
    EXPECT_EQ(over.waitMs, 59'000);
    EXPECT_TRUE(limiter.tryAcquire(5000).impossible);
}

TEST(RateLimiter, SettlingReplacesTheEstimate) {
    FakeClock clock;
    RateLimiter limiter(RateLimitSettings{0, 1000, 30'000}, clock);
    ASSERT_TRUE(limiter.tryAcquire(900).admitted);
    limiter.settle(900, 100);
    EXPECT_EQ(limiter.tokensInWindow(), 100);
    EXPECT_TRUE(limiter.tryAcquire(800).admitted);
}

TEST(RateLimiter, WaitsForTheProvidersResetWhenItHasNothingLeft) {
    FakeClock clock;
    RateLimiter limiter(RateLimitSettings{}, clock);
    limiter.observeProviderRemaining(0, 2'000);
    const Admission blocked = limiter.tryAcquire(1);
    EXPECT_FALSE(blocked.admitted);
    EXPECT_EQ(blocked.waitMs, 2'000);
    clock.advance(2'000);
    EXPECT_TRUE(limiter.tryAcquire(1).admitted);
    limiter.observeProviderRemaining(5, 2'000); // budget left: no block
    EXPECT_TRUE(limiter.tryAcquire(1).admitted);
}
