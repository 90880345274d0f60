#include "providers/openai/OpenAiFineTuning.h"

#include "logging/Logging.h"
#include "providers/HttpJson.h"
#include "providers/openai/OpenAiProvider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace Tessera::Core {

namespace {

QDateTime fromUnix(const QJsonValue& value) {
    if (!value.isDouble() || value.toDouble() <= 0) {
        return {};
    }
    return QDateTime::fromSecsSinceEpoch(qint64(value.toDouble()), QTimeZone::utc());
}

QString encoded(const QString& id) {
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

// A file name fit for a Content-Disposition header: no quotes, backslashes or line breaks.
QByteArray headerSafe(const QString& name) {
    QByteArray safe = name.toUtf8();
    for (char& c : safe) {
        if (c == '"' || c == '\\' || c == '\r' || c == '\n') {
            c = '_';
        }
    }
    return safe.isEmpty() ? QByteArrayLiteral("training.jsonl") : safe;
}

} // namespace

Result<RemoteFineTuneJob> RemoteFineTuneJob::fromJson(const QJsonObject& object, const QString& correlationId) {
    RemoteFineTuneJob job;
    job.id = object.value(QLatin1StringView("id")).toString();
    job.status = object.value(QLatin1StringView("status")).toString();
    if (job.id.isEmpty() || job.status.isEmpty()) {
        return fail(ErrorCode::InvalidResponse, QStringLiteral("a fine-tuning job without an id or a status"),
                    correlationId);
    }
    job.model = object.value(QLatin1StringView("model")).toString();
    job.fineTunedModel = object.value(QLatin1StringView("fine_tuned_model")).toString();
    job.trainingFile = object.value(QLatin1StringView("training_file")).toString();
    job.trainedTokens = qint64(object.value(QLatin1StringView("trained_tokens")).toDouble());
    const QJsonObject error = object.value(QLatin1StringView("error")).toObject();
    job.errorCode = error.value(QLatin1StringView("code")).toString();
    job.errorMessage = error.value(QLatin1StringView("message")).toString();
    job.createdAt = fromUnix(object.value(QLatin1StringView("created_at")));
    job.finishedAt = fromUnix(object.value(QLatin1StringView("finished_at")));
    job.estimatedFinish = fromUnix(object.value(QLatin1StringView("estimated_finish")));
    return job;
}

QJsonObject RemoteFineTuneJob::toJson() const {
    QJsonObject object{{QStringLiteral("id"), id},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("training_file"), trainingFile},
                       {QStringLiteral("trained_tokens"), trainedTokens}};
    object.insert(QStringLiteral("fine_tuned_model"),
                  fineTunedModel.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(fineTunedModel));
    if (!errorCode.isEmpty() || !errorMessage.isEmpty()) {
        object.insert(QStringLiteral("error"),
                      QJsonObject{{QStringLiteral("code"), errorCode}, {QStringLiteral("message"), errorMessage}});
    }
    const auto stamp = [&object](const char* key, const QDateTime& at) {
        if (at.isValid()) {
            object.insert(QLatin1StringView(key), at.toString(Qt::ISODate));
        }
    };
    stamp("created_at", createdAt);
    stamp("finished_at", finishedAt);
    stamp("estimated_finish", estimatedFinish);
    return object;
}

bool RemoteFineTuneJob::over() const {
    return status == QLatin1StringView("succeeded") || status == QLatin1StringView("failed") ||
           status == QLatin1StringView("cancelled");
}

QJsonObject RemoteFineTuneEvent::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("at"), at.isValid() ? at.toString(Qt::ISODate) : QString()},
                       {QStringLiteral("level"), level},
                       {QStringLiteral("message"), message}};
}

OpenAiFineTuningApi::OpenAiFineTuningApi(QNetworkAccessManager& network, ProviderConfig config, QString apiKey)
    : m_network(network)
    , m_config(std::move(config))
    , m_apiKey(std::move(apiKey)) {
}

bool OpenAiFineTuningApi::supports(ProviderKind kind) {
    return kind == ProviderKind::OpenAi || kind == ProviderKind::OpenAiCompatible || kind == ProviderKind::AzureOpenAi;
}

void OpenAiFineTuningApi::post(const QString& path, const QByteArray& body, QObject* context,
                               const QString& correlationId, std::function<void(Result<QJsonObject>)> done) const {
    const QNetworkRequest request = openAiRequest(m_config, m_apiKey, path, correlationId);
    log("providers")
        ->info("cid={} provider={} POST {}", correlationId, m_config.name, request.url().toString(QUrl::RemoveQuery));
    readJsonObject(m_network.post(request, body), context, correlationId, std::move(done));
}

void OpenAiFineTuningApi::get(const QString& path, QObject* context, const QString& correlationId,
                              std::function<void(Result<QJsonObject>)> done) const {
    const QNetworkRequest request = openAiRequest(m_config, m_apiKey, path, correlationId);
    log("providers")
        ->info("cid={} provider={} GET {}", correlationId, m_config.name, request.url().toString(QUrl::RemoveQuery));
    getJsonObject(m_network, request, context, correlationId, std::move(done));
}

void OpenAiFineTuningApi::uploadFile(const QByteArray& jsonl, const QString& fileName, QObject* context,
                                     const QString& correlationId, std::function<void(Result<QString>)> done) const {
    const QByteArray boundary =
        "tessera-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
    QByteArray body;
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + headerSafe(fileName) +
            "\"\r\nContent-Type: application/jsonl\r\n\r\n";
    body += jsonl;
    body += "\r\n--" + boundary + "--\r\n";
    QNetworkRequest request = openAiRequest(m_config, m_apiKey, QStringLiteral("/files"), correlationId);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("multipart/form-data; boundary=" + boundary));
    log("providers")
        ->info("cid={} provider={} POST {} bytes={}", correlationId, m_config.name,
               request.url().toString(QUrl::RemoveQuery), jsonl.size());
    readJsonObject(
        m_network.post(request, body), context, correlationId,
        [correlationId, done = std::move(done)](Result<QJsonObject> file) {
            if (!file) {
                done(fail(file.error()));
                return;
            }
            const QString id = file->value(QLatin1StringView("id")).toString();
            if (id.isEmpty()) {
                done(fail(ErrorCode::InvalidResponse, QStringLiteral("the uploaded file has no id"), correlationId));
                return;
            }
            done(id);
        });
}

namespace {

std::function<void(Result<QJsonObject>)> asJob(const QString& correlationId,
                                               std::function<void(Result<RemoteFineTuneJob>)> done) {
    return [correlationId, done = std::move(done)](Result<QJsonObject> object) {
        if (!object) {
            done(fail(object.error()));
            return;
        }
        done(RemoteFineTuneJob::fromJson(*object, correlationId));
    };
}

} // namespace

void OpenAiFineTuningApi::createJob(const QString& fileId, const QString& baseModel, const QString& suffix,
                                    std::optional<int> epochs, QObject* context, const QString& correlationId,
                                    std::function<void(Result<RemoteFineTuneJob>)> done) const {
    QJsonObject body{{QStringLiteral("training_file"), fileId}, {QStringLiteral("model"), baseModel}};
    if (!suffix.isEmpty()) {
        body.insert(QStringLiteral("suffix"), suffix);
    }
    if (epochs) {
        body.insert(QStringLiteral("method"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("supervised")},
                                {QStringLiteral("supervised"),
                                 QJsonObject{{QStringLiteral("hyperparameters"),
                                              QJsonObject{{QStringLiteral("n_epochs"), *epochs}}}}}});
    }
    post(QStringLiteral("/fine_tuning/jobs"), QJsonDocument(body).toJson(QJsonDocument::Compact), context,
         correlationId, asJob(correlationId, std::move(done)));
}

void OpenAiFineTuningApi::getJob(const QString& jobId, QObject* context, const QString& correlationId,
                                 std::function<void(Result<RemoteFineTuneJob>)> done) const {
    get(QStringLiteral("/fine_tuning/jobs/") + encoded(jobId), context, correlationId,
        asJob(correlationId, std::move(done)));
}

void OpenAiFineTuningApi::cancelJob(const QString& jobId, QObject* context, const QString& correlationId,
                                    std::function<void(Result<RemoteFineTuneJob>)> done) const {
    post(QStringLiteral("/fine_tuning/jobs/") + encoded(jobId) + QStringLiteral("/cancel"), QByteArray("{}"), context,
         correlationId, asJob(correlationId, std::move(done)));
}

void OpenAiFineTuningApi::listJobs(int limit, QObject* context, const QString& correlationId,
                                   std::function<void(Result<std::vector<RemoteFineTuneJob>>)> done) const {
    get(QStringLiteral("/fine_tuning/jobs?limit=%1").arg(std::clamp(limit, 1, 100)), context, correlationId,
        [correlationId, done = std::move(done)](Result<QJsonObject> page) {
            if (!page) {
                done(fail(page.error()));
                return;
            }
            std::vector<RemoteFineTuneJob> jobs;
            for (const auto& entry : page->value(QLatin1StringView("data")).toArray()) {
                if (auto job = RemoteFineTuneJob::fromJson(entry.toObject(), correlationId)) {
                    jobs.push_back(std::move(*job));
                }
            }
            done(std::move(jobs));
        });
}

void OpenAiFineTuningApi::listEvents(const QString& jobId, int limit, QObject* context, const QString& correlationId,
                                     std::function<void(Result<std::vector<RemoteFineTuneEvent>>)> done) const {
    get(QStringLiteral("/fine_tuning/jobs/%1/events?limit=%2").arg(encoded(jobId)).arg(std::clamp(limit, 1, 100)),
        context, correlationId, [correlationId, done = std::move(done)](Result<QJsonObject> page) {
            if (!page) {
                done(fail(page.error()));
                return;
            }
            const QJsonValue data = page->value(QLatin1StringView("data"));
            if (!data.isArray()) {
                done(fail(ErrorCode::InvalidResponse, QStringLiteral("an event list is not {\"data\": [...]}"),
                          correlationId));
                return;
            }
            std::vector<RemoteFineTuneEvent> events;
            for (const auto& entry : data.toArray()) {
                const QJsonObject object = entry.toObject();
                events.push_back({object.value(QLatin1StringView("id")).toString(),
                                  fromUnix(object.value(QLatin1StringView("created_at"))),
                                  object.value(QLatin1StringView("level")).toString(),
                                  object.value(QLatin1StringView("message")).toString()});
            }
            // Providers list the newest first; people read a log oldest first (events of one second keep their
            // order).
            std::reverse(events.begin(), events.end());
            std::stable_sort(events.begin(), events.end(),
                             [](const RemoteFineTuneEvent& a, const RemoteFineTuneEvent& b) { return a.at < b.at; });
            done(std::move(events));
        });
}

} // namespace Tessera::Core
