#include "resilience/RetryPolicy.h"

#include <algorithm>
#include <cmath>

namespace Tessera::Core {

bool isRetryableError(const Error& error) {
    switch (error.code) {
    case ErrorCode::Timeout:
    case ErrorCode::NetworkUnreachable:
    case ErrorCode::ProviderRateLimited:
    case ErrorCode::ProviderUnavailable:
    case ErrorCode::ProviderOverloaded:
    case ErrorCode::StreamInterrupted: // only reached before any output; a dropped connection
        return true;
    case ErrorCode::ProviderBadRequest:
        return error.httpStatus == 409; // conflict: the SDKs retry it
    default:
        return false;
    }
}

qint64 backoffDelayMs(const RetryPolicy& policy, int retry, double jitterUnit) {
    const double exponent = std::max(0, retry - 1);
    const double base = std::min(double(policy.maxDelayMs),
                                 double(policy.initialDelayMs) * std::pow(std::max(1.0, policy.multiplier), exponent));
    const double minJitter = std::clamp(policy.minJitter, 0.0, 1.0);
    const double factor = minJitter + (1.0 - minJitter) * std::clamp(jitterUnit, 0.0, 1.0);
    return std::max<qint64>(0, qint64(base * factor));
}

RetryDecision decideRetry(const RetryPolicy& policy, const Error& error, int retriesDone, bool outputShown,
                          double jitterUnit) {
    if (outputShown) {
        return {false, 0, QStringLiteral("part of the answer was already shown")};
    }
    if (retriesDone >= policy.maxRetries) {
        return {false, 0, QStringLiteral("no retries left (%1 made)").arg(retriesDone)};
    }
    const bool retryable = error.shouldRetry.value_or(isRetryableError(error));
    if (!retryable) {
        return {false, 0,
                error.shouldRetry ? QStringLiteral("the provider said x-should-retry: false")
                                  : QStringLiteral("%1 is never retried").arg(codeName(error.code))};
    }
    if (error.retryAfterMs && *error.retryAfterMs > 0) {
        if (*error.retryAfterMs > policy.maxRetryAfterMs) {
            return {false, 0,
                    QStringLiteral("the provider asks to wait %1 ms, more than the %2 ms allowed")
                        .arg(*error.retryAfterMs)
                        .arg(policy.maxRetryAfterMs)};
        }
        return {true, *error.retryAfterMs, QStringLiteral("waiting as the provider asked")};
    }
    return {true, backoffDelayMs(policy, retriesDone + 1, jitterUnit), QStringLiteral("backoff")};
}

} // namespace Tessera::Core
