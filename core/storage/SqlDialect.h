#pragma once

#include "common/Result.h"
#include "common/StoreLocation.h"
#include "storage/Migrations.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <vector>

class QSqlError;

namespace Tessera::Core {

// What differs between the engines the store runs on, kept in one place: how a connection is set up, where the
// schema version lives, how a writing transaction starts, which errors mean "duplicate" or "busy", the integrity
// check, the migration list, and the few SQL pieces the engines spell differently. Repositories write SQL both
// engines accept and ask the dialect for the rest.
class SqlDialect {
public:
    virtual ~SqlDialect() = default;

    static std::unique_ptr<SqlDialect> create(const StoreLocation& location);

    virtual StoreEngine engine() const = 0;
    // Adds a connection named name for the location (not yet opened). password is used only by PostgreSQL.
    virtual QSqlDatabase addConnection(const QString& name, const StoreLocation& location,
                                       const QString& password) const = 0;
    // Runs once on every freshly opened connection (PRAGMAs, search_path, time zone).
    virtual Status configure(QSqlDatabase& db, const StoreLocation& location) const = 0;

    // -1 when it cannot be read.
    virtual int schemaVersion(QSqlDatabase& db) const = 0;
    virtual Status setSchemaVersion(QSqlDatabase& db, int version) const = 0;
    // Run as the first statement of every migration transaction: keeps two processes from migrating at once.
    virtual QString migrationLockSql() const = 0;
    virtual const std::vector<Migration>& migrations() const = 0;

    // Inside a writing transaction: keeps other processes' transactions that take the same named lock waiting until
    // this one ends ("" when the engine's writing transactions already exclude each other, as SQLite's do).
    virtual QString transactionLockSql(const QString& name) const = 0;
    // The statement that starts a top-level writing transaction.
    virtual QString beginSql() const = 0;
    // store.already_exists for unique/primary-key violations, store.busy for lock timeouts, store.failed otherwise.
    virtual ErrorCode classify(const QSqlError& error) const = 0;
    // "ok", or what is wrong.
    virtual Result<QString> integrityCheck(QSqlDatabase& db) const = 0;

    // Joins expression's text values of a group with the unit separator (char 31).
    virtual QString joinedText(const QString& expression) const = 0;
    // After rows were written with their own ids: moves the table's id counter past them ("" when the engine
    // needs nothing).
    virtual QString resetIdentitySql(const QString& table) const = 0;
    // After many rows arrived at once (a store copy): refreshes the planner's statistics ("" when not needed).
    virtual QString afterBulkLoadSql() const = 0;
};

} // namespace Tessera::Core
