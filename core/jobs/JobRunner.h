#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "jobs/JobStore.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace Tessera::Core {

class Clock;

// What a kind of job does with one item. run() starts the item's work and calls done exactly once, on the runner's
// thread (at once or later): the item's result, or its error. The runner decides what an error means for the job:
// a budget reached pauses it (the item is tried again on resume), a refusal (auth.forbidden, feature.disabled)
// fails it, a rate limit or a cancelled request puts the item back in the queue, anything else fails the item only.
class JobHandler {
public:
    virtual ~JobHandler() = default;
    using Done = std::function<void(Result<QJsonObject>)>;
    virtual void run(const JobInfo& job, const JobItem& item, Done done) = 0;
    // The shared resource the item uses (a provider's name), limited across every job; '' for none.
    virtual QString resource(const JobInfo& job, const JobItem& item) const {
        Q_UNUSED(job);
        Q_UNUSED(item);
        return {};
    }
    // Stops the work of the items in flight where it can; each still calls its done. `state` says why: paused
    // (also when the process quits: the job resumes later) or cancelled (the person's word: work begun elsewhere,
    // such as a provider's fine-tuning job, is called off too).
    virtual void stop(qint64 jobId, JobState state) {
        Q_UNUSED(jobId);
        Q_UNUSED(state);
    }
    // Whether an item that fails ends the job (failed): for kinds whose items are steps that build on each other.
    // Otherwise only that item fails and the rest go on.
    virtual bool failureEndsJob() const { return false; }
    using CalledOff = std::function<void(const QString& note)>;
    // Calls off what a job left behind when it is cancelled while nothing runs it (paused, queued, or its process
    // gone): a provider's fine-tuning job, an export's parts. Calls done once, on the runner's thread, with a note
    // for the job's reason ('' for nothing to say) once that is settled or could not be.
    virtual void callOff(const JobInfo& job, CalledOff done) {
        Q_UNUSED(job);
        done({});
    }
};

struct JobProgress {
    qint64 total = 0;
    qint64 done = 0;
    qint64 failed = 0;
    int inFlight = 0;
    std::optional<qint64> secondsLeft; // once an item has finished in this run
};

// Runs jobs in this process: at most the job's concurrency (params "concurrency", 1 to 64, default 4) of its items
// at once, and at most `resourceLimit` items on one resource (a provider) across all jobs. Each item's outcome is
// written to the store as it finishes, so a run cut off anywhere resumes without repeating finished items.
// Progress and endings are signalled; the UI only observes.
class JobRunner final : public QObject {
    Q_OBJECT

public:
    static constexpr int defaultConcurrency = 4;
    static constexpr int maxConcurrency = 64;
    static constexpr qint64 batch = 256;         // pending items read from the store at a time
    static constexpr int watchIntervalMs = 1000; // how often the running jobs' rows are read for stops asked
    static constexpr int startsPerTurn = 4;      // items started in one turn of the event loop, at most

    JobRunner(JobStore& store, const Clock& clock, QObject* parent = nullptr);
    ~JobRunner() override;

    void registerKind(const QString& kind, std::shared_ptr<JobHandler> handler);
    void setResourceLimit(int limit) { m_resourceLimit = std::max(limit, 1); }

    // Claims the job for this process and starts its pending items (resume is the same). Errors: store.not_found,
    // store.busy (another process runs it), input.invalid (it is over, or of a kind this process cannot run).
    Result<JobInfo> start(const Actor& actor, qint64 jobId);
    // Stops starting items; the job is paused (or cancelled) once those in flight have finished. A job another
    // process runs is asked through the store, and that process stops it within about a second. Pausing a job
    // that is paused does nothing; a job that is over is refused (input.invalid).
    Status pause(const Actor& actor, qint64 jobId);
    Status cancel(const Actor& actor, qint64 jobId);
    // Starts the actor's jobs left running by a process that is gone, and those queued.
    Result<std::vector<JobInfo>> resumeInterrupted(const Actor& actor);

    bool isRunning(qint64 jobId) const { return m_active.count(jobId) > 0; }
    // Whether a cancelled job's handler is still calling off what the job left behind; `ended` follows.
    bool isCallingOff(qint64 jobId) const { return m_callingOff.count(jobId) > 0; }
    std::optional<JobProgress> progress(qint64 jobId) const;

Q_SIGNALS:
    void progressed(qint64 jobId, const Tessera::Core::JobProgress& progress);
    void ended(qint64 jobId, Tessera::Core::JobState state, const QString& reason);

private:
    struct Active {
        JobInfo info;
        std::shared_ptr<JobHandler> handler;
        int concurrency = defaultConcurrency;
        std::deque<JobItem> queue;
        qint64 readUpTo = 0; // the last position read from the store
        bool exhausted = false;
        std::set<qint64> inFlight;
        std::optional<JobState> stopping; // paused or cancelled, once the items in flight finish
        QString reason;
        qint64 startedMs = 0;
        qint64 finishedHere = 0;
    };

    Status stopAsked(const Actor& actor, qint64 jobId, JobState state, const QString& reason);
    // The jobs running here, by id (a copy: handling one may end it).
    std::vector<qint64> activeIds() const;
    void watch();
    void scheduleSoon();
    void schedule();
    bool refill(Active& job);
    void itemDone(qint64 jobId, const JobItem& item, const QString& resource, qint64 startedMs,
                  Result<QJsonObject> outcome);
    void stopJob(Active& job, JobState state, const QString& reason);
    // Ends the job when nothing is in flight and nothing is left (or it is stopping).
    void settle(qint64 jobId);
    JobProgress progressOf(const Active& job) const;

    JobStore& m_store;
    const Clock& m_clock;
    QHash<QString, std::shared_ptr<JobHandler>> m_handlers;
    std::map<qint64, Active> m_active;
    std::set<qint64> m_callingOff;
    QHash<QString, int> m_resources;
    int m_resourceLimit = 8;
    bool m_scheduled = false;
    QTimer m_watch;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace Tessera::Core

Q_DECLARE_METATYPE(Tessera::Core::JobProgress)
