#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

class QSqlQuery;

namespace Tessera::Core {

// The local SQLite store: WAL mode, foreign keys, a busy timeout, and versioned migrations that each run
// in one transaction. Every thread gets its own connection (QSqlDatabase connections are thread-bound).
class Database final {
public:
    static Result<std::unique_ptr<Database>> open(const QString& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QString path() const { return m_path; }
    // The connection for the calling thread, opened and configured on first use.
    QSqlDatabase connection() const;

    int schemaVersion() const;
    static int latestSchemaVersion();

    // Runs body inside BEGIN IMMEDIATE … COMMIT; rolls back when body fails. Called inside another transaction on
    // the same thread, it becomes a savepoint: a failing body undoes only its own work.
    Status transaction(const std::function<Status()>& body) const;

    // Prepares, binds (positionally) and executes. The query is returned positioned before the first row.
    Result<QSqlQuery> exec(const QString& sql, const QVariantList& values = {}) const;

    // "ok" when SQLite's integrity_check passes, otherwise its findings.
    Result<QString> integrityCheck() const;

private:
    explicit Database(QString path);
    Status migrate();
    Status recoverInterruptedStreams();

    QString m_path;
    QString m_connectionPrefix;
};

QString toStoredTime(const QDateTime& time);
QDateTime fromStoredTime(const QString& text);

} // namespace Tessera::Core
