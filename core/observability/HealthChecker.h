#pragma once

#include "providers/ProviderConfig.h"
#include "providers/ProviderProbe.h"
#include "resilience/ResilienceRegistry.h"

#include <QObject>

#include <functional>
#include <vector>

namespace Tessera::Core {

// The health of one provider: the probe (reachable, authenticated, models, latency), its breakers, the rate limits
// it last reported, and its last error.
struct HealthReport {
    ProviderConfig provider;
    ProbeReport probe;
    std::vector<ResilienceRegistry::BreakerView> breakers;
    ResilienceRegistry::ProviderView status;

    // Reachable, authenticated, listing models, no breaker open, and the last request sent to it in real
    // traffic did not fail.
    bool healthy() const;
    // The last request in real traffic failed (and nothing has succeeded since).
    bool failingInTraffic() const;
};

// Checks providers on demand (the GUI also runs it periodically): each enabled provider is probed in parallel.
class HealthChecker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthChecker)

public:
    HealthChecker(ProviderProbe& probe, ResilienceRegistry& registry, QObject* parent = nullptr);

    // done runs once with one report per enabled provider, in the order given.
    void check(const std::vector<ProviderConfig>& providers, std::function<void(std::vector<HealthReport>)> done);

    ResilienceRegistry& registry() const { return m_registry; }

private:
    ProviderProbe& m_probe;
    ResilienceRegistry& m_registry;
};

} // namespace Tessera::Core
