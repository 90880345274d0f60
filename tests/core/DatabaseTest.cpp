#include "storage/Database.h"
#include "common/Clock.h"
#include "storage/AccountRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/DraftRepository.h"
#include "storage/MessageRepository.h"
#include "storage/Migrations.h"
#include "storage/ProviderRepository.h"
#include "storage/SqlDialect.h"
#include "storage/StoreCopier.h"
#include "storage/TagRepository.h"

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <map>
#include <set>

#include "support/QtPrinters.h"
#include "support/TestStore.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::TestStore;

namespace {

QString scalar(const Database& db, const QString& sql) {
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next()) {
        return QStringLiteral("<error>");
    }
    return query.value(0).toString();
}

} // namespace

TEST(Database, MigratesAnEmptyDatabaseToTheLatestSchema) {
    TestStore store;
    auto db = store.open();
    ASSERT_TRUE(db);
    EXPECT_EQ(db->schemaVersion(), db->latestSchemaVersion());
    EXPECT_GE(db->latestSchemaVersion(), 9);
    EXPECT_EQ(db->engine(), store.location().engine);
    for (const char* table : {"providers", "conversations", "messages", "tags", "conversation_tags", "drafts"}) {
        EXPECT_NE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1StringView(table))),
                  QStringLiteral("<error>"))
            << table;
    }
    EXPECT_EQ(*db->integrityCheck(), QStringLiteral("ok"));
    if (!store.isPostgres()) {
        EXPECT_EQ(scalar(*db, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        EXPECT_EQ(scalar(*db, QStringLiteral("PRAGMA foreign_keys")), QStringLiteral("1"));
        EXPECT_EQ(scalar(*db, QStringLiteral("PRAGMA busy_timeout")), QStringLiteral("5000"));
    } else {
        EXPECT_EQ(scalar(*db, QStringLiteral("SHOW TIME ZONE")), QStringLiteral("UTC"));
        EXPECT_EQ(scalar(*db, QStringLiteral("SELECT current_schema()")), store.location().schema);
    }
}

TEST(Database, BothEnginesEndAtTheSameSchemaVersion) {
    EXPECT_EQ(sqliteMigrations().back().version, postgresMigrations().back().version)
        << "a migration was added to one engine's list only";
}

TEST(Database, TwoProcessesOpeningAnEmptyStoreAtOnceMigrateItOnce) {
    TestStore store;
    // Two Database objects stand for two processes: each has its own connections.
    auto first = store.open();
    auto second = store.open();
    ASSERT_TRUE(first);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->schemaVersion(), second->latestSchemaVersion());
}

TEST(Database, ReopeningKeepsDataAndDoesNotRerunMigrations) {
    TestStore store;
    SystemClock clock;
    {
        auto db = store.open();
        ASSERT_TRUE(db);
        ConversationRepository conversations(*db, clock);
        auto created = conversations.create(QStringLiteral("kept"), std::nullopt, QStringLiteral("m"));
        ASSERT_TRUE(created) << created.error().toLogString().toStdString();
    }
    auto db = store.open();
    ASSERT_TRUE(db);
    ConversationRepository conversations(*db, clock);
    auto list = conversations.list();
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->front().title, QStringLiteral("kept"));
}

TEST(Database, EveryStoreHasTheBuiltInRolesAndTheOwnersAccount) {
    TestStore store;
    auto db = store.open();
    ASSERT_TRUE(db);
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM roles WHERE built_in = 1")), QStringLiteral("4"));
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT name FROM roles WHERE id = 1")), QStringLiteral("Administrator"));
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT name FROM roles WHERE id = 4")), QStringLiteral("Auditor"));
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM accounts")), QStringLiteral("1"));
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT username FROM accounts WHERE id = 1")), QStringLiteral("owner"));
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT role_id FROM accounts WHERE id = 1")), QStringLiteral("1"));
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT password_hash FROM accounts WHERE id = 1")), QString())
        << "no default password: the first administrator sets their own";
    const QDateTime created = QDateTime::fromString(
        scalar(*db, QStringLiteral("SELECT created_at FROM accounts WHERE id = 1")), Qt::ISODateWithMs);
    EXPECT_TRUE(created.isValid()) << "times are written as the store writes them";
    // New rows continue after the seeded ids.
    QSqlQuery insert(db->connection());
    ASSERT_TRUE(insert.exec(QStringLiteral("INSERT INTO roles (name, name_key, created_at) VALUES ('Reviewer', "
                                           "'reviewer', '2026-12-01T00:00:00.000Z')")));
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT id FROM roles WHERE name_key = 'reviewer'")), QStringLiteral("5"));
    // Names are unique without regard to case (the key is the lower-cased name).
    QSqlQuery duplicate(db->connection());
    EXPECT_FALSE(duplicate.exec(QStringLiteral("INSERT INTO accounts (username, username_key, role_id, created_at) "
                                               "VALUES ('OWNER', 'owner', 3, '2026-12-01T00:00:00.000Z')")));
    // An account's role must exist, refused by the statement itself (not later, at a commit nobody checks).
    QSqlQuery orphan(db->connection());
    EXPECT_FALSE(orphan.exec(QStringLiteral("INSERT INTO accounts (username, username_key, role_id, created_at) "
                                            "VALUES ('x', 'x', 999, '2026-12-01T00:00:00.000Z') RETURNING id")) &&
                 orphan.next());
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM accounts WHERE username_key = 'x'")),
              QStringLiteral("0"));
}

namespace {

// A store as an older Tessera left it: the migrations up to version and nothing after, with a conversation, a tag
// on it and two drafts (the conversation's and the one of a conversation not started yet).
void makeStoreOfVersion(const StoreLocation& location, int version) {
    const auto dialect = SqlDialect::create(location);
    const QString name = QStringLiteral("older-tessera");
    {
        QSqlDatabase db = dialect->addConnection(name, location, QString());
        ASSERT_TRUE(db.open()) << db.lastError().text().toStdString();
        QSqlDatabase* connection = &db;
        ASSERT_TRUE(dialect->configure(*connection, location));
        for (const Migration& migration : dialect->migrations()) {
            if (migration.version > version) {
                break;
            }
            for (const QString& statement : migration.statements) {
                QSqlQuery query(db);
                ASSERT_TRUE(query.exec(statement))
                    << statement.toStdString() << ": " << query.lastError().text().toStdString();
            }
            ASSERT_TRUE(dialect->setSchemaVersion(db, migration.version));
        }
        const QString now = QStringLiteral("'2026-11-01T10:00:00.000Z'");
        for (const QString& statement :
             {QStringLiteral("INSERT INTO conversations (id, title, created_at, updated_at) VALUES (7, 'kept', %1, %1)")
                  .arg(now),
              QStringLiteral("INSERT INTO tags (id, name) VALUES (3, 'Work')"),
              QStringLiteral("INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (7, 3)"),
              QStringLiteral("INSERT INTO drafts (conversation_id, text, updated_at) VALUES (7, 'half a question', %1)")
                  .arg(now),
              QStringLiteral("INSERT INTO drafts (conversation_id, text, updated_at) VALUES (0, 'a new one', %1)")
                  .arg(now),
              QStringLiteral("INSERT INTO messages (id, conversation_id, role, content, state, created_at, updated_at) "
                             "VALUES (10, 7, 'user', 'a question', 'complete', %1, %1)")
                  .arg(now),
              QStringLiteral("INSERT INTO messages (id, conversation_id, role, content, state, provider_name, model, "
                             "input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, latency_ms, "
                             "created_at, updated_at) VALUES (11, 7, 'assistant', 'an answer', 'complete', 'openai', "
                             "'gpt-4o', 120, 20, 45, 5, 900, %1, %1)")
                  .arg(now)}) {
            QSqlQuery query(db);
            ASSERT_TRUE(query.exec(statement))
                << statement.toStdString() << ": " << query.lastError().text().toStdString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

TEST(Database, AStoreOfTheSchemaBeforeAccountsGivesEverythingToTheOwner) {
    TestStore store;
    makeStoreOfVersion(store.location(), 10);
    if (::testing::Test::HasFatalFailure()) {
        return;
    }
    auto db = Database::open(store.location());
    ASSERT_TRUE(db) << db.error().toLogString().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), (*db)->latestSchemaVersion());
    EXPECT_EQ(scalar(**db, QStringLiteral("SELECT username FROM accounts WHERE id = 1")), QStringLiteral("owner"));
    EXPECT_EQ(scalar(**db, QStringLiteral("SELECT COUNT(*) FROM roles")), QStringLiteral("4"));
    const SystemClock clock;
    ConversationRepository conversations(**db, clock);
    auto kept = conversations.get(7, AccountRepository::ownerId);
    ASSERT_TRUE(kept) << "nothing is lost on the way, and it is the owner's";
    EXPECT_EQ(kept->ownerId, AccountRepository::ownerId);
    EXPECT_EQ(kept->tags, QStringList{QStringLiteral("Work")});
    EXPECT_FALSE(conversations.get(7, 2)) << "nobody else's";
    EXPECT_EQ(TagRepository(**db).list(ListScope::All, AccountRepository::ownerId)->size(), 1U);
    DraftRepository drafts(**db, clock);
    EXPECT_EQ(*drafts.load(7, AccountRepository::ownerId), QStringLiteral("half a question"));
    EXPECT_EQ(*drafts.load(DraftRepository::newConversation, AccountRepository::ownerId), QStringLiteral("a new one"));
    EXPECT_EQ(*drafts.load(DraftRepository::newConversation, 2), QString());
    // After the upgrade the tables work as new ones do: another account's tag of the same name is its own.
    auto second = conversations.create(QStringLiteral("theirs"), std::nullopt, QString(), QString(), 2);
    ASSERT_TRUE(second);
    ASSERT_TRUE(TagRepository(**db).setTags(second->id, {QStringLiteral("work")}));
    EXPECT_EQ(TagRepository(**db).list(ListScope::All, AccountRepository::ownerId)->front().name,
              QStringLiteral("Work"));
    EXPECT_EQ(TagRepository(**db).list(ListScope::All, 2)->front().name, QStringLiteral("work"));
    // The usage the answers held moved into the ledger, the owner's, with its rollup; its cost is unknown.
    EXPECT_EQ(scalar(**db, QStringLiteral("SELECT COUNT(*) FROM usage_ledger")), QStringLiteral("1"));
    EXPECT_EQ(scalar(**db, QStringLiteral("SELECT account_id || ' ' || day || ' ' || provider || ' ' || model || ' ' "
                                          "|| input_tokens || ' ' || cached_input_tokens || ' ' || output_tokens || "
                                          "' ' || message_id || ' ' || outcome FROM usage_ledger")),
              QStringLiteral("1 2026-11-01 openai gpt-4o 120 20 45 11 complete"));
    EXPECT_EQ(scalar(**db, QStringLiteral("SELECT COUNT(*) FROM usage_ledger WHERE cost_micros IS NULL")),
              QStringLiteral("1"));
    EXPECT_EQ(
        scalar(**db, QStringLiteral("SELECT requests || ' ' || input_tokens || ' ' || unpriced FROM usage_daily")),
        QStringLiteral("1 120 1"));
}

TEST(Database, RefusesASchemaNewerThanThisBuild) {
    TestStore store;
    {
        auto db = store.open();
        ASSERT_TRUE(db);
        QSqlQuery query(db->connection());
        ASSERT_TRUE(query.exec(store.isPostgres() ? QStringLiteral("UPDATE schema_version SET version = 999")
                                                  : QStringLiteral("PRAGMA user_version = 999")));
    }
    auto db = Database::open(store.location());
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::MigrationFailed);
}

// A file path that cannot be created: SQLite only (ctest runs tests named …OnSqlite in the SQLite pass only).
TEST(Database, AnUnopenablePathIsAStorageErrorOnSqlite) {
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("file"));
    QFile file(blocker);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    auto db = Database::open(blocker + QStringLiteral("/sub/t.sqlite3"));
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::StorageFailed);
}

TEST(Database, AnswersLeftStreamingByACrashAreMarkedIncompleteOnOpen) {
    TestStore store;
    SystemClock clock;
    qint64 id = 0;
    {
        auto db = store.open();
        ASSERT_TRUE(db);
        ConversationRepository conversations(*db, clock);
        MessageRepository messages(*db, clock);
        auto conversation = conversations.create(QStringLiteral("c"), std::nullopt, QStringLiteral("m"));
        Message message;
        message.conversationId = conversation->id;
        message.role = Role::Assistant;
        message.content = QStringLiteral("half an ans");
        message.state = MessageState::Streaming;
        id = messages.add(message)->id;
    }
    auto db = store.open();
    ASSERT_TRUE(db);
    MessageRepository messages(*db, clock);
    auto message = messages.get(id);
    ASSERT_TRUE(message);
    EXPECT_EQ(message->state, MessageState::Incomplete);
    EXPECT_EQ(message->content, QStringLiteral("half an ans"));
    EXPECT_EQ(message->errorCode, QStringLiteral("provider.stream_interrupted"));
}

TEST(Database, TransactionRollsBackWhenTheBodyFails) {
    TestStore store;
    auto db = store.open();
    ASSERT_TRUE(db);
    SystemClock clock;
    ConversationRepository conversations(*db, clock);
    auto status = db->transaction([&]() -> Status {
        EXPECT_TRUE(conversations.create(QStringLiteral("gone"), std::nullopt, QString()));
        return fail(ErrorCode::Internal, QStringLiteral("boom"));
    });
    EXPECT_FALSE(status);
    EXPECT_TRUE(conversations.list()->empty());
}

TEST(Database, ANestedTransactionUndoesOnlyItsOwnWork) {
    TestStore store;
    auto db = store.open();
    ASSERT_TRUE(db);
    SystemClock clock;
    ConversationRepository conversations(*db, clock);
    auto outer = db->transaction([&]() -> Status {
        EXPECT_TRUE(conversations.create(QStringLiteral("kept"), std::nullopt, QString()));
        auto inner = db->transaction([&]() -> Status {
            EXPECT_TRUE(conversations.create(QStringLiteral("undone"), std::nullopt, QString()));
            return fail(ErrorCode::Internal, QStringLiteral("inner fails"));
        });
        EXPECT_FALSE(inner);
        return db->transaction([&]() -> Status {
            return conversations.create(QStringLiteral("also kept"), std::nullopt, QString())
                       ? Status{}
                       : fail(ErrorCode::Internal);
        });
    });
    ASSERT_TRUE(outer) << outer.error().toLogString().toStdString();
    auto listed = conversations.list();
    ASSERT_EQ(listed->size(), 2U);
    auto failedOuter = db->transaction([&]() -> Status {
        EXPECT_TRUE(db->transaction([&]() -> Status {
            return conversations.create(QStringLiteral("inner ok"), std::nullopt, QString())
                       ? Status{}
                       : fail(ErrorCode::Internal);
        }));
        return fail(ErrorCode::Internal, QStringLiteral("outer fails"));
    });
    EXPECT_FALSE(failedOuter);
    EXPECT_EQ(conversations.list()->size(), 2U) << "the outer rollback takes the inner work with it";
}

TEST(Database, ADuplicateIsStoreAlreadyExistsOnEitherEngine) {
    TestStore store;
    auto db = store.open();
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                         {QStringLiteral("k"), QStringLiteral("v")}));
    auto again = db->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                          {QStringLiteral("k"), QStringLiteral("w")});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::AlreadyExists);
}

TEST(Database, APreparedStatementRunsAgainWithNewValuesAndReportsFailures) {
    TestStore store;
    auto db = store.open();
    ASSERT_TRUE(db);
    const QString insert = QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)");
    const QString select = QStringLiteral("SELECT value FROM settings WHERE key = ?");
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(db->execPrepared(insert, {QStringLiteral("k%1").arg(i), QStringLiteral("v%1").arg(i)}));
    }
    const auto read = [&](const QString& key) {
        QStringList values;
        const Status status = db->execPrepared(select, {key}, [&](QSqlQuery& query) {
            while (query.next()) {
                values << query.value(0).toString();
            }
        });
        EXPECT_TRUE(status);
        return values;
    };
    EXPECT_EQ(read(QStringLiteral("k0")), QStringList{QStringLiteral("v0")});
    EXPECT_EQ(read(QStringLiteral("k2")), QStringList{QStringLiteral("v2")}) << "the new value is bound";
    EXPECT_TRUE(read(QStringLiteral("none")).isEmpty());
    // A row read and left open does not keep the next statement or a writing transaction waiting.
    ASSERT_TRUE(db->execPrepared(select, {QStringLiteral("k1")}, [](QSqlQuery& query) { query.next(); }));
    ASSERT_TRUE(db->transaction([&]() -> Status {
        return db->execPrepared(QStringLiteral("UPDATE settings SET value = ? WHERE key = ?"),
                                {QStringLiteral("w1"), QStringLiteral("k1")});
    }));
    EXPECT_EQ(read(QStringLiteral("k1")), QStringList{QStringLiteral("w1")});
    // Another prepared statement inside `read` is fine.
    QStringList nested;
    ASSERT_TRUE(db->execPrepared(QStringLiteral("SELECT key FROM settings WHERE key LIKE 'k%' ORDER BY key"), {},
                                 [&](QSqlQuery& keys) {
                                     while (keys.next()) {
                                         nested << read(keys.value(0).toString());
                                     }
                                 }));
    EXPECT_EQ(nested, (QStringList{QStringLiteral("v0"), QStringLiteral("w1"), QStringLiteral("v2")}));
    // A failure is a value with its code, and the statement works again afterwards.
    auto duplicate = db->execPrepared(insert, {QStringLiteral("k0"), QStringLiteral("again")});
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, ErrorCode::AlreadyExists);
    EXPECT_TRUE(db->execPrepared(insert, {QStringLiteral("k3"), QStringLiteral("v3")}));
    EXPECT_EQ(read(QStringLiteral("k3")), QStringList{QStringLiteral("v3")});
    auto broken = db->execPrepared(QStringLiteral("SELECT nothing FROM nowhere"), {});
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().code, ErrorCode::StorageFailed);
}

TEST(Database, AServerThatCannotBeReachedIsStoreUnreachable) {
    StoreLocation nowhere;
    nowhere.engine = StoreEngine::PostgreSql;
    nowhere.user = QStringLiteral("nobody");
    nowhere.host = QStringLiteral("127.0.0.1");
    nowhere.port = 1; // nothing listens there
    nowhere.database = QStringLiteral("none");
    auto db = Database::open(nowhere);
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::StoreUnreachable);
    EXPECT_TRUE(db.error().detail.contains(QStringLiteral("postgresql://nobody@127.0.0.1:1/none")));
}

TEST(Database, ProcessesSharingAStoreRecoverOnlyWhatAGoneProcessLeft) {
    TestStore store;
    SystemClock clock;
    // Two Database objects stand for two processes: each registers itself as an owner of the store.
    auto first = store.open();
    ASSERT_TRUE(first);
    ConversationRepository conversations(*first, clock);
    MessageRepository messages(*first, clock);
    auto streamed = conversations.create(QStringLiteral("streaming"), std::nullopt, QStringLiteral("m"));
    auto deleted = conversations.create(QStringLiteral("deleted, undo offered"), std::nullopt, QStringLiteral("m"));
    ASSERT_TRUE(streamed && deleted);
    Message answer;
    answer.conversationId = streamed->id;
    answer.role = Role::Assistant;
    answer.content = QStringLiteral("still arriv");
    answer.state = MessageState::Streaming;
    const qint64 answerId = messages.add(answer)->id;
    ASSERT_TRUE(conversations.moveToTrash(deleted->id));

    {
        auto second = store.open();
        ASSERT_TRUE(second);
        EXPECT_NE(second->ownerId(), first->ownerId());
        EXPECT_EQ(MessageRepository(*second, clock).get(answerId)->state, MessageState::Streaming)
            << "a live process's answer is left streaming";
        EXPECT_EQ(*ConversationRepository(*second, clock).emptyTrash(), 0)
            << "another live process's deletion stays undoable";
    }
    ASSERT_TRUE(conversations.restoreFromTrash(deleted->id)) << "the first process can still undo";
    ASSERT_TRUE(conversations.moveToTrash(deleted->id));

    // The first process goes away without finishing either: a later process recovers both.
    const QString firstOwner = first->ownerId();
    ASSERT_TRUE(first->exec(QStringLiteral("UPDATE store_owners SET heartbeat_at = ? WHERE id = ?"),
                            {QStringLiteral("2000-01-01T00:00:00.000Z"), firstOwner}));
    auto third = store.open();
    ASSERT_TRUE(third);
    auto recovered = MessageRepository(*third, clock).get(answerId);
    EXPECT_EQ(recovered->state, MessageState::Incomplete);
    EXPECT_EQ(recovered->content, QStringLiteral("still arriv"));
    EXPECT_EQ(*ConversationRepository(*third, clock).emptyTrash(), 1);
}

namespace {

// Every table of a store and its columns, by name (engine bookkeeping and derived columns left out).
std::map<QString, QStringList> logicalSchema(const Database& db) {
    std::map<QString, QStringList> schema;
    QSqlQuery query(db.connection());
    if (db.engine() == StoreEngine::PostgreSql) {
        query.exec(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                                  "WHERE table_schema = current_schema() ORDER BY table_name, column_name"));
        while (query.next()) {
            if (query.value(1).toString() != QLatin1StringView("search")) {
                schema[query.value(0).toString()] << query.value(1).toString();
            }
        }
        schema.erase(QStringLiteral("schema_version"));
        return schema;
    }
    query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                              "AND name NOT LIKE 'messages_fts%'"));
    QStringList tables;
    while (query.next()) {
        tables << query.value(0).toString();
    }
    for (const QString& table : std::as_const(tables)) {
        QSqlQuery columns(db.connection());
        columns.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY name").arg(table));
        while (columns.next()) {
            schema[table] << columns.value(0).toString();
        }
    }
    return schema;
}

} // namespace

// Compares SQLite with PostgreSQL: ctest runs tests named …OnPostgresql in the PostgreSQL pass only.
TEST(Database, BothEnginesHoldTheSameTablesAndColumnsOnPostgresql) {
    ASSERT_TRUE(TestStore::postgresRequested()) << "run with TESSERA_TEST_ENGINE=postgresql";
    TestStore store;
    auto postgres = store.open();
    ASSERT_TRUE(postgres);
    auto sqlite = Database::open(StoreLocation::sqlite(store.directory() + QStringLiteral("/compare.sqlite3")));
    ASSERT_TRUE(sqlite);
    const auto expected = logicalSchema(**sqlite);
    const auto actual = logicalSchema(*postgres);
    ASSERT_FALSE(expected.empty());
    for (const auto& [table, columns] : expected) {
        ASSERT_TRUE(actual.count(table)) << "PostgreSQL has no table " << table.toStdString();
        EXPECT_EQ(actual.at(table), columns) << table.toStdString();
    }
    EXPECT_EQ(actual.size(), expected.size()) << "PostgreSQL has a table SQLite does not";
}

TEST(Database, AStoreCopyCoversEveryTableButTheProcessesUsingIt) {
    TestStore store;
    auto db = store.open();
    ASSERT_TRUE(db);
    std::set<QString> tables;
    for (const auto& [table, columns] : logicalSchema(*db)) {
        tables.insert(table);
    }
    tables.erase(QStringLiteral("store_owners"));       // live processes of this store, not data
    tables.erase(QStringLiteral("usage_reservations")); // requests those processes have in flight
    const std::set<QString> copied(StoreCopier::tables().begin(), StoreCopier::tables().end());
    EXPECT_EQ(copied, tables) << "a table the copy leaves out, or one that no longer exists";
}

// A SQLite file has no connection to lose: PostgreSQL only.
TEST(Database, ALostServerConnectionIsOpenedAgainOnPostgresql) {
    ASSERT_TRUE(TestStore::postgresRequested()) << "run with TESSERA_TEST_ENGINE=postgresql";
    TestStore store;
    auto db = store.open();
    ASSERT_TRUE(db);
    SystemClock clock;
    ConversationRepository conversations(*db, clock);
    ASSERT_TRUE(conversations.create(QStringLiteral("before"), std::nullopt, QStringLiteral("m")));
    // The server ends this process's connection, as a restart or an administrator would.
    const auto endConnection = [&] {
        QSqlQuery pid(db->connection());
        ASSERT_TRUE(pid.exec(QStringLiteral("SELECT pg_backend_pid()")) && pid.next());
        const qint64 backend = pid.value(0).toLongLong();
        pid.finish();
        {
            QSqlDatabase killer = QSqlDatabase::cloneDatabase(db->connection(), QStringLiteral("killer"));
            ASSERT_TRUE(killer.open());
            QSqlQuery terminate(killer);
            EXPECT_TRUE(terminate.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(backend)));
            terminate.finish();
            killer.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("killer"));
    };
    endConnection();
    auto after = conversations.create(QStringLiteral("after"), std::nullopt, QStringLiteral("m"));
    ASSERT_TRUE(after) << "a statement: " << after.error().toLogString().toStdString();
    // A statement kept prepared on the lost connection is prepared again on the new one.
    const QString count = QStringLiteral("SELECT COUNT(*) FROM conversations WHERE title <> ?");
    qint64 counted = -1;
    const auto countThem = [&]() {
        return db->execPrepared(count, {QStringLiteral("x")}, [&](QSqlQuery& query) {
            if (query.next()) {
                counted = query.value(0).toLongLong();
            }
        });
    };
    ASSERT_TRUE(countThem());
    endConnection();
    auto prepared = countThem();
    ASSERT_TRUE(prepared) << "a prepared statement: " << prepared.error().toLogString().toStdString();
    EXPECT_EQ(counted, 2);
    endConnection();
    auto inTransaction = db->transaction([&]() -> Status {
        auto created = conversations.create(QStringLiteral("in a transaction"), std::nullopt, QStringLiteral("m"));
        return created ? Status{} : fail(created.error());
    });
    ASSERT_TRUE(inTransaction) << "a transaction: " << inTransaction.error().toLogString().toStdString();
    auto listed = conversations.list();
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed->size(), 3u);
}
