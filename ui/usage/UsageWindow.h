#pragma once

#include "common/Actor.h"
#include "usage/UsageFigures.h"
#include "usage/UsageLoader.h"
#include "usage/UsageTile.h"

#include <QDate>
#include <QWidget>

class QAbstractItemModel;
class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QStandardItemModel;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;
class ErrorBanner;
class UsageLinesModel;
class UsageShareModel;
class UsageTimelineModel;
struct UsageLines;

// View ▸ Usage: what the AI has cost and used, over a period, by model, provider, person, role and feature. Tiles
// with the change against the period before, cost and tokens over time, the largest people and models, each
// provider's speed and reliability; every chart
// has a table for the keyboard and screen readers. Clicking a bar or a legend entry narrows the view. The queries
// run on a worker thread (UsageLoader); the view refreshes itself when new answers come in. Members see their own
// usage only: core refuses any other.
class UsageWindow final : public QWidget {
    Q_OBJECT

public:
    enum class Period { Today, SevenDays, ThirtyDays, ThisMonth, LastMonth, ThisYear, Custom };

    UsageWindow(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);
    ~UsageWindow() override;

    // The period's days for a choice, counted back from today in the usage time zone.
    static std::pair<QDate, QDate> periodDays(Period period, QDate today);

    void setPeriod(Period period);
    void setCustomPeriod(QDate from, QDate to);
    void setSplit(Core::UsageDimension split);
    // Narrows the view to one model, provider, person, role or feature (an empty key clears that filter).
    void filterBy(Core::UsageDimension dimension, const QString& key);
    // A bar of the cost or tokens chart opened: a day into its hours, a week into its days, a month into its days.
    void drillInto(std::size_t bucket);
    void refresh();

    UsageRequest request() const { return m_request; }
    const UsageSnapshot& snapshot() const { return m_snapshot; }
    bool isLoading() const;
    UsageTimelineModel* costModel() const { return m_costModel; }
    UsageTimelineModel* tokensModel() const { return m_tokensModel; }
    UsageShareModel* topUsersModel() const { return m_usersModel; }
    UsageShareModel* topModelsModel() const { return m_modelsModel; }
    UsageLinesModel* speedModel() const { return m_speedModel; }
    UsageLinesModel* reliabilityModel() const { return m_reliabilityModel; }
    using SpeedMeasure = UsageFigures::SpeedMeasure;
    void setSpeedMeasure(SpeedMeasure measure);
    using ReliabilityMeasure = UsageFigures::ReliabilityMeasure;
    void setReliabilityMeasure(ReliabilityMeasure measure);
    UsageLinesModel* paceModel() const { return m_paceModel; }
    // Shows the pace of the budget at this place in the budget box (the snapshot's order).
    void setPaceBudget(int index);
    QString paceSummary() const;
    // The active alerts as the strip under the filters shows them ("" when it is hidden).
    QString alertsText() const;
    QChartView* costChart() const { return m_costView; }
    // The charts, by index: 0 cost, 1 tokens, 2 people, 3 models, 4 speed, 5 reliability, 6 budget pace.
    static constexpr int chartCount = 7;
    // Shows a chart's table instead of the chart.
    void showTable(int chart, bool table);
    QTableView* table(int chart) const;
    QComboBox* periodBox() const { return m_period; }
    QComboBox* userBox() const { return m_user; }
    QComboBox* modelBox() const { return m_model; }
    UsageTile* tile(int index) const;
    // The quality of answers: how it is grouped, and its table.
    QComboBox* qualityBox() const { return m_qualityBy; }
    QTableView* qualityTable() const { return m_qualityTable; }
    QChartView* qualityChart() const { return m_qualityView; }
    // Saves a chart's table as CSV, or the chart as PNG or SVG; a failure
    // is reported through Dialogs. Returns whether the file was written.
    enum class ExportFormat { Csv, Png, Svg };
    bool exportChart(int chart, ExportFormat format, const QString& path);
    // Saves the whole dashboard as shown (period, filters, split) as a PDF report; a failure is reported through
    // Dialogs. Returns whether the file was written.
    bool exportReport(const QString& path);

Q_SIGNALS:
    // A snapshot arrived and is shown (or its error).
    void refreshed();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildFilters();
    QWidget* card(int index, const QString& title, QChartView*& view, QAbstractItemModel* model,
                  QWidget* extra = nullptr);
    // Asks where to save a chart in a format, then saves it.
    void askExport(int chart, ExportFormat format);
    // Asks where to save the PDF report (Ctrl+P), then saves it.
    void askReport();
    // Who and what the view covers, in words, for the report.
    QString scopeWords() const;
    void readFilters();
    void scheduleRefresh(int delayMs);
    void present(const UsageSnapshot& snapshot);
    void showCharts();
    void fillChoices(const Core::UsageChoices& choices);
    QString seriesName(const Core::UsageSeries& series, bool tokens) const;
    // The speed and reliability charts' lines from the snapshot, as their measure boxes choose.
    UsageLines speedLines() const;
    UsageLines reliabilityLines() const;
    void showLines(); // fills the speed and reliability charts and tables
    void fillBudgets();
    void showAlerts();
    UsageLines paceLines() const;
    void showPace();
    void wireLines(QChartView* view, const UsageLines& lines);
    // The quality of answers (UsageWindowQuality.cpp).
    QWidget* buildQuality(QWidget* parent);
    void showQuality();

    Core::CoreServices& m_services;
    Core::Actor m_actor;
    Dialogs& m_dialogs;
    QString m_titles[chartCount];
    UsageLoader* m_loader = nullptr;
    UsageRequest m_request;
    UsageSnapshot m_snapshot;
    bool m_filling = false; // the filter boxes are being filled, not changed by a person

    QComboBox* m_period = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_user = nullptr;
    QComboBox* m_role = nullptr;
    QComboBox* m_provider = nullptr;
    QComboBox* m_model = nullptr;
    QComboBox* m_feature = nullptr;
    QComboBox* m_split = nullptr;
    QComboBox* m_speedMeasure = nullptr;
    QComboBox* m_reliabilityMeasure = nullptr;
    QComboBox* m_paceBudget = nullptr;
    QLabel* m_paceSummary = nullptr;
    QComboBox* m_qualityBy = nullptr;
    QTableView* m_qualityTable = nullptr;
    QStandardItemModel* m_qualityModel = nullptr;
    QLabel* m_qualityEmpty = nullptr;
    QChartView* m_qualityView = nullptr;
    QStackedWidget* m_qualityStack = nullptr;
    QToolButton* m_qualityToggle = nullptr;
    QLabel* m_alerts = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    ErrorBanner* m_error = nullptr;
    std::vector<UsageTile*> m_tiles;
    UsageTimelineModel* m_costModel = nullptr;
    UsageTimelineModel* m_tokensModel = nullptr;
    UsageShareModel* m_usersModel = nullptr;
    UsageShareModel* m_modelsModel = nullptr;
    UsageLinesModel* m_speedModel = nullptr;
    UsageLinesModel* m_reliabilityModel = nullptr;
    UsageLinesModel* m_paceModel = nullptr;
    QChartView* m_costView = nullptr;
    QChartView* m_tokensView = nullptr;
    QChartView* m_usersView = nullptr;
    QChartView* m_modelsView = nullptr;
    QChartView* m_speedView = nullptr;
    QChartView* m_reliabilityView = nullptr;
    QChartView* m_paceView = nullptr;
    QTableView* m_tables[chartCount] = {};
    QToolButton* m_toggles[chartCount] = {};
    QTimer* m_refreshTimer = nullptr;
    QTimer* m_progressTimer = nullptr;
};

} // namespace Tessera::Ui
