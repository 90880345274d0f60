// What answers cost, through each provider's real wire format: OpenAI counts cached tokens inside prompt_tokens,
// Anthropic's input_tokens leave out cache reads and writes, Gemini reports cachedContentTokenCount inside the prompt
// and thoughtsTokenCount beside the candidates. Local servers cost nothing, an unknown model's cost stays unknown
// (and `usage unpriced` lists it), and an administrator's price applies from its date without rewriting past costs.
#include "usage/PriceBook.h"

#include "audit/AuditLog.h"
#include "usage/ModelCatalog.h"
#include "usage/UsageLedger.h"

#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/QtPrinters.h"
#include "support/TestHelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::FakeResponse;
using Tessera::Testing::waitUntil;

namespace {

QByteArray compact(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

class PricesTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        QObject::connect(core.chat.get(), &ChatService::turnFinished,
                         [this](const TurnOutcome& outcome) { outcomes.push_back(outcome); });
    }

    void addProvider(const QString& name, ProviderKind kind, const QString& baseUrl, const QString& model) {
        ProviderConfig config;
        config.name = name;
        config.kind = kind;
        config.baseUrl = baseUrl;
        config.defaultModel = model;
        ASSERT_TRUE(core.providers->add(config));
    }

    TurnOutcome send(const QString& provider, const QString& prompt = QStringLiteral("what does this cost?")) {
        SendOptions options;
        options.providerName = provider;
        options.stream = false;
        const size_t before = outcomes.size();
        auto started = core.chat->send(ada, prompt, options);
        EXPECT_TRUE(started) << (started ? "" : started.error().toLogString().toStdString());
        EXPECT_TRUE(waitUntil([&] { return outcomes.size() > before; }));
        return outcomes.empty() ? TurnOutcome{} : outcomes.back();
    }

    LedgerEntry entryOf(const TurnOutcome& outcome) {
        auto entries = core.ledger->entriesOfConversation(admin, outcome.message.conversationId);
        EXPECT_TRUE(entries && !entries->empty());
        return entries && !entries->empty() ? entries->back() : LedgerEntry{};
    }

    static FakeResponse openAi(const QString& model, int prompt, int cached, int completion, int reasoning) {
        return FakeResponse::json(
            200, compact(QJsonObject{
                     {QStringLiteral("id"), QStringLiteral("chatcmpl-1")},
                     {QStringLiteral("object"), QStringLiteral("chat.completion")},
                     {QStringLiteral("model"), model},
                     {QStringLiteral("choices"),
                      QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                             {QStringLiteral("message"),
                                              QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                          {QStringLiteral("content"), QStringLiteral("Done.")}}},
                                             {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
                     {QStringLiteral("usage"),
                      QJsonObject{{QStringLiteral("prompt_tokens"), prompt},
                                  {QStringLiteral("completion_tokens"), completion},
                                  {QStringLiteral("total_tokens"), prompt + completion},
                                  {QStringLiteral("prompt_tokens_details"),
                                   QJsonObject{{QStringLiteral("cached_tokens"), cached}}},
                                  {QStringLiteral("completion_tokens_details"),
                                   QJsonObject{{QStringLiteral("reasoning_tokens"), reasoning}}}}}}));
    }

    CoreFixture core;
    FakeProviderServer server;
    std::vector<TurnOutcome> outcomes;
    const Actor admin = Actor::owner(ClientKind::Test);
    const Actor ada = Actor::withRole(1, QStringLiteral("owner"), BuiltInRole::Member, ClientKind::Test);
};

} // namespace

// OpenAI, gpt-5.4 ($2.50 in, $0.25 cached, $15 out per million): prompt_tokens 12,000 of which 8,000 cached,
// completion_tokens 1,500 of which 500 reasoning. 4,000 × $2.50 + 8,000 × $0.25 + 1,500 × $15 = $0.0345.
TEST_F(PricesTest, OpenAiCountsCachedTokensInsidePromptTokens) {
    addProvider(QStringLiteral("openai"), ProviderKind::OpenAi, server.baseUrl(), QStringLiteral("gpt-5.4"));
    server.enqueue("/v1/chat/completions", openAi(QStringLiteral("gpt-5.4-2026-03-05"), 12'000, 8'000, 1'500, 500));
    const TurnOutcome outcome = send(QStringLiteral("openai"));
    ASSERT_FALSE(outcome.error) << outcome.error->toLogString().toStdString();
    EXPECT_EQ(outcome.costMicros, 34'500);
    EXPECT_TRUE(outcome.costExact);
    const LedgerEntry entry = entryOf(outcome);
    EXPECT_EQ(entry.costMicros, 34'500);
    EXPECT_EQ(entry.inputTokens, 12'000);
    EXPECT_EQ(entry.cachedInputTokens, 8'000);
    EXPECT_TRUE(entry.price.contains(QStringLiteral("$2.50 in"))) << entry.price.toStdString();
    EXPECT_TRUE(entry.price.contains(QStringLiteral("catalog"))) << entry.price.toStdString();
}

// Anthropic, claude-sonnet-4-6 ($3 in, $0.30 cache read, $3.75 cache write, $15 out): input_tokens 2,000 (fresh
// only), cache_read_input_tokens 10,000, cache_creation_input_tokens 3,000, output_tokens 800.
// 2,000 × $3 + 10,000 × $0.30 + 3,000 × $3.75 + 800 × $15 = $0.006 + $0.003 + $0.01125 + $0.012 = $0.03225.
TEST_F(PricesTest, AnthropicInputExcludesCacheReadsAndWritesWhichHaveTheirOwnRates) {
    addProvider(QStringLiteral("claude"), ProviderKind::Anthropic, server.baseUrl(),
                QStringLiteral("claude-sonnet-4-6"));
    server.enqueue(
        "/v1/messages",
        FakeResponse::json(
            200, compact(QJsonObject{
                     {QStringLiteral("id"), QStringLiteral("msg_1")},
                     {QStringLiteral("type"), QStringLiteral("message")},
                     {QStringLiteral("role"), QStringLiteral("assistant")},
                     {QStringLiteral("model"), QStringLiteral("claude-sonnet-4-6")},
                     {QStringLiteral("content"),
                      QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                             {QStringLiteral("text"), QStringLiteral("Done.")}}}},
                     {QStringLiteral("stop_reason"), QStringLiteral("end_turn")},
                     {QStringLiteral("usage"), QJsonObject{{QStringLiteral("input_tokens"), 2'000},
                                                           {QStringLiteral("cache_read_input_tokens"), 10'000},
                                                           {QStringLiteral("cache_creation_input_tokens"), 3'000},
                                                           {QStringLiteral("output_tokens"), 800}}}})));
    const TurnOutcome outcome = send(QStringLiteral("claude"));
    ASSERT_FALSE(outcome.error) << outcome.error->toLogString().toStdString();
    const LedgerEntry entry = entryOf(outcome);
    EXPECT_EQ(entry.inputTokens, 15'000) << "Tessera's input includes what was read from and written to the cache";
    EXPECT_EQ(entry.cachedInputTokens, 10'000);
    EXPECT_EQ(entry.cacheWriteTokens, 3'000);
    EXPECT_EQ(entry.costMicros, 32'250);
    EXPECT_EQ(outcome.costMicros, 32'250);
}

// Gemini, gemini-2.5-flash ($0.30 in, $0.03 cached, $2.50 out): promptTokenCount 20,000 of which
// cachedContentTokenCount 15,000, candidatesTokenCount 1,000 and thoughtsTokenCount 2,000 (billed as output).
// 5,000 × $0.30 + 15,000 × $0.03 + 3,000 × $2.50 = $0.0015 + $0.00045 + $0.0075 = $0.00945.
// gemini-2.5-pro past 200,000 prompt tokens pays its long-context rates: 250,000 × $2.50 + 1,000 × $15 = $0.64.
TEST_F(PricesTest, GeminiCountsCachedContentInsideThePromptAndThoughtsAsOutput) {
    addProvider(QStringLiteral("gemini"), ProviderKind::Gemini, server.rootUrl() + QStringLiteral("/v1beta"),
                QStringLiteral("gemini-2.5-flash"));
    const auto answer = [](const QString& model, int prompt, int cached, int candidates, int thoughts) {
        QJsonObject usage{{QStringLiteral("promptTokenCount"), prompt},
                          {QStringLiteral("candidatesTokenCount"), candidates},
                          {QStringLiteral("thoughtsTokenCount"), thoughts},
                          {QStringLiteral("totalTokenCount"), prompt + candidates + thoughts}};
        if (cached > 0) {
            usage.insert(QStringLiteral("cachedContentTokenCount"), cached);
        }
        return FakeResponse::json(
            200, compact(QJsonObject{
                     {QStringLiteral("candidates"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("content"),
                           QJsonObject{{QStringLiteral("role"), QStringLiteral("model")},
                                       {QStringLiteral("parts"),
                                        QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("Done.")}}}}}},
                          {QStringLiteral("finishReason"), QStringLiteral("STOP")}}}},
                     {QStringLiteral("usageMetadata"), usage},
                     {QStringLiteral("modelVersion"), model}}));
    };
    server.enqueue("/v1beta/models/gemini-2.5-flash:generateContent",
                   answer(QStringLiteral("gemini-2.5-flash"), 20'000, 15'000, 1'000, 2'000));
    const TurnOutcome flash = send(QStringLiteral("gemini"));
    ASSERT_FALSE(flash.error) << flash.error->toLogString().toStdString();
    const LedgerEntry entry = entryOf(flash);
    EXPECT_EQ(entry.inputTokens, 20'000);
    EXPECT_EQ(entry.cachedInputTokens, 15'000);
    EXPECT_EQ(entry.outputTokens, 3'000);
    EXPECT_EQ(entry.reasoningTokens, 2'000);
    EXPECT_EQ(entry.costMicros, 9'450);

    ProviderConfig pro = *core.providers->findByName(QStringLiteral("gemini"));
    pro.defaultModel = QStringLiteral("gemini-2.5-pro");
    ASSERT_TRUE(core.providers->update(pro));
    server.enqueue("/v1beta/models/gemini-2.5-pro:generateContent",
                   answer(QStringLiteral("gemini-2.5-pro"), 250'000, 0, 1'000, 0));
    SendOptions options;
    options.providerName = QStringLiteral("gemini");
    options.model = QStringLiteral("gemini-2.5-pro");
    options.stream = false;
    const size_t before = outcomes.size();
    ASSERT_TRUE(core.chat->send(ada, QStringLiteral("a very long document"), options));
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() > before; }));
    ASSERT_FALSE(outcomes.back().error);
    EXPECT_EQ(outcomes.back().costMicros, 640'000);
}

TEST_F(PricesTest, LocalServersCostNothingAndAnUnknownModelsCostStaysUnknownAndIsListed) {
    addProvider(QStringLiteral("lmstudio"), ProviderKind::OpenAiCompatible, server.baseUrl(),
                QStringLiteral("qwen-local"));
    addProvider(QStringLiteral("ollama"), ProviderKind::Ollama, server.rootUrl(), QStringLiteral("llama-test"));
    addProvider(QStringLiteral("openai"), ProviderKind::OpenAi, server.baseUrl(), QStringLiteral("gpt-unreleased"));
    EXPECT_EQ(send(QStringLiteral("lmstudio")).costMicros, 0);
    EXPECT_EQ(send(QStringLiteral("ollama")).costMicros, 0);
    const TurnOutcome unknown = send(QStringLiteral("openai"));
    ASSERT_FALSE(unknown.error);
    EXPECT_FALSE(unknown.costMicros) << "unknown, never $0";
    EXPECT_FALSE(unknown.costExact);
    EXPECT_EQ(entryOf(unknown).price, QString());

    auto unpriced = core.prices->unpriced(admin);
    ASSERT_TRUE(unpriced);
    ASSERT_EQ(unpriced->size(), 1u);
    EXPECT_EQ(unpriced->front().provider, QStringLiteral("openai"));
    EXPECT_EQ(unpriced->front().model, QStringLiteral("gpt-unreleased"));
    EXPECT_EQ(unpriced->front().requests, 1);
    const Actor bob = Actor::withRole(7, QStringLiteral("bob"), BuiltInRole::Member, ClientKind::Test);
    EXPECT_TRUE(core.prices->unpriced(bob)->empty()) << "a Member sees only their own";
}

TEST_F(PricesTest, AnOverrideAppliesFromItsDateNeverRewritesPastCostsAndIsAudited) {
    addProvider(QStringLiteral("openai"), ProviderKind::OpenAi, server.baseUrl(), QStringLiteral("gpt-5.4"));
    server.enqueue("/v1/chat/completions", openAi(QStringLiteral("gpt-5.4"), 100'000, 0, 0, 0));
    const TurnOutcome before = send(QStringLiteral("openai"));
    EXPECT_EQ(before.costMicros, 250'000) << "100,000 input tokens at the catalog's $2.50 per million";

    // A negotiated rate from tomorrow does not apply yet; one from today does.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    ASSERT_TRUE(core.prices->set(admin, QStringLiteral("openai"), QStringLiteral("gpt-5.4"),
                                 {1'000'000, 100'000, 1'000'000, 5'000'000, 5'000'000}, today.addDays(1)));
    server.enqueue("/v1/chat/completions", openAi(QStringLiteral("gpt-5.4"), 100'000, 0, 0, 0));
    EXPECT_EQ(send(QStringLiteral("openai")).costMicros, 250'000);
    ASSERT_TRUE(core.prices->set(admin, QStringLiteral("openai"), QStringLiteral("gpt-5.4"),
                                 {2'000'000, 200'000, 2'000'000, 8'000'000, 8'000'000}, today));
    server.enqueue("/v1/chat/completions", openAi(QStringLiteral("gpt-5.4"), 100'000, 0, 0, 0));
    const TurnOutcome negotiated = send(QStringLiteral("openai"));
    EXPECT_EQ(negotiated.costMicros, 200'000);
    EXPECT_TRUE(entryOf(negotiated).price.contains(QStringLiteral("set by owner")))
        << entryOf(negotiated).price.toStdString();
    EXPECT_EQ(entryOf(before).costMicros, 250'000) << "the first answer keeps the price it used";

    auto listed = core.prices->list(admin, QStringLiteral("openai"));
    ASSERT_TRUE(listed);
    const auto overrides = std::count_if(listed->begin(), listed->end(),
                                         [](const PriceListing& l) { return l.origin == QStringLiteral("override"); });
    EXPECT_EQ(overrides, 2);
    EXPECT_TRUE(std::any_of(listed->begin(), listed->end(), [](const PriceListing& l) {
        return l.origin == QStringLiteral("catalog") && l.model == QStringLiteral("gpt-5.4-mini");
    }));
    EXPECT_EQ(core.prices->list(admin, QStringLiteral("nobody")).error().code, ErrorCode::NotFound);

    // A Member may not set prices; the refusal is audited. Reset brings back the catalog's price.
    const Actor member = Actor::withRole(7, QStringLiteral("bob"), BuiltInRole::Member, ClientKind::Test);
    EXPECT_EQ(core.prices->set(member, QStringLiteral("openai"), QStringLiteral("gpt-5.4"), {}).error().code,
              ErrorCode::AuthForbidden);
    EXPECT_EQ(core.prices->reset(member, QStringLiteral("openai"), QStringLiteral("gpt-5.4")).error().code,
              ErrorCode::AuthForbidden);
    EXPECT_EQ(core.prices->reset(admin, QStringLiteral("openai"), QStringLiteral("gpt-5.4")), 2);
    EXPECT_EQ(core.prices->reset(admin, QStringLiteral("openai"), QStringLiteral("gpt-5.4")).error().code,
              ErrorCode::NotFound);
    server.enqueue("/v1/chat/completions", openAi(QStringLiteral("gpt-5.4"), 100'000, 0, 0, 0));
    EXPECT_EQ(send(QStringLiteral("openai")).costMicros, 250'000);
    AuditFilter filter;
    filter.action = QStringLiteral("price.*");
    EXPECT_EQ(core.audit->list(admin, filter)->size(), 5u) << "two sets, two refusals and a reset";

    EXPECT_EQ(core.prices->set(admin, QStringLiteral("nobody"), QStringLiteral("m"), {}).error().code,
              ErrorCode::NotFound);
    EXPECT_EQ(core.prices->set(admin, QStringLiteral("openai"), QString(), {}).error().code,
              ErrorCode::InvalidArgument);
}
