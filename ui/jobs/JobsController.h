#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "jobs/JobRunner.h"

#include <QObject>

#include <memory>

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

// The app's background jobs: one runner for the signed-in person's jobs in this process, which resumes at start the
// jobs a quit, a crash or kill -9 cut off, and passes on their progress and endings. Pause and cancel reach a job
// wherever it runs (another window, a background tessera-cli) through core.
class JobsController final : public QObject {
    Q_OBJECT

public:
    JobsController(Core::CoreServices& services, Core::Actor actor, QObject* parent = nullptr);
    ~JobsController() override;

    // Starts the jobs left running or queued by a process that is gone (at start); how many.
    int resumeInterrupted();
    // Starts (or resumes) a job in this process.
    Core::Result<Core::JobInfo> start(qint64 jobId);
    Core::Status pause(qint64 jobId);
    Core::Status cancel(qint64 jobId);
    bool isRunningHere(qint64 jobId) const { return m_runner->isRunning(jobId); }
    std::optional<Core::JobProgress> progress(qint64 jobId) const { return m_runner->progress(jobId); }

Q_SIGNALS:
    void progressed(qint64 jobId, const Tessera::Core::JobProgress& progress);
    // A job of this process ended: finished, paused, failed or cancelled, with its title and why.
    void ended(qint64 jobId, Tessera::Core::JobState state, const QString& title, const QString& reason);

private:
    Core::CoreServices& m_services;
    Core::Actor m_actor;
    std::unique_ptr<Core::JobRunner> m_runner;
};

} // namespace Tessera::Ui
