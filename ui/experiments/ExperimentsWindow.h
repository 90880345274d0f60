#pragma once

#include "common/Actor.h"
#include "experiments/ExperimentRuns.h"

#include <QWidget>

#include <optional>

class QDialog;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;
class JobsController;

// View ▸ Experiments: A/B prompt experiments. The person's experiments beside the one chosen: its definition, its
// run (a progress bar with the time left; run, pause, resume, cancel), the verdict in plain words, and the results
// — per variant the pass rate with its 95 % interval, mean score, cost and latency; per pair the wins, ties and
// losses (and the judge's), the difference with its interval; the ranking; and the matrix of every answer. The
// winner is promoted to production from here, and the results exported as JSON or CSV. New experiments and
// datasets (imported from CSV or JSONL) are made here too. Everything goes through core.
class ExperimentResultsLoader;

class ExperimentsWindow final : public QWidget {
    Q_OBJECT

public:
    static constexpr int resultsRefreshMs = 3000; // how often a running experiment's results are read again

    static constexpr int nameRole = Qt::UserRole;

    ExperimentsWindow(Core::CoreServices& services, Core::Actor actor, JobsController& jobs, Dialogs& dialogs,
                      QWidget* parent = nullptr);

    void reload();
    bool select(const QString& name);
    // Shows the experiment chosen again (its run's progress and results).
    // Reads the chosen experiment's results off the UI thread and shows them when read.
    void showChosen();
    // Whether results asked for are still being read.
    bool isLoading() const;
    // Starts (or continues) the chosen experiment's run in this app.
    bool runChosen();
    bool pauseChosen();
    bool cancelChosen();
    // Moves production to the version of the variant chosen in the variants table (the winner unless another is
    // chosen), after asking.
    bool promoteChosen();
    // The results as JSON (.json) or the matrix as CSV (.csv), to a file the person chooses.
    bool exportResults();
    // Review Blind: the answers two at a time without their variants, for people's votes (the dialog, open).
    QDialog* reviewBlind();
    bool exportResultsTo(const QString& path);
    // New experiment (a dialog) and import a dataset (a file chosen, a name asked).
    void newExperiment();
    bool importDataset();
    bool importDatasetFrom(const QString& path, const QString& name);
    bool removeChosen();

    QListWidget* list() const { return m_list; }
    QTableWidget* variantsTable() const { return m_variants; }
    QTableWidget* pairsTable() const { return m_pairs; }
    QTableWidget* answersTable() const { return m_answers; }
    QLabel* verdictLabel() const { return m_verdict; }
    QProgressBar* progressBar() const { return m_progress; }
    const std::optional<Core::ExperimentResults>& results() const { return m_results; }

private:
    void showLoaded(const QString& name, const Core::Result<Core::ExperimentResults>& results);
    QString chosenName() const;
    void showResults();
    void showRunState();
    QString verdictText() const;

    Core::CoreServices& m_services;
    Core::Actor m_actor;
    JobsController& m_jobs;
    Dialogs& m_dialogs;
    QListWidget* m_list;
    QLabel* m_title;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QLabel* m_runState;
    QPushButton* m_run;
    QPushButton* m_pause;
    QPushButton* m_cancel;
    QLabel* m_verdict;
    QTabWidget* m_tabs;
    QTableWidget* m_variants;
    QTableWidget* m_pairs;
    QTableWidget* m_answers;
    QPushButton* m_promote;
    QPushButton* m_export;
    QPushButton* m_review;
    QPushButton* m_remove;
    QTimer* m_refresh;
    std::optional<Core::ExperimentResults> m_results;
    ExperimentResultsLoader* m_loader = nullptr;
};

} // namespace Tessera::Ui
