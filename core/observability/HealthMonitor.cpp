#include "observability/HealthMonitor.h"

#include "logging/Logging.h"

#include <QPointer>

namespace Tessera::Core {

HealthMonitor::HealthMonitor(HealthChecker& checker, ProviderSource providers, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_checker(checker)
    , m_providers(std::move(providers))
    , m_clock(clock) {
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::checkNow);
    ResilienceRegistry& registry = m_checker.registry();
    connect(&registry, &ResilienceRegistry::providerStatusChanged, this, &HealthMonitor::handleTraffic);
    connect(&registry, &ResilienceRegistry::breakerStateChanged, this,
            [this](const QString& provider, const QString&, BreakerState) { handleTraffic(provider); });
}

void HealthMonitor::handleTraffic(const QString& provider) {
    const ResilienceRegistry& registry = m_checker.registry();
    for (HealthReport& report : m_reports) {
        if (report.provider.name == provider) {
            report.status = registry.provider(provider);
            report.breakers = registry.breakers(provider);
            Q_EMIT reportsChanged();
            return;
        }
    }
    // Not in the last check: when its requests fail, check the providers now rather than at the next interval
    // (unless checks run only when asked).
    const ResilienceRegistry::ProviderView status = registry.provider(provider);
    const bool failing =
        status.lastError.has_value() && (!status.lastSuccessAt.isValid() || status.lastErrorAt >= status.lastSuccessAt);
    const QDateTime now = m_clock.nowUtc();
    if (failing && !m_checking && m_intervalSeconds > 0 &&
        (!m_lastTrafficCheckAt.isValid() || m_lastTrafficCheckAt.msecsTo(now) >= 60'000)) {
        m_lastTrafficCheckAt = now;
        checkNow();
    }
}

void HealthMonitor::setIntervalSeconds(int seconds) {
    m_intervalSeconds = std::max(0, seconds);
    if (m_intervalSeconds == 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(m_intervalSeconds * 1000);
}

void HealthMonitor::checkNow() {
    if (m_checking) {
        return;
    }
    auto providers = m_providers();
    if (!providers) {
        log("health")->warn("could not read the providers for a health check: {}", providers.error().toLogString());
        return;
    }
    m_checking = true;
    Q_EMIT checkStarted();
    QPointer<HealthMonitor> self(this);
    m_checker.check(*providers, [self](std::vector<HealthReport> reports) {
        if (!self) {
            return;
        }
        self->m_checking = false;
        self->m_reports = std::move(reports);
        self->m_lastCheckedAt = self->m_clock.nowUtc();
        log("health")->info("health check: {} providers, {} unhealthy", self->m_reports.size(), self->unhealthyCount());
        Q_EMIT self->reportsChanged();
    });
}

int HealthMonitor::unhealthyCount() const {
    int count = 0;
    for (const HealthReport& report : m_reports) {
        count += report.healthy() ? 0 : 1;
    }
    return count;
}

} // namespace Tessera::Core
