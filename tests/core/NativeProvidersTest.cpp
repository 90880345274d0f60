// Anthropic, Gemini, Ollama and Azure OpenAI against a loopback server speaking each one's real wire format,
// including its failure modes. The same scenarios run for every protocol.
#include "providers/ProviderFactory.h"
#include "providers/ProviderReply.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include <QJsonArray>
#include <QNetworkAccessManager>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::RecordedRequest;
using Tessera::Testing::waitUntil;

namespace {

struct ProtocolCase {
    ProviderKind kind;
    const char* model;
    const char* answeringModel;
    Usage streamedUsage; // for the prompt "hello there": the answer "Echo: hello there" is 3 words
    const char* chatPath;
};

std::string caseName(const ::testing::TestParamInfo<ProtocolCase>& info) {
    return QString(kindName(info.param.kind)).remove(QLatin1Char('-')).toStdString();
}

class NativeProviderTest : public ::testing::TestWithParam<ProtocolCase> {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        server.setApiKey(QStringLiteral("native-key-123"));
        server.setModels({QStringLiteral("alpha-model"), QStringLiteral("beta-model"), QStringLiteral("gamma-model")});
        config.name = QStringLiteral("native");
        config.kind = GetParam().kind;
        switch (config.kind) {
        case ProviderKind::Gemini:
            config.baseUrl = server.rootUrl() + QStringLiteral("/v1beta");
            break;
        case ProviderKind::Ollama:
            config.baseUrl = server.rootUrl();
            break;
        case ProviderKind::AzureOpenAi:
            config.baseUrl = server.rootUrl() + QStringLiteral("/openai");
            config.apiVersion = QStringLiteral("2024-10-21");
            break;
        default:
            config.baseUrl = server.baseUrl();
        }
        recreate();
    }

    void recreate() { provider = factory.create(config, QStringLiteral("native-key-123")); }

    struct Outcome {
        std::optional<ChatResult> result;
        QStringList deltas;
        QString partial;
    };

    Outcome run(const QString& prompt, bool stream = true, std::vector<ImageAttachment> images = {}) {
        ChatRequest request;
        request.model = QString::fromLatin1(GetParam().model);
        request.systemPrompt = QStringLiteral("Be brief.");
        request.messages.push_back({Role::User, QStringLiteral("earlier question"), {}});
        request.messages.push_back({Role::Assistant, QStringLiteral("earlier answer"), {}});
        request.messages.push_back({Role::User, prompt, std::move(images)});
        request.temperature = 0.25;
        request.stream = stream;
        request.correlationId = QStringLiteral("abcdefabcdef0001");
        std::unique_ptr<ProviderReply> reply(provider->chat(request));
        Outcome outcome;
        QObject::connect(reply.get(), &ProviderReply::deltaReceived,
                         [&](const QString& delta) { outcome.deltas << delta; });
        QObject::connect(reply.get(), &ProviderReply::finished,
                         [&](const ChatResult& result) { outcome.result = result; });
        EXPECT_TRUE(waitUntil([&] { return outcome.result.has_value(); }));
        outcome.partial = reply->text();
        return outcome;
    }

    const RecordedRequest& lastChat() const {
        for (qsizetype i = server.requests().size() - 1; i >= 0; --i) {
            if (server.requests()[i].method == "POST") {
                return server.requests()[i];
            }
        }
        return server.requests().last();
    }

    QNetworkAccessManager network;
    ProviderFactory factory{network};
    FakeProviderServer server;
    ProviderConfig config;
    std::unique_ptr<Provider> provider;
};

} // namespace

TEST_P(NativeProviderTest, StreamsTextWithNormalisedUsage) {
    const Outcome outcome = run(QStringLiteral("hello there"));
    ASSERT_TRUE(outcome.result->has_value()) << outcome.result->error().toLogString().toStdString();
    const ChatAnswer& answer = **outcome.result;
    EXPECT_EQ(answer.text, QStringLiteral("Echo: hello there"));
    EXPECT_EQ(outcome.deltas.size(), 3);
    EXPECT_EQ(answer.model, QString::fromLatin1(GetParam().answeringModel));
    EXPECT_FALSE(answer.finishReason.isEmpty());
    EXPECT_TRUE(answer.usageReported);
    EXPECT_EQ(answer.usage, GetParam().streamedUsage);
    EXPECT_GE(answer.ttftMs, 0);
    EXPECT_TRUE(lastChat().path.contains(GetParam().chatPath)) << lastChat().path.toStdString();
}

TEST_P(NativeProviderTest, AnswersWithoutStreaming) {
    const Outcome outcome = run(QStringLiteral("plain please"), false);
    ASSERT_TRUE(outcome.result->has_value()) << outcome.result->error().toLogString().toStdString();
    EXPECT_EQ((*outcome.result)->text, QStringLiteral("Echo: plain please"));
    EXPECT_TRUE((*outcome.result)->usageReported);
    EXPECT_EQ((*outcome.result)->usage.outputTokens, GetParam().kind == ProviderKind::Gemini ? 5 : 3);
}

TEST_P(NativeProviderTest, ListsEveryModelAcrossPages) {
    QObject context;
    std::optional<Result<QStringList>> models;
    provider->listModels(&context, QStringLiteral("c1"), [&](Result<QStringList> result) { models = result; });
    ASSERT_TRUE(waitUntil([&] { return models.has_value(); }));
    ASSERT_TRUE(models->has_value()) << models->error().toLogString().toStdString();
    EXPECT_EQ(**models, (QStringList{QStringLiteral("alpha-model"), QStringLiteral("beta-model"),
                                     QStringLiteral("gamma-model")}));
}

// Keys and quotas: every protocol but a local Ollama's, which takes no key and has no quota.
class KeyedProviderTest : public NativeProviderTest {};

TEST_P(KeyedProviderTest, RejectedKeyIsUnauthorized) {
    provider = factory.create(config, QStringLiteral("wrong-key"));
    const Outcome outcome = run(QStringLiteral("hi"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::ProviderUnauthorized);
}

TEST_P(NativeProviderTest, RateLimitCarriesTheWait) {
    const Outcome outcome = run(QStringLiteral("[[429]]"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::ProviderRateLimited);
    EXPECT_EQ(outcome.result->error().retryAfterMs, 1000) << "Retry-After header, or Gemini's RetryInfo";
}

TEST_P(KeyedProviderTest, QuotaExhaustionIsNotARateLimit) {
    const Outcome outcome = run(QStringLiteral("[[quota]]"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::ProviderQuotaExceeded);
}

TEST_P(NativeProviderTest, OverloadIsTyped) {
    const Outcome outcome = run(QStringLiteral("[[529]]"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, GetParam().kind == ProviderKind::Anthropic
                                                ? ErrorCode::ProviderOverloaded
                                                : ErrorCode::ProviderUnavailable);
}

TEST_P(NativeProviderTest, ErrorInsideAStreamKeepsThePartialTextOutOfTheAnswer) {
    const Outcome outcome = run(QStringLiteral("[[error-in-stream]] and more"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::ProviderStreamError);
    EXPECT_EQ(outcome.partial, QStringLiteral("Echo: [[error-in-stream]] "));
}

TEST_P(NativeProviderTest, StreamCutAfterSomeTextIsInterruptedAndKeepsIt) {
    const Outcome outcome = run(QStringLiteral("[[cut]] and more words"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::StreamInterrupted);
    EXPECT_EQ(outcome.partial, QStringLiteral("Echo: [[cut]] "));
}

TEST_P(NativeProviderTest, DroppedConnectionIsInterrupted) {
    const Outcome outcome = run(QStringLiteral("[[drop]] and more words"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::StreamInterrupted);
}

TEST_P(NativeProviderTest, MalformedChunkIsAnInvalidResponse) {
    const Outcome outcome = run(QStringLiteral("[[bad-json]] words"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::InvalidResponse);
}

TEST_P(NativeProviderTest, SlowFirstTokenTimesOut) {
    config.resilience.timeouts.firstTokenMs = 300;
    recreate();
    const Outcome outcome = run(QStringLiteral("[[slow-first]]"));
    ASSERT_FALSE(outcome.result->has_value());
    EXPECT_EQ(outcome.result->error().code, ErrorCode::Timeout);
    EXPECT_TRUE(outcome.result->error().detail.contains(QStringLiteral("first-token")));
}

TEST_P(NativeProviderTest, ImagesTravelInline) {
    const QByteArray png("\x89PNG\r\n\x1a\nfake", 12);
    const Outcome outcome = run(QStringLiteral("what is this"), true, {{QStringLiteral("image/png"), png, QString()}});
    ASSERT_TRUE(outcome.result->has_value());
    EXPECT_TRUE(lastChat().body.contains(png.toBase64())) << lastChat().body.left(400).toStdString();
}

namespace {

// Anthropic: input 10 + cache read 4 + cache write 2; output from the last message_delta.
const ProtocolCase anthropicCase{
    ProviderKind::Anthropic, "claude-test", "claude-test",
    Usage{.inputTokens = 16, .cachedInputTokens = 4, .cacheWriteTokens = 2, .outputTokens = 3}, "/v1/messages"};
// Gemini: the last chunk's cumulative counts; thoughts are output.
const ProtocolCase geminiCase{ProviderKind::Gemini, "models/gemini-test", "gemini-test",
                              Usage{.inputTokens = 12, .cachedInputTokens = 4, .outputTokens = 5, .reasoningTokens = 2},
                              "/v1beta/models/gemini-test:streamGenerateContent"};
const ProtocolCase ollamaCase{ProviderKind::Ollama, "llama-test", "llama-test",
                              Usage{.inputTokens = 12, .outputTokens = 3}, "/api/chat"};
const ProtocolCase azureCase{ProviderKind::AzureOpenAi, "my-deployment", "gpt-test",
                             Usage{.inputTokens = 12, .cachedInputTokens = 4, .outputTokens = 3, .reasoningTokens = 2},
                             "/openai/deployments/my-deployment/chat/completions?api-version=2024-10-21"};

} // namespace

INSTANTIATE_TEST_SUITE_P(Protocols, NativeProviderTest,
                         ::testing::Values(anthropicCase, geminiCase, ollamaCase, azureCase), caseName);
INSTANTIATE_TEST_SUITE_P(Protocols, KeyedProviderTest, ::testing::Values(anthropicCase, geminiCase, azureCase),
                         caseName);

// Wire details particular to one protocol.
class ProviderWireTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(server.listen()); }

    RecordedRequest send(ProviderConfig config, const QString& key) {
        auto provider = factory.create(config, key);
        ChatRequest request;
        request.model = QStringLiteral("m1");
        request.systemPrompt = QStringLiteral("System words");
        request.messages = {
            {Role::User, QStringLiteral("one"), {}},
            {Role::User, QStringLiteral("two"), {}}, // after a failed answer: joined for Anthropic/Gemini
            {Role::Assistant, QStringLiteral("three"), {}},
            {Role::User, QStringLiteral("four"), {}}};
        request.correlationId = QStringLiteral("0000111122223333");
        std::unique_ptr<ProviderReply> reply(provider->chat(request));
        bool done = false;
        QObject::connect(reply.get(), &ProviderReply::finished, [&](const ChatResult&) { done = true; });
        EXPECT_TRUE(waitUntil([&] { return done; }));
        return server.requests().last();
    }

    QNetworkAccessManager network;
    ProviderFactory factory{network};
    FakeProviderServer server;
};

TEST_F(ProviderWireTest, AnthropicSendsItsHeadersARequiredMaxTokensAndAlternatingTurns) {
    ProviderConfig config;
    config.name = QStringLiteral("a");
    config.kind = ProviderKind::Anthropic;
    config.baseUrl = server.baseUrl();
    const RecordedRequest request = send(config, QStringLiteral("sk-ant-1"));
    EXPECT_EQ(request.headers.value("x-api-key"), "sk-ant-1");
    EXPECT_EQ(request.headers.value("anthropic-version"), "2023-06-01");
    EXPECT_FALSE(request.headers.contains("authorization"));
    const QJsonObject body = request.json();
    EXPECT_EQ(body.value(QLatin1StringView("max_tokens")).toInt(), 4096);
    EXPECT_EQ(body.value(QLatin1StringView("system")).toString(), QStringLiteral("System words"));
    const QJsonArray messages = body.value(QLatin1StringView("messages")).toArray();
    ASSERT_EQ(messages.size(), 3);
    EXPECT_EQ(messages[0].toObject().value(QLatin1StringView("content")).toString(), QStringLiteral("one\n\ntwo"));
}

TEST_F(ProviderWireTest, GeminiPutsTheKeyInAHeaderNeverInTheUrl) {
    ProviderConfig config;
    config.name = QStringLiteral("g");
    config.kind = ProviderKind::Gemini;
    config.baseUrl = server.rootUrl() + QStringLiteral("/v1beta");
    const RecordedRequest request = send(config, QStringLiteral("AIza-secret"));
    EXPECT_EQ(request.headers.value("x-goog-api-key"), "AIza-secret");
    EXPECT_FALSE(request.path.contains("AIza")) << request.path.toStdString();
    EXPECT_TRUE(request.path.endsWith(":streamGenerateContent?alt=sse"));
    const QJsonObject body = request.json();
    const QJsonArray contents = body.value(QLatin1StringView("contents")).toArray();
    ASSERT_EQ(contents.size(), 3);
    EXPECT_EQ(contents[1].toObject().value(QLatin1StringView("role")).toString(), QStringLiteral("model"));
    EXPECT_EQ(body.value(QLatin1StringView("systemInstruction"))
                  .toObject()
                  .value(QLatin1StringView("parts"))
                  .toArray()[0]
                  .toObject()
                  .value(QLatin1StringView("text"))
                  .toString(),
              QStringLiteral("System words"));
}

TEST_F(ProviderWireTest, AzureUsesTheApiKeyHeaderAndTheDeploymentPath) {
    ProviderConfig config;
    config.name = QStringLiteral("z");
    config.kind = ProviderKind::AzureOpenAi;
    config.baseUrl = server.rootUrl() + QStringLiteral("/openai");
    config.apiVersion = QStringLiteral("2024-06-01");
    const RecordedRequest request = send(config, QStringLiteral("azure-key"));
    EXPECT_EQ(request.headers.value("api-key"), "azure-key");
    EXPECT_FALSE(request.headers.contains("authorization"));
    EXPECT_EQ(request.path, "/openai/deployments/m1/chat/completions?api-version=2024-06-01");
}

TEST_F(ProviderWireTest, OllamaSendsNativeOptions) {
    ProviderConfig config;
    config.name = QStringLiteral("o");
    config.kind = ProviderKind::Ollama;
    config.baseUrl = server.rootUrl();
    const RecordedRequest request = send(config, QString());
    EXPECT_EQ(request.path, "/api/chat");
    const QJsonArray messages = request.json().value(QLatin1StringView("messages")).toArray();
    ASSERT_EQ(messages.size(), 5); // system + the four turns as they are
    EXPECT_EQ(messages[0].toObject().value(QLatin1StringView("role")).toString(), QStringLiteral("system"));
}
