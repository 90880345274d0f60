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

namespace {

// A cache breakpoint: the prefix up to and including the block it is on is cached for five minutes.
QJsonObject ephemeral() {
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("ephemeral")}};
}

} // namespace

QByteArray AnthropicProvider::buildRequestBody(const ChatRequest& request) {
    const std::vector<ChatTurn> turns = alternatingTurns(request.messages);
    // With prompt caching, two breakpoints go on the history: on the question (the prefix the next turn reads) and
    // on the question before it (where the previous request wrote, read now). With the system prompt's, three of
    // the four Anthropic allows.
    std::vector<bool> breakpoint(turns.size(), false);
    if (request.promptCache) {
        int marked = 0;
        for (auto i = qsizetype(turns.size()) - 1; i >= 0 && marked < 2; --i) {
            if (turns[size_t(i)].role == Role::User) {
                breakpoint[size_t(i)] = true;
                ++marked;
            }
        }
    }
    QJsonArray messages;
    for (size_t i = 0; i < turns.size(); ++i) {
        const ChatTurn& turn = turns[i];
        QJsonValue content = turn.content;
        if (!turn.images.empty() || breakpoint[i]) {
            QJsonArray blocks;
            for (const ImageAttachment& image : turn.images) {
                blocks.append(
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                                {QStringLiteral("source"),
                                 QJsonObject{{QStringLiteral("type"), QStringLiteral("base64")},
                                             {QStringLiteral("media_type"), image.mimeType},
                                             {QStringLiteral("data"), QString::fromLatin1(image.data.toBase64())}}}});
            }
            QJsonObject text{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), turn.content}};
            if (breakpoint[i]) {
                text.insert(QStringLiteral("cache_control"), ephemeral());
            }
            blocks.append(text);
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
        if (request.promptCache) {
            body.insert(QStringLiteral("system"),
                        QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                               {QStringLiteral("text"), request.systemPrompt},
                                               {QStringLiteral("cache_control"), ephemeral()}}});
        } else {
            body.insert(QStringLiteral("system"), request.systemPrompt);
        }
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
        ->info("cid={} provider={} model={} attempt={} POST {} stream={} messages={} prompt_cache={}",
               request.correlationId, m_config.name, request.model, request.attempt, http.url().toString(),
               request.stream, request.messages.size(), request.promptCache);
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
