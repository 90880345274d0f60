#include "exchange/ImportJobs.h"

#include "exchange/ConversationExchange.h"
#include "storage/Database.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QPointer>
#include <QThread>

#include <map>

namespace Tessera::Core {

namespace {

const QString jobKind = QStringLiteral("import");

Result<QString> sha256OfFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::ImportInvalid, QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString()));
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        return fail(ErrorCode::ImportInvalid, QStringLiteral("%1 cannot be read").arg(path));
    }
    return QString::fromLatin1(hash.result().toHex());
}

// Imports the job's one file on a worker thread; done is called on the runner's thread when it is over.
class ImportJobHandler final : public JobHandler {
public:
    ImportJobHandler(Actor actor, const Database& db, const ConversationExchange& exchange, JobStore& jobs)
        : m_actor(std::move(actor))
        , m_db(db)
        , m_exchange(exchange)
        , m_jobs(jobs) {}

    ~ImportJobHandler() override {
        // An import is all or nothing and cannot stop halfway: it is let finish (or fail) before the handler goes.
        for (auto& [id, thread] : m_threads) {
            thread->wait();
            delete thread;
        }
    }

    void run(const JobInfo& job, const JobItem& item, Done done) override {
        const QString path = job.params.value(QLatin1StringView("path")).toString();
        const QString expected = job.params.value(QLatin1StringView("sha256")).toString();
        if (auto previous = m_threads.find(job.id); previous != m_threads.end()) {
            previous->second->wait();
            delete previous->second;
            m_threads.erase(previous);
        }
        QPointer<QObject> context(&m_context);
        auto shared = std::make_shared<Done>(std::move(done));
        const Actor actor = m_actor;
        const qint64 jobId = job.id;
        const qint64 position = item.position;
        const Database* db = &m_db;
        const ConversationExchange* exchange = &m_exchange;
        JobStore* jobs = &m_jobs;
        QThread* thread = QThread::create([=] {
            QElapsedTimer timer;
            timer.start();
            Result<QJsonObject> outcome = fail(ErrorCode::Internal, QStringLiteral("not imported"));
            auto hash = sha256OfFile(path);
            if (!hash) {
                outcome = fail(hash.error());
            } else if (*hash != expected) {
                outcome = fail(ErrorCode::ImportInvalid,
                               QStringLiteral("%1 changed since it was chosen; import it again").arg(path));
            } else {
                // The job's note that the file is in lands with the conversations, or neither does.
                auto report = exchange->importFile(actor, path, [&](const ImportReport& imported) {
                    QJsonArray ids;
                    for (const qint64 id : imported.conversationIds) {
                        ids.append(id);
                    }
                    outcome = QJsonObject{{QStringLiteral("format"), imported.format},
                                          {QStringLiteral("conversations"), imported.conversations},
                                          {QStringLiteral("messages"), imported.messages},
                                          {QStringLiteral("conversation_ids"), ids}};
                    return jobs->finishItem(jobId, position, JobItemState::Done, *outcome, {}, timer.elapsed());
                });
                if (!report) {
                    outcome = fail(report.error());
                }
            }
            db->closeThreadConnection();
            QMetaObject::invokeMethod(
                context.data(),
                [context, shared, outcome] {
                    if (context && *shared) {
                        (*shared)(outcome);
                    }
                },
                Qt::QueuedConnection);
        });
        m_threads[job.id] = thread;
        thread->start();
    }

    bool failureEndsJob() const override { return true; }

private:
    Actor m_actor;
    const Database& m_db;
    const ConversationExchange& m_exchange;
    JobStore& m_jobs;
    QObject m_context; // answers from the worker threads come here, on the runner's thread
    std::map<qint64, QThread*> m_threads;
};

} // namespace

ImportJobs::ImportJobs(const Database& db, const ConversationExchange& exchange, JobStore& jobs)
    : m_db(db)
    , m_exchange(exchange)
    , m_jobs(jobs) {
}

Result<JobInfo> ImportJobs::submit(const Actor& actor, const QString& path) const {
    if (auto allowed = m_exchange.requireAllowed(actor, Permission::DataImport); !allowed) {
        return fail(allowed.error());
    }
    const QFileInfo info(path);
    if (!info.isFile()) {
        return fail(ErrorCode::ImportInvalid, QStringLiteral("%1: no such file").arg(path));
    }
    if (info.size() > ImportLimits::maxFileBytes) {
        return fail(ErrorCode::ImportInvalid, QStringLiteral("%1 is larger than 512 MB").arg(info.fileName()));
    }
    auto hash = sha256OfFile(info.absoluteFilePath());
    if (!hash) {
        return fail(hash.error());
    }
    return m_jobs.create(actor, jobKind, QStringLiteral("Import %1").arg(info.fileName()),
                         QJsonObject{{QStringLiteral("path"), info.absoluteFilePath()},
                                     {QStringLiteral("file_name"), info.fileName()},
                                     {QStringLiteral("bytes"), info.size()},
                                     {QStringLiteral("sha256"), *hash},
                                     {QStringLiteral("concurrency"), 1}},
                         {QJsonObject{{QStringLiteral("step"), QStringLiteral("import")}}});
}

std::shared_ptr<JobHandler> ImportJobs::handler(const Actor& actor) const {
    return std::make_shared<ImportJobHandler>(actor, m_db, m_exchange, m_jobs);
}

} // namespace Tessera::Core
