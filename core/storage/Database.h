#pragma once

#include "common/Result.h"
#include "common/StoreLocation.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

class QSqlQuery;

namespace Tessera::Core {

class SqlDialect;
class StoreLease;

// The store, on SQLite (the default: WAL mode, foreign keys, a busy timeout) or PostgreSQL, with versioned
// migrations that each run in one transaction. Every thread gets its own connection (QSqlDatabase connections are
// thread-bound). What differs between the engines lives in the SqlDialect.
class Database final {
public:
    static Result<std::unique_ptr<Database>> open(const StoreLocation& location, const QString& password = {});
    // A SQLite store in the file at path.
    static Result<std::unique_ptr<Database>> open(const QString& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const StoreLocation& location() const { return m_location; }
    StoreEngine engine() const { return m_location.engine; }
    const SqlDialect& dialect() const { return *m_dialect; }
    // The SQLite file, or the PostgreSQL URL without secrets.
    QString path() const { return m_location.displayName(); }
    // This process's id among the processes sharing the store (see StoreLease).
    QString ownerId() const;
    // The connection for the calling thread, opened and configured on first use.
    QSqlDatabase connection() const;
    // A worker thread that is done with the store closes its connection (before the thread ends).
    void closeThreadConnection() const;

    int schemaVersion() const;
    int latestSchemaVersion() const;

    // Runs body inside one writing transaction; rolls back when body fails. Called inside another transaction on
    // the same thread, it becomes a savepoint: a failing body undoes only its own work.
    Status transaction(const std::function<Status()>& body) const;

    // A value as the store keeps it on either engine: null text as '', U+0000 as U+FFFD, flags as 0/1.
    static QVariant storableValue(const QVariant& value);
    // Prepares, binds (positionally) and executes. The query is returned positioned before the first row.
    Result<QSqlQuery> exec(const QString& sql, const QVariantList& values = {}) const;
    // The same for the few statements on hot paths (a budget check, a ledger entry): each thread keeps them
    // prepared, so they are parsed once. `read` sees the rows; afterwards the statement is reset, so it holds no
    // snapshot. `read` must not run the same statement again.
    Status execPrepared(const QString& sql, const QVariantList& values,
                        const std::function<void(QSqlQuery&)>& read = {}) const;

    // "ok" when the engine's integrity check passes, otherwise its findings.
    Result<QString> integrityCheck() const;

private:
    Database(StoreLocation location, QString password);
    Status migrate();
    Status recoverInterruptedStreams();
    QString connectionName() const;
    Result<QSqlQuery> execOnce(const QString& sql, const QVariantList& values) const;
    // Drops this thread's connection; the next use opens a new one.
    void reconnect() const;
    // Forgets the statements this thread keeps prepared on its connection (before the connection goes).
    void forgetPrepared() const;

    StoreLocation m_location;
    QString m_password;
    std::unique_ptr<SqlDialect> m_dialect;
    // The statements each thread keeps prepared on its connection (execPrepared), by SQL.
    mutable std::mutex m_preparedMutex;
    mutable std::unordered_map<Qt::HANDLE, QHash<QString, QSqlQuery>> m_prepared;
    QString m_connectionPrefix;
    std::unique_ptr<StoreLease> m_lease;
};

QString toStoredTime(const QDateTime& time);
QDateTime fromStoredTime(const QString& text);

} // namespace Tessera::Core
