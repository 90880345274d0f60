#pragma once

#include "common/Actor.h"
#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace Tessera::Core {

class Clock;
class Database;

// Background jobs (core/jobs): the one system for long work. A job has a kind, an owner, a state, items (each with
// its input and, once done, its result) and progress; everything is in the store, so a job cut off by quitting, a
// crash or kill -9 resumes at the next start without repeating the items that finished.
enum class JobState { Queued, Running, Paused, Finished, Failed, Cancelled };
QLatin1StringView jobStateName(JobState state);
std::optional<JobState> parseJobState(const QString& name);
// Finished, failed and cancelled jobs are over: nothing changes them again.
inline bool jobIsOver(JobState state) {
    return state == JobState::Finished || state == JobState::Failed || state == JobState::Cancelled;
}

enum class JobItemState { Pending, Done, Failed };

struct JobInfo;
// About how many seconds a running job has left, from its pace since it started (nullopt before an item finished,
// or when it is not running). A runner in this process knows better (JobProgress::secondsLeft).
std::optional<qint64> estimatedSecondsLeft(const JobInfo& job, const QDateTime& now);
// Whether the items take alike times, so the pace so far tells the time left: true unless the job's params say
// "paced": false (a fine-tuning job, whose last step lasts as long as the provider trains).
bool itemsArePaced(const JobInfo& job);

struct JobInfo {
    qint64 id = 0;
    QString kind;  // "experiment", ...
    QString title; // for people: "Experiment Tone A/B"
    qint64 ownerId = 0;
    JobState state = JobState::Queued;
    QJsonObject params; // the kind's settings (concurrency, ...)
    qint64 total = 0;
    qint64 done = 0;   // items finished well
    qint64 failed = 0; // items that failed (their error kept)
    QString reason;    // why it paused or failed ("the monthly budget is reached")
    QString runner;    // the process running it ('' when none)
    bool held = false; // a live process runs it (or is stopping it)
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QDateTime updatedAt;

    qint64 remaining() const { return total - done - failed; }
};

struct JobItem {
    qint64 jobId = 0;
    qint64 position = 0; // 1, 2, 3, … in the job
    JobItemState state = JobItemState::Pending;
    QJsonObject input;
    QJsonObject result;
    QString error; // a failed item's error code and detail
    qint64 durationMs = 0;
    QDateTime finishedAt;
};

// The jobs' rows (schema 24). Each person sees and changes their own jobs. Methods are synchronous and short; the
// runner calls them from the thread that owns it.
class JobStore final {
public:
    static constexpr qint64 maxItems = 1'000'000;

    JobStore(const Database& db, const Clock& clock);

    // A queued job with its items (inputs in order), all at once.
    Result<JobInfo> create(const Actor& actor, const QString& kind, const QString& title, const QJsonObject& params,
                           const std::vector<QJsonObject>& inputs);
    Result<JobInfo> get(const Actor& actor, qint64 id) const;
    // The actor's jobs, the newest first; only those not over when `activeOnly`.
    Result<std::vector<JobInfo>> list(const Actor& actor, bool activeOnly = false, int limit = 200) const;
    // Items from `afterPosition` on (pending ones only when `pendingOnly`), at most `limit`.
    Result<std::vector<JobItem>> items(const Actor& actor, qint64 id, bool pendingOnly = false,
                                       qint64 afterPosition = 0, qint64 limit = -1) const;

    // Marks the job running in this process. Refused (store.busy) while another live process runs it; a job whose
    // process is gone is taken over. Errors: store.not_found, input.invalid (it is over).
    Result<JobInfo> claim(const Actor& actor, qint64 id);
    // An item's outcome and the job's counts, together.
    Status finishItem(qint64 jobId, qint64 position, JobItemState state, const QJsonObject& result,
                      const QString& error, qint64 durationMs);
    // A new state (and why), leaving the runner when it is no longer running.
    Status setState(qint64 jobId, JobState state, const QString& reason = {});
    // Asks the process running the job to pause or cancel it: the state is written now (with its reason) and the
    // runner, which keeps watching its jobs' rows, stops starting items and settles once those in flight finish.
    // False when no live process holds the job (then nothing changed).
    Result<bool> request(qint64 jobId, JobState state, const QString& reason);
    // The actor's jobs left running or queued by a process that is gone (or by none): those to resume.
    Result<std::vector<JobInfo>> interrupted(const Actor& actor) const;
    // Removes a job that is over, with its items.
    Status remove(const Actor& actor, qint64 id);

private:
    const Database& m_db;
    const Clock& m_clock;
};

} // namespace Tessera::Core
