// Properties of the rate limiter and the retry schedule, checked over many generated cases (RapidCheck).
#include "resilience/RateLimiter.h"
#include "resilience/RetryPolicy.h"
#include "support/FakeClock.h"

// clang-format off
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h> // needs GoogleTest declared first
// clang-format on

#include <vector>

using namespace Tessera::Core;
using Tessera::Testing::FakeClock;

namespace {

struct Step {
    int advanceMs;
    int tokens;
};

} // namespace

// Whatever the sequence of requests and pauses, no 60-second window ever holds more admitted requests or tokens
// than the configured budget.
RC_GTEST_PROP(RateLimiterProperty, NeverAdmitsMoreThanItsBudgetInAnyWindow, ()) {
    const int rpm = *rc::gen::inRange(1, 30);
    const int tpm = *rc::gen::inRange(50, 5000);
    const auto steps = *rc::gen::container<std::vector<Step>>(
        rc::gen::build<Step>(rc::gen::set(&Step::advanceMs, rc::gen::inRange(0, 20'000)),
                             rc::gen::set(&Step::tokens, rc::gen::inRange(0, 600))));
    FakeClock clock;
    RateLimiter limiter(RateLimitSettings{rpm, tpm, 30'000}, clock);
    std::vector<std::pair<qint64, qint64>> admitted;
    for (const Step& step : steps) {
        clock.advance(step.advanceMs);
        const Admission admission = limiter.tryAcquire(step.tokens);
        if (admission.admitted) {
            admitted.emplace_back(clock.monotonicMs(), step.tokens);
        } else {
            RC_ASSERT(admission.impossible || admission.waitMs > 0);
            RC_ASSERT(admission.waitMs <= RateLimiter::windowMs);
        }
    }
    for (const auto& [start, ignored] : admitted) {
        qint64 requests = 0;
        qint64 tokens = 0;
        for (const auto& [at, used] : admitted) {
            if (at >= start && at < start + RateLimiter::windowMs) {
                ++requests;
                tokens += used;
            }
        }
        RC_ASSERT(requests <= rpm);
        RC_ASSERT(tokens <= tpm);
    }
}

// A limiter that says "wait N ms" admits the same request after exactly that wait.
RC_GTEST_PROP(RateLimiterProperty, TheAnnouncedWaitIsEnough, ()) {
    const int rpm = *rc::gen::inRange(1, 10);
    const auto pauses = *rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 10'000));
    FakeClock clock;
    RateLimiter limiter(RateLimitSettings{rpm, 0, 30'000}, clock);
    for (int pause : pauses) {
        clock.advance(pause);
        const Admission admission = limiter.tryAcquire(1);
        if (!admission.admitted) {
            clock.advance(admission.waitMs);
            RC_ASSERT(limiter.tryAcquire(1).admitted);
        }
    }
}

// The schedule never exceeds its caps: at most maxRetries retries, each backoff within [minJitter*base, maxDelay],
// a Retry-After honoured only up to maxRetryAfterMs, and never a retry after output was shown.
RC_GTEST_PROP(RetryScheduleProperty, NeverExceedsItsCaps, ()) {
    RetryPolicy policy;
    policy.maxRetries = *rc::gen::inRange(0, 8);
    policy.initialDelayMs = *rc::gen::inRange(1, 5'000);
    policy.maxDelayMs = *rc::gen::inRange(int(policy.initialDelayMs), 60'000);
    policy.maxRetryAfterMs = *rc::gen::inRange(0, 300'000);
    const auto code = *rc::gen::element(ErrorCode::Timeout, ErrorCode::ProviderRateLimited,
                                        ErrorCode::ProviderUnavailable, ErrorCode::ProviderOverloaded,
                                        ErrorCode::ProviderUnauthorized, ErrorCode::ProviderQuotaExceeded,
                                        ErrorCode::NetworkUnreachable, ErrorCode::ProviderBadRequest);
    Error error = makeError(code);
    if (*rc::gen::arbitrary<bool>()) {
        error.retryAfterMs = *rc::gen::inRange(0, 400'000);
    }
    const bool outputShown = *rc::gen::arbitrary<bool>();
    int retries = 0;
    while (true) {
        const double jitter = *rc::gen::inRange(0, 1001) / 1000.0;
        const RetryDecision decision = decideRetry(policy, error, retries, outputShown, jitter);
        if (!decision.retry) {
            break;
        }
        RC_ASSERT(!outputShown);
        RC_ASSERT(isRetryableError(error));
        if (error.retryAfterMs && *error.retryAfterMs > 0) {
            RC_ASSERT(decision.delayMs == *error.retryAfterMs);
            RC_ASSERT(decision.delayMs <= policy.maxRetryAfterMs);
        } else {
            RC_ASSERT(decision.delayMs <= policy.maxDelayMs);
            RC_ASSERT(decision.delayMs >=
                      qint64(0.75 * double(std::min(policy.initialDelayMs, policy.maxDelayMs))) - 1);
        }
        ++retries;
        RC_ASSERT(retries <= policy.maxRetries);
    }
}
