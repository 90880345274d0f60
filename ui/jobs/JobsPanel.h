#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "jobs/JobRunner.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;
class JobsController;

// View ▸ Jobs: the person's background jobs, the newest first, each with its state, a progress bar, the time left
// and why it stopped; pause, resume, cancel and remove the one chosen. Jobs running in another process show their
// progress too (read again every second while the panel is open).
class JobsPanel final : public QDialog {
    Q_OBJECT

public:
    static constexpr int idRole = Qt::UserRole;

    JobsPanel(Core::CoreServices& services, Core::Actor actor, JobsController& jobs, Dialogs& dialogs,
              QWidget* parent = nullptr);

    void reload();
    // The chosen job, acted on; false (with the error shown) when core refuses.
    bool pauseChosen();
    bool resumeChosen();
    bool cancelChosen();
    bool removeChosen();
    bool select(qint64 jobId);

    QTableWidget* table() const { return m_table; }

private:
    // A running job's bar and time left, from the runner's progress (no store read).
    void showProgress(qint64 jobId, const Core::JobProgress& progress);
    qint64 chosen() const;
    void updateButtons();
    bool report(const QString& title, const Core::Status& status);

    Core::CoreServices& m_services;
    Core::Actor m_actor;
    JobsController& m_jobs;
    Dialogs& m_dialogs;
    QTableWidget* m_table;
    QLabel* m_empty;
    QPushButton* m_pause;
    QPushButton* m_resume;
    QPushButton* m_cancel;
    QPushButton* m_remove;
    QTimer* m_refresh;
};

// A job's state in the person's words ("Running", "Paused", …), and its time left ("about 2 min left").
QString jobStateText(int state);
QString timeLeftText(qint64 seconds);

} // namespace Tessera::Ui
