#include "providers/ollama/OllamaProvider.h"

#include "logging/Logging.h"
#include "providers/HttpJson.h"
#include "providers/ollama/OllamaChatReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace Tessera::Core {

OllamaProvider::OllamaProvider(QNetworkAccessManager& network, ProviderConfig config, QString apiKey)
    : HttpProvider(network, std::move(config), std::move(apiKey)) {
}

QNetworkRequest OllamaProvider::makeRequest(const QString& path, const QString& correlationId) const {
    QNetworkRequest request = jsonRequest(QUrl(m_baseUrl + path), correlationId);
    if (!m_apiKey.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8()); // Ollama behind an authenticating proxy
    }
    return request;
}

QByteArray OllamaProvider::buildRequestBody(const ChatRequest& request) {
    QJsonArray messages;
    if (!request.systemPrompt.isEmpty()) {
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), request.systemPrompt}});
    }
    for (const ChatTurn& turn : request.messages) {
        QJsonObject message{{QStringLiteral("role"), QString(roleName(turn.role))},
                            {QStringLiteral("content"), turn.content}};
        if (!turn.images.empty()) {
            QJsonArray images;
            for (const ImageAttachment& image : turn.images) {
                images.append(QString::fromLatin1(image.data.toBase64()));
            }
            message.insert(QStringLiteral("images"), images);
        }
        messages.append(message);
    }
    QJsonObject body{{QStringLiteral("model"), request.model},
                     {QStringLiteral("messages"), messages},
                     {QStringLiteral("stream"), request.stream}};
    QJsonObject options;
    if (request.maxTokens) {
        options.insert(QStringLiteral("num_predict"), *request.maxTokens);
    }
    if (request.temperature) {
        options.insert(QStringLiteral("temperature"), *request.temperature);
    }
    if (!options.isEmpty()) {
        body.insert(QStringLiteral("options"), options);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ProviderReply* OllamaProvider::chat(const ChatRequest& request) {
    QNetworkRequest http = makeRequest(QStringLiteral("/api/chat"), request.correlationId);
    log("providers")
        ->info("cid={} provider={} model={} attempt={} POST {} stream={} messages={}", request.correlationId,
               m_config.name, request.model, request.attempt, http.url().toString(), request.stream,
               request.messages.size());
    QNetworkReply* reply = m_network.post(http, buildRequestBody(request));
    return new OllamaChatReply(reply, ReplyContext::of(request, m_config.name, m_config.resilience.timeouts));
}

void OllamaProvider::listModels(QObject* context, const QString& correlationId, ModelsCallback done) {
    QNetworkRequest http = makeRequest(QStringLiteral("/api/tags"), correlationId);
    log("providers")->info("cid={} provider={} GET {}", correlationId, m_config.name, http.url().toString());
    getJsonObject(m_network, http, context, correlationId,
                  [correlationId, done = std::move(done)](Result<QJsonObject> object) {
                      if (!object) {
                          done(fail(object.error()));
                          return;
                      }
                      const QJsonValue models = object->value(QLatin1StringView("models"));
                      if (!models.isArray()) {
                          done(fail(ErrorCode::InvalidResponse, QStringLiteral("model list is not {\"models\": [...]}"),
                                    correlationId));
                          return;
                      }
                      QStringList names;
                      for (const auto& entry : models.toArray()) {
                          names << entry.toObject().value(QLatin1StringView("name")).toString();
                      }
                      done(sortedModelIds(names));
                  });
}

} // namespace Tessera::Core
