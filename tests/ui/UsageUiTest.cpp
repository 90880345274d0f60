// View ▸ Usage: the tiles, charts and tables over generated usage; every chart's table matches what core says;
// filters, legend entries and bars narrow the view; a member sees only themselves; new answers refresh the view;
// the item models pass QAbstractItemModelTester.
#include "accounts/AccountService.h"
#include "admin/AdministrationWindow.h"
#include "admin/AlertsPage.h"
#include "common/Csv.h"
#include "common/Statistics.h"
#include "usage/Alerts.h"
#include "usage/Pricing.h"
#include "usage/UsageCharts.h"
#include "usage/UsageDashboard.h"
#include "usage/UsageFigures.h"
#include "usage/UsageGenerator.h"
#include "usage/UsageLedger.h"
#include "usage/UsageTableModels.h"
#include "usage/UsageWindow.h"
#include "widgets/Money.h"

#include "UiFixture.h"
#include "chat/ChatService.h"
#include "prompts/Feedback.h"
#include "support/PdfText.h"
#include "support/TestHelpers.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenuBar>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Tessera;
using Tessera::Testing::child;
using Tessera::Testing::waitUntil;

namespace {

class UsageUiTest : public Testing::MainWindowTest {
protected:
    void generate(int days = 60) {
        Core::UsageGeneration options;
        options.days = days;
        auto made = services->usageGenerator().generate(owner, options);
        ASSERT_TRUE(made) << made.error().toLogString().toStdString();
        ASSERT_GT(made->entries, 0);
    }

    static bool loaded(Ui::UsageWindow& window, quint64 after = 0) {
        return waitUntil([&] { return !window.isLoading() && window.snapshot().generation > after; }, 20'000);
    }

    static qint64 columnSum(QAbstractItemModel* model, int column) {
        qint64 sum = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            sum += model->index(row, column).data(Qt::UserRole).toLongLong();
        }
        return sum;
    }

    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Test);
};

} // namespace

TEST_F(UsageUiTest, TheViewShowsTheTilesAndEveryChartWithATableThatMatchesIt) {
    generate();
    Ui::UsageWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_TRUE(loaded(window));
    const Ui::UsageSnapshot& s = window.snapshot();
    ASSERT_FALSE(s.error);
    EXPECT_EQ(window.request().filter.to.daysTo(window.request().filter.from), -29) << "the last 30 days";
    EXPECT_EQ(window.tile(0)->valueText(), s.summary.current.unpriced > 0
                                               ? QStringLiteral("≥ ") + Ui::moneyText(s.summary.current.costMicros)
                                               : Ui::moneyText(s.summary.current.costMicros));
    EXPECT_EQ(window.tile(2)->valueText(), QLocale().toString(s.summary.current.requests));
    EXPECT_FALSE(window.tile(0)->changeText().isEmpty());

    // Each table is the chart's numbers: a row per day, the total column sums to the tile.
    QAbstractItemModelTester costTester(window.costModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester tokensTester(window.tokensModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester usersTester(window.topUsersModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester modelsTester(window.topModelsModel(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(window.costModel()->rowCount(), 30);
    const int total = window.costModel()->columnCount() - 1;
    EXPECT_EQ(columnSum(window.costModel(), total), s.summary.current.costMicros);
    EXPECT_EQ(window.costModel()->headerData(total, Qt::Horizontal).toString(), QStringLiteral("Total"));
    EXPECT_EQ(columnSum(window.tokensModel(), window.tokensModel()->columnCount() - 1), s.summary.current.tokens());
    ASSERT_EQ(window.topUsersModel()->rowCount(), 10) << "the top ten of twelve people";
    EXPECT_LT(columnSum(window.topUsersModel(), Ui::UsageShareModel::Requests), s.summary.current.requests);
    EXPECT_EQ(window.topUsersModel()->index(0, Ui::UsageShareModel::Cost).data(Qt::UserRole).toLongLong(),
              s.topUsers.front().totals.costMicros);
    EXPECT_EQ(window.topModelsModel()->index(0, Ui::UsageShareModel::Name).data().toString(),
              s.topModels.front().label);

    // The chart itself: one stack per series, as many bars as days.
    auto* bars = Ui::usageBarSeries(window.costChart()->chart());
    ASSERT_NE(bars, nullptr);
    EXPECT_EQ(bars->barSets().size(), qsizetype(s.cost.series.size()));
    EXPECT_EQ(bars->barSets().front()->count(), 30);

    // The keyboard reaches every table.
    for (int chart = 0; chart < Ui::UsageWindow::chartCount; ++chart) {
        window.showTable(chart, true);
        EXPECT_TRUE(window.table(chart)->isVisible()) << chart;
        EXPECT_EQ(window.table(chart)->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
        EXPECT_FALSE(window.table(chart)->accessibleName().isEmpty());
    }
    window.showTable(0, false);
    EXPECT_TRUE(window.costChart()->isVisible());
}

TEST_F(UsageUiTest, FiltersLegendEntriesAndBarsNarrowTheView) {
    generate();
    Ui::UsageWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_TRUE(loaded(window));

    // A model chosen (as a click on its legend entry does): every series is that model.
    quint64 before = window.snapshot().generation;
    window.filterBy(Core::UsageDimension::Model, QStringLiteral("o3"));
    EXPECT_EQ(window.modelBox()->currentData().toString(), QStringLiteral("o3"));
    ASSERT_TRUE(loaded(window, before));
    EXPECT_EQ(window.request().filter.model, QStringLiteral("o3"));
    ASSERT_EQ(window.snapshot().cost.series.size(), 1u);
    EXPECT_EQ(window.snapshot().cost.series.front().key, QStringLiteral("o3"));
    window.filterBy(Core::UsageDimension::Model, {});
    EXPECT_TRUE(window.request().filter.model.isEmpty());

    // A day's bar opens the day by the hour.
    before = window.snapshot().generation;
    ASSERT_TRUE(loaded(window, before));
    const QDate day = window.snapshot().cost.starts[10].date();
    before = window.snapshot().generation;
    window.drillInto(10);
    ASSERT_TRUE(loaded(window, before));
    EXPECT_EQ(window.request().filter.from, day);
    EXPECT_EQ(window.request().filter.to, day);
    EXPECT_EQ(window.snapshot().cost.step, Core::UsageStep::Hour);
    EXPECT_GE(window.costModel()->rowCount(), 23);
    EXPECT_EQ(window.periodBox()->currentData().toInt(), int(Ui::UsageWindow::Period::Custom));

    // This year: by week; a week's bar opens its days.
    before = window.snapshot().generation;
    window.setPeriod(Ui::UsageWindow::Period::ThisYear);
    ASSERT_TRUE(loaded(window, before));
    const auto& year = window.snapshot().cost;
    if (year.step == Core::UsageStep::Week && year.starts.size() > 3) {
        before = window.snapshot().generation;
        window.drillInto(2);
        ASSERT_TRUE(loaded(window, before));
        EXPECT_EQ(window.request().filter.from.daysTo(window.request().filter.to), 6) << "a whole week";
        EXPECT_EQ(window.snapshot().cost.step, Core::UsageStep::Day);
    }

    // A person chosen: the tiles are theirs.
    auto amara = services->accounts().user(owner, QStringLiteral("amara"));
    ASSERT_TRUE(amara);
    window.setPeriod(Ui::UsageWindow::Period::ThirtyDays);
    before = window.snapshot().generation;
    window.filterBy(Core::UsageDimension::User, QString::number(amara->account.id));
    ASSERT_TRUE(loaded(window, before));
    EXPECT_EQ(window.request().filter.accountId, amara->account.id);
    ASSERT_EQ(window.topUsersModel()->rowCount(), 1);
    EXPECT_EQ(window.topUsersModel()->index(0, 0).data().toString(), QStringLiteral("amara"));
}

TEST_F(UsageUiTest, AMemberSeesOnlyTheirOwnUsage) {
    generate();
    auto amara = services->accounts().user(owner, QStringLiteral("amara"));
    ASSERT_TRUE(amara);
    const Core::Actor member = Core::Actor::withRole(amara->account.id, QStringLiteral("amara"),
                                                     Core::BuiltInRole::Member, Core::ClientKind::Test);
    Ui::UsageWindow window(*services, member, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_TRUE(loaded(window));
    ASSERT_FALSE(window.snapshot().error);
    EXPECT_FALSE(window.userBox()->isVisible()) << "no one else to choose";
    ASSERT_EQ(window.topUsersModel()->rowCount(), 1);
    EXPECT_EQ(window.topUsersModel()->index(0, 0).data().toString(), QStringLiteral("amara"));
    Core::UsageFilter own = window.request().filter;
    own.accountId = amara->account.id;
    auto summary = services->dashboards().summary(owner, own);
    ASSERT_TRUE(summary);
    EXPECT_EQ(window.snapshot().summary.current, summary->current);
    // Filtering by someone else is refused by core, also when asked directly.
    window.filterBy(Core::UsageDimension::User, QStringLiteral("1"));
    EXPECT_FALSE(window.request().filter.accountId.has_value() && *window.request().filter.accountId == 1);
    Core::UsageFilter other = own;
    other.accountId = 1;
    auto refused = services->dashboards().summary(member, other);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Core::ErrorCode::AuthForbidden);
}

TEST_F(UsageUiTest, NewAnswersRefreshTheViewAndTheMenuOpensOneWindow) {
    addLoopbackProvider();
    Ui::MainWindow main(*services, dialogs);
    main.show();
    QAction* action = nullptr;
    for (QAction* menu : main.menuBar()->actions()) {
        for (QAction* item : menu->menu() ? menu->menu()->actions() : QList<QAction*>{}) {
            if (item->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)) {
                action = item;
            }
        }
    }
    ASSERT_NE(action, nullptr) << "View ▸ Usage with Ctrl+Shift+U";
    action->trigger();
    auto* window = qobject_cast<Ui::UsageWindow*>(main.openUsage());
    ASSERT_NE(window, nullptr);
    EXPECT_EQ(main.openUsage(), window) << "asking again raises the same window";
    ASSERT_TRUE(loaded(*window));
    const qint64 requests = window->snapshot().summary.current.requests;
    const quint64 before = window->snapshot().generation;
    ASSERT_TRUE(services->chat().send(owner, QStringLiteral("count me"), {}));
    ASSERT_TRUE(loaded(*window, before));
    EXPECT_GE(window->snapshot().summary.current.requests, requests + 1);
    window->close();
}

TEST_F(UsageUiTest, TheQualityOfAnswersIsShownByModelProviderAndTemplateVersion) {
    addLoopbackProvider();
    std::vector<Core::TurnOutcome> outcomes;
    QObject::connect(&services->chat(), &Core::ChatService::turnFinished,
                     [&outcomes](const Core::TurnOutcome& outcome) { outcomes.push_back(outcome); });
    Core::SendOptions fromTemplate;
    fromTemplate.templateUse = Core::TemplateUse{1, QStringLiteral("Mail"), 2, {}};
    for (int i = 0; i < 4; ++i) {
        ASSERT_TRUE(services->chat().send(owner, QStringLiteral("question %1").arg(i),
                                          i < 2 ? fromTemplate : Core::SendOptions{}));
        ASSERT_TRUE(waitUntil([&] { return int(outcomes.size()) == i + 1; }));
    }
    ASSERT_TRUE(services->feedback().set(owner, outcomes[0].message.id, true, {}, {}));
    ASSERT_TRUE(services->feedback().set(owner, outcomes[1].message.id, false, {QStringLiteral("too long")}, {}));
    ASSERT_TRUE(services->feedback().set(owner, outcomes[2].message.id, true, {}, {}));

    Ui::UsageWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_TRUE(loaded(window));
    QAbstractItemModel* table = window.qualityTable()->model();
    ASSERT_EQ(table->rowCount(), 1);
    EXPECT_EQ(table->index(0, 0).data().toString(), QStringLiteral("gpt-test"));
    EXPECT_EQ(table->index(0, 1).data().toString(), QStringLiteral("4"));
    EXPECT_EQ(table->index(0, 2).data().toString(), QStringLiteral("3 (75 %)"));
    EXPECT_EQ(table->index(0, 3).data().toString(), QStringLiteral("67 %"));
    EXPECT_TRUE(table->index(0, 5).data().toString().contains(QStringLiteral("too long (1)")));
    // The chart: a line across the interval and a dot at the share rated good, named with its share and ratings.
    QChart* chart = window.qualityChart()->chart();
    ASSERT_NE(chart, nullptr);
    EXPECT_FALSE(window.qualityChart()->isHidden());
    std::vector<QXYSeries*> lines;
    QScatterSeries* dots = nullptr;
    for (QAbstractSeries* series : chart->series()) {
        if (auto* scatter = qobject_cast<QScatterSeries*>(series)) {
            dots = scatter;
        } else if (auto* line = qobject_cast<QLineSeries*>(series)) {
            lines.push_back(line);
        }
    }
    ASSERT_NE(dots, nullptr);
    ASSERT_EQ(dots->count(), 1);
    EXPECT_NEAR(dots->at(0).x(), 2.0 / 3.0, 1e-9);
    ASSERT_EQ(lines.size(), 1u);
    const Core::Interval wilson = Core::wilsonInterval(2, 3);
    EXPECT_NEAR(lines[0]->at(0).x(), wilson.low, 1e-9);
    EXPECT_NEAR(lines[0]->at(1).x(), wilson.high, 1e-9);
    QStringList names;
    for (QAbstractAxis* axis : chart->axes(Qt::Vertical)) {
        if (auto* categories = qobject_cast<QCategoryAxis*>(axis)) {
            names << categories->categoriesLabels();
        }
    }
    ASSERT_EQ(names.size(), 1);
    EXPECT_TRUE(names.front().startsWith(QStringLiteral("gpt-test · 67"))) << names.front().toStdString();
    EXPECT_TRUE(names.front().endsWith(QStringLiteral("of 3 rated"))) << names.front().toStdString();

    quint64 before = window.snapshot().generation;
    window.qualityBox()->setCurrentIndex(window.qualityBox()->findData(int(Core::FeedbackGrouping::Template)));
    ASSERT_TRUE(loaded(window, before));
    table = window.qualityTable()->model();
    ASSERT_EQ(table->rowCount(), 1) << "two questions came from version 2 of Mail";
    EXPECT_EQ(table->index(0, 0).data().toString(), QStringLiteral("Mail, version 2"));
    EXPECT_EQ(table->index(0, 3).data().toString(), QStringLiteral("50 %"));

    // The report has the same, as a chart and a table.
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("usage.pdf"));
    ASSERT_TRUE(window.exportReport(path));
    const QString text = Testing::pdfPages(path).join(QLatin1Char('\n')).simplified();
    EXPECT_TRUE(text.contains(QStringLiteral("Quality of answers by template version"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Mail, version 2")));
    EXPECT_TRUE(text.contains(QStringLiteral("2 (100 %)"))) << "both answers from version 2 were rated";
    EXPECT_TRUE(text.contains(QStringLiteral("too long (1)")));

    // A period without answers.
    before = window.snapshot().generation;
    window.setCustomPeriod(QDate(2020, 1, 1), QDate(2020, 1, 31));
    ASSERT_TRUE(loaded(window, before));
    EXPECT_FALSE(window.qualityChart()->isVisible());
    EXPECT_FALSE(window.qualityTable()->isVisible());
}

TEST(UsageChartsTest, ScalesAreRoundAndReachTheTop) {
    EXPECT_EQ(Ui::usageScale(0), (std::vector<double>{0, 1}));
    EXPECT_EQ(Ui::usageScale(9.3), (std::vector<double>{0, 5, 10}));
    EXPECT_EQ(Ui::usageScale(32.5), (std::vector<double>{0, 10, 20, 30, 40}));
    EXPECT_EQ(Ui::usageScale(1'400'000), (std::vector<double>{0, 500'000, 1'000'000, 1'500'000}));
    EXPECT_NE(Ui::usageSeriesColour(0, false), Ui::usageSeriesColour(1, false));
    EXPECT_NE(Ui::usageSeriesColour(0, true), Ui::usageSeriesColour(0, false));
}

TEST_F(UsageUiTest, EveryChartExportsItsTableAsCsvAndItselfAsPngAndSvg) {
    generate(40);
    Ui::UsageWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.resize(1200, 1200);
    window.show();
    ASSERT_TRUE(loaded(window));
    QTemporaryDir out;
    const Ui::UsageSnapshot& s = window.snapshot();

    // The cost table read back: a row per day, the total column adds up to the tile's cost exactly.
    const QString costPath = out.filePath(QStringLiteral("cost.csv"));
    ASSERT_TRUE(window.exportChart(0, Ui::UsageWindow::ExportFormat::Csv, costPath));
    QFile cost(costPath);
    ASSERT_TRUE(cost.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(cost.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 31) << "the header and 30 days";
    EXPECT_TRUE(lines.first().startsWith(QStringLiteral("period_start,")));
    EXPECT_TRUE(lines.first().endsWith(QStringLiteral(",total")));
    qint64 total = 0;
    for (int i = 1; i < lines.size(); ++i) {
        const auto micros = Core::parseUsdAmount(lines[i].section(QLatin1Char(','), -1));
        ASSERT_TRUE(micros) << lines[i].toStdString();
        total += *micros;
    }
    EXPECT_EQ(total, s.summary.current.costMicros);
    EXPECT_TRUE(QDateTime::fromString(lines[1].section(QLatin1Char(','), 0, 0), Qt::ISODate).isValid());

    // The top models: one row each.
    const QString modelsPath = out.filePath(QStringLiteral("models.csv"));
    ASSERT_TRUE(window.exportChart(3, Ui::UsageWindow::ExportFormat::Csv, modelsPath));
    QFile models(modelsPath);
    ASSERT_TRUE(models.open(QIODevice::ReadOnly));
    const QStringList modelLines =
        QString::fromUtf8(models.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(modelLines.size(), qsizetype(s.topModels.size()) + 1);
    EXPECT_TRUE(modelLines[1].startsWith(s.topModels.front().label + QLatin1Char(',')));

    // Pictures: a PNG that loads, an SVG drawing.
    const QString png = out.filePath(QStringLiteral("tokens.png"));
    ASSERT_TRUE(window.exportChart(1, Ui::UsageWindow::ExportFormat::Png, png));
    EXPECT_FALSE(QImage(png).isNull());
    const QString svg = out.filePath(QStringLiteral("people.svg"));
    ASSERT_TRUE(window.exportChart(2, Ui::UsageWindow::ExportFormat::Svg, svg));
    QFile svgFile(svg);
    ASSERT_TRUE(svgFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(svgFile.readAll().contains("<svg"));

    // Where it cannot be written: a clear error, nothing else.
    EXPECT_FALSE(window.exportChart(0, Ui::UsageWindow::ExportFormat::Csv,
                                    out.filePath(QStringLiteral("missing/folder/cost.csv"))));
    ASSERT_EQ(dialogs.errors.size(), 1);
    EXPECT_TRUE(dialogs.errors.first().contains(QStringLiteral("could not be written")));
}

TEST_F(UsageUiTest, TheDashboardIsSavedAsAPdfReportWithItsTilesChartsAndTopTables) {
    generate(40);
    Ui::UsageWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_TRUE(loaded(window));
    window.filterBy(Core::UsageDimension::Provider, QStringLiteral("openai"));
    ASSERT_TRUE(loaded(window, window.snapshot().generation));
    const Ui::UsageSnapshot& s = window.snapshot();
    ASSERT_FALSE(s.error);
    ASSERT_FALSE(s.topModels.empty());
    QTemporaryDir out;

    // Through the button: the file dialog suggests a name with the period, and the report is written there.
    const QString path = out.filePath(QStringLiteral("usage.pdf"));
    dialogs.nextSavePath = path;
    auto* button = child<QToolButton>(&window, "usageReport");
    ASSERT_NE(button, nullptr);
    button->click();
    EXPECT_TRUE(dialogs.lastSuggestedName.startsWith(QStringLiteral("tessera-usage-report_") +
                                                     window.request().filter.from.toString(Qt::ISODate)));
    const QStringList pages = Testing::pdfPages(path);
    ASSERT_GE(pages.size(), 3);
    const QString text = pages.join(QLatin1Char('\n')).simplified(); // words a line apart read as one
    EXPECT_TRUE(pages.first().contains(QStringLiteral("Usage report")));
    EXPECT_TRUE(pages.first().contains(QStringLiteral("Provider: openai"))) << "the filters in words";
    EXPECT_TRUE(text.contains(window.tile(0)->valueText())) << "the cost tile";
    EXPECT_TRUE(text.contains(window.tile(2)->valueText())) << "the requests tile";
    EXPECT_TRUE(text.contains(s.topModels.front().label));
    EXPECT_TRUE(text.contains(Ui::moneyText(s.topModels.front().totals.costMicros))) << "the top models' table";
    if (!s.topUsers.empty()) {
        EXPECT_TRUE(text.contains(s.topUsers.front().label));
    }
    for (const Core::BudgetPace& pace : s.budgets) {
        EXPECT_TRUE(text.contains(Ui::UsageFigures::budgetName(pace).left(20))) << "each budget's pace";
    }

    // Where it cannot be written: a clear error and no file.
    EXPECT_FALSE(window.exportReport(out.filePath(QStringLiteral("missing/folder/usage.pdf"))));
    ASSERT_EQ(dialogs.errors.size(), 1);
    EXPECT_TRUE(dialogs.errors.first().contains(QStringLiteral("could not be written")));
}

TEST_F(UsageUiTest, SpeedAndReliabilityShowEachProvidersLinesWithTablesThatMatchThem) {
    generate(40);
    Ui::UsageWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_TRUE(loaded(window));
    const Ui::UsageSnapshot& s = window.snapshot();
    QAbstractItemModelTester speedTester(window.speedModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester reliabilityTester(window.reliabilityModel(),
                                               QAbstractItemModelTester::FailureReportingMode::Fatal);

    // Speed: a p95 and a p50 column per provider, a row per day, each cell the core's figure.
    ASSERT_FALSE(s.latency.providers.empty());
    QAbstractItemModel* speed = window.speedModel();
    ASSERT_EQ(speed->rowCount(), 30);
    ASSERT_EQ(speed->columnCount(), 1 + 2 * int(s.latency.providers.size()));
    const Core::UsageLatencySeries& busiest = s.latency.providers.front();
    EXPECT_EQ(speed->headerData(1, Qt::Horizontal).toString(), busiest.provider + QStringLiteral(" p95"));
    EXPECT_EQ(speed->headerData(2, Qt::Horizontal).toString(), busiest.provider + QStringLiteral(" p50"));
    int measured = 0;
    for (int row = 0; row < 30; ++row) {
        const auto p95 = busiest.buckets[std::size_t(row)].firstTokenP95;
        const QVariant cell = speed->index(row, 1).data(Qt::UserRole);
        ASSERT_EQ(cell.isValid(), p95.has_value()) << row;
        if (p95) {
            EXPECT_EQ(cell.toLongLong(), *p95);
            ++measured;
        } else {
            EXPECT_EQ(speed->index(row, 1).data().toString(), QStringLiteral("–"));
        }
    }
    EXPECT_GT(measured, 15);
    window.setSpeedMeasure(Ui::UsageWindow::SpeedMeasure::Total);
    for (int row = 0; row < 30; ++row) {
        const auto p50 = busiest.buckets[std::size_t(row)].totalP50;
        if (p50) {
            EXPECT_EQ(speed->index(row, 2).data(Qt::UserRole).toLongLong(), *p50);
        }
    }

    // Reliability: a column per provider; the failure rate, then retries as counts.
    QAbstractItemModel* reliability = window.reliabilityModel();
    ASSERT_EQ(reliability->columnCount(), 1 + int(s.reliability.providers.size()));
    qint64 failures = 0;
    qint64 requests = 0;
    for (const Core::UsageReliabilitySeries& series : s.reliability.providers) {
        failures += series.total.failures;
        requests += series.total.requests;
    }
    EXPECT_EQ(failures, s.summary.current.failures);
    EXPECT_EQ(requests, s.summary.current.requests);
    const Core::UsageReliabilitySeries& first = s.reliability.providers.front();
    for (int row = 0; row < 30; ++row) {
        const Core::UsageTotals& t = first.buckets[std::size_t(row)];
        const QVariant cell = reliability->index(row, 1).data(Qt::UserRole);
        ASSERT_EQ(cell.isValid(), t.requests > 0);
        if (t.requests > 0) {
            EXPECT_DOUBLE_EQ(cell.toDouble(), double(t.failures) / double(t.requests));
        }
    }
    window.setReliabilityMeasure(Ui::UsageWindow::ReliabilityMeasure::Retries);
    qint64 retries = 0;
    for (int row = 0; row < 30; ++row) {
        retries += reliability->index(row, 1).data(Qt::UserRole).toLongLong();
    }
    EXPECT_EQ(retries, first.total.retries);
    // The chart has a line per column.
    EXPECT_EQ(window.table(5)->model(), reliability);

    // The speed table as CSV: empty where nothing was measured, milliseconds otherwise.
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("speed.csv"));
    ASSERT_TRUE(window.exportChart(4, Ui::UsageWindow::ExportFormat::Csv, path));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QStringList rows = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(rows.size(), 31);
    EXPECT_EQ(rows.first().section(QLatin1Char(','), 1, 1), busiest.provider + QStringLiteral(" p95"));
    for (int row = 0; row < 30; ++row) {
        const auto p95 = busiest.buckets[std::size_t(row)].totalP95;
        EXPECT_EQ(rows[row + 1].section(QLatin1Char(','), 1, 1), p95 ? QString::number(*p95) : QString());
    }
}

TEST_F(UsageUiTest, BudgetPaceShowsEachBudgetInScopeWithItsForecast) {
    generate(40); // with a monthly budget about to run out
    Ui::UsageWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_TRUE(loaded(window));
    const Ui::UsageSnapshot& s = window.snapshot();
    ASSERT_FALSE(s.budgets.empty());
    QAbstractItemModelTester tester(window.paceModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (int index = 0; index < int(s.budgets.size()); ++index) {
        window.setPaceBudget(index);
        const Core::BudgetPace& pace = s.budgets[std::size_t(index)];
        QAbstractItemModel* table = window.paceModel();
        ASSERT_EQ(table->rowCount(), int(pace.days.size()));
        ASSERT_EQ(table->columnCount(), 6) << "period, spent, even pace, forecast and its range";
        EXPECT_EQ(table->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Spent"));
        if (!pace.days.empty()) {
            EXPECT_EQ(table->index(table->rowCount() - 1, 2).data(Qt::UserRole).toLongLong(), pace.limit)
                << "the even pace ends at the limit";
            if (pace.endForecast) {
                EXPECT_EQ(table->index(table->rowCount() - 1, 3).data(Qt::UserRole).toLongLong(), *pace.endForecast);
            }
        }
        const QString summary = window.paceSummary();
        EXPECT_TRUE(summary.contains(pace.money ? Ui::moneyText(pace.limit) : QLocale().toString(pace.limit)))
            << summary.toStdString();
        if (pace.limitDay) {
            EXPECT_TRUE(summary.contains(QLocale().toString(*pace.limitDay, QLocale::ShortFormat)))
                << summary.toStdString();
        }
    }
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("pace.csv"));
    ASSERT_TRUE(window.exportChart(6, Ui::UsageWindow::ExportFormat::Csv, path));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.readLine().startsWith("period_start,Spent,Even pace,Forecast,"));

    // A member sees only the budgets that apply to them (amara has the one about to run out).
    auto amara = services->accounts().user(owner, QStringLiteral("amara"));
    ASSERT_TRUE(amara);
    const Core::Actor member = Core::Actor::withRole(amara->account.id, QStringLiteral("amara"),
                                                     Core::BuiltInRole::Member, Core::ClientKind::Test);
    const auto account = &amara->account;
    Ui::UsageWindow own(*services, member, dialogs);
    own.setAttribute(Qt::WA_DeleteOnClose, false);
    own.show();
    ASSERT_TRUE(loaded(own));
    ASSERT_FALSE(own.snapshot().budgets.empty());
    for (const Core::BudgetPace& pace : own.snapshot().budgets) {
        const Core::Budget& budget = pace.standing.budget;
        EXPECT_TRUE(budget.scope == Core::BudgetScope::Global ||
                    (budget.scope == Core::BudgetScope::User && budget.subjectId == account->id) ||
                    (budget.scope == Core::BudgetScope::Role && budget.subjectId == account->roleId))
            << budget.describe().toStdString();
    }
}

TEST_F(UsageUiTest, AlertRulesAreSetInTheAdministrationAndActiveAlertsShowInTheUsageViewAndStatusBar) {
    addLoopbackProvider();
    Ui::MainWindow main(*services, dialogs);
    main.show();
    auto* button = main.findChild<QToolButton*>(QStringLiteral("alertsButton"));
    ASSERT_NE(button, nullptr) << "the owner may see alerts";
    EXPECT_FALSE(button->isVisible()) << "none active";

    // The rule dialog shows the fields of the kind chosen and checks them.
    Ui::AlertRuleDialog dialog({QStringLiteral("loopback")});
    dialog.show();
    dialog.kind()->setCurrentIndex(dialog.kind()->findData(int(Core::AlertKind::Spend)));
    EXPECT_TRUE(dialog.dollars()->isVisible());
    EXPECT_FALSE(dialog.minutes()->isVisible());
    dialog.dollars()->setText(QStringLiteral("lots"));
    QString problem;
    EXPECT_FALSE(dialog.rule(&problem));
    EXPECT_FALSE(problem.isEmpty());
    dialog.kind()->setCurrentIndex(dialog.kind()->findData(int(Core::AlertKind::Latency)));
    EXPECT_FALSE(dialog.dollars()->isVisible());
    EXPECT_TRUE(dialog.minutes()->isVisible());
    EXPECT_TRUE(dialog.latency()->isVisible());
    EXPECT_TRUE(dialog.provider()->isVisible());
    dialog.kind()->setCurrentIndex(dialog.kind()->findData(int(Core::AlertKind::Spend)));
    dialog.dollars()->setText(QStringLiteral("0.01"));
    dialog.window()->setCurrentIndex(dialog.window()->findData(QString()));
    EXPECT_TRUE(dialog.hours()->isVisible()) << "the last hours";
    dialog.hours()->setValue(72);
    const auto rule = dialog.rule(&problem);
    ASSERT_TRUE(rule) << problem.toStdString();
    EXPECT_EQ(rule->spendWindow, QStringLiteral("72h"));

    Ui::AdministrationWindow admin(*services, owner, dialogs);
    Ui::AlertsPage* page = admin.alertsPage();
    ASSERT_NE(page, nullptr);
    ASSERT_TRUE(page->saveRule(*rule));
    ASSERT_EQ(page->rules()->rowCount(), 1);
    const QString ruleText = QStringLiteral("Spend in the last 72 hours above ") + Ui::moneyText(10'000);
    EXPECT_EQ(page->rules()->item(0, 0)->text(), ruleText);
    Core::AlertRule broken;
    broken.kind = Core::AlertKind::FailureRate;
    EXPECT_FALSE(page->saveRule(broken));
    EXPECT_FALSE(dialogs.errors.isEmpty()) << "core's refusal is shown";

    // The last days cost more than that: after the next answer the alert is raised, shown in the page, the status
    // bar and the Usage view.
    generate(5);
    ASSERT_TRUE(services->chat().send(owner, QStringLiteral("spend a little"), {}));
    ASSERT_TRUE(waitUntil([&] { return !services->alertMonitor().active().empty(); }, 10'000))
        << "evaluated after the answer";
    EXPECT_TRUE(button->isVisible());
    EXPECT_EQ(button->text(), QStringLiteral("⚠ 1 alert"));
    ASSERT_TRUE(waitUntil([&] { return page->alerts()->rowCount() == 1; }, 5000));
    EXPECT_EQ(page->alerts()->item(0, 0)->text(), QStringLiteral("Active"));
    auto* window = qobject_cast<Ui::UsageWindow*>(main.openUsage());
    ASSERT_NE(window, nullptr);
    EXPECT_TRUE(window->alertsText().startsWith(QStringLiteral("1 active alert:")))
        << window->alertsText().toStdString();
    EXPECT_TRUE(window->alertsText().contains(ruleText));

    // Removing the rule resolves it everywhere; the history keeps it.
    dialogs.nextConfirm = true;
    ASSERT_TRUE(page->removeRule(0));
    EXPECT_TRUE(services->alertMonitor().active().empty());
    EXPECT_FALSE(button->isVisible());
    EXPECT_TRUE(window->alertsText().isEmpty());
    page->showResolved()->setChecked(true);
    ASSERT_EQ(page->alerts()->rowCount(), 1);
    EXPECT_TRUE(page->alerts()->item(0, 0)->text().startsWith(QStringLiteral("Resolved")));
    window->close();

    // A member has no alerts page and no alerts in their views.
    const Core::Actor member =
        Core::Actor::withRole(1, QStringLiteral("owner"), Core::BuiltInRole::Member, Core::ClientKind::Test);
    Ui::AdministrationWindow memberAdmin(*services, member, dialogs);
    EXPECT_EQ(memberAdmin.alertsPage(), nullptr);
}

TEST(UsageCsvTest, CellsAreQuotedAndNeverFormulas) {
    EXPECT_EQ(Core::csvLine({QStringLiteral("a,b"), QStringLiteral("=1+1"), QStringLiteral("say \"hi\""),
                             QStringLiteral("plain")}),
              QStringLiteral("\"a,b\",'=1+1,\"say \"\"hi\"\"\",plain\r\n"));
}
