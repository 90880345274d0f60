#include "health/ProviderHealthDialog.h"

#include "style/Icons.h"

#include "app/CoreServices.h"
#include "observability/HealthMonitor.h"
#include "observability/Metrics.h"
#include "providers/ProviderService.h"
#include "settings/UiSettings.h"
#include "widgets/ErrorText.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

using Core::BreakerState;

QString breakerText(BreakerState state, qint64 remainingMs) {
    switch (state) {
    case BreakerState::Closed:
        return ProviderHealthDialog::tr("closed (normal)");
    case BreakerState::Open:
        return ProviderHealthDialog::tr("open: paused, tried again in %1 s").arg((remainingMs + 999) / 1000);
    case BreakerState::HalfOpen:
        return ProviderHealthDialog::tr("half-open: trying again");
    case BreakerState::ForcedOpen:
        return ProviderHealthDialog::tr("stopped by an administrator");
    case BreakerState::Disabled:
        return ProviderHealthDialog::tr("off");
    }
    return {};
}

QString rateLimitText(const Core::ProviderRateLimits& limits) {
    if (limits.isEmpty()) {
        return ProviderHealthDialog::tr("none reported");
    }
    const QLocale locale;
    const auto number = [&](const std::optional<qint64>& value) {
        return value ? locale.toString(*value) : QStringLiteral("?");
    };
    QStringList parts;
    if (limits.limitRequests || limits.remainingRequests) {
        parts << ProviderHealthDialog::tr("requests %1 of %2 left")
                     .arg(number(limits.remainingRequests), number(limits.limitRequests));
    }
    if (limits.limitTokens || limits.remainingTokens) {
        parts << ProviderHealthDialog::tr("tokens %1 of %2 left")
                     .arg(number(limits.remainingTokens), number(limits.limitTokens));
    }
    return parts.join(QStringLiteral("; "));
}

QString seconds(double sum, double count) {
    if (count <= 0) {
        return QStringLiteral("–");
    }
    return ProviderHealthDialog::tr("%1 s").arg(QLocale().toString(sum / count, 'f', 2));
}

enum HealthColumn { Name, Status, Latency, Models, Breaker, RateLimits, LastError, HealthColumns };
enum TrafficColumn {
    TrafficName,
    Requests,
    Failures,
    Retries,
    Fallbacks,
    TokensIn,
    TokensOut,
    CacheHits,
    AvgLatency,
    AvgFirstToken,
    TrafficColumns
};

} // namespace

QString healthSummary(const Core::HealthMonitor& monitor) {
    if (monitor.isChecking() && monitor.reports().empty()) {
        return ProviderHealthDialog::tr("Checking providers…");
    }
    if (!monitor.lastCheckedAt().isValid()) {
        return ProviderHealthDialog::tr("Provider health not checked yet");
    }
    if (monitor.reports().empty()) {
        return ProviderHealthDialog::tr("No enabled providers");
    }
    const int unhealthy = monitor.unhealthyCount();
    if (unhealthy == 0) {
        return ProviderHealthDialog::tr("All providers healthy");
    }
    return ProviderHealthDialog::tr("%n provider(s) unhealthy", nullptr, unhealthy);
}

ProviderHealthDialog::ProviderHealthDialog(Core::CoreServices& services, Core::Actor actor,
                                           Core::HealthMonitor& monitor, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_monitor(monitor)
    , m_health(new QTreeWidget(this))
    , m_traffic(new QTreeWidget(this))
    , m_state(new QLabel(this))
    , m_checkNow(new QPushButton(tr("&Check Now"), this))
    , m_interval(new QComboBox(this))
    , m_trafficTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("providerHealthDialog"));
    setWindowTitle(tr("Provider Health"));
    resize(980, 520);

    m_health->setObjectName(QStringLiteral("healthTable"));
    m_health->setAccessibleName(tr("Provider health"));
    m_health->setRootIsDecorated(false);
    m_health->setUniformRowHeights(false);
    m_health->setWordWrap(true);
    m_health->setHeaderLabels({tr("Provider"), tr("Status"), tr("Latency"), tr("Models"), tr("Circuit breaker"),
                               tr("Rate limits (reported)"), tr("Last error")});
    m_traffic->setObjectName(QStringLiteral("trafficTable"));
    m_traffic->setAccessibleName(tr("Traffic per provider"));
    m_traffic->setRootIsDecorated(false);
    m_traffic->setHeaderLabels({tr("Provider"), tr("Requests"), tr("Failures"), tr("Retries"), tr("Fallbacks"),
                                tr("Tokens in"), tr("Tokens out"), tr("Cache hits"), tr("Avg. latency"),
                                tr("Avg. first token")});
    for (QTreeWidget* table : {m_health, m_traffic}) {
        table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        table->header()->setStretchLastSection(true);
        table->setAlternatingRowColors(true);
    }
    m_state->setObjectName(QStringLiteral("healthState"));
    m_state->setTextFormat(Qt::PlainText);
    m_checkNow->setObjectName(QStringLiteral("checkNow"));
    m_checkNow->setToolTip(tr("Check every enabled provider now (F5)"));
    m_interval->setObjectName(QStringLiteral("healthInterval"));
    m_interval->setAccessibleName(tr("Check automatically"));
    m_interval->addItem(tr("Never"), 0);
    for (int minutes : {1, 5, 15, 60}) {
        m_interval->addItem(tr("Every %n minute(s)", nullptr, minutes), minutes);
    }
    m_interval->setCurrentIndex(std::max(0, m_interval->findData(monitor.intervalSeconds() / 60)));

    auto* top = new QHBoxLayout;
    top->addWidget(m_state, 1);
    auto* intervalLabel = new QLabel(tr("Check &automatically:"), this);
    intervalLabel->setBuddy(m_interval);
    top->addWidget(intervalLabel);
    top->addWidget(m_interval);
    top->addWidget(m_checkNow);

    auto* trafficLabel = new QLabel(tr("&Traffic (all sessions, from the metrics):"), this);
    trafficLabel->setBuddy(m_traffic);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy &Metrics"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyMetrics"));
    copy->setToolTip(tr("Copy every metric in Prometheus text format"));
    connect(copy, &QPushButton::clicked, this, &ProviderHealthDialog::copyMetrics);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_health, 3);
    layout->addWidget(trafficLabel);
    layout->addWidget(m_traffic, 2);
    layout->addWidget(buttons);

    connect(m_checkNow, &QPushButton::clicked, &m_monitor, &Core::HealthMonitor::checkNow);
    auto* refresh = new QShortcut(QKeySequence::Refresh, this);
    connect(refresh, &QShortcut::activated, &m_monitor, &Core::HealthMonitor::checkNow);
    connect(m_interval, &QComboBox::currentIndexChanged, this, [this] {
        const int minutes = m_interval->currentData().toInt();
        m_monitor.setIntervalSeconds(minutes * 60);
        UiSettings settings = UiSettings::load();
        settings.healthCheckMinutes = minutes;
        settings.save();
    });
    connect(&m_monitor, &Core::HealthMonitor::checkStarted, this, &ProviderHealthDialog::showCheckState);
    connect(&m_monitor, &Core::HealthMonitor::reportsChanged, this, [this] {
        showReports();
        showTraffic();
    });
    // Traffic grows while the dialog is open; the counters are cheap to read.
    m_trafficTimer->setInterval(2000);
    connect(m_trafficTimer, &QTimer::timeout, this, &ProviderHealthDialog::showTraffic);
    m_trafficTimer->start();

    showReports();
    showTraffic();
    if (!m_monitor.lastCheckedAt().isValid()) {
        m_monitor.checkNow();
    }
}

void ProviderHealthDialog::showCheckState() {
    QString text;
    if (m_monitor.isChecking()) {
        text = tr("Checking every enabled provider…");
    } else if (m_monitor.lastCheckedAt().isValid()) {
        text = tr("%1 · last checked %2")
                   .arg(healthSummary(m_monitor),
                        QLocale().toString(m_monitor.lastCheckedAt().toLocalTime().time(), QLocale::ShortFormat));
    } else {
        text = healthSummary(m_monitor);
    }
    m_state->setText(text);
    m_checkNow->setEnabled(!m_monitor.isChecking());
}

void ProviderHealthDialog::showReports() {
    showCheckState();
    m_health->clear();
    const QIcon good = Style::icon(Style::Icon::CircleCheck, Style::Tone::Success);
    const QIcon bad = Style::icon(Style::Icon::TriangleAlert, Style::Tone::Warning);
    auto providers = m_services.providers().list(m_actor);
    if (!providers) {
        m_state->setText(describeError(providers.error()));
        return;
    }
    for (const Core::ProviderConfig& provider : *providers) {
        auto* item = new QTreeWidgetItem(m_health);
        item->setText(Name, provider.name);
        item->setToolTip(Name, provider.baseUrl);
        if (!provider.enabled) {
            item->setText(Status, tr("Disabled"));
            continue;
        }
        const Core::HealthReport* report = nullptr;
        for (const Core::HealthReport& candidate : m_monitor.reports()) {
            if (candidate.provider.id == provider.id) {
                report = &candidate;
            }
        }
        if (!report) {
            item->setText(Status, m_monitor.isChecking() ? tr("Checking…") : tr("Not checked"));
            continue;
        }
        const bool healthy = report->healthy();
        item->setIcon(Status, healthy ? good : bad);
        QString status = healthy ? tr("Healthy") : tr("Unhealthy");
        if (!report->probe.reachable) {
            status += QStringLiteral(" — ") + tr("not reachable");
        } else if (!report->probe.authenticated) {
            status += QStringLiteral(" — ") + tr("key rejected");
        }
        item->setText(Status, status);
        item->setText(Latency, report->probe.reachable ? tr("%1 ms").arg(report->probe.latencyMs) : QString());
        item->setText(Models, QLocale().toString(report->probe.models.size()));
        QStringList breakers;
        if (report->breakers.empty()) {
            breakers << (provider.resilience.breaker.forcedOpen ? breakerText(BreakerState::ForcedOpen, 0)
                                                                : tr("no requests yet"));
        }
        for (const auto& breaker : report->breakers) {
            breakers << QStringLiteral("%1: %2").arg(breaker.model,
                                                     breakerText(breaker.state, breaker.remainingOpenMs));
        }
        item->setText(Breaker, breakers.join(QLatin1Char('\n')));
        item->setText(RateLimits, rateLimitText(report->status.rateLimits));
        if (report->status.lastError) {
            const Core::Error& error = *report->status.lastError;
            const QString when =
                QLocale().toString(report->status.lastErrorAt.toLocalTime().time(), QLocale::ShortFormat);
            item->setText(LastError, QStringLiteral("%1 [%2]").arg(when, Core::codeName(error.code)));
            item->setToolTip(LastError, describeError(error));
        } else {
            item->setText(LastError, tr("none"));
        }
    }
}

void ProviderHealthDialog::showTraffic() {
    using namespace Core;
    const Metrics& metrics = m_services.metrics();
    auto providers = m_services.providers().list(m_actor);
    if (!providers) {
        return;
    }
    const QLocale locale;
    const QString provider = QStringLiteral("provider");
    m_traffic->clear();
    for (const ProviderConfig& config : *providers) {
        const auto total = [&](const QString& name) {
            return metrics.totalWhere(name, provider, config.name);
        };
        auto* item = new QTreeWidgetItem(m_traffic);
        item->setText(TrafficName, config.name);
        const std::pair<TrafficColumn, const QString*> counters[] = {
            {Requests, &MetricNames::requests},    {Failures, &MetricNames::failures},
            {Retries, &MetricNames::retries},      {Fallbacks, &MetricNames::fallbacks},
            {TokensIn, &MetricNames::inputTokens}, {TokensOut, &MetricNames::outputTokens},
            {CacheHits, &MetricNames::cacheHits},
        };
        for (const auto& [column, name] : counters) {
            item->setText(column, locale.toString(qint64(total(*name))));
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        }
        item->setText(AvgLatency, seconds(total(MetricNames::latency + QStringLiteral("_sum")),
                                          total(MetricNames::latency + QStringLiteral("_count"))));
        item->setText(AvgFirstToken, seconds(total(MetricNames::ttft + QStringLiteral("_sum")),
                                             total(MetricNames::ttft + QStringLiteral("_count"))));
    }
}

void ProviderHealthDialog::copyMetrics() {
    QApplication::clipboard()->setText(m_services.metrics().prometheusText());
    m_state->setText(tr("The metrics were copied to the clipboard."));
}

} // namespace Tessera::Ui
