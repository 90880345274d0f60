// Branches: editing a question or regenerating an answer keeps the earlier versions; the conversation shows one
// branch at a time, the request carries only that branch, and deleting a message keeps the rest connected.
#include "storage/Migrations.h"
#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include <QJsonArray>
#include <QSqlQuery>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

class BranchesTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        core.addProvider(QStringLiteral("fake"), server.baseUrl());
        QObject::connect(core.chat.get(), &ChatService::turnFinished,
                         [this](const TurnOutcome& outcome) { outcomes.push_back(outcome); });
    }

    TurnOutcome wait(const Result<TurnStart>& started) {
        EXPECT_TRUE(started) << (started ? "" : started.error().toLogString().toStdString());
        const size_t before = outcomes.size();
        EXPECT_TRUE(waitUntil([&] { return outcomes.size() > before; }));
        return outcomes.back();
    }

    TurnOutcome ask(const QString& prompt, std::optional<qint64> conversation = std::nullopt,
                    std::optional<qint64> editOf = std::nullopt) {
        SendOptions options;
        options.conversationId = conversation;
        options.editOf = editOf;
        return wait(core.chat->send(core.actor, prompt, options));
    }

    QStringList pathTexts(qint64 conversation) {
        QStringList texts;
        const auto path = core.messages->path(conversation);
        for (const Message& message : path.value_or(std::vector<Message>{})) {
            texts << message.content;
        }
        return texts;
    }

    // The texts of the messages the last request carried.
    QStringList sentTexts() {
        QStringList texts;
        const QJsonArray messages = server.requests().last().json().value(QLatin1StringView("messages")).toArray();
        for (const auto& value : messages) {
            texts << value.toObject().value(QLatin1StringView("content")).toString();
        }
        return texts;
    }

    CoreFixture core;
    FakeProviderServer server;
    std::vector<TurnOutcome> outcomes;
};

} // namespace

TEST_F(BranchesTest, MessagesFollowEachOtherAndTheConversationShowsItsBranch) {
    const TurnOutcome first = ask(QStringLiteral("one"));
    const qint64 conversation = first.message.conversationId;
    const TurnOutcome second = ask(QStringLiteral("two"), conversation);
    const auto path = *core.messages->path(conversation);
    ASSERT_EQ(path.size(), 4U);
    EXPECT_FALSE(path[0].parentId.has_value());
    for (std::size_t i = 1; i < path.size(); ++i) {
        EXPECT_EQ(path[i].parentId, path[i - 1].id);
        EXPECT_EQ(path[i].siblingCount, 1);
    }
    EXPECT_EQ(*core.messages->currentLeaf(conversation), second.message.id);
}

TEST_F(BranchesTest, RegeneratingKeepsTheOldAnswerAsAnotherVersion) {
    const TurnOutcome first = ask(QStringLiteral("question"));
    const qint64 conversation = first.message.conversationId;
    const TurnOutcome again = wait(core.chat->regenerate(core.actor, first.message.id));
    ASSERT_FALSE(again.error);
    EXPECT_NE(again.message.id, first.message.id);
    EXPECT_EQ(sentTexts(), QStringList{QStringLiteral("question")}) << "the old answer is not sent";
    const auto path = *core.messages->path(conversation);
    ASSERT_EQ(path.size(), 2U);
    EXPECT_EQ(path[1].id, again.message.id);
    EXPECT_EQ(path[1].siblingIndex, 1);
    EXPECT_EQ(path[1].siblingCount, 2);
    EXPECT_EQ(*core.messages->siblings(again.message.id), (std::vector<qint64>{first.message.id, again.message.id}));
    EXPECT_EQ(core.messages->listForConversation(conversation)->size(), 3U) << "both answers are kept";

    // Step back to the first version.
    ASSERT_TRUE(core.messages->setCurrentLeaf(conversation, *core.messages->newestLeafUnder(first.message.id)));
    EXPECT_EQ(core.messages->path(conversation)->back().id, first.message.id);
    EXPECT_EQ(core.messages->path(conversation)->back().siblingIndex, 0);
}

TEST_F(BranchesTest, EditingAQuestionStartsABranchAndTheOldOneStaysReachable) {
    const TurnOutcome first = ask(QStringLiteral("first"));
    const qint64 conversation = first.message.conversationId;
    const TurnOutcome second = ask(QStringLiteral("second"), conversation);
    const qint64 secondQuestion = *second.message.parentId;
    ask(QStringLiteral("third"), conversation);

    const TurnOutcome edited = ask(QStringLiteral("second, better"), conversation, secondQuestion);
    ASSERT_FALSE(edited.error);
    EXPECT_EQ(sentTexts(),
              (QStringList{QStringLiteral("first"), QStringLiteral("Echo: first"), QStringLiteral("second, better")}))
        << "the request carries the new branch only";
    EXPECT_EQ(pathTexts(conversation),
              (QStringList{QStringLiteral("first"), QStringLiteral("Echo: first"), QStringLiteral("second, better"),
                           QStringLiteral("Echo: second, better")}));
    const auto path = *core.messages->path(conversation);
    EXPECT_EQ(path[2].siblingIndex, 1);
    EXPECT_EQ(path[2].siblingCount, 2);

    // The old branch, with its later messages, is one step away.
    ASSERT_TRUE(core.messages->setCurrentLeaf(conversation, *core.messages->newestLeafUnder(secondQuestion)));
    EXPECT_EQ(pathTexts(conversation).last(), QStringLiteral("Echo: third"));
    // A follow-up continues the branch shown.
    ask(QStringLiteral("fourth"), conversation);
    EXPECT_EQ(sentTexts().size(), 7) << "first, answer, second, answer, third, answer, fourth";
}

TEST_F(BranchesTest, BadRegenerateAndEditRequestsAreRefused) {
    const TurnOutcome first = ask(QStringLiteral("question"));
    auto onQuestion = core.chat->regenerate(core.actor, *first.message.parentId);
    ASSERT_FALSE(onQuestion);
    EXPECT_EQ(onQuestion.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(core.chat->regenerate(core.actor, 999'999).error().code, ErrorCode::NotFound);
    SendOptions editAnswer;
    editAnswer.conversationId = first.message.conversationId;
    editAnswer.editOf = first.message.id;
    EXPECT_EQ(core.chat->send(core.actor, QStringLiteral("x"), editAnswer).error().code, ErrorCode::InvalidArgument)
        << "only questions are edited";
    const auto other = ask(QStringLiteral("elsewhere"));
    SendOptions elsewhere;
    elsewhere.conversationId = other.message.conversationId;
    elsewhere.editOf = *first.message.parentId;
    EXPECT_FALSE(core.chat->send(core.actor, QStringLiteral("x"), elsewhere)) << "not a message of that conversation";
    EXPECT_EQ(core.messages->listForConversation(first.message.conversationId)->size(), 2U) << "nothing stored";
}

TEST_F(BranchesTest, DeletingAMessageKeepsTheRestConnected) {
    const TurnOutcome first = ask(QStringLiteral("a"));
    const qint64 conversation = first.message.conversationId;
    const TurnOutcome second = ask(QStringLiteral("b"), conversation);
    ASSERT_TRUE(core.messages->remove(first.message.id)); // the first answer, in the middle
    EXPECT_EQ(pathTexts(conversation),
              (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("Echo: b")}));
    ASSERT_TRUE(core.messages->remove(second.message.id)); // the last one
    EXPECT_EQ(pathTexts(conversation), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    EXPECT_EQ(*core.messages->currentLeaf(conversation), *second.message.parentId);
    EXPECT_EQ(core.messages->remove(second.message.id).error().code, ErrorCode::NotFound);
}

TEST_F(BranchesTest, ConversationsFromBeforeBranchesBecomeOneBranchOnSqlite) {
    // What schema 4 does to existing rows: each message follows the one before it; the newest is shown.
    // Schema 4 upgraded SQLite stores; PostgreSQL stores begin at schema 9 (ctest runs this on SQLite only).
    ASSERT_FALSE(core.store.isPostgres()) << "a SQLite test";
    const TurnOutcome first = ask(QStringLiteral("old one"));
    const qint64 conversation = first.message.conversationId;
    ask(QStringLiteral("old two"), conversation);
    ASSERT_TRUE(core.db->exec(QStringLiteral("UPDATE messages SET parent_id = NULL")));
    ASSERT_TRUE(core.db->exec(QStringLiteral("UPDATE conversations SET current_leaf_id = NULL")));
    const Migration& branches = sqliteMigrations().at(3);
    ASSERT_EQ(branches.version, 4);
    for (const QString& statement : branches.statements) {
        if (statement.startsWith(QLatin1StringView("UPDATE"))) {
            ASSERT_TRUE(core.db->exec(statement));
        }
    }
    EXPECT_EQ(pathTexts(conversation), (QStringList{QStringLiteral("old one"), QStringLiteral("Echo: old one"),
                                                    QStringLiteral("old two"), QStringLiteral("Echo: old two")}));
}

TEST_F(BranchesTest, AConversationsTemperatureAndMaxTokensGoWithItsRequests) {
    const TurnOutcome first = ask(QStringLiteral("one"));
    const qint64 conversation = first.message.conversationId;
    const QJsonObject plain = server.requests().last().json();
    EXPECT_FALSE(plain.contains(QLatin1StringView("temperature"))) << "the provider's default unless set";
    ASSERT_TRUE(core.conversations->setGeneration(conversation, 0.3, 256));
    ask(QStringLiteral("two"), conversation);
    const QJsonObject tuned = server.requests().last().json();
    EXPECT_DOUBLE_EQ(tuned.value(QLatin1StringView("temperature")).toDouble(), 0.3);
    EXPECT_TRUE(tuned.contains(QLatin1StringView("max_tokens")) ||
                tuned.contains(QLatin1StringView("max_completion_tokens")));
    // A request may still say otherwise.
    SendOptions options;
    options.conversationId = conversation;
    options.temperature = 1.5;
    wait(core.chat->send(core.actor, QStringLiteral("three"), options));
    EXPECT_DOUBLE_EQ(server.requests().last().json().value(QLatin1StringView("temperature")).toDouble(), 1.5);

    EXPECT_EQ(core.conversations->setGeneration(conversation, 2.5, std::nullopt).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(core.conversations->setGeneration(conversation, std::nullopt, 0).error().code,
              ErrorCode::InvalidArgument);
    ASSERT_TRUE(core.conversations->setGeneration(conversation, std::nullopt, std::nullopt));
    EXPECT_FALSE(core.conversations->get(conversation)->temperature.has_value());
}
