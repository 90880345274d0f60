#pragma once

#include "common/Result.h"
#include "providers/ProviderConfig.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QObject;

namespace Tessera::Core {

// A fine-tuning job as the provider reports it (OpenAI's fine_tuning.job object).
struct RemoteFineTuneJob {
    QString id;
    QString status; // validating_files, queued, running, succeeded, failed, cancelled
    QString model;  // the base model
    QString fineTunedModel;
    QString trainingFile;
    qint64 trainedTokens = 0;
    QString errorCode;
    QString errorMessage;
    QDateTime createdAt;
    QDateTime finishedAt;
    QDateTime estimatedFinish;

    static Result<RemoteFineTuneJob> fromJson(const QJsonObject& object, const QString& correlationId);
    QJsonObject toJson() const;
    bool over() const;
};

// One line of a fine-tuning job's log (fine_tuning.job.event).
struct RemoteFineTuneEvent {
    QString id;
    QDateTime at;
    QString level; // info, warn, error
    QString message;
    QJsonObject toJson() const;
};

// OpenAI's fine-tuning API, as OpenAI, Azure OpenAI and compatible servers speak it: a training file uploaded to
// the Files API (multipart, purpose "fine-tune"), then POST /fine_tuning/jobs, GET /fine_tuning/jobs/ID, its
// /events, and /cancel. Each call is asynchronous; done runs on context's thread and only while context is alive.
// HTTP and transport failures come back as the same typed errors chat requests get.
class OpenAiFineTuningApi final {
public:
    OpenAiFineTuningApi(QNetworkAccessManager& network, ProviderConfig config, QString apiKey);

    // Whether the provider's kind speaks this API (OpenAI, Azure OpenAI, OpenAI-compatible).
    static bool supports(ProviderKind kind);

    void uploadFile(const QByteArray& jsonl, const QString& fileName, QObject* context, const QString& correlationId,
                    std::function<void(Result<QString>)> done) const; // the file's id
    // epochs: none lets the provider choose.
    void createJob(const QString& fileId, const QString& baseModel, const QString& suffix, std::optional<int> epochs,
                   QObject* context, const QString& correlationId,
                   std::function<void(Result<RemoteFineTuneJob>)> done) const;
    void getJob(const QString& jobId, QObject* context, const QString& correlationId,
                std::function<void(Result<RemoteFineTuneJob>)> done) const;
    // The most recent jobs (newest first), to find one made before a cut-off run could note its id.
    void listJobs(int limit, QObject* context, const QString& correlationId,
                  std::function<void(Result<std::vector<RemoteFineTuneJob>>)> done) const;
    // The job's latest events (at most `limit`, 1 to 100), oldest first.
    void listEvents(const QString& jobId, int limit, QObject* context, const QString& correlationId,
                    std::function<void(Result<std::vector<RemoteFineTuneEvent>>)> done) const;
    void cancelJob(const QString& jobId, QObject* context, const QString& correlationId,
                   std::function<void(Result<RemoteFineTuneJob>)> done) const;

private:
    void post(const QString& path, const QByteArray& body, QObject* context, const QString& correlationId,
              std::function<void(Result<QJsonObject>)> done) const;
    void get(const QString& path, QObject* context, const QString& correlationId,
             std::function<void(Result<QJsonObject>)> done) const;

    QNetworkAccessManager& m_network;
    ProviderConfig m_config;
    QString m_apiKey;
};

} // namespace Tessera::Core
