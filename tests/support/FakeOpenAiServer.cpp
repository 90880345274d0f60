#include "support/FakeOpenAiServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

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
    default:
        return "Status";
    }
}

QByteArray chunkJson(const QJsonObject& object) {
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

} // namespace

QJsonObject RecordedRequest::json() const {
    return QJsonDocument::fromJson(body).object();
}

QByteArray FakeResponse::sseData(const QByteArray& data) {
    return "data: " + data + "\n\n";
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
    return json(status, chunkJson(QJsonObject{{QStringLiteral("error"), error}}));
}

FakeResponse FakeResponse::openAiStream(const QStringList& deltas, bool withUsage, bool withDone) {
    FakeResponse response;
    response.headers = {{"Content-Type", "text/event-stream"}, {"x-request-id", "req_fake_123"}};
    response.chunks << sseData(chunkJson(deltaChunk(QString(), QJsonValue::Null))
                                   .replace("\"delta\":{}", "\"delta\":{\"role\":\"assistant\",\"content\":\"\"}"));
    for (const QString& delta : deltas) {
        response.chunks << sseData(chunkJson(deltaChunk(delta, QJsonValue::Null)));
    }
    response.chunks << sseData(chunkJson(deltaChunk(QString(), QStringLiteral("stop"))));
    if (withUsage) {
        QJsonObject usage{
            {QStringLiteral("prompt_tokens"), 12},
            {QStringLiteral("completion_tokens"), int(deltas.size())},
            {QStringLiteral("total_tokens"), 12 + int(deltas.size())},
            {QStringLiteral("prompt_tokens_details"), QJsonObject{{QStringLiteral("cached_tokens"), 4}}},
            {QStringLiteral("completion_tokens_details"), QJsonObject{{QStringLiteral("reasoning_tokens"), 2}}}};
        response.chunks << sseData(
            chunkJson(QJsonObject{{QStringLiteral("id"), QStringLiteral("chatcmpl-test")},
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

FakeOpenAiServer::FakeOpenAiServer(QObject* parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &FakeOpenAiServer::handleConnection);
}

bool FakeOpenAiServer::listen(quint16 port) {
    return m_server.listen(QHostAddress::LocalHost, port);
}

QString FakeOpenAiServer::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(port());
}

void FakeOpenAiServer::enqueue(const QByteArray& path, const FakeResponse& response) {
    m_queued[path].push_back(response);
}

void FakeOpenAiServer::handleConnection() {
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

FakeResponse FakeOpenAiServer::scenarioFor(const RecordedRequest& request) const {
    if (request.path.endsWith("/models")) {
        QJsonArray data;
        for (const QString& model : m_models) {
            data.append(QJsonObject{{QStringLiteral("id"), model},
                                    {QStringLiteral("object"), QStringLiteral("model")},
                                    {QStringLiteral("owned_by"), QStringLiteral("test")}});
        }
        return FakeResponse::json(200, chunkJson(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                                             {QStringLiteral("data"), data}}));
    }
    if (!request.path.endsWith("/chat/completions")) {
        return FakeResponse::openAiError(404, QStringLiteral("Unknown path"), QStringLiteral("invalid_request_error"));
    }
    const QJsonObject body = request.json();
    const QJsonArray messages = body.value(QLatin1StringView("messages")).toArray();
    const QString prompt =
        messages.isEmpty() ? QString() : messages.last().toObject().value(QLatin1StringView("content")).toString();
    const bool stream = body.value(QLatin1StringView("stream")).toBool();

    if (prompt.contains(QLatin1StringView("[[401]]"))) {
        return FakeResponse::openAiError(401, QStringLiteral("Incorrect API key provided"),
                                         QStringLiteral("invalid_request_error"), QStringLiteral("invalid_api_key"));
    }
    if (prompt.contains(QLatin1StringView("[[403]]"))) {
        return FakeResponse::openAiError(403, QStringLiteral("Project does not have access to model"),
                                         QStringLiteral("invalid_request_error"), QStringLiteral("model_not_found"));
    }
    if (prompt.contains(QLatin1StringView("[[404]]"))) {
        return FakeResponse::openAiError(404, QStringLiteral("The model does not exist"),
                                         QStringLiteral("invalid_request_error"), QStringLiteral("model_not_found"));
    }
    if (prompt.contains(QLatin1StringView("[[429]]"))) {
        FakeResponse response =
            FakeResponse::openAiError(429, QStringLiteral("Rate limit reached"), QStringLiteral("requests"),
                                      QStringLiteral("rate_limit_exceeded"));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        return response;
    }
    if (prompt.contains(QLatin1StringView("[[quota]]"))) {
        return FakeResponse::openAiError(429, QStringLiteral("You exceeded your current quota"),
                                         QStringLiteral("insufficient_quota"), QStringLiteral("insufficient_quota"));
    }
    if (prompt.contains(QLatin1StringView("[[500]]"))) {
        return FakeResponse::openAiError(500, QStringLiteral("The server had an error"),
                                         QStringLiteral("server_error"));
    }
    if (prompt.contains(QLatin1StringView("[[bad-json]]"))) {
        FakeResponse response = FakeResponse::openAiStream({QStringLiteral("Hello ")});
        response.chunks.insert(2, FakeResponse::sseData("{\"choices\": [ this is not json"));
        return response;
    }
    if (prompt.contains(QLatin1StringView("[[error-in-stream]]"))) {
        FakeResponse response = FakeResponse::openAiStream({QStringLiteral("Partial "), QStringLiteral("answer ")});
        response.chunks.insert(
            3, FakeResponse::sseData(R"({"error":{"message":"The model is overloaded","type":"server_error"}})"));
        return response;
    }
    const QString answer = QStringLiteral("Echo: ") + prompt;
    FakeResponse response =
        FakeResponse::openAiStream(words(answer), !prompt.contains(QLatin1StringView("[[no-usage]]")));
    if (prompt.contains(QLatin1StringView("[[cut]]"))) {
        response.chunks = response.chunks.mid(0, 3); // role chunk + two words, no finish, no [DONE]
    }
    if (prompt.contains(QLatin1StringView("[[drop]]"))) {
        response.chunks = response.chunks.mid(0, 3);
        response.cutOff = true;
    }
    if (prompt.contains(QLatin1StringView("[[slow]]"))) {
        response.chunkDelayMs = 300;
    }
    if (!stream) {
        QJsonObject usage{{QStringLiteral("prompt_tokens"), 12},
                          {QStringLiteral("completion_tokens"), 3},
                          {QStringLiteral("total_tokens"), 15}};
        QJsonObject completion{
            {QStringLiteral("id"), QStringLiteral("chatcmpl-test")},
            {QStringLiteral("object"), QStringLiteral("chat.completion")},
            {QStringLiteral("model"), QStringLiteral("gpt-test")},
            {QStringLiteral("choices"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("index"), 0},
                 {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                         {QStringLiteral("content"), answer}}},
                 {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
            {QStringLiteral("usage"), usage}};
        return FakeResponse::json(200, chunkJson(completion));
    }
    return response;
}

void FakeOpenAiServer::respond(QTcpSocket* socket, const RecordedRequest& request) {
    if (!m_apiKey.isEmpty() && request.headers.value("authorization") != "Bearer " + m_apiKey.toUtf8()) {
        send(socket,
             FakeResponse::openAiError(401, QStringLiteral("Incorrect API key provided"),
                                       QStringLiteral("invalid_request_error"), QStringLiteral("invalid_api_key")));
        return;
    }
    const QByteArray path = request.path.split('?').value(0);
    auto queued = m_queued.find(path);
    if (queued != m_queued.end() && !queued->empty()) {
        FakeResponse response = queued->front();
        queued->pop_front();
        send(socket, response);
        return;
    }
    send(socket, scenarioFor(request));
}

void FakeOpenAiServer::send(QTcpSocket* socket, const FakeResponse& response) {
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers) {
        head += name + ": " + value + "\r\n";
    }
    head += "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    socket->write(head);
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
    (*sendChunk)(0);
}

} // namespace Tessera::Testing
