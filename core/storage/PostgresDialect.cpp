#include "storage/PostgresDialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Tessera::Core {

namespace {

// The key of the advisory lock that keeps two processes from migrating the same database at once.
constexpr qint64 kMigrationLock = 0x7465737365726101;

Status run(QSqlDatabase& db, const QString& sql) {
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        return fail(ErrorCode::StorageFailed, sql.left(80) + QStringLiteral(": ") + query.lastError().text());
    }
    return {};
}

} // namespace

QSqlDatabase PostgresDialect::addConnection(const QString& name, const StoreLocation& location,
                                            const QString& password) const {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(location.host);
    db.setPort(location.port);
    db.setUserName(location.user);
    db.setDatabaseName(location.database);
    if (!password.isEmpty()) {
        db.setPassword(password);
    }
    db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=tessera"));
    return db;
}

Status PostgresDialect::configure(QSqlDatabase& db, const StoreLocation& location) const {
    if (auto quiet = run(db, QStringLiteral("SET client_min_messages TO warning")); !quiet) {
        return quiet;
    }
    if (!location.schema.isEmpty()) {
        // The schema name was checked to be a plain identifier when the URL was parsed.
        const QString schema = QLatin1Char('"') + location.schema + QLatin1Char('"');
        if (auto created = run(db, QStringLiteral("CREATE SCHEMA IF NOT EXISTS ") + schema); !created) {
            return created;
        }
        if (auto path = run(db, QStringLiteral("SET search_path TO ") + schema); !path) {
            return path;
        }
    }
    return run(db, QStringLiteral("SET TIME ZONE 'UTC'"));
}

int PostgresDialect::schemaVersion(QSqlDatabase& db) const {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) || !query.next()) {
        return -1;
    }
    if (!query.value(0).toBool()) {
        return 0;
    }
    if (!query.exec(QStringLiteral("SELECT version FROM schema_version WHERE id = 1")) || !query.next()) {
        return -1;
    }
    return query.value(0).toInt();
}

Status PostgresDialect::setSchemaVersion(QSqlDatabase& db, int version) const {
    return run(db, QStringLiteral("UPDATE schema_version SET version = %1 WHERE id = 1").arg(version));
}

QString PostgresDialect::transactionLockSql(const QString& name) const {
    // Names are Tessera's own constants ("tessera.budgets"), never user input.
    return QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('%1'))").arg(name);
}

QString PostgresDialect::migrationLockSql() const {
    return QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock);
}

const std::vector<Migration>& PostgresDialect::migrations() const {
    return postgresMigrations();
}

ErrorCode PostgresDialect::classify(const QSqlError& error) const {
    const QString state = error.nativeErrorCode(); // the SQLSTATE
    if (state == QLatin1StringView("23505")) {
        return ErrorCode::AlreadyExists;
    }
    if (state == QLatin1StringView("40001") || state == QLatin1StringView("40P01") ||
        state == QLatin1StringView("55P03") || state == QLatin1StringView("57014")) {
        return ErrorCode::StoreBusy;
    }
    const QString text = error.databaseText() + error.driverText();
    if (state.startsWith(QLatin1StringView("08")) || state.startsWith(QLatin1StringView("57P")) ||
        error.type() == QSqlError::ConnectionError ||
        text.contains(QLatin1StringView("server closed the connection"), Qt::CaseInsensitive) ||
        text.contains(QLatin1StringView("no connection to the server"), Qt::CaseInsensitive) ||
        text.contains(QLatin1StringView("terminating connection"), Qt::CaseInsensitive)) {
        return ErrorCode::StoreUnreachable;
    }
    return ErrorCode::StorageFailed;
}

Result<QString> PostgresDialect::integrityCheck(QSqlDatabase& db) const {
    QStringList findings;
    QSqlQuery query(db);
    for (const char* table : {"providers", "conversations", "messages", "message_images", "response_cache", "metrics",
                              "settings", "drafts", "tags", "conversation_tags", "schema_version", "store_owners"}) {
        if (!query.exec(QStringLiteral("SELECT to_regclass('%1') IS NOT NULL").arg(QLatin1StringView(table))) ||
            !query.next()) {
            return fail(ErrorCode::StorageFailed, QStringLiteral("integrity check: ") + query.lastError().text());
        }
        if (!query.value(0).toBool()) {
            findings << QStringLiteral("table %1 is missing").arg(QLatin1StringView(table));
        }
    }
    // An index left invalid by an interrupted CREATE INDEX CONCURRENTLY or a failed build.
    if (!query.exec(QStringLiteral("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                                   "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                   "WHERE NOT i.indisvalid AND n.nspname = current_schema()"))) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("integrity check: ") + query.lastError().text());
    }
    while (query.next()) {
        findings << QStringLiteral("index %1 is invalid").arg(query.value(0).toString());
    }
    // Messages whose parent is gone would break a branch (SQLite keeps the same rule by the repository alone).
    if (findings.isEmpty()) {
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM messages m WHERE m.parent_id IS NOT NULL AND NOT EXISTS "
                                       "(SELECT 1 FROM messages p WHERE p.id = m.parent_id)")) ||
            !query.next()) {
            return fail(ErrorCode::StorageFailed, QStringLiteral("integrity check: ") + query.lastError().text());
        }
        if (const qint64 orphans = query.value(0).toLongLong(); orphans > 0) {
            findings << QStringLiteral("%1 messages follow a message that no longer exists").arg(orphans);
        }
    }
    return findings.isEmpty() ? QStringLiteral("ok") : findings.join(QLatin1Char('\n'));
}

QString PostgresDialect::joinedText(const QString& expression) const {
    return QStringLiteral("string_agg(%1, chr(31))").arg(expression);
}

QString PostgresDialect::afterBulkLoadSql() const {
    return QStringLiteral("ANALYZE");
}

QString PostgresDialect::resetIdentitySql(const QString& table) const {
    return QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM %1")
        .arg(table);
}

} // namespace Tessera::Core
