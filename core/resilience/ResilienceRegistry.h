#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "providers/RateLimitHeaders.h"
#include "resilience/CircuitBreaker.h"
#include "resilience/RateLimiter.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace Tessera::Core {

class Metrics;

// What the application knows about one provider right now: its breakers (one per model), its rate limiter, the
// rate limits it last reported, and its last success and failure. One registry per process, shared by every
// request, so a failing provider is remembered across conversations.
class ResilienceRegistry final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResilienceRegistry)

public:
    struct BreakerView {
        QString provider;
        QString model;
        BreakerState state = BreakerState::Closed;
        qint64 remainingOpenMs = 0;
        double failureRatePercent = 0;
        int bufferedCalls = 0;
    };
    struct ProviderView {
        ProviderRateLimits rateLimits;
        std::optional<Error> lastError;
        QDateTime lastErrorAt;
        QDateTime lastSuccessAt;
    };

    ResilienceRegistry(const Clock& clock, Metrics& metrics, QObject* parent = nullptr);
    ~ResilienceRegistry() override;

    // The breaker for a provider and model, created with these settings or updated to them.
    CircuitBreaker& breaker(const QString& provider, const QString& model, const BreakerSettings& settings);
    RateLimiter& limiter(const QString& provider, const RateLimitSettings& settings);

    void recordRateLimits(const QString& provider, const ProviderRateLimits& limits);
    void recordOutcome(const QString& provider, const std::optional<Error>& error);

    std::vector<BreakerView> breakers(const QString& provider) const;
    ProviderView provider(const QString& name) const;
    // Forces every breaker of a provider open (an administrator's switch), or back to normal.
    void forceOpen(const QString& provider, bool open);
    // Forgets a removed or renamed provider.
    void forget(const QString& provider);

    const Clock& clock() const { return m_clock; }
    Metrics& metrics() const { return m_metrics; }
    // A number in [0, 1] for retry jitter; tests replace it to make the schedule predictable.
    double jitter() const { return m_jitter(); }
    void setJitterSource(std::function<double()> source) { m_jitter = std::move(source); }

Q_SIGNALS:
    void breakerStateChanged(const QString& provider, const QString& model, Tessera::Core::BreakerState state);
    void providerStatusChanged(const QString& provider);

private:
    const Clock& m_clock;
    Metrics& m_metrics;
    QHash<QString, std::shared_ptr<CircuitBreaker>> m_breakers; // "provider\nmodel"
    QHash<QString, std::shared_ptr<RateLimiter>> m_limiters;
    QHash<QString, ProviderView> m_providers;
    QHash<QString, bool> m_forcedOpen;
    std::function<double()> m_jitter;
};

} // namespace Tessera::Core
