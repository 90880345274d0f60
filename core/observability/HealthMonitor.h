#pragma once

#include "observability/HealthChecker.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

namespace Tessera::Core {

// Keeps the providers' health fresh for the GUI: checks every enabled provider on demand and every interval,
// remembers the last reports and says when they change. One check runs at a time; a request to check while
// one runs is answered by that check. Between checks the reports follow real traffic at once: a breaker that
// opens or closes, a request that fails or succeeds, updates the report (and a failure of a provider no check
// has seen yet starts one, at most once a minute, unless checks run only when asked).
class HealthMonitor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthMonitor)

public:
    using ProviderSource = std::function<Result<std::vector<ProviderConfig>>()>;

    HealthMonitor(HealthChecker& checker, ProviderSource providers, const Clock& clock, QObject* parent = nullptr);

    // 0 stops the periodic checks.
    void setIntervalSeconds(int seconds);
    int intervalSeconds() const { return m_intervalSeconds; }
    void checkNow();

    bool isChecking() const { return m_checking; }
    const std::vector<HealthReport>& reports() const { return m_reports; }
    QDateTime lastCheckedAt() const { return m_lastCheckedAt; }
    // Enabled providers found unhealthy by the last check.
    int unhealthyCount() const;

Q_SIGNALS:
    void checkStarted();
    void reportsChanged();

private:
    void handleTraffic(const QString& provider);

    HealthChecker& m_checker;
    ProviderSource m_providers;
    const Clock& m_clock;
    QTimer m_timer;
    int m_intervalSeconds = 0;
    bool m_checking = false;
    std::vector<HealthReport> m_reports;
    QDateTime m_lastCheckedAt;
    QDateTime m_lastTrafficCheckAt; // the last check a failure in traffic started
};

} // namespace Tessera::Core
