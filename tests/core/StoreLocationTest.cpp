#include "common/StoreLocation.h"
#include "app/StoreAdministration.h"
#include "secrets/MemorySecretStore.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

TEST(StoreLocation, APathIsASqliteStore) {
    auto location = StoreLocation::parse(QStringLiteral("/tmp/t/tessera.sqlite3"));
    ASSERT_TRUE(location);
    EXPECT_EQ(location->engine, StoreEngine::Sqlite);
    EXPECT_EQ(location->path, QStringLiteral("/tmp/t/tessera.sqlite3"));
    auto fileUrl = StoreLocation::parse(QStringLiteral("file:///tmp/t/x.sqlite3"));
    ASSERT_TRUE(fileUrl);
    EXPECT_EQ(fileUrl->path, QStringLiteral("/tmp/t/x.sqlite3"));
}

TEST(StoreLocation, APostgresqlUrlNamesUserHostPortDatabaseAndSchema) {
    auto location = StoreLocation::parse(QStringLiteral("postgresql://team@db.example:6543/tessera?schema=alpha"));
    ASSERT_TRUE(location) << location.error().detail.toStdString();
    EXPECT_TRUE(location->isPostgreSql());
    EXPECT_EQ(location->user, QStringLiteral("team"));
    EXPECT_EQ(location->host, QStringLiteral("db.example"));
    EXPECT_EQ(location->port, 6543);
    EXPECT_EQ(location->database, QStringLiteral("tessera"));
    EXPECT_EQ(location->schema, QStringLiteral("alpha"));
    EXPECT_EQ(location->displayName(), QStringLiteral("postgresql://team@db.example:6543/tessera?schema=alpha"));
    auto defaults = StoreLocation::parse(QStringLiteral("postgres://me@localhost/db"));
    ASSERT_TRUE(defaults);
    EXPECT_EQ(defaults->port, 5432);
    EXPECT_TRUE(defaults->schema.isEmpty());
}

TEST(StoreLocation, APasswordInTheUrlIsRefusedAndNeverEchoed) {
    auto location = StoreLocation::parse(QStringLiteral("postgresql://me:hunter2@localhost:5432/db"));
    ASSERT_FALSE(location);
    EXPECT_EQ(location.error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(location.error().detail.contains(QStringLiteral("hunter2")));
    EXPECT_TRUE(location.error().detail.contains(QStringLiteral("PGPASSWORD")));
}

TEST(StoreLocation, IncompleteOrHostileUrlsAreClearErrors) {
    for (const char* text : {"postgresql://localhost:5432/db", "postgresql://me@:5432/db", "postgresql://me@host/",
                             "postgresql://me@host/db?schema=a;DROP", "postgresql://me@host/db?sslmode=disable",
                             "mysql://me@host/db", "   "}) {
        auto location = StoreLocation::parse(QString::fromUtf8(text));
        EXPECT_FALSE(location) << text;
        if (!location) {
            EXPECT_EQ(location.error().code, ErrorCode::InvalidArgument) << text;
        }
    }
}

TEST(StoreLocation, TheCommandLineWinsOverTheEnvironmentWhichWinsOverTheDataDirectory) {
    qputenv("TESSERA_DATABASE_URL", "postgresql://env@localhost:5432/fromenv");
    auto fromEnvironment = resolveStoreLocation(QString(), QStringLiteral("/data"));
    ASSERT_TRUE(fromEnvironment);
    EXPECT_EQ(fromEnvironment->database, QStringLiteral("fromenv"));
    auto fromOption = resolveStoreLocation(QStringLiteral("/x/y.sqlite3"), QStringLiteral("/data"));
    ASSERT_TRUE(fromOption);
    EXPECT_EQ(fromOption->path, QStringLiteral("/x/y.sqlite3"));
    qunsetenv("TESSERA_DATABASE_URL");
    auto fromDirectory = resolveStoreLocation(QString(), QStringLiteral("/data"));
    ASSERT_TRUE(fromDirectory);
    EXPECT_EQ(fromDirectory->path, QStringLiteral("/data/tessera.sqlite3"));
}

TEST(StoreAdministration, APostgresqlPasswordLivesInTheKeychainUnlessPGPASSWORDIsSet) {
    MemorySecretStore secrets;
    StoreAdministration admin(secrets);
    auto location = StoreLocation::parse(QStringLiteral("postgresql://team@db.example:5432/tessera?schema=a"));
    ASSERT_TRUE(location);
    EXPECT_EQ(location->passwordKey(), QStringLiteral("database/postgresql://team@db.example:5432/tessera"))
        << "one entry per server, user and database, whatever the schema";
    qunsetenv("PGPASSWORD");
    EXPECT_EQ(*admin.password(*location), QString()) << "none stored yet";
    ASSERT_TRUE(admin.savePassword(*location, QStringLiteral("s3cret")));
    EXPECT_EQ(*admin.password(*location), QStringLiteral("s3cret"));
    qputenv("PGPASSWORD", "from-environment");
    EXPECT_EQ(*admin.password(*location), QString()) << "libpq reads PGPASSWORD itself";
    qunsetenv("PGPASSWORD");

    EXPECT_EQ(
        admin.savePassword(StoreLocation::sqlite(QStringLiteral("/tmp/x.sqlite3")), QStringLiteral("pw")).error().code,
        ErrorCode::InvalidArgument)
        << "a SQLite store has no password";
    EXPECT_EQ(admin.savePassword(*location, QString()).error().code, ErrorCode::InvalidArgument);
    secrets.setAvailable(false);
    EXPECT_EQ(*admin.password(*location), QString()) << "a keychain that cannot be asked does not stop the store";
}
