#include "providers/anthropic/AnthropicProvider.h"

#include "logging/Logging.h"
#include "providers/HttpJson.h"
#include "providers/anthropic/AnthropicChatReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>
#include <QUrlQuery>

namespace Tessera::Core {

AnthropicProvider::AnthropicProvider(QNetworkAccessManager& network, ProviderConfig config, QString apiKey)
    : HttpProvider(network, std::move(config), std::move(apiKey)) {
}

QNetworkRequest AnthropicProvider::makeRequest(const QString& path, const QString& correlationId) const {
    QNetworkRequest request = jsonRequest(QUrl(m_baseUrl + path), correlationId);
    request.setRawHeader("anthropic-version", apiVersion);
    if (!m_apiKey.isEmpty()) {
        request.setRawHeader("x-api-key", m_apiKey.toUtf8());
    }
    return request;
}

QByteArray AnthropicProvider::buildRequestBody(const ChatRequest& request) {
    QJsonArray messages;
    for (const ChatTurn& turn : alternatingTurns(request.messages)) {
        QJsonValue content = turn.content;
        if (!turn.images.empty()) {
            QJsonArray blocks;
            for (const ImageAttachment& image : turn.images) {
                blocks.append(
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                                {QStringLiteral("source"),
                                 QJsonObject{{QStringLiteral("type"), QStringLiteral("base64")},
                                             {QStringLiteral("media_type"), image.mimeType},
                                             {QStringLiteral("data"), QString::fromLatin1(image.data.toBase64())}}}});
            }
            blocks.append(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), turn.content}});
            content = blocks;
        }
        messages.append(
            QJsonObject{{QStringLiteral("role"), QString(roleName(turn.role))}, {QStringLiteral("content"), content}});
    }
    QJsonObject body{{QStringLiteral("model"), request.model},
                     {QStringLiteral("messages"), messages},
                     {QStringLiteral("max_tokens"), request.maxTokens.value_or(defaultMaxTokens)},
                     {QStringLiteral("stream"), request.stream}};
    if (!request.systemPrompt.isEmpty()) {
        body.insert(QStringLiteral("system"), request.systemPrompt);
    }
    if (request.temperature) {
        body.insert(QStringLiteral("temperature"), *request.temperature);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ProviderReply* AnthropicProvider::chat(const ChatRequest& request) {
    QNetworkRequest http = makeRequest(QStringLiteral("/messages"), request.correlationId);
    if (request.stream) {
        http.setRawHeader("Accept", "text/event-stream");
    }
    log("providers")
        ->info("cid={} provider={} model={} attempt={} POST {} stream={} messages={}", request.correlationId,
               m_config.name, request.model, request.attempt, http.url().toString(), request.stream,
               request.messages.size());
    QNetworkReply* reply = m_network.post(http, buildRequestBody(request));
    return new AnthropicChatReply(reply, ReplyContext::of(request, m_config.name, m_config.resilience.timeouts));
}

void AnthropicProvider::listModels(QObject* context, const QString& correlationId, ModelsCallback done) {
    ModelPaging paging;
    paging.pageRequest = [this, correlationId](const QString& afterId) {
        QUrl url(m_baseUrl + QStringLiteral("/models"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        if (!afterId.isEmpty()) {
            query.addQueryItem(QStringLiteral("after_id"), afterId);
        }
        url.setQuery(query);
        QNetworkRequest http = makeRequest(QString(), correlationId);
        http.setUrl(url);
        return http;
    };
    paging.readPage = [](const QJsonObject& page, QStringList& ids) -> Result<QString> {
        const QJsonValue data = page.value(QLatin1StringView("data"));
        if (!data.isArray()) {
            return fail(ErrorCode::InvalidResponse, QStringLiteral("model list is not {\"data\": [...]}"));
        }
        for (const auto& entry : data.toArray()) {
            ids << entry.toObject().value(QLatin1StringView("id")).toString();
        }
        return page.value(QLatin1StringView("has_more")).toBool() ? page.value(QLatin1StringView("last_id")).toString()
                                                                  : QString();
    };
    getModelPages(m_network, context, correlationId, m_config.name, std::move(paging), std::move(done));
}

} // namespace Tessera::Core
