#include "jobs/JobsController.h"

#include "app/CoreServices.h"
#include "logging/Logging.h"

namespace Tessera::Ui {

JobsController::JobsController(Core::CoreServices& services, Core::Actor actor, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_runner(std::make_unique<Core::JobRunner>(services.jobs(), services.clock())) {
    m_services.registerJobKinds(*m_runner, m_actor);
    connect(m_runner.get(), &Core::JobRunner::progressed, this, &JobsController::progressed);
    connect(m_runner.get(), &Core::JobRunner::ended, this,
            [this](qint64 jobId, Core::JobState state, const QString& reason) {
                auto job = m_services.jobs().get(m_actor, jobId);
                Q_EMIT ended(jobId, state, job ? job->title : QString(), reason);
            });
}

JobsController::~JobsController() = default;

int JobsController::resumeInterrupted() {
    auto resumed = m_runner->resumeInterrupted(m_actor);
    if (!resumed) {
        Core::log("jobs")->warn("resuming interrupted jobs failed: {}", resumed.error().toLogString());
        return 0;
    }
    return int(resumed->size());
}

Core::Result<Core::JobInfo> JobsController::start(qint64 jobId) {
    return m_runner->start(m_actor, jobId);
}

Core::Status JobsController::pause(qint64 jobId) {
    return m_runner->pause(m_actor, jobId);
}

Core::Status JobsController::cancel(qint64 jobId) {
    return m_runner->cancel(m_actor, jobId);
}

} // namespace Tessera::Ui
