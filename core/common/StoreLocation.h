#pragma once

#include "common/Result.h"

#include <QString>

namespace Tessera::Core {

enum class StoreEngine { Sqlite, PostgreSql };

// Where the store lives: a SQLite file, or a PostgreSQL database named by a URL of the form
// postgresql://USER@HOST:PORT/DB (optionally ?schema=NAME to keep Tessera's tables in one schema). A password in
// the URL is refused: it would end up in shell histories, settings and logs; it comes from PGPASSWORD or the
// keychain instead.
struct StoreLocation {
    StoreEngine engine = StoreEngine::Sqlite;
    QString path; // SQLite: the file (or ":memory:")
    QString user;
    QString host;
    int port = 5432;
    QString database;
    QString schema; // PostgreSQL: empty = the server's default search path

    // A path (or a file: URL) is a SQLite store; postgresql:// or postgres:// is a PostgreSQL one.
    static Result<StoreLocation> parse(const QString& text);
    static StoreLocation sqlite(const QString& path);

    bool isPostgreSql() const { return engine == StoreEngine::PostgreSql; }
    // The URL without any secret, for messages and logs; the file path for SQLite.
    QString displayName() const;
    // The keychain entry that holds the PostgreSQL password for this server, user and database.
    QString passwordKey() const;
};

// The store a composition root opens: --database if given, else TESSERA_DATABASE_URL, else the SQLite file in
// the data directory.
Result<StoreLocation> resolveStoreLocation(const QString& commandLineOverride, const QString& dataDirectory);

} // namespace Tessera::Core
