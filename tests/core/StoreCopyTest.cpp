#include "app/StoreAdministration.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "prompts/Feedback.h"
#include "prompts/PromptLibrary.h"
#include "secrets/MemorySecretStore.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/DraftRepository.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/SearchRepository.h"
#include "storage/SettingsRepository.h"
#include "storage/StoreCopier.h"
#include "storage/TagRepository.h"

#include "support/QtPrinters.h"
#include "support/TestStore.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::TestStore;

namespace {

// Fills a store with one of everything: a provider, two conversations with a branch, an image, tags, a draft,
// a setting and a cached answer.
void fill(const Database& db) {
    SystemClock clock;
    ProviderRepository providers(db, clock);
    ProviderConfig config;
    config.name = QStringLiteral("Local");
    config.kind = ProviderKind::OpenAiCompatible;
    config.baseUrl = QStringLiteral("http://127.0.0.1:1/v1");
    config.defaultModel = QStringLiteral("m");
    config.keySource = KeySource::None;
    auto provider = providers.add(config);
    ASSERT_TRUE(provider) << provider.error().toLogString().toStdString();
    ConversationRepository conversations(db, clock);
    MessageRepository messages(db, clock);
    for (int c = 0; c < 2; ++c) {
        auto conversation = conversations.create(QStringLiteral("Conversation %1 — ünïcode").arg(c), provider->id,
                                                 QStringLiteral("m"), QStringLiteral("be brief"));
        ASSERT_TRUE(conversation);
        ASSERT_TRUE(conversations.setGeneration(conversation->id, 0.7, 512));
        Message question;
        question.conversationId = conversation->id;
        question.role = Role::User;
        question.content = QStringLiteral("Where do penguins live? %1").arg(c);
        question.images.push_back(
            {QStringLiteral("image/png"), QByteArray("\x89PNG\r\n\x1a\n\0\x01\xff", 11), QStringLiteral("shot.png")});
        auto asked = messages.add(question);
        ASSERT_TRUE(asked) << asked.error().toLogString().toStdString();
        for (const char* text : {"In the south.", "Mostly in Antarctica."}) {
            Message answer;
            answer.conversationId = conversation->id;
            answer.parentId = asked->id;
            answer.role = Role::Assistant;
            answer.content = QString::fromUtf8(text);
            Usage usage;
            usage.inputTokens = 12;
            usage.outputTokens = 5;
            answer.usage = usage;
            ASSERT_TRUE(messages.add(answer));
        }
    }
    TagRepository tags(db);
    auto listed = conversations.list();
    ASSERT_TRUE(listed);
    ASSERT_TRUE(tags.setTags(listed->front().id, {QStringLiteral("Birds"), QStringLiteral("work")}));
    ASSERT_TRUE(DraftRepository(db, clock).save(listed->front().id, QStringLiteral("half a thought")));
    ASSERT_TRUE(SettingsRepository(db).setValue(QStringLiteral("ui/theme"), QStringLiteral("dark")));
    // A prompt template with two versions, a label and a share.
    AuditLog audit(db, clock);
    PromptLibrary prompts(db, clock, audit);
    const Actor owner = Actor::owner(ClientKind::Test);
    PromptDraft draft;
    draft.name = QStringLiteral("Summary — ü");
    draft.userText = QStringLiteral("Summarise {{text : multiline}}");
    draft.settings.temperature = 0.3;
    ASSERT_TRUE(prompts.create(owner, draft));
    draft.systemText = QStringLiteral("Be brief.");
    ASSERT_TRUE(prompts.update(owner, draft.name, draft));
    ASSERT_TRUE(prompts.setLabel(owner, draft.name, QStringLiteral("production"), 1));
    ASSERT_TRUE(prompts.share(owner, draft.name, qint64(BuiltInRole::Member), true));
    // A rating of an answer.
    FeedbackService feedback(db, clock, audit);
    auto firstAnswer = db.exec(QStringLiteral("SELECT MIN(id) FROM messages WHERE role = 'assistant'"));
    ASSERT_TRUE(firstAnswer && firstAnswer->next());
    ASSERT_TRUE(feedback.set(owner, firstAnswer->value(0).toLongLong(), false, {QStringLiteral("too long")},
                             QStringLiteral("shorter, please")));
    // A NUL an older SQLite store may hold (PostgreSQL text cannot): copied as U+FFFD, and still verified.
    if (db.engine() == StoreEngine::Sqlite) {
        QSqlQuery raw(db.connection());
        raw.prepare(QStringLiteral("UPDATE messages SET content = ? WHERE id = 1"));
        raw.addBindValue(QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")));
        ASSERT_TRUE(raw.exec());
    }
}

std::unique_ptr<Database> openOrFail(const StoreLocation& location) {
    auto db = Database::open(location);
    EXPECT_TRUE(db) << db.error().toLogString().toStdString();
    return db ? std::move(*db) : nullptr;
}

// A SQLite store at location, filled with one of everything.
void fillStore(const StoreLocation& location) {
    auto db = openOrFail(location);
    ASSERT_TRUE(db);
    fill(*db);
}

} // namespace

TEST(StoreCopy, ASqliteStoreCopiesIntoTheEngineUnderTestAndBackWithoutLosingAnything) {
    TestStore store;
    const StoreLocation original = StoreLocation::sqlite(store.directory() + QStringLiteral("/original.sqlite3"));
    ASSERT_NO_FATAL_FAILURE(fillStore(original));
    MemorySecretStore secrets;
    StoreAdministration admin(secrets);
    auto there = admin.copy(original, store.location());
    ASSERT_TRUE(there) << there.error().toLogString().toStdString();
    EXPECT_EQ(there->tables.size(), StoreCopier::tables().size());
    EXPECT_GT(there->totalRows(), 10);

    const StoreLocation back = StoreLocation::sqlite(store.directory() + QStringLiteral("/back.sqlite3"));
    auto again = admin.copy(store.location(), back);
    ASSERT_TRUE(again) << again.error().toLogString().toStdString();
    for (size_t i = 0; i < there->tables.size(); ++i) {
        EXPECT_EQ(there->tables[i].rows, again->tables[i].rows) << there->tables[i].table.toStdString();
        EXPECT_EQ(there->tables[i].checksum, again->tables[i].checksum) << there->tables[i].table.toStdString();
    }

    // The copy is a working store: search finds the text, branches and images are whole, new rows get new ids.
    auto copied = openOrFail(store.location());
    ASSERT_TRUE(copied);
    SystemClock clock;
    auto hits = SearchRepository(*copied).search(QStringLiteral("antarc"));
    ASSERT_TRUE(hits);
    EXPECT_EQ(hits->size(), 2u);
    ConversationRepository conversations(*copied, clock);
    auto listed = conversations.list();
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 2u);
    MessageRepository messages(*copied, clock);
    auto path = messages.path(listed->back().id);
    ASSERT_TRUE(path);
    ASSERT_EQ(path->size(), 2u);
    EXPECT_EQ(path->back().siblingCount, 2);
    ASSERT_EQ(path->front().images.size(), 1u);
    EXPECT_EQ(path->front().images.front().data, QByteArray("\x89PNG\r\n\x1a\n\0\x01\xff", 11));
    EXPECT_EQ(listed->back().temperature.value_or(0), 0.7);
    auto fresh = conversations.create(QStringLiteral("after the copy"), std::nullopt, QStringLiteral("m"));
    ASSERT_TRUE(fresh) << fresh.error().toLogString().toStdString();
    EXPECT_GT(fresh->id, listed->front().id);
}

TEST(StoreCopy, ATargetThatIsNotEmptyIsRefusedAndKeepsWhatItHad) {
    TestStore store;
    const StoreLocation original = StoreLocation::sqlite(store.directory() + QStringLiteral("/original.sqlite3"));
    ASSERT_NO_FATAL_FAILURE(fillStore(original));
    {
        auto target = store.open();
        ASSERT_TRUE(target);
        SystemClock clock;
        ASSERT_TRUE(ConversationRepository(*target, clock).create(QStringLiteral("mine"), std::nullopt, {}));
    }
    MemorySecretStore secrets;
    auto copied = StoreAdministration(secrets).copy(original, store.location());
    ASSERT_FALSE(copied);
    EXPECT_EQ(copied.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(copied.error().detail.contains(QStringLiteral("not empty")));
    auto target = store.open();
    ASSERT_TRUE(target);
    SystemClock clock;
    auto listed = ConversationRepository(*target, clock).list();
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().title, QStringLiteral("mine"));
}

TEST(StoreCopy, AStoreTheAppOnlyOpenedCountsAsEmptyAndTakesTheSourcesSettings) {
    TestStore store;
    const StoreLocation original = StoreLocation::sqlite(store.directory() + QStringLiteral("/original.sqlite3"));
    ASSERT_NO_FATAL_FAILURE(fillStore(original));
    {
        // The app opened the new store once: it wrote a setting and its metrics, nothing else.
        auto target = store.open();
        ASSERT_TRUE(target);
        ASSERT_TRUE(SettingsRepository(*target).setValue(QStringLiteral("ui/theme"), QStringLiteral("light")));
        ASSERT_TRUE(target->exec(QStringLiteral("INSERT INTO metrics (name, labels, value) VALUES (?, ?, ?)"),
                                 {QStringLiteral("tessera_requests_total"), QString(), 3.0}));
    }
    MemorySecretStore secrets;
    auto copied = StoreAdministration(secrets).copy(original, store.location());
    ASSERT_TRUE(copied) << copied.error().toLogString().toStdString();
    auto target = store.open();
    ASSERT_TRUE(target);
    EXPECT_EQ(SettingsRepository(*target).value(QStringLiteral("ui/theme")), QStringLiteral("dark"))
        << "the source's settings replace what the empty store had";
}

TEST(StoreCopy, CopyingAStoreOntoItselfIsRefused) {
    TestStore store;
    MemorySecretStore secrets;
    auto copied = StoreAdministration(secrets).copy(store.location(), store.location());
    ASSERT_FALSE(copied);
    EXPECT_EQ(copied.error().code, ErrorCode::InvalidArgument);
}
