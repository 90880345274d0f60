#include "providers/openai/OpenAiChatReply.h"

#include "logging/Logging.h"
#include "providers/HttpErrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>

namespace Tessera::Core {

OpenAiChatReply::OpenAiChatReply(QNetworkReply* reply, QString correlationId, QString providerName,
                                 qsizetype promptCharacters)
    : ProviderReply(std::move(correlationId))
    , m_reply(reply)
    , m_providerName(std::move(providerName))
    , m_promptCharacters(promptCharacters) {
    m_timer.start();
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::readyRead, this, &OpenAiChatReply::handleReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &OpenAiChatReply::handleFinished);
}

OpenAiChatReply::~OpenAiChatReply() {
    if (m_reply && m_reply->isRunning()) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void OpenAiChatReply::cancel() {
    if (isFinished()) {
        return;
    }
    m_cancelled = true;
    log("providers")
        ->info("cid={} provider={} cancelled by the user after {} characters", correlationId(), m_providerName,
               text().size());
    Error error = makeError(ErrorCode::Cancelled, QStringLiteral("stopped by the user"), correlationId());
    finish(fail(error));
    m_reply->abort();
}

void OpenAiChatReply::failWith(Error error) {
    if (isFinished()) {
        return;
    }
    error.correlationId = correlationId();
    log("providers")
        ->warn("cid={} provider={} request failed: {}", correlationId(), m_providerName, error.toLogString());
    finish(fail(error));
    if (m_reply->isRunning()) {
        m_reply->abort();
    }
}

void OpenAiChatReply::handleReadyRead() {
    if (isFinished()) {
        return;
    }
    if (m_mode == Mode::Undetermined) {
        m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_answer.providerRequestId = QString::fromLatin1(m_reply->rawHeader("x-request-id"));
        const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
        if (m_httpStatus >= 400) {
            m_mode = Mode::ErrorBody;
        } else if (type.startsWith("text/event-stream")) {
            m_mode = Mode::Stream;
        } else {
            m_mode = Mode::Body; // a server that ignored "stream": true, or a non-streamed request
        }
    }
    const QByteArray chunk = m_reply->readAll();
    if (m_mode != Mode::Stream) {
        m_body += chunk;
        if (m_body.size() > maxResponseBytes) {
            failWith(makeError(ErrorCode::ResponseTooLarge,
                               QStringLiteral("response body exceeds %1 bytes").arg(maxResponseBytes)));
        }
        return;
    }
    for (const SseEvent& event : m_parser.feed(chunk)) {
        handleEvent(event);
        if (isFinished()) {
            return;
        }
    }
    if (m_parser.overflow()) {
        failWith(makeError(ErrorCode::ResponseTooLarge, QStringLiteral("a stream event exceeds the size limit")));
    }
}

void OpenAiChatReply::handleEvent(const SseEvent& event) {
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
        if (content.isString() && !content.toString().isEmpty()) {
            if (m_answer.ttftMs < 0) {
                m_answer.ttftMs = m_timer.elapsed();
            }
            appendText(content.toString());
        }
        if (const QJsonValue reason = choice.value(QLatin1StringView("finish_reason")); reason.isString()) {
            m_answer.finishReason = reason.toString();
        }
    }
    if (const QJsonValue usage = chunk.value(QLatin1StringView("usage")); usage.isObject()) {
        takeUsage(usage.toObject());
    }
}

void OpenAiChatReply::takeUsage(const QJsonObject& usage) {
    m_answer.usage.inputTokens = usage.value(QLatin1StringView("prompt_tokens")).toInteger();
    m_answer.usage.outputTokens = usage.value(QLatin1StringView("completion_tokens")).toInteger();
    m_answer.usage.cachedInputTokens = usage.value(QLatin1StringView("prompt_tokens_details"))
                                           .toObject()
                                           .value(QLatin1StringView("cached_tokens"))
                                           .toInteger();
    m_answer.usage.reasoningTokens = usage.value(QLatin1StringView("completion_tokens_details"))
                                         .toObject()
                                         .value(QLatin1StringView("reasoning_tokens"))
                                         .toInteger();
    m_answer.usage.estimated = false;
    m_answer.usageReported = true;
}

void OpenAiChatReply::handleBody() {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(m_body, &parseError);
    if (!doc.isObject()) {
        failWith(makeError(ErrorCode::InvalidResponse,
                           QStringLiteral("response is not JSON (%1): %2")
                               .arg(parseError.errorString(), QString::fromUtf8(m_body.left(120)))));
        return;
    }
    const QJsonObject object = doc.object();
    if (const QJsonValue error = object.value(QLatin1StringView("error")); !error.isUndefined() && !error.isNull()) {
        failWith(errorFromHttpResponse(m_httpStatus >= 400 ? m_httpStatus : 500, m_body, correlationId()));
        return;
    }
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
    if (content.isString() && !content.toString().isEmpty()) {
        m_answer.ttftMs = m_timer.elapsed();
        appendText(content.toString());
    }
    complete();
}

void OpenAiChatReply::complete() {
    m_answer.text = text();
    m_answer.latencyMs = m_timer.elapsed();
    if (!m_answer.usageReported) {
        m_answer.usage.inputTokens = estimateTokens(m_promptCharacters);
        m_answer.usage.outputTokens = estimateTokens(text().size());
        m_answer.usage.estimated = true;
    }
    log("providers")
        ->info("cid={} provider={} model={} finished: reason={} in={} cached={} out={} reasoning={}{} "
               "ttft_ms={} latency_ms={} request_id={}",
               correlationId(), m_providerName, m_answer.model, m_answer.finishReason, m_answer.usage.inputTokens,
               m_answer.usage.cachedInputTokens, m_answer.usage.outputTokens, m_answer.usage.reasoningTokens,
               m_answer.usage.estimated ? " (estimated)" : "", m_answer.ttftMs, m_answer.latencyMs,
               m_answer.providerRequestId);
    finish(m_answer);
}

void OpenAiChatReply::handleFinished() {
    if (isFinished()) {
        return;
    }
    if (m_mode == Mode::Undetermined) {
        handleReadyRead(); // an empty body, or data that arrived together with the end
        if (isFinished()) {
            return;
        }
        if (m_mode == Mode::Undetermined) {
            m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        }
    } else if (m_reply->bytesAvailable() > 0) {
        handleReadyRead();
        if (isFinished()) {
            return;
        }
    }
    const QNetworkReply::NetworkError networkError = m_reply->error();
    if (m_httpStatus >= 400) {
        Error error = errorFromHttpResponse(m_httpStatus, m_body, correlationId());
        error.retryAfterMs = retryAfterMs(*m_reply);
        failWith(error);
        return;
    }
    if (m_httpStatus == 0 || (networkError != QNetworkReply::NoError && m_mode != Mode::Stream)) {
        Error error = errorFromNetworkError(networkError, m_reply->errorString(), correlationId());
        if (networkError == QNetworkReply::OperationCanceledError && !m_cancelled) {
            error.code = ErrorCode::Timeout; // the transfer timeout aborted an idle connection
        }
        if (!text().isEmpty()) {
            error.code = ErrorCode::StreamInterrupted;
        }
        failWith(error);
        return;
    }
    if (m_mode == Mode::Stream) {
        const bool cleanEnd = networkError == QNetworkReply::NoError;
        // Some compatible servers omit [DONE] but end cleanly after a finish_reason; accept that.
        if (m_sawDone || (cleanEnd && !m_answer.finishReason.isEmpty() && !m_parser.hasPartialEvent())) {
            complete();
            return;
        }
        Error error = makeError(ErrorCode::StreamInterrupted,
                                QStringLiteral("stream ended before [DONE] after %1 characters (%2)")
                                    .arg(text().size())
                                    .arg(cleanEnd ? QStringLiteral("connection closed") : m_reply->errorString()));
        if (networkError == QNetworkReply::OperationCanceledError && !m_cancelled) {
            error.code = text().isEmpty() ? ErrorCode::Timeout : ErrorCode::StreamInterrupted;
        }
        failWith(error);
        return;
    }
    handleBody();
}

} // namespace Tessera::Core
