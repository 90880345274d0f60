#include "experiments/ExperimentsWindow.h"
#include "experiments/ExperimentResultsLoader.h"

#include "app/CoreServices.h"
#include "experiments/BlindReviewDialog.h"
#include "experiments/Datasets.h"
#include "experiments/ExperimentExport.h"
#include "experiments/Experiments.h"
#include "experiments/NewExperimentDialog.h"
#include "jobs/JobsController.h"
#include "jobs/JobsPanel.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"
#include "widgets/Money.h"

#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace Tessera::Ui {

using Core::JobState;

namespace {

QString percent(double share) {
    return QLocale().toString(qint64(std::llround(share * 100.0))) + QStringLiteral(" %");
}

QString points(double share) {
    return QLocale().toString(qint64(std::llround(share * 100.0)));
}

QTableWidget* resultsTable(QWidget* parent, const QString& name, const QStringList& headers) {
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    // The first column (the variant, the pair) takes the room left; the figures keep their width.
    table->horizontalHeader()->setStretchLastSection(false);
    if (!headers.isEmpty()) {
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    }
    return table;
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    return item;
}

} // namespace

ExperimentsWindow::ExperimentsWindow(Core::CoreServices& services, Core::Actor actor, JobsController& jobs,
                                     Dialogs& dialogs, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_jobs(jobs)
    , m_dialogs(dialogs)
    , m_list(new QListWidget(this))
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_runState(new QLabel(this))
    , m_run(new QPushButton(tr("&Run"), this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_cancel(new QPushButton(tr("&Cancel Run"), this))
    , m_verdict(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_variants(resultsTable(this, QStringLiteral("experimentVariants"),
                              {tr("Variant"), tr("Answers"), tr("Passed"), tr("95 % interval"), tr("Mean score"),
                               tr("Cost"), tr("P50"), tr("P95")}))
    , m_pairs(resultsTable(this, QStringLiteral("experimentPairs"),
                           {tr("Pair"), tr("Wins"), tr("Ties"), tr("Losses"), tr("Judge"), tr("People"),
                            tr("Judge agrees"), tr("Difference"), tr("95 % interval")}))
    , m_answers(resultsTable(this, QStringLiteral("experimentAnswers"), {}))
    , m_promote(new QPushButton(tr("Promote to Pro&duction…"), this))
    , m_export(new QPushButton(tr("E&xport Results…"), this))
    , m_review(new QPushButton(tr("Review &Blind…"), this))
    , m_remove(new QPushButton(tr("Re&move"), this))
    , m_refresh(new QTimer(this)) {
    m_loader = new ExperimentResultsLoader(m_services.experimentRuns(), this);
    setObjectName(QStringLiteral("experimentsWindow"));
    setWindowTitle(tr("Experiments"));
    m_list->setObjectName(QStringLiteral("experimentsList"));
    m_list->setAccessibleName(tr("Experiments"));
    m_title->setObjectName(QStringLiteral("experimentTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_progress->setObjectName(QStringLiteral("experimentProgress"));
    m_progress->setAccessibleName(tr("Run progress"));
    m_runState->setObjectName(QStringLiteral("experimentRunState"));
    m_verdict->setObjectName(QStringLiteral("experimentVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont verdictFont = m_verdict->font();
    verdictFont.setBold(true);
    m_verdict->setFont(verdictFont);
    m_run->setObjectName(QStringLiteral("runExperiment"));
    m_pause->setObjectName(QStringLiteral("pauseExperiment"));
    m_cancel->setObjectName(QStringLiteral("cancelExperiment"));
    m_promote->setObjectName(QStringLiteral("promoteVariant"));
    m_export->setObjectName(QStringLiteral("exportResults"));
    m_review->setObjectName(QStringLiteral("reviewBlind"));
    m_review->setToolTip(tr("Vote on the answers two at a time without knowing which variant gave which; the votes "
                            "count in the ranking and are set against the judge's"));
    m_run->setToolTip(tr("Runs the experiment in the background; a run that stopped continues where it was"));
    m_pause->setToolTip(tr("Stops starting answers; Run continues later without asking again what was answered"));
    m_promote->setToolTip(tr("Moves the production label of the chosen variant's template to the version it ran with"));
    m_answers->setObjectName(QStringLiteral("experimentAnswers"));
    m_answers->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_answers->setWordWrap(false);
    m_answers->verticalHeader()->show();
    m_answers->horizontalHeader()->setStretchLastSection(true);
    m_tabs->addTab(m_variants, tr("&Variants"));
    m_tabs->addTab(m_pairs, tr("P&airs"));
    m_tabs->addTab(m_answers, tr("An&swers"));

    auto* newButton = new QPushButton(tr("&New Experiment…"), this);
    newButton->setObjectName(QStringLiteral("newExperiment"));
    auto* importButton = new QPushButton(tr("&Import Dataset…"), this);
    importButton->setObjectName(QStringLiteral("importDataset"));
    importButton->setToolTip(tr("Cases for experiments from a CSV or JSONL file: one column per template variable, "
                                "an optional expected column"));
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    leftLayout->addWidget(newButton);
    leftLayout->addWidget(importButton);

    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_progress, 1);
    runRow->addWidget(m_run);
    runRow->addWidget(m_pause);
    runRow->addWidget(m_cancel);
    auto* bottomRow = new QHBoxLayout;
    bottomRow->addWidget(m_promote);
    bottomRow->addWidget(m_export);
    bottomRow->addWidget(m_review);
    bottomRow->addStretch();
    bottomRow->addWidget(m_remove);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_summary);
    rightLayout->addLayout(runRow);
    rightLayout->addWidget(m_runState);
    rightLayout->addWidget(m_verdict);
    rightLayout->addWidget(m_tabs, 1);
    rightLayout->addLayout(bottomRow);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 760});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    resize(1040, 640);

    connect(m_list, &QListWidget::currentItemChanged, this, &ExperimentsWindow::showChosen);
    connect(m_run, &QPushButton::clicked, this, &ExperimentsWindow::runChosen);
    connect(m_pause, &QPushButton::clicked, this, &ExperimentsWindow::pauseChosen);
    connect(m_cancel, &QPushButton::clicked, this, &ExperimentsWindow::cancelChosen);
    connect(m_promote, &QPushButton::clicked, this, &ExperimentsWindow::promoteChosen);
    connect(m_export, &QPushButton::clicked, this, &ExperimentsWindow::exportResults);
    connect(m_review, &QPushButton::clicked, this, &ExperimentsWindow::reviewBlind);
    connect(m_remove, &QPushButton::clicked, this, &ExperimentsWindow::removeChosen);
    connect(newButton, &QPushButton::clicked, this, &ExperimentsWindow::newExperiment);
    connect(importButton, &QPushButton::clicked, this, &ExperimentsWindow::importDataset);
    auto* newShortcut = new QShortcut(QKeySequence::New, this);
    connect(newShortcut, &QShortcut::activated, this, &ExperimentsWindow::newExperiment);
    auto* refreshShortcut = new QShortcut(QKeySequence::Refresh, this);
    connect(refreshShortcut, &QShortcut::activated, this, &ExperimentsWindow::showChosen);
    // Progress comes with every answer: the progress bar and the time left follow it at once, and the results are
    // read again at most every few seconds (reading them takes a while on a large run), and when a run ends.
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(resultsRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, &ExperimentsWindow::showChosen);
    connect(&m_jobs, &JobsController::progressed, this, [this](qint64 jobId, const Core::JobProgress& progress) {
        if (m_results && m_results->job && m_results->job->id == jobId) {
            m_results->job->done = progress.done;
            m_results->job->failed = progress.failed;
            m_results->job->state = JobState::Running;
            showRunState();
        }
        if (!m_refresh->isActive()) {
            m_refresh->start();
        }
    });
    connect(&m_jobs, &JobsController::ended, this, &ExperimentsWindow::showChosen);
    connect(m_loader, &ExperimentResultsLoader::loaded, this, &ExperimentsWindow::showLoaded);
    reload();
}

void ExperimentsWindow::reload() {
    const QString keep = chosenName();
    m_list->clear();
    auto experiments = m_services.experiments().list(m_actor);
    if (!experiments) {
        m_summary->setText(describeErrorPlainly(experiments.error()));
        return;
    }
    for (const Core::ExperimentInfo& info : *experiments) {
        auto* item = new QListWidgetItem(info.definition.name, m_list);
        item->setData(nameRole, info.definition.name);
        item->setToolTip(tr("%n variant(s) over the dataset %1", nullptr, int(info.definition.variants.size()))
                             .arg(info.definition.dataset));
    }
    if (!keep.isEmpty() && select(keep)) {
        return;
    }
    if (m_list->count() > 0) {
        m_list->setCurrentRow(0);
    } else {
        showChosen();
    }
}

bool ExperimentsWindow::select(const QString& name) {
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(nameRole).toString() == name) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QString ExperimentsWindow::chosenName() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(nameRole).toString() : QString();
}

void ExperimentsWindow::showChosen() {
    const QString name = chosenName();
    if (name.isEmpty()) {
        m_results.reset();
        m_title->setText(tr("No experiments yet"));
        m_summary->setText(tr("An experiment runs 2 to 6 variants of a prompt over a dataset and tells which does "
                              "better. Import a dataset, then make one with New Experiment (Ctrl+N)."));
        showRunState();
        showResults();
        return;
    }
    if (!m_results || m_results->experiment.definition.name != name) {
        // Another experiment: its name at once, the rest when read.
        m_results.reset();
        m_title->setText(name);
        m_summary->setText(tr("Reading the results…"));
        showRunState();
        showResults();
    }
    m_loader->load(m_actor, name);
}

bool ExperimentsWindow::isLoading() const {
    return m_loader->isLoading();
}

void ExperimentsWindow::showLoaded(const QString& name, const Core::Result<Core::ExperimentResults>& results) {
    if (name != chosenName()) {
        return; // read for an experiment no longer chosen
    }
    m_results.reset();
    if (!results) {
        m_summary->setText(describeErrorPlainly(results.error()));
        showRunState();
        showResults();
        return;
    }
    m_results = std::move(*results);
    const Core::ExperimentDefinition& d = m_results->experiment.definition;
    m_title->setText(d.name);
    QStringList variants;
    for (const Core::ExperimentVariant& v : d.variants) {
        variants << tr("%1 = %2%3 on %4")
                        .arg(v.label, v.templateName,
                             v.version ? tr(" version %1").arg(*v.version) : tr(" (production)"), v.model);
    }
    QStringList checks;
    for (const Core::Assertion& a : d.assertions) {
        checks << QStringLiteral("%1:%2").arg(Core::assertionName(a), a.value);
    }
    if (!d.judgeProvider.isEmpty()) {
        checks << (d.pairwise ? tr("the judge %1 (grades and pairs)").arg(d.judgeModel)
                              : tr("the judge %1").arg(d.judgeModel));
    }
    m_summary->setText(
        tr("Dataset %1 · %2 · checked by %3 · %n repeat(s), %4 at once", nullptr, d.repeats)
            .arg(d.dataset, variants.join(QStringLiteral("; ")),
                 checks.isEmpty() ? tr("nothing yet (add assertions or a judge)") : checks.join(QStringLiteral(", ")))
            .arg(d.concurrency));
    showRunState();
    showResults();
}

void ExperimentsWindow::showRunState() {
    const bool has = m_results.has_value();
    const std::optional<Core::JobInfo> job = has ? m_results->job : std::nullopt;
    const bool over = job && Core::jobIsOver(job->state);
    const bool running = job && (job->state == JobState::Running || job->state == JobState::Queued);
    m_progress->setVisible(job.has_value());
    if (job) {
        m_progress->setRange(0, int(std::max<qint64>(job->total, 1)));
        m_progress->setValue(int(job->done + job->failed));
        m_progress->setFormat(tr("%1 of %2").arg(job->done + job->failed).arg(job->total));
        QString state = jobStateText(int(job->state));
        std::optional<qint64> left;
        if (const auto here = m_jobs.progress(job->id)) {
            left = here->secondsLeft;
        } else {
            left = Core::estimatedSecondsLeft(*job, m_services.clock().nowUtc());
        }
        if (running && left) {
            state += QStringLiteral(" · ") + timeLeftText(*left);
        }
        if (job->failed > 0) {
            state += QStringLiteral(" · ") + tr("%n answer(s) failed", nullptr, int(job->failed));
        }
        if (!job->reason.isEmpty() && !running) {
            state += QStringLiteral(" · ") + job->reason;
        }
        m_runState->setText(state);
    } else {
        m_runState->setText(has ? tr("Not run yet.") : QString());
    }
    m_run->setEnabled(has && !running);
    m_run->setText(job && !over ? tr("&Resume") : (job ? tr("&Run Again") : tr("&Run")));
    m_pause->setEnabled(running);
    m_cancel->setEnabled(job && !over);
    m_remove->setEnabled(has && !running);
    m_export->setEnabled(job.has_value());
    m_promote->setEnabled(job.has_value() && job->done > 0);
    m_review->setEnabled(job.has_value() && job->done > 0);
}

QString ExperimentsWindow::verdictText() const {
    if (!m_results || !m_results->job || m_results->best < 0) {
        return m_results ? tr("Not run yet: run it to see which variant does better.") : QString();
    }
    const Core::ExperimentResults& r = *m_results;
    const Core::PassComparison& c = r.decision;
    const QString best = r.variants[std::size_t(r.best)].label;
    const QString next = r.variants[std::size_t(r.runnerUp)].label;
    const QString numbers = tr("%1 against %2 passed, a difference of %3 points (95 % interval %4 to %5)")
                                .arg(percent(c.secondRate), percent(c.firstRate), points(c.difference.difference),
                                     points(c.difference.interval.low), points(c.difference.interval.high));
    if (r.winner()) {
        return tr("%1 beats %2: %3.").arg(best, next, numbers);
    }
    if (!Core::jobIsOver(r.job->state) || r.job->state != JobState::Finished) {
        return tr("Not enough data yet: the run is not finished (%1 against %2: %3).").arg(best, next, numbers);
    }
    return tr("Not enough data yet (%1 against %2: %3). About %n more item(s) would settle it.", nullptr,
              int(std::min<qint64>(c.itemsToSettle, 1'000'000'000)))
        .arg(best, next, numbers);
}

void ExperimentsWindow::showResults() {
    m_verdict->setText(verdictText());
    m_variants->setRowCount(0);
    m_pairs->setRowCount(0);
    m_answers->clear();
    m_answers->setRowCount(0);
    m_answers->setColumnCount(0);
    if (!m_results) {
        return;
    }
    const Core::ExperimentResults& r = *m_results;
    m_variants->setRowCount(int(r.variants.size()));
    for (int row = 0; row < int(r.variants.size()); ++row) {
        const Core::VariantResults& v = r.variants[std::size_t(row)];
        QString label = v.label;
        if (r.winner() && *r.winner() == row) {
            label = tr("%1 (winner)").arg(v.label);
        }
        if (r.ranking) {
            label += tr(" · rating %1").arg(qint64(std::llround(r.ranking->variants[std::size_t(row)].rating)));
        }
        m_variants->setItem(row, 0, cell(label, Qt::AlignLeft | Qt::AlignVCenter));
        m_variants->setItem(row, 1, cell(QLocale().toString(v.answers)));
        m_variants->setItem(row, 2, cell(percent(v.passRate())));
        m_variants->setItem(row, 3, cell(tr("%1 to %2").arg(percent(v.interval.low), percent(v.interval.high))));
        m_variants->setItem(row, 4, cell(QLocale().toString(v.meanScore, 'f', 2)));
        m_variants->setItem(row, 5,
                            cell(v.unpriced > 0 && v.costMicros == 0 ? tr("unknown") : moneyText(v.costMicros)));
        m_variants->setItem(row, 6, cell(tr("%1 ms").arg(QLocale().toString(v.p50LatencyMs))));
        m_variants->setItem(row, 7, cell(tr("%1 ms").arg(QLocale().toString(v.p95LatencyMs))));
    }
    if (r.winner()) {
        m_variants->selectRow(*r.winner());
    } else if (!r.variants.empty()) {
        m_variants->selectRow(r.best >= 0 ? r.best : 0);
    }
    for (int column = 1; column < m_variants->columnCount(); ++column) {
        m_variants->resizeColumnToContents(column);
    }

    m_pairs->setRowCount(int(r.pairwise.size()));
    for (int row = 0; row < int(r.pairwise.size()); ++row) {
        const Core::PairwiseResults& p = r.pairwise[std::size_t(row)];
        const QString a = r.variants[std::size_t(p.first)].label;
        const QString b = r.variants[std::size_t(p.second)].label;
        m_pairs->setItem(row, 0, cell(tr("%1 against %2").arg(a, b), Qt::AlignLeft | Qt::AlignVCenter));
        m_pairs->setItem(row, 1, cell(QLocale().toString(p.wins)));
        m_pairs->setItem(row, 2, cell(QLocale().toString(p.ties)));
        m_pairs->setItem(row, 3, cell(QLocale().toString(p.losses)));
        m_pairs->setItem(row, 4,
                         cell(p.judged > 0
                                  ? tr("%1 %2, %3 %4, tie %5")
                                        .arg(a, QLocale().toString(p.judgeWins), b, QLocale().toString(p.judgeLosses),
                                             QLocale().toString(p.judgeTies))
                                  : tr("not judged")));
        m_pairs->setItem(row, 5,
                         cell(p.voted > 0 ? tr("%1 %2, %3 %4, tie %5")
                                                .arg(a, QLocale().toString(p.voteWins), b,
                                                     QLocale().toString(p.voteLosses), QLocale().toString(p.voteTies))
                                          : tr("no votes")));
        m_pairs->setItem(row, 6,
                         cell(p.agreement()
                                  ? tr("%1 of %2").arg(percent(*p.agreement()), QLocale().toString(p.judgeAndVote))
                                  : QStringLiteral("–")));
        m_pairs->setItem(row, 7, cell(tr("%1 points").arg(points(p.comparison.difference.difference))));
        m_pairs->setItem(row, 8,
                         cell(tr("%1 to %2")
                                  .arg(points(p.comparison.difference.interval.low),
                                       points(p.comparison.difference.interval.high))));
    }
    for (int column = 1; column < m_pairs->columnCount(); ++column) {
        m_pairs->resizeColumnToContents(column);
    }

    if (!r.job) {
        return;
    }
    // The matrix: a row per case and repeat, a column per variant.
    auto items = m_services.jobs().items(m_actor, r.job->id);
    if (!items) {
        m_runState->setText(describeErrorPlainly(items.error()));
        return;
    }
    QStringList columns;
    for (const Core::VariantResults& v : r.variants) {
        columns << v.label;
    }
    m_answers->setColumnCount(int(columns.size()));
    m_answers->setHorizontalHeaderLabels(columns);
    std::map<std::pair<int, int>, int> rows; // (item, repeat) → row
    QStringList rowNames;
    const int repeats = r.experiment.definition.repeats;
    for (const Core::JobItem& item : *items) {
        const int i = item.input.value(QLatin1StringView("item")).toInt();
        const int repeat = item.input.value(QLatin1StringView("repeat")).toInt();
        const int v = item.input.value(QLatin1StringView("variant")).toInt();
        if (v < 0 || v >= int(columns.size())) {
            continue;
        }
        auto [found, added] = rows.try_emplace({i, repeat}, int(rows.size()));
        if (added) {
            m_answers->setRowCount(int(rows.size()));
            rowNames << (repeats > 1 ? tr("Case %1, repeat %2").arg(i).arg(repeat) : tr("Case %1").arg(i));
        }
        QString text;
        QString tip;
        if (item.state == Core::JobItemState::Done) {
            const bool pass = item.result.value(QLatin1StringView("pass")).toBool();
            const double score = item.result.value(QLatin1StringView("score")).toDouble();
            const QString answer = item.result.value(QLatin1StringView("answer")).toString();
            text = tr("%1 %2 · %3")
                       .arg(pass ? QStringLiteral("✓") : QStringLiteral("✗"), QLocale().toString(score, 'f', 2),
                            answer.simplified().left(80));
            const QJsonValue cost = item.result.value(QLatin1StringView("cost_micros"));
            tip = tr("%1\n\nScore %2 · %3 · %4 ms")
                      .arg(answer.left(2000), QLocale().toString(score, 'f', 2),
                           cost.isDouble() ? moneyText(qint64(cost.toDouble())) : tr("cost unknown"),
                           QLocale().toString(qint64(item.result.value(QLatin1StringView("latency_ms")).toDouble())));
            const QJsonObject judge = item.result.value(QLatin1StringView("judge")).toObject();
            if (!judge.isEmpty()) {
                tip += QStringLiteral("\n") + judge.value(QLatin1StringView("reason")).toString();
            }
        } else if (item.state == Core::JobItemState::Failed) {
            text = tr("failed");
            tip = item.error;
        } else {
            text = tr("waiting");
        }
        auto* answerCell = new QTableWidgetItem(text);
        answerCell->setToolTip(tip);
        m_answers->setItem(found->second, v, answerCell);
    }
    m_answers->setVerticalHeaderLabels(rowNames);
    for (int column = 0; column < m_answers->columnCount(); ++column) {
        m_answers->setColumnWidth(column, 260);
    }
}

bool ExperimentsWindow::runChosen() {
    const QString name = chosenName();
    if (name.isEmpty()) {
        return false;
    }
    const bool again = m_results && m_results->job && Core::jobIsOver(m_results->job->state);
    auto job = m_services.experimentRuns().prepare(m_actor, name, false);
    if (!job) {
        m_dialogs.showError(this, tr("Cannot Run the Experiment"), describeError(job.error()));
        return false;
    }
    auto started = m_jobs.start(job->id);
    if (!started) {
        m_dialogs.showError(this, tr("Cannot Run the Experiment"), describeError(started.error()));
        showChosen();
        return false;
    }
    Q_UNUSED(again);
    showChosen();
    return true;
}

bool ExperimentsWindow::pauseChosen() {
    if (!m_results || !m_results->job) {
        return false;
    }
    if (auto paused = m_jobs.pause(m_results->job->id); !paused) {
        m_dialogs.showError(this, tr("Cannot Pause the Run"), describeError(paused.error()));
        return false;
    }
    showChosen();
    return true;
}

bool ExperimentsWindow::cancelChosen() {
    if (!m_results || !m_results->job) {
        return false;
    }
    if (!m_dialogs.confirm(this, tr("Cancel the Run?"),
                           tr("The run stops for good; the answers it has are kept. Run starts a new run."),
                           tr("Cancel Run"))) {
        return false;
    }
    if (auto cancelled = m_jobs.cancel(m_results->job->id); !cancelled) {
        m_dialogs.showError(this, tr("Cannot Cancel the Run"), describeError(cancelled.error()));
        return false;
    }
    showChosen();
    return true;
}

bool ExperimentsWindow::promoteChosen() {
    if (!m_results) {
        return false;
    }
    const auto rows = m_variants->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? m_results->winner().value_or(-1) : rows.front().row();
    if (row < 0 || row >= int(m_results->experiment.definition.variants.size())) {
        m_dialogs.showInfo(this, tr("Promote to Production"), tr("Choose a variant in the Variants table first."));
        return false;
    }
    const Core::ExperimentVariant& v = m_results->experiment.definition.variants[std::size_t(row)];
    QString question = tr("Chats and runs that use the production version of %1 will use the version variant %2 ran "
                          "with.")
                           .arg(v.templateName, v.label);
    if (!m_results->winner() || *m_results->winner() != row) {
        question += QStringLiteral("\n\n") + tr("The results do not name %1 the winner.").arg(v.label);
    }
    if (!m_dialogs.confirm(this, tr("Promote %1 to Production?").arg(v.label), question, tr("Promote"))) {
        return false;
    }
    auto promoted = m_services.experimentRuns().promote(m_actor, m_results->experiment.definition.name, v.label);
    if (!promoted) {
        m_dialogs.showError(this, tr("Cannot Promote the Variant"), describeError(promoted.error()));
        return false;
    }
    m_runState->setText(tr("%1: production is version %2 now.").arg(promoted->templateName).arg(promoted->version));
    return true;
}

bool ExperimentsWindow::exportResults() {
    if (!m_results) {
        return false;
    }
    const QString path = m_dialogs.askSaveFile(this, tr("Export Results"),
                                               m_results->experiment.definition.name + QStringLiteral(".json"),
                                               tr("Results as JSON (*.json);;Every answer as CSV (*.csv);;The "
                                                  "chosen variant's passing answers for fine-tuning (*.jsonl)"),
                                               nullptr);
    return !path.isEmpty() && exportResultsTo(path);
}

bool ExperimentsWindow::exportResultsTo(const QString& path) {
    if (!m_results) {
        return false;
    }
    QByteArray bytes;
    if (path.endsWith(QStringLiteral(".jsonl"), Qt::CaseInsensitive)) {
        // The variant chosen in the Variants table (the winner unless another is chosen).
        const auto rows = m_variants->selectionModel()->selectedRows();
        const QString variant = rows.isEmpty()
                                    ? QString()
                                    : m_results->experiment.definition.variants[std::size_t(rows.front().row())].label;
        auto winners =
            m_services.experimentRuns().winningAnswers(m_actor, m_results->experiment.definition.name, variant);
        if (!winners) {
            m_dialogs.showError(this, tr("Cannot Export the Results"), describeError(winners.error()));
            return false;
        }
        bytes = winners->jsonl;
    } else if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) {
        std::vector<Core::JobItem> items;
        if (m_results->job) {
            auto read = m_services.jobs().items(m_actor, m_results->job->id);
            if (!read) {
                m_dialogs.showError(this, tr("Cannot Export the Results"), describeError(read.error()));
                return false;
            }
            items = std::move(*read);
        }
        bytes = Core::experimentResultsCsv(*m_results, items).toUtf8();
    } else {
        bytes = QJsonDocument(Core::experimentResultsJson(*m_results)).toJson(QJsonDocument::Indented);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_dialogs.showError(this, tr("Cannot Export the Results"),
                            tr("%1 could not be written: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    m_runState->setText(tr("The results were saved to %1.").arg(QFileInfo(path).fileName()));
    return true;
}

QDialog* ExperimentsWindow::reviewBlind() {
    if (!m_results || !m_results->job) {
        return nullptr;
    }
    auto* dialog = new BlindReviewDialog(m_services, m_actor, *m_results, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BlindReviewDialog::voted, this, &ExperimentsWindow::showChosen);
    dialog->open();
    return dialog;
}

void ExperimentsWindow::newExperiment() {
    auto* dialog = new NewExperimentDialog(m_services, m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewExperimentDialog::created, this, [this](const QString& name) {
        reload();
        select(name);
    });
    dialog->open();
}

bool ExperimentsWindow::importDataset() {
    const QStringList files =
        m_dialogs.askOpenFiles(this, tr("Import a Dataset"), tr("Datasets (*.csv *.jsonl);;All files (*)"));
    if (files.isEmpty()) {
        return false;
    }
    const auto name = m_dialogs.askText(this, tr("Import a Dataset"), tr("Name of the dataset:"),
                                        QFileInfo(files.front()).completeBaseName());
    if (!name || name->trimmed().isEmpty()) {
        return false;
    }
    return importDatasetFrom(files.front(), name->trimmed());
}

bool ExperimentsWindow::importDatasetFrom(const QString& path, const QString& name) {
    auto imported = m_services.datasets().importFile(m_actor, name, path);
    if (!imported) {
        m_dialogs.showError(this, tr("Cannot Import the Dataset"), describeError(imported.error()));
        return false;
    }
    m_runState->setText(tr("Dataset %1: %n case(s) imported.", nullptr, int(imported->items)).arg(imported->name));
    return true;
}

bool ExperimentsWindow::removeChosen() {
    const QString name = chosenName();
    if (name.isEmpty() ||
        !m_dialogs.confirm(this, tr("Remove %1?").arg(name),
                           tr("The experiment is removed; its runs stay in Background Jobs until removed there."),
                           tr("Remove"))) {
        return false;
    }
    if (auto removed = m_services.experiments().remove(m_actor, name); !removed) {
        m_dialogs.showError(this, tr("Cannot Remove the Experiment"), describeError(removed.error()));
        return false;
    }
    reload();
    return true;
}

} // namespace Tessera::Ui
