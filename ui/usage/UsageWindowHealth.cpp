// The Usage view's provider health (speed, reliability), budget pace and active alerts.
#include "usage/UsageWindow.h"

#include "admin/AlertsPage.h"
#include "app/CoreServices.h"
#include "style/Theme.h"
#include "style/Tokens.h"
#include "usage/Alerts.h"
#include "usage/UsageCharts.h"
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
    const Core::UsageLatency& latency = m_snapshot.latency;
    UsageLines lines;
    lines.periods.step = latency.step;
    lines.periods.starts = latency.starts;
    lines.periods.end = latency.end;
    lines.unit = UsageUnit::Milliseconds;
    const bool first = SpeedMeasure(m_speedMeasure->currentData().toInt()) == SpeedMeasure::FirstToken;
    for (std::size_t p = 0; p < latency.providers.size(); ++p) {
        const Core::UsageLatencySeries& series = latency.providers[p];
        UsageLine p95{tr("%1 p95").arg(series.provider), int(p), false, false, {}};
        UsageLine p50{tr("%1 p50").arg(series.provider), int(p), true, false, {}};
        for (const Core::UsageLatencyPoint& point : series.buckets) {
            const auto high = first ? point.firstTokenP95 : point.totalP95;
            const auto middle = first ? point.firstTokenP50 : point.totalP50;
            p95.values.push_back(high ? std::optional<double>(double(*high)) : std::nullopt);
            p50.values.push_back(middle ? std::optional<double>(double(*middle)) : std::nullopt);
        }
        lines.lines.push_back(std::move(p95));
        lines.lines.push_back(std::move(p50));
    }
    return lines;
}

UsageLines UsageWindow::reliabilityLines() const {
    const Core::UsageReliability& reliability = m_snapshot.reliability;
    UsageLines lines;
    lines.periods.step = reliability.step;
    lines.periods.starts = reliability.starts;
    lines.periods.end = reliability.end;
    const auto measure = ReliabilityMeasure(m_reliabilityMeasure->currentData().toInt());
    const bool share = measure == ReliabilityMeasure::Failures || measure == ReliabilityMeasure::CacheHits;
    lines.unit = share ? UsageUnit::Share : UsageUnit::Count;
    for (std::size_t p = 0; p < reliability.providers.size(); ++p) {
        const Core::UsageReliabilitySeries& series = reliability.providers[p];
        UsageLine line{series.provider, int(p), false, false, {}};
        for (const Core::UsageTotals& t : series.buckets) {
            if (t.requests == 0) {
                line.values.push_back(std::nullopt); // no requests: nothing to measure
                continue;
            }
            switch (measure) {
            case ReliabilityMeasure::Failures:
                line.values.push_back(double(t.failures) / double(t.requests));
                break;
            case ReliabilityMeasure::Retries:
                line.values.push_back(double(t.retries));
                break;
            case ReliabilityMeasure::Fallbacks:
                line.values.push_back(double(t.fallbacks));
                break;
            case ReliabilityMeasure::CacheHits:
                line.values.push_back(double(t.cacheHits) / double(t.requests));
                break;
            }
        }
        lines.lines.push_back(std::move(line));
    }
    return lines;
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
        const Core::Budget& budget = pace.standing.budget;
        QString window;
        switch (budget.period) {
        case Core::BudgetPeriod::Day:
            window = tr("Daily");
            break;
        case Core::BudgetPeriod::Week:
            window = tr("Weekly");
            break;
        case Core::BudgetPeriod::Month:
            window = tr("Monthly");
            break;
        case Core::BudgetPeriod::Total:
            window = tr("Total");
            break;
        }
        QString name;
        switch (budget.scope) {
        case Core::BudgetScope::User:
            name = tr("%1 budget of %2").arg(window, budget.subjectName);
            break;
        case Core::BudgetScope::Role:
            name = pace.standing.who.isEmpty() ? tr("%1 budget of each member of %2").arg(window, budget.subjectName)
                                               : tr("%1 budget of each member of %2 (closest: %3)")
                                                     .arg(window, budget.subjectName, pace.standing.who);
            break;
        case Core::BudgetScope::Global:
            name = tr("%1 budget for everyone").arg(window);
            break;
        }
        m_paceBudget->addItem(name, QString(QString::number(budget.id) + QLatin1Char('/') + pace.standing.who));
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
    UsageLines lines;
    const int index = m_paceBudget->currentIndex();
    if (index < 0 || std::size_t(index) >= m_snapshot.budgets.size()) {
        return lines;
    }
    const Core::BudgetPace& pace = m_snapshot.budgets[std::size_t(index)];
    const QTimeZone zone = m_services.usage().timeZone();
    lines.periods.step = Core::UsageStep::Day;
    for (const QDate day : pace.days) {
        lines.periods.starts.push_back(day.startOfDay(zone));
    }
    if (!pace.days.empty()) {
        lines.periods.end = pace.days.back().addDays(1).startOfDay(zone);
    }
    lines.unit = pace.money ? UsageUnit::Money : UsageUnit::Count;
    const auto optional = [](const std::vector<std::optional<qint64>>& from) {
        std::vector<std::optional<double>> to;
        for (const std::optional<qint64>& value : from) {
            to.push_back(value ? std::optional<double>(double(*value)) : std::nullopt);
        }
        return to;
    };
    std::vector<std::optional<double>> even;
    for (const qint64 value : pace.evenPace) {
        even.push_back(double(value));
    }
    lines.lines.push_back(UsageLine{tr("Spent"), 0, false, false, optional(pace.spent)});
    lines.lines.push_back(UsageLine{tr("Even pace"), 0, false, true, even});
    lines.lines.push_back(UsageLine{tr("Forecast"), 1, true, false, optional(pace.forecast)});
    lines.lines.push_back(UsageLine{tr("Forecast low"), 1, true, false, optional(pace.forecastLow)});
    lines.lines.push_back(UsageLine{tr("Forecast high"), 1, true, false, optional(pace.forecastHigh)});
    lines.band = std::pair<std::size_t, std::size_t>{3, 4};
    lines.bandName = tr("Forecast range (80 %)");
    lines.limit = double(pace.limit);
    lines.limitName = tr("Limit");
    return lines;
}

QString UsageWindow::paceText(const Core::BudgetPace& pace) const {
    const QLocale locale;
    const auto amount = [&pace, &locale](qint64 value) {
        return pace.money ? moneyText(value) : tr("%1 tokens").arg(locale.toString(value));
    };
    QStringList parts;
    parts << tr("%1 of %2 used (%3).")
                 .arg(amount(pace.used), amount(pace.limit),
                      usageAmountText(pace.limit > 0 ? double(pace.used) / double(pace.limit) : 0.0, UsageUnit::Share));
    if (pace.reached) {
        parts << (pace.limitDay
                      ? tr("The limit was reached on %1.").arg(locale.toString(*pace.limitDay, QLocale::ShortFormat))
                      : tr("The limit is reached."));
        return parts.join(QLatin1Char(' '));
    }
    if (pace.recentDays > 0) {
        parts << tr("Recent rate: %1 a day.").arg(amount(pace.dailyRate));
    }
    if (pace.endForecast) {
        parts << tr("Forecast at the end of the window: %1 (80 % range %2 to %3).")
                     .arg(amount(*pace.endForecast), amount(pace.endLow.value_or(*pace.endForecast)),
                          amount(pace.endHigh.value_or(*pace.endForecast)));
    }
    if (pace.limitDay) {
        parts << tr("At this rate the limit is reached on %1.")
                     .arg(locale.toString(*pace.limitDay, QLocale::ShortFormat));
    } else if (pace.dailyRate > 0 && !pace.days.empty()) {
        parts << tr("At this rate the limit holds until the window ends.");
    }
    return parts.join(QLatin1Char(' '));
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
    m_paceSummary->setText(paceText(m_snapshot.budgets[std::size_t(index)]));
}

} // namespace Tessera::Ui
