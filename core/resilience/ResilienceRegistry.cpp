#include "resilience/ResilienceRegistry.h"

#include "observability/Metrics.h"

#include <QRandomGenerator>

namespace Tessera::Core {

namespace {

QString breakerKey(const QString& provider, const QString& model) {
    return provider + QLatin1Char('\n') + model;
}

} // namespace

ResilienceRegistry::ResilienceRegistry(const Clock& clock, Metrics& metrics, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_metrics(metrics)
    , m_jitter([] { return QRandomGenerator::global()->generateDouble(); }) {
}

ResilienceRegistry::~ResilienceRegistry() = default;

CircuitBreaker& ResilienceRegistry::breaker(const QString& provider, const QString& model,
                                            const BreakerSettings& settings) {
    const QString key = breakerKey(provider, model);
    auto& slot = m_breakers[key];
    if (!slot) {
        slot = std::make_shared<CircuitBreaker>(provider + QLatin1Char('/') + model, settings, m_clock);
        connect(slot.get(), &CircuitBreaker::stateChanged, this,
                [this, provider, model](BreakerState from, BreakerState to) {
                    m_metrics.increment(MetricNames::breakerTransitions,
                                        {{QStringLiteral("provider"), provider},
                                         {QStringLiteral("model"), model},
                                         {QStringLiteral("from"), QString(breakerStateName(from))},
                                         {QStringLiteral("to"), QString(breakerStateName(to))}});
                    Q_EMIT breakerStateChanged(provider, model, to);
                });
        if (m_forcedOpen.value(provider)) {
            slot->forceOpen();
        }
    } else {
        slot->setSettings(settings);
    }
    return *slot;
}

RateLimiter& ResilienceRegistry::limiter(const QString& provider, const RateLimitSettings& settings) {
    auto& slot = m_limiters[provider];
    if (!slot) {
        slot = std::make_shared<RateLimiter>(settings, m_clock);
    } else {
        slot->setSettings(settings);
    }
    return *slot;
}

void ResilienceRegistry::recordRateLimits(const QString& provider, const ProviderRateLimits& limits) {
    if (limits.isEmpty()) {
        return;
    }
    m_providers[provider].rateLimits = limits;
    Q_EMIT providerStatusChanged(provider);
}

void ResilienceRegistry::recordOutcome(const QString& provider, const std::optional<Error>& error) {
    ProviderView& view = m_providers[provider];
    if (error) {
        view.lastError = error;
        view.lastErrorAt = m_clock.nowUtc();
    } else {
        view.lastSuccessAt = m_clock.nowUtc();
    }
    Q_EMIT providerStatusChanged(provider);
}

std::vector<ResilienceRegistry::BreakerView> ResilienceRegistry::breakers(const QString& provider) const {
    std::vector<BreakerView> views;
    for (auto it = m_breakers.begin(); it != m_breakers.end(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('\n'));
        if (parts.value(0) != provider) {
            continue;
        }
        const CircuitBreaker& breaker = *it.value();
        views.push_back({provider, parts.value(1), breaker.state(), breaker.remainingOpenMs(),
                         breaker.failureRatePercent(), breaker.bufferedCalls()});
    }
    std::sort(views.begin(), views.end(), [](const BreakerView& a, const BreakerView& b) { return a.model < b.model; });
    return views;
}

ResilienceRegistry::ProviderView ResilienceRegistry::provider(const QString& name) const {
    return m_providers.value(name);
}

void ResilienceRegistry::forceOpen(const QString& provider, bool open) {
    m_forcedOpen[provider] = open;
    for (auto it = m_breakers.begin(); it != m_breakers.end(); ++it) {
        if (it.key().startsWith(provider + QLatin1Char('\n'))) {
            if (open) {
                it.value()->forceOpen();
            } else {
                it.value()->reset();
            }
        }
    }
}

void ResilienceRegistry::forget(const QString& provider) {
    const QString prefix = provider + QLatin1Char('\n');
    for (auto it = m_breakers.begin(); it != m_breakers.end();) {
        it = it.key().startsWith(prefix) ? m_breakers.erase(it) : std::next(it);
    }
    m_limiters.remove(provider);
    m_providers.remove(provider);
    m_forcedOpen.remove(provider);
}

} // namespace Tessera::Core
