#include "providers/HttpChatReply.h"

#include "logging/Logging.h"
#include "providers/HttpErrors.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>

namespace Tessera::Core {

namespace {

constexpr qsizetype maxLineBytes = qsizetype(8) * 1024 * 1024;

} // namespace

ReplyContext ReplyContext::of(const ChatRequest& request, const QString& providerName, const Timeouts& timeouts) {
    return {request.correlationId,
            providerName,
            request.model,
            request.attempt,
            Tessera::Core::promptCharacters(request),
            timeouts};
}

HttpChatReply::HttpChatReply(QNetworkReply* reply, ReplyContext context)
    : ProviderReply(context.correlationId)
    , m_reply(reply)
    , m_context(std::move(context)) {
    m_timer.start();
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpChatReply::handleMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpChatReply::handleReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpChatReply::handleFinished);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HttpChatReply::handleDeadline);
    if (m_context.timeouts.connectMs > 0) {
        m_deadlineKind = Deadline::Connect;
        m_deadline.start(int(std::min<qint64>(m_context.timeouts.connectMs, INT_MAX)));
    } else if (m_context.timeouts.firstTokenMs > 0) {
        m_deadlineKind = Deadline::FirstToken;
        m_deadline.start(int(std::min<qint64>(m_context.timeouts.firstTokenMs, INT_MAX)));
    }
}

HttpChatReply::~HttpChatReply() {
    if (m_reply && m_reply->isRunning()) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

HttpChatReply::Framing HttpChatReply::framingFor(const QByteArray& contentType) const {
    if (contentType.startsWith("text/event-stream")) {
        return Framing::Sse;
    }
    if (contentType.startsWith("application/x-ndjson") || contentType.startsWith("application/jsonl")) {
        return Framing::Ndjson;
    }
    return Framing::Json; // a server that ignored "stream": true, or a non-streamed request
}

void HttpChatReply::handleSseEvent(const SseEvent&) {
    failWith(makeError(ErrorCode::InvalidResponse, QStringLiteral("unexpected event stream")));
}

void HttpChatReply::handleJsonLine(const QJsonObject&) {
    failWith(makeError(ErrorCode::InvalidResponse, QStringLiteral("unexpected NDJSON stream")));
}

Error HttpChatReply::errorFromResponse(int status, const QByteArray& body) const {
    return errorFromHttpResponse(status, body, correlationId());
}

void HttpChatReply::cancel() {
    if (isFinished()) {
        return;
    }
    m_cancelled = true;
    m_deadline.stop();
    log("providers")
        ->info("cid={} provider={} model={} attempt={} cancelled by the user after {} characters", correlationId(),
               m_context.providerName, m_context.model, m_context.attempt, text().size());
    finish(fail(makeError(ErrorCode::Cancelled, QStringLiteral("stopped by the user"), correlationId())));
    m_reply->abort();
}

void HttpChatReply::failWith(Error error) {
    if (isFinished()) {
        return;
    }
    m_deadline.stop();
    error.correlationId = correlationId();
    log("providers")
        ->warn("cid={} provider={} model={} attempt={} request failed after {} ms: {}", correlationId(),
               m_context.providerName, m_context.model, m_context.attempt, m_timer.elapsed(), error.toLogString());
    finish(fail(error));
    if (m_reply->isRunning()) {
        m_reply->abort();
    }
}

void HttpChatReply::emitText(const QString& text) {
    if (text.isEmpty() || isFinished()) {
        return;
    }
    if (m_answer.ttftMs < 0) {
        m_answer.ttftMs = m_timer.elapsed();
        if (m_deadlineKind == Deadline::FirstToken) {
            m_deadline.stop();
            m_deadlineKind = Deadline::None;
        }
    }
    appendText(text);
}

void HttpChatReply::handleDeadline() {
    if (isFinished()) {
        return;
    }
    m_expired = m_deadlineKind;
    const qint64 limit =
        m_expired == Deadline::Connect ? m_context.timeouts.connectMs : m_context.timeouts.firstTokenMs;
    Error error = makeError(ErrorCode::Timeout, QStringLiteral("%1 timeout: nothing after %2 ms")
                                                    .arg(m_expired == Deadline::Connect ? QStringLiteral("connect")
                                                                                        : QStringLiteral("first-token"))
                                                    .arg(limit));
    failWith(error);
}

void HttpChatReply::handleMetaData() {
    if (m_deadlineKind == Deadline::Connect) {
        m_deadline.stop();
        m_deadlineKind = Deadline::None;
        if (m_context.timeouts.firstTokenMs > 0 && m_answer.ttftMs < 0) {
            const qint64 left = std::max<qint64>(1, m_context.timeouts.firstTokenMs - m_timer.elapsed());
            m_deadlineKind = Deadline::FirstToken;
            m_deadline.start(int(std::min<qint64>(left, INT_MAX)));
        }
    }
    const ProviderRateLimits limits = parseRateLimitHeaders(*m_reply, QDateTime::currentDateTimeUtc());
    if (!limits.isEmpty()) {
        setRateLimits(limits);
    }
    if (m_answer.providerRequestId.isEmpty()) {
        QByteArray id = m_reply->rawHeader("x-request-id");
        if (id.isEmpty()) {
            id = m_reply->rawHeader("request-id");
        }
        m_answer.providerRequestId = QString::fromLatin1(id.left(200));
    }
}

void HttpChatReply::handleReadyRead() {
    if (isFinished()) {
        return;
    }
    if (m_mode == Mode::Undetermined) {
        handleMetaData();
        m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
        if (m_httpStatus >= 400) {
            m_mode = Mode::ErrorBody;
            m_deadline.stop(); // an error body arrives at once; the idle timeout still guards it
            m_deadlineKind = Deadline::None;
        } else {
            m_framing = framingFor(type);
            m_mode = m_framing == Framing::Json ? Mode::Body : Mode::Stream;
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
    if (m_framing == Framing::Ndjson) {
        feedLines(chunk);
        return;
    }
    for (const SseEvent& event : m_parser.feed(chunk)) {
        handleSseEvent(event);
        if (isFinished()) {
            return;
        }
    }
    if (m_parser.overflow()) {
        failWith(makeError(ErrorCode::ResponseTooLarge, QStringLiteral("a stream event exceeds the size limit")));
    }
}

void HttpChatReply::feedLines(const QByteArray& chunk) {
    m_lineBuffer += chunk;
    qsizetype start = 0;
    while (!isFinished()) {
        const qsizetype end = m_lineBuffer.indexOf('\n', start);
        if (end < 0) {
            break;
        }
        const QByteArray line = m_lineBuffer.mid(start, end - start).trimmed();
        start = end + 1;
        if (line.isEmpty()) {
            continue;
        }
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (!doc.isObject()) {
            failWith(makeError(ErrorCode::InvalidResponse,
                               QStringLiteral("stream line is not a JSON object (%1): %2")
                                   .arg(parseError.errorString(), QString::fromUtf8(line.left(120)))));
            return;
        }
        handleJsonLine(doc.object());
    }
    m_lineBuffer.remove(0, start);
    if (m_lineBuffer.size() > maxLineBytes) {
        failWith(makeError(ErrorCode::ResponseTooLarge, QStringLiteral("a stream line exceeds the size limit")));
    }
}

void HttpChatReply::complete() {
    if (isFinished()) {
        return;
    }
    m_deadline.stop();
    m_answer.text = text();
    m_answer.latencyMs = m_timer.elapsed();
    if (!m_answer.usageReported) {
        m_answer.usage.inputTokens = estimateTokens(m_context.promptCharacters);
        m_answer.usage.outputTokens = estimateTokens(text().size());
        m_answer.usage.estimated = true;
    }
    log("providers")
        ->info("cid={} provider={} model={} attempt={} finished: answered_by={} reason={} in={} cached={} out={} "
               "reasoning={}{} ttft_ms={} latency_ms={} request_id={}",
               correlationId(), m_context.providerName, m_context.model, m_context.attempt, m_answer.model,
               m_answer.finishReason, m_answer.usage.inputTokens, m_answer.usage.cachedInputTokens,
               m_answer.usage.outputTokens, m_answer.usage.reasoningTokens,
               m_answer.usage.estimated ? " (estimated)" : "", m_answer.ttftMs, m_answer.latencyMs,
               m_answer.providerRequestId);
    finish(m_answer);
}

void HttpChatReply::handleFinished() {
    if (isFinished()) {
        return;
    }
    if (m_mode == Mode::Undetermined || m_reply->bytesAvailable() > 0) {
        handleReadyRead(); // an empty body, or data that arrived together with the end
        if (isFinished()) {
            return;
        }
    }
    if (m_mode == Mode::Stream && m_framing == Framing::Ndjson && !m_lineBuffer.trimmed().isEmpty() &&
        m_reply->error() == QNetworkReply::NoError) {
        feedLines(QByteArrayLiteral("\n")); // a last line without its newline, on a cleanly closed stream
        if (isFinished()) {
            return;
        }
    }
    if (m_httpStatus == 0) {
        m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    const QNetworkReply::NetworkError networkError = m_reply->error();
    if (m_httpStatus >= 400) {
        Error error = errorFromResponse(m_httpStatus, m_body);
        if (auto after = retryAfterMs(*m_reply)) {
            error.retryAfterMs = after;
        }
        const QByteArray shouldRetry = m_reply->rawHeader("x-should-retry").trimmed().toLower();
        if (shouldRetry == "true" || shouldRetry == "false") {
            error.shouldRetry = shouldRetry == "true";
        }
        failWith(error);
        return;
    }
    // The transfer timeout aborts an idle connection with OperationCanceledError.
    const bool idleTimeout = networkError == QNetworkReply::OperationCanceledError && !m_cancelled;
    if (m_httpStatus == 0 || (networkError != QNetworkReply::NoError && m_mode != Mode::Stream)) {
        Error error = errorFromNetworkError(networkError, m_reply->errorString(), correlationId());
        if (idleTimeout) {
            error.code = ErrorCode::Timeout;
            error.detail = QStringLiteral("idle timeout: nothing received for %1 ms").arg(m_context.timeouts.idleMs);
        }
        if (!text().isEmpty()) {
            error.code = ErrorCode::StreamInterrupted;
        }
        failWith(error);
        return;
    }
    if (m_mode == Mode::Stream) {
        const bool cleanEnd = networkError == QNetworkReply::NoError;
        if (streamEndedCleanly(cleanEnd && !m_parser.hasPartialEvent())) {
            complete();
            return;
        }
        Error error = makeError(ErrorCode::StreamInterrupted,
                                QStringLiteral("stream ended before its end marker after %1 characters (%2)")
                                    .arg(text().size())
                                    .arg(cleanEnd ? QStringLiteral("connection closed") : m_reply->errorString()));
        if (idleTimeout) {
            error.code = text().isEmpty() ? ErrorCode::Timeout : ErrorCode::StreamInterrupted;
            error.detail += QStringLiteral("; idle timeout after %1 ms").arg(m_context.timeouts.idleMs);
        }
        failWith(error);
        return;
    }
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
        failWith(errorFromResponse(500, m_body)); // an error object inside a 200 body
        return;
    }
    handleBody(object);
    complete();
}

} // namespace Tessera::Core
