#pragma once

#include "common/Actor.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace Tessera::Core {
class CoreServices;
class HealthMonitor;
struct HealthReport;
} // namespace Tessera::Core

namespace Tessera::Ui {

// Provider health at a glance: for every provider its reachability, authentication, models, latency, circuit
// breakers, the rate limits it last reported and its last error; below, the traffic each provider has had
// (requests, failures, retries, tokens, cache hits, latencies) from the metrics. Checks on demand (F5) and
// every few minutes (the interval is a setting); shows the monitor's results as they arrive.
class ProviderHealthDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderHealthDialog)

public:
    ProviderHealthDialog(Core::CoreServices& services, Core::Actor actor, Core::HealthMonitor& monitor,
                         QWidget* parent = nullptr);

    QTreeWidget* healthTable() const { return m_health; }
    QTreeWidget* trafficTable() const { return m_traffic; }

private:
    void showReports();
    void showTraffic();
    void showCheckState();
    void copyMetrics();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Core::HealthMonitor& m_monitor;
    QTreeWidget* m_health;
    QTreeWidget* m_traffic;
    QLabel* m_state;
    QPushButton* m_checkNow;
    QComboBox* m_interval;
    QTimer* m_trafficTimer;
};

// The status-bar summary of the last health check ("All providers healthy", "1 provider unhealthy").
QString healthSummary(const Core::HealthMonitor& monitor);

} // namespace Tessera::Ui
