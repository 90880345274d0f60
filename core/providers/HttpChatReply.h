#pragma once

#include "providers/ProviderReply.h"
#include "providers/sse/SseParser.h"
#include "resilience/ResilienceSettings.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

class QNetworkReply;

namespace Tessera::Core {

// Who a reply belongs to, for its log lines and limits.
struct ReplyContext {
    QString correlationId;
    QString providerName;
    QString model;
    int attempt = 1;
    qsizetype promptCharacters = 0;
    Timeouts timeouts;

    static ReplyContext of(const ChatRequest& request, const QString& providerName, const Timeouts& timeouts);
};

// The HTTP side every provider's answer shares: it tells a stream from a whole body and an error body by status
// and content type, bounds what it buffers, enforces the connect and first-token timeouts (the idle timeout is
// the request's transfer timeout), reads Retry-After, x-should-retry and rate-limit headers, maps transport
// failures to typed errors, and fills in the timing and a usage estimate when the provider sent none.
// Subclasses decode their wire format: SSE events, NDJSON lines or one JSON body.
class HttpChatReply : public ProviderReply {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpChatReply)

public:
    HttpChatReply(QNetworkReply* reply, ReplyContext context);
    ~HttpChatReply() override;

    void cancel() override;

protected:
    enum class Framing { Sse, Ndjson, Json };

    // The framing of a successful response with this (lower-case) content type.
    virtual Framing framingFor(const QByteArray& contentType) const;
    virtual void handleSseEvent(const SseEvent& event);
    virtual void handleJsonLine(const QJsonObject& line);
    // A whole (non-streamed) JSON answer; call emitText and fill m_answer. complete() follows unless it failed.
    virtual void handleBody(const QJsonObject& body) = 0;
    // Whether the stream reached the protocol's own end (e.g. [DONE], message_stop, done:true).
    virtual bool streamEndedCleanly(bool connectionClosedCleanly) const = 0;
    // The typed error for an HTTP error response.
    virtual Error errorFromResponse(int status, const QByteArray& body) const;

    void emitText(const QString& text);
    void failWith(Error error);
    void complete();

    ChatAnswer m_answer;

private:
    enum class Mode { Undetermined, Stream, Body, ErrorBody };
    enum class Deadline { None, Connect, FirstToken };

    void handleMetaData();
    void handleReadyRead();
    void handleFinished();
    void handleDeadline();
    void feedLines(const QByteArray& chunk);

    QNetworkReply* m_reply;
    ReplyContext m_context;
    QElapsedTimer m_timer;
    QTimer m_deadline;
    Deadline m_deadlineKind = Deadline::None;
    Deadline m_expired = Deadline::None;
    SseParser m_parser;
    Framing m_framing = Framing::Json;
    QByteArray m_body;
    QByteArray m_lineBuffer;
    Mode m_mode = Mode::Undetermined;
    int m_httpStatus = 0;
    bool m_cancelled = false;
};

} // namespace Tessera::Core
