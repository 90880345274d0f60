// Export and import: Tessera's JSON keeps every branch, image and fact; Markdown shows the branch on screen;
// ChatGPT exports come in with their branches; damaged or hostile files are refused with the place named and
// nothing imported half-way.
#include "exchange/ConversationExchange.h"
#include "storage/TagRepository.h"
#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

const QByteArray kPng("\x89PNG\r\n\x1a\n-pixels", 16);

ConversationExchange exchangeOf(CoreFixture& core) {
    return ConversationExchange(*core.db, *core.conversations, *core.messages, *core.providers, core.clock);
}

// A conversation with a system prompt, an image, and an answer regenerated once (two branches).
qint64 buildConversation(CoreFixture& core, FakeProviderServer& server) {
    std::vector<TurnOutcome> outcomes;
    QObject::connect(core.chat.get(), &ChatService::turnFinished,
                     [&outcomes](const TurnOutcome& outcome) { outcomes.push_back(outcome); });
    SendOptions options;
    options.systemPrompt = QStringLiteral("Be brief.");
    options.images = {{QStringLiteral("image/png"), kPng, QStringLiteral("shot.png")}};
    auto started = core.chat->send(core.actor, QStringLiteral("What is in the picture?"), options);
    EXPECT_TRUE(waitUntil([&] { return outcomes.size() == 1; }));
    EXPECT_TRUE(core.chat->regenerate(core.actor, outcomes[0].message.id));
    EXPECT_TRUE(waitUntil([&] { return outcomes.size() == 2; }));
    SendOptions next;
    next.conversationId = started->conversationId;
    EXPECT_TRUE(core.chat->send(core.actor, QStringLiteral("And the colours?"), next));
    EXPECT_TRUE(waitUntil([&] { return outcomes.size() == 3; }));
    QObject::disconnect(core.chat.get(), &ChatService::turnFinished, nullptr, nullptr);
    Q_UNUSED(server);
    return started->conversationId;
}

QStringList pathTexts(CoreFixture& core, qint64 conversation) {
    QStringList texts;
    const auto path = core.messages->path(conversation);
    for (const Message& message : path.value_or(std::vector<Message>{})) {
        texts << message.content;
    }
    return texts;
}

} // namespace

TEST(ExchangeTest, TesseraJsonRoundTripKeepsBranchesImagesUsageAndTheBranchShown) {
    CoreFixture source;
    FakeProviderServer server;
    ASSERT_TRUE(server.listen());
    source.addProvider(QStringLiteral("fake"), server.baseUrl());
    const qint64 id = buildConversation(source, server);
    ASSERT_TRUE(source.conversations->setGeneration(id, 0.7, 300));
    ASSERT_TRUE(TagRepository(*source.db).setTags(id, {QStringLiteral("work"), QStringLiteral("Vision")}));
    ASSERT_TRUE(source.conversations->setPinned(id, true));
    ASSERT_TRUE(source.conversations->setArchived(id, true));
    const auto exported = exchangeOf(source).collect(source.actor, id);
    ASSERT_TRUE(exported);
    const QByteArray json = exchangeOf(source).render({*exported}, ExportFormat::Json);
    EXPECT_FALSE(json.contains("sk-")) << "no secrets travel";

    CoreFixture target;
    QString format;
    auto read = readExport(json, &format);
    ASSERT_TRUE(read) << read.error().toLogString().toStdString();
    EXPECT_EQ(format, QStringLiteral("tessera"));
    auto report = exchangeOf(target).import(target.actor, *read, format);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->conversations, 1);
    EXPECT_EQ(report->messages, 5) << "question, two answers, follow-up, its answer";
    const qint64 imported = report->conversationIds.front();
    EXPECT_DOUBLE_EQ(target.conversations->get(imported)->temperature.value_or(-1), 0.7);
    EXPECT_EQ(target.conversations->get(imported)->maxTokens.value_or(-1), 300);
    EXPECT_EQ(pathTexts(target, imported), pathTexts(source, id));
    const auto conversation = target.conversations->get(imported);
    EXPECT_EQ(conversation->systemPrompt, QStringLiteral("Be brief."));
    EXPECT_EQ(conversation->title, source.conversations->get(id)->title);
    EXPECT_EQ(conversation->createdAt, source.conversations->get(id)->createdAt);
    EXPECT_EQ(conversation->tags, QStringList({QStringLiteral("Vision"), QStringLiteral("work")}));
    EXPECT_TRUE(conversation->pinned);
    EXPECT_TRUE(conversation->archived);
    const auto path = *target.messages->path(imported);
    EXPECT_EQ(path[0].images,
              (std::vector<ImageAttachment>{{QStringLiteral("image/png"), kPng, QStringLiteral("shot.png")}}));
    EXPECT_EQ(path[1].siblingCount, 2) << "the regenerated answer kept both versions";
    EXPECT_EQ(path[1].usage, source.messages->path(id)->at(1).usage);
    EXPECT_EQ(path[1].model, QStringLiteral("gpt-test"));

    // Again: the same file imports as a second copy, never merged into the first.
    ASSERT_TRUE(exchangeOf(target).import(target.actor, *readExport(json), format));
    EXPECT_EQ(target.conversations->list(ListScope::Archived)->size(), 2U);
}

TEST(ExchangeTest, TheTemplateOfAPromptAndTheRatingOfAnAnswerTravelWithTheConversation) {
    CoreFixture source;
    FakeProviderServer server;
    ASSERT_TRUE(server.listen());
    source.addProvider(QStringLiteral("fake"), server.baseUrl());
    std::vector<TurnOutcome> outcomes;
    QObject::connect(source.chat.get(), &ChatService::turnFinished,
                     [&outcomes](const TurnOutcome& outcome) { outcomes.push_back(outcome); });
    SendOptions options;
    const TemplateUse use{
        42, QStringLiteral("Summary"), 3, {{QStringLiteral("text"), QStringLiteral("{{not expanded}}")}}};
    options.templateUse = use;
    auto started = source.chat->send(source.actor, QStringLiteral("Summarise {{not expanded}}"), options);
    ASSERT_TRUE(started);
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 1; }));
    Feedback rating;
    rating.messageId = outcomes[0].message.id;
    rating.positive = false;
    rating.tags = {QStringLiteral("too long")};
    rating.comment = QStringLiteral("rambles");
    ASSERT_TRUE(source.messages->saveFeedback(rating, source.actor.userId));
    const auto stored = *source.messages->path(started->conversationId);
    EXPECT_EQ(stored[0].templateUse, use) << "the question records its template version and values";

    const auto exported = exchangeOf(source).collect(source.actor, started->conversationId);
    ASSERT_TRUE(exported);
    const QByteArray json = exchangeOf(source).render({*exported}, ExportFormat::Json);
    const QString markdown = QString::fromUtf8(exchangeOf(source).render({*exported}, ExportFormat::Markdown));
    EXPECT_TRUE(markdown.contains(QStringLiteral("from the template Summary, version 3")));
    EXPECT_TRUE(markdown.contains(QStringLiteral("Rated down (too long): rambles")));

    CoreFixture target;
    auto read = readExport(json);
    ASSERT_TRUE(read) << read.error().toLogString().toStdString();
    auto report = exchangeOf(target).import(target.actor, *read, QStringLiteral("tessera"));
    ASSERT_TRUE(report);
    const auto path = *target.messages->path(report->conversationIds.front());
    ASSERT_EQ(path.size(), 2u);
    ASSERT_TRUE(path[0].templateUse);
    EXPECT_EQ(path[0].templateUse->name, QStringLiteral("Summary"));
    EXPECT_EQ(path[0].templateUse->version, 3);
    EXPECT_EQ(path[0].templateUse->values, use.values);
    EXPECT_EQ(path[0].templateUse->templateId, 0) << "the id was the other store's";
    ASSERT_TRUE(path[1].feedback);
    EXPECT_FALSE(path[1].feedback->positive);
    EXPECT_EQ(path[1].feedback->tags, rating.tags);
    EXPECT_EQ(path[1].feedback->comment, rating.comment);
    EXPECT_EQ(path[1].feedback->createdAt, stored[1].feedback.value_or(Feedback{}).createdAt);
}

TEST(ExchangeTest, MarkdownShowsTheBranchOnScreen) {
    CoreFixture core;
    FakeProviderServer server;
    ASSERT_TRUE(server.listen());
    core.addProvider(QStringLiteral("fake"), server.baseUrl());
    const qint64 id = buildConversation(core, server);
    const QString markdown =
        QString::fromUtf8(exchangeOf(core).render({*exchangeOf(core).collect(core.actor, id)}, ExportFormat::Markdown));
    EXPECT_TRUE(markdown.startsWith(QStringLiteral("# What is in the picture?\n"))) << markdown.toStdString();
    EXPECT_TRUE(markdown.contains(QStringLiteral("> Be brief.")));
    EXPECT_TRUE(markdown.contains(QStringLiteral("## You\n\n*[image: shot.png]*\n\nWhat is in the picture?")));
    EXPECT_TRUE(markdown.contains(QStringLiteral("## Assistant (gpt-test)\n\nEcho: And the colours?")));
    EXPECT_EQ(markdown.count(QStringLiteral("## Assistant")), 2)
        << "one branch: the earlier answer's version is left out";
}

namespace {

// A ChatGPT export: an empty root, a hidden system message, a question answered twice (the second answer is
// the branch shown), a tool message, and a picture part.
const char* kChatGpt = R"json([
 {"title": "Trip planning", "create_time": 1700000000.5, "update_time": 1700000500.0,
  "current_node": "a2",
  "mapping": {
   "root": {"id": "root", "message": null, "parent": null, "children": ["sys"]},
   "sys": {"id": "sys", "parent": "root", "children": ["q1"],
           "message": {"author": {"role": "system"}, "content": {"content_type": "text", "parts": [""]},
                       "create_time": null}},
   "q1": {"id": "q1", "parent": "sys", "children": ["a1", "a2"],
          "message": {"author": {"role": "user"}, "create_time": 1700000010,
                      "content": {"content_type": "multimodal_text",
                                  "parts": [{"asset_pointer": "file-service://x"}, "Where should we go?"]}}},
   "a1": {"id": "a1", "parent": "q1", "children": ["t1"],
          "message": {"author": {"role": "assistant"}, "create_time": 1700000020,
                      "metadata": {"model_slug": "gpt-4o"},
                      "content": {"content_type": "text", "parts": ["Lisbon."]}}},
   "t1": {"id": "t1", "parent": "a1", "children": [],
          "message": {"author": {"role": "tool"}, "content": {"content_type": "text", "parts": ["tool output"]}}},
   "a2": {"id": "a2", "parent": "q1", "children": [],
          "message": {"author": {"role": "assistant"}, "create_time": 1700000030,
                      "metadata": {"model_slug": "gpt-4o"},
                      "content": {"content_type": "text", "parts": ["Porto."]}}}
  }},
 {"title": null, "create_time": null, "mapping": {}}
])json";

} // namespace

TEST(ExchangeTest, ChatGptExportsComeInWithTheirBranches) {
    CoreFixture core;
    QString format;
    auto read = readExport(QByteArray(kChatGpt), &format);
    ASSERT_TRUE(read) << read.error().toLogString().toStdString();
    EXPECT_EQ(format, QStringLiteral("chatgpt"));
    ASSERT_EQ(read->size(), 1U) << "an empty conversation is left out";
    auto report = exchangeOf(core).import(core.actor, *read, format);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->messages, 3) << "the question and both answers; system, tool and empty nodes are not messages";
    const qint64 id = report->conversationIds.front();
    EXPECT_EQ(core.conversations->get(id)->title, QStringLiteral("Trip planning"));
    EXPECT_EQ(pathTexts(core, id), (QStringList{QStringLiteral("*[attachment not imported]*\n\nWhere should we go?"),
                                                QStringLiteral("Porto.")}));
    const auto path = *core.messages->path(id);
    EXPECT_EQ(path[1].siblingCount, 2);
    EXPECT_EQ(path[1].siblingIndex, 1);
    EXPECT_EQ(path[1].model, QStringLiteral("gpt-4o"));
    EXPECT_EQ(path[0].createdAt, QDateTime::fromSecsSinceEpoch(1700000010, Qt::UTC));
}

TEST(ExchangeTest, DamagedOrHostileFilesAreRefusedNamingThePlaceAndNothingIsImported) {
    struct Case {
        const char* json;
        const char* place;
    };
    const Case cases[] = {
        {"not json at all", "file"},
        {"42", "file"},
        {R"({"format": "something else"})", "file"},
        {R"({"format": "tessera-conversations", "version": 2, "conversations": []})", "version"},
        {R"({"format": "tessera-conversations", "version": 1})", "conversations"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "parent": 2, "role": "user", "content": "x"},
                                         {"key": 2, "role": "user", "content": "y"}]}]})",
         "conversations[0].messages[0].parent"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "role": "user", "content": "x"},
                                         {"key": 1, "role": "user", "content": "y"}]}]})",
         "conversations[0].messages[1].key"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "role": "tool", "content": "x"}]}]})",
         "conversations[0].messages[0].role"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1.5, "role": "user", "content": "x"}]}]})",
         "conversations[0].messages[0].key"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "role": "user", "content": 7}]}]})",
         "conversations[0].messages[0].content"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "role": "user", "content": "x",
               "images": [{"mime_type": "image/png", "data": "!!!"}]}]}]})",
         "conversations[0].messages[0].images[0].data"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "role": "user", "content": "x",
               "images": [{"mime_type": "image/png", "data": "aGVsbG8="}]}]}]})",
         "conversations[0].messages[0].images"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "current_leaf": 9, "messages": [{"key": 1, "role": "user", "content": "x"}]}]})",
         "conversations[0].current_leaf"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "created_at": "yesterday", "messages": []}]})",
         "conversations[0].created_at"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "generation": {"temperature": 9}, "messages": []}]})",
         "conversations[0].generation.temperature"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "generation": {"max_tokens": -5}, "messages": []}]})",
         "conversations[0].generation.max_tokens"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "tags": "work", "messages": []}]})",
         "conversations[0].tags"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "tags": ["ok", 3], "messages": []}]})",
         "conversations[0].tags[1]"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "tags": ["a, b"], "messages": []}]})",
         "conversations[0].tags[0]"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "tags": ["  "], "messages": []}]})",
         "conversations[0].tags[0]"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "pinned": "yes", "messages": []}]})",
         "conversations[0].pinned"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "role": "user", "content": "x", "template": "Summary"}]}]})",
         "conversations[0].messages[0].template"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "role": "user", "content": "x",
               "template": {"name": "S", "version": 0}}]}]})",
         "conversations[0].messages[0].template.version"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "role": "user", "content": "x",
               "template": {"name": "S", "version": 1, "values": {"a": 5}}}]}]})",
         "conversations[0].messages[0].template.values.a"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "role": "assistant", "content": "x",
               "feedback": {"rating": "meh"}}]}]})",
         "conversations[0].messages[0].feedback.rating"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "role": "assistant", "content": "x",
               "feedback": {"rating": "up", "tags": ["a,b"]}}]}]})",
         "conversations[0].messages[0].feedback.tags[0]"},
        {R"({"format": "tessera-conversations", "version": 1, "conversations": [
             {"title": "t", "messages": [{"key": 1, "role": "user", "content": "x",
               "feedback": {"rating": "up"}}]}]})",
         "conversations[0].messages[0].feedback"},
        {R"([{"title": "loop", "mapping": {"a": {"parent": "b", "message": null}, "b": {"parent": "a", "message": null}}}])",
         "is its own ancestor"},
        {R"([{"title": "orphan", "mapping": {"a": {"parent": "zzz", "message": null}}}])", "[0].mapping[\"a\"].parent"},
        {R"([{"title": "t", "mapping": []}])", "[0].mapping"},
        {R"([{"title": 5, "mapping": {}}])", "[0].title"},
        {R"([17])", "[0]"},
    };
    CoreFixture core;
    for (const Case& test : cases) {
        auto read = readExport(QByteArray(test.json));
        ASSERT_FALSE(read) << test.json;
        EXPECT_EQ(read.error().code, ErrorCode::ImportInvalid) << test.json;
        EXPECT_TRUE(read.error().subject.contains(QString::fromUtf8(test.place)))
            << test.json << " -> " << read.error().subject.toStdString();
    }
    EXPECT_TRUE(core.conversations->list()->empty());
}

TEST(ExchangeTest, AnImportThatFailsWhileWritingLeavesNothingBehind) {
    CoreFixture core;
    const QByteArray json = R"({"format": "tessera-conversations", "version": 1, "conversations": [
        {"title": "first", "messages": [{"key": 1, "role": "user", "content": "fine"}]},
        {"title": "second", "messages": [{"key": 1, "role": "user", "content": "boom"}]}]})";
    ASSERT_TRUE(Tessera::Testing::TestStore::refuseInserts(*core.db, QStringLiteral("messages"),
                                                           QStringLiteral("NEW.content = 'boom'")));
    auto report = exchangeOf(core).import(core.actor, *readExport(json), QStringLiteral("tessera"));
    ASSERT_FALSE(report);
    EXPECT_TRUE(core.conversations->list()->empty()) << "the first conversation was rolled back too";
    auto integrity = core.db->integrityCheck();
    ASSERT_TRUE(integrity);
    EXPECT_EQ(*integrity, QStringLiteral("ok"));
}

TEST(ExchangeTest, FilesAreWrittenWholeOrNotAtAll) {
    CoreFixture core;
    const QString path = core.dir.filePath(QStringLiteral("out.json"));
    ASSERT_TRUE(exchangeOf(core).writeFile(path, "{\"a\": 1}"));
    QFile written(path);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    EXPECT_EQ(written.readAll(), QByteArray("{\"a\": 1}"));
    auto refused = exchangeOf(core).writeFile(core.dir.filePath(QStringLiteral("no/such/dir/out.json")), "x");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::ExportFailed);
    auto missing = exchangeOf(core).importFile(core.actor, core.dir.filePath(QStringLiteral("absent.json")));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::ImportInvalid);
}

TEST(ExchangeTest, ExportAndImportNeedTheirPermissionsAndARefusalChangesNothing) {
    CoreFixture core;
    auto created = core.conversations->create(QStringLiteral("private"), std::nullopt, QString());
    ASSERT_TRUE(created);
    const Actor auditor = Actor::withRole(9, QStringLiteral("auditor"), BuiltInRole::Auditor, ClientKind::Test);
    const ConversationExchange exchange = exchangeOf(core);
    auto one = exchange.collect(auditor, created->id);
    ASSERT_FALSE(one);
    EXPECT_EQ(one.error().code, ErrorCode::AuthForbidden);
    auto all = exchange.collectAll(auditor);
    ASSERT_FALSE(all);
    EXPECT_EQ(all.error().code, ErrorCode::AuthForbidden);

    auto exported = exchange.collect(core.actor, created->id);
    ASSERT_TRUE(exported) << "the owner may";
    auto imported = exchange.import(auditor, {*exported}, QStringLiteral("tessera"));
    ASSERT_FALSE(imported);
    EXPECT_EQ(imported.error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(core.conversations->list(ListScope::All)->size(), 1U) << "nothing imported";
    auto fromFile = exchange.importFile(auditor, QStringLiteral("/nonexistent.json"));
    ASSERT_FALSE(fromFile);
    EXPECT_EQ(fromFile.error().code, ErrorCode::AuthForbidden) << "refused before the file is looked at";
}
