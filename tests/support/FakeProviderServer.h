#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QTcpServer>

#include "support/FakeFineTuning.h"

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
    int firstChunkDelayMs = 0; // delay before the first chunk (a slow first token)
    bool cutOff = false;       // close the connection after the chunks without ending the body
    bool hang = false;         // after the chunks, send nothing more and keep the connection open

    static FakeResponse json(int status, const QByteArray& body);
    static FakeResponse openAiError(int status, const QString& message, const QString& type, const QString& code = {});
    // An SSE stream of chat.completion.chunk events with the given text pieces, a usage chunk, and [DONE].
    static FakeResponse openAiStream(const QStringList& deltas, bool withUsage = true, bool withDone = true);
    static QByteArray sseData(const QByteArray& data);
    static QByteArray sseEvent(const QByteArray& event, const QByteArray& data);
};

// The wire protocols the server speaks, chosen by the request path.
enum class FakeProtocol { OpenAi, Anthropic, Gemini, Ollama };

// An HTTP server on 127.0.0.1 that speaks the providers' real wire formats, including their failures:
//   OpenAI (and Azure) POST .../chat/completions, GET .../models
//   Anthropic POST .../messages, GET .../models (with the anthropic-version header; paginated)
//   Gemini POST .../models/M:streamGenerateContent?alt=sse and :generateContent, GET .../models (paginated)
//   Ollama POST /api/chat (NDJSON), GET /api/tags
//   OpenAI's Files and fine-tuning jobs (FakeFineTuning)
// Queued responses are served first (per path); otherwise the last user message picks a scenario:
//   [[401]] [[403]] [[404]] [[429]] (Retry-After: 1) [[quota]] (not retryable: OpenAI insufficient_quota,
//   Anthropic spend limit, Gemini per-day quota) [[500]] [[529]] (overloaded) [[retry-delay]] (429 with
//   Retry-After / Gemini RetryInfo of 1 s) [[error-in-stream]] [[cut]] (stream ends without its end marker)
//   [[drop]] (connection dropped mid-chunk) [[bad-json]] [[slow]] (one word every 300 ms) [[slow-first]] (the
//   first token after 1.5 s) [[no-usage]]. Add "-once" to a failure marker ([[500-once]], [[429-once]],
//   [[529-once]], [[retry-delay-once]]) to fail only the first time a prompt is sent.
//   Requests with the experiment judge's system prompts are answered as a judge would (judgeAnswer).
//   Anything else is answered "Echo: <prompt>" word by word.
class FakeProviderServer final : public QObject {
    Q_OBJECT

public:
    explicit FakeProviderServer(QObject* parent = nullptr);

    bool listen(quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl() const; // http://127.0.0.1:PORT/v1
    QString rootUrl() const; // http://127.0.0.1:PORT

    void setApiKey(const QString& key) { m_apiKey = key; }
    void setModels(const QStringList& models) { m_models = models; }
    // Every answer (not the model lists) starts this long after its request: a provider that takes its time.
    void setAnswerDelay(int ms) { m_answerDelayMs = ms; }
    // Answers Anthropic requests as its prompt cache would: a prefix up to a cache_control breakpoint of at least
    // minTokens is kept (for the server's life, no expiry); a later request reads the longest kept prefix that
    // ends at one of its breakpoints or up to 20 blocks before one, and writes what its last breakpoint adds. The
    // usage reports those reads and writes, counting a token per four bytes of text (an image is 1,600), and the
    // model asked for. Off by default: the scenarios' fixed usage stays.
    void setPromptCacheSimulation(bool on, int minTokens = 1024);
    void enqueue(const QByteArray& path, const FakeResponse& response);
    const QList<RecordedRequest>& requests() const { return m_requests; }
    // The Files and fine-tuning endpoints' state (files uploaded, jobs made).
    const FakeFineTuning& fineTuning() const { return m_fineTuning; }
    int countRequests(const QByteArray& pathPart) const;

    // The last user message's text in any of the protocols' request bodies.
    static QString promptOf(FakeProtocol protocol, const QJsonObject& body);
    // The system prompt's text in any of the protocols' request bodies.
    static QString systemOf(FakeProtocol protocol, const QJsonObject& body);
    // An experiment judge's answer when the system prompt is the judge's (Tessera's default judge prompts): a grade
    // of 0.9 (pass) when the graded answer says "cheap", else 0.2; pairwise, the answer that says "cheap" wins (a
    // tie when both or neither do, "1" always when the input holds [[judge-first]]); [[judge-prose]] answers a
    // grading in prose. Empty when the request is not a judge's.
    static QString judgeAnswer(const QString& system, const QString& prompt);

Q_SIGNALS:
    void requestReceived(const Tessera::Testing::RecordedRequest& request);

private:
    void handleConnection();
    void respond(class QTcpSocket* socket, const RecordedRequest& request);
    FakeResponse scenarioFor(const RecordedRequest& request);
    FakeResponse modelsFor(const RecordedRequest& request) const;
    bool authorized(FakeProtocol protocol, const RecordedRequest& request) const;
    void send(QTcpSocket* socket, const FakeResponse& response);
    QJsonObject promptCacheUsage(const QJsonObject& body);
    static int simulatedTokens(const QByteArray& bytes);

    QTcpServer m_server;
    QString m_apiKey;
    QStringList m_models{QStringLiteral("gpt-test"), QStringLiteral("gpt-test-mini")};
    QHash<QByteArray, std::deque<FakeResponse>> m_queued;
    QList<RecordedRequest> m_requests;
    QSet<QString> m_failedOnce;
    bool m_promptCache = false;
    int m_answerDelayMs = 0;
    int m_promptCacheMinTokens = 1024;
    QSet<QByteArray> m_cachedPrefixes;
    FakeFineTuning m_fineTuning{m_models};
};

} // namespace Tessera::Testing
