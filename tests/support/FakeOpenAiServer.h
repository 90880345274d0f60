#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>

#include <deque>

namespace Tessera::Testing {

struct RecordedRequest {
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QJsonObject json() const;
};

struct FakeResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<QByteArray> chunks; // sent as HTTP/1.1 chunks, one by one
    int chunkDelayMs = 0;
    bool cutOff = false; // close the connection after the chunks without ending the body
    bool hang = false;   // after the chunks, send nothing more and keep the connection open

    static FakeResponse json(int status, const QByteArray& body);
    static FakeResponse openAiError(int status, const QString& message, const QString& type, const QString& code = {});
    // An SSE stream of chat.completion.chunk events with the given text pieces, a usage chunk, and [DONE].
    static FakeResponse openAiStream(const QStringList& deltas, bool withUsage = true, bool withDone = true);
    static QByteArray sseData(const QByteArray& data);
};

// An HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions wire format, including its failures.
// Queued responses are served first (per path); otherwise the last user message picks a scenario:
//   [[401]] [[403]] [[404]] [[429]] (Retry-After: 1) [[quota]] [[500]] [[error-in-stream]] [[cut]] (stream ends
//   without [DONE]) [[drop]] (connection dropped mid-chunk) [[bad-json]] [[slow]] (one word every 300 ms)
//   [[no-usage]]; anything else is answered "Echo: <prompt>" word by word.
class FakeOpenAiServer final : public QObject {
    Q_OBJECT

public:
    explicit FakeOpenAiServer(QObject* parent = nullptr);

    bool listen(quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl() const; // http://127.0.0.1:PORT/v1

    void setApiKey(const QString& key) { m_apiKey = key; }
    void setModels(const QStringList& models) { m_models = models; }
    void enqueue(const QByteArray& path, const FakeResponse& response);
    const QList<RecordedRequest>& requests() const { return m_requests; }

Q_SIGNALS:
    void requestReceived(const Tessera::Testing::RecordedRequest& request);

private:
    void handleConnection();
    void respond(class QTcpSocket* socket, const RecordedRequest& request);
    FakeResponse scenarioFor(const RecordedRequest& request) const;
    void send(QTcpSocket* socket, const FakeResponse& response);

    QTcpServer m_server;
    QString m_apiKey;
    QStringList m_models{QStringLiteral("gpt-test"), QStringLiteral("gpt-test-mini")};
    QHash<QByteArray, std::deque<FakeResponse>> m_queued;
    QList<RecordedRequest> m_requests;
};

} // namespace Tessera::Testing
