#include "providers/RunningRequest.h"

#include "logging/Logging.h"
#include "observability/Metrics.h"
#include "providers/Provider.h"
#include "providers/ProviderFactory.h"
#include "resilience/ResilientReply.h"
#include "secrets/ApiKeyResolver.h"

#include <QPointer>
#include <QTimer>

namespace Tessera::Core {

RunningRequest::RunningRequest(RunSpec spec, RunnerParts parts, QObject* parent)
    : ProviderReply(spec.request.correlationId, parent)
    , m_spec(std::move(spec))
    , m_parts(std::move(parts)) {
    const bool cacheOn = m_spec.batch ? m_parts.cacheSettings.batch : m_parts.cacheSettings.interactive;
    m_readCache = cacheOn && m_spec.cache == CacheMode::Default;
    m_writeCache = cacheOn && m_spec.cache != CacheMode::NoStore;
    if (m_readCache || m_writeCache) {
        m_cacheKey = ResponseCache::keyFor(m_spec.provider, m_spec.request, m_spec.requesterId);
    }
    if (!m_spec.fallback || !m_spec.fallback->enabled) {
        m_spec.fallback.reset();
    }
    // Nothing happens inside the constructor: the caller connects first.
    QTimer::singleShot(0, this, &RunningRequest::begin);
}

RunningRequest::~RunningRequest() = default;

void RunningRequest::begin() {
    if (m_cancelled || isFinished() || answerFromCache()) {
        return;
    }
    resolveKey(0);
}

bool RunningRequest::answerFromCache() {
    if (!m_readCache) {
        return false;
    }
    const MetricLabels labels{{QStringLiteral("provider"), m_spec.provider.name},
                              {QStringLiteral("model"), m_spec.request.model}};
    auto hit = m_parts.cache.lookup(m_cacheKey);
    if (!hit) {
        log("cache")->warn("cid={} cache lookup failed: {}", correlationId(), hit.error().toLogString());
        return false;
    }
    if (!*hit) {
        m_parts.metrics.increment(MetricNames::cacheMisses, labels);
        return false;
    }
    m_parts.metrics.increment(MetricNames::cacheHits, labels);
    log("cache")->info("cid={} provider={} model={} answered from the cache", correlationId(), m_spec.provider.name,
                       m_spec.request.model);
    ChatAnswer answer = **hit;
    answer.providerName = m_spec.provider.name;
    answer.cacheHit = true;
    appendText(answer.text);
    finish(answer);
    return true;
}

// Resolves the key of the provider, then of the fallback; a fallback whose key is missing is left out.
void RunningRequest::resolveKey(std::size_t index) {
    if (index == 1 && !m_spec.fallback) {
        send();
        return;
    }
    if (index == 2) {
        send();
        return;
    }
    const ProviderConfig config = index == 0 ? m_spec.provider : *m_spec.fallback;
    QPointer<RunningRequest> self(this);
    m_parts.keys.resolve(config, [self, index](Result<QString> key) {
        if (!self || self->m_cancelled || self->isFinished()) {
            return;
        }
        if (!key) {
            if (index == 0) {
                self->finish(fail(key.error()));
                return;
            }
            log("providers")
                ->warn("cid={} fallback {} left out: {}", self->correlationId(), self->m_spec.fallback->name,
                       key.error().toLogString());
            self->m_spec.fallback.reset();
            self->send();
            return;
        }
        self->m_keys.push_back(*key);
        self->resolveKey(index + 1);
    });
}

void RunningRequest::send() {
    std::vector<ChatTarget> targets;
    targets.push_back({m_spec.provider, m_parts.factory.create(m_spec.provider, m_keys.at(0)), m_spec.request.model});
    if (m_spec.fallback && m_keys.size() > 1) {
        targets.push_back({*m_spec.fallback, m_parts.factory.create(*m_spec.fallback, m_keys.at(1)),
                           m_spec.fallbackModel.isEmpty() ? m_spec.fallback->defaultModel : m_spec.fallbackModel});
    }
    for (const ChatTarget& target : targets) {
        if (!target.client) {
            finish(fail(ErrorCode::Internal, QStringLiteral("unsupported provider kind")));
            return;
        }
    }
    m_inner.reset(new ResilientReply(std::move(targets), m_spec.request, m_parts.resilience));
    connect(m_inner.get(), &ProviderReply::deltaReceived, this, &RunningRequest::appendText);
    connect(m_inner.get(), &ProviderReply::finished, this, &RunningRequest::handleInnerFinished);
}

void RunningRequest::handleInnerFinished(const ChatResult& result) {
    setAttemptCount(m_inner->attemptCount());
    setRateLimits(m_inner->rateLimits());
    if (result && m_writeCache && !result->viaFallback) {
        if (auto stored = m_parts.cache.store(m_cacheKey, m_spec.provider.name, m_spec.request.model, *result,
                                              m_parts.cacheSettings.ttlSeconds);
            !stored) {
            log("cache")->warn("cid={} could not cache the answer: {}", correlationId(), stored.error().toLogString());
        }
    }
    finish(result);
}

void RunningRequest::cancel() {
    if (isFinished()) {
        return;
    }
    m_cancelled = true;
    if (m_inner) {
        m_inner->cancel(); // finishes through handleInnerFinished, keeping the text
        return;
    }
    finish(fail(ErrorCode::Cancelled, QStringLiteral("stopped before sending")));
}

} // namespace Tessera::Core
