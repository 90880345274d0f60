#include "resilience/ResilienceSettings.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Tessera::Core {

namespace {

void readInt(const QJsonObject& object, const char* key, qint64& target) {
    const QJsonValue value = object.value(QLatin1StringView(key));
    if (value.isDouble()) {
        target = value.toInteger(target);
    }
}

void readInt(const QJsonObject& object, const char* key, int& target) {
    qint64 wide = target;
    readInt(object, key, wide);
    target = int(std::clamp<qint64>(wide, INT_MIN, INT_MAX));
}

Status checkRange(const char* field, qint64 value, qint64 low, qint64 high) {
    if (value < low || value > high) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 must be between %2 and %3 (got %4)")
                                                    .arg(QLatin1StringView(field))
                                                    .arg(low)
                                                    .arg(high)
                                                    .arg(value));
    }
    return {};
}

} // namespace

QByteArray ResilienceSettings::toJson() const {
    const QJsonObject object{
        {QStringLiteral("maxRetries"), retry.maxRetries},
        {QStringLiteral("retryInitialMs"), retry.initialDelayMs},
        {QStringLiteral("retryMaxMs"), retry.maxDelayMs},
        {QStringLiteral("maxRetryAfterMs"), retry.maxRetryAfterMs},
        {QStringLiteral("breakerEnabled"), breaker.enabled},
        {QStringLiteral("breakerForcedOpen"), breaker.forcedOpen},
        {QStringLiteral("breakerWindow"), breaker.windowSize},
        {QStringLiteral("breakerMinimumCalls"), breaker.minimumCalls},
        {QStringLiteral("breakerFailurePercent"), breaker.failureRatePercent},
        {QStringLiteral("breakerSlowCallMs"), breaker.slowCallMs},
        {QStringLiteral("breakerSlowPercent"), breaker.slowCallRatePercent},
        {QStringLiteral("breakerOpenMs"), breaker.openMs},
        {QStringLiteral("breakerHalfOpenCalls"), breaker.halfOpenCalls},
        {QStringLiteral("requestsPerMinute"), rateLimit.requestsPerMinute},
        {QStringLiteral("tokensPerMinute"), rateLimit.tokensPerMinute},
        {QStringLiteral("rateLimitMaxWaitMs"), rateLimit.maxWaitMs},
        {QStringLiteral("connectTimeoutMs"), timeouts.connectMs},
        {QStringLiteral("firstTokenTimeoutMs"), timeouts.firstTokenMs},
        {QStringLiteral("idleTimeoutMs"), timeouts.idleMs},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<ResilienceSettings> ResilienceSettings::fromJson(const QByteArray& json) {
    ResilienceSettings settings;
    if (json.trimmed().isEmpty()) {
        return settings;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("resilience settings are not a JSON object: %1").arg(parseError.errorString()));
    }
    const QJsonObject o = doc.object();
    readInt(o, "maxRetries", settings.retry.maxRetries);
    readInt(o, "retryInitialMs", settings.retry.initialDelayMs);
    readInt(o, "retryMaxMs", settings.retry.maxDelayMs);
    readInt(o, "maxRetryAfterMs", settings.retry.maxRetryAfterMs);
    settings.breaker.enabled = o.value(QLatin1StringView("breakerEnabled")).toBool(settings.breaker.enabled);
    settings.breaker.forcedOpen = o.value(QLatin1StringView("breakerForcedOpen")).toBool(false);
    readInt(o, "breakerWindow", settings.breaker.windowSize);
    readInt(o, "breakerMinimumCalls", settings.breaker.minimumCalls);
    readInt(o, "breakerFailurePercent", settings.breaker.failureRatePercent);
    readInt(o, "breakerSlowCallMs", settings.breaker.slowCallMs);
    readInt(o, "breakerSlowPercent", settings.breaker.slowCallRatePercent);
    readInt(o, "breakerOpenMs", settings.breaker.openMs);
    readInt(o, "breakerHalfOpenCalls", settings.breaker.halfOpenCalls);
    readInt(o, "requestsPerMinute", settings.rateLimit.requestsPerMinute);
    readInt(o, "tokensPerMinute", settings.rateLimit.tokensPerMinute);
    readInt(o, "rateLimitMaxWaitMs", settings.rateLimit.maxWaitMs);
    readInt(o, "connectTimeoutMs", settings.timeouts.connectMs);
    readInt(o, "firstTokenTimeoutMs", settings.timeouts.firstTokenMs);
    readInt(o, "idleTimeoutMs", settings.timeouts.idleMs);
    if (auto valid = settings.validate(); !valid) {
        return fail(valid.error());
    }
    return settings;
}

Status ResilienceSettings::validate() const {
    constexpr qint64 hour = 3'600'000;
    const std::initializer_list<std::tuple<const char*, qint64, qint64, qint64>> checks = {
        {"max retries", retry.maxRetries, 0, RetryPolicy::maxAllowedRetries},
        {"initial retry delay (ms)", retry.initialDelayMs, 0, 60'000},
        {"maximum retry delay (ms)", retry.maxDelayMs, 0, 600'000},
        {"longest Retry-After honoured (ms)", retry.maxRetryAfterMs, 0, hour},
        {"breaker window", breaker.windowSize, 1, 1000},
        {"breaker minimum calls", breaker.minimumCalls, 1, 1000},
        {"breaker failure rate (%)", breaker.failureRatePercent, 1, 100},
        {"slow call threshold (ms)", breaker.slowCallMs, 1, hour},
        {"breaker slow call rate (%)", breaker.slowCallRatePercent, 1, 100},
        {"breaker open time (ms)", breaker.openMs, 100, hour},
        {"breaker half-open calls", breaker.halfOpenCalls, 1, 100},
        {"requests per minute", rateLimit.requestsPerMinute, 0, 1'000'000},
        {"tokens per minute", rateLimit.tokensPerMinute, 0, 1'000'000'000},
        {"longest rate-limit wait (ms)", rateLimit.maxWaitMs, 0, 600'000},
        {"connect timeout (ms)", timeouts.connectMs, 0, hour},
        {"first-token timeout (ms)", timeouts.firstTokenMs, 0, hour},
        {"idle timeout (ms)", timeouts.idleMs, 0, hour},
    };
    for (const auto& [field, value, low, high] : checks) {
        if (auto status = checkRange(field, value, low, high); !status) {
            return status;
        }
    }
    return {};
}

} // namespace Tessera::Core
