#include "providers/openai/OpenAiProvider.h"
#include "providers/HttpErrors.h"
#include "providers/ProviderReply.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTcpServer>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::FakeResponse;
using Tessera::Testing::waitUntil;

class OpenAiProviderTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        config.name = QStringLiteral("fake");
        config.kind = ProviderKind::OpenAi;
        config.baseUrl = server.baseUrl() + QStringLiteral("/");
        recreateProvider();
        server.setApiKey(QStringLiteral("test-key-123456"));
    }

    void recreateProvider() {
        provider = std::make_unique<OpenAiProvider>(network, config, QStringLiteral("test-key-123456"));
    }

    void setIdleTimeoutMs(qint64 ms) {
        config.resilience.timeouts.idleMs = ms;
        recreateProvider();
    }

    struct Outcome {
        std::optional<ChatResult> result;
        QStringList deltas;
        QString partial;
    };

    Outcome run(const QString& prompt, bool stream = true, std::function<void(ProviderReply&)> onDelta = {}) {
        ChatRequest request;
        request.model = QStringLiteral("gpt-test");
        request.systemPrompt = QStringLiteral("Be brief.");
        request.messages.push_back({Role::User, prompt});
        request.maxTokens = 64;
        request.temperature = 0.5;
        request.stream = stream;
        request.correlationId = QStringLiteral("feedfacefeedface");
        std::unique_ptr<ProviderReply> reply(provider->chat(request));
        Outcome outcome;
        QObject::connect(reply.get(), &ProviderReply::deltaReceived, [&](const QString& delta) {
            outcome.deltas << delta;
            if (onDelta) {
                onDelta(*reply);
            }
        });
        int finishedCount = 0;
        QObject::connect(reply.get(), &ProviderReply::finished, [&](const ChatResult& result) {
            outcome.result = result;
            ++finishedCount;
        });
        EXPECT_TRUE(waitUntil([&] { return outcome.result.has_value(); }));
        QCoreApplication::processEvents();
        EXPECT_EQ(finishedCount, 1) << "finished is emitted exactly once";
        outcome.partial = reply->text();
        return outcome;
    }

    QNetworkAccessManager network;
    FakeProviderServer server;
    ProviderConfig config;
    std::unique_ptr<OpenAiProvider> provider;
};

TEST_F(OpenAiProviderTest, StreamsTextAndCapturesUsageAndTimings) {
    const Outcome outcome = run(QStringLiteral("hello there"));
    ASSERT_TRUE(outcome.result->has_value()) << outcome.result->error().toLogString().toStdString();
    const ChatAnswer& answer = **outcome.result;
    EXPECT_EQ(answer.text, QStringLiteral("Echo: hello there"));
    EXPECT_EQ(outcome.deltas.join(QString()), answer.text);
    EXPECT_GT(outcome.deltas.size(), 1) << "the answer arrives in pieces";
    EXPECT_EQ(answer.finishReason, QStringLiteral("stop"));
    EXPECT_EQ(answer.model, QStringLiteral("gpt-test"));
    EXPECT_TRUE(answer.usageReported);
    EXPECT_EQ(answer.usage.inputTokens, 12);
    EXPECT_EQ(answer.usage.cachedInputTokens, 4);
    EXPECT_EQ(answer.usage.outputTokens, 3);
    EXPECT_EQ(answer.usage.reasoningTokens, 2);
    EXPECT_FALSE(answer.usage.estimated);
    EXPECT_GE(answer.ttftMs, 0);
    EXPECT_GE(answer.latencyMs, answer.ttftMs);
    EXPECT_EQ(answer.providerRequestId, QStringLiteral("req_fake_123"));
}

TEST_F(OpenAiProviderTest, SendsTheWireFormatOpenAiExpects) {
    run(QStringLiteral("hi"));
    ASSERT_EQ(server.requests().size(), 1);
    const auto& request = server.requests().first();
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/v1/chat/completions") << "no double slash from a trailing '/' in the base URL";
    EXPECT_EQ(request.headers.value("authorization"), "Bearer test-key-123456");
    EXPECT_EQ(request.headers.value("x-client-request-id"), "feedfacefeedface");
    const QJsonObject body = request.json();
    EXPECT_EQ(body.value(QLatin1StringView("model")).toString(), QStringLiteral("gpt-test"));
    EXPECT_TRUE(body.value(QLatin1StringView("stream")).toBool());
    EXPECT_TRUE(
        body.value(QLatin1StringView("stream_options")).toObject().value(QLatin1StringView("include_usage")).toBool());
    EXPECT_EQ(body.value(QLatin1StringView("max_completion_tokens")).toInt(), 64);
    EXPECT_DOUBLE_EQ(body.value(QLatin1StringView("temperature")).toDouble(), 0.5);
    const QJsonArray messages = body.value(QLatin1StringView("messages")).toArray();
    ASSERT_EQ(messages.size(), 2);
    EXPECT_EQ(messages[0].toObject().value(QLatin1StringView("role")).toString(), QStringLiteral("system"));
    EXPECT_EQ(messages[1].toObject().value(QLatin1StringView("content")).toString(), QStringLiteral("hi"));
}

TEST_F(OpenAiProviderTest, CompatibleServersGetMaxTokens) {
    ChatRequest request;
    request.maxTokens = 10;
    const QJsonObject body =
        QJsonDocument::fromJson(OpenAiProvider::buildRequestBody(request, ProviderKind::OpenAiCompatible)).object();
    EXPECT_EQ(body.value(QLatin1StringView("max_tokens")).toInt(), 10);
    EXPECT_FALSE(body.contains(QLatin1StringView("max_completion_tokens")));
}

TEST_F(OpenAiProviderTest, NonStreamingRequestReturnsTheWholeAnswer) {
    const Outcome outcome = run(QStringLiteral("plain"), false);
    ASSERT_TRUE(outcome.result->has_value());
    EXPECT_EQ((*outcome.result)->text, QStringLiteral("Echo: plain"));
    EXPECT_EQ((*outcome.result)->usage.inputTokens, 12);
    EXPECT_FALSE(server.requests().first().json().contains(QLatin1StringView("stream_options")));
}

TEST_F(OpenAiProviderTest, WrongKeyIsUnauthorizedWithTheProvidersMessage) {
    server.setApiKey(QStringLiteral("another-key"));
    const Outcome outcome = run(QStringLiteral("hi"));
    ASSERT_FALSE(outcome.result->has_value());
    const Error& error = outcome.result->error();
    EXPECT_EQ(error.code, ErrorCode::ProviderUnauthorized);
    EXPECT_EQ(error.httpStatus, 401);
    EXPECT_EQ(error.correlationId, QStringLiteral("feedfacefeedface"));
    EXPECT_EQ(error.providerMessage, QStringLiteral("Incorrect API key provided"));
    EXPECT_TRUE(outcome.deltas.isEmpty()) << "error text never becomes answer text";
}

TEST_F(OpenAiProviderTest, RateLimitCarriesRetryAfter) {
    const Outcome outcome = run(QStringLiteral("[[429]]"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::ProviderRateLimited);
    EXPECT_EQ(outcome.result->error().retryAfterMs, 1000);
}

TEST_F(OpenAiProviderTest, InsufficientQuotaIsDistinguishedFromRateLimit) {
    const Outcome outcome = run(QStringLiteral("[[quota]]"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::ProviderQuotaExceeded);
}

TEST_F(OpenAiProviderTest, ServerErrorIsProviderUnavailable) {
    const Outcome outcome = run(QStringLiteral("[[500]]"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::ProviderUnavailable);
    EXPECT_EQ(outcome.result->error().httpStatus, 500);
}

TEST_F(OpenAiProviderTest, ForbiddenModelIsPermissionDenied) {
    const Outcome outcome = run(QStringLiteral("[[403]]"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::ProviderForbidden);
    EXPECT_EQ(outcome.result->error().httpStatus, 403);
}

TEST_F(OpenAiProviderTest, NotFoundModel) {
    const Outcome outcome = run(QStringLiteral("[[404]]"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::ProviderNotFound);
}

TEST_F(OpenAiProviderTest, ErrorObjectMidStreamKeepsThePartialTextOutOfTheAnswer) {
    const Outcome outcome = run(QStringLiteral("[[error-in-stream]] and more"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::ProviderStreamError);
    EXPECT_EQ(outcome.result->error().providerMessage, QStringLiteral("The model is overloaded"));
    EXPECT_EQ(outcome.partial, QStringLiteral("Echo: [[error-in-stream]] "));
    EXPECT_FALSE(outcome.partial.contains(QLatin1StringView("overloaded")));
}

TEST_F(OpenAiProviderTest, StreamEndingWithoutDoneIsInterrupted) {
    const Outcome outcome = run(QStringLiteral("[[cut]] and more words"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::StreamInterrupted);
    EXPECT_EQ(outcome.partial, QStringLiteral("Echo: [[cut]] "));
}

TEST_F(OpenAiProviderTest, DroppedConnectionMidStreamIsInterrupted) {
    const Outcome outcome = run(QStringLiteral("[[drop]] and more words"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::StreamInterrupted);
    EXPECT_EQ(outcome.partial, QStringLiteral("Echo: [[drop]] "));
}

TEST_F(OpenAiProviderTest, InvalidJsonChunkIsAnInvalidResponse) {
    const Outcome outcome = run(QStringLiteral("[[bad-json]]"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::InvalidResponse);
}

TEST_F(OpenAiProviderTest, MissingUsageIsEstimatedAndFlagged) {
    const Outcome outcome = run(QStringLiteral("[[no-usage]] count me"));
    ASSERT_TRUE(outcome.result->has_value());
    EXPECT_TRUE((*outcome.result)->usage.estimated);
    EXPECT_FALSE((*outcome.result)->usageReported);
    EXPECT_GT((*outcome.result)->usage.outputTokens, 0);
}

TEST_F(OpenAiProviderTest, CancelStopsTheStreamAndKeepsWhatArrived) {
    const Outcome outcome = run(QStringLiteral("[[slow]] one two three four five six"), true, [](ProviderReply& reply) {
        if (reply.text().size() > 8) {
            reply.cancel();
        }
    });
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::Cancelled);
    EXPECT_TRUE(outcome.partial.startsWith(QStringLiteral("Echo: ")));
    EXPECT_LT(outcome.partial.size(), QStringLiteral("Echo: [[slow]] one two three four five six").size());
}

TEST_F(OpenAiProviderTest, ServerThatIgnoresStreamFlagStillWorks) {
    server.enqueue("/v1/chat/completions",
                   FakeResponse::json(200, R"({"model":"m","choices":[{"index":0,"message":{"role":"assistant",)"
                                           R"("content":"whole"},"finish_reason":"stop"}]})"));
    const Outcome outcome = run(QStringLiteral("hi"));
    ASSERT_TRUE(outcome.result->has_value());
    EXPECT_EQ((*outcome.result)->text, QStringLiteral("whole"));
    EXPECT_TRUE((*outcome.result)->usage.estimated);
}

TEST_F(OpenAiProviderTest, RedirectToAnotherOriginIsNotFollowedSoTheKeyStaysHome) {
    FakeProviderServer elsewhere;
    ASSERT_TRUE(elsewhere.listen());
    FakeResponse redirect;
    redirect.status = 307;
    redirect.headers = {{"Location", (elsewhere.baseUrl() + QStringLiteral("/chat/completions")).toUtf8()}};
    server.enqueue("/v1/chat/completions", redirect);
    const Outcome outcome = run(QStringLiteral("hi"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::InvalidResponse);
    EXPECT_TRUE(elsewhere.requests().isEmpty()) << "the request (and its Authorization header) never left the origin";
}

TEST_F(OpenAiProviderTest, UnreachableServerIsNetworkUnreachable) {
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    config.kind = ProviderKind::OpenAiCompatible;
    config.baseUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(port);
    recreateProvider();
    const Outcome outcome = run(QStringLiteral("hi"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::NetworkUnreachable);
}

TEST_F(OpenAiProviderTest, ListsModelsSortedAndMapsErrors) {
    QObject context;
    std::optional<Result<QStringList>> models;
    server.setModels({QStringLiteral("zeta"), QStringLiteral("alpha")});
    provider->listModels(&context, QStringLiteral("c1"), [&](Result<QStringList> result) { models = result; });
    ASSERT_TRUE(waitUntil([&] { return models.has_value(); }));
    ASSERT_TRUE(models->has_value());
    EXPECT_EQ(**models, (QStringList{QStringLiteral("alpha"), QStringLiteral("zeta")}));

    server.setApiKey(QStringLiteral("other"));
    models.reset();
    provider->listModels(&context, QStringLiteral("c2"), [&](Result<QStringList> result) { models = result; });
    ASSERT_TRUE(waitUntil([&] { return models.has_value(); }));
    ASSERT_FALSE(models->has_value());
    EXPECT_EQ(models->error().code, ErrorCode::ProviderUnauthorized);
}

TEST_F(OpenAiProviderTest, NonJsonModelListIsInvalidResponse) {
    server.enqueue("/v1/models", FakeResponse::json(200, "<html>not an api</html>"));
    QObject context;
    std::optional<Result<QStringList>> models;
    provider->listModels(&context, QStringLiteral("c"), [&](Result<QStringList> result) { models = result; });
    ASSERT_TRUE(waitUntil([&] { return models.has_value(); }));
    ASSERT_FALSE(models->has_value());
    EXPECT_EQ(models->error().code, ErrorCode::InvalidResponse);
}

TEST_F(OpenAiProviderTest, OversizedModelListIsRefused) {
    server.enqueue("/v1/models", FakeResponse::json(200, QByteArray(maxResponseBytes + 1024, ' ')));
    QObject context;
    std::optional<Result<QStringList>> models;
    provider->listModels(&context, QStringLiteral("c"), [&](Result<QStringList> result) { models = result; });
    ASSERT_TRUE(waitUntil([&] { return models.has_value(); }, 30'000));
    ASSERT_FALSE(models->has_value());
    EXPECT_EQ(models->error().code, ErrorCode::ResponseTooLarge);
}

TEST_F(OpenAiProviderTest, OversizedNonStreamedAnswerIsRefused) {
    server.enqueue("/v1/chat/completions", FakeResponse::json(200, QByteArray(maxResponseBytes + 1024, ' ')));
    const Outcome outcome = run(QStringLiteral("hi"), false);
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::ResponseTooLarge);
}

TEST_F(OpenAiProviderTest, ServerThatNeverAnswersTimesOut) {
    FakeResponse silent = FakeResponse::openAiStream({});
    silent.chunks.clear();
    silent.hang = true; // headers, then nothing
    server.enqueue("/v1/chat/completions", silent);
    setIdleTimeoutMs(300);
    const Outcome outcome = run(QStringLiteral("hi"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::Timeout);
}

TEST_F(OpenAiProviderTest, StreamThatGoesSilentMidAnswerIsInterruptedAndKeepsItsText) {
    FakeResponse stalls = FakeResponse::openAiStream({QStringLiteral("Hello "), QStringLiteral("world")});
    stalls.chunks = stalls.chunks.mid(0, 2); // role chunk and one word, then silence
    stalls.hang = true;
    server.enqueue("/v1/chat/completions", stalls);
    setIdleTimeoutMs(300);
    const Outcome outcome = run(QStringLiteral("hi"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::StreamInterrupted);
    EXPECT_EQ(outcome.partial, QStringLiteral("Hello "));
}
