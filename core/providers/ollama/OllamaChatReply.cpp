#include "providers/ollama/OllamaChatReply.h"

namespace Tessera::Core {

OllamaChatReply::~OllamaChatReply() = default;

OllamaChatReply::Framing OllamaChatReply::framingFor(const QByteArray& contentType) const {
    if (contentType.startsWith("application/x-ndjson")) {
        return Framing::Ndjson;
    }
    return HttpChatReply::framingFor(contentType);
}

void OllamaChatReply::handleJsonLine(const QJsonObject& line) {
    if (m_done) {
        return;
    }
    if (const QJsonValue error = line.value(QLatin1StringView("error")); !error.isUndefined() && !error.isNull()) {
        const QString message =
            error.isString() ? error.toString() : error.toObject().value(QLatin1StringView("message")).toString();
        Error typed =
            makeError(ErrorCode::ProviderStreamError, QStringLiteral("error in stream: %1").arg(message.left(500)));
        typed.providerMessage = message.left(500);
        failWith(typed);
        return;
    }
    if (const QString model = line.value(QLatin1StringView("model")).toString(); !model.isEmpty()) {
        m_answer.model = model;
    }
    emitText(line.value(QLatin1StringView("message")).toObject().value(QLatin1StringView("content")).toString());
    if (line.value(QLatin1StringView("done")).toBool()) {
        m_done = true;
        m_answer.finishReason = line.value(QLatin1StringView("done_reason")).toString(QStringLiteral("stop"));
        if (line.contains(QLatin1StringView("eval_count")) || line.contains(QLatin1StringView("prompt_eval_count"))) {
            m_answer.usage.inputTokens = line.value(QLatin1StringView("prompt_eval_count")).toInteger();
            m_answer.usage.outputTokens = line.value(QLatin1StringView("eval_count")).toInteger();
            m_answer.usage.estimated = false;
            m_answer.usageReported = true;
        }
    }
}

bool OllamaChatReply::streamEndedCleanly(bool) const {
    return m_done;
}

void OllamaChatReply::handleBody(const QJsonObject& body) {
    handleJsonLine(body);
}

} // namespace Tessera::Core
