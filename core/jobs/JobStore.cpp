#include "jobs/JobStore.h"

#include "common/Clock.h"
#include "storage/Database.h"
#include "storage/StoreLease.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <cmath>

namespace Tessera::Core {

namespace {

struct StateName {
    JobState state;
    const char* name;
};
constexpr StateName stateNames[] = {{JobState::Queued, "queued"}, {JobState::Running, "running"},
                                    {JobState::Paused, "paused"}, {JobState::Finished, "finished"},
                                    {JobState::Failed, "failed"}, {JobState::Cancelled, "cancelled"}};

QLatin1StringView itemStateName(JobItemState state) {
    switch (state) {
    case JobItemState::Pending:
        return QLatin1StringView("pending");
    case JobItemState::Done:
        return QLatin1StringView("done");
    case JobItemState::Failed:
        return QLatin1StringView("failed");
    }
    return QLatin1StringView("pending");
}

JobItemState parseItemState(const QString& name) {
    if (name == QLatin1StringView("done")) {
        return JobItemState::Done;
    }
    return name == QLatin1StringView("failed") ? JobItemState::Failed : JobItemState::Pending;
}

QString json(const QJsonObject& object) {
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QString& text) {
    return text.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(text.toUtf8()).object();
}

QDateTime optionalTime(const QVariant& value) {
    return value.isNull() || value.toString().isEmpty() ? QDateTime() : fromStoredTime(value.toString());
}

constexpr const char* jobColumns =
    "id, kind, title, owner_id, state, params, total, done, failed, reason, runner, created_at, started_at, "
    "finished_at, updated_at, CASE WHEN runner <> '' AND runner IN (SELECT id FROM store_owners) THEN 1 ELSE 0 END";

JobInfo readJob(const QSqlQuery& q) {
    JobInfo job;
    job.id = q.value(0).toLongLong();
    job.kind = q.value(1).toString();
    job.title = q.value(2).toString();
    job.ownerId = q.value(3).toLongLong();
    job.state = parseJobState(q.value(4).toString()).value_or(JobState::Failed);
    job.params = object(q.value(5).toString());
    job.total = q.value(6).toLongLong();
    job.done = q.value(7).toLongLong();
    job.failed = q.value(8).toLongLong();
    job.reason = q.value(9).toString();
    job.runner = q.value(10).toString();
    job.createdAt = optionalTime(q.value(11));
    job.startedAt = optionalTime(q.value(12));
    job.finishedAt = optionalTime(q.value(13));
    job.updatedAt = optionalTime(q.value(14));
    job.held = q.value(15).toInt() == 1;
    return job;
}

Status notFound(qint64 id) {
    return fail(ErrorCode::NotFound, QStringLiteral("you have no job %1").arg(id));
}

} // namespace

QLatin1StringView jobStateName(JobState state) {
    for (const StateName& s : stateNames) {
        if (s.state == state) {
            return QLatin1StringView(s.name);
        }
    }
    return QLatin1StringView("failed");
}

std::optional<JobState> parseJobState(const QString& name) {
    for (const StateName& s : stateNames) {
        if (name == QLatin1StringView(s.name)) {
            return s.state;
        }
    }
    return std::nullopt;
}

bool itemsArePaced(const JobInfo& job) {
    return job.params.value(QLatin1StringView("paced")).toBool(true);
}

std::optional<qint64> estimatedSecondsLeft(const JobInfo& job, const QDateTime& now) {
    const qint64 finished = job.done + job.failed;
    if (job.state != JobState::Running || finished <= 0 || !job.startedAt.isValid() || !itemsArePaced(job)) {
        return std::nullopt;
    }
    const double elapsed = double(std::max<qint64>(job.startedAt.msecsTo(now), 1));
    return qint64(std::ceil(elapsed / double(finished) * double(job.remaining()) / 1000.0));
}

JobStore::JobStore(const Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {
}

Result<JobInfo> JobStore::create(const Actor& actor, const QString& kind, const QString& title,
                                 const QJsonObject& params, const std::vector<QJsonObject>& inputs) {
    if (kind.isEmpty() || inputs.empty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a job has a kind and at least one item"));
    }
    if (qint64(inputs.size()) > maxItems) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a job has at most %1 items").arg(maxItems));
    }
    const QString now = toStoredTime(m_clock.nowUtc());
    qint64 id = 0;
    auto stored = m_db.transaction([&]() -> Status {
        {
            auto inserted = m_db.exec(QStringLiteral("INSERT INTO jobs (kind, title, owner_id, state, params, total, "
                                                     "created_at, updated_at) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?) "
                                                     "RETURNING id"),
                                      {kind, title, actor.userId, json(params), qint64(inputs.size()), now, now});
            if (!inserted) {
                return fail(inserted.error());
            }
            if (!inserted->next()) {
                return fail(ErrorCode::StorageFailed, QStringLiteral("the new job has no id"));
            }
            id = inserted->value(0).toLongLong();
        }
        qint64 position = 0;
        for (const QJsonObject& input : inputs) {
            auto added = m_db.exec(QStringLiteral("INSERT INTO job_items (job_id, position, state, input) VALUES "
                                                  "(?, ?, 'pending', ?)"),
                                   {id, ++position, json(input)});
            if (!added) {
                return fail(added.error());
            }
        }
        return {};
    });
    if (!stored) {
        return fail(stored.error());
    }
    return get(actor, id);
}

Result<JobInfo> JobStore::get(const Actor& actor, qint64 id) const {
    auto query = m_db.exec(
        QStringLiteral("SELECT %1 FROM jobs WHERE id = ? AND owner_id = ?").arg(QLatin1StringView(jobColumns)),
        {id, actor.userId});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(notFound(id).error());
    }
    return readJob(*query);
}

Result<std::vector<JobInfo>> JobStore::list(const Actor& actor, bool activeOnly, int limit) const {
    auto query =
        m_db.exec(QStringLiteral("SELECT %1 FROM jobs WHERE owner_id = ?%2 ORDER BY id DESC LIMIT ?")
                      .arg(QLatin1StringView(jobColumns),
                           activeOnly ? QStringLiteral(" AND state IN ('queued', 'running', 'paused')") : QString()),
                  {actor.userId, qint64(std::max(limit, 1))});
    if (!query) {
        return fail(query.error());
    }
    std::vector<JobInfo> jobs;
    while (query->next()) {
        jobs.push_back(readJob(*query));
    }
    return jobs;
}

Result<std::vector<JobItem>> JobStore::items(const Actor& actor, qint64 id, bool pendingOnly, qint64 afterPosition,
                                             qint64 limit) const {
    if (auto job = get(actor, id); !job) {
        return fail(job.error());
    }
    auto query = m_db.exec(QStringLiteral("SELECT position, state, input, result, error, duration_ms, finished_at "
                                          "FROM job_items WHERE job_id = ? AND position > ?%1 ORDER BY position%2")
                               .arg(pendingOnly ? QStringLiteral(" AND state = 'pending'") : QString(),
                                    limit >= 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString()),
                           {id, afterPosition});
    if (!query) {
        return fail(query.error());
    }
    std::vector<JobItem> items;
    while (query->next()) {
        JobItem item;
        item.jobId = id;
        item.position = query->value(0).toLongLong();
        item.state = parseItemState(query->value(1).toString());
        item.input = object(query->value(2).toString());
        item.result = object(query->value(3).toString());
        item.error = query->value(4).toString();
        item.durationMs = query->value(5).toLongLong();
        item.finishedAt = optionalTime(query->value(6));
        items.push_back(std::move(item));
    }
    return items;
}

Result<JobInfo> JobStore::claim(const Actor& actor, qint64 id) {
    auto job = get(actor, id);
    if (!job) {
        return fail(job.error());
    }
    if (jobIsOver(job->state)) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("job %1 is %2; it cannot run again").arg(id).arg(jobStateName(job->state)));
    }
    const QString now = toStoredTime(m_clock.nowUtc());
    // Taken only when no live process has it (or this one does): two processes never run one job.
    auto claimed = m_db.exec(QStringLiteral("UPDATE jobs SET state = 'running', reason = '', runner = ?, "
                                            "started_at = COALESCE(started_at, ?), updated_at = ? WHERE id = ? AND "
                                            "(runner = '' OR runner = ? OR %1)")
                                 .arg(StoreLease::ownerGone(QStringLiteral("runner"))),
                             {m_db.ownerId(), now, now, id, m_db.ownerId()});
    if (!claimed) {
        return fail(claimed.error());
    }
    if (claimed->numRowsAffected() == 0) {
        return fail(ErrorCode::StoreBusy, QStringLiteral("job %1 is running in another Tessera process").arg(id));
    }
    return get(actor, id);
}

Status JobStore::finishItem(qint64 jobId, qint64 position, JobItemState state, const QJsonObject& result,
                            const QString& error, qint64 durationMs) {
    const QString now = toStoredTime(m_clock.nowUtc());
    return m_db.transaction([&]() -> Status {
        // Only a pending item counts: an item is finished once, whatever happens around it.
        auto updated =
            m_db.exec(QStringLiteral("UPDATE job_items SET state = ?, result = ?, error = ?, duration_ms = ?, "
                                     "finished_at = ? WHERE job_id = ? AND position = ? AND state = 'pending'"),
                      {QString(itemStateName(state)), json(result), error, durationMs, now, jobId, position});
        if (!updated) {
            return fail(updated.error());
        }
        if (updated->numRowsAffected() == 0) {
            return {};
        }
        const QString column = state == JobItemState::Failed ? QStringLiteral("failed") : QStringLiteral("done");
        auto counted = m_db.exec(QStringLiteral("UPDATE jobs SET %1 = %1 + 1, updated_at = ? WHERE id = ?").arg(column),
                                 {now, jobId});
        return counted ? Status{} : fail(counted.error());
    });
}

Status JobStore::setState(qint64 jobId, JobState state, const QString& reason) {
    const QString now = toStoredTime(m_clock.nowUtc());
    const bool over = jobIsOver(state);
    auto updated = m_db.exec(QStringLiteral("UPDATE jobs SET state = ?, reason = ?, updated_at = ?%1%2 WHERE id = ?")
                                 .arg(state == JobState::Running ? QString() : QStringLiteral(", runner = ''"),
                                      over ? QStringLiteral(", finished_at = ?") : QString()),
                             over ? QVariantList{QString(jobStateName(state)), reason, now, now, jobId}
                                  : QVariantList{QString(jobStateName(state)), reason, now, jobId});
    return updated ? Status{} : fail(updated.error());
}

Result<bool> JobStore::request(qint64 jobId, JobState state, const QString& reason) {
    // Only a live process is asked: a job whose process is gone has no one to stop it.
    auto updated = m_db.exec(QStringLiteral("UPDATE jobs SET state = ?, reason = ?, updated_at = ? WHERE id = ? AND "
                                            "runner <> '' AND state IN ('running', 'paused') AND NOT (%1)")
                                 .arg(StoreLease::ownerGone(QStringLiteral("runner"))),
                             {QString(jobStateName(state)), reason, toStoredTime(m_clock.nowUtc()), jobId});
    if (!updated) {
        return fail(updated.error());
    }
    return updated->numRowsAffected() > 0;
}

Result<std::vector<JobInfo>> JobStore::interrupted(const Actor& actor) const {
    auto query = m_db.exec(QStringLiteral("SELECT %1 FROM jobs WHERE owner_id = ? AND ((state = 'running' AND "
                                          "(runner = '' OR %2)) OR state = 'queued') ORDER BY id")
                               .arg(QLatin1StringView(jobColumns), StoreLease::ownerGone(QStringLiteral("runner"))),
                           {actor.userId});
    if (!query) {
        return fail(query.error());
    }
    std::vector<JobInfo> jobs;
    while (query->next()) {
        jobs.push_back(readJob(*query));
    }
    return jobs;
}

Status JobStore::remove(const Actor& actor, qint64 id) {
    auto job = get(actor, id);
    if (!job) {
        return fail(job.error());
    }
    if (!jobIsOver(job->state)) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("job %1 is %2: cancel it first").arg(id).arg(jobStateName(job->state)));
    }
    auto removed = m_db.exec(QStringLiteral("DELETE FROM jobs WHERE id = ?"), {id});
    return removed ? Status{} : fail(removed.error());
}

} // namespace Tessera::Core
