#include "usage/UsageWindow.h"

#include "app/CoreServices.h"
#include "chat/ChatService.h"
#include "common/Clock.h"
#include "style/Theme.h"
#include "usage/Alerts.h"
#include "usage/UsageCharts.h"
#include "usage/UsageLedger.h"
#include "usage/UsageTableModels.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorBanner.h"
#include "widgets/Money.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

constexpr int chartHeight = 280;

} // namespace

UsageWindow::UsageWindow(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs) {
    setObjectName(QStringLiteral("usageWindow"));
    setWindowTitle(tr("Usage"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1100, 860);
    m_loader = new UsageLoader(services.dashboards(), services.budgetPace(), &services.feedback(), this);
    connect(m_loader, &UsageLoader::loaded, this, &UsageWindow::present);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(buildFilters());
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(3);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Reading usage"));
    m_progress->setVisible(false);
    outer->addWidget(m_progress);
    m_error = new ErrorBanner(this);
    outer->addWidget(m_error);
    // The active alerts, for those who may see them; they follow the monitor's evaluations.
    m_alerts = new QLabel(this);
    m_alerts->setObjectName(QStringLiteral("usageAlerts"));
    m_alerts->setWordWrap(true);
    m_alerts->setTextFormat(Qt::PlainText);
    m_alerts->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_alerts->setFocusPolicy(Qt::TabFocus);
    m_alerts->setContentsMargins(Style::Space::three, Style::Space::one, Style::Space::three, Style::Space::one);
    m_alerts->setAutoFillBackground(true);
    m_alerts->setVisible(false);
    outer->addWidget(m_alerts);
    if (Core::AlertService::mayRead(m_actor)) {
        connect(&m_services.alertMonitor(), &Core::AlertMonitor::changed, this, &UsageWindow::showAlerts);
    }

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the charts fit the width
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(Style::Space::three, Style::Space::two, Style::Space::three, Style::Space::three);
    layout->setSpacing(Style::Space::two);

    auto* tiles = new QHBoxLayout;
    tiles->setSpacing(Style::Space::two);
    for (const UsageFigures::Tile& figure : UsageFigures::tiles({})) {
        auto* tile = new UsageTile(figure.name, content);
        m_tiles.push_back(tile);
        tiles->addWidget(tile, 1);
    }
    layout->addLayout(tiles);

    m_split = new QComboBox(content);
    m_split->setAccessibleName(tr("Split cost by"));
    for (const Core::UsageDimension split :
         {Core::UsageDimension::Model, Core::UsageDimension::Provider, Core::UsageDimension::User,
          Core::UsageDimension::Role, Core::UsageDimension::Feature}) {
        const bool everyone = split == Core::UsageDimension::User || split == Core::UsageDimension::Role;
        if (!everyone || m_actor.may(Core::Permission::UsageViewAll)) {
            m_split->addItem(UsageFigures::splitName(split), int(split));
        }
    }
    connect(m_split, &QComboBox::currentIndexChanged, this,
            [this] { setSplit(Core::UsageDimension(m_split->currentData().toInt())); });

    m_costModel = new UsageTimelineModel(UsageUnit::Money, this);
    m_tokensModel = new UsageTimelineModel(UsageUnit::Count, this);
    m_usersModel = new UsageShareModel(this);
    m_modelsModel = new UsageShareModel(this);
    layout->addWidget(card(0, tr("Cost over time"), m_costView, m_costModel, m_split));
    layout->addWidget(card(1, tr("Tokens over time"), m_tokensView, m_tokensModel));
    auto* tops = new QHBoxLayout;
    tops->setSpacing(Style::Space::two);
    tops->addWidget(
        card(2, m_actor.may(Core::Permission::UsageViewAll) ? tr("Top people") : tr("You"), m_usersView, m_usersModel),
        1);
    tops->addWidget(card(3, tr("Top models"), m_modelsView, m_modelsModel), 1);
    layout->addLayout(tops);

    m_speedMeasure = new QComboBox(content);
    m_speedMeasure->setAccessibleName(tr("Speed measure"));
    m_speedMeasure->addItem(tr("time to first token"), int(SpeedMeasure::FirstToken));
    m_speedMeasure->addItem(tr("total time"), int(SpeedMeasure::Total));
    connect(m_speedMeasure, &QComboBox::currentIndexChanged, this,
            [this] { setSpeedMeasure(SpeedMeasure(m_speedMeasure->currentData().toInt())); });
    m_reliabilityMeasure = new QComboBox(content);
    m_reliabilityMeasure->setAccessibleName(tr("Reliability measure"));
    m_reliabilityMeasure->addItem(tr("failed requests"), int(ReliabilityMeasure::Failures));
    m_reliabilityMeasure->addItem(tr("retries"), int(ReliabilityMeasure::Retries));
    m_reliabilityMeasure->addItem(tr("fallbacks"), int(ReliabilityMeasure::Fallbacks));
    m_reliabilityMeasure->addItem(tr("cache hit rate"), int(ReliabilityMeasure::CacheHits));
    connect(m_reliabilityMeasure, &QComboBox::currentIndexChanged, this,
            [this] { setReliabilityMeasure(ReliabilityMeasure(m_reliabilityMeasure->currentData().toInt())); });
    m_speedModel = new UsageLinesModel(this);
    m_reliabilityModel = new UsageLinesModel(this);
    layout->addWidget(card(4, tr("Speed by provider"), m_speedView, m_speedModel, m_speedMeasure));
    layout->addWidget(
        card(5, tr("Reliability by provider"), m_reliabilityView, m_reliabilityModel, m_reliabilityMeasure));

    m_paceBudget = new QComboBox(content);
    m_paceBudget->setAccessibleName(tr("Budget"));
    m_paceBudget->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_paceBudget, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            showPace();
        }
    });
    m_paceModel = new UsageLinesModel(this);
    QWidget* paceCard = card(6, tr("Budget pace"), m_paceView, m_paceModel, m_paceBudget);
    m_paceSummary = new QLabel(paceCard);
    m_paceSummary->setWordWrap(true);
    m_paceSummary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_paceSummary->setFocusPolicy(Qt::TabFocus); // read out by screen readers, reached with Tab
    static_cast<QVBoxLayout*>(paceCard->layout())->insertWidget(1, m_paceSummary);
    layout->insertWidget(2, paceCard); // after the cost: will the money last?
    layout->addWidget(buildQuality(content));
    layout->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    m_status = new QLabel(this);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setContentsMargins(Style::Space::three, Style::Space::half, Style::Space::three, Style::Space::half);
    outer->addWidget(m_status);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    connect(m_refreshTimer, &QTimer::timeout, this, &UsageWindow::refresh);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setSingleShot(true);
    m_progressTimer->setInterval(150);
    connect(m_progressTimer, &QTimer::timeout, this, [this] { m_progress->setVisible(isLoading()); });
    // New answers are new usage: the view follows them, at most every two seconds.
    connect(&m_services.chat(), &Core::ChatService::turnFinished, this, [this] { scheduleRefresh(2000); });
    auto* reload = new QShortcut(QKeySequence::Refresh, this);
    connect(reload, &QShortcut::activated, this, &UsageWindow::refresh);
    auto* close = new QShortcut(QKeySequence::Close, this);
    connect(close, &QShortcut::activated, this, &QWidget::close);

    m_request.split = Core::UsageDimension::Model;
    setPeriod(Period::ThirtyDays);
    showAlerts();
}

UsageWindow::~UsageWindow() = default;

QWidget* UsageWindow::buildFilters() {
    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("usageFilters"));
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(Style::Space::three, Style::Space::two, Style::Space::three, Style::Space::one);
    row->setSpacing(Style::Space::one);
    auto labelled = [&](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, bar);
        label->setBuddy(field);
        row->addWidget(label);
        row->addWidget(field);
    };
    m_period = new QComboBox(bar);
    m_period->addItem(tr("Today"), int(Period::Today));
    m_period->addItem(tr("Last 7 days"), int(Period::SevenDays));
    m_period->addItem(tr("Last 30 days"), int(Period::ThirtyDays));
    m_period->addItem(tr("This month"), int(Period::ThisMonth));
    m_period->addItem(tr("Last month"), int(Period::LastMonth));
    m_period->addItem(tr("This year"), int(Period::ThisYear));
    m_period->addItem(tr("Custom"), int(Period::Custom));
    labelled(tr("&Period:"), m_period);
    m_from = new QDateEdit(bar);
    m_to = new QDateEdit(bar);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    row->addWidget(m_from);
    auto* dash = new QLabel(QStringLiteral("–"), bar);
    row->addWidget(dash);
    row->addWidget(m_to);
    row->addSpacing(Style::Space::two);
    const bool everyone = m_actor.may(Core::Permission::UsageViewAll);
    m_user = new QComboBox(bar);
    m_role = new QComboBox(bar);
    if (everyone) {
        labelled(tr("P&erson:"), m_user);
        labelled(tr("&Role:"), m_role);
    } else {
        m_user->hide(); // one's own usage only
        m_role->hide();
    }
    m_provider = new QComboBox(bar);
    m_model = new QComboBox(bar);
    m_feature = new QComboBox(bar);
    labelled(tr("Pro&vider:"), m_provider);
    labelled(tr("&Model:"), m_model);
    labelled(tr("&Feature:"), m_feature);
    for (QComboBox* box : {m_user, m_role, m_provider, m_model, m_feature}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->addItem(tr("All"));
    }
    row->addStretch(1);
    auto* report = new QToolButton(bar);
    report->setObjectName(QStringLiteral("usageReport"));
    report->setText(tr("PDF Repor&t…"));
    report->setToolTip(tr("Save the whole dashboard for this period as a PDF report (%1)")
                           .arg(QKeySequence(QKeySequence::Print).toString(QKeySequence::NativeText)));
    report->setAccessibleName(tr("Save the dashboard as a PDF report"));
    connect(report, &QToolButton::clicked, this, &UsageWindow::askReport);
    row->addWidget(report);
    auto* print = new QShortcut(QKeySequence::Print, this);
    connect(print, &QShortcut::activated, this, &UsageWindow::askReport);

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            setPeriod(Period(m_period->currentData().toInt()));
        }
    });
    for (QDateEdit* edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_filling) {
                return;
            }
            m_filling = true;
            m_period->setCurrentIndex(m_period->findData(int(Period::Custom)));
            m_filling = false;
            readFilters();
            scheduleRefresh(250);
        });
    }
    for (QComboBox* box : {m_user, m_role, m_provider, m_model, m_feature}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling) {
                readFilters();
                scheduleRefresh(0);
            }
        });
    }
    return bar;
}

QWidget* UsageWindow::card(int index, const QString& title, QChartView*& view, QAbstractItemModel* model,
                           QWidget* extra) {
    m_titles[index] = title;
    QTableView*& table = m_tables[index];
    QToolButton*& toggle = m_toggles[index];
    auto* frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("usageCard"));
    frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(Style::Space::two, Style::Space::one, Style::Space::two, Style::Space::two);
    auto* header = new QHBoxLayout;
    auto* name = new QLabel(title, frame);
    QFont font = name->font();
    font.setPointSizeF(font.pointSizeF() * Style::Type::subtitle);
    font.setWeight(QFont::DemiBold);
    name->setFont(font);
    header->addWidget(name);
    if (extra) {
        header->addWidget(extra);
    }
    header->addStretch(1);
    toggle = new QToolButton(frame);
    toggle->setText(tr("Table"));
    toggle->setCheckable(true);
    toggle->setToolTip(tr("Show the numbers as a table"));
    toggle->setAccessibleName(tr("Show %1 as a table").arg(title));
    header->addWidget(toggle);
    auto* exporter = new QToolButton(frame);
    exporter->setText(tr("Export"));
    exporter->setAccessibleName(tr("Export %1").arg(title));
    exporter->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(exporter);
    menu->addAction(tr("Table as &CSV…"), this, [this, index] { askExport(index, ExportFormat::Csv); });
    menu->addAction(tr("Chart as &PNG…"), this, [this, index] { askExport(index, ExportFormat::Png); });
    menu->addAction(tr("Chart as &SVG…"), this, [this, index] { askExport(index, ExportFormat::Svg); });
    exporter->setMenu(menu);
    header->addWidget(exporter);
    layout->addLayout(header);
    auto* stack = new QStackedWidget(frame);
    view = new QChartView(stack);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(chartHeight);
    view->setAccessibleName(title);
    view->setFocusPolicy(Qt::NoFocus); // the table is the keyboard's way in
    table = new QTableView(stack);
    table->setModel(model);
    table->setAccessibleName(title);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setMinimumHeight(chartHeight);
    stack->addWidget(view);
    stack->addWidget(table);
    layout->addWidget(stack);
    connect(toggle, &QToolButton::toggled, stack, [stack, table](bool on) {
        stack->setCurrentIndex(on ? 1 : 0);
        if (on) {
            table->setFocus();
        }
    });
    return frame;
}

std::pair<QDate, QDate> UsageWindow::periodDays(Period period, QDate today) {
    switch (period) {
    case Period::Today:
        return {today, today};
    case Period::SevenDays:
        return {today.addDays(-6), today};
    case Period::ThirtyDays:
    case Period::Custom:
        return {today.addDays(-29), today};
    case Period::ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    case Period::LastMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        return {first, first.addMonths(1).addDays(-1)};
    }
    case Period::ThisYear:
        return {QDate(today.year(), 1, 1), today};
    }
    return {today, today};
}

void UsageWindow::setPeriod(Period period) {
    const QDate today = QDate::fromString(m_services.usage().dayOf(m_services.clock().nowUtc()), Qt::ISODate);
    auto [from, to] = periodDays(period, today);
    if (period == Period::Custom && m_request.filter.from.isValid()) {
        from = m_request.filter.from;
        to = m_request.filter.to;
    }
    m_filling = true;
    m_period->setCurrentIndex(m_period->findData(int(period)));
    m_from->setDate(from);
    m_to->setDate(to);
    m_filling = false;
    readFilters();
    scheduleRefresh(0);
}

void UsageWindow::setCustomPeriod(QDate from, QDate to) {
    m_filling = true;
    m_period->setCurrentIndex(m_period->findData(int(Period::Custom)));
    m_from->setDate(from);
    m_to->setDate(to);
    m_filling = false;
    readFilters();
    scheduleRefresh(0);
}

void UsageWindow::setSplit(Core::UsageDimension split) {
    m_request.split = split;
    const int index = m_split->findData(int(split));
    if (index >= 0 && index != m_split->currentIndex()) {
        m_split->setCurrentIndex(index);
    }
    scheduleRefresh(0);
}

void UsageWindow::filterBy(Core::UsageDimension dimension, const QString& key) {
    QComboBox* box = nullptr;
    switch (dimension) {
    case Core::UsageDimension::Model:
        box = m_model;
        break;
    case Core::UsageDimension::Provider:
        box = m_provider;
        break;
    case Core::UsageDimension::User:
        box = m_user;
        break;
    case Core::UsageDimension::Role:
        box = m_role;
        break;
    case Core::UsageDimension::Feature:
        box = m_feature;
        break;
    }
    if (!box || box->isHidden()) {
        return;
    }
    const bool byId = dimension == Core::UsageDimension::User || dimension == Core::UsageDimension::Role;
    const int index = key.isEmpty() ? 0 : box->findData(byId ? QVariant(key.toLongLong()) : QVariant(key));
    if (index < 0) {
        return;
    }
    box->setCurrentIndex(index); // reads the filters and refreshes
}

void UsageWindow::drillInto(std::size_t bucket) {
    const Core::UsageTimeline& timeline = m_snapshot.cost;
    if (bucket >= timeline.starts.size() || timeline.step == Core::UsageStep::Hour) {
        return;
    }
    const QDate from = std::max(timeline.starts[bucket].date(), m_request.filter.from);
    QDate to =
        bucket + 1 < timeline.starts.size() ? timeline.starts[bucket + 1].date().addDays(-1) : m_request.filter.to;
    if (timeline.step == Core::UsageStep::Day) {
        to = from;
    }
    setCustomPeriod(from, to);
}

void UsageWindow::readFilters() {
    Core::UsageFilter filter;
    filter.from = m_from->date();
    filter.to = m_to->date();
    if (filter.from > filter.to) {
        std::swap(filter.from, filter.to);
    }
    auto id = [](QComboBox* box) -> std::optional<qint64> {
        const QVariant value = box->currentData();
        return value.isValid() ? std::optional<qint64>(value.toLongLong()) : std::nullopt;
    };
    if (!m_user->isHidden()) {
        filter.accountId = id(m_user);
        filter.roleId = id(m_role);
    }
    filter.provider = m_provider->currentData().toString();
    filter.model = m_model->currentData().toString();
    filter.feature = m_feature->currentData().toString();
    m_request.filter = filter;
}

void UsageWindow::scheduleRefresh(int delayMs) {
    m_refreshTimer->start(delayMs);
}

bool UsageWindow::isLoading() const {
    return m_loader->isLoading() || m_refreshTimer->isActive();
}

void UsageWindow::refresh() {
    m_refreshTimer->stop();
    m_loader->load(m_actor, m_request);
    m_progressTimer->start();
}

void UsageWindow::fillChoices(const Core::UsageChoices& choices) {
    m_filling = true;
    auto fill = [](QComboBox* box, const std::vector<std::pair<QVariant, QString>>& items) {
        const QVariant current = box->currentData();
        box->clear();
        box->addItem(UsageWindow::tr("All"));
        for (const auto& [value, text] : items) {
            box->addItem(text, value);
        }
        const int index = current.isValid() ? box->findData(current) : 0;
        box->setCurrentIndex(std::max(index, 0));
    };
    std::vector<std::pair<QVariant, QString>> items;
    for (const auto& [id, name] : choices.users) {
        items.emplace_back(id, name);
    }
    fill(m_user, items);
    items.clear();
    for (const auto& [id, name] : choices.roles) {
        items.emplace_back(id, name);
    }
    fill(m_role, items);
    for (auto [box, list] : {std::pair{m_provider, &choices.providers}, std::pair{m_model, &choices.models},
                             std::pair{m_feature, &choices.features}}) {
        items.clear();
        for (const QString& value : *list) {
            items.emplace_back(value, box == m_feature && value == QLatin1StringView("chat")    ? tr("Chat")
                                      : box == m_feature && value == QLatin1StringView("title") ? tr("Titles")
                                                                                                : value);
        }
        fill(box, items);
    }
    m_filling = false;
}

QString UsageWindow::seriesName(const Core::UsageSeries& series, bool tokens) const {
    return UsageFigures::seriesName(series, tokens, m_request.split);
}

void UsageWindow::present(const UsageSnapshot& snapshot) {
    m_progressTimer->stop();
    m_progress->setVisible(false);
    if (snapshot.error) {
        m_error->showError(*snapshot.error, [this] { refresh(); });
        m_status->clear();
        Q_EMIT refreshed();
        return;
    }
    m_error->hide();
    m_snapshot = snapshot;
    fillChoices(snapshot.choices);
    const QLocale locale;
    const QString against = UsageFigures::comparison(m_request.filter.from, m_request.filter.to);
    const std::vector<UsageFigures::Tile> figures = UsageFigures::tiles(snapshot.summary);
    for (std::size_t i = 0; i < figures.size() && i < m_tiles.size(); ++i) {
        m_tiles[i]->setValue(figures[i].value, figures[i].change, figures[i].detail);
    }

    m_costModel->setTimeline(snapshot.cost, [this](const Core::UsageSeries& s) { return seriesName(s, false); });
    m_tokensModel->setTimeline(snapshot.tokens, [this](const Core::UsageSeries& s) { return seriesName(s, true); });
    m_usersModel->setShares(snapshot.topUsers);
    m_modelsModel->setShares(snapshot.topModels);
    showCharts();
    showLines();
    fillBudgets();
    showQuality();
    m_status->setText(tr("%1 to %2, changes %3 · updated %4")
                          .arg(locale.toString(m_request.filter.from, QLocale::ShortFormat),
                               locale.toString(m_request.filter.to, QLocale::ShortFormat), against,
                               locale.toString(QTime::currentTime(), QLocale::ShortFormat)));
    for (UsageTile* tile : m_tiles) {
        tile->setComparison(against);
    }
    Q_EMIT refreshed();
}

void UsageWindow::showCharts() {
    auto replace = [](QChartView* view, QChart* chart) {
        QChart* old = view->chart();
        view->setChart(chart);
        delete old;
    };
    const UsageSnapshot& s = m_snapshot;
    QStringList costNames;
    for (const Core::UsageSeries& series : s.cost.series) {
        costNames << seriesName(series, false);
    }
    QChart* cost = usageTimelineChart(s.cost, costNames, UsageUnit::Money);
    replace(m_costView, cost);
    QStringList tokenNames;
    for (const Core::UsageSeries& series : s.tokens.series) {
        tokenNames << seriesName(series, true);
    }
    QChart* tokens = usageTimelineChart(s.tokens, tokenNames, UsageUnit::Count);
    replace(m_tokensView, tokens);
    replace(m_usersView, usageShareChart(s.topUsers));
    replace(m_modelsView, usageShareChart(s.topModels));

    // Hover shows the exact value; a click opens a period; a legend entry narrows to its series.
    auto wire = [this](QChart* chart, const Core::UsageTimeline& timeline, const QStringList& names, UsageUnit unit,
                       bool filterable) {
        QAbstractBarSeries* series = usageBarSeries(chart);
        if (!series) {
            return;
        }
        const QList<QBarSet*> sets = series->barSets();
        for (int i = 0; i < sets.size(); ++i) {
            QBarSet* set = sets[i];
            const QString name = names.value(i);
            connect(set, &QBarSet::hovered, this, [timeline, name, unit, i](bool on, int bucket) {
                if (!on || std::size_t(i) >= timeline.series.size()) {
                    QToolTip::hideText();
                    return;
                }
                const qint64 value = timeline.series[std::size_t(i)].values[std::size_t(bucket)];
                QToolTip::showText(QCursor::pos(),
                                   QStringLiteral("%1\n%2: %3")
                                       .arg(UsageTimelineModel::periodText(timeline, std::size_t(bucket)), name,
                                            usageValueText(value, unit)));
            });
            connect(set, &QBarSet::clicked, this, [this](int bucket) { drillInto(std::size_t(bucket)); });
        }
        if (!filterable) {
            return;
        }
        const QList<QLegendMarker*> markers = chart->legend()->markers(series);
        for (int i = 0; i < markers.size() && std::size_t(i) < timeline.series.size(); ++i) {
            const Core::UsageSeries& entry = timeline.series[std::size_t(i)];
            if (entry.isOther()) {
                continue;
            }
            const QString key = entry.key;
            connect(markers[i], &QLegendMarker::clicked, this, [this, key] { filterBy(m_request.split, key); });
        }
    };
    wire(cost, s.cost, costNames, UsageUnit::Money, true);
    wire(tokens, s.tokens, tokenNames, UsageUnit::Count, false);
    auto wireTop = [this](QChartView* view, const std::vector<Core::UsageShare>& shares, Core::UsageDimension by) {
        QAbstractBarSeries* series = usageBarSeries(view->chart());
        if (!series || series->barSets().isEmpty()) {
            return;
        }
        QBarSet* set = series->barSets().front();
        const int count = int(shares.size());
        connect(set, &QBarSet::hovered, this, [shares, count](bool on, int bar) {
            const int index = count - 1 - bar; // drawn from the bottom
            if (!on || index < 0 || index >= count) {
                QToolTip::hideText();
                return;
            }
            const Core::UsageShare& share = shares[std::size_t(index)];
            const QLocale locale;
            QToolTip::showText(QCursor::pos(), tr("%1\n%2 · %3 tokens · %4 requests")
                                                   .arg(share.label, moneyText(share.totals.costMicros),
                                                        locale.toString(share.totals.tokens()),
                                                        locale.toString(share.totals.requests)));
        });
        connect(set, &QBarSet::clicked, this, [this, shares, count, by](int bar) {
            const int index = count - 1 - bar;
            if (index >= 0 && index < count) {
                filterBy(by, shares[std::size_t(index)].key);
            }
        });
    };
    wireTop(m_usersView, s.topUsers, Core::UsageDimension::User);
    wireTop(m_modelsView, s.topModels, Core::UsageDimension::Model);
}

void UsageWindow::showTable(int chart, bool table) {
    if (chart >= 0 && chart < chartCount) {
        m_toggles[chart]->setChecked(table);
    }
}

QTableView* UsageWindow::table(int chart) const {
    return chart >= 0 && chart < chartCount ? m_tables[chart] : nullptr;
}

UsageTile* UsageWindow::tile(int index) const {
    return index >= 0 && std::size_t(index) < m_tiles.size() ? m_tiles[std::size_t(index)] : nullptr;
}

void UsageWindow::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_costView && m_snapshot.generation != 0) {
        showCharts(); // new colours for the new theme
        showLines();
        showPace();
        showQuality();
    }
}

} // namespace Tessera::Ui
