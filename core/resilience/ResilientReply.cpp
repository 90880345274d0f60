#include "resilience/ResilientReply.h"

#include "logging/Logging.h"
#include "observability/Metrics.h"
#include "providers/Provider.h"
#include "resilience/ResilienceRegistry.h"

namespace Tessera::Core {

namespace {

// Errors after which a fallback model would not help: the user stopped, or the request itself is wrong.
bool fallbackHelps(const Error& error) {
    return error.code != ErrorCode::Cancelled && error.code != ErrorCode::InvalidArgument;
}

MetricLabels targetLabels(const ChatTarget& target) {
    return {{QStringLiteral("provider"), target.config.name}, {QStringLiteral("model"), target.model}};
}

} // namespace

ResilientReply::ResilientReply(std::vector<ChatTarget> targets, ChatRequest request, ResilienceRegistry& registry,
                               QObject* parent)
    : ProviderReply(request.correlationId, parent)
    , m_targets(std::move(targets))
    , m_request(std::move(request))
    , m_registry(registry) {
    m_estimatedTokens = estimateTokens(promptCharacters(m_request)) + m_request.maxTokens.value_or(0);
    m_wait.setSingleShot(true);
    connect(&m_wait, &QTimer::timeout, this, &ResilientReply::attempt);
    m_wait.start(0);
}

ResilientReply::~ResilientReply() {
    if (m_inner) {
        m_inner->disconnect(this);
        if (!m_inner->isFinished()) {
            m_inner->cancel();
        }
    }
    if (m_admitted && m_target < m_targets.size()) {
        const ChatTarget& target = m_targets[m_target];
        m_registry.breaker(target.config.name, target.model, target.config.resilience.breaker).release();
    }
}

void ResilientReply::cancel() {
    if (isFinished()) {
        return;
    }
    m_wait.stop();
    if (m_inner && !m_inner->isFinished()) {
        m_inner->cancel(); // finishes through handleInnerFinished
        return;
    }
    finish(fail(ErrorCode::Cancelled, QStringLiteral("stopped by the user"), correlationId()));
}

void ResilientReply::schedule(qint64 delayMs) {
    m_wait.start(int(std::clamp<qint64>(delayMs, 0, INT_MAX)));
}

void ResilientReply::attempt() {
    if (isFinished()) {
        return;
    }
    if (m_target >= m_targets.size()) {
        finish(fail(ErrorCode::Internal, QStringLiteral("no provider to ask"), correlationId()));
        return;
    }
    const ChatTarget& target = m_targets[m_target];
    const ResilienceSettings& settings = target.config.resilience;
    CircuitBreaker& breaker = m_registry.breaker(target.config.name, target.model, settings.breaker);
    if (Status admitted = breaker.tryAcquire(); !admitted) {
        Error error = admitted.error();
        error.correlationId = correlationId();
        log("resilience")
            ->warn("cid={} provider={} model={} attempt={} not sent: {}", correlationId(), target.config.name,
                   target.model, m_attempts + 1, error.toLogString());
        fallBackOrFail(error);
        return;
    }
    m_admitted = true;
    RateLimiter& limiter = m_registry.limiter(target.config.name, settings.rateLimit);
    const Admission admission = limiter.tryAcquire(m_estimatedTokens);
    if (!admission.admitted) {
        breaker.release();
        m_admitted = false;
        if (admission.impossible || admission.waitMs > settings.rateLimit.maxWaitMs) {
            Error error = makeError(ErrorCode::LocalRateLimited,
                                    admission.impossible
                                        ? QStringLiteral("about %1 tokens exceed the %2 tokens per minute set for %3")
                                              .arg(m_estimatedTokens)
                                              .arg(settings.rateLimit.tokensPerMinute)
                                              .arg(target.config.name)
                                        : QStringLiteral("the rate limit set for %1 allows the next request in %2 s")
                                              .arg(target.config.name)
                                              .arg((admission.waitMs + 999) / 1000),
                                    correlationId());
            if (!admission.impossible) {
                error.retryAfterMs = admission.waitMs;
            }
            fallBackOrFail(error);
            return;
        }
        m_registry.metrics().increment(MetricNames::rateLimitWaits, {{QStringLiteral("provider"), target.config.name}});
        log("resilience")
            ->info("cid={} provider={} model={} attempt={} waiting {} ms for the local rate limit", correlationId(),
                   target.config.name, target.model, m_attempts + 1, admission.waitMs);
        schedule(admission.waitMs);
        return;
    }

    ++m_attempts;
    setAttemptCount(m_attempts);
    ChatRequest request = m_request;
    request.model = target.model;
    request.attempt = m_attempts;
    m_registry.metrics().increment(MetricNames::requests, targetLabels(target));
    m_inner.reset(target.client->chat(request));
    connect(m_inner.get(), &ProviderReply::deltaReceived, this, [this](const QString& delta) {
        m_outputShown = true;
        appendText(delta);
    });
    connect(m_inner.get(), &ProviderReply::finished, this, &ResilientReply::handleInnerFinished);
}

void ResilientReply::handleInnerFinished(const ChatResult& result) {
    const ChatTarget& target = m_targets[m_target];
    const ResilienceSettings& settings = target.config.resilience;
    CircuitBreaker& breaker = m_registry.breaker(target.config.name, target.model, settings.breaker);
    RateLimiter& limiter = m_registry.limiter(target.config.name, settings.rateLimit);
    Metrics& metrics = m_registry.metrics();
    const MetricLabels labels = targetLabels(target);
    m_admitted = false;
    if (const ProviderRateLimits& limits = m_inner->rateLimits(); !limits.isEmpty()) {
        setRateLimits(limits);
        m_registry.recordRateLimits(target.config.name, limits);
        limiter.observeProviderRemaining(limits.remainingRequests, limits.resetRequestsMs);
    }

    if (result) {
        ChatAnswer answer = *result;
        breaker.recordSuccess(std::max<qint64>(0, answer.ttftMs));
        limiter.settle(m_estimatedTokens, answer.usage.totalTokens());
        answer.providerName = target.config.name;
        answer.attempts = m_attempts;
        answer.viaFallback = m_target > 0;
        metrics.increment(MetricNames::inputTokens, labels, double(answer.usage.inputTokens));
        metrics.increment(MetricNames::outputTokens, labels, double(answer.usage.outputTokens));
        metrics.increment(MetricNames::cachedTokens, labels, double(answer.usage.cachedInputTokens));
        metrics.observe(MetricNames::latency, labels, double(answer.latencyMs) / 1000.0);
        if (answer.ttftMs >= 0) {
            metrics.observe(MetricNames::ttft, labels, double(answer.ttftMs) / 1000.0);
            const qint64 streamingMs = answer.latencyMs - answer.ttftMs;
            if (streamingMs > 0 && answer.usage.outputTokens > 0) {
                metrics.observe(MetricNames::tokensPerSecond, labels,
                                double(answer.usage.outputTokens) * 1000.0 / double(streamingMs));
            }
        }
        m_registry.recordOutcome(target.config.name, std::nullopt);
        finish(answer);
        return;
    }

    const Error& error = result.error();
    if (error.code == ErrorCode::Cancelled) {
        breaker.release();
        finish(result);
        return;
    }
    breaker.recordFailure(error);
    metrics.increment(MetricNames::failures,
                      {labels[0], labels[1], {QStringLiteral("code"), QString(codeName(error.code))}});
    m_registry.recordOutcome(target.config.name, error);

    const RetryDecision decision = decideRetry(settings.retry, error, m_retries, m_outputShown, m_registry.jitter());
    if (decision.retry) {
        ++m_retries;
        metrics.increment(MetricNames::retries, labels);
        log("resilience")
            ->warn("cid={} provider={} model={} attempt={} failed with {}; retry {} of {} in {} ms ({})",
                   correlationId(), target.config.name, target.model, m_attempts, codeName(error.code), m_retries,
                   settings.retry.maxRetries, decision.delayMs, decision.reason);
        schedule(decision.delayMs);
        return;
    }
    log("resilience")
        ->info("cid={} provider={} model={} attempt={} not retried: {}", correlationId(), target.config.name,
               target.model, m_attempts, decision.reason);
    fallBackOrFail(error);
}

void ResilientReply::fallBackOrFail(const Error& error) {
    if (!m_outputShown && fallbackHelps(error) && m_target + 1 < m_targets.size()) {
        const ChatTarget& from = m_targets[m_target];
        const ChatTarget& to = m_targets[m_target + 1];
        m_registry.metrics().increment(MetricNames::fallbacks, targetLabels(from));
        log("resilience")
            ->warn("cid={} provider={} model={} failed with {}; falling back to provider={} model={}", correlationId(),
                   from.config.name, from.model, codeName(error.code), to.config.name, to.model);
        ++m_target;
        m_retries = 0;
        schedule(0);
        return;
    }
    Error final = error;
    final.correlationId = correlationId();
    if (final.subject.isEmpty() && m_target < m_targets.size()) {
        final.subject = m_targets[m_target].config.name + QLatin1Char('/') + m_targets[m_target].model;
    }
    if (m_outputShown && final.code != ErrorCode::Cancelled && final.code != ErrorCode::ProviderStreamError) {
        final.code = ErrorCode::StreamInterrupted; // a partial answer is kept, marked incomplete
    }
    finish(fail(final));
}

} // namespace Tessera::Core
