#include "providers/gemini/GeminiChatReply.h"

#include "providers/HttpErrors.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tessera::Core {

GeminiChatReply::~GeminiChatReply() = default;

Error GeminiChatReply::errorFromResponse(int status, const QByteArray& body) const {
    // An error object inside a 200 body or stream carries its own HTTP-like code.
    const int code = QJsonDocument::fromJson(body)
                         .object()
                         .value(QLatin1StringView("error"))
                         .toObject()
                         .value(QLatin1StringView("code"))
                         .toInt(status);
    return errorFromHttpResponse(status >= 400 ? status : code, body, correlationId());
}

void GeminiChatReply::handleResponse(const QJsonObject& response) {
    if (const QJsonValue error = response.value(QLatin1StringView("error")); error.isObject()) {
        Error typed = errorFromResponse(0, QJsonDocument(response).toJson(QJsonDocument::Compact));
        if (!text().isEmpty() || typed.code == ErrorCode::ProviderBadRequest) {
            typed.code = ErrorCode::ProviderStreamError;
        }
        typed.detail = QStringLiteral("error in stream: ") + typed.detail;
        failWith(typed);
        return;
    }
    if (const QString version = response.value(QLatin1StringView("modelVersion")).toString(); !version.isEmpty()) {
        m_answer.model = version;
    }
    if (m_answer.providerRequestId.isEmpty()) {
        m_answer.providerRequestId = response.value(QLatin1StringView("responseId")).toString();
    }
    const QJsonArray candidates = response.value(QLatin1StringView("candidates")).toArray();
    if (candidates.isEmpty()) {
        const QString blocked = response.value(QLatin1StringView("promptFeedback"))
                                    .toObject()
                                    .value(QLatin1StringView("blockReason"))
                                    .toString();
        if (!blocked.isEmpty()) {
            Error error = makeError(ErrorCode::ProviderBadRequest, QStringLiteral("prompt blocked: %1").arg(blocked));
            error.providerMessage = QStringLiteral("The prompt was blocked (%1).").arg(blocked);
            failWith(error);
            return;
        }
    }
    if (!candidates.isEmpty()) {
        const QJsonObject candidate = candidates.first().toObject();
        const QJsonArray parts =
            candidate.value(QLatin1StringView("content")).toObject().value(QLatin1StringView("parts")).toArray();
        for (const auto& value : parts) {
            const QJsonObject part = value.toObject();
            if (part.value(QLatin1StringView("thought")).toBool()) {
                continue; // thought summaries are not the answer
            }
            emitText(part.value(QLatin1StringView("text")).toString());
        }
        if (const QString reason = candidate.value(QLatin1StringView("finishReason")).toString(); !reason.isEmpty()) {
            m_answer.finishReason = reason;
        }
    }
    if (const QJsonValue usage = response.value(QLatin1StringView("usageMetadata")); usage.isObject()) {
        // Cumulative in streams: the last chunk's numbers replace earlier ones (summing double-counts).
        const QJsonObject u = usage.toObject();
        const qint64 thoughts = u.value(QLatin1StringView("thoughtsTokenCount")).toInteger();
        m_answer.usage.inputTokens = u.value(QLatin1StringView("promptTokenCount")).toInteger() +
                                     u.value(QLatin1StringView("toolUsePromptTokenCount")).toInteger();
        m_answer.usage.cachedInputTokens = u.value(QLatin1StringView("cachedContentTokenCount")).toInteger();
        // Thoughts are billed as output; Tessera's output includes reasoning.
        m_answer.usage.outputTokens = u.value(QLatin1StringView("candidatesTokenCount")).toInteger() + thoughts;
        m_answer.usage.reasoningTokens = thoughts;
        m_answer.usage.estimated = false;
        m_answer.usageReported = true;
    }
}

void GeminiChatReply::handleSseEvent(const SseEvent& event) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    if (!doc.isObject()) {
        failWith(makeError(ErrorCode::InvalidResponse,
                           QStringLiteral("stream chunk is not a JSON object (%1): %2")
                               .arg(parseError.errorString(), QString::fromUtf8(event.data.left(120)))));
        return;
    }
    handleResponse(doc.object());
}

bool GeminiChatReply::streamEndedCleanly(bool connectionClosedCleanly) const {
    return connectionClosedCleanly && !m_answer.finishReason.isEmpty();
}

void GeminiChatReply::handleBody(const QJsonObject& body) {
    handleResponse(body);
}

} // namespace Tessera::Core
