// The Usage view's provider health (speed, reliability), budget pace and active alerts.
#include "usage/UsageWindow.h"

#include "admin/AlertsPage.h"
#include "app/CoreServices.h"
#include "style/Theme.h"
#include "style/Tokens.h"
#include "usage/Alerts.h"
#include "usage/UsageCharts.h"
#include "usage/UsageFigures.h"
#include "usage/UsageLedger.h"
#include "usage/UsageTableModels.h"
#include "widgets/Money.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>

#include <cmath>

namespace Tessera::Ui {

void UsageWindow::showAlerts() {
    const bool allowed = Core::AlertService::mayRead(m_actor);
    const std::vector<Core::Alert>& active = m_services.alertMonitor().active();
    if (!allowed || active.empty()) {
        m_alerts->setVisible(false);
        m_alerts->clear();
        return;
    }
    auto rules = m_services.alerts().rules(m_actor);
    const std::vector<Core::AlertRule> known = rules ? *rules : std::vector<Core::AlertRule>{};
    QStringList lines{tr("%n active alert(s):", "", int(active.size()))};
    for (const Core::Alert& alert : active) {
        lines << QStringLiteral("⚠ ") + alertText(alert, known);
    }
    m_alerts->setText(lines.join(QLatin1Char('\n')));
    m_alerts->setAccessibleName(lines.join(QLatin1Char(' ')));
    QPalette palette = m_alerts->palette();
    QColor background = Style::tokens().warning;
    background.setAlphaF(0.18);
    palette.setColor(QPalette::Window, background);
    m_alerts->setPalette(palette);
    m_alerts->setVisible(true);
}

QString UsageWindow::alertsText() const {
    return m_alerts->isVisible() ? m_alerts->text() : QString();
}

void UsageWindow::setSpeedMeasure(SpeedMeasure measure) {
    const int index = m_speedMeasure->findData(int(measure));
    if (index != m_speedMeasure->currentIndex()) {
        m_speedMeasure->setCurrentIndex(index); // comes back here
        return;
    }
    showLines();
}

void UsageWindow::setReliabilityMeasure(ReliabilityMeasure measure) {
    const int index = m_reliabilityMeasure->findData(int(measure));
    if (index != m_reliabilityMeasure->currentIndex()) {
        m_reliabilityMeasure->setCurrentIndex(index);
        return;
    }
    showLines();
}

UsageLines UsageWindow::speedLines() const {
    return UsageFigures::speedLines(m_snapshot.latency, SpeedMeasure(m_speedMeasure->currentData().toInt()));
}

UsageLines UsageWindow::reliabilityLines() const {
    return UsageFigures::reliabilityLines(m_snapshot.reliability,
                                          ReliabilityMeasure(m_reliabilityMeasure->currentData().toInt()));
}

void UsageWindow::showLines() {
    if (m_snapshot.generation == 0) {
        return;
    }
    for (auto [view, model, lines] : {std::tuple{m_speedView, m_speedModel, speedLines()},
                                      std::tuple{m_reliabilityView, m_reliabilityModel, reliabilityLines()}}) {
        model->setLines(lines);
        QChart* old = view->chart();
        view->setChart(usageLineChart(lines));
        delete old;
        wireLines(view, lines);
    }
}

void UsageWindow::wireLines(QChartView* view, const UsageLines& lines) {
    // Hover shows the period's exact value of the nearest point.
    for (QAbstractSeries* each : view->chart()->series()) {
        auto* series = qobject_cast<QLineSeries*>(each);
        const auto found = std::find_if(lines.lines.begin(), lines.lines.end(), [series](const UsageLine& line) {
            return series && line.name == series->name();
        });
        if (found == lines.lines.end()) {
            continue; // the range and the limit tell nothing per period
        }
        const UsageLine line = *found;
        const Core::UsageTimeline periods = lines.periods;
        const UsageUnit unit = lines.unit;
        connect(series, &QLineSeries::hovered, this, [line, periods, unit](const QPointF& point, bool on) {
            const auto bucket = std::size_t(std::max<qint64>(0, std::llround(point.x())));
            if (!on || bucket >= line.values.size() || !line.values[bucket]) {
                QToolTip::hideText();
                return;
            }
            QToolTip::showText(QCursor::pos(), QStringLiteral("%1\n%2: %3")
                                                   .arg(UsageTimelineModel::periodText(periods, bucket), line.name,
                                                        usageAmountText(*line.values[bucket], unit)));
        });
    }
}

void UsageWindow::fillBudgets() {
    // The budgets in scope, keeping the one chosen when it is still there.
    const QString chosen = m_paceBudget->currentData().toString();
    m_filling = true;
    m_paceBudget->clear();
    for (const Core::BudgetPace& pace : m_snapshot.budgets) {
        m_paceBudget->addItem(UsageFigures::budgetName(pace),
                              QString(QString::number(pace.standing.budget.id) + QLatin1Char('/') + pace.standing.who));
    }
    const int index = m_paceBudget->findData(chosen);
    m_paceBudget->setCurrentIndex(index >= 0 ? index : 0);
    m_paceBudget->setVisible(!m_snapshot.budgets.empty());
    m_filling = false;
    showPace();
}

QString UsageWindow::paceSummary() const {
    return m_paceSummary->text();
}

void UsageWindow::setPaceBudget(int index) {
    m_paceBudget->setCurrentIndex(index); // shows it
}

UsageLines UsageWindow::paceLines() const {
    const int index = m_paceBudget->currentIndex();
    if (index < 0 || std::size_t(index) >= m_snapshot.budgets.size()) {
        return {};
    }
    return UsageFigures::paceLines(m_snapshot.budgets[std::size_t(index)], m_services.usage().timeZone());
}

void UsageWindow::showPace() {
    const UsageLines lines = paceLines();
    m_paceModel->setLines(lines);
    QChart* old = m_paceView->chart();
    m_paceView->setChart(usageLineChart(lines));
    delete old;
    wireLines(m_paceView, lines);
    const int index = m_paceBudget->currentIndex();
    if (index < 0 || std::size_t(index) >= m_snapshot.budgets.size()) {
        m_paceSummary->setText(m_actor.may(Core::Permission::QuotasManage)
                                   ? tr("No budget applies here. Set one in Tools ▸ Administration ▸ Budgets.")
                                   : tr("No budget applies here."));
        return;
    }
    m_paceSummary->setText(UsageFigures::paceText(m_snapshot.budgets[std::size_t(index)]));
}

} // namespace Tessera::Ui
