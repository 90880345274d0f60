#include "observability/HealthChecker.h"

#include <QPointer>

#include <memory>

namespace Tessera::Core {

bool HealthReport::healthy() const {
    if (!probe.ok() || !probe.reachable || !probe.authenticated) {
        return false;
    }
    for (const auto& breaker : breakers) {
        if (breaker.state == BreakerState::Open || breaker.state == BreakerState::ForcedOpen) {
            return false;
        }
    }
    return !provider.resilience.breaker.forcedOpen && !failingInTraffic();
}

bool HealthReport::failingInTraffic() const {
    return status.lastError.has_value() && status.lastErrorAt.isValid() &&
           (!status.lastSuccessAt.isValid() || status.lastErrorAt >= status.lastSuccessAt);
}

HealthChecker::HealthChecker(ProviderProbe& probe, ResilienceRegistry& registry, QObject* parent)
    : QObject(parent)
    , m_probe(probe)
    , m_registry(registry) {
}

void HealthChecker::check(const std::vector<ProviderConfig>& providers,
                          std::function<void(std::vector<HealthReport>)> done) {
    struct Pending {
        std::vector<HealthReport> reports;
        std::size_t remaining = 0;
        std::function<void(std::vector<HealthReport>)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    for (const ProviderConfig& config : providers) {
        if (config.enabled) {
            pending->reports.push_back({config, {}, {}, {}});
        }
    }
    pending->remaining = pending->reports.size();
    if (pending->remaining == 0) {
        pending->done({});
        return;
    }
    QPointer<HealthChecker> self(this);
    for (std::size_t i = 0; i < pending->reports.size(); ++i) {
        m_probe.run(pending->reports[i].provider, [self, pending, i](ProbeReport probe) {
            if (!self) {
                return;
            }
            HealthReport& report = pending->reports[i];
            report.probe = std::move(probe);
            // The breakers take the provider's current settings first (an administrator may have stopped it).
            for (const auto& breaker : self->m_registry.breakers(report.provider.name)) {
                self->m_registry.breaker(report.provider.name, breaker.model, report.provider.resilience.breaker);
            }
            report.breakers = self->m_registry.breakers(report.provider.name);
            report.status = self->m_registry.provider(report.provider.name);
            if (report.probe.error && !report.status.lastError) {
                report.status.lastError = report.probe.error;
                report.status.lastErrorAt = self->m_registry.clock().nowUtc();
            }
            if (--pending->remaining == 0) {
                pending->done(std::move(pending->reports));
            }
        });
    }
}

} // namespace Tessera::Core
