// The Experiments window and the Background Jobs panel, offscreen: a dataset imported, an experiment made in its
// dialog (a bad one refused in place), run in the app as a background job with its progress, the verdict and the
// results shown, the winner promoted, the results exported; the jobs panel pauses, resumes and removes a job.
#include "experiments/AnswersSideBySide.h"
#include "experiments/BlindReviewDialog.h"
#include "experiments/Compare.h"
#include "experiments/CompareWindow.h"
#include "experiments/Datasets.h"
#include "experiments/ExperimentsWindow.h"
#include "experiments/NewExperimentDialog.h"
#include "experiments/VariantsEditor.h"
#include "jobs/JobsController.h"
#include "jobs/JobsPanel.h"
#include "mainwindow/MainWindow.h"
#include "prompts/FineTuneSubmitDialog.h"
#include "prompts/PromptLibrary.h"

#include "UiFixture.h"
#include "support/TestHelpers.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace Tessera;
using Testing::waitUntil;

namespace {

class ExperimentsUiTest : public Testing::MainWindowTest {
protected:
    void SetUp() override {
        MainWindowTest::SetUp();
        addLoopbackProvider();
        Core::PromptDraft draft;
        draft.name = QStringLiteral("Trip");
        draft.userText = QStringLiteral("Plan a day in {{city}}.");
        ASSERT_TRUE(services->prompts().create(owner, draft));
        draft.userText = QStringLiteral("Plan a cheap day in {{city}}.");
        ASSERT_TRUE(services->prompts().update(owner, QStringLiteral("Trip"), draft));
    }

    QString writeCities(const QByteArray& text) {
        const QString path = files.filePath(QStringLiteral("cities.csv"));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text);
        return path;
    }

    // Fills the dialog: A = Trip@1, B = Trip@2, both on p / gpt-test.
    void fill(Ui::NewExperimentDialog& dialog, const QString& name, const QString& checks) {
        dialog.nameField()->setText(name);
        for (int row = 0; row < 2; ++row) {
            dialog.variantsEditor()->setVariant(row, QStringLiteral("Trip"), row + 1, QStringLiteral("p"),
                                                QStringLiteral("gpt-test"));
        }
        dialog.assertionsField()->setPlainText(checks);
    }

    QTemporaryDir files;
    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Test);
};

} // namespace

TEST_F(ExperimentsUiTest, AnExperimentIsMadeRunAndItsWinnerPromotedFromTheWindow) {
    Ui::MainWindow main(*services, dialogs);
    main.show();
    QAction* action = nullptr;
    for (QAction* menu : main.menuBar()->actions()) {
        for (QAction* item : menu->menu() ? menu->menu()->actions() : QList<QAction*>{}) {
            if (item->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)) {
                action = item;
            }
        }
    }
    ASSERT_NE(action, nullptr) << "View ▸ Experiments with Ctrl+Shift+E";
    action->trigger();
    auto* window = qobject_cast<Ui::ExperimentsWindow*>(main.openExperiments());
    ASSERT_NE(window, nullptr);
    EXPECT_EQ(main.openExperiments(), window) << "one window";

    // A broken file is refused with its place; a good one is imported.
    EXPECT_FALSE(window->importDatasetFrom(writeCities("city,days\nOslo\n"), QStringLiteral("Broken")));
    ASSERT_EQ(dialogs.errors.size(), 1);
    EXPECT_TRUE(dialogs.errors.front().contains(QStringLiteral("line 2"))) << dialogs.errors.front().toStdString();
    ASSERT_TRUE(window->importDatasetFrom(writeCities("city\nOslo\nLima\nRome\nCairo\n"), QStringLiteral("Cities")));

    // The dialog: what core refuses is said in place, and the dialog stays.
    {
        Ui::NewExperimentDialog dialog(*services, owner);
        EXPECT_EQ(dialog.datasetBox()->count(), 1);
        fill(dialog, QStringLiteral("Cheap"), QStringLiteral("icontains:cheap\nbogus:1"));
        EXPECT_FALSE(dialog.create());
        EXPECT_TRUE(dialog.problemLabel()->text().contains(QStringLiteral("line 2"))) << "the check that is wrong";
        dialog.assertionsField()->setPlainText(QStringLiteral("icontains:cheap"));
        qobject_cast<QLineEdit*>(dialog.variantsEditor()->table()->cellWidget(1, Ui::VariantsEditor::Model))->clear();
        EXPECT_FALSE(dialog.create());
        EXPECT_TRUE(dialog.problemLabel()->isVisibleTo(&dialog));
        fill(dialog, QStringLiteral("Cheap"), QStringLiteral("icontains:cheap"));
        EXPECT_TRUE(dialog.create()) << dialog.problemLabel()->text().toStdString();
    }
    window->reload();
    ASSERT_TRUE(window->select(QStringLiteral("Cheap")));
    // The results are read off the UI thread.
    ASSERT_TRUE(waitUntil([&] { return !window->isLoading(); }));
    EXPECT_TRUE(window->verdictLabel()->text().startsWith(QStringLiteral("Not run yet")));

    // Run in the app: a background job of this process, its results shown as it goes and when it ends.
    ASSERT_TRUE(window->runChosen());
    ASSERT_TRUE(waitUntil(
        [&] {
            return window->results() && window->results()->job &&
                   window->results()->job->state == Core::JobState::Finished;
        },
        30'000));
    EXPECT_EQ(window->progressBar()->value(), 8);
    EXPECT_TRUE(window->verdictLabel()->text().startsWith(QStringLiteral("B beats A: 100 % against 0 % passed")))
        << window->verdictLabel()->text().toStdString();
    EXPECT_TRUE(window->variantsTable()->item(1, 0)->text().contains(QStringLiteral("(winner)")));
    EXPECT_EQ(window->variantsTable()->item(1, 2)->text(), QStringLiteral("100 %"));
    EXPECT_EQ(window->answersTable()->rowCount(), 4) << "a row per case";
    EXPECT_EQ(window->answersTable()->columnCount(), 2) << "a column per variant";
    EXPECT_TRUE(window->answersTable()->item(0, 1)->text().startsWith(QStringLiteral("✓")));
    EXPECT_TRUE(
        window->answersTable()->item(0, 1)->toolTip().contains(QStringLiteral("Echo: Plan a cheap day in Oslo.")));

    // Review Blind: one case's two answers in a random order without their names; the vote counts in the pairs.
    auto* review = qobject_cast<Ui::BlindReviewDialog*>(window->reviewBlind());
    ASSERT_NE(review, nullptr);
    EXPECT_EQ(review->remaining(), 3) << "4 cases, one pair each, one shown";
    EXPECT_EQ(review->answers()->title(0), QStringLiteral("Answer 1"));
    const std::vector<int> shown = review->shownIndices();
    ASSERT_EQ(shown.size(), 2u);
    EXPECT_TRUE(review->answers()->text(shown[0] == 1 ? 0 : 1).contains(QStringLiteral("cheap")));
    review->answers()->vote(shown[0] == 1 ? QStringLiteral("1") : QStringLiteral("2")); // B, wherever it is
    EXPECT_TRUE(review->statusLabel()->text().startsWith(QStringLiteral("Kept.")));
    EXPECT_TRUE(review->answers()->title(0).contains(shown[0] == 1 ? QStringLiteral("B") : QStringLiteral("A")));
    ASSERT_TRUE(review->showNext());
    review->close();
    ASSERT_TRUE(waitUntil([&] { return !window->isLoading(); }));
    ASSERT_TRUE(window->results());
    EXPECT_EQ(window->results()->pairwise.front().voted, 1);
    EXPECT_EQ(window->results()->pairwise.front().voteLosses, 1) << "B beat A";
    EXPECT_EQ(window->pairsTable()->item(0, 5)->text(), QStringLiteral("A 0, B 1, tie 0"));

    // The winner (chosen by default) is promoted after asking; production moves to version 2.
    ASSERT_TRUE(window->promoteChosen());
    EXPECT_EQ(services->prompts().get(owner, QStringLiteral("Trip"))->labels.value(QStringLiteral("production")), 2);

    const QString json = files.filePath(QStringLiteral("results.json"));
    ASSERT_TRUE(window->exportResultsTo(json));
    QFile exported(json);
    ASSERT_TRUE(exported.open(QIODevice::ReadOnly));
    EXPECT_TRUE(exported.readAll().contains("\"verdict\": \"B beats A"));
    const QString csv = files.filePath(QStringLiteral("results.csv"));
    ASSERT_TRUE(window->exportResultsTo(csv));
    QFile matrix(csv);
    ASSERT_TRUE(matrix.open(QIODevice::ReadOnly));
    EXPECT_EQ(matrix.readAll().count("\r\n"), 9) << "a header and a line per answer";
    window->close();
}

TEST_F(ExperimentsUiTest, TheJobsPanelPausesResumesAndRemovesAJob) {
    server.setAnswerDelay(150);
    Ui::MainWindow main(*services, dialogs);
    main.show();
    ASSERT_TRUE(services->datasets().importFile(
        owner, QStringLiteral("Cities"),
        writeCities("city\nOslo\nLima\nRome\nCairo\nQuito\nHanoi\nPerth\nOsaka\nDakar\nTunis\n")));
    Core::ExperimentDefinition d;
    d.name = QStringLiteral("Slow");
    d.dataset = QStringLiteral("Cities");
    d.variants = {{QStringLiteral("A"), QStringLiteral("Trip"), 1, QStringLiteral("p"), QStringLiteral("gpt-test")},
                  {QStringLiteral("B"), QStringLiteral("Trip"), 2, QStringLiteral("p"), QStringLiteral("gpt-test")}};
    d.concurrency = 1;
    d.useCache = false;
    ASSERT_TRUE(services->experiments().create(owner, d));
    auto job = services->experimentRuns().prepare(owner, QStringLiteral("Slow"), false);
    ASSERT_TRUE(job);
    ASSERT_TRUE(main.jobs()->start(job->id));

    auto* panel = qobject_cast<Ui::JobsPanel*>(main.openJobs());
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(main.openJobs(), panel) << "one panel";
    ASSERT_EQ(panel->table()->rowCount(), 1);
    EXPECT_EQ(panel->table()->item(0, 0)->text(), QStringLiteral("Experiment Slow"));
    ASSERT_TRUE(panel->select(job->id));
    ASSERT_TRUE(waitUntil([&] { return services->jobs().get(owner, job->id)->done >= 2; }, 20'000));
    ASSERT_TRUE(panel->pauseChosen());
    ASSERT_TRUE(waitUntil([&] { return services->jobs().get(owner, job->id)->state == Core::JobState::Paused; }));
    panel->reload();
    EXPECT_EQ(panel->table()->item(0, 1)->text(), QStringLiteral("Paused"));
    auto* bar = qobject_cast<QProgressBar*>(panel->table()->cellWidget(0, 2));
    ASSERT_NE(bar, nullptr);
    EXPECT_LT(bar->value(), 20);
    EXPECT_FALSE(panel->removeChosen()) << "a paused job is not over";

    ASSERT_TRUE(panel->resumeChosen());
    ASSERT_TRUE(
        waitUntil([&] { return services->jobs().get(owner, job->id)->state == Core::JobState::Finished; }, 30'000));
    panel->reload();
    EXPECT_EQ(panel->table()->item(0, 1)->text(), QStringLiteral("Finished"));
    EXPECT_EQ(qobject_cast<QProgressBar*>(panel->table()->cellWidget(0, 2))->value(), 20);
    dialogs.nextConfirm = true;
    ASSERT_TRUE(panel->select(job->id));
    ASSERT_TRUE(panel->removeChosen());
    EXPECT_EQ(panel->table()->rowCount(), 0);
    panel->close();
}

TEST_F(ExperimentsUiTest, CompareStreamsEveryVariantSideBySideAndKeepsABlindVote) {
    Ui::MainWindow main(*services, dialogs);
    main.show();
    QAction* action = nullptr;
    for (QAction* menu : main.menuBar()->actions()) {
        for (QAction* item : menu->menu() ? menu->menu()->actions() : QList<QAction*>{}) {
            if (item->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G)) {
                action = item;
            }
        }
    }
    ASSERT_NE(action, nullptr) << "View ▸ Compare with Ctrl+Shift+G";
    auto* window = qobject_cast<Ui::CompareWindow*>(main.openCompare());
    ASSERT_NE(window, nullptr);
    window->variantsEditor()->setVariant(0, QStringLiteral("-"), 0, QStringLiteral("p"), QStringLiteral("gpt-test"));
    window->variantsEditor()->setVariant(1, QStringLiteral("Trip"), 2, QStringLiteral("p"), QStringLiteral("gpt-test"));
    EXPECT_FALSE(window->compare()) << "no input yet";
    EXPECT_FALSE(window->statusLabel()->text().isEmpty());
    window->inputField()->setPlainText(QStringLiteral("Lima"));
    window->blindBox()->setChecked(true);
    ASSERT_TRUE(window->compare());
    ASSERT_TRUE(waitUntil([&] { return !window->isAnswering(); }, 20'000));
    Ui::AnswersSideBySide* answers = window->answers();
    ASSERT_EQ(answers->count(), 2);
    EXPECT_EQ(answers->title(0), QStringLiteral("Answer 1")) << "blind: no variant named";
    EXPECT_EQ(answers->title(1), QStringLiteral("Answer 2"));
    // The streamed answers are whole; the cheap plan is the better one, wherever the shuffle put it.
    const int cheap = answers->text(0) == QStringLiteral("Echo: Plan a cheap day in Lima.") ? 0 : 1;
    EXPECT_EQ(answers->text(cheap), QStringLiteral("Echo: Plan a cheap day in Lima."));
    EXPECT_EQ(answers->text(1 - cheap), QStringLiteral("Echo: Lima"));
    QPushButton* better = answers->voteButton(cheap == 0 ? QStringLiteral("1") : QStringLiteral("2"));
    ASSERT_NE(better, nullptr);
    ASSERT_TRUE(better->isVisibleTo(window) && better->isEnabled());
    better->click();
    EXPECT_EQ(window->statusLabel()->text(), QStringLiteral("Your vote was kept."));
    EXPECT_TRUE(answers->title(cheap).contains(QStringLiteral("B · Trip version 2 on gpt-test")))
        << answers->title(cheap).toStdString();
    auto votes = services->compare().votes(owner);
    ASSERT_TRUE(votes);
    ASSERT_EQ(votes->size(), 1u);
    EXPECT_TRUE(votes->front().blind);
    EXPECT_EQ(votes->front().input, QStringLiteral("Lima"));
    ASSERT_EQ(votes->front().outcomes.size(), 1u);
    const Core::PairOutcome& outcome = votes->front().outcomes.front();
    EXPECT_EQ(votes->front().labels[cheap == 0 ? 0 : 1], QStringLiteral("B"));
    EXPECT_EQ(outcome.result, cheap == 0 ? Core::PairOutcome::Result::FirstWins : Core::PairOutcome::Result::SecondWins)
        << "the answer voted for won";
    window->close();
}

TEST_F(ExperimentsUiTest, AFineTuningJobIsStartedFromTheFileMenuFollowedAndCancelledAtTheProvider) {
    Ui::MainWindow main(*services, dialogs);
    main.show();
    QByteArray jsonl;
    for (int i = 0; i < 12; ++i) {
        jsonl += QStringLiteral("{\"messages\": [{\"role\": \"user\", \"content\": \"Q%1\"}, {\"role\": \"assistant\", "
                                "\"content\": \"A%1\"}]}\n")
                     .arg(i)
                     .toUtf8();
    }
    const QString path = files.filePath(QStringLiteral("train.jsonl"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(jsonl);
    file.close();

    main.findChild<QAction*>(QStringLiteral("startFineTuning"))->trigger();
    auto* dialog = main.findChild<Ui::FineTuneSubmitDialog*>(QStringLiteral("fineTuneSubmitDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->providerBox()->count(), 1) << "the OpenAI-style provider";
    // The base models come from the provider's list; nothing can start before a file and a model are chosen.
    ASSERT_TRUE(waitUntil([&] { return dialog->modelBox()->count() == 2; }));
    auto* start = dialog->findChild<QPushButton*>(QStringLiteral("fineTuneStart"));
    ASSERT_NE(start, nullptr);
    EXPECT_FALSE(start->isEnabled());
    dialogs.nextFiles = {files.filePath(QStringLiteral("missing.jsonl"))};
    dialog->findChild<QPushButton*>(QStringLiteral("fineTuneBrowse"))->click();
    EXPECT_EQ(dialog->fileField()->text(), QDir::toNativeSeparators(files.filePath(QStringLiteral("missing.jsonl"))));
    dialog->modelBox()->setCurrentText(QStringLiteral("gpt-test-mini"));
    ASSERT_TRUE(start->isEnabled());
    // A file that is not there is refused in place, everything kept.
    EXPECT_FALSE(dialog->submit());
    ASSERT_EQ(dialogs.errors.size(), 1);
    EXPECT_EQ(dialog->modelBox()->currentText(), QStringLiteral("gpt-test-mini"));
    EXPECT_EQ(server.fineTuning().fileCount(), 0);

    dialog->fileField()->setText(path);
    dialog->suffixField()->setText(QStringLiteral("notes"));
    dialog->epochsBox()->setValue(3);
    start->click();
    ASSERT_TRUE(dialog->submittedJob());
    const qint64 id = *dialog->submittedJob();
    EXPECT_TRUE(main.jobs()->isRunningHere(id));
    // Uploaded, made at the provider and followed; the Background Jobs panel shows it.
    ASSERT_TRUE(waitUntil([&] { return server.countRequests("/events") > 0; }, 20'000));
    EXPECT_EQ(server.fineTuning().fileCount(), 1);
    EXPECT_EQ(server.fineTuning().jobCount(), 1);
    auto* panel = main.findChild<Ui::JobsPanel*>();
    ASSERT_NE(panel, nullptr);
    ASSERT_TRUE(panel->select(id));
    EXPECT_EQ(panel->table()->item(0, 0)->text(), QStringLiteral("Fine-tune gpt-test-mini on train.jsonl"));
    // Cancelling the job cancels the provider's too.
    dialogs.nextConfirm = true;
    ASSERT_TRUE(panel->cancelChosen());
    ASSERT_TRUE(waitUntil([&] { return services->jobs().get(owner, id)->state == Core::JobState::Cancelled; }, 20'000));
    EXPECT_EQ(server.countRequests("/cancel"), 1);
    panel->close();
}
