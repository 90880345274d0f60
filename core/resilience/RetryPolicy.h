#pragma once

#include "common/Error.h"

#include <QJsonObject>

namespace Tessera::Core {

// When and how long to wait before trying a failed request again. The defaults follow the official OpenAI and
// Anthropic SDKs: two retries, 0.5 s doubling to at most 8 s, each delay multiplied by a jitter factor in
// [minJitter, 1], and the provider's Retry-After honoured when it is at most maxRetryAfterMs.
struct RetryPolicy {
    int maxRetries = 2;
    qint64 initialDelayMs = 500;
    qint64 maxDelayMs = 8'000;
    double multiplier = 2.0;
    double minJitter = 0.75;
    qint64 maxRetryAfterMs = 120'000;

    static constexpr int maxAllowedRetries = 10;

    bool operator==(const RetryPolicy&) const = default;
};

struct RetryDecision {
    bool retry = false;
    qint64 delayMs = 0;
    QString reason; // English, for the log
};

// Whether an error of this kind may be retried at all: timeouts, connection failures, 408, 409, 429 (not quota),
// 5xx and 529. Authentication, bad requests, quota and spend limits never are.
bool isRetryableError(const Error& error);

// The backoff before retry number `retry` (1-based) without Retry-After; jitterUnit in [0, 1] picks the jitter.
qint64 backoffDelayMs(const RetryPolicy& policy, int retry, double jitterUnit);

// Decides whether to retry after `error`, given how many retries were made and whether any of the answer was
// already shown (then never).
RetryDecision decideRetry(const RetryPolicy& policy, const Error& error, int retriesDone, bool outputShown,
                          double jitterUnit);

} // namespace Tessera::Core
