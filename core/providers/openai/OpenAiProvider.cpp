#include "providers/openai/OpenAiProvider.h"

#include "logging/Logging.h"
#include "providers/HttpJson.h"
#include "providers/openai/OpenAiChatReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>
#include <QUrlQuery>

namespace Tessera::Core {

OpenAiProvider::OpenAiProvider(QNetworkAccessManager& network, ProviderConfig config, QString apiKey)
    : HttpProvider(network, std::move(config), std::move(apiKey)) {
}

QNetworkRequest openAiRequest(const ProviderConfig& config, const QString& apiKey, const QString& path,
                              const QString& correlationId) {
    QUrl url(trimmedBaseUrl(config.baseUrl) + path);
    if (config.kind == ProviderKind::AzureOpenAi) {
        QUrlQuery query(url);
        query.addQueryItem(QStringLiteral("api-version"), config.apiVersion);
        url.setQuery(query);
    }
    QNetworkRequest request = makeJsonRequest(url, correlationId, config.resilience.timeouts.idleMs);
    if (!apiKey.isEmpty()) {
        if (config.kind == ProviderKind::AzureOpenAi) {
            request.setRawHeader("api-key", apiKey.toUtf8());
        } else {
            request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
        }
    }
    return request;
}

QNetworkRequest OpenAiProvider::makeRequest(const QString& path, const QString& correlationId) const {
    return openAiRequest(m_config, m_apiKey, path, correlationId);
}

QByteArray OpenAiProvider::buildRequestBody(const ChatRequest& request, ProviderKind kind) {
    QJsonArray messages;
    if (!request.systemPrompt.isEmpty()) {
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), request.systemPrompt}});
    }
    for (const ChatTurn& turn : request.messages) {
        QJsonValue content = turn.content;
        if (!turn.images.empty()) {
            QJsonArray parts{
                QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), turn.content}}};
            for (const ImageAttachment& image : turn.images) {
                const QString url = QStringLiteral("data:") + image.mimeType + QStringLiteral(";base64,") +
                                    QString::fromLatin1(image.data.toBase64());
                parts.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("image_url")},
                                         {QStringLiteral("image_url"), QJsonObject{{QStringLiteral("url"), url}}}});
            }
            content = parts;
        }
        messages.append(
            QJsonObject{{QStringLiteral("role"), QString(roleName(turn.role))}, {QStringLiteral("content"), content}});
    }
    QJsonObject body{{QStringLiteral("model"), request.model},
                     {QStringLiteral("messages"), messages},
                     {QStringLiteral("stream"), request.stream}};
    if (request.stream) {
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    }
    if (request.maxTokens) {
        // OpenAI deprecated max_tokens (o-series reject it); compatible servers mostly know only max_tokens.
        body.insert(kind == ProviderKind::OpenAi ? QStringLiteral("max_completion_tokens")
                                                 : QStringLiteral("max_tokens"),
                    *request.maxTokens);
    }
    if (request.temperature) {
        body.insert(QStringLiteral("temperature"), *request.temperature);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ProviderReply* OpenAiProvider::chat(const ChatRequest& request) {
    // Azure addresses a deployment (the "model" the user picked) in the path.
    const QString path = m_config.kind == ProviderKind::AzureOpenAi
                             ? QStringLiteral("/deployments/") +
                                   QString::fromLatin1(QUrl::toPercentEncoding(request.model)) +
                                   QStringLiteral("/chat/completions")
                             : QStringLiteral("/chat/completions");
    QNetworkRequest http = makeRequest(path, request.correlationId);
    if (request.stream) {
        http.setRawHeader("Accept", "text/event-stream");
    }
    log("providers")
        ->info("cid={} provider={} model={} attempt={} POST {} stream={} messages={}", request.correlationId,
               m_config.name, request.model, request.attempt, http.url().toString(QUrl::RemoveQuery), request.stream,
               request.messages.size());
    QNetworkReply* reply = m_network.post(http, buildRequestBody(request, m_config.kind));
    return new OpenAiChatReply(reply, ReplyContext::of(request, m_config.name, m_config.resilience.timeouts));
}

void OpenAiProvider::listModels(QObject* context, const QString& correlationId, ModelsCallback done) {
    QNetworkRequest http = makeRequest(QStringLiteral("/models"), correlationId);
    log("providers")
        ->info("cid={} provider={} GET {}", correlationId, m_config.name, http.url().toString(QUrl::RemoveQuery));
    getJsonObject(m_network, http, context, correlationId,
                  [correlationId, done = std::move(done)](Result<QJsonObject> object) {
                      if (!object) {
                          done(fail(object.error()));
                          return;
                      }
                      const QJsonValue data = object->value(QLatin1StringView("data"));
                      if (!data.isArray()) {
                          done(fail(ErrorCode::InvalidResponse, QStringLiteral("model list is not {\"data\": [...]}"),
                                    correlationId));
                          return;
                      }
                      QStringList models;
                      for (const auto& entry : data.toArray()) {
                          models << entry.toObject().value(QLatin1StringView("id")).toString();
                      }
                      done(sortedModelIds(models));
                  });
}

} // namespace Tessera::Core
