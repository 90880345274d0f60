#include "storage/SqliteDialect.h"

#include "logging/Logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Tessera::Core {

QSqlDatabase SqliteDialect::addConnection(const QString& name, const StoreLocation& location,
                                          const QString& /*password*/) const {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(location.path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    return db;
}

Status SqliteDialect::configure(QSqlDatabase& db, const StoreLocation& /*location*/) const {
    QSqlQuery pragma(db);
    for (const char* statement : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL",
                                  "PRAGMA busy_timeout=5000"}) {
        if (!pragma.exec(QString::fromLatin1(statement))) {
            log("store")->warn("{} failed: {}", statement, pragma.lastError().text());
        }
    }
    return {};
}

int SqliteDialect::schemaVersion(QSqlDatabase& db) const {
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        return query.value(0).toInt();
    }
    return -1;
}

Status SqliteDialect::setSchemaVersion(QSqlDatabase& db, int version) const {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))) {
        return fail(ErrorCode::MigrationFailed, query.lastError().text());
    }
    return {};
}

const std::vector<Migration>& SqliteDialect::migrations() const {
    return sqliteMigrations();
}

ErrorCode SqliteDialect::classify(const QSqlError& error) const {
    const QString code = error.nativeErrorCode();
    // Extended codes 2067 / 1555: UNIQUE / PRIMARY KEY constraint; 5 / 6 (and their extended forms): locked.
    if (code == QLatin1StringView("2067") || code == QLatin1StringView("1555") ||
        error.databaseText().contains(QLatin1StringView("UNIQUE constraint"))) {
        return ErrorCode::AlreadyExists;
    }
    bool numeric = false;
    const int primary = code.toInt(&numeric) & 0xff;
    if (numeric && (primary == 5 || primary == 6)) {
        return ErrorCode::StoreBusy;
    }
    return ErrorCode::StorageFailed;
}

Result<QString> SqliteDialect::integrityCheck(QSqlDatabase& db) const {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("integrity_check: ") + query.lastError().text());
    }
    QStringList findings;
    while (query.next()) {
        findings << query.value(0).toString();
    }
    return findings.join(QLatin1Char('\n'));
}

QString SqliteDialect::joinedText(const QString& expression) const {
    return QStringLiteral("group_concat(%1, char(31))").arg(expression);
}

QString SqliteDialect::afterBulkLoadSql() const {
    return {}; // SQLite's planner does well without statistics for Tessera's queries
}

QString SqliteDialect::resetIdentitySql(const QString& /*table*/) const {
    return {}; // rowids continue after the largest one
}

} // namespace Tessera::Core
