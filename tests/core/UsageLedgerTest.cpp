// The usage ledger: every answer writes one entry with its rollup in the transaction that finishes it; a stream cut
// before the usage gets a tokenizer estimate that says so; totals come from the rollups, grouped any way; members
// see only their own; deleting a conversation keeps its entries; a rebuild after a time zone change moves days.
#include "usage/UsageLedger.h"
#include "chat/ConversationService.h"
#include "storage/DraftRepository.h"
#include "storage/SearchRepository.h"
#include "storage/TagRepository.h"

#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/QtPrinters.h"
#include "support/TestHelpers.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

class UsageLedgerTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        core.addProvider(QStringLiteral("fake"), server.baseUrl());
        QObject::connect(core.chat.get(), &ChatService::turnFinished,
                         [this](const TurnOutcome& outcome) { outcomes.push_back(outcome); });
    }

    TurnOutcome send(const Actor& actor, const QString& prompt) {
        const size_t before = outcomes.size();
        auto started = core.chat->send(actor, prompt, {});
        EXPECT_TRUE(started) << (started ? "" : started.error().toLogString().toStdString());
        EXPECT_TRUE(waitUntil([&] { return outcomes.size() > before; }));
        return outcomes.empty() ? TurnOutcome{} : outcomes.back();
    }

    qint64 count(const QString& sql) {
        auto query = core.db->exec(sql);
        return query && query->next() ? query->value(0).toLongLong() : -1;
    }

    CoreFixture core;
    FakeProviderServer server;
    std::vector<TurnOutcome> outcomes;
    const Actor ada = Actor::withRole(2, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
    const Actor bob = Actor::withRole(3, QStringLiteral("bob"), BuiltInRole::Member, ClientKind::Test);
};

} // namespace

TEST_F(UsageLedgerTest, EveryAnswerWritesOneEntryWithTheProvidersUsage) {
    const TurnOutcome answer = send(ada, QStringLiteral("hello there"));
    ASSERT_FALSE(answer.error);
    auto entries = core.ledger->entriesOfConversation(ada, answer.message.conversationId);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 1u);
    const LedgerEntry& entry = entries->front();
    EXPECT_EQ(entry.accountId, ada.userId);
    EXPECT_EQ(entry.provider, QStringLiteral("fake"));
    EXPECT_EQ(entry.model, QStringLiteral("gpt-test"));
    EXPECT_EQ(entry.feature, QStringLiteral("chat"));
    EXPECT_EQ(entry.messageId, answer.message.id);
    EXPECT_EQ(entry.outcome, QStringLiteral("complete"));
    EXPECT_EQ(entry.inputTokens, 12) << "as the provider reported";
    EXPECT_EQ(entry.cachedInputTokens, 4);
    EXPECT_EQ(entry.reasoningTokens, 2);
    EXPECT_GT(entry.outputTokens, 0);
    EXPECT_FALSE(entry.estimated);
    EXPECT_EQ(entry.costMicros, 0) << "an OpenAI-compatible server on this machine costs nothing";
    EXPECT_EQ(entry.price, QStringLiteral("$0.00 in, $0.00 out per 1M (local)"));
    EXPECT_EQ(entry.correlationId, answer.message.correlationId);
    EXPECT_EQ(entry.day, core.ledger->dayOf(entry.at));
    EXPECT_EQ(count(QStringLiteral("SELECT SUM(requests) FROM usage_daily")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT SUM(unpriced) FROM usage_daily")), 0);
}

TEST_F(UsageLedgerTest, AStreamCutBeforeTheUsageIsEstimatedWithTheTokenizerAndSaysSo) {
    const TurnOutcome cut = send(ada, QStringLiteral("[[cut]] tell me a long story please"));
    auto entries = core.ledger->entriesOfConversation(ada, cut.message.conversationId);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 1u);
    const LedgerEntry& entry = entries->front();
    EXPECT_NE(entry.outcome, QStringLiteral("complete"));
    if (!cut.message.content.isEmpty()) {
        EXPECT_TRUE(entry.estimated);
        EXPECT_GT(entry.inputTokens, 0) << "what was sent, counted";
        EXPECT_GT(entry.outputTokens, 0) << "what came back, counted";
    }
    const TurnOutcome refused = send(ada, QStringLiteral("[[401]] nothing comes back"));
    ASSERT_TRUE(refused.error);
    entries = core.ledger->entriesOfConversation(ada, refused.message.conversationId);
    ASSERT_EQ(entries->size(), 1u);
    EXPECT_EQ(entries->front().outcome, QStringLiteral("failed"));
    EXPECT_EQ(entries->front().costMicros, 0) << "a request that used nothing costs nothing";
}

TEST_F(UsageLedgerTest, ReportsGroupAnyWayAndMembersSeeOnlyTheirOwn) {
    send(ada, QStringLiteral("one"));
    send(ada, QStringLiteral("two"));
    send(bob, QStringLiteral("three"));
    const Actor admin = Actor::withRole(1, QStringLiteral("boss"), BuiltInRole::Administrator, ClientKind::Test);
    UsageQuery byUser;
    byUser.by = {UsageGrouping::User, UsageGrouping::Provider};
    auto all = core.ledger->report(admin, byUser);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u) << "ada and bob";
    qint64 requests = 0;
    for (const UsageRow& row : *all) {
        requests += row.requests;
        EXPECT_EQ(row.keys.size(), 2);
        EXPECT_EQ(row.keys.at(1), QStringLiteral("fake"));
    }
    EXPECT_EQ(requests, 3);
    auto own = core.ledger->report(ada, byUser);
    ASSERT_TRUE(own);
    ASSERT_EQ(own->size(), 1u) << "a member sees only their own";
    EXPECT_EQ(own->front().requests, 2);
    UsageQuery asked = byUser;
    asked.accountId = bob.userId;
    EXPECT_EQ(core.ledger->report(ada, asked)->front().requests, 2) << "even when asking for another's";
    UsageQuery total;
    auto sum = core.ledger->report(admin, total);
    ASSERT_EQ(sum->size(), 1u);
    EXPECT_EQ(sum->front().requests, 3);
    EXPECT_EQ(sum->front().inputTokens, 36);
    for (const UsageGrouping grouping : {UsageGrouping::Day, UsageGrouping::Week, UsageGrouping::Month}) {
        UsageQuery byTime;
        byTime.by = {grouping, UsageGrouping::Feature};
        auto rows = core.ledger->report(admin, byTime);
        ASSERT_TRUE(rows);
        ASSERT_EQ(rows->size(), 1u) << usageGroupingName(grouping).toStdString();
        EXPECT_EQ(rows->front().keys.at(1), QStringLiteral("chat"));
    }
    UsageQuery empty;
    empty.from = QDate(2000, 1, 1);
    empty.to = QDate(2000, 1, 2);
    EXPECT_TRUE(core.ledger->report(admin, empty)->empty()) << "no usage then";
}

TEST_F(UsageLedgerTest, DeletingAConversationKeepsItsEntries) {
    const TurnOutcome answer = send(ada, QStringLiteral("keep my accounting"));
    DraftRepository drafts{*core.db, core.clock};
    TagRepository tags{*core.db};
    SearchRepository search{*core.db};
    ConversationService service{{*core.db, *core.conversations, *core.messages, drafts, tags, search, *core.providers}};
    ASSERT_TRUE(service.remove(ada, answer.message.conversationId));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM usage_ledger")), 1) << "accounting outlives content";
    EXPECT_EQ(count(QStringLiteral("SELECT SUM(requests) FROM usage_daily")), 1);
}

TEST_F(UsageLedgerTest, ARebuildSumsTheLedgerAgainAndMovesDaysToANewTimeZone) {
    LedgerEntry late;
    late.at = QDateTime(QDate(2026, 3, 31), QTime(23, 30), QTimeZone::utc());
    late.accountId = ada.userId;
    late.provider = QStringLiteral("fake");
    late.model = QStringLiteral("gpt-test");
    late.feature = QStringLiteral("chat");
    late.inputTokens = 100;
    late.outputTokens = 50;
    late.costMicros = 1500;
    late.outcome = QStringLiteral("complete");
    ASSERT_TRUE(core.ledger->record(late));
    EXPECT_EQ(core.ledger->dayOf(late.at), QStringLiteral("2026-03-31"));
    const Actor admin = Actor::withRole(1, QStringLiteral("boss"), BuiltInRole::Administrator, ClientKind::Test);
    UsageQuery byMonth;
    byMonth.by = {UsageGrouping::Month};
    EXPECT_EQ(core.ledger->report(admin, byMonth)->front().keys.front(), QStringLiteral("2026-03"));
    // Berlin is two hours ahead in summer time: 23:30 UTC on 31 March is 1 April there.
    ASSERT_TRUE(core.settings->setValue(UsageLedger::timeZoneKey, QStringLiteral("Europe/Berlin")));
    EXPECT_EQ(core.ledger->dayOf(late.at), QStringLiteral("2026-04-01"));
    EXPECT_EQ(core.ledger->rebuild(ada).error().code, ErrorCode::AuthForbidden) << "an administrator's";
    ASSERT_TRUE(core.ledger->rebuild(admin));
    auto moved = core.ledger->report(admin, byMonth);
    ASSERT_EQ(moved->size(), 1u);
    EXPECT_EQ(moved->front().keys.front(), QStringLiteral("2026-04"));
    EXPECT_EQ(moved->front().costMicros, 1500);
    EXPECT_EQ(moved->front().unpriced, 0);
    // The rollups equal the ledger's sums.
    EXPECT_EQ(count(QStringLiteral("SELECT SUM(input_tokens) FROM usage_daily")),
              count(QStringLiteral("SELECT SUM(input_tokens) FROM usage_ledger")));
}
