#include "support/FakeProviderServer.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace Tessera::Testing {

namespace {

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 529:
        return "Site Overloaded";
    default:
        return "Status";
    }
}

QByteArray compact(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject deltaChunk(const QString& text, const QJsonValue& finishReason) {
    QJsonObject delta;
    if (!text.isEmpty()) {
        delta.insert(QStringLiteral("content"), text);
    }
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("chatcmpl-test")},
        {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
        {QStringLiteral("model"), QStringLiteral("gpt-test")},
        {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                           {QStringLiteral("delta"), delta},
                                                           {QStringLiteral("finish_reason"), finishReason}}}},
        {QStringLiteral("usage"), QJsonValue::Null}};
}

QStringList words(const QString& text) {
    QStringList pieces;
    QString current;
    for (const QChar c : text) {
        current += c;
        if (c == QLatin1Char(' ')) {
            pieces << current;
            current.clear();
        }
    }
    if (!current.isEmpty()) {
        pieces << current;
    }
    return pieces;
}

FakeProtocol protocolOf(const QByteArray& path) {
    if (path.endsWith("/messages")) {
        return FakeProtocol::Anthropic;
    }
    if (path.contains(":streamGenerateContent") || path.contains(":generateContent") || path.contains("/v1beta/")) {
        return FakeProtocol::Gemini;
    }
    if (path.startsWith("/api/")) {
        return FakeProtocol::Ollama;
    }
    return FakeProtocol::OpenAi;
}

enum class Failure { Unauthorized, Forbidden, NotFound, RateLimited, Quota, Server, Overloaded, RetryDelay };

FakeResponse errorResponse(FakeProtocol protocol, Failure failure) {
    int status = 500;
    QString message;
    QString type;
    switch (failure) {
    case Failure::Unauthorized:
        status = 401;
        message = QStringLiteral("Incorrect API key provided");
        break;
    case Failure::Forbidden:
        status = 403;
        message = QStringLiteral("Project does not have access to model");
        break;
    case Failure::NotFound:
        status = 404;
        message = QStringLiteral("The model does not exist");
        break;
    case Failure::RateLimited:
    case Failure::RetryDelay:
    case Failure::Quota:
        status = 429;
        message = failure == Failure::Quota ? QStringLiteral("You exceeded your current quota")
                                            : QStringLiteral("Rate limit reached");
        break;
    case Failure::Server:
        status = 500;
        message = QStringLiteral("The server had an error");
        break;
    case Failure::Overloaded:
        status = protocol == FakeProtocol::Anthropic ? 529 : 503;
        message = QStringLiteral("Overloaded");
        break;
    }
    FakeResponse response;
    switch (protocol) {
    case FakeProtocol::OpenAi: {
        const char* openAiType = failure == Failure::Quota ? "insufficient_quota"
                                 : status == 429           ? "requests"
                                 : status >= 500           ? "server_error"
                                                           : "invalid_request_error";
        const QString code = failure == Failure::Quota          ? QStringLiteral("insufficient_quota")
                             : status == 429                    ? QStringLiteral("rate_limit_exceeded")
                             : failure == Failure::Unauthorized ? QStringLiteral("invalid_api_key")
                                                                : QString();
        response = FakeResponse::openAiError(status, message, QLatin1StringView(openAiType), code);
        break;
    }
    case FakeProtocol::Anthropic: {
        const char* anthropicType = status == 401   ? "authentication_error"
                                    : status == 403 ? "permission_error"
                                    : status == 404 ? "not_found_error"
                                    : status == 429 ? "rate_limit_error"
                                    : status == 529 ? "overloaded_error"
                                                    : "api_error";
        QJsonObject error{{QStringLiteral("type"), QLatin1StringView(anthropicType)},
                          {QStringLiteral("message"), message}};
        if (failure == Failure::Quota) {
            error.insert(QStringLiteral("details"),
                         QJsonObject{{QStringLiteral("error_code"), QStringLiteral("enforced_spend_limit_reached")}});
        }
        response =
            FakeResponse::json(status, compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                                                           {QStringLiteral("error"), error},
                                                           {QStringLiteral("request_id"), QStringLiteral("req_a1")}}));
        break;
    }
    case FakeProtocol::Gemini: {
        const char* googleStatus = status == 401   ? "UNAUTHENTICATED"
                                   : status == 403 ? "PERMISSION_DENIED"
                                   : status == 404 ? "NOT_FOUND"
                                   : status == 429 ? "RESOURCE_EXHAUSTED"
                                   : status == 503 ? "UNAVAILABLE"
                                                   : "INTERNAL";
        QJsonArray details;
        if (status == 429) {
            const QString quotaId = failure == Failure::Quota
                                        ? QStringLiteral("GenerateRequestsPerDayPerProjectPerModel-FreeTier")
                                        : QStringLiteral("GenerateRequestsPerMinutePerProjectPerModel-FreeTier");
            details.append(QJsonObject{
                {QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.QuotaFailure")},
                {QStringLiteral("violations"), QJsonArray{QJsonObject{{QStringLiteral("quotaId"), quotaId}}}}});
            details.append(
                QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.RetryInfo")},
                            {QStringLiteral("retryDelay"), QStringLiteral("1s")}});
        }
        response = FakeResponse::json(
            status, compact(QJsonObject{{QStringLiteral("error"),
                                         QJsonObject{{QStringLiteral("code"), status},
                                                     {QStringLiteral("message"), message},
                                                     {QStringLiteral("status"), QLatin1StringView(googleStatus)},
                                                     {QStringLiteral("details"), details}}}}));
        return response; // Gemini's wait travels in RetryInfo, not in a header
    }
    case FakeProtocol::Ollama:
        response = FakeResponse::json(status, compact(QJsonObject{{QStringLiteral("error"), message}}));
        break;
    }
    if (failure == Failure::RateLimited) {
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    }
    if (failure == Failure::RetryDelay) {
        response.headers.append(qMakePair(QByteArray("retry-after-ms"), QByteArray("1000")));
    }
    return response;
}

// A streamed answer in parts, so scenarios can cut or corrupt it the same way in every protocol.
struct StreamParts {
    QList<QByteArray> head;
    QList<QByteArray> pieces; // one per word
    QList<QByteArray> tail;   // the end marker and usage
    QByteArray errorChunk;    // how this protocol reports an error inside a 200 stream
    QByteArray contentType;
};

QJsonObject geminiChunk(const QString& text, int outputSoFar, bool last, bool withUsage) {
    QJsonObject candidate{
        {QStringLiteral("content"),
         QJsonObject{{QStringLiteral("role"), QStringLiteral("model")},
                     {QStringLiteral("parts"), QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}}}},
        {QStringLiteral("index"), 0}};
    if (last) {
        candidate.insert(QStringLiteral("finishReason"), QStringLiteral("STOP"));
    }
    QJsonObject chunk{{QStringLiteral("candidates"), QJsonArray{candidate}},
                      {QStringLiteral("modelVersion"), QStringLiteral("gemini-test")},
                      {QStringLiteral("responseId"), QStringLiteral("resp-g1")}};
    if (withUsage) {
        // Cumulative on every chunk, as Gemini sends it: summing them would double-count.
        chunk.insert(QStringLiteral("usageMetadata"),
                     QJsonObject{{QStringLiteral("promptTokenCount"), 12},
                                 {QStringLiteral("cachedContentTokenCount"), 4},
                                 {QStringLiteral("candidatesTokenCount"), outputSoFar},
                                 {QStringLiteral("thoughtsTokenCount"), 2},
                                 {QStringLiteral("totalTokenCount"), 12 + outputSoFar + 2}});
    }
    return chunk;
}

// The fixed Anthropic input usage the scenarios report, unless a simulated prompt cache computed one.
QJsonObject anthropicUsage(const QJsonObject& simulated, int output) {
    QJsonObject usage = simulated.isEmpty() ? QJsonObject{{QStringLiteral("input_tokens"), 10},
                                                          {QStringLiteral("cache_read_input_tokens"), 4},
                                                          {QStringLiteral("cache_creation_input_tokens"), 2}}
                                            : simulated;
    usage.insert(QStringLiteral("output_tokens"), output);
    return usage;
}

// Anthropic's model field: the requested one when the prompt cache is simulated, else the scenarios' own.
QString anthropicModel(const QJsonObject& simulated, const QString& requested) {
    return simulated.isEmpty() || requested.isEmpty() ? QStringLiteral("claude-test") : requested;
}

StreamParts streamParts(FakeProtocol protocol, const QStringList& pieces, bool withUsage,
                        const QJsonObject& simulatedUsage = {}, const QString& requestedModel = {}) {
    StreamParts parts;
    const int n = int(pieces.size());
    switch (protocol) {
    case FakeProtocol::OpenAi: {
        const FakeResponse full = FakeResponse::openAiStream(pieces, withUsage);
        parts.contentType = "text/event-stream";
        parts.head = full.chunks.mid(0, 1);
        parts.pieces = full.chunks.mid(1, n);
        parts.tail = full.chunks.mid(1 + n);
        parts.errorChunk =
            FakeResponse::sseData(R"({"error":{"message":"The model is overloaded","type":"server_error"}})");
        break;
    }
    case FakeProtocol::Anthropic: {
        parts.contentType = "text/event-stream";
        const QJsonObject usage = anthropicUsage(simulatedUsage, 1);
        parts.head << FakeResponse::sseEvent(
            "message_start",
            compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("message_start")},
                                {QStringLiteral("message"),
                                 QJsonObject{{QStringLiteral("id"), QStringLiteral("msg_fake")},
                                             {QStringLiteral("type"), QStringLiteral("message")},
                                             {QStringLiteral("role"), QStringLiteral("assistant")},
                                             {QStringLiteral("model"), anthropicModel(simulatedUsage, requestedModel)},
                                             {QStringLiteral("content"), QJsonArray()},
                                             {QStringLiteral("usage"), usage}}}}));
        parts.head << FakeResponse::sseEvent(
            "content_block_start",
            R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})");
        parts.head << FakeResponse::sseEvent("ping", R"({"type": "ping"})");
        for (const QString& piece : pieces) {
            parts.pieces << FakeResponse::sseEvent(
                "content_block_delta",
                compact(QJsonObject{
                    {QStringLiteral("type"), QStringLiteral("content_block_delta")},
                    {QStringLiteral("index"), 0},
                    {QStringLiteral("delta"), QJsonObject{{QStringLiteral("type"), QStringLiteral("text_delta")},
                                                          {QStringLiteral("text"), piece}}}}));
        }
        parts.tail << FakeResponse::sseEvent("content_block_stop", R"({"type":"content_block_stop","index":0})");
        QJsonObject delta{
            {QStringLiteral("type"), QStringLiteral("message_delta")},
            {QStringLiteral("delta"), QJsonObject{{QStringLiteral("stop_reason"), QStringLiteral("end_turn")},
                                                  {QStringLiteral("stop_sequence"), QJsonValue::Null}}}};
        if (withUsage) {
            delta.insert(QStringLiteral("usage"), QJsonObject{{QStringLiteral("output_tokens"), n}});
        }
        parts.tail << FakeResponse::sseEvent("message_delta", compact(delta));
        parts.tail << FakeResponse::sseEvent("message_stop", R"({"type":"message_stop"})");
        parts.errorChunk = FakeResponse::sseEvent(
            "error", R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})");
        break;
    }
    case FakeProtocol::Gemini:
        parts.contentType = "text/event-stream";
        for (int i = 0; i < n; ++i) {
            parts.pieces << FakeResponse::sseData(compact(geminiChunk(pieces[i], i + 1, false, withUsage)));
        }
        parts.tail << FakeResponse::sseData(compact(geminiChunk(QString(), n, true, withUsage)));
        parts.errorChunk = FakeResponse::sseData(
            R"({"error":{"code":500,"message":"Internal error encountered.","status":"INTERNAL"}})");
        break;
    case FakeProtocol::Ollama: {
        parts.contentType = "application/x-ndjson";
        for (const QString& piece : pieces) {
            parts.pieces << compact(QJsonObject{{QStringLiteral("model"), QStringLiteral("llama-test")},
                                                {QStringLiteral("created_at"), QStringLiteral("2026-01-01T00:00:00Z")},
                                                {QStringLiteral("message"),
                                                 QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                             {QStringLiteral("content"), piece}}},
                                                {QStringLiteral("done"), false}}) +
                                "\n";
        }
        QJsonObject done{{QStringLiteral("model"), QStringLiteral("llama-test")},
                         {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                                 {QStringLiteral("content"), QString()}}},
                         {QStringLiteral("done"), true},
                         {QStringLiteral("done_reason"), QStringLiteral("stop")},
                         {QStringLiteral("total_duration"), 5'000'000},
                         {QStringLiteral("eval_duration"), 4'000'000}};
        if (withUsage) {
            done.insert(QStringLiteral("prompt_eval_count"), 12);
            done.insert(QStringLiteral("eval_count"), n);
        }
        parts.tail << compact(done) + "\n";
        parts.errorChunk = R"({"error":"model runner has unexpectedly stopped"})"
                           "\n";
        break;
    }
    }
    return parts;
}

QByteArray wholeBody(FakeProtocol protocol, const QString& answer, const QJsonObject& simulatedUsage = {},
                     const QString& requestedModel = {}) {
    switch (protocol) {
    case FakeProtocol::OpenAi:
        return compact(
            QJsonObject{{QStringLiteral("id"), QStringLiteral("chatcmpl-test")},
                        {QStringLiteral("object"), QStringLiteral("chat.completion")},
                        {QStringLiteral("model"), QStringLiteral("gpt-test")},
                        {QStringLiteral("choices"),
                         QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                {QStringLiteral("message"),
                                                 QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                             {QStringLiteral("content"), answer}}},
                                                {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
                        {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 12},
                                                              {QStringLiteral("completion_tokens"), 3},
                                                              {QStringLiteral("total_tokens"), 15}}}});
    case FakeProtocol::Anthropic:
        return compact(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("msg_fake")},
            {QStringLiteral("type"), QStringLiteral("message")},
            {QStringLiteral("role"), QStringLiteral("assistant")},
            {QStringLiteral("model"), anthropicModel(simulatedUsage, requestedModel)},
            {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                               {QStringLiteral("text"), answer}}}},
            {QStringLiteral("stop_reason"), QStringLiteral("end_turn")},
            {QStringLiteral("usage"),
             anthropicUsage(simulatedUsage, simulatedUsage.isEmpty() ? 3 : int(words(answer).size()))}});
    case FakeProtocol::Gemini: {
        QJsonObject chunk = geminiChunk(answer, 3, true, true);
        return compact(chunk);
    }
    case FakeProtocol::Ollama:
        return compact(
            QJsonObject{{QStringLiteral("model"), QStringLiteral("llama-test")},
                        {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                                {QStringLiteral("content"), answer}}},
                        {QStringLiteral("done"), true},
                        {QStringLiteral("done_reason"), QStringLiteral("stop")},
                        {QStringLiteral("prompt_eval_count"), 12},
                        {QStringLiteral("eval_count"), 3}});
    }
    return {};
}

} // namespace

QJsonObject RecordedRequest::json() const {
    return QJsonDocument::fromJson(body).object();
}

QByteArray FakeResponse::sseData(const QByteArray& data) {
    return "data: " + data + "\n\n";
}

QByteArray FakeResponse::sseEvent(const QByteArray& event, const QByteArray& data) {
    return "event: " + event + "\ndata: " + data + "\n\n";
}

FakeResponse FakeResponse::json(int status, const QByteArray& body) {
    FakeResponse response;
    response.status = status;
    response.headers = {{"Content-Type", "application/json"}};
    response.chunks = {body};
    return response;
}

FakeResponse FakeResponse::openAiError(int status, const QString& message, const QString& type, const QString& code) {
    QJsonObject error{{QStringLiteral("message"), message}, {QStringLiteral("type"), type}};
    error.insert(QStringLiteral("code"), code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code));
    return json(status, compact(QJsonObject{{QStringLiteral("error"), error}}));
}

FakeResponse FakeResponse::openAiStream(const QStringList& deltas, bool withUsage, bool withDone) {
    FakeResponse response;
    response.headers = {{"Content-Type", "text/event-stream"}, {"x-request-id", "req_fake_123"}};
    response.chunks << sseData(compact(deltaChunk(QString(), QJsonValue::Null))
                                   .replace("\"delta\":{}", "\"delta\":{\"role\":\"assistant\",\"content\":\"\"}"));
    for (const QString& delta : deltas) {
        response.chunks << sseData(compact(deltaChunk(delta, QJsonValue::Null)));
    }
    response.chunks << sseData(compact(deltaChunk(QString(), QStringLiteral("stop"))));
    if (withUsage) {
        QJsonObject usage{
            {QStringLiteral("prompt_tokens"), 12},
            {QStringLiteral("completion_tokens"), int(deltas.size())},
            {QStringLiteral("total_tokens"), 12 + int(deltas.size())},
            {QStringLiteral("prompt_tokens_details"), QJsonObject{{QStringLiteral("cached_tokens"), 4}}},
            {QStringLiteral("completion_tokens_details"), QJsonObject{{QStringLiteral("reasoning_tokens"), 2}}}};
        response.chunks << sseData(
            compact(QJsonObject{{QStringLiteral("id"), QStringLiteral("chatcmpl-test")},
                                {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                                {QStringLiteral("model"), QStringLiteral("gpt-test")},
                                {QStringLiteral("choices"), QJsonArray()},
                                {QStringLiteral("usage"), usage}}));
    }
    if (withDone) {
        response.chunks << sseData("[DONE]");
    }
    return response;
}

FakeProviderServer::FakeProviderServer(QObject* parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &FakeProviderServer::handleConnection);
}

bool FakeProviderServer::listen(quint16 port) {
    return m_server.listen(QHostAddress::LocalHost, port);
}

QString FakeProviderServer::baseUrl() const {
    return rootUrl() + QStringLiteral("/v1");
}

QString FakeProviderServer::rootUrl() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void FakeProviderServer::enqueue(const QByteArray& path, const FakeResponse& response) {
    m_queued[path].push_back(response);
}

int FakeProviderServer::countRequests(const QByteArray& pathPart) const {
    return int(std::count_if(m_requests.begin(), m_requests.end(),
                             [&](const RecordedRequest& r) { return r.path.contains(pathPart); }));
}

void FakeProviderServer::handleConnection() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                return;
            }
            RecordedRequest request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.path = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0) {
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
                }
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer->size() < headerEnd + 4 + length) {
                return;
            }
            request.body = buffer->mid(headerEnd + 4, length);
            buffer->remove(0, headerEnd + 4 + length);
            m_requests.append(request);
            Q_EMIT requestReceived(request);
            respond(socket, request);
        });
    }
}

// A message's text: a string, or the text parts of a list of content blocks.
static QString textOf(const QJsonValue& content) {
    if (content.isString()) {
        return content.toString();
    }
    QString text;
    for (const auto& part : content.toArray()) {
        text += part.toObject().value(QLatin1StringView("text")).toString();
    }
    return text;
}

QString FakeProviderServer::promptOf(FakeProtocol protocol, const QJsonObject& body) {
    if (protocol == FakeProtocol::Gemini) {
        const QJsonArray contents = body.value(QLatin1StringView("contents")).toArray();
        return contents.isEmpty() ? QString() : textOf(contents.last().toObject().value(QLatin1StringView("parts")));
    }
    const QJsonArray messages = body.value(QLatin1StringView("messages")).toArray();
    return messages.isEmpty() ? QString() : textOf(messages.last().toObject().value(QLatin1StringView("content")));
}

QString FakeProviderServer::systemOf(FakeProtocol protocol, const QJsonObject& body) {
    switch (protocol) {
    case FakeProtocol::Anthropic:
        return textOf(body.value(QLatin1StringView("system")));
    case FakeProtocol::Gemini:
        return textOf(body.value(QLatin1StringView("systemInstruction")).toObject().value(QLatin1StringView("parts")));
    default:
        for (const QJsonValue& message : body.value(QLatin1StringView("messages")).toArray()) {
            const QString role = message.toObject().value(QLatin1StringView("role")).toString();
            if (role == QLatin1StringView("system") || role == QLatin1StringView("developer")) {
                return textOf(message.toObject().value(QLatin1StringView("content")));
            }
        }
        return {};
    }
}

QString FakeProviderServer::judgeAnswer(const QString& system, const QString& prompt) {
    const auto good = [](const QString& answer) {
        return answer.contains(QLatin1StringView("cheap"), Qt::CaseInsensitive);
    };
    const auto json = [](const QJsonObject& object) {
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    };
    if (system.startsWith(QLatin1StringView("You grade one answer"))) {
        const qsizetype at = prompt.lastIndexOf(QLatin1StringView("Answer to grade:\n"));
        const QString answer = at >= 0 ? prompt.mid(at) : prompt;
        if (answer.contains(QLatin1StringView("[[judge-prose]]"))) {
            return QStringLiteral("I would say it is quite good.");
        }
        return json({{QStringLiteral("reason"), good(answer) ? QStringLiteral("It keeps the day cheap.")
                                                             : QStringLiteral("It ignores the cost.")},
                     {QStringLiteral("score"), good(answer) ? 0.9 : 0.2},
                     {QStringLiteral("pass"), good(answer)}});
    }
    if (system.startsWith(QLatin1StringView("You compare two answers"))) {
        const qsizetype one = prompt.indexOf(QLatin1StringView("Answer 1:\n"));
        const qsizetype two = prompt.indexOf(QLatin1StringView("\n\nAnswer 2:\n"));
        if (one < 0 || two < one) {
            return QStringLiteral("I cannot tell.");
        }
        const bool first = good(prompt.mid(one, two - one));
        const bool second = good(prompt.mid(two));
        QString winner = first == second ? QStringLiteral("tie") : (first ? QStringLiteral("1") : QStringLiteral("2"));
        if (prompt.contains(QLatin1StringView("[[judge-first]]"))) {
            winner = QStringLiteral("1"); // a judge that favours the first place
        }
        return QStringLiteral("```json\n%1\n```")
            .arg(json({{QStringLiteral("reason"), QStringLiteral("Compared.")}, {QStringLiteral("winner"), winner}}));
    }
    return {};
}

FakeResponse FakeProviderServer::modelsFor(const RecordedRequest& request) const {
    const FakeProtocol protocol =
        request.headers.contains("anthropic-version") ? FakeProtocol::Anthropic : protocolOf(request.path);
    const bool secondPage = request.path.contains("pageToken=page2") || request.path.contains("after_id=");
    // Gemini and Anthropic lists come in two pages: the first model, then the rest.
    const QStringList page = protocol == FakeProtocol::Gemini || protocol == FakeProtocol::Anthropic
                                 ? (secondPage ? m_models.mid(1) : m_models.mid(0, 1))
                                 : m_models;
    QJsonArray list;
    for (const QString& model : page) {
        switch (protocol) {
        case FakeProtocol::Gemini:
            list.append(QJsonObject{{QStringLiteral("name"), QString(QStringLiteral("models/") + model)},
                                    {QStringLiteral("supportedGenerationMethods"),
                                     QJsonArray{QStringLiteral("generateContent"), QStringLiteral("countTokens")}}});
            break;
        case FakeProtocol::Ollama:
            list.append(QJsonObject{{QStringLiteral("name"), model}, {QStringLiteral("model"), model}});
            break;
        default:
            list.append(QJsonObject{{QStringLiteral("id"), model},
                                    {QStringLiteral("object"), QStringLiteral("model")},
                                    {QStringLiteral("type"), QStringLiteral("model")},
                                    {QStringLiteral("owned_by"), QStringLiteral("test")}});
        }
    }
    switch (protocol) {
    case FakeProtocol::Gemini: {
        QJsonObject body{{QStringLiteral("models"), list}};
        if (!secondPage) {
            body.insert(QStringLiteral("nextPageToken"), QStringLiteral("page2"));
        }
        // One embedding-only model that cannot chat.
        QJsonArray withEmbedding = list;
        withEmbedding.append(
            QJsonObject{{QStringLiteral("name"), QStringLiteral("models/embedding-test")},
                        {QStringLiteral("supportedGenerationMethods"), QJsonArray{QStringLiteral("embedContent")}}});
        body.insert(QStringLiteral("models"), withEmbedding);
        return FakeResponse::json(200, compact(body));
    }
    case FakeProtocol::Ollama:
        return FakeResponse::json(200, compact(QJsonObject{{QStringLiteral("models"), list}}));
    case FakeProtocol::Anthropic:
        return FakeResponse::json(200, compact(QJsonObject{{QStringLiteral("data"), list},
                                                           {QStringLiteral("has_more"), !secondPage},
                                                           {QStringLiteral("last_id"), page.value(page.size() - 1)}}));
    case FakeProtocol::OpenAi:
        break;
    }
    return FakeResponse::json(
        200, compact(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), list}}));
}

void FakeProviderServer::setPromptCacheSimulation(bool on, int minTokens) {
    m_promptCache = on;
    m_promptCacheMinTokens = minTokens;
    m_cachedPrefixes.clear();
}

int FakeProviderServer::simulatedTokens(const QByteArray& bytes) {
    return int((bytes.size() + 3) / 4);
}

QJsonObject FakeProviderServer::promptCacheUsage(const QJsonObject& body) {
    // The prompt as Anthropic caches it: system blocks, then every message's blocks, each prefix named by a running
    // hash of the blocks so far (without their cache_control) and its length in tokens.
    struct Block {
        QByteArray hash;
        qint64 tokensSoFar = 0;
        bool breakpoint = false;
    };
    std::vector<Block> blocks;
    QCryptographicHash running(QCryptographicHash::Sha256);
    qint64 tokens = 0;
    const auto add = [&](const QByteArray& role, QJsonObject block) {
        const bool breakpoint = block.contains(QLatin1StringView("cache_control"));
        block.remove(QLatin1StringView("cache_control"));
        const QByteArray bytes = role + ':' + compact(block);
        running.addData(bytes);
        const QByteArray text = block.value(QLatin1StringView("text")).toString().toUtf8();
        tokens += block.value(QLatin1StringView("type")).toString() == QLatin1StringView("image")
                      ? 1'600
                      : simulatedTokens(text.isEmpty() ? bytes : text);
        blocks.push_back({running.result(), tokens, breakpoint});
    };
    const auto addContent = [&](const QByteArray& role, const QJsonValue& content) {
        if (content.isString()) {
            add(role, QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                  {QStringLiteral("text"), content.toString()}});
            return;
        }
        for (const QJsonValue& part : content.toArray()) {
            add(role, part.toObject());
        }
    };
    addContent("system", body.value(QLatin1StringView("system")));
    for (const QJsonValue& message : body.value(QLatin1StringView("messages")).toArray()) {
        const QJsonObject object = message.toObject();
        addContent(object.value(QLatin1StringView("role")).toString().toUtf8(),
                   object.value(QLatin1StringView("content")));
    }
    // A read: the longest cached prefix ending at a breakpoint or up to 20 blocks before one.
    qint64 read = 0;
    qint64 lastBreakpoint = -1;
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (!blocks[i].breakpoint) {
            continue;
        }
        lastBreakpoint = qint64(i);
        for (qint64 j = qint64(i); j >= 0 && j >= qint64(i) - 20; --j) {
            if (m_cachedPrefixes.contains(blocks[size_t(j)].hash)) {
                read = std::max(read, blocks[size_t(j)].tokensSoFar);
                break;
            }
        }
    }
    // A write: what the last breakpoint adds to it, when its prefix is long enough to be cached.
    qint64 written = 0;
    if (lastBreakpoint >= 0) {
        const Block& last = blocks[size_t(lastBreakpoint)];
        if (last.tokensSoFar >= m_promptCacheMinTokens && !m_cachedPrefixes.contains(last.hash)) {
            written = last.tokensSoFar - read;
        }
        for (const Block& block : blocks) {
            if (block.breakpoint && block.tokensSoFar >= m_promptCacheMinTokens) {
                m_cachedPrefixes.insert(block.hash);
            }
        }
    }
    return QJsonObject{{QStringLiteral("input_tokens"), tokens - read - written},
                       {QStringLiteral("cache_read_input_tokens"), read},
                       {QStringLiteral("cache_creation_input_tokens"), written}};
}

FakeResponse FakeProviderServer::scenarioFor(const RecordedRequest& request) {
    const QByteArray path = request.path.split('?').value(0);
    if (request.method == "GET" && (path.endsWith("/models") || path == "/api/tags")) {
        return modelsFor(request);
    }
    if (auto fineTuning = m_fineTuning.handle(request)) {
        return *fineTuning;
    }
    const FakeProtocol protocol = protocolOf(path);
    const bool chatPath = path.endsWith("/chat/completions") || path.endsWith("/messages") || path == "/api/chat" ||
                          path.contains(":streamGenerateContent") || path.contains(":generateContent");
    if (!chatPath) {
        return errorResponse(protocol, Failure::NotFound);
    }
    const QJsonObject body = request.json();
    const QString prompt = promptOf(protocol, body);
    const bool stream = protocol == FakeProtocol::Gemini   ? path.contains(":streamGenerateContent")
                        : protocol == FakeProtocol::Ollama ? body.value(QLatin1StringView("stream")).toBool(true)
                                                           : body.value(QLatin1StringView("stream")).toBool();
    const auto has = [&prompt](const char* marker) {
        return prompt.contains(QLatin1StringView(marker));
    };
    // "-once" markers fail the first time a prompt arrives and succeed afterwards.
    const auto once = [&](const char* marker) {
        if (!has(marker) || m_failedOnce.contains(prompt)) {
            return false;
        }
        m_failedOnce.insert(prompt);
        return true;
    };

    const std::initializer_list<std::pair<const char*, Failure>> failures = {
        {"[[401]]", Failure::Unauthorized}, {"[[403]]", Failure::Forbidden},         {"[[404]]", Failure::NotFound},
        {"[[429]]", Failure::RateLimited},  {"[[quota]]", Failure::Quota},           {"[[500]]", Failure::Server},
        {"[[529]]", Failure::Overloaded},   {"[[retry-delay]]", Failure::RetryDelay}};
    for (const auto& [marker, failure] : failures) {
        if (has(marker)) {
            return errorResponse(protocol, failure);
        }
    }
    const std::initializer_list<std::pair<const char*, Failure>> onceFailures = {
        {"[[429-once]]", Failure::RateLimited},
        {"[[500-once]]", Failure::Server},
        {"[[529-once]]", Failure::Overloaded},
        {"[[retry-delay-once]]", Failure::RetryDelay}};
    for (const auto& [marker, failure] : onceFailures) {
        if (once(marker)) {
            FakeResponse response = errorResponse(protocol, failure);
            if (failure == Failure::RateLimited) {
                // Keep the test quick: a short wait, in the header the SDKs read first.
                response.headers.removeIf([](const auto& h) { return h.first == "Retry-After"; });
                response.headers.append(qMakePair(QByteArray("retry-after-ms"), QByteArray("200")));
            }
            return response;
        }
    }

    const QString judged = judgeAnswer(systemOf(protocol, body), prompt);
    const QString answer = judged.isEmpty() ? QStringLiteral("Echo: ") + prompt : judged;
    const QJsonObject simulated =
        protocol == FakeProtocol::Anthropic && m_promptCache ? promptCacheUsage(body) : QJsonObject();
    const QString model = body.value(QLatin1StringView("model")).toString();
    if (!stream) {
        return FakeResponse::json(200, wholeBody(protocol, answer, simulated, model));
    }
    StreamParts parts = streamParts(protocol, words(answer), !has("[[no-usage]]"), simulated, model);
    if (has("[[bad-json]]")) {
        parts.pieces.insert(1, FakeResponse::sseData("{\"choices\": [ this is not json") +
                                   (protocol == FakeProtocol::Ollama ? "\n" : ""));
    }
    FakeResponse response;
    response.headers = {{"Content-Type", parts.contentType},        {"x-request-id", "req_fake_123"},
                        {"x-ratelimit-limit-requests", "60"},       {"x-ratelimit-remaining-requests", "59"},
                        {"x-ratelimit-reset-requests", "1s"},       {"x-ratelimit-limit-tokens", "150000"},
                        {"x-ratelimit-remaining-tokens", "149000"}, {"x-ratelimit-reset-tokens", "6m0s"}};
    if (has("[[error-in-stream]]")) {
        response.chunks = parts.head + parts.pieces.mid(0, 2);
        response.chunks << parts.errorChunk;
        return response;
    }
    response.chunks = parts.head + parts.pieces + parts.tail;
    if (has("[[cut]]") || has("[[drop]]")) {
        response.chunks = parts.head + parts.pieces.mid(0, 2); // two words, no end marker
        response.cutOff = has("[[drop]]");
    }
    if (has("[[slow]]")) {
        response.chunkDelayMs = 300;
    }
    if (has("[[slow-first]]")) {
        response.firstChunkDelayMs = 1500;
    }
    return response;
}

bool FakeProviderServer::authorized(FakeProtocol protocol, const RecordedRequest& request) const {
    if (m_apiKey.isEmpty() || protocol == FakeProtocol::Ollama) {
        return true;
    }
    const QByteArray key = m_apiKey.toUtf8();
    return request.headers.value("authorization") == "Bearer " + key || request.headers.value("api-key") == key ||
           request.headers.value("x-api-key") == key || request.headers.value("x-goog-api-key") == key;
}

void FakeProviderServer::respond(QTcpSocket* socket, const RecordedRequest& request) {
    const QByteArray path = request.path.split('?').value(0);
    const FakeProtocol protocol =
        request.headers.contains("anthropic-version") ? FakeProtocol::Anthropic : protocolOf(path);
    if (!authorized(protocol, request)) {
        send(socket, errorResponse(protocol, Failure::Unauthorized));
        return;
    }
    auto queued = m_queued.find(path);
    if (queued != m_queued.end() && !queued->empty()) {
        FakeResponse response = queued->front();
        queued->pop_front();
        send(socket, response);
        return;
    }
    FakeResponse response = scenarioFor(request);
    if (m_answerDelayMs > 0 && request.method == "POST") {
        response.firstChunkDelayMs = std::max(response.firstChunkDelayMs, m_answerDelayMs);
    }
    send(socket, response);
}

void FakeProviderServer::send(QTcpSocket* socket, const FakeResponse& response) {
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers) {
        head += name + ": " + value + "\r\n";
    }
    head += "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    socket->write(head);
    socket->flush();
    QPointer<QTcpSocket> guard(socket);
    // The sender refers to itself weakly; a pending timer holds the only strong reference between chunks.
    auto sendChunk = std::make_shared<std::function<void(int)>>();
    std::weak_ptr<std::function<void(int)>> weakSend = sendChunk;
    *sendChunk = [guard, response, weakSend](int index) {
        if (!guard) {
            return;
        }
        if (index >= response.chunks.size()) {
            if (response.hang) {
                return;
            }
            if (response.cutOff) {
                guard->write("40\r\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\""); // half a chunk
                guard->flush();
                guard->abort();
                return;
            }
            guard->write("0\r\n\r\n");
            guard->disconnectFromHost();
            return;
        }
        const QByteArray& chunk = response.chunks[index];
        guard->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        guard->flush();
        auto self = weakSend.lock();
        if (!self) {
            return;
        }
        if (response.chunkDelayMs > 0) {
            QTimer::singleShot(response.chunkDelayMs, guard, [self, index] { (*self)(index + 1); });
        } else {
            (*self)(index + 1);
        }
    };
    if (response.firstChunkDelayMs > 0) {
        QTimer::singleShot(response.firstChunkDelayMs, guard, [sendChunk] { (*sendChunk)(0); });
    } else {
        (*sendChunk)(0);
    }
}

} // namespace Tessera::Testing
