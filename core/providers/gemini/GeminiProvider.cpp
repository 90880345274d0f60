#include "providers/gemini/GeminiProvider.h"

#include "logging/Logging.h"
#include "providers/HttpJson.h"
#include "providers/gemini/GeminiChatReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>
#include <QUrlQuery>

namespace Tessera::Core {

namespace {

QString bareModel(QString model) {
    if (model.startsWith(QLatin1StringView("models/"))) {
        model.remove(0, 7);
    }
    return model;
}

} // namespace

GeminiProvider::GeminiProvider(QNetworkAccessManager& network, ProviderConfig config, QString apiKey)
    : HttpProvider(network, std::move(config), std::move(apiKey)) {
}

QNetworkRequest GeminiProvider::makeRequest(const QUrl& url, const QString& correlationId) const {
    QNetworkRequest request = jsonRequest(url, correlationId);
    if (!m_apiKey.isEmpty()) {
        request.setRawHeader("x-goog-api-key", m_apiKey.toUtf8()); // a header, never the ?key= query
    }
    return request;
}

QByteArray GeminiProvider::buildRequestBody(const ChatRequest& request) {
    QJsonArray contents;
    for (const ChatTurn& turn : alternatingTurns(request.messages)) {
        QJsonArray parts;
        for (const ImageAttachment& image : turn.images) {
            parts.append(
                QJsonObject{{QStringLiteral("inline_data"),
                             QJsonObject{{QStringLiteral("mime_type"), image.mimeType},
                                         {QStringLiteral("data"), QString::fromLatin1(image.data.toBase64())}}}});
        }
        parts.append(QJsonObject{{QStringLiteral("text"), turn.content}});
        contents.append(QJsonObject{
            {QStringLiteral("role"), turn.role == Role::Assistant ? QStringLiteral("model") : QStringLiteral("user")},
            {QStringLiteral("parts"), parts}});
    }
    QJsonObject body{{QStringLiteral("contents"), contents}};
    if (!request.systemPrompt.isEmpty()) {
        body.insert(QStringLiteral("systemInstruction"),
                    QJsonObject{{QStringLiteral("parts"),
                                 QJsonArray{QJsonObject{{QStringLiteral("text"), request.systemPrompt}}}}});
    }
    QJsonObject generation;
    if (request.maxTokens) {
        generation.insert(QStringLiteral("maxOutputTokens"), *request.maxTokens);
    }
    if (request.temperature) {
        generation.insert(QStringLiteral("temperature"), *request.temperature);
    }
    if (!generation.isEmpty()) {
        body.insert(QStringLiteral("generationConfig"), generation);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ProviderReply* GeminiProvider::chat(const ChatRequest& request) {
    const QString model = QString::fromLatin1(QUrl::toPercentEncoding(bareModel(request.model)));
    QUrl url(m_baseUrl + QStringLiteral("/models/") + model +
             (request.stream ? QStringLiteral(":streamGenerateContent") : QStringLiteral(":generateContent")));
    if (request.stream) {
        url.setQuery(QStringLiteral("alt=sse"));
    }
    QNetworkRequest http = makeRequest(url, request.correlationId);
    log("providers")
        ->info("cid={} provider={} model={} attempt={} POST {} stream={} messages={}", request.correlationId,
               m_config.name, request.model, request.attempt, url.toString(), request.stream, request.messages.size());
    QNetworkReply* reply = m_network.post(http, buildRequestBody(request));
    return new GeminiChatReply(reply, ReplyContext::of(request, m_config.name, m_config.resilience.timeouts));
}

void GeminiProvider::listModels(QObject* context, const QString& correlationId, ModelsCallback done) {
    ModelPaging paging;
    paging.pageRequest = [this, correlationId](const QString& pageToken) {
        QUrl url(m_baseUrl + QStringLiteral("/models"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("1000"));
        if (!pageToken.isEmpty()) {
            query.addQueryItem(QStringLiteral("pageToken"), pageToken);
        }
        url.setQuery(query);
        return makeRequest(url, correlationId);
    };
    paging.readPage = [](const QJsonObject& page, QStringList& ids) -> Result<QString> {
        const QJsonValue models = page.value(QLatin1StringView("models"));
        if (!models.isArray() && !models.isUndefined()) {
            return fail(ErrorCode::InvalidResponse, QStringLiteral("model list is not {\"models\": [...]}"));
        }
        for (const auto& entry : models.toArray()) {
            const QJsonObject model = entry.toObject();
            const QJsonArray methods = model.value(QLatin1StringView("supportedGenerationMethods")).toArray();
            if (!methods.isEmpty() && !methods.contains(QStringLiteral("generateContent"))) {
                continue; // embedding-only and similar models cannot chat
            }
            ids << bareModel(model.value(QLatin1StringView("name")).toString());
        }
        return page.value(QLatin1StringView("nextPageToken")).toString();
    };
    getModelPages(m_network, context, correlationId, m_config.name, std::move(paging), std::move(done));
}

} // namespace Tessera::Core
