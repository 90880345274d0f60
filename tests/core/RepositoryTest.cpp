#include "common/Clock.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"

#include "support/FakeClock.h"
#include "support/QtPrinters.h"
#include "support/TestStore.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tessera::Core;

class RepositoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        db = store.open();
        ASSERT_TRUE(db);
        providers = std::make_unique<ProviderRepository>(*db, clock);
        conversations = std::make_unique<ConversationRepository>(*db, clock);
        messages = std::make_unique<MessageRepository>(*db, clock);
    }

    ProviderConfig config(const QString& name) {
        ProviderConfig c;
        c.name = name;
        c.kind = ProviderKind::OpenAiCompatible;
        c.baseUrl = QStringLiteral("http://localhost:1234/v1");
        c.defaultModel = QStringLiteral("qwen");
        c.keySource = KeySource::Environment;
        c.keyEnvVar = QStringLiteral("LOCAL_KEY");
        return c;
    }

    Tessera::Testing::TestStore store;
    Tessera::Testing::FakeClock clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<ProviderRepository> providers;
    std::unique_ptr<ConversationRepository> conversations;
    std::unique_ptr<MessageRepository> messages;
};

TEST_F(RepositoryTest, ProvidersRoundTripAndNamesAreUnique) {
    auto added = providers->add(config(QStringLiteral("local")));
    ASSERT_TRUE(added) << added.error().toLogString().toStdString();
    EXPECT_GT(added->id, 0);
    auto found = providers->findByName(QStringLiteral("local"));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->baseUrl, QStringLiteral("http://localhost:1234/v1"));
    EXPECT_EQ(found->keySource, KeySource::Environment);
    EXPECT_EQ(found->keyEnvVar, QStringLiteral("LOCAL_KEY"));

    auto duplicate = providers->add(config(QStringLiteral("LOCAL")));
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, ErrorCode::AlreadyExists);

    ASSERT_TRUE(providers->remove(added->id));
    EXPECT_EQ(providers->findByName(QStringLiteral("local")).error().code, ErrorCode::NotFound);
    EXPECT_EQ(providers->remove(added->id).error().code, ErrorCode::NotFound);
}

TEST_F(RepositoryTest, ProviderValidationRejectsBadInputWithoutStoringIt) {
    ProviderConfig badName = config(QStringLiteral("has space"));
    EXPECT_EQ(providers->add(badName).error().code, ErrorCode::InvalidArgument);
    ProviderConfig badUrl = config(QStringLiteral("x"));
    badUrl.baseUrl = QStringLiteral("ftp://example.com");
    EXPECT_EQ(providers->add(badUrl).error().code, ErrorCode::InvalidArgument);
    ProviderConfig badEnv = config(QStringLiteral("y"));
    badEnv.keyEnvVar = QStringLiteral("1NOPE");
    EXPECT_EQ(providers->add(badEnv).error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(providers->list()->empty());
}

TEST_F(RepositoryTest, ConversationsListNewestFirstWithCountsAndRename) {
    auto first = conversations->create(QStringLiteral("first"), std::nullopt, QStringLiteral("m"));
    auto second = conversations->create(QStringLiteral("  second \n title "), std::nullopt, QStringLiteral("m"));
    ASSERT_TRUE(first && second);
    EXPECT_EQ(second->title, QStringLiteral("second title"));
    Message m;
    m.conversationId = first->id;
    m.content = QStringLiteral("hi");
    ASSERT_TRUE(messages->add(m));
    clock.advance(1000);
    ASSERT_TRUE(conversations->rename(first->id, QStringLiteral("renamed")));
    auto list = conversations->list();
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ(list->at(0).title, QStringLiteral("renamed")); // touched last
    EXPECT_EQ(list->at(0).messageCount, 1);
    EXPECT_EQ(conversations->rename(first->id, QStringLiteral("   ")).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(conversations->rename(9999, QStringLiteral("x")).error().code, ErrorCode::NotFound);
}

TEST_F(RepositoryTest, DeletingAConversationDeletesItsMessages) {
    auto conversation = conversations->create(QStringLiteral("c"), std::nullopt, QString());
    Message m;
    m.conversationId = conversation->id;
    m.content = QStringLiteral("hello");
    auto added = messages->add(m);
    ASSERT_TRUE(added);
    ASSERT_TRUE(conversations->remove(conversation->id));
    EXPECT_EQ(messages->get(added->id).error().code, ErrorCode::NotFound);
}

TEST_F(RepositoryTest, RemovingAProviderKeepsItsConversations) {
    auto provider = providers->add(config(QStringLiteral("p")));
    auto conversation = conversations->create(QStringLiteral("c"), provider->id, QStringLiteral("m"));
    ASSERT_TRUE(providers->remove(provider->id));
    auto kept = conversations->get(conversation->id);
    ASSERT_TRUE(kept);
    EXPECT_FALSE(kept->providerId.has_value());
}

TEST_F(RepositoryTest, MessagesKeepEveryRecordedFact) {
    auto conversation = conversations->create(QStringLiteral("c"), std::nullopt, QString());
    Message m;
    m.conversationId = conversation->id;
    m.role = Role::Assistant;
    m.state = MessageState::Streaming;
    auto added = messages->add(m);
    ASSERT_TRUE(added);
    ASSERT_TRUE(messages->updateContent(added->id, QStringLiteral("partial")));
    EXPECT_EQ(messages->get(added->id)->content, QStringLiteral("partial"));

    Message done = *added;
    done.content = QStringLiteral("final text");
    done.state = MessageState::Complete;
    done.model = QStringLiteral("gpt-test");
    done.finishReason = QStringLiteral("stop");
    done.usage = Usage{.inputTokens = 10, .cachedInputTokens = 4, .outputTokens = 7, .reasoningTokens = 2};
    done.ttftMs = 120;
    done.latencyMs = 900;
    done.correlationId = QStringLiteral("cid1");
    ASSERT_TRUE(messages->finish(done));
    auto stored = messages->get(added->id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->content, QStringLiteral("final text"));
    EXPECT_EQ(stored->state, MessageState::Complete);
    ASSERT_TRUE(stored->usage);
    EXPECT_EQ(stored->usage->inputTokens, 10);
    EXPECT_EQ(stored->usage->cachedInputTokens, 4);
    EXPECT_EQ(stored->usage->outputTokens, 7);
    EXPECT_EQ(stored->usage->reasoningTokens, 2);
    EXPECT_EQ(stored->ttftMs, 120);
    EXPECT_EQ(stored->latencyMs, 900);
    EXPECT_EQ(stored->finishReason, QStringLiteral("stop"));
}

TEST_F(RepositoryTest, ANulCharacterIsStoredAsAReplacementCharacterOnEitherEngine) {
    auto conversation = conversations->create(QStringLiteral("with\u0000nul"), std::nullopt, QStringLiteral("m"));
    ASSERT_TRUE(conversation) << conversation.error().toLogString().toStdString();
    Message message;
    message.conversationId = conversation->id;
    message.role = Role::User;
    message.content = QStringLiteral("before") + QChar(0) + QStringLiteral("after");
    auto added = messages->add(message);
    ASSERT_TRUE(added) << added.error().toLogString().toStdString();
    auto stored = messages->get(added->id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->content, QStringLiteral("before\uFFFDafter")) << "kept whole, the NUL marked";
    EXPECT_FALSE(conversations->get(conversation->id)->title.contains(QChar(0)));
}
