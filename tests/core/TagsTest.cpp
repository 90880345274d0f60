// Tags: names are cleaned and compared without case, a conversation keeps any number of them, a tag lives as long
// as a conversation uses it, and the list can be narrowed to one tag.
#include "storage/TagRepository.h"
#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include <QSqlQuery>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

qint64 conversation(CoreFixture& core, const QString& title) {
    return core.conversations->create(title, std::nullopt, QStringLiteral("m"))->id;
}

QStringList titles(const std::vector<Conversation>& conversations) {
    QStringList result;
    for (const Conversation& c : conversations) {
        result << c.title;
    }
    return result;
}

int storedTags(CoreFixture& core) {
    auto query = core.db->exec(QStringLiteral("SELECT COUNT(*) FROM tags"));
    query->next();
    return query->value(0).toInt();
}

} // namespace

TEST(TagsTest, NamesAreCleanedAndBadOnesRefusedWithTheReason) {
    EXPECT_EQ(TagRepository::clean(QStringLiteral("  #work  in\tprogress ")).value_or(QString()),
              QStringLiteral("work in progress"));
    EXPECT_EQ(TagRepository::clean(QStringLiteral("Ünïcode 日本")).value_or(QString()), QStringLiteral("Ünïcode 日本"));
    for (const QString& bad :
         {QString(), QStringLiteral("   "), QStringLiteral("##"), QStringLiteral("a,b"),
          QString(TagRepository::maxNameLength + 1, QLatin1Char('x')), QStringLiteral("zero\u200bwidth")}) {
        auto cleaned = TagRepository::clean(bad);
        ASSERT_FALSE(cleaned) << bad.toStdString();
        EXPECT_EQ(cleaned.error().code, ErrorCode::InvalidArgument);
        EXPECT_FALSE(cleaned.error().detail.isEmpty());
    }
    EXPECT_TRUE(TagRepository::clean(QString(TagRepository::maxNameLength, QLatin1Char('x'))));
}

TEST(TagsTest, ConversationsKeepTheirTagsWithoutCaseDuplicates) {
    CoreFixture core;
    TagRepository tags(*core.db);
    const qint64 a = conversation(core, QStringLiteral("A"));
    const qint64 b = conversation(core, QStringLiteral("B"));
    ASSERT_TRUE(tags.setTags(a, {QStringLiteral("Work"), QStringLiteral("ideas"), QStringLiteral("work")}));
    EXPECT_EQ(*tags.tagsOf(a), QStringList({QStringLiteral("ideas"), QStringLiteral("Work")}));
    ASSERT_TRUE(tags.addTags(b, {QStringLiteral("WORK")}));
    EXPECT_EQ(*tags.tagsOf(b), QStringList({QStringLiteral("Work")})) << "an existing tag keeps its spelling";
    EXPECT_EQ(core.conversations->get(a)->tags, QStringList({QStringLiteral("ideas"), QStringLiteral("Work")}));

    const auto uses = *tags.list();
    ASSERT_EQ(uses.size(), 2U);
    EXPECT_EQ(uses[0].name, QStringLiteral("ideas"));
    EXPECT_EQ(uses[0].conversations, 1);
    EXPECT_EQ(uses[1].name, QStringLiteral("Work"));
    EXPECT_EQ(uses[1].conversations, 2);

    ASSERT_TRUE(tags.removeTags(a, {QStringLiteral("#IDEAS")}));
    EXPECT_EQ(*tags.tagsOf(a), QStringList({QStringLiteral("Work")}));
    EXPECT_EQ(storedTags(core), 1) << "a tag nobody uses is gone";

    QStringList tooMany;
    for (int i = 0; i <= TagRepository::maxTagsPerConversation; ++i) {
        tooMany << QStringLiteral("t%1").arg(i);
    }
    EXPECT_EQ(tags.setTags(a, tooMany).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(tags.setTags(a, {QStringLiteral("ok"), QStringLiteral("a,b")}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(*tags.tagsOf(a), QStringList({QStringLiteral("Work")})) << "a refused change changes nothing";
    EXPECT_EQ(tags.setTags(9999, {QStringLiteral("x")}).error().code, ErrorCode::NotFound);
    EXPECT_EQ(storedTags(core), 1);
}

TEST(TagsTest, TheListNarrowsToATagAndDeletedConversationsTakeTheirTagsAlong) {
    CoreFixture core;
    TagRepository tags(*core.db);
    const qint64 a = conversation(core, QStringLiteral("A"));
    const qint64 b = conversation(core, QStringLiteral("B"));
    conversation(core, QStringLiteral("C"));
    ASSERT_TRUE(tags.setTags(a, {QStringLiteral("work")}));
    ASSERT_TRUE(tags.setTags(b, {QStringLiteral("work"), QStringLiteral("home")}));
    EXPECT_EQ(titles(*core.conversations->list(ListScope::Active, QStringLiteral("WORK"))),
              QStringList({QStringLiteral("B"), QStringLiteral("A")}));
    EXPECT_EQ(titles(*core.conversations->list(ListScope::Active, QStringLiteral("home"))),
              QStringList({QStringLiteral("B")}));
    EXPECT_EQ(core.conversations->list()->size(), 3U);
    ASSERT_TRUE(core.conversations->setArchived(a, true));
    EXPECT_EQ(titles(*core.conversations->list(ListScope::Archived, QStringLiteral("work"))),
              QStringList({QStringLiteral("A")}));
    // Counted within a scope: work is on one conversation in use and one archived; home only in use.
    const auto counts = [&](ListScope scope) {
        QStringList result;
        const auto uses = tags.list(scope);
        for (const TagUse& use : *uses) {
            result << QStringLiteral("%1=%2").arg(use.name).arg(use.conversations);
        }
        return result;
    };
    EXPECT_EQ(counts(ListScope::All), QStringList({QStringLiteral("home=1"), QStringLiteral("work=2")}));
    EXPECT_EQ(counts(ListScope::Active), QStringList({QStringLiteral("home=1"), QStringLiteral("work=1")}));
    EXPECT_EQ(counts(ListScope::Archived), QStringList({QStringLiteral("work=1")}));

    ASSERT_TRUE(core.conversations->moveToTrash(b));
    EXPECT_EQ(tags.list()->size(), 1U) << "a tag only the trash uses is not offered";
    ASSERT_TRUE(core.conversations->restoreFromTrash(b));
    EXPECT_EQ(tags.list()->size(), 2U) << "undoing the deletion brings its tags back";
    ASSERT_TRUE(core.conversations->moveToTrash(b));
    ASSERT_TRUE(core.conversations->emptyTrash());
    EXPECT_EQ(storedTags(core), 1) << "home went with its last conversation";
    ASSERT_TRUE(core.conversations->remove(a));
    EXPECT_EQ(storedTags(core), 0);
}

TEST(TagsTest, RenamingATagReachesEveryConversationAndMergesIntoAnExistingOne) {
    CoreFixture core;
    TagRepository tags(*core.db);
    const qint64 a = conversation(core, QStringLiteral("A"));
    const qint64 b = conversation(core, QStringLiteral("B"));
    ASSERT_TRUE(tags.setTags(a, {QStringLiteral("draft"), QStringLiteral("ideas")}));
    ASSERT_TRUE(tags.setTags(b, {QStringLiteral("Drafts")}));
    ASSERT_TRUE(tags.rename(QStringLiteral("ideas"), QStringLiteral("Ideas")));
    EXPECT_EQ(*tags.tagsOf(a), QStringList({QStringLiteral("draft"), QStringLiteral("Ideas")}));
    ASSERT_TRUE(tags.rename(QStringLiteral("drafts"), QStringLiteral("draft")));
    EXPECT_EQ(*tags.tagsOf(b), QStringList({QStringLiteral("draft")}));
    ASSERT_EQ(tags.list()->size(), 2U);
    EXPECT_EQ(tags.list()->at(0).conversations, 2) << "merged";
    EXPECT_EQ(tags.rename(QStringLiteral("missing"), QStringLiteral("x")).error().code, ErrorCode::NotFound);
    EXPECT_EQ(tags.rename(QStringLiteral("draft"), QStringLiteral("a,b")).error().code, ErrorCode::InvalidArgument);

    auto removed = tags.remove(QStringLiteral("DRAFT"));
    ASSERT_TRUE(removed);
    EXPECT_EQ(*removed, 2);
    EXPECT_EQ(*tags.tagsOf(a), QStringList({QStringLiteral("Ideas")}));
    EXPECT_TRUE(tags.tagsOf(b)->isEmpty());
    EXPECT_EQ(tags.remove(QStringLiteral("draft")).error().code, ErrorCode::NotFound);
}

TEST(TagsTest, ANewConversationStartsWithTheTagsItWasSentWith) {
    CoreFixture core;
    FakeProviderServer server;
    ASSERT_TRUE(server.listen());
    core.addProvider(QStringLiteral("fake"), server.baseUrl());
    int finished = 0;
    QObject::connect(core.chat.get(), &ChatService::turnFinished, [&finished](const TurnOutcome&) { ++finished; });
    SendOptions options;
    options.tags = {QStringLiteral("research")};
    auto started = core.chat->send(core.actor, QStringLiteral("hello"), options);
    ASSERT_TRUE(started);
    EXPECT_EQ(core.conversations->get(started->conversationId)->tags, QStringList({QStringLiteral("research")}));
    ASSERT_TRUE(waitUntil([&] { return finished == 1; }));

    SendOptions bad;
    bad.tags = {QStringLiteral("no,commas")};
    auto refused = core.chat->send(core.actor, QStringLiteral("second"), bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(core.conversations->list()->size(), 1U) << "nothing was stored for the refused message";
}
