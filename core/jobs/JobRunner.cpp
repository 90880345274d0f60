#include "jobs/JobRunner.h"

#include "common/Clock.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Tessera::Core {

namespace {

// What an item's error means for its job.
enum class Meaning { ItemFailed, Retry, PauseJob, FailJob };

Meaning meaningOf(const Error& error) {
    switch (error.code) {
    case ErrorCode::QuotaExceeded:
        return Meaning::PauseJob;
    case ErrorCode::AuthForbidden:
    case ErrorCode::AuthRequired:
    case ErrorCode::FeatureDisabled:
        return Meaning::FailJob;
    case ErrorCode::QuotaRateLimited:
    case ErrorCode::LocalRateLimited:
    case ErrorCode::Cancelled:
        return Meaning::Retry;
    default:
        return Meaning::ItemFailed;
    }
}

QString errorText(const Error& error) {
    return QStringLiteral("%1: %2").arg(codeName(error.code),
                                        error.detail.isEmpty() ? error.translatedMessage() : error.detail);
}

} // namespace

JobRunner::JobRunner(JobStore& store, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock) {
    qRegisterMetaType<JobProgress>();
    m_watch.setInterval(watchIntervalMs);
    connect(&m_watch, &QTimer::timeout, this, &JobRunner::watch);
}

JobRunner::~JobRunner() {
    *m_alive = false;
    for (auto& [id, job] : m_active) {
        job.handler->stop(id, JobState::Paused);
    }
}

void JobRunner::registerKind(const QString& kind, std::shared_ptr<JobHandler> handler) {
    m_handlers.insert(kind, std::move(handler));
}

Result<JobInfo> JobRunner::start(const Actor& actor, qint64 jobId) {
    if (auto running = m_active.find(jobId); running != m_active.end()) {
        if (running->second.info.ownerId != actor.userId) {
            return fail(ErrorCode::NotFound, QStringLiteral("you have no job %1").arg(jobId));
        }
        running->second.stopping.reset(); // a pause asked for and taken back before it took effect
        scheduleSoon();
        return running->second.info;
    }
    auto found = m_store.get(actor, jobId);
    if (!found) {
        return fail(found.error());
    }
    auto handler = m_handlers.value(found->kind);
    if (!handler) {
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("job %1 is of the kind \"%2\", which this program cannot run").arg(jobId).arg(found->kind));
    }
    auto claimed = m_store.claim(actor, jobId);
    if (!claimed) {
        return fail(claimed.error());
    }
    Active job;
    job.info = *claimed;
    job.handler = std::move(handler);
    job.concurrency = std::clamp(claimed->params.value(QLatin1StringView("concurrency")).toInt(defaultConcurrency), 1,
                                 maxConcurrency);
    job.startedMs = m_clock.monotonicMs();
    m_active.emplace(jobId, std::move(job));
    m_watch.start();
    Q_EMIT progressed(jobId, progressOf(m_active.at(jobId)));
    scheduleSoon();
    return *claimed;
}

Status JobRunner::pause(const Actor& actor, qint64 jobId) {
    return stopAsked(actor, jobId, JobState::Paused, QStringLiteral("paused by %1").arg(actor.userName));
}

Status JobRunner::cancel(const Actor& actor, qint64 jobId) {
    return stopAsked(actor, jobId, JobState::Cancelled, QStringLiteral("cancelled by %1").arg(actor.userName));
}

Status JobRunner::stopAsked(const Actor& actor, qint64 jobId, JobState state, const QString& reason) {
    auto found = m_store.get(actor, jobId);
    if (!found) {
        return fail(found.error());
    }
    if (auto running = m_active.find(jobId); running != m_active.end()) {
        stopJob(running->second, state, reason);
        return {};
    }
    if (jobIsOver(found->state)) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("job %1 is %2").arg(jobId).arg(jobStateName(found->state)));
    }
    if (found->state == JobState::Paused && state == JobState::Paused) {
        return {};
    }
    if (!found->runner.isEmpty()) {
        // Held by another process (or by one that is gone): that process sees the new state within a second and
        // stops; a job whose process is gone just keeps it.
        auto asked = m_store.request(jobId, state, reason);
        if (!asked) {
            return fail(asked.error());
        }
        if (*asked) {
            return {};
        }
    }
    auto set = m_store.setState(jobId, state, reason);
    if (!set) {
        return set;
    }
    auto handler = m_handlers.value(found->kind);
    if (state != JobState::Cancelled || !handler) {
        Q_EMIT ended(jobId, state, reason);
        return set;
    }
    // The job is cancelled in the store now; what it began elsewhere is called off after, and the note of how
    // that went is added to its reason.
    m_callingOff.insert(jobId);
    handler->callOff(*found, [this, alive = std::weak_ptr<bool>(m_alive), jobId, reason](const QString& note) {
        if (const auto live = alive.lock(); !live || !*live || m_callingOff.erase(jobId) == 0) {
            return;
        }
        const QString full = note.isEmpty() ? reason : QStringLiteral("%1; %2").arg(reason, note);
        if (!note.isEmpty()) {
            (void)m_store.setState(jobId, JobState::Cancelled, full);
        }
        Q_EMIT ended(jobId, JobState::Cancelled, full);
    });
    return set;
}

Result<std::vector<JobInfo>> JobRunner::resumeInterrupted(const Actor& actor) {
    auto jobs = m_store.interrupted(actor);
    if (!jobs) {
        return fail(jobs.error());
    }
    std::vector<JobInfo> resumed;
    for (const JobInfo& job : *jobs) {
        if (!m_handlers.contains(job.kind)) {
            continue; // a kind another program runs
        }
        if (auto started = start(actor, job.id)) {
            resumed.push_back(*started);
        }
    }
    return resumed;
}

std::optional<JobProgress> JobRunner::progress(qint64 jobId) const {
    const auto found = m_active.find(jobId);
    if (found == m_active.end()) {
        return std::nullopt;
    }
    return progressOf(found->second);
}

JobProgress JobRunner::progressOf(const Active& job) const {
    JobProgress p;
    p.total = job.info.total;
    p.done = job.info.done;
    p.failed = job.info.failed;
    p.inFlight = int(job.inFlight.size());
    if (job.finishedHere > 0 && itemsArePaced(job.info)) {
        const double elapsed = double(std::max<qint64>(m_clock.monotonicMs() - job.startedMs, 1));
        const double perItem = elapsed / double(job.finishedHere);
        p.secondsLeft = qint64(std::ceil(perItem * double(job.info.remaining()) / 1000.0));
    }
    return p;
}

std::vector<qint64> JobRunner::activeIds() const {
    std::vector<qint64> ids;
    for (const auto& [id, job] : m_active) {
        ids.push_back(id);
    }
    return ids;
}

void JobRunner::watch() {
    for (const qint64 id : activeIds()) {
        auto found = m_active.find(id);
        if (found == m_active.end()) {
            continue;
        }
        Actor owner;
        owner.userId = found->second.info.ownerId;
        auto row = m_store.get(owner, id);
        if (!row) {
            continue; // read again at the next look
        }
        // Another process asked this one to stop the job (jobs pause, experiments cancel, …).
        if (row->state == JobState::Paused || row->state == JobState::Cancelled) {
            stopJob(found->second, row->state, row->reason);
        }
    }
}

void JobRunner::scheduleSoon() {
    if (m_scheduled) {
        return;
    }
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        schedule();
    });
}

bool JobRunner::refill(Active& job) {
    if (job.exhausted) {
        return false;
    }
    Actor owner;
    owner.userId = job.info.ownerId;
    auto more = m_store.items(owner, job.info.id, true, job.readUpTo, batch);
    if (!more) {
        stopJob(job, JobState::Failed, errorText(more.error()));
        return false;
    }
    if (more->empty()) {
        job.exhausted = true;
        return false;
    }
    job.readUpTo = more->back().position;
    for (JobItem& item : *more) {
        job.queue.push_back(std::move(item));
    }
    return true;
}

void JobRunner::schedule() {
    int started = 0;
    for (const qint64 id : activeIds()) {
        auto found = m_active.find(id);
        if (found == m_active.end()) {
            continue;
        }
        Active& job = found->second;
        while (!job.stopping && int(job.inFlight.size()) < job.concurrency) {
            if (started == startsPerTurn) {
                // The rest at the next turn of the event loop: a window on this thread keeps answering while many
                // items start at once.
                scheduleSoon();
                break;
            }
            if (job.queue.empty() && !refill(job)) {
                break;
            }
            if (job.queue.empty()) {
                break;
            }
            const JobItem& next = job.queue.front();
            const QString resource = job.handler->resource(job.info, next);
            if (!resource.isEmpty() && m_resources.value(resource) >= m_resourceLimit) {
                break; // the provider is busy with other items: this job waits for a slot
            }
            JobItem item = std::move(job.queue.front());
            job.queue.pop_front();
            job.inFlight.insert(item.position);
            if (!resource.isEmpty()) {
                ++m_resources[resource];
            }
            ++started;
            const qint64 startedMs = m_clock.monotonicMs();
            std::weak_ptr<bool> alive = m_alive;
            auto called = std::make_shared<bool>(false);
            job.handler->run(job.info, item,
                             [this, alive, called, id, item, resource, startedMs](Result<QJsonObject> outcome) {
                                 if (alive.expired() || *called) {
                                     return; // the runner is gone, or a handler called twice
                                 }
                                 *called = true;
                                 itemDone(id, item, resource, startedMs, std::move(outcome));
                             });
            if (m_active.find(id) == m_active.end()) {
                break; // the item's answer ended the job at once
            }
        }
        settle(id);
    }
}

void JobRunner::itemDone(qint64 jobId, const JobItem& item, const QString& resource, qint64 startedMs,
                         Result<QJsonObject> outcome) {
    if (!resource.isEmpty()) {
        if (--m_resources[resource] <= 0) {
            m_resources.remove(resource);
        }
    }
    auto found = m_active.find(jobId);
    if (found == m_active.end()) {
        scheduleSoon();
        return;
    }
    Active& job = found->second;
    job.inFlight.erase(item.position);
    const qint64 duration = m_clock.monotonicMs() - startedMs;
    if (outcome) {
        if (auto written = m_store.finishItem(jobId, item.position, JobItemState::Done, *outcome, {}, duration);
            !written) {
            stopJob(job, JobState::Failed, errorText(written.error()));
        } else {
            ++job.info.done;
            ++job.finishedHere;
        }
    } else {
        switch (meaningOf(outcome.error())) {
        case Meaning::ItemFailed:
            if (auto written = m_store.finishItem(jobId, item.position, JobItemState::Failed, {},
                                                  errorText(outcome.error()), duration);
                !written) {
                stopJob(job, JobState::Failed, errorText(written.error()));
            } else {
                ++job.info.failed;
                ++job.finishedHere;
                if (job.handler->failureEndsJob()) {
                    stopJob(job, JobState::Failed, errorText(outcome.error()));
                }
            }
            break;
        case Meaning::Retry:
            if (!job.stopping) {
                job.queue.push_front(item); // again, when a slot frees
            }
            break;
        case Meaning::PauseJob:
            stopJob(job, JobState::Paused, errorText(outcome.error()));
            break;
        case Meaning::FailJob:
            stopJob(job, JobState::Failed, errorText(outcome.error()));
            break;
        }
    }
    Q_EMIT progressed(jobId, progressOf(job));
    settle(jobId);
    scheduleSoon();
}

void JobRunner::stopJob(Active& job, JobState state, const QString& reason) {
    // The first reason to stop wins (a cancel after a budget pause stays a cancel: it is the person's word).
    if (job.stopping && !(state == JobState::Cancelled && *job.stopping != JobState::Cancelled)) {
        return;
    }
    job.stopping = state;
    job.reason = reason;
    job.queue.clear();
    job.exhausted = false;
    job.readUpTo = 0;
    job.handler->stop(job.info.id, state);
    settle(job.info.id);
}

void JobRunner::settle(qint64 jobId) {
    auto found = m_active.find(jobId);
    if (found == m_active.end()) {
        return;
    }
    Active& job = found->second;
    if (!job.inFlight.empty()) {
        return;
    }
    std::optional<JobState> end = job.stopping;
    if (!end && job.queue.empty() && job.exhausted) {
        end = JobState::Finished;
    }
    if (!end) {
        return;
    }
    const QString reason = job.reason;
    const JobState state = *end;
    (void)m_store.setState(jobId, state, reason);
    m_active.erase(found);
    if (m_active.empty()) {
        m_watch.stop();
    }
    Q_EMIT ended(jobId, state, reason);
}

} // namespace Tessera::Core
