// Two members share one store: neither reaches the other's conversations, messages, drafts, tags, search hits,
// exports or cached answers through any core API, not even with ids guessed by number. Each refusal answers as an
// id nobody has (store.not_found), and changes nothing.
#include "app/SettingsService.h"
#include "chat/ConversationService.h"
#include "exchange/ConversationExchange.h"
#include "storage/DraftRepository.h"
#include "storage/SearchRepository.h"
#include "storage/TagRepository.h"

#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

class IsolationTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        provider = core.addProvider(QStringLiteral("fake"), server.baseUrl());
        QObject::connect(core.chat.get(), &ChatService::turnFinished,
                         [this](const TurnOutcome& outcome) { outcomes.push_back(outcome); });
        // Ada's conversation, with an answer, a tag and a draft.
        const TurnOutcome first = send(ada, QStringLiteral("ada's secret plan"));
        adaConversation = first.message.conversationId;
        adaAnswer = first.message.id;
        adaQuestion = *first.message.parentId;
        ASSERT_TRUE(service.setTags(ada, adaConversation, {QStringLiteral("private")}));
        ASSERT_TRUE(service.saveDraft(ada, adaConversation, QStringLiteral("ada's unsent words")));
        ASSERT_TRUE(service.saveDraft(ada, std::nullopt, QStringLiteral("ada's next idea")));
    }

    TurnOutcome send(const Actor& actor, const QString& prompt, SendOptions options = {}) {
        const size_t before = outcomes.size();
        auto started = core.chat->send(actor, prompt, options);
        EXPECT_TRUE(started) << (started ? "" : started.error().toLogString().toStdString());
        EXPECT_TRUE(waitUntil([&] { return outcomes.size() > before; }));
        return outcomes.empty() ? TurnOutcome{} : outcomes.back();
    }

    template <typename R> static void expectNotFound(const R& result, const char* what) {
        ASSERT_FALSE(result) << what << " reached another member's data";
        EXPECT_EQ(result.error().code, ErrorCode::NotFound) << what;
    }

    CoreFixture core;
    FakeProviderServer server;
    ProviderConfig provider;
    std::vector<TurnOutcome> outcomes;
    DraftRepository drafts{*core.db, core.clock};
    TagRepository tags{*core.db};
    SearchRepository search{*core.db};
    ConversationService service{{*core.db, *core.conversations, *core.messages, drafts, tags, search, *core.providers}};
    ConversationExchange exchange{*core.db, *core.conversations, *core.messages, *core.providers, core.clock};
    const Actor ada = Actor::withRole(2, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
    const Actor bob = Actor::withRole(3, QStringLiteral("bob"), BuiltInRole::Member, ClientKind::Test);
    qint64 adaConversation = 0;
    qint64 adaAnswer = 0;
    qint64 adaQuestion = 0;
};

} // namespace

TEST_F(IsolationTest, ListsSearchTagsAndDraftsShowOnlyOnesOwn) {
    EXPECT_EQ(service.list(ada)->size(), 1U);
    EXPECT_TRUE(service.list(bob)->empty());
    EXPECT_TRUE(service.list(bob, ListScope::All)->empty());
    EXPECT_TRUE(service.list(bob, ListScope::All, QStringLiteral("private"))->empty());
    EXPECT_TRUE(service.list(core.actor, ListScope::All)->empty()) << "not even the owner of the store sees it";
    EXPECT_EQ(service.search(ada, QStringLiteral("secret"))->size(), 2U) << "ada's question and its answer";
    EXPECT_TRUE(service.search(bob, QStringLiteral("secret"))->empty());
    SearchOptions sneaky;
    sneaky.ownerId = ada.userId; // a caller cannot widen the search: the actor decides
    EXPECT_TRUE(service.search(bob, QStringLiteral("secret"), sneaky)->empty());
    EXPECT_EQ(service.tags(ada)->size(), 1U);
    EXPECT_TRUE(service.tags(bob)->empty());
    EXPECT_EQ(*service.draft(bob, std::nullopt), QString());
    EXPECT_EQ(*service.draft(bob, adaConversation), QString());
    EXPECT_EQ(*service.draft(ada, adaConversation), QStringLiteral("ada's unsent words"));
}

TEST_F(IsolationTest, GuessedConversationAndMessageIdsAnswerAsIfNobodyHadThem) {
    expectNotFound(service.get(bob, adaConversation), "get");
    expectNotFound(service.settings(bob, adaConversation), "settings");
    expectNotFound(service.branch(bob, adaConversation), "branch");
    expectNotFound(service.tagsOf(bob, adaConversation), "tagsOf");
    expectNotFound(service.message(bob, adaAnswer), "message");
    expectNotFound(service.message(bob, adaQuestion), "message");
    expectNotFound(service.images(bob, adaQuestion), "images");
    expectNotFound(service.versions(bob, adaAnswer), "versions");
    expectNotFound(exchange.collect(bob, adaConversation), "export");
    EXPECT_TRUE(exchange.collectAll(bob)->empty()) << "export all";
    // The same answer as for an id that does not exist at all.
    EXPECT_EQ(
        service.get(bob, adaConversation).error().detail,
        service.get(bob, 999'999).error().detail.replace(QStringLiteral("999999"), QString::number(adaConversation)));
    EXPECT_TRUE(service.message(ada, adaAnswer)) << "its owner reads it";
}

TEST_F(IsolationTest, NobodyChangesAnotherMembersConversation) {
    expectNotFound(service.rename(bob, adaConversation, QStringLiteral("mine now")), "rename");
    expectNotFound(service.setPinned(bob, adaConversation, true), "pin");
    expectNotFound(service.setArchived(bob, adaConversation, true), "archive");
    expectNotFound(service.updateSettings(bob, adaConversation, {}), "settings");
    expectNotFound(service.setTags(bob, adaConversation, {QStringLiteral("bob")}), "setTags");
    expectNotFound(service.addTags(bob, adaConversation, {QStringLiteral("bob")}), "addTags");
    expectNotFound(service.removeTags(bob, adaConversation, {QStringLiteral("private")}), "removeTags");
    expectNotFound(service.saveDraft(bob, adaConversation, QStringLiteral("bob was here")), "saveDraft");
    expectNotFound(service.showVersion(bob, adaAnswer), "showVersion");
    expectNotFound(service.removeMessage(bob, adaAnswer), "removeMessage");
    expectNotFound(service.moveToTrash(bob, adaConversation), "trash");
    expectNotFound(service.remove(bob, adaConversation), "delete");
    EXPECT_EQ(service.renameTag(bob, QStringLiteral("private"), QStringLiteral("public")).error().code,
              ErrorCode::NotFound)
        << "bob has no tag of that name";
    EXPECT_EQ(service.deleteTag(bob, QStringLiteral("private")).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(service.moveToTrash(ada, adaConversation));
    expectNotFound(service.restoreFromTrash(bob, adaConversation), "restore");
    ASSERT_TRUE(service.restoreFromTrash(ada, adaConversation));

    auto kept = service.get(ada, adaConversation);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->title, QStringLiteral("ada's secret plan"));
    EXPECT_FALSE(kept->pinned);
    EXPECT_FALSE(kept->archived);
    EXPECT_EQ(kept->tags, QStringList{QStringLiteral("private")});
    EXPECT_EQ(kept->messageCount, 2);
    EXPECT_EQ(*service.draft(ada, adaConversation), QStringLiteral("ada's unsent words"));
}

TEST_F(IsolationTest, NobodyChatsIntoOrStopsAnotherMembersConversation) {
    SendOptions into;
    into.conversationId = adaConversation;
    auto intruded = core.chat->send(bob, QStringLiteral("bob's words"), into);
    ASSERT_FALSE(intruded);
    EXPECT_EQ(intruded.error().code, ErrorCode::NotFound);
    auto regenerated = core.chat->regenerate(bob, adaAnswer);
    ASSERT_FALSE(regenerated);
    EXPECT_EQ(regenerated.error().code, ErrorCode::NotFound);
    EXPECT_EQ(service.get(ada, adaConversation)->messageCount, 2) << "nothing was added";

    // A slow answer of ada's cannot be stopped by bob.
    into.conversationId = adaConversation;
    auto slow = core.chat->send(ada, QStringLiteral("[[slow]] keep going please"), into);
    ASSERT_TRUE(slow);
    EXPECT_FALSE(core.chat->stop(bob, slow->assistantMessageId));
    EXPECT_TRUE(core.chat->stop(ada, slow->assistantMessageId));
}

TEST_F(IsolationTest, TagsOfTheSameNameAreEachMembersOwn) {
    const TurnOutcome mine = send(bob, QStringLiteral("bob's notes"));
    ASSERT_TRUE(service.setTags(bob, mine.message.conversationId, {QStringLiteral("Private")}));
    ASSERT_TRUE(service.renameTag(bob, QStringLiteral("private"), QStringLiteral("bob-only")));
    EXPECT_EQ(service.tags(ada)->front().name, QStringLiteral("private")) << "ada's tag is untouched";
    EXPECT_EQ(service.tags(bob)->front().name, QStringLiteral("bob-only"));
    EXPECT_EQ(*service.deleteTag(bob, QStringLiteral("bob-only")), 1);
    EXPECT_EQ(service.tagsOf(ada, adaConversation)->size(), 1);
}

TEST_F(IsolationTest, OneMemberIsNeverServedAnotherMembersCachedAnswer) {
    CacheSettings on;
    on.interactive = true;
    ASSERT_TRUE(on.save(*core.settings));
    send(ada, QStringLiteral("ada's question for the cache"));
    const int before = int(server.requests().size());
    const TurnOutcome again = send(ada, QStringLiteral("ada's question for the cache"));
    ASSERT_FALSE(again.error);
    EXPECT_TRUE(again.message.cacheHit) << "ada's own repeat comes from the cache";
    EXPECT_EQ(int(server.requests().size()), before);
    const TurnOutcome bobs = send(bob, QStringLiteral("ada's question for the cache"));
    ASSERT_FALSE(bobs.error);
    EXPECT_FALSE(bobs.message.cacheHit) << "bob's identical question goes to the provider";
    EXPECT_EQ(int(server.requests().size()), before + 1);
}

TEST_F(IsolationTest, PersonalSettingsAreEachPersonsOwnAndTheCacheIsForWhoeverManagesProviders) {
    SettingsService settings{*core.settings, *core.cache};
    ASSERT_TRUE(settings.setValue(ada, QStringLiteral("ui.tag_filter"), QStringLiteral("private")));
    EXPECT_EQ(settings.value(ada, QStringLiteral("ui.tag_filter")), QStringLiteral("private"));
    EXPECT_TRUE(settings.value(bob, QStringLiteral("ui.tag_filter")).isEmpty()) << "bob never sees ada's";
    ASSERT_TRUE(settings.setValue(bob, QStringLiteral("accounts.mode"), QStringLiteral("personal")));
    EXPECT_TRUE(core.settings->value(QStringLiteral("accounts.mode")).isEmpty())
        << "a person's settings never reach the store's own";
    CacheSettings on;
    on.interactive = true;
    EXPECT_EQ(settings.setCacheSettings(bob, on).error().code, ErrorCode::AuthForbidden);
    EXPECT_FALSE(settings.cacheSettings(bob).interactive) << "unchanged";
    EXPECT_EQ(settings.cacheStats(bob).error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(settings.clearCache(bob).error().code, ErrorCode::AuthForbidden) << "nobody clears everyone's answers";
    EXPECT_EQ(settings.clearExpiredCache(bob).error().code, ErrorCode::AuthForbidden);
    const Actor admin = Actor::withRole(4, QStringLiteral("boss"), BuiltInRole::Administrator, ClientKind::Test);
    ASSERT_TRUE(settings.setCacheSettings(admin, on));
    EXPECT_TRUE(settings.cacheSettings(bob).interactive) << "the cache is the store's";
    EXPECT_TRUE(settings.cacheStats(admin));
}

TEST_F(IsolationTest, ImportsBelongToWhoeverImports) {
    auto portable = exchange.collect(ada, adaConversation);
    ASSERT_TRUE(portable);
    auto imported = exchange.import(bob, {*portable}, QStringLiteral("tessera"));
    ASSERT_TRUE(imported) << imported.error().toLogString().toStdString();
    ASSERT_EQ(service.list(bob, ListScope::All)->size(), 1U);
    EXPECT_EQ(service.list(bob, ListScope::All)->front().tags, QStringList{QStringLiteral("private")});
    EXPECT_EQ(service.list(ada, ListScope::All)->size(), 1U) << "ada's list is unchanged";
    EXPECT_EQ(service.tags(bob)->size(), 1U);
}
