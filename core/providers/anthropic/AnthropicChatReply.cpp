#include "providers/anthropic/AnthropicChatReply.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tessera::Core {

AnthropicChatReply::~AnthropicChatReply() = default;

void AnthropicChatReply::takeUsage(const QJsonObject& usage) {
    // message_delta usage is cumulative: a field that is present replaces the earlier value, never adds to it.
    const auto take = [&usage](const char* key, qint64& target) {
        if (const QJsonValue value = usage.value(QLatin1StringView(key)); value.isDouble()) {
            target = value.toInteger();
        }
    };
    take("input_tokens", m_input);
    take("cache_read_input_tokens", m_cacheRead);
    take("cache_creation_input_tokens", m_cacheWrite);
    take("output_tokens", m_answer.usage.outputTokens);
    // Anthropic's input_tokens excludes cache tokens; Tessera's input total includes them.
    m_answer.usage.inputTokens = m_input + m_cacheRead + m_cacheWrite;
    m_answer.usage.cachedInputTokens = m_cacheRead;
    m_answer.usage.cacheWriteTokens = m_cacheWrite;
    m_answer.usage.estimated = false;
    m_answer.usageReported = true;
}

void AnthropicChatReply::handleSseEvent(const SseEvent& event) {
    if (m_sawStop) {
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    if (!doc.isObject()) {
        failWith(makeError(ErrorCode::InvalidResponse,
                           QStringLiteral("stream event is not a JSON object (%1): %2")
                               .arg(parseError.errorString(), QString::fromUtf8(event.data.left(120)))));
        return;
    }
    const QJsonObject data = doc.object();
    QString type = data.value(QLatin1StringView("type")).toString();
    if (type.isEmpty()) {
        type = QString::fromUtf8(event.event);
    }
    if (type == QLatin1StringView("message_start")) {
        const QJsonObject message = data.value(QLatin1StringView("message")).toObject();
        m_answer.model = message.value(QLatin1StringView("model")).toString();
        if (m_answer.providerRequestId.isEmpty()) {
            m_answer.providerRequestId = message.value(QLatin1StringView("id")).toString();
        }
        takeUsage(message.value(QLatin1StringView("usage")).toObject());
    } else if (type == QLatin1StringView("content_block_delta")) {
        const QJsonObject delta = data.value(QLatin1StringView("delta")).toObject();
        if (delta.value(QLatin1StringView("type")).toString() == QLatin1StringView("text_delta")) {
            emitText(delta.value(QLatin1StringView("text")).toString());
        }
        // thinking_delta, signature_delta, input_json_delta and citations_delta are not answer text.
    } else if (type == QLatin1StringView("message_delta")) {
        const QJsonObject delta = data.value(QLatin1StringView("delta")).toObject();
        if (const QJsonValue reason = delta.value(QLatin1StringView("stop_reason")); reason.isString()) {
            m_answer.finishReason = reason.toString();
        }
        if (const QJsonValue usage = data.value(QLatin1StringView("usage")); usage.isObject()) {
            takeUsage(usage.toObject());
        }
    } else if (type == QLatin1StringView("message_stop")) {
        m_sawStop = true;
    } else if (type == QLatin1StringView("error")) {
        const QJsonObject error = data.value(QLatin1StringView("error")).toObject();
        const QString errorType = error.value(QLatin1StringView("type")).toString();
        const QString message = error.value(QLatin1StringView("message")).toString().left(500);
        ErrorCode code = ErrorCode::ProviderStreamError;
        if (errorType == QLatin1StringView("overloaded_error")) {
            code = ErrorCode::ProviderOverloaded;
        } else if (errorType == QLatin1StringView("rate_limit_error")) {
            code = ErrorCode::ProviderRateLimited;
        }
        if (!text().isEmpty()) {
            code = ErrorCode::ProviderStreamError; // part of the answer was shown: never retried
        }
        Error typed = makeError(code, QStringLiteral("error in stream: %1 %2").arg(errorType, message));
        typed.providerMessage = message;
        failWith(typed);
    }
    // ping, content_block_start and content_block_stop carry nothing Tessera needs.
}

bool AnthropicChatReply::streamEndedCleanly(bool) const {
    return m_sawStop;
}

void AnthropicChatReply::handleBody(const QJsonObject& body) {
    m_answer.model = body.value(QLatin1StringView("model")).toString();
    m_answer.finishReason = body.value(QLatin1StringView("stop_reason")).toString();
    if (const QJsonValue usage = body.value(QLatin1StringView("usage")); usage.isObject()) {
        takeUsage(usage.toObject());
    }
    const QJsonValue content = body.value(QLatin1StringView("content"));
    if (!content.isArray()) {
        failWith(makeError(ErrorCode::InvalidResponse, QStringLiteral("message has no content array")));
        return;
    }
    QString text;
    for (const auto& value : content.toArray()) {
        const QJsonObject block = value.toObject();
        if (block.value(QLatin1StringView("type")).toString() == QLatin1StringView("text")) {
            text += block.value(QLatin1StringView("text")).toString();
        }
    }
    emitText(text);
}

} // namespace Tessera::Core
