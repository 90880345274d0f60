#include "prompts/FineTuningJobs.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "prompts/FineTuning.h"
#include "providers/ProviderFactory.h"
#include "resilience/RetryPolicy.h"
#include "secrets/ApiKeyResolver.h"
#include "storage/Database.h"
#include "storage/ProviderRepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

namespace Tessera::Core {

namespace {

const QString jobKind = QStringLiteral("finetune");

QString sha256Of(const QByteArray& bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A provider's job as an ended step kept it (RemoteFineTuneJob::toJson).
RemoteFineTuneJob storedRemote(const QJsonObject& object) {
    RemoteFineTuneJob job;
    job.id = object.value(QLatin1StringView("id")).toString();
    job.status = object.value(QLatin1StringView("status")).toString();
    job.model = object.value(QLatin1StringView("model")).toString();
    job.fineTunedModel = object.value(QLatin1StringView("fine_tuned_model")).toString();
    job.trainingFile = object.value(QLatin1StringView("training_file")).toString();
    job.trainedTokens = qint64(object.value(QLatin1StringView("trained_tokens")).toDouble());
    const QJsonObject error = object.value(QLatin1StringView("error")).toObject();
    job.errorCode = error.value(QLatin1StringView("code")).toString();
    job.errorMessage = error.value(QLatin1StringView("message")).toString();
    job.createdAt = QDateTime::fromString(object.value(QLatin1StringView("created_at")).toString(), Qt::ISODate);
    job.finishedAt = QDateTime::fromString(object.value(QLatin1StringView("finished_at")).toString(), Qt::ISODate);
    return job;
}

std::vector<RemoteFineTuneEvent> storedEvents(const QJsonArray& array) {
    std::vector<RemoteFineTuneEvent> events;
    for (const auto& entry : array) {
        const QJsonObject object = entry.toObject();
        events.push_back({object.value(QLatin1StringView("id")).toString(),
                          QDateTime::fromString(object.value(QLatin1StringView("at")).toString(), Qt::ISODate),
                          object.value(QLatin1StringView("level")).toString(),
                          object.value(QLatin1StringView("message")).toString()});
    }
    return events;
}

QJsonArray eventsJson(const std::vector<RemoteFineTuneEvent>& events) {
    QJsonArray array;
    for (const RemoteFineTuneEvent& event : events) {
        array.append(event.toJson());
    }
    return array;
}

Error remoteFailure(const RemoteFineTuneJob& remote) {
    if (remote.status == QLatin1StringView("cancelled")) {
        return makeError(ErrorCode::FineTuneFailed,
                         QStringLiteral("the provider's job %1 was cancelled there").arg(remote.id));
    }
    return makeError(ErrorCode::FineTuneFailed,
                     QStringLiteral("the provider's job %1 failed: %2%3")
                         .arg(remote.id,
                              remote.errorMessage.isEmpty() ? QStringLiteral("no reason given") : remote.errorMessage,
                              remote.errorCode.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(remote.errorCode)));
}

} // namespace

QJsonObject FineTuneStatus::toJson() const {
    QJsonObject object{{QStringLiteral("job_id"), job.id},
                       {QStringLiteral("state"), QString(jobStateName(job.state))},
                       {QStringLiteral("done"), job.done},
                       {QStringLiteral("total"), job.total},
                       {QStringLiteral("reason"), job.reason},
                       {QStringLiteral("provider"), provider},
                       {QStringLiteral("model"), baseModel},
                       {QStringLiteral("file"), fileName},
                       {QStringLiteral("examples"), examples},
                       {QStringLiteral("file_id"), fileId},
                       {QStringLiteral("remote_job_id"), remoteJobId},
                       {QStringLiteral("events"), eventsJson(events)}};
    if (remote) {
        object.insert(QStringLiteral("remote"), remote->toJson());
        object.insert(QStringLiteral("status"), remote->status);
        object.insert(QStringLiteral("fine_tuned_model"), remote->fineTunedModel.isEmpty()
                                                              ? QJsonValue(QJsonValue::Null)
                                                              : QJsonValue(remote->fineTunedModel));
    }
    if (remoteError) {
        object.insert(QStringLiteral("remote_error"), QJsonObject{{QStringLiteral("code"), codeName(remoteError->code)},
                                                                  {QStringLiteral("detail"), remoteError->detail}});
    }
    return object;
}

// Runs a fine-tuning job's three steps: upload (its result: file_id), create (remote_job_id) and follow (the
// provider's job as it ended, with its last events). One step of a job runs at a time (the job's concurrency is 1).
class FineTuneJobHandler final : public JobHandler {
public:
    FineTuneJobHandler(Actor actor, FineTuneJobs& service)
        : m_actor(std::move(actor))
        , m_service(service) {}

    ~FineTuneJobHandler() override {
        for (auto& [id, running] : m_running) {
            running.context.release()->deleteLater();
        }
    }

    void run(const JobInfo& job, const JobItem& item, Done done) override;

    QString resource(const JobInfo& job, const JobItem& item) const override {
        Q_UNUSED(item);
        return job.params.value(QLatin1StringView("provider")).toString();
    }

    void stop(qint64 jobId, JobState state) override;
    bool failureEndsJob() const override { return true; }
    void callOff(const JobInfo& job, CalledOff done) override;

    static constexpr int cancelWaitMs = 15'000; // at most this long for the provider to confirm a cancel

private:
    struct Running {
        quint64 token = 0;
        Done done;
        std::unique_ptr<QObject> context; // the step's replies and timers go with it
        std::shared_ptr<OpenAiFineTuningApi> api;
        RetryPolicy retry;
        int retries = 0;
        QString remoteId;
        QString status; // the provider's, as last seen
        std::vector<RemoteFineTuneEvent> events;
        qint64 pollMs = FineTuneSubmission::defaultPollMs;
    };

    // The job's running step when it is still the one `token` started, else null (it was stopped meanwhile).
    Running* current(qint64 jobId, quint64 token) {
        auto found = m_running.find(jobId);
        return found == m_running.end() || found->second.token != token ? nullptr : &found->second;
    }
    void finish(qint64 jobId, quint64 token, Result<QJsonObject> outcome);
    // Tries `again` after a retryable failure (the provider's retry policy), else ends the step with the error.
    void retryOr(qint64 jobId, quint64 token, const Error& error, std::function<void()> again);
    QJsonObject stepResult(qint64 jobId, qint64 position) const;

    void upload(const JobInfo& job, quint64 token);
    void create(const JobInfo& job, quint64 token);
    void poll(const JobInfo& job, quint64 token);
    // Cancels the provider's job `remoteId` for a job nothing runs, then calls done with how that went.
    void cancelRemote(qint64 jobId, const std::shared_ptr<OpenAiFineTuningApi>& api, const QString& remoteId,
                      QObject* context, const std::function<void(const QString&)>& done);

    Actor m_actor;
    FineTuneJobs& m_service;
    std::map<qint64, Running> m_running;
    quint64 m_nextToken = 1;
    std::unique_ptr<QObject> m_context = std::make_unique<QObject>(); // cancels sent after their step ended
};

void FineTuneJobHandler::run(const JobInfo& job, const JobItem& item, Done done) {
    const QString providerName = job.params.value(QLatin1StringView("provider")).toString();
    auto provider = m_service.providers().findByName(providerName);
    if (!provider) {
        done(fail(provider.error()));
        return;
    }
    if (!provider->enabled) {
        done(
            fail(ErrorCode::InvalidArgument,
                 QStringLiteral("the provider %1 is switched off; switch it on and resume the job").arg(providerName)));
        return;
    }
    const quint64 token = m_nextToken++;
    Running& entry = m_running[job.id];
    if (entry.done) {
        entry.done(fail(ErrorCode::Cancelled, QStringLiteral("a new step started")));
        entry.context.release()->deleteLater();
    }
    entry = Running{};
    entry.token = token;
    entry.done = std::move(done);
    entry.context = std::make_unique<QObject>();
    entry.retry = provider->resilience.retry;
    entry.pollMs = std::max<qint64>(
        100,
        qint64(job.params.value(QLatin1StringView("poll_ms")).toDouble(double(FineTuneSubmission::defaultPollMs))));
    const QString step = item.input.value(QLatin1StringView("step")).toString();
    m_service.api(
        *provider, entry.context.get(), [this, job, token, step](Result<std::shared_ptr<OpenAiFineTuningApi>> api) {
            Running* running = current(job.id, token);
            if (!running) {
                return;
            }
            if (!api) {
                finish(job.id, token, fail(api.error()));
                return;
            }
            running->api = *api;
            if (step == QLatin1StringView("upload")) {
                upload(job, token);
            } else if (step == QLatin1StringView("create")) {
                create(job, token);
            } else if (step == QLatin1StringView("follow")) {
                running->remoteId = stepResult(job.id, 2).value(QLatin1StringView("remote_job_id")).toString();
                if (running->remoteId.isEmpty()) {
                    finish(job.id, token,
                           fail(ErrorCode::Internal, QStringLiteral("the provider's job id was not kept")));
                    return;
                }
                poll(job, token);
            } else {
                finish(job.id, token,
                       fail(ErrorCode::InvalidArgument, QStringLiteral("unknown step \"%1\"").arg(step)));
            }
        });
}

void FineTuneJobHandler::finish(qint64 jobId, quint64 token, Result<QJsonObject> outcome) {
    auto found = m_running.find(jobId);
    if (found == m_running.end() || found->second.token != token) {
        return;
    }
    Done done = std::move(found->second.done);
    // Deleted later: this may run inside one of the context's own callbacks.
    found->second.context.release()->deleteLater();
    m_running.erase(found);
    done(std::move(outcome));
}

void FineTuneJobHandler::retryOr(qint64 jobId, quint64 token, const Error& error, std::function<void()> again) {
    Running* running = current(jobId, token);
    if (!running) {
        return;
    }
    const RetryDecision decision =
        decideRetry(running->retry, error, running->retries, false, QRandomGenerator::global()->generateDouble());
    if (!decision.retry) {
        finish(jobId, token, fail(error));
        return;
    }
    ++running->retries;
    log("providers")
        ->warn("cid={} job={} fine-tuning request failed ({}), again in {} ms", error.correlationId, jobId,
               codeName(error.code), decision.delayMs);
    QTimer::singleShot(decision.delayMs, running->context.get(), std::move(again));
}

QJsonObject FineTuneJobHandler::stepResult(qint64 jobId, qint64 position) const {
    Actor owner = m_actor;
    auto items = m_service.jobs().items(owner, jobId, false, position - 1, 1);
    if (!items || items->empty() || items->front().state != JobItemState::Done) {
        return {};
    }
    return items->front().result;
}

void FineTuneJobHandler::upload(const JobInfo& job, quint64 token) {
    const QString path = job.params.value(QLatin1StringView("path")).toString();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        finish(job.id, token,
               fail(ErrorCode::NotFound, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())));
        return;
    }
    const QByteArray bytes = file.readAll();
    if (sha256Of(bytes) != job.params.value(QLatin1StringView("sha256")).toString()) {
        finish(job.id, token,
               fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 changed since it was submitted; submit it again").arg(path)));
        return;
    }
    Running* running = current(job.id, token);
    if (!running) {
        return;
    }
    const QString cid = newCorrelationId();
    running->api->uploadFile(bytes, QFileInfo(path).fileName(), running->context.get(), cid,
                             [this, job, token](Result<QString> fileId) {
                                 if (!fileId) {
                                     retryOr(job.id, token, fileId.error(), [this, job, token] { upload(job, token); });
                                     return;
                                 }
                                 log("providers")->info("job={} uploaded the training file as {}", job.id, *fileId);
                                 finish(job.id, token, QJsonObject{{QStringLiteral("file_id"), *fileId}});
                             });
}

void FineTuneJobHandler::create(const JobInfo& job, quint64 token) {
    const QString fileId = stepResult(job.id, 1).value(QLatin1StringView("file_id")).toString();
    if (fileId.isEmpty()) {
        finish(job.id, token, fail(ErrorCode::Internal, QStringLiteral("the uploaded file's id was not kept")));
        return;
    }
    Running* at = current(job.id, token);
    if (!at) {
        return;
    }
    const QString cid = newCorrelationId();
    // A run cut off after the provider made the job but before its id was kept finds that job again.
    at->api->listJobs(100, at->context.get(), cid, [this, job, token, fileId, cid](auto listed) {
        Running* running = current(job.id, token);
        if (!running) {
            return;
        }
        if (listed) {
            for (const RemoteFineTuneJob& remote : *listed) {
                if (remote.trainingFile == fileId) {
                    finish(job.id, token,
                           QJsonObject{{QStringLiteral("remote_job_id"), remote.id},
                                       {QStringLiteral("status"), remote.status},
                                       {QStringLiteral("found_again"), true}});
                    return;
                }
            }
        }
        const auto epochs = job.params.contains(QLatin1StringView("epochs"))
                                ? std::optional<int>(job.params.value(QLatin1StringView("epochs")).toInt())
                                : std::nullopt;
        running->api->createJob(
            fileId, job.params.value(QLatin1StringView("model")).toString(),
            job.params.value(QLatin1StringView("suffix")).toString(), epochs, running->context.get(), cid,
            [this, job, token](Result<RemoteFineTuneJob> made) {
                if (!made) {
                    retryOr(job.id, token, made.error(), [this, job, token] { create(job, token); });
                    return;
                }
                log("providers")->info("job={} the provider made fine-tuning job {}", job.id, made->id);
                finish(
                    job.id, token,
                    QJsonObject{{QStringLiteral("remote_job_id"), made->id}, {QStringLiteral("status"), made->status}});
            });
    });
}

void FineTuneJobHandler::poll(const JobInfo& job, quint64 token) {
    Running* at = current(job.id, token);
    if (!at) {
        return;
    }
    const QString cid = newCorrelationId();
    const auto later = [this, job, token] {
        if (Running* again = current(job.id, token)) {
            QTimer::singleShot(again->pollMs, again->context.get(), [this, job, token] { poll(job, token); });
        }
    };
    at->api->getJob(
        at->remoteId, at->context.get(), cid, [this, job, token, cid, later](Result<RemoteFineTuneJob> remote) {
            Running* looked = current(job.id, token);
            if (!looked) {
                return;
            }
            if (!remote) {
                // A long job outlives network trouble: keep looking while the failure is one that passes.
                if (isRetryableError(remote.error())) {
                    log("providers")
                        ->warn("cid={} job={} fine-tuning status unavailable ({}), looking again later", cid, job.id,
                               codeName(remote.error().code));
                    later();
                } else {
                    finish(job.id, token, fail(remote.error()));
                }
                return;
            }
            looked->api->listEvents(
                looked->remoteId, 50, looked->context.get(), cid,
                [this, job, token, remote = *remote, later](Result<std::vector<RemoteFineTuneEvent>> events) {
                    Running* running = current(job.id, token);
                    if (!running) {
                        return;
                    }
                    QStringList fresh;
                    if (events) {
                        const QString lastSeen = running->events.empty() ? QString() : running->events.back().id;
                        auto first = events->begin();
                        if (!lastSeen.isEmpty()) {
                            auto seen = std::find_if(events->begin(), events->end(),
                                                     [&](const RemoteFineTuneEvent& e) { return e.id == lastSeen; });
                            first = seen == events->end() ? events->begin() : seen + 1;
                        }
                        for (auto it = first; it != events->end(); ++it) {
                            log("providers")->info("job={} {}: {}", job.id, it->level, it->message);
                            fresh << it->message;
                        }
                        running->events = std::move(*events);
                        if (running->events.size() > std::size_t(FineTuneJobs::eventsKept)) {
                            running->events.erase(running->events.begin(),
                                                  running->events.end() - FineTuneJobs::eventsKept);
                        }
                    }
                    if (remote.status != running->status || !fresh.isEmpty()) {
                        running->status = remote.status;
                        Q_EMIT m_service.followed(job.id, remote.status, fresh);
                        running = current(job.id, token); // a slot may have stopped the job
                        if (!running) {
                            return;
                        }
                    }
                    if (!remote.over()) {
                        later();
                        return;
                    }
                    if (remote.status != QLatin1StringView("succeeded")) {
                        finish(job.id, token, fail(remoteFailure(remote)));
                        return;
                    }
                    log("providers")->info("job={} fine-tuning succeeded: {}", job.id, remote.fineTunedModel);
                    finish(job.id, token,
                           QJsonObject{{QStringLiteral("remote"), remote.toJson()},
                                       {QStringLiteral("events"), eventsJson(running->events)}});
                });
        });
}

void FineTuneJobHandler::stop(qint64 jobId, JobState state) {
    auto found = m_running.find(jobId);
    if (found == m_running.end()) {
        return;
    }
    Running running = std::move(found->second);
    m_running.erase(found);
    running.context.release()->deleteLater();
    if (state != JobState::Cancelled || !running.api || running.remoteId.isEmpty()) {
        running.done(fail(ErrorCode::Cancelled, QStringLiteral("stopped")));
        return;
    }
    // The step ends once the provider has its job cancelled (or said why not), so a process that exits when the
    // job ends has sent the cancel first.
    const QString remoteId = running.remoteId;
    auto done = std::make_shared<Done>(std::move(running.done));
    const auto end = [done] {
        if (*done) {
            Done call = std::move(*done);
            *done = nullptr;
            call(fail(ErrorCode::Cancelled, QStringLiteral("cancelled")));
        }
    };
    running.api->cancelJob(
        remoteId, m_context.get(), newCorrelationId(), [jobId, remoteId, end](Result<RemoteFineTuneJob> cancelled) {
            if (cancelled) {
                log("providers")->info("job={} the provider's job {} is {}", jobId, remoteId, cancelled->status);
            } else {
                log("providers")
                    ->warn("cid={} job={} the provider's job {} was not cancelled: {}", cancelled.error().correlationId,
                           jobId, remoteId, cancelled.error().detail);
            }
            end();
        });
    QTimer::singleShot(cancelWaitMs, m_context.get(), end);
}

void FineTuneJobHandler::callOff(const JobInfo& job, CalledOff done) {
    // A job paused (or cut off) after its upload may have a job at the provider, which goes on training (and
    // billing) until it is cancelled there.
    const QString remoteId = stepResult(job.id, 2).value(QLatin1StringView("remote_job_id")).toString();
    const QString fileId = stepResult(job.id, 1).value(QLatin1StringView("file_id")).toString();
    if (remoteId.isEmpty() && fileId.isEmpty()) {
        done({});
        return;
    }
    const QString providerName = job.params.value(QLatin1StringView("provider")).toString();
    auto provider = m_service.providers().findByName(providerName);
    if (!provider) {
        done(QStringLiteral("the provider %1 is gone, so any job made there was not cancelled").arg(providerName));
        return;
    }
    // Whatever answers first ends it: the provider, or the wait running out. The context goes with it.
    auto* context = new QObject(m_context.get());
    auto once = std::make_shared<CalledOff>(std::move(done));
    const auto end = [once, context](const QString& note) {
        if (*once) {
            CalledOff call = std::move(*once);
            *once = nullptr;
            context->deleteLater();
            call(note);
        }
    };
    QTimer::singleShot(cancelWaitMs, context, [end, providerName] {
        end(QStringLiteral("%1 did not answer the cancel in time; check its fine-tuning jobs").arg(providerName));
    });
    const qint64 jobId = job.id;
    m_service.api(*provider, context,
                  [this, jobId, remoteId, fileId, context, end](Result<std::shared_ptr<OpenAiFineTuningApi>> api) {
                      if (!api) {
                          end(QStringLiteral("the provider's job was not cancelled: %1").arg(api.error().detail));
                          return;
                      }
                      if (!remoteId.isEmpty()) {
                          cancelRemote(jobId, *api, remoteId, context, end);
                          return;
                      }
                      // Made just before the cut, perhaps: found by its training file, as a resume would.
                      const auto shared = *api;
                      shared->listJobs(100, context, newCorrelationId(),
                                       [this, jobId, shared, fileId, context, end](auto listed) {
                                           if (!listed) {
                                               end(QStringLiteral("the provider's jobs could not be listed, so one "
                                                                  "made from %1 may still run: %2")
                                                       .arg(fileId, listed.error().detail));
                                               return;
                                           }
                                           for (const RemoteFineTuneJob& remote : *listed) {
                                               if (remote.trainingFile == fileId) {
                                                   cancelRemote(jobId, shared, remote.id, context, end);
                                                   return;
                                               }
                                           }
                                           end({});
                                       });
                  });
}

void FineTuneJobHandler::cancelRemote(qint64 jobId, const std::shared_ptr<OpenAiFineTuningApi>& api,
                                      const QString& remoteId, QObject* context,
                                      const std::function<void(const QString&)>& done) {
    api->cancelJob(remoteId, context, newCorrelationId(), [jobId, remoteId, done](Result<RemoteFineTuneJob> cancelled) {
        if (!cancelled) {
            log("providers")
                ->warn("cid={} job={} the provider's job {} was not cancelled: {}", cancelled.error().correlationId,
                       jobId, remoteId, cancelled.error().detail);
            done(QStringLiteral("the provider's job %1 was not cancelled: %2").arg(remoteId, cancelled.error().detail));
            return;
        }
        log("providers")->info("job={} the provider's job {} is {}", jobId, remoteId, cancelled->status);
        done(QStringLiteral("the provider's job %1 is %2").arg(remoteId, cancelled->status));
    });
}

FineTuneJobs::FineTuneJobs(const Database& db, const ProviderRepository& providers, const ApiKeyResolver& keys,
                           const ProviderFactory& factory, JobStore& jobs, const AuditLog& audit)
    : m_db(db)
    , m_providers(providers)
    , m_keys(keys)
    , m_factory(factory)
    , m_jobs(jobs)
    , m_audit(audit) {
}

FineTuneJobs::~FineTuneJobs() = default;

std::shared_ptr<JobHandler> FineTuneJobs::handler(const Actor& actor) {
    return std::make_shared<FineTuneJobHandler>(actor, *this);
}

void FineTuneJobs::api(const ProviderConfig& config, QObject* context,
                       std::function<void(Result<std::shared_ptr<OpenAiFineTuningApi>>)> done) const {
    QPointer<QObject> guard(context);
    m_keys.resolve(config, [this, guard, config, done = std::move(done)](Result<QString> key) {
        if (!guard) {
            return;
        }
        if (!key) {
            done(fail(key.error()));
            return;
        }
        std::shared_ptr<OpenAiFineTuningApi> api = m_factory.fineTuning(config, *key);
        if (!api) {
            done(fail(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is a %2 provider; fine-tuning goes through OpenAI's API (OpenAI, Azure "
                                     "OpenAI or an OpenAI-compatible server)")
                          .arg(config.name, kindDisplayName(config.kind))));
            return;
        }
        done(std::move(api));
    });
}

Result<JobInfo> FineTuneJobs::submit(const Actor& actor, const FineTuneSubmission& submission) const {
    for (const Permission permission : {Permission::ExperimentsRun, Permission::ProvidersUse, Permission::DataExport}) {
        if (auto allowed = require(actor, permission); !allowed) {
            return fail(allowed.error());
        }
    }
    auto provider = m_providers.findByName(submission.provider);
    if (!provider) {
        return fail(provider.error());
    }
    if (!OpenAiFineTuningApi::supports(provider->kind)) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is a %2 provider; fine-tuning goes through OpenAI's API (OpenAI, Azure OpenAI "
                                   "or an OpenAI-compatible server)")
                        .arg(provider->name, kindDisplayName(provider->kind)));
    }
    if (submission.baseModel.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("name the base model to fine-tune"));
    }
    static const QRegularExpression suffixPattern(QStringLiteral("^[A-Za-z0-9._-]{0,64}$"));
    if (!suffixPattern.match(submission.suffix).hasMatch()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a suffix is up to 64 letters, digits, '-', '_' and '.'"));
    }
    if (submission.epochs && (*submission.epochs < 1 || *submission.epochs > 50)) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("epochs are 1 to 50"));
    }
    if (submission.pollMs < 100 || submission.pollMs > 3'600'000) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the status is looked at every 0.1 s to 1 hour"));
    }
    const QFileInfo info(submission.path);
    QFile file(submission.path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::NotFound, QStringLiteral("cannot read %1").arg(submission.path));
    }
    if (file.size() > FineTuneSubmission::maxFileBytes) {
        return fail(ErrorCode::ImportInvalid,
                    QStringLiteral("%1 is larger than a training file may be (512 MB)").arg(info.fileName()));
    }
    const QByteArray bytes = file.readAll();
    const QStringList problems = checkFineTuneJsonl(bytes, Encoding::O200kBase, FineTuneFilter{}.maxTokensPerExample);
    if (!problems.isEmpty()) {
        const QStringList shown = problems.mid(0, 10);
        return fail(ErrorCode::ImportInvalid,
                    QStringLiteral("%1 is not a valid fine-tuning file: %2%3")
                        .arg(info.fileName(), shown.join(QStringLiteral("; ")),
                             problems.size() > shown.size()
                                 ? QStringLiteral(" (and %1 more)").arg(problems.size() - shown.size())
                                 : QString()));
    }
    int examples = 0;
    for (const QByteArray& line : bytes.split('\n')) {
        examples += line.trimmed().isEmpty() ? 0 : 1;
    }
    if (provider->kind == ProviderKind::OpenAi && examples < 10) {
        return fail(ErrorCode::ImportInvalid,
                    QStringLiteral("OpenAI needs at least 10 examples; %1 has %2").arg(info.fileName()).arg(examples));
    }
    QJsonObject params{{QStringLiteral("provider"), provider->name},
                       {QStringLiteral("model"), submission.baseModel.trimmed()},
                       {QStringLiteral("suffix"), submission.suffix},
                       {QStringLiteral("poll_ms"), submission.pollMs},
                       {QStringLiteral("path"), info.absoluteFilePath()},
                       {QStringLiteral("file_name"), info.fileName()},
                       {QStringLiteral("sha256"), sha256Of(bytes)},
                       {QStringLiteral("bytes"), qint64(bytes.size())},
                       {QStringLiteral("examples"), examples},
                       {QStringLiteral("concurrency"), 1},
                       {QStringLiteral("paced"), false}};
    if (submission.epochs) {
        params.insert(QStringLiteral("epochs"), *submission.epochs);
    }
    const std::vector<QJsonObject> steps{QJsonObject{{QStringLiteral("step"), QStringLiteral("upload")}},
                                         QJsonObject{{QStringLiteral("step"), QStringLiteral("create")}},
                                         QJsonObject{{QStringLiteral("step"), QStringLiteral("follow")}}};
    Result<JobInfo> created = fail(ErrorCode::Internal, QStringLiteral("not created"));
    auto written = m_db.transaction([&]() -> Status {
        created = m_jobs.create(
            actor, jobKind, QStringLiteral("Fine-tune %1 on %2").arg(submission.baseModel.trimmed(), info.fileName()),
            params, steps);
        if (!created) {
            return fail(created.error());
        }
        return m_audit.record(actor, {QStringLiteral("finetune.submit"),
                                      QStringLiteral("job:%1").arg(created->id),
                                      AuditOutcome::Success,
                                      QStringLiteral("%1 examples from %2 to %3, base model %4")
                                          .arg(examples)
                                          .arg(info.fileName(), provider->name, submission.baseModel.trimmed()),
                                      {}});
    });
    if (!written) {
        return fail(written.error());
    }
    return created;
}

Result<FineTuneStatus> FineTuneJobs::localStatus(const Actor& actor, qint64 jobId) const {
    if (auto allowed = require(actor, Permission::ExperimentsRun); !allowed) {
        return fail(allowed.error());
    }
    auto job = m_jobs.get(actor, jobId);
    if (!job) {
        return fail(job.error());
    }
    if (job->kind != jobKind) {
        return fail(ErrorCode::NotFound, QStringLiteral("job %1 is not a fine-tuning job").arg(jobId));
    }
    FineTuneStatus status;
    status.job = *job;
    status.provider = job->params.value(QLatin1StringView("provider")).toString();
    status.baseModel = job->params.value(QLatin1StringView("model")).toString();
    status.fileName = job->params.value(QLatin1StringView("file_name")).toString();
    status.examples = job->params.value(QLatin1StringView("examples")).toInt();
    auto steps = m_jobs.items(actor, jobId);
    if (!steps) {
        return fail(steps.error());
    }
    for (const JobItem& step : *steps) {
        if (step.state != JobItemState::Done) {
            continue;
        }
        if (step.position == 1) {
            status.fileId = step.result.value(QLatin1StringView("file_id")).toString();
        } else if (step.position == 2) {
            status.remoteJobId = step.result.value(QLatin1StringView("remote_job_id")).toString();
        } else if (step.position == 3) {
            status.remote = storedRemote(step.result.value(QLatin1StringView("remote")).toObject());
            status.events = storedEvents(step.result.value(QLatin1StringView("events")).toArray());
        }
    }
    return status;
}

void FineTuneJobs::status(const Actor& actor, qint64 jobId, QObject* context,
                          std::function<void(Result<FineTuneStatus>)> done) const {
    auto local = localStatus(actor, jobId);
    std::optional<ProviderConfig> provider;
    if (local && !local->remoteJobId.isEmpty()) {
        auto found = m_providers.findByName(local->provider);
        if (found) {
            provider = *found;
        } else {
            local->remoteError = found.error();
        }
    }
    if (!provider) {
        QTimer::singleShot(0, context, [local = std::move(local), done = std::move(done)] { done(local); });
        return;
    }
    auto shared = std::make_shared<FineTuneStatus>(std::move(*local));
    QPointer<QObject> guard(context);
    api(*provider, context, [shared, guard, done = std::move(done)](Result<std::shared_ptr<OpenAiFineTuningApi>> api) {
        if (!api) {
            shared->remoteError = api.error();
            done(*shared);
            return;
        }
        const QString cid = newCorrelationId();
        (*api)->getJob(shared->remoteJobId, guard, cid,
                       [shared, guard, cid, api = *api, done](Result<RemoteFineTuneJob> remote) {
                           if (!remote) {
                               shared->remoteError = remote.error();
                               done(*shared);
                               return;
                           }
                           shared->remote = *remote;
                           api->listEvents(shared->remoteJobId, eventsKept, guard, cid,
                                           [shared, done](Result<std::vector<RemoteFineTuneEvent>> events) {
                                               if (events) {
                                                   shared->events = std::move(*events);
                                               } else {
                                                   shared->remoteError = events.error();
                                               }
                                               done(*shared);
                                           });
                       });
    });
}

} // namespace Tessera::Core
