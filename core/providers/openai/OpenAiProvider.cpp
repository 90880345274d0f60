#include "providers/openai/OpenAiProvider.h"

#include "logging/Logging.h"
#include "providers/HttpErrors.h"
#include "providers/openai/OpenAiChatReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QUrl>

namespace Tessera::Core {

OpenAiProvider::OpenAiProvider(QNetworkAccessManager& network, ProviderKind kind, QString baseUrl, QString apiKey,
                               QString providerName)
    : m_network(network)
    , m_kind(kind)
    , m_baseUrl(std::move(baseUrl))
    , m_apiKey(std::move(apiKey))
    , m_providerName(std::move(providerName)) {
    while (m_baseUrl.endsWith(QLatin1Char('/'))) {
        m_baseUrl.chop(1);
    }
}

QNetworkRequest OpenAiProvider::makeRequest(const QString& path, const QString& correlationId) const {
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Tessera/" TESSERA_VERSION));
    if (!m_apiKey.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
    }
    request.setRawHeader("X-Client-Request-Id", correlationId.toLatin1());
    request.setTransferTimeout(m_idleTimeoutMs);
    // Redirects stay on the same origin, so the key is never sent to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    return request;
}

QByteArray OpenAiProvider::buildRequestBody(const ChatRequest& request, ProviderKind kind) {
    QJsonArray messages;
    if (!request.systemPrompt.isEmpty()) {
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), request.systemPrompt}});
    }
    for (const ChatTurn& turn : request.messages) {
        messages.append(QJsonObject{{QStringLiteral("role"), QString(roleName(turn.role))},
                                    {QStringLiteral("content"), turn.content}});
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
    QNetworkRequest http = makeRequest(QStringLiteral("/chat/completions"), request.correlationId);
    if (request.stream) {
        http.setRawHeader("Accept", "text/event-stream");
    }
    qsizetype promptCharacters = request.systemPrompt.size();
    for (const ChatTurn& turn : request.messages) {
        promptCharacters += turn.content.size();
    }
    log("providers")
        ->info("cid={} provider={} model={} POST {} stream={} messages={}", request.correlationId, m_providerName,
               request.model, http.url().toString(), request.stream, request.messages.size());
    QNetworkReply* reply = m_network.post(http, buildRequestBody(request, m_kind));
    return new OpenAiChatReply(reply, request.correlationId, m_providerName, promptCharacters);
}

void OpenAiProvider::listModels(QObject* context, const QString& correlationId, ModelsCallback done) {
    QNetworkRequest http = makeRequest(QStringLiteral("/models"), correlationId);
    log("providers")->info("cid={} provider={} GET {}", correlationId, m_providerName, http.url().toString());
    QNetworkReply* reply = m_network.get(http);
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    // Qt buffers the whole body; stop a response that grows past the limit instead of holding it.
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > maxResponseBytes) {
            reply->setProperty("tesseraTooLarge", true);
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, correlationId, done = std::move(done)] {
        if (reply->property("tesseraTooLarge").toBool()) {
            done(fail(ErrorCode::ResponseTooLarge, QStringLiteral("model list exceeds %1 bytes").arg(maxResponseBytes),
                      correlationId));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->read(maxResponseBytes);
        if (status >= 400) {
            Error error = errorFromHttpResponse(status, body, correlationId);
            error.retryAfterMs = retryAfterMs(*reply);
            done(fail(error));
            return;
        }
        if (status == 0 || reply->error() != QNetworkReply::NoError) {
            done(fail(errorFromNetworkError(reply->error(), reply->errorString(), correlationId)));
            return;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        const QJsonValue data = doc.object().value(QLatin1StringView("data"));
        if (!doc.isObject() || !data.isArray()) {
            done(
                fail(ErrorCode::InvalidResponse, QStringLiteral("model list is not {\"data\": [...]}"), correlationId));
            return;
        }
        QStringList models;
        for (const auto& entry : data.toArray()) {
            const QString id = entry.toObject().value(QLatin1StringView("id")).toString();
            if (!id.isEmpty()) {
                models << id;
            }
        }
        models.sort(Qt::CaseInsensitive);
        models.removeDuplicates();
        done(models);
    });
}

} // namespace Tessera::Core
