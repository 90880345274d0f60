// The main window's background jobs and experiments: the controller that runs jobs in the app, View ▸ Experiments,
// View ▸ Compare, View ▸ Background Jobs, and the notification when a job ends.
#include "mainwindow/MainWindow.h"

#include "app/CoreServices.h"
#include "experiments/CompareWindow.h"
#include "experiments/ExperimentsWindow.h"
#include "jobs/JobStore.h"
#include "jobs/JobsController.h"
#include "jobs/JobsPanel.h"
#include "models/ConversationListModel.h"

#include <QApplication>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

namespace Tessera::Ui {

void MainWindow::startJobs() {
    m_jobs = new JobsController(m_services, m_actor, this);
    connect(m_jobs, &JobsController::ended, this, &MainWindow::notifyJobEnded);
    // Every kind checks in core what its owner may do, so any person's cut-off jobs (an export, an import, a run)
    // go on.
    // A moment after the window shows: what a quit, a crash or kill -9 cut off goes on where it stopped.
    QTimer::singleShot(1500, m_jobs, [this] {
        if (const int resumed = m_jobs->resumeInterrupted(); resumed > 0) {
            statusBar()->showMessage(tr("%n background job(s) cut off last time go on now.", nullptr, resumed), 8000);
        }
    });
}

void MainWindow::notifyJobEnded(qint64 jobId, Core::JobState state, const QString& title, const QString& reason) {
    // Conversations a background import added join the list.
    if (auto job = m_services.jobs().get(m_actor, jobId); job && job->kind == QLatin1StringView("import")) {
        m_model->refresh();
    }
    QString text;
    switch (state) {
    case Core::JobState::Finished:
        text = tr("%1 has finished.").arg(title);
        break;
    case Core::JobState::Paused:
        text = reason.startsWith(QStringLiteral("quota.exceeded"))
                   ? tr("%1 is paused: a budget is reached. It goes on when you resume it.").arg(title)
                   : tr("%1 is paused.").arg(title);
        break;
    case Core::JobState::Failed:
        text = tr("%1 has failed: %2").arg(title, reason);
        break;
    case Core::JobState::Cancelled:
        text = tr("%1 was cancelled.").arg(title);
        break;
    default:
        return;
    }
    statusBar()->showMessage(text, 15'000);
    QApplication::alert(this);
    if (state != Core::JobState::Cancelled && QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(windowIcon().isNull() ? QApplication::windowIcon() : windowIcon(), this);
            m_tray->setToolTip(QStringLiteral("Tessera"));
            m_tray->show();
        }
        m_tray->showMessage(tr("Tessera"), text,
                            state == Core::JobState::Finished ? QSystemTrayIcon::Information
                                                              : QSystemTrayIcon::Warning);
    }
}

QWidget* MainWindow::openExperiments() {
    if (m_experiments) {
        m_experiments->raise();
        m_experiments->activateWindow();
        return m_experiments;
    }
    m_experiments = new ExperimentsWindow(m_services, m_actor, *m_jobs, m_dialogs, this);
    m_experiments->setAttribute(Qt::WA_DeleteOnClose);
    m_experiments->show();
    return m_experiments;
}

QWidget* MainWindow::openCompare() {
    auto* window = new CompareWindow(m_services, m_actor, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

QDialog* MainWindow::openJobs() {
    if (m_jobsPanel) {
        m_jobsPanel->raise();
        m_jobsPanel->activateWindow();
        return m_jobsPanel;
    }
    m_jobsPanel = new JobsPanel(m_services, m_actor, *m_jobs, m_dialogs, this);
    m_jobsPanel->setAttribute(Qt::WA_DeleteOnClose);
    m_jobsPanel->show();
    return m_jobsPanel;
}

} // namespace Tessera::Ui
