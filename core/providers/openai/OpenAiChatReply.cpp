#include "providers/openai/OpenAiChatReply.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tessera::Core {

OpenAiChatReply::~OpenAiChatReply() = default;

void OpenAiChatReply::handleSseEvent(const SseEvent& event) {
    if (m_sawDone) {
        return;
    }
    if (event.data == "[DONE]") {
        m_sawDone = true;
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    if (!doc.isObject()) {
        failWith(makeError(ErrorCode::InvalidResponse,
                           QStringLiteral("stream chunk is not a JSON object (%1): %2")
                               .arg(parseError.errorString(), QString::fromUtf8(event.data.left(120)))));
        return;
    }
    const QJsonObject chunk = doc.object();
    if (const QJsonValue error = chunk.value(QLatin1StringView("error")); !error.isUndefined() && !error.isNull()) {
        const QJsonObject object = error.toObject();
        const QString message =
            error.isString() ? error.toString() : object.value(QLatin1StringView("message")).toString();
        Error typed = makeError(ErrorCode::ProviderStreamError,
                                QStringLiteral("error in stream: %1 %2")
                                    .arg(object.value(QLatin1StringView("type")).toString(), message.left(500)));
        typed.providerMessage = message.left(500);
        failWith(typed);
        return;
    }
    if (const QString model = chunk.value(QLatin1StringView("model")).toString(); !model.isEmpty()) {
        m_answer.model = model;
    }
    const QJsonArray choices = chunk.value(QLatin1StringView("choices")).toArray();
    for (const auto& value : choices) {
        const QJsonObject choice = value.toObject();
        if (choice.value(QLatin1StringView("index")).toInt(0) != 0) {
            continue;
        }
        const QJsonValue content =
            choice.value(QLatin1StringView("delta")).toObject().value(QLatin1StringView("content"));
        if (content.isString()) {
            emitText(content.toString());
        }
        if (const QJsonValue reason = choice.value(QLatin1StringView("finish_reason")); reason.isString()) {
            m_answer.finishReason = reason.toString();
        }
    }
    if (const QJsonValue usage = chunk.value(QLatin1StringView("usage")); usage.isObject()) {
        takeUsage(usage.toObject());
    }
}

bool OpenAiChatReply::streamEndedCleanly(bool connectionClosedCleanly) const {
    // Some compatible servers omit [DONE] but end cleanly after a finish_reason; accept that.
    return m_sawDone || (connectionClosedCleanly && !m_answer.finishReason.isEmpty());
}

void OpenAiChatReply::takeUsage(const QJsonObject& usage) {
    m_answer.usage.inputTokens = usage.value(QLatin1StringView("prompt_tokens")).toInteger();
    m_answer.usage.outputTokens = usage.value(QLatin1StringView("completion_tokens")).toInteger();
    // Both are counted inside prompt_tokens.
    const QJsonObject promptDetails = usage.value(QLatin1StringView("prompt_tokens_details")).toObject();
    m_answer.usage.cachedInputTokens = promptDetails.value(QLatin1StringView("cached_tokens")).toInteger();
    m_answer.usage.cacheWriteTokens = promptDetails.value(QLatin1StringView("cache_write_tokens")).toInteger();
    m_answer.usage.reasoningTokens = usage.value(QLatin1StringView("completion_tokens_details"))
                                         .toObject()
                                         .value(QLatin1StringView("reasoning_tokens"))
                                         .toInteger();
    m_answer.usage.estimated = false;
    m_answer.usageReported = true;
}

void OpenAiChatReply::handleBody(const QJsonObject& object) {
    const QJsonArray choices = object.value(QLatin1StringView("choices")).toArray();
    if (choices.isEmpty()) {
        failWith(makeError(ErrorCode::InvalidResponse, QStringLiteral("response has no choices")));
        return;
    }
    const QJsonObject choice = choices.first().toObject();
    const QJsonValue content =
        choice.value(QLatin1StringView("message")).toObject().value(QLatin1StringView("content"));
    m_answer.model = object.value(QLatin1StringView("model")).toString();
    m_answer.finishReason = choice.value(QLatin1StringView("finish_reason")).toString();
    if (const QJsonValue usage = object.value(QLatin1StringView("usage")); usage.isObject()) {
        takeUsage(usage.toObject());
    }
    if (content.isString()) {
        emitText(content.toString());
    }
}

} // namespace Tessera::Core
