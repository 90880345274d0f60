#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include <QJsonArray>
#include <QTest>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

class ChatServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        provider = core.addProvider(QStringLiteral("fake"), server.baseUrl());
        QObject::connect(core.chat.get(), &ChatService::turnFinished,
                         [this](const TurnOutcome& outcome) { outcomes.push_back(outcome); });
    }

    TurnOutcome sendAndWait(const QString& prompt, SendOptions options = {}) {
        const size_t before = outcomes.size();
        auto started = core.chat->send(core.actor, prompt, options);
        EXPECT_TRUE(started) << (started ? "" : started.error().toLogString().toStdString());
        EXPECT_TRUE(waitUntil([&] { return outcomes.size() > before; }));
        return outcomes.back();
    }

    CoreFixture core;
    FakeProviderServer server;
    ProviderConfig provider;
    std::vector<TurnOutcome> outcomes;
};

TEST_F(ChatServiceTest, NewConversationIsStoredAndAnswered) {
    const TurnOutcome outcome = sendAndWait(QStringLiteral("What is a tessera?"));
    ASSERT_FALSE(outcome.error) << outcome.error->toLogString().toStdString();
    EXPECT_EQ(outcome.message.content, QStringLiteral("Echo: What is a tessera?"));
    auto stored = core.messages->listForConversation(outcome.message.conversationId);
    ASSERT_EQ(stored->size(), 2u);
    EXPECT_EQ(stored->at(0).role, Role::User);
    EXPECT_EQ(stored->at(0).content, QStringLiteral("What is a tessera?"));
    EXPECT_EQ(stored->at(1).state, MessageState::Complete);
    EXPECT_EQ(stored->at(1).content, QStringLiteral("Echo: What is a tessera?"));
    EXPECT_EQ(stored->at(1).usage->inputTokens, 12);
    EXPECT_EQ(stored->at(1).model, QStringLiteral("gpt-test"));
    EXPECT_EQ(stored->at(1).providerName, QStringLiteral("fake"));
    EXPECT_TRUE(stored->at(1).latencyMs.has_value());
    EXPECT_EQ(core.conversations->get(outcome.message.conversationId)->title, QStringLiteral("What is a tessera?"));
}

TEST_F(ChatServiceTest, UserMessageIsSavedBeforeTheRequestLeaves) {
    std::optional<size_t> storedWhenRequestArrived;
    QObject::connect(&server, &FakeProviderServer::requestReceived, [&](const auto&) {
        auto conversations = core.conversations->list();
        if (!conversations->empty()) {
            auto messages = core.messages->listForConversation(conversations->front().id);
            storedWhenRequestArrived = messages->size();
            EXPECT_EQ(messages->front().content, QStringLiteral("keep me"));
        }
    });
    sendAndWait(QStringLiteral("keep me"));
    ASSERT_TRUE(storedWhenRequestArrived.has_value());
    EXPECT_EQ(*storedWhenRequestArrived, 2u) << "the user's message and the answer placeholder";
}

TEST_F(ChatServiceTest, ContinuationSendsTheFullHistory) {
    const TurnOutcome first = sendAndWait(QStringLiteral("first question"));
    SendOptions options;
    options.conversationId = first.message.conversationId;
    options.systemPrompt = QStringLiteral("You are terse.");
    const TurnOutcome second = sendAndWait(QStringLiteral("second question"), options);
    ASSERT_FALSE(second.error);
    EXPECT_EQ(second.message.conversationId, first.message.conversationId);
    const QJsonArray messages = server.requests().last().json().value(QLatin1StringView("messages")).toArray();
    ASSERT_EQ(messages.size(), 4);
    EXPECT_EQ(messages[0].toObject().value(QLatin1StringView("content")).toString(), QStringLiteral("You are terse."));
    EXPECT_EQ(messages[1].toObject().value(QLatin1StringView("content")).toString(), QStringLiteral("first question"));
    EXPECT_EQ(messages[2].toObject().value(QLatin1StringView("role")).toString(), QStringLiteral("assistant"));
    EXPECT_EQ(messages[3].toObject().value(QLatin1StringView("content")).toString(), QStringLiteral("second question"));
    EXPECT_EQ(core.messages->listForConversation(first.message.conversationId)->size(), 4u);
}

TEST_F(ChatServiceTest, StoppedAnswerKeepsItsTextMarkedIncomplete) {
    std::optional<qint64> answerId;
    QObject::connect(core.chat.get(), &ChatService::deltaReceived, [&](qint64, qint64 messageId, const QString&) {
        if (!answerId) {
            answerId = messageId;
            core.chat->stop(core.actor, messageId);
        }
    });
    const TurnOutcome outcome = sendAndWait(QStringLiteral("[[slow]] tell me a long story please"));
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->code, ErrorCode::Cancelled);
    auto stored = core.messages->get(*answerId);
    EXPECT_EQ(stored->state, MessageState::Incomplete);
    EXPECT_FALSE(stored->content.isEmpty());
    EXPECT_EQ(stored->errorCode, QStringLiteral("request.cancelled"));
    EXPECT_FALSE(core.chat->isAnswering(outcome.message.conversationId));
}

TEST_F(ChatServiceTest, CutOffStreamKeepsThePartialAnswerAndTheNextTurnIncludesIt) {
    const TurnOutcome outcome = sendAndWait(QStringLiteral("[[cut]] more words here"));
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->code, ErrorCode::StreamInterrupted);
    EXPECT_EQ(outcome.message.state, MessageState::Incomplete);
    EXPECT_EQ(core.messages->get(outcome.message.id)->content, QStringLiteral("Echo: [[cut]] "));
    EXPECT_FALSE(outcome.error->correlationId.isEmpty());
}

TEST_F(ChatServiceTest, FailureBeforeAnyTextIsMarkedFailedAndLeftOutOfHistory) {
    const TurnOutcome failed = sendAndWait(QStringLiteral("[[500]]"));
    ASSERT_TRUE(failed.error);
    EXPECT_EQ(failed.message.state, MessageState::Failed);
    EXPECT_EQ(failed.message.errorCode, QStringLiteral("provider.unavailable"));
    SendOptions options;
    options.conversationId = failed.message.conversationId;
    sendAndWait(QStringLiteral("again"), options);
    const QJsonArray messages = server.requests().last().json().value(QLatin1StringView("messages")).toArray();
    ASSERT_EQ(messages.size(), 2) << "both user prompts, no empty failed answer";
}

TEST_F(ChatServiceTest, KeyFromEnvironmentIsSentAndMissingVariableIsAClearError) {
    ProviderConfig withEnv = provider;
    withEnv.keySource = KeySource::Environment;
    withEnv.keyEnvVar = QStringLiteral("TESSERA_TEST_CHAT_KEY");
    ASSERT_TRUE(core.providers->update(withEnv));
    qunsetenv("TESSERA_TEST_CHAT_KEY");
    const TurnOutcome missing = sendAndWait(QStringLiteral("hi"));
    ASSERT_TRUE(missing.error);
    EXPECT_EQ(missing.error->code, ErrorCode::ApiKeyMissing);
    EXPECT_EQ(server.requests().size(), 0) << "nothing is sent without a key";

    qputenv("TESSERA_TEST_CHAT_KEY", "env-key-0001");
    server.setApiKey(QStringLiteral("env-key-0001"));
    const TurnOutcome ok = sendAndWait(QStringLiteral("hi"));
    EXPECT_FALSE(ok.error);
    qunsetenv("TESSERA_TEST_CHAT_KEY");
}

TEST_F(ChatServiceTest, KeyFromTheSecretStore) {
    ProviderConfig withKeychain = provider;
    withKeychain.keySource = KeySource::Keychain;
    ASSERT_TRUE(core.providers->update(withKeychain));
    bool written = false;
    core.secrets.write(withKeychain.keychainKey(), QStringLiteral("kc-key-0002"), [&](Status s) { written = bool(s); });
    ASSERT_TRUE(waitUntil([&] { return written; }));
    server.setApiKey(QStringLiteral("kc-key-0002"));
    const TurnOutcome ok = sendAndWait(QStringLiteral("hi"));
    EXPECT_FALSE(ok.error);

    core.secrets.setAvailable(false);
    const TurnOutcome unavailable = sendAndWait(QStringLiteral("hi"));
    ASSERT_TRUE(unavailable.error);
    EXPECT_EQ(unavailable.error->code, ErrorCode::SecretStoreUnavailable);
}

TEST_F(ChatServiceTest, InvalidInputIsRejectedBeforeAnythingIsStored) {
    EXPECT_EQ(core.chat->send(core.actor, QStringLiteral("   "), {}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(
        core.chat->send(core.actor, QString(ChatService::maxPromptCharacters + 1, QLatin1Char('x')), {}).error().code,
        ErrorCode::InvalidArgument);
    SendOptions missing;
    missing.conversationId = 424242;
    EXPECT_EQ(core.chat->send(core.actor, QStringLiteral("hi"), missing).error().code, ErrorCode::NotFound);
    SendOptions unknownProvider;
    unknownProvider.providerName = QStringLiteral("nope");
    EXPECT_EQ(core.chat->send(core.actor, QStringLiteral("hi"), unknownProvider).error().code, ErrorCode::NotFound);
    EXPECT_TRUE(core.conversations->list()->empty());
}

TEST_F(ChatServiceTest, ModelCanBeChosenPerTurnAndIsRemembered) {
    SendOptions options;
    options.model = QStringLiteral("gpt-test-mini");
    const TurnOutcome outcome = sendAndWait(QStringLiteral("hi"), options);
    EXPECT_EQ(server.requests().last().json().value(QLatin1StringView("model")).toString(),
              QStringLiteral("gpt-test-mini"));
    EXPECT_EQ(core.conversations->get(outcome.message.conversationId)->model, QStringLiteral("gpt-test-mini"));
}

TEST_F(ChatServiceTest, NoSignalAboutATurnIsEmittedBeforeSendReturns) {
    ProviderConfig withEnv = provider;
    withEnv.keySource = KeySource::Environment;
    withEnv.keyEnvVar = QStringLiteral("TESSERA_TEST_NEVER_SET");
    ASSERT_TRUE(core.providers->update(withEnv));
    qunsetenv("TESSERA_TEST_NEVER_SET");
    const size_t before = outcomes.size();
    auto started = core.chat->send(core.actor, QStringLiteral("hi"), {});
    ASSERT_TRUE(started);
    EXPECT_EQ(outcomes.size(), before) << "the key fails synchronously, but the turn ends from the event loop";
    EXPECT_TRUE(core.chat->isAnswering(started->conversationId));
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() > before; }));
    EXPECT_EQ(outcomes.back().error->code, ErrorCode::ApiKeyMissing);
    EXPECT_EQ(outcomes.back().message.id, started->assistantMessageId);
}

TEST_F(ChatServiceTest, StopBeforeTheRequestLeavesEndsTheTurnAtOnceAndSendsNothing) {
    auto started = core.chat->send(core.actor, QStringLiteral("never sent"), {});
    ASSERT_TRUE(started);
    EXPECT_TRUE(core.chat->stop(core.actor, started->assistantMessageId));
    ASSERT_FALSE(outcomes.empty());
    EXPECT_EQ(outcomes.back().error->code, ErrorCode::Cancelled);
    EXPECT_EQ(outcomes.back().message.state, MessageState::Failed);
    QTest::qWait(100);
    EXPECT_TRUE(server.requests().isEmpty());
    EXPECT_FALSE(core.chat->stop(core.actor, started->assistantMessageId)) << "nothing left to stop";
}
