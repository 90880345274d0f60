#include "storage/Database.h"
#include "common/Clock.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

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
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("nested/dir/t.sqlite3")));
    ASSERT_TRUE(db) << db.error().toLogString().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_GE(Database::latestSchemaVersion(), 1);
    for (const char* table : {"providers", "conversations", "messages"}) {
        EXPECT_EQ(scalar(**db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='%1'")
                                   .arg(QLatin1StringView(table))),
                  QStringLiteral("1"))
            << table;
    }
    EXPECT_EQ(scalar(**db, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    EXPECT_EQ(scalar(**db, QStringLiteral("PRAGMA foreign_keys")), QStringLiteral("1"));
    EXPECT_EQ(scalar(**db, QStringLiteral("PRAGMA busy_timeout")), QStringLiteral("5000"));
    EXPECT_EQ(*(*db)->integrityCheck(), QStringLiteral("ok"));
}

TEST(Database, ReopeningKeepsDataAndDoesNotRerunMigrations) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.sqlite3"));
    SystemClock clock;
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        ConversationRepository conversations(**db, clock);
        auto created = conversations.create(QStringLiteral("kept"), std::nullopt, QStringLiteral("m"));
        ASSERT_TRUE(created) << created.error().toLogString().toStdString();
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    ConversationRepository conversations(**db, clock);
    auto list = conversations.list();
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->front().title, QStringLiteral("kept"));
}

TEST(Database, RefusesASchemaNewerThanThisBuild) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.sqlite3"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        QSqlQuery query((*db)->connection());
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    auto db = Database::open(path);
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::MigrationFailed);
}

TEST(Database, AnUnopenablePathIsAStorageError) {
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
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.sqlite3"));
    SystemClock clock;
    qint64 id = 0;
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        ConversationRepository conversations(**db, clock);
        MessageRepository messages(**db, clock);
        auto conversation = conversations.create(QStringLiteral("c"), std::nullopt, QStringLiteral("m"));
        Message message;
        message.conversationId = conversation->id;
        message.role = Role::Assistant;
        message.content = QStringLiteral("half an ans");
        message.state = MessageState::Streaming;
        id = messages.add(message)->id;
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    MessageRepository messages(**db, clock);
    auto message = messages.get(id);
    ASSERT_TRUE(message);
    EXPECT_EQ(message->state, MessageState::Incomplete);
    EXPECT_EQ(message->content, QStringLiteral("half an ans"));
    EXPECT_EQ(message->errorCode, QStringLiteral("provider.stream_interrupted"));
}

TEST(Database, TransactionRollsBackWhenTheBodyFails) {
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite3")));
    ASSERT_TRUE(db);
    SystemClock clock;
    ConversationRepository conversations(**db, clock);
    auto status = (*db)->transaction([&]() -> Status {
        EXPECT_TRUE(conversations.create(QStringLiteral("gone"), std::nullopt, QString()));
        return fail(ErrorCode::Internal, QStringLiteral("boom"));
    });
    EXPECT_FALSE(status);
    EXPECT_TRUE(conversations.list()->empty());
}

TEST(Database, ANestedTransactionUndoesOnlyItsOwnWork) {
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite3")));
    ASSERT_TRUE(db);
    SystemClock clock;
    ConversationRepository conversations(**db, clock);
    auto outer = (*db)->transaction([&]() -> Status {
        EXPECT_TRUE(conversations.create(QStringLiteral("kept"), std::nullopt, QString()));
        auto inner = (*db)->transaction([&]() -> Status {
            EXPECT_TRUE(conversations.create(QStringLiteral("undone"), std::nullopt, QString()));
            return fail(ErrorCode::Internal, QStringLiteral("inner fails"));
        });
        EXPECT_FALSE(inner);
        return (*db)->transaction([&]() -> Status {
            return conversations.create(QStringLiteral("also kept"), std::nullopt, QString())
                       ? Status{}
                       : fail(ErrorCode::Internal);
        });
    });
    ASSERT_TRUE(outer) << outer.error().toLogString().toStdString();
    auto listed = conversations.list();
    ASSERT_EQ(listed->size(), 2U);
    auto failedOuter = (*db)->transaction([&]() -> Status {
        EXPECT_TRUE((*db)->transaction([&]() -> Status {
            return conversations.create(QStringLiteral("inner ok"), std::nullopt, QString())
                       ? Status{}
                       : fail(ErrorCode::Internal);
        }));
        return fail(ErrorCode::Internal, QStringLiteral("outer fails"));
    });
    EXPECT_FALSE(failedOuter);
    EXPECT_EQ(conversations.list()->size(), 2U) << "the outer rollback takes the inner work with it";
}
