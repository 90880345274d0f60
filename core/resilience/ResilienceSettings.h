#pragma once

#include "common/Result.h"
#include "resilience/CircuitBreaker.h"
#include "resilience/RateLimiter.h"
#include "resilience/RetryPolicy.h"

#include <QByteArray>

namespace Tessera::Core {

// Time limits for one request. 0 disables a limit.
struct Timeouts {
    qint64 connectMs = 15'000;     // until the response headers arrive
    qint64 firstTokenMs = 120'000; // until the first piece of the answer arrives (local models load slowly)
    qint64 idleMs = 120'000;       // between two received chunks

    bool operator==(const Timeouts&) const = default;
};

// Everything about how Tessera treats one provider's failures and limits. Stored with the provider as JSON.
struct ResilienceSettings {
    RetryPolicy retry;
    BreakerSettings breaker;
    RateLimitSettings rateLimit;
    Timeouts timeouts;

    bool operator==(const ResilienceSettings&) const = default;

    QByteArray toJson() const;
    // Missing fields keep their defaults; values out of range are an input.invalid error naming the field.
    static Result<ResilienceSettings> fromJson(const QByteArray& json);
    // Checks every value's range.
    Status validate() const;
};

} // namespace Tessera::Core
