// Retries, circuit breaking, fallback and the response cache as a user of ChatService sees them, against a
// loopback server in each provider's wire format.
#include "observability/Metrics.h"
#include "support/CoreFixture.h"
#include "support/FakeClock.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

class ResilientChatTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        ProviderConfig config;
        config.name = QStringLiteral("claude");
        config.kind = ProviderKind::Anthropic;
        config.baseUrl = server.baseUrl();
        config.defaultModel = QStringLiteral("claude-test");
        config.resilience.retry.initialDelayMs = 20; // keep backoff short; Retry-After still governs 429s
        primary = *core.providers->add(config);
        QObject::connect(core.chat.get(), &ChatService::turnFinished,
                         [this](const TurnOutcome& outcome) { outcomes.push_back(outcome); });
    }

    TurnOutcome sendAndWait(const QString& prompt, SendOptions options = {}) {
        const size_t before = outcomes.size();
        auto started = core.chat->send(core.actor, prompt, options);
        EXPECT_TRUE(started) << (started ? "" : started.error().toLogString().toStdString());
        EXPECT_TRUE(waitUntil([&] { return outcomes.size() > before; }, 20'000));
        return outcomes.back();
    }

    int chatRequests() const { return server.countRequests("/v1/messages"); }

    CoreFixture core;
    FakeProviderServer server;
    ProviderConfig primary;
    std::vector<TurnOutcome> outcomes;
};

} // namespace

TEST_F(ResilientChatTest, RateLimitWaitsAsToldThenSucceeds) {
    const TurnOutcome outcome = sendAndWait(QStringLiteral("[[429-once]] hello"));
    ASSERT_FALSE(outcome.error) << outcome.error->toLogString().toStdString();
    EXPECT_EQ(outcome.message.attempts, 2);
    EXPECT_EQ(chatRequests(), 2);
    EXPECT_EQ(core.metrics.total(MetricNames::retries), 1);
    EXPECT_EQ(core.metrics.total(MetricNames::requests), 2);
    EXPECT_EQ(core.metrics.total(MetricNames::failures), 1);
}

TEST_F(ResilientChatTest, OverloadIsRetriedWithBackoff) {
    const TurnOutcome outcome = sendAndWait(QStringLiteral("[[529-once]] hello"));
    ASSERT_FALSE(outcome.error);
    EXPECT_EQ(outcome.message.content, QStringLiteral("Echo: [[529-once]] hello"));
    EXPECT_EQ(outcome.message.attempts, 2);
}

TEST_F(ResilientChatTest, RetriesStopAtTheLimitAndTheErrorIsTyped) {
    const TurnOutcome outcome = sendAndWait(QStringLiteral("[[529]] always"));
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->code, ErrorCode::ProviderOverloaded);
    EXPECT_EQ(chatRequests(), 3) << "the first request and two retries";
    EXPECT_EQ(outcome.message.state, MessageState::Failed);
    EXPECT_EQ(outcome.message.attempts, 3) << "a failed answer records every request it took";
    EXPECT_EQ(core.messages->get(outcome.message.id)->attempts, 3);
}

TEST_F(ResilientChatTest, SpendLimitIsNeverRetried) {
    const TurnOutcome outcome = sendAndWait(QStringLiteral("[[quota]]"));
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->code, ErrorCode::ProviderQuotaExceeded);
    EXPECT_EQ(chatRequests(), 1);
}

TEST_F(ResilientChatTest, AStreamCutAfterTextIsKeptAndNotRetried) {
    const TurnOutcome outcome = sendAndWait(QStringLiteral("[[cut]] and the rest"));
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->code, ErrorCode::StreamInterrupted);
    EXPECT_EQ(outcome.message.state, MessageState::Incomplete);
    EXPECT_EQ(outcome.message.content, QStringLiteral("Echo: [[cut]] "));
    EXPECT_EQ(chatRequests(), 1);
}

TEST_F(ResilientChatTest, FallbackAnswersWhenTheFirstFailsBeforeOutputAndIsRecorded) {
    ProviderConfig backup;
    backup.name = QStringLiteral("local");
    backup.kind = ProviderKind::Ollama;
    backup.baseUrl = server.rootUrl();
    backup.defaultModel = QStringLiteral("llama-test");
    ASSERT_TRUE(core.providers->add(backup));
    SendOptions options;
    options.fallbackProvider = QStringLiteral("local");
    server.enqueue("/v1/messages",
                   Tessera::Testing::FakeResponse::json(
                       401, R"({"type":"error","error":{"type":"authentication_error","message":"x"}})"));
    const TurnOutcome outcome = sendAndWait(QStringLiteral("please"), options);
    ASSERT_FALSE(outcome.error) << outcome.error->toLogString().toStdString();
    EXPECT_TRUE(outcome.message.viaFallback);
    EXPECT_EQ(outcome.message.providerName, QStringLiteral("local"));
    EXPECT_EQ(outcome.message.model, QStringLiteral("llama-test"));
    auto stored = core.messages->get(outcome.message.id);
    EXPECT_TRUE(stored->viaFallback);
    EXPECT_EQ(stored->providerName, QStringLiteral("local"));
    auto conversation = core.conversations->get(outcome.message.conversationId);
    ASSERT_TRUE(conversation->fallbackProviderId.has_value()) << "the fallback is remembered by the conversation";
    EXPECT_EQ(core.metrics.total(MetricNames::fallbacks), 1);
}

TEST_F(ResilientChatTest, AnOpenBreakerFailsFastNamingTheProvider) {
    core.resilience->forceOpen(QStringLiteral("claude"), true);
    const TurnOutcome outcome = sendAndWait(QStringLiteral("anyone there?"));
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->code, ErrorCode::CircuitOpen);
    EXPECT_TRUE(outcome.error->detail.contains(QStringLiteral("claude/claude-test")));
    EXPECT_EQ(outcome.error->subject, QStringLiteral("claude/claude-test")) << "the user is told which one";
    EXPECT_TRUE(outcome.error->retryAfterMs.has_value() || outcome.error->detail.contains(QStringLiteral("forced")));
    EXPECT_EQ(chatRequests(), 0) << "nothing reached the network";
    core.resilience->forceOpen(QStringLiteral("claude"), false);
    EXPECT_FALSE(sendAndWait(QStringLiteral("now?")).error);
}

TEST_F(ResilientChatTest, RepeatedFailuresOpenTheBreaker) {
    ProviderConfig config = primary;
    config.resilience.retry.maxRetries = 0;
    config.resilience.breaker.minimumCalls = 2;
    config.resilience.breaker.windowSize = 2;
    ASSERT_TRUE(core.providers->update(config));
    sendAndWait(QStringLiteral("[[500]] one"));
    sendAndWait(QStringLiteral("[[500]] two"));
    const TurnOutcome third = sendAndWait(QStringLiteral("three"));
    ASSERT_TRUE(third.error);
    EXPECT_EQ(third.error->code, ErrorCode::CircuitOpen);
    EXPECT_EQ(chatRequests(), 2);
    EXPECT_EQ(core.metrics.total(MetricNames::breakerTransitions), 1);
}

TEST_F(ResilientChatTest, ClientSideRateLimitRefusesBeyondTheWaitItAccepts) {
    ProviderConfig config = primary;
    config.resilience.rateLimit.requestsPerMinute = 1;
    config.resilience.rateLimit.maxWaitMs = 100;
    ASSERT_TRUE(core.providers->update(config));
    EXPECT_FALSE(sendAndWait(QStringLiteral("first")).error);
    const TurnOutcome second = sendAndWait(QStringLiteral("second"));
    ASSERT_TRUE(second.error);
    EXPECT_EQ(second.error->code, ErrorCode::LocalRateLimited);
    EXPECT_GT(second.error->retryAfterMs.value_or(0), 50'000);
    EXPECT_EQ(chatRequests(), 1);
}

TEST_F(ResilientChatTest, ProviderRateLimitHeadersAreKept) {
    ASSERT_FALSE(sendAndWait(QStringLiteral("hello")).error);
    const auto view = core.resilience->provider(QStringLiteral("claude"));
    EXPECT_EQ(view.rateLimits.remainingRequests, 59);
    EXPECT_EQ(view.rateLimits.resetTokensMs, 360'000);
    EXPECT_TRUE(view.lastSuccessAt.isValid());
}

class ResponseCacheTest : public ResilientChatTest {
protected:
    void SetUp() override {
        ResilientChatTest::SetUp();
        CacheSettings settings;
        settings.interactive = true;
        settings.ttlSeconds = 60;
        ASSERT_TRUE(settings.save(*core.settings));
    }
};

TEST_F(ResponseCacheTest, ASecondIdenticalRequestIsAHitThatCostsNoTokens) {
    const TurnOutcome first = sendAndWait(QStringLiteral("cache me"));
    ASSERT_FALSE(first.error);
    EXPECT_FALSE(first.message.cacheHit);
    EXPECT_GT(first.message.usage->inputTokens, 0);
    const TurnOutcome second = sendAndWait(QStringLiteral("cache me"));
    ASSERT_FALSE(second.error);
    EXPECT_TRUE(second.message.cacheHit);
    EXPECT_EQ(second.message.content, first.message.content);
    EXPECT_EQ(second.message.usage->totalTokens(), 0);
    EXPECT_FALSE(second.message.usage->estimated);
    EXPECT_EQ(chatRequests(), 1);
    EXPECT_EQ(core.metrics.total(MetricNames::cacheHits), 1);
    EXPECT_TRUE(core.messages->get(second.message.id)->cacheHit);
}

TEST_F(ResponseCacheTest, RefreshBypassesTheCacheAndNoStoreLeavesNoEntry) {
    sendAndWait(QStringLiteral("fresh"));
    SendOptions refresh;
    refresh.cache = CacheMode::Refresh;
    EXPECT_FALSE(sendAndWait(QStringLiteral("fresh"), refresh).message.cacheHit);
    EXPECT_EQ(chatRequests(), 2);
    SendOptions noStore;
    noStore.cache = CacheMode::NoStore;
    sendAndWait(QStringLiteral("private"), noStore);
    EXPECT_EQ(core.cache->stats()->entries, 1) << "only the first prompt is cached";
}

TEST_F(ResponseCacheTest, ErrorsAndPartialAnswersAreNeverCached) {
    sendAndWait(QStringLiteral("[[cut]] partial"));
    sendAndWait(QStringLiteral("[[404]] missing"));
    EXPECT_EQ(core.cache->stats()->entries, 0);
}

TEST_F(ResponseCacheTest, EntriesExpireAndCanBeInvalidated) {
    Tessera::Testing::FakeClock clock;
    ResponseCache cache(*core.db, clock);
    ChatRequest request;
    request.model = QStringLiteral("m");
    request.messages.push_back({Role::User, QStringLiteral("q"), {}});
    ChatAnswer answer;
    answer.text = QStringLiteral("a");
    const QString key = ResponseCache::keyFor(primary, request);
    ASSERT_TRUE(cache.store(key, QStringLiteral("claude"), QStringLiteral("m"), answer, 60));
    EXPECT_TRUE(cache.lookup(key)->has_value());
    clock.advance(61'000);
    EXPECT_FALSE(cache.lookup(key)->has_value()) << "expired after its TTL";
    EXPECT_EQ(*cache.purgeExpired(), 1);

    ASSERT_TRUE(cache.store(key, QStringLiteral("claude"), QStringLiteral("m"), answer, 60));
    EXPECT_EQ(*cache.invalidate(QStringLiteral("other")), 0);
    EXPECT_EQ(*cache.invalidate(QStringLiteral("claude"), QStringLiteral("other-model")), 0);
    EXPECT_EQ(*cache.invalidate(QStringLiteral("CLAUDE"), QStringLiteral("m")), 1);
    EXPECT_FALSE(cache.lookup(key)->has_value());
    ASSERT_TRUE(cache.store(key, QStringLiteral("claude"), QStringLiteral("m"), answer, 60));
    EXPECT_EQ(*cache.invalidate(), 1) << "everything";
}

TEST_F(ResponseCacheTest, TheKeyChangesWithEverythingThatChangesTheAnswer) {
    ChatRequest request;
    request.model = QStringLiteral("m");
    request.messages.push_back({Role::User, QStringLiteral("q"), {}});
    const QString base = ResponseCache::keyFor(primary, request);
    ChatRequest other = request;
    other.temperature = 0.1;
    EXPECT_NE(ResponseCache::keyFor(primary, other), base);
    other = request;
    other.systemPrompt = QStringLiteral("s");
    EXPECT_NE(ResponseCache::keyFor(primary, other), base);
    other = request;
    other.correlationId = QStringLiteral("different");
    EXPECT_EQ(ResponseCache::keyFor(primary, other), base) << "ids do not change the answer";
}
