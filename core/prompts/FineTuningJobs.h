#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "jobs/JobRunner.h"
#include "jobs/JobStore.h"
#include "providers/openai/OpenAiFineTuning.h"

#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace Tessera::Core {

class ApiKeyResolver;
class AuditLog;
class Database;
class ProviderFactory;
class ProviderRepository;
struct ProviderConfig;

// What to fine-tune: a chat-format JSONL file, the provider (OpenAI, Azure OpenAI or OpenAI-compatible) and the
// base model, with an optional suffix for the new model's name and a number of epochs.
struct FineTuneSubmission {
    static constexpr qint64 maxFileBytes = qint64(512) * 1024 * 1024; // OpenAI's limit for a training file
    static constexpr qint64 defaultPollMs = 15'000;

    QString path;
    QString provider;
    QString baseModel;
    QString suffix;                // up to 64 letters, digits, '-', '_' and '.'
    std::optional<int> epochs;     // 1 to 50; none lets the provider choose
    qint64 pollMs = defaultPollMs; // how often the provider's job is looked at (100 ms to 1 hour)
};

// A fine-tuning job: Tessera's background job and, once made, the provider's.
struct FineTuneStatus {
    JobInfo job;
    QString provider;
    QString baseModel;
    QString fileName;
    int examples = 0;
    QString fileId;                          // once uploaded
    QString remoteJobId;                     // once the provider made its job
    std::optional<RemoteFineTuneJob> remote; // as the provider reports it now (or last did)
    std::vector<RemoteFineTuneEvent> events; // the provider's latest events, oldest first
    std::optional<Error> remoteError;        // why the provider could not be asked just now

    QJsonObject toJson() const;
};

// Fine-tuning jobs (core/prompts): a checked training file is uploaded to the provider's Files API, a fine-tuning
// job is made from it, and that job is followed (status and events) until it succeeds, fails or is cancelled. It
// all runs as a background job of the kind "finetune" with three steps, each kept in the store as it ends, so a
// run cut off anywhere resumes without uploading or creating twice (a job the provider made before its id could be
// kept is found again by its training file). Pausing stops following; cancelling also cancels the provider's job.
// Needs experiments.run, providers.use and data.export (the examples leave for the provider); submitting is
// recorded in the audit log as finetune.submit.
class FineTuneJobs final : public QObject {
    Q_OBJECT

public:
    static constexpr int eventsKept = 20;

    FineTuneJobs(const Database& db, const ProviderRepository& providers, const ApiKeyResolver& keys,
                 const ProviderFactory& factory, JobStore& jobs, const AuditLog& audit);
    ~FineTuneJobs() override;

    // Checks the file as OpenAI's guide does (errors: import.invalid with the problems, input.invalid for the
    // settings, not_found for the provider) and makes a queued job; a runner then runs it.
    Result<JobInfo> submit(const Actor& actor, const FineTuneSubmission& submission) const;
    // The job with the provider's view of it now, when the provider's job is known (asked live; a provider that
    // cannot be reached leaves remoteError set and the last view kept). done runs later on context's thread.
    void status(const Actor& actor, qint64 jobId, QObject* context,
                std::function<void(Result<FineTuneStatus>)> done) const;
    // What runs the actor's fine-tuning jobs (register it under the kind "finetune").
    std::shared_ptr<JobHandler> handler(const Actor& actor);

    // The key is resolved and the API built for a provider; errors as a chat request's.
    void api(const ProviderConfig& config, QObject* context,
             std::function<void(Result<std::shared_ptr<OpenAiFineTuningApi>>)> done) const;
    Result<FineTuneStatus> localStatus(const Actor& actor, qint64 jobId) const;
    const ProviderRepository& providers() const { return m_providers; }
    const JobStore& jobs() const { return m_jobs; }

Q_SIGNALS:
    // A job followed in this process was looked at: the provider's status, and its events not seen before.
    void followed(qint64 jobId, const QString& status, const QStringList& newEvents);

private:
    const Database& m_db;
    const ProviderRepository& m_providers;
    const ApiKeyResolver& m_keys;
    const ProviderFactory& m_factory;
    JobStore& m_jobs;
    const AuditLog& m_audit;
};

} // namespace Tessera::Core
