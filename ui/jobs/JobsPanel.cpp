#include "jobs/JobsPanel.h"

#include "app/CoreServices.h"
#include "jobs/JobsController.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Tessera::Ui {

using Core::JobState;

QString jobStateText(int state) {
    switch (JobState(state)) {
    case JobState::Queued:
        return JobsPanel::tr("Queued");
    case JobState::Running:
        return JobsPanel::tr("Running");
    case JobState::Paused:
        return JobsPanel::tr("Paused");
    case JobState::Finished:
        return JobsPanel::tr("Finished");
    case JobState::Failed:
        return JobsPanel::tr("Failed");
    case JobState::Cancelled:
        return JobsPanel::tr("Cancelled");
    }
    return {};
}

QString timeLeftText(qint64 seconds) {
    if (seconds < 60) {
        return JobsPanel::tr("about %n s left", nullptr, int(std::max<qint64>(seconds, 1)));
    }
    if (seconds < 3600) {
        return JobsPanel::tr("about %n min left", nullptr, int((seconds + 59) / 60));
    }
    return JobsPanel::tr("about %n h left", nullptr, int((seconds + 3599) / 3600));
}

JobsPanel::JobsPanel(Core::CoreServices& services, Core::Actor actor, JobsController& jobs, Dialogs& dialogs,
                     QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_jobs(jobs)
    , m_dialogs(dialogs)
    , m_table(new QTableWidget(0, 4, this))
    , m_empty(new QLabel(tr("No background jobs yet. Running an experiment starts one."), this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_resume(new QPushButton(tr("&Resume"), this))
    , m_cancel(new QPushButton(tr("&Cancel Job"), this))
    , m_remove(new QPushButton(tr("Re&move"), this))
    , m_refresh(new QTimer(this)) {
    setObjectName(QStringLiteral("jobsPanel"));
    setWindowTitle(tr("Background Jobs"));
    m_table->setObjectName(QStringLiteral("jobsTable"));
    m_table->setHorizontalHeaderLabels({tr("Job"), tr("State"), tr("Progress"), tr("Time left")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Fixed);
    m_table->setColumnWidth(2, 200);
    m_table->setAccessibleName(tr("Background jobs"));
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_pause->setObjectName(QStringLiteral("pauseJob"));
    m_resume->setObjectName(QStringLiteral("resumeJob"));
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_remove->setObjectName(QStringLiteral("removeJob"));
    m_pause->setToolTip(tr("Stops starting answers; those in flight are asked again on resume"));
    m_cancel->setToolTip(tr("Stops the job for good; what it has done is kept"));
    m_remove->setToolTip(tr("Deletes a job that is over, with its results"));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_pause, m_resume, m_cancel, m_remove}) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_empty);
    layout->addLayout(buttons);
    resize(720, 360);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_pause, &QPushButton::clicked, this, &JobsPanel::pauseChosen);
    connect(m_resume, &QPushButton::clicked, this, &JobsPanel::resumeChosen);
    connect(m_cancel, &QPushButton::clicked, this, &JobsPanel::cancelChosen);
    connect(m_remove, &QPushButton::clicked, this, &JobsPanel::removeChosen);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &JobsPanel::updateButtons);
    // Progress comes with every item: the row's bar and time left follow it, and the list is read again each second.
    connect(&m_jobs, &JobsController::progressed, this, &JobsPanel::showProgress);
    connect(&m_jobs, &JobsController::ended, this, &JobsPanel::reload);
    m_refresh->setInterval(1000);
    connect(m_refresh, &QTimer::timeout, this, &JobsPanel::reload);
    m_refresh->start();
    reload();
}

void JobsPanel::reload() {
    const qint64 keep = chosen();
    auto jobs = m_services.jobs().list(m_actor, false, 100);
    if (!jobs) {
        m_empty->setText(describeErrorPlainly(jobs.error()));
        m_empty->show();
        return;
    }
    const QDateTime now = m_services.clock().nowUtc();
    m_table->setRowCount(int(jobs->size()));
    for (int row = 0; row < int(jobs->size()); ++row) {
        const Core::JobInfo& job = (*jobs)[std::size_t(row)];
        auto* title = new QTableWidgetItem(job.title);
        title->setData(idRole, job.id);
        title->setToolTip(tr("Job %1, started %2")
                              .arg(job.id)
                              .arg(QLocale().toString(job.createdAt.toLocalTime(), QLocale::ShortFormat)));
        m_table->setItem(row, 0, title);
        QString state = jobStateText(int(job.state));
        if (job.held && job.state != JobState::Running) {
            state = tr("%1 (stopping)").arg(state);
        }
        auto* stateItem = new QTableWidgetItem(state);
        stateItem->setToolTip(job.reason);
        m_table->setItem(row, 1, stateItem);
        auto* bar = qobject_cast<QProgressBar*>(m_table->cellWidget(row, 2));
        if (!bar) {
            bar = new QProgressBar(m_table);
            bar->setTextVisible(true);
            m_table->setCellWidget(row, 2, bar);
        }
        bar->setRange(0, int(std::max<qint64>(job.total, 1)));
        bar->setValue(int(job.done + job.failed));
        bar->setFormat(job.failed > 0
                           ? tr("%1 of %2, %3 failed").arg(job.done + job.failed).arg(job.total).arg(job.failed)
                           : tr("%1 of %2").arg(job.done).arg(job.total));
        bar->setAccessibleName(tr("%1: %2").arg(job.title, bar->format()));
        std::optional<qint64> left;
        if (const auto here = m_jobs.progress(job.id)) {
            left = here->secondsLeft;
        } else {
            left = Core::estimatedSecondsLeft(job, now);
        }
        m_table->setItem(row, 3, new QTableWidgetItem(left ? timeLeftText(*left) : QString()));
    }
    m_empty->setVisible(jobs->empty());
    m_table->setVisible(!jobs->empty());
    if (keep > 0) {
        select(keep);
    }
    updateButtons();
}

void JobsPanel::showProgress(qint64 jobId, const Core::JobProgress& progress) {
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (!m_table->item(row, 0) || m_table->item(row, 0)->data(idRole).toLongLong() != jobId) {
            continue;
        }
        if (auto* bar = qobject_cast<QProgressBar*>(m_table->cellWidget(row, 2))) {
            bar->setRange(0, int(std::max<qint64>(progress.total, 1)));
            bar->setValue(int(progress.done + progress.failed));
            bar->setFormat(progress.failed > 0 ? tr("%1 of %2, %3 failed")
                                                     .arg(progress.done + progress.failed)
                                                     .arg(progress.total)
                                                     .arg(progress.failed)
                                               : tr("%1 of %2").arg(progress.done).arg(progress.total));
        }
        if (QTableWidgetItem* left = m_table->item(row, 3)) {
            left->setText(progress.secondsLeft ? timeLeftText(*progress.secondsLeft) : QString());
        }
        return;
    }
}

qint64 JobsPanel::chosen() const {
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return 0;
    }
    const QTableWidgetItem* item = m_table->item(rows.front().row(), 0);
    return item ? item->data(idRole).toLongLong() : 0;
}

bool JobsPanel::select(qint64 jobId) {
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 0) && m_table->item(row, 0)->data(idRole).toLongLong() == jobId) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

void JobsPanel::updateButtons() {
    const qint64 id = chosen();
    auto job = id > 0 ? m_services.jobs().get(m_actor, id)
                      : Core::Result<Core::JobInfo>(Core::fail(Core::ErrorCode::NotFound));
    const bool over = job && Core::jobIsOver(job->state);
    m_pause->setEnabled(job && (job->state == JobState::Running || job->state == JobState::Queued));
    m_resume->setEnabled(job && !over && !job->held);
    m_cancel->setEnabled(job && !over);
    m_remove->setEnabled(job && over);
}

bool JobsPanel::report(const QString& title, const Core::Status& status) {
    if (!status) {
        m_dialogs.showError(this, title, describeError(status.error()));
    }
    reload();
    return bool(status);
}

bool JobsPanel::pauseChosen() {
    return report(tr("Cannot Pause the Job"), m_jobs.pause(chosen()));
}

bool JobsPanel::resumeChosen() {
    auto started = m_jobs.start(chosen());
    return report(tr("Cannot Resume the Job"), started ? Core::Status{} : Core::Status(Core::fail(started.error())));
}

bool JobsPanel::cancelChosen() {
    const qint64 id = chosen();
    if (!m_dialogs.confirm(this, tr("Cancel the Job?"), tr("The job stops for good. What it has done so far is kept."),
                           tr("Cancel Job"))) {
        return false;
    }
    return report(tr("Cannot Cancel the Job"), m_jobs.cancel(id));
}

bool JobsPanel::removeChosen() {
    const qint64 id = chosen();
    if (!m_dialogs.confirm(this, tr("Remove the Job?"), tr("The job and its results are deleted."), tr("Remove"))) {
        return false;
    }
    return report(tr("Cannot Remove the Job"), m_services.jobs().remove(m_actor, id));
}

} // namespace Tessera::Ui
