#include "exchange/ExportJobs.h"

#include "chat/Conversation.h"
#include "storage/ConversationRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <set>

namespace Tessera::Core {

namespace {

const QString jobKind = QStringLiteral("export");

ExportFormat formatOf(const JobInfo& job) {
    return job.params.value(QLatin1StringView("format")).toString() == QLatin1StringView("json")
               ? ExportFormat::Json
               : ExportFormat::Markdown;
}

// Runs an export job's items: a batch ({"ids": [...]}) renders its conversations into its part; the last item
// ({"step": "write"}) joins the parts into the file. Each is quick and done on the runner's thread, at a turn of the
// event loop of its own.
class ExportJobHandler final : public JobHandler {
public:
    ExportJobHandler(Actor actor, const ConversationExchange& exchange, JobStore& jobs)
        : m_actor(std::move(actor))
        , m_exchange(exchange)
        , m_jobs(jobs) {}

    void run(const JobInfo& job, const JobItem& item, Done done) override {
        // Each batch at a turn of its own of the event loop, so a window on the runner's thread keeps answering.
        m_cancelled.erase(job.id);
        QTimer::singleShot(0, &m_context, [this, job, item, done = std::move(done)] {
            if (m_cancelled.count(job.id) > 0) {
                done(fail(ErrorCode::Cancelled, QStringLiteral("cancelled")));
                return;
            }
            runNow(job, item, done);
        });
    }

    void runNow(const JobInfo& job, const JobItem& item, const Done& done) {
        const QString target = job.params.value(QLatin1StringView("path")).toString();
        if (item.input.value(QLatin1StringView("step")).toString() == QLatin1StringView("write")) {
            done(write(job, target));
            return;
        }
        std::vector<qint64> ids;
        for (const auto& id : item.input.value(QLatin1StringView("ids")).toArray()) {
            ids.push_back(qint64(id.toDouble()));
        }
        auto batch = m_exchange.collectSome(m_actor, ids);
        if (!batch) {
            done(fail(batch.error()));
            return;
        }
        const QString part = ExportJobs::partPath(target, job.id, item.position);
        if (auto written = m_exchange.writeFile(part, m_exchange.render(*batch, formatOf(job))); !written) {
            done(fail(written.error()));
            return;
        }
        done(QJsonObject{{QStringLiteral("conversations"), int(batch->size())}, {QStringLiteral("part"), part}});
    }

    bool failureEndsJob() const override { return true; }

    void stop(qint64 jobId, JobState state) override {
        if (state != JobState::Cancelled) {
            return; // paused: the parts wait for the resume
        }
        m_cancelled.insert(jobId);
        if (auto job = m_jobs.get(m_actor, jobId)) {
            removeParts(*job);
        }
    }

    void callOff(const JobInfo& job, CalledOff done) override {
        removeParts(job); // a paused export's parts
        done({});
    }

private:
    Result<QJsonObject> write(const JobInfo& job, const QString& target) const {
        auto batches = m_jobs.items(m_actor, job.id);
        if (!batches) {
            return fail(batches.error());
        }
        const ExportFormat format = formatOf(job);
        QByteArray joined;
        QJsonArray conversations;
        QJsonObject envelope;
        int count = 0;
        for (const JobItem& batch : *batches) {
            if (batch.input.contains(QLatin1StringView("step"))) {
                continue;
            }
            const int inBatch = batch.result.value(QLatin1StringView("conversations")).toInt();
            if (inBatch == 0) {
                continue;
            }
            QFile part(ExportJobs::partPath(target, job.id, batch.position));
            if (!part.open(QIODevice::ReadOnly)) {
                return fail(ErrorCode::ExportFailed,
                            QStringLiteral("a part of the export is missing (%1); export again").arg(part.fileName()));
            }
            const QByteArray bytes = part.readAll();
            count += inBatch;
            if (format == ExportFormat::Markdown) {
                if (!joined.isEmpty()) {
                    joined += "\n---\n\n";
                }
                joined += bytes;
                continue;
            }
            const QJsonObject document = QJsonDocument::fromJson(bytes).object();
            if (envelope.isEmpty()) {
                envelope = document;
            }
            for (const auto& conversation : document.value(QLatin1StringView("conversations")).toArray()) {
                conversations.append(conversation);
            }
        }
        if (format == ExportFormat::Json) {
            if (envelope.isEmpty()) {
                // No conversation at all: the file says so in the same form.
                envelope = QJsonDocument::fromJson(m_exchange.render({}, ExportFormat::Json)).object();
            }
            envelope.insert(QStringLiteral("conversations"), conversations);
            joined = QJsonDocument(envelope).toJson(QJsonDocument::Indented);
        }
        if (auto written = m_exchange.writeFile(target, joined); !written) {
            return fail(written.error());
        }
        removeParts(job);
        if (auto recorded = m_exchange.recordExport(m_actor, QStringLiteral("conversations:all"),
                                                    QStringLiteral("%1 conversations").arg(count));
            !recorded) {
            return fail(recorded.error());
        }
        return QJsonObject{{QStringLiteral("path"), target},
                           {QStringLiteral("conversations"), count},
                           {QStringLiteral("bytes"), qint64(joined.size())}};
    }

    void removeParts(const JobInfo& job) const {
        const QString target = job.params.value(QLatin1StringView("path")).toString();
        for (qint64 position = 1; position <= job.total; ++position) {
            QFile::remove(ExportJobs::partPath(target, job.id, position));
        }
    }

    Actor m_actor;
    const ConversationExchange& m_exchange;
    JobStore& m_jobs;
    QObject m_context;            // the batches' turns go with the handler
    std::set<qint64> m_cancelled; // jobs cancelled while a batch waited for its turn
};

} // namespace

ExportJobs::ExportJobs(const ConversationExchange& exchange, const ConversationRepository& conversations,
                       JobStore& jobs)
    : m_exchange(exchange)
    , m_conversations(conversations)
    , m_jobs(jobs) {
}

QString ExportJobs::partPath(const QString& target, qint64 jobId, qint64 position) {
    const QFileInfo info(target);
    return info.dir().filePath(
        QStringLiteral(".%1.tessera-export-%2-%3.part").arg(info.fileName()).arg(jobId).arg(position));
}

Result<JobInfo> ExportJobs::submit(const Actor& actor, const QString& path, ExportFormat format) const {
    if (path.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("choose where to write the export"));
    }
    // The same checks as an export (permission, feature), before anything is made.
    if (auto allowed = m_exchange.collectSome(actor, {}); !allowed) {
        return fail(allowed.error());
    }
    auto all = m_conversations.list(ListScope::All, {}, actor.userId);
    if (!all) {
        return fail(all.error());
    }
    std::vector<QJsonObject> steps;
    QJsonArray batch;
    for (const Conversation& conversation : *all) {
        batch.append(conversation.id);
        if (batch.size() == batchSize) {
            steps.push_back(QJsonObject{{QStringLiteral("ids"), batch}});
            batch = {};
        }
    }
    if (!batch.isEmpty()) {
        steps.push_back(QJsonObject{{QStringLiteral("ids"), batch}});
    }
    steps.push_back(QJsonObject{{QStringLiteral("step"), QStringLiteral("write")}});
    const QString absolute = QFileInfo(path).absoluteFilePath();
    return m_jobs.create(
        actor, jobKind,
        QStringLiteral("Export %1 conversations to %2").arg(all->size()).arg(QFileInfo(absolute).fileName()),
        QJsonObject{
            {QStringLiteral("path"), absolute},
            {QStringLiteral("format"), format == ExportFormat::Json ? QStringLiteral("json") : QStringLiteral("md")},
            {QStringLiteral("conversations"), qint64(all->size())},
            {QStringLiteral("concurrency"), 1}},
        steps);
}

std::shared_ptr<JobHandler> ExportJobs::handler(const Actor& actor) const {
    return std::make_shared<ExportJobHandler>(actor, m_exchange, m_jobs);
}

} // namespace Tessera::Core
