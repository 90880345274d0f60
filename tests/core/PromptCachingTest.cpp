// Anthropic prompt caching, measured against the test server speaking Anthropic's protocol with its prompt cache
// simulated: a conversation long enough to be cached marks the system prompt and the stable prefix of the history
// with cache_control breakpoints, follow-up turns read that prefix at the cache-read rate, and the store's usage
// settings turn it off. The 20-turn figures printed here are the ones docs/usage-and-billing.md shows.
#include "audit/AuditLog.h"
#include "usage/ModelCatalog.h"
#include "usage/Pricing.h"
#include "usage/UsageLedger.h"

#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/QtPrinters.h"
#include "support/TestHelpers.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <iostream>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

// About 1,300 tokens of instructions, as a team's assistant might carry.
QString longSystemPrompt() {
    QString prompt = QStringLiteral("You are the support assistant of a company that sells garden tools.\n");
    for (int rule = 1; rule <= 40; ++rule) {
        prompt += QStringLiteral("Rule %1: answer in plain words, cite the manual's section for tool %1, and never "
                                 "promise a delivery date you cannot check.\n")
                      .arg(rule, 3, 10, QLatin1Char('0'));
    }
    return prompt;
}

// A question of about 150 tokens.
QString question(int turn) {
    QString text = QStringLiteral("Question %1: ").arg(turn);
    for (int i = 0; i < 12; ++i) {
        text += QStringLiteral("how do I sharpen and store model %1 for the winter? ").arg(turn * 100 + i);
    }
    return text;
}

int breakpointsIn(const QJsonObject& body) {
    int count = 0;
    const auto countIn = [&count](const QJsonValue& content) {
        for (const QJsonValue& block : content.toArray()) {
            count += block.toObject().contains(QLatin1StringView("cache_control")) ? 1 : 0;
        }
    };
    countIn(body.value(QLatin1StringView("system")));
    for (const QJsonValue& message : body.value(QLatin1StringView("messages")).toArray()) {
        countIn(message.toObject().value(QLatin1StringView("content")));
    }
    return count;
}

class PromptCachingTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        server.setPromptCacheSimulation(true);
        QObject::connect(core.chat.get(), &ChatService::turnFinished,
                         [this](const TurnOutcome& outcome) { outcomes.push_back(outcome); });
        ProviderConfig config;
        config.name = QStringLiteral("claude");
        config.kind = ProviderKind::Anthropic;
        config.baseUrl = server.baseUrl();
        config.defaultModel = QStringLiteral("claude-sonnet-4-6");
        ASSERT_TRUE(core.providers->add(config));
    }

    struct Conversation {
        std::vector<LedgerEntry> entries;
        qint64 costMicros = 0;
    };

    // A conversation of this many turns, each waiting for its answer; its ledger entries and total cost.
    Conversation converse(int turns, const QString& systemPrompt) {
        std::optional<qint64> conversationId;
        for (int turn = 1; turn <= turns; ++turn) {
            SendOptions options;
            options.providerName = QStringLiteral("claude");
            options.stream = turn % 2 == 0; // both forms of the answer carry the usage
            options.conversationId = conversationId;
            if (!conversationId) {
                options.systemPrompt = systemPrompt;
            }
            const size_t before = outcomes.size();
            auto started = core.chat->send(admin, question(turn), options);
            EXPECT_TRUE(started) << (started ? "" : started.error().toLogString().toStdString());
            if (!started) {
                return {};
            }
            conversationId = started->conversationId;
            EXPECT_TRUE(waitUntil([&] { return outcomes.size() > before; }));
            EXPECT_FALSE(outcomes.back().error);
        }
        Conversation result;
        auto entries = core.ledger->entriesOfConversation(admin, *conversationId);
        EXPECT_TRUE(entries);
        if (entries) {
            result.entries = *entries;
        }
        for (const LedgerEntry& entry : result.entries) {
            EXPECT_TRUE(entry.costMicros.has_value());
            result.costMicros += entry.costMicros.value_or(0);
        }
        return result;
    }

    CoreFixture core;
    FakeProviderServer server;
    std::vector<TurnOutcome> outcomes;
    const Actor admin = Actor::owner(ClientKind::Test);
};

} // namespace

TEST_F(PromptCachingTest, ALongConversationMarksItsStablePrefixAndFollowUpsReadItAtTheCachedRate) {
    const Conversation cached = converse(20, longSystemPrompt());
    ASSERT_EQ(cached.entries.size(), 20u);
    // Every request marked the system prompt, the question and the question before it: at most 3 of the 4
    // breakpoints Anthropic allows.
    ASSERT_EQ(server.requests().size(), 20);
    EXPECT_EQ(breakpointsIn(server.requests().front().json()), 2) << "system prompt and the first question";
    for (qsizetype i = 1; i < server.requests().size(); ++i) {
        EXPECT_EQ(breakpointsIn(server.requests()[i].json()), 3) << "request " << i + 1;
    }
    // The first turn writes the prefix; every later one reads the previous turn's and writes only what is new.
    EXPECT_EQ(cached.entries[0].cachedInputTokens, 0);
    EXPECT_GT(cached.entries[0].cacheWriteTokens, 1'024);
    for (size_t i = 1; i < cached.entries.size(); ++i) {
        const LedgerEntry& entry = cached.entries[i];
        EXPECT_EQ(entry.cachedInputTokens,
                  cached.entries[i - 1].cacheWriteTokens + cached.entries[i - 1].cachedInputTokens)
            << "turn " << i + 1 << " reads all the previous turn had cached";
        EXPECT_GT(entry.cacheWriteTokens, 0) << "turn " << i + 1;
        EXPECT_LT(entry.cacheWriteTokens, entry.cachedInputTokens) << "turn " << i + 1;
    }

    // The same conversation with prompt caching turned off, against a fresh cache.
    ASSERT_TRUE(core.ledger->setSettings(admin, {QString(), false}));
    server.setPromptCacheSimulation(true);
    const qsizetype sentBefore = server.requests().size();
    const Conversation plain = converse(20, longSystemPrompt());
    ASSERT_EQ(plain.entries.size(), 20u);
    for (qsizetype i = sentBefore; i < server.requests().size(); ++i) {
        EXPECT_EQ(breakpointsIn(server.requests()[i].json()), 0) << "request " << i + 1;
        EXPECT_TRUE(server.requests()[i].json().value(QLatin1StringView("system")).isString());
    }
    qint64 plainInput = 0;
    qint64 cachedInput = 0;
    for (size_t i = 0; i < 20; ++i) {
        EXPECT_EQ(plain.entries[i].cachedInputTokens, 0);
        EXPECT_EQ(plain.entries[i].cacheWriteTokens, 0);
        EXPECT_EQ(plain.entries[i].inputTokens, cached.entries[i].inputTokens)
            << "the same prompt either way, turn " << i + 1;
        plainInput += plain.entries[i].inputTokens;
        cachedInput += cached.entries[i].cachedInputTokens;
    }
    // claude-sonnet-4-6: $3 per million fresh, $3.75 written, $0.30 read, $15 out.
    EXPECT_LT(cached.costMicros * 2, plain.costMicros) << "caching at least halves this conversation's cost";
    std::cout << "[ figures  ] 20 turns on claude-sonnet-4-6, " << plainInput << " input tokens in all (" << cachedInput
              << " read from the cache): " << formatUsd(plain.costMicros).toStdString() << " without prompt caching, "
              << formatUsd(cached.costMicros).toStdString() << " with it ("
              << (100 * (plain.costMicros - cached.costMicros) / plain.costMicros) << " % less)\n";
}

TEST_F(PromptCachingTest, AShortConversationIsSentWithoutBreakpoints) {
    const Conversation shortOne = converse(2, QStringLiteral("Be brief."));
    ASSERT_EQ(shortOne.entries.size(), 2u);
    for (const auto& request : server.requests()) {
        EXPECT_EQ(breakpointsIn(request.json()), 0);
        EXPECT_TRUE(request.json().value(QLatin1StringView("system")).isString());
    }
    EXPECT_EQ(shortOne.entries[1].cachedInputTokens, 0);
    EXPECT_EQ(shortOne.entries[1].cacheWriteTokens, 0);
}

TEST_F(PromptCachingTest, TheSettingIsTheStoresChangedOnlyWithProvidersManageAndAudited) {
    EXPECT_TRUE(core.ledger->settings().promptCaching) << "on by default";
    const Actor member = Actor::withRole(2, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
    auto refused = core.ledger->setSettings(member, {QString(), false});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::AuthForbidden);
    EXPECT_TRUE(core.ledger->settings().promptCaching);

    auto bad = core.ledger->setSettings(admin, {QStringLiteral("Mars/Olympus_Mons"), true});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument);

    ASSERT_TRUE(core.ledger->setSettings(admin, {QStringLiteral("Europe/Berlin"), false}));
    EXPECT_EQ(core.ledger->settings(), (UsageSettings{QStringLiteral("Europe/Berlin"), false}));
    EXPECT_EQ(core.ledger->timeZone().id(), QByteArray("Europe/Berlin"));
    AuditFilter filter;
    filter.action = QStringLiteral("usage.settings");
    auto entries = core.audit->list(admin, filter);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 2u) << "the refusal and the change";
    bool sawChange = false;
    for (const auto& entry : *entries) {
        if (entry.outcome == QLatin1StringView("success")) {
            sawChange = true;
            EXPECT_TRUE(entry.detail.contains(QStringLiteral("Europe/Berlin"))) << entry.detail.toStdString();
            EXPECT_TRUE(entry.detail.contains(QStringLiteral("prompt caching off"))) << entry.detail.toStdString();
        }
    }
    EXPECT_TRUE(sawChange);
}
