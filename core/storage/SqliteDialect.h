#pragma once

#include "storage/SqlDialect.h"

namespace Tessera::Core {

// SQLite: WAL mode, foreign keys, a busy timeout; the schema version in PRAGMA user_version; writers serialised by
// BEGIN IMMEDIATE; FTS5 for search.
class SqliteDialect final : public SqlDialect {
public:
    StoreEngine engine() const override { return StoreEngine::Sqlite; }
    QSqlDatabase addConnection(const QString& name, const StoreLocation& location,
                               const QString& password) const override;
    Status configure(QSqlDatabase& db, const StoreLocation& location) const override;
    int schemaVersion(QSqlDatabase& db) const override;
    Status setSchemaVersion(QSqlDatabase& db, int version) const override;
    QString migrationLockSql() const override { return {}; }
    const std::vector<Migration>& migrations() const override;
    QString transactionLockSql(const QString&) const override { return {}; } // BEGIN IMMEDIATE excludes writers
    QString beginSql() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    ErrorCode classify(const QSqlError& error) const override;
    Result<QString> integrityCheck(QSqlDatabase& db) const override;
    QString joinedText(const QString& expression) const override;
    QString resetIdentitySql(const QString& table) const override;
    QString afterBulkLoadSql() const override;
};

} // namespace Tessera::Core
