#pragma once

#include "storage/SqlDialect.h"

namespace Tessera::Core {

// PostgreSQL (15 and later): the schema version in a one-row table, migrations serialised by an advisory lock,
// times in UTC, and an optional schema of its own (search_path) so one database can hold several stores.
class PostgresDialect final : public SqlDialect {
public:
    StoreEngine engine() const override { return StoreEngine::PostgreSql; }
    QSqlDatabase addConnection(const QString& name, const StoreLocation& location,
                               const QString& password) const override;
    Status configure(QSqlDatabase& db, const StoreLocation& location) const override;
    int schemaVersion(QSqlDatabase& db) const override;
    Status setSchemaVersion(QSqlDatabase& db, int version) const override;
    QString migrationLockSql() const override;
    const std::vector<Migration>& migrations() const override;
    QString transactionLockSql(const QString& name) const override;
    QString beginSql() const override { return QStringLiteral("BEGIN"); }
    ErrorCode classify(const QSqlError& error) const override;
    Result<QString> integrityCheck(QSqlDatabase& db) const override;
    QString joinedText(const QString& expression) const override;
    QString resetIdentitySql(const QString& table) const override;
    QString afterBulkLoadSql() const override;
};

} // namespace Tessera::Core
