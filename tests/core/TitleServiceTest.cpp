// Automatic titles: off unless asked for; then the first exchange is named by one short request to the same
// model, and a title the user chose is never replaced.
#include "chat/TitleService.h"
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

class TitleServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        core.addProvider(QStringLiteral("fake"), server.baseUrl());
        QObject::connect(core.chat.get(), &ChatService::turnFinished, [this](const TurnOutcome&) { ++finished; });
    }

    qint64 askAndWait(const QString& prompt) {
        const int before = finished;
        auto started = core.chat->send(core.actor, prompt, {});
        EXPECT_TRUE(started);
        EXPECT_TRUE(waitUntil([&] { return finished > before; }));
        return started ? started->conversationId : 0;
    }

    CoreFixture core;
    FakeProviderServer server;
    TitleService titles{*core.chat, *core.conversations, *core.messages, *core.providers, *core.runner, *core.settings};
    int finished = 0;
};

} // namespace

TEST(TitleCleaning, TheFirstLineWithoutQuotesOrLabels) {
    EXPECT_EQ(TitleService::cleanTitle(QStringLiteral("  \"SQLite WAL Mode Explained.\"  ")),
              QStringLiteral("SQLite WAL Mode Explained"));
    EXPECT_EQ(TitleService::cleanTitle(QStringLiteral("Title: **Trip to Porto**\nMore text")),
              QStringLiteral("Trip to Porto"));
    EXPECT_EQ(TitleService::cleanTitle(QStringLiteral("“Grüße aus Köln”")), QStringLiteral("Grüße aus Köln"));
    EXPECT_EQ(TitleService::cleanTitle(QString(100, QLatin1Char('x'))).size(), 60);
    EXPECT_TRUE(TitleService::cleanTitle(QStringLiteral("\"\"")).isEmpty());
}

TEST_F(TitleServiceTest, OffUnlessAskedFor) {
    EXPECT_FALSE(titles.enabled(core.actor));
    const qint64 id = askAndWait(QStringLiteral("What is WAL mode?"));
    EXPECT_EQ(server.requests().size(), 1) << "no extra request";
    EXPECT_EQ(core.conversations->get(id)->title, QStringLiteral("What is WAL mode?"));
}

TEST_F(TitleServiceTest, EachPersonChoosesForTheirOwnConversations) {
    const Actor ada = Actor::withRole(2, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
    ASSERT_TRUE(titles.setEnabled(ada, true));
    EXPECT_TRUE(titles.enabled(ada));
    EXPECT_FALSE(titles.enabled(core.actor)) << "ada's choice is hers";
    askAndWait(QStringLiteral("What is WAL mode?"));
    waitUntil([] { return false; }, 200);
    EXPECT_EQ(server.requests().size(), 1) << "no title for the owner, who did not ask";
    // A store from before accounts kept the choice for everyone: it stays the owner's.
    ASSERT_TRUE(core.settings->setValue(TitleService::settingKey, QStringLiteral("on")));
    EXPECT_TRUE(titles.enabled(core.actor));
    const Actor bob = Actor::withRole(3, QStringLiteral("bob"), BuiltInRole::Member, ClientKind::Test);
    EXPECT_FALSE(titles.enabled(bob));
}

TEST_F(TitleServiceTest, TheFirstExchangeIsNamedByTheSameModel) {
    ASSERT_TRUE(titles.setEnabled(core.actor, true));
    titles.setLedger(core.ledger.get());
    std::optional<QString> changed;
    QObject::connect(&titles, &TitleService::titleChanged, [&](qint64, const QString& title) { changed = title; });
    const qint64 id = askAndWait(QStringLiteral("What is WAL mode?"));
    ASSERT_TRUE(waitUntil([&] { return changed.has_value(); }));
    // The loopback server echoes what it is asked; a real model answers with the title alone.
    EXPECT_TRUE(changed->startsWith(QStringLiteral("Echo: Write a title of at most six words")))
        << changed->toStdString();
    EXPECT_EQ(core.conversations->get(id)->title, *changed);
    // The title request is in the ledger beside the answer, as the conversation owner's.
    auto entries = core.ledger->entriesOfConversation(core.actor, id);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ(entries->at(0).feature, QStringLiteral("chat"));
    EXPECT_EQ(entries->at(1).feature, QStringLiteral("title"));
    EXPECT_EQ(entries->at(1).accountId, core.actor.userId);
    EXPECT_GT(entries->at(1).inputTokens, 0);
    const QJsonObject titleRequest = server.requests().last().json();
    EXPECT_FALSE(titleRequest.value(QLatin1StringView("stream")).toBool()) << "one short request";

    // Later exchanges leave the title alone.
    SendOptions next;
    next.conversationId = id;
    const int before = finished;
    ASSERT_TRUE(core.chat->send(core.actor, QStringLiteral("And the checkpoint?"), next));
    ASSERT_TRUE(waitUntil([&] { return finished > before; }));
    const auto requests = server.requests().size();
    waitUntil([] { return false; }, 300);
    EXPECT_EQ(server.requests().size(), requests);
    EXPECT_EQ(core.conversations->get(id)->title, *changed);
}

TEST_F(TitleServiceTest, ATitleTheUserChoseIsKept) {
    ASSERT_TRUE(titles.setEnabled(core.actor, true));
    QObject::connect(core.chat.get(), &ChatService::turnStarted, [this](const TurnStart& start) {
        ASSERT_TRUE(core.conversations->rename(start.conversationId, QStringLiteral("My own name")));
    });
    const qint64 id = askAndWait(QStringLiteral("Name me"));
    waitUntil([] { return false; }, 300);
    EXPECT_EQ(core.conversations->get(id)->title, QStringLiteral("My own name"));
    EXPECT_EQ(server.requests().size(), 1) << "not even asked";
}

TEST_F(TitleServiceTest, TitleRequestsGoThroughTheRunnerWithRetriesAndMetrics) {
    ASSERT_TRUE(titles.setEnabled(core.actor, true));
    std::optional<QString> changed;
    QObject::connect(&titles, &TitleService::titleChanged, [&](qint64, const QString& title) { changed = title; });
    // The server fails each new prompt once: the answer and then the title request are both retried.
    const qint64 id = askAndWait(QStringLiteral("[[500-once]] Where do penguins live?"));
    ASSERT_TRUE(waitUntil([&] { return changed.has_value(); }, 10'000)) << "the failed title request was retried";
    EXPECT_EQ(core.conversations->get(id)->title, *changed);
    EXPECT_EQ(server.requests().size(), 4) << "answer: 2 attempts, title: 2 attempts";
    const MetricLabels labels{{QStringLiteral("provider"), QStringLiteral("fake")},
                              {QStringLiteral("model"), QStringLiteral("gpt-test")}};
    EXPECT_EQ(core.metrics.value(MetricNames::retries, labels), 2) << "both retries are counted";
}
