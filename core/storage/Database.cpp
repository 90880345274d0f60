#include "storage/Database.h"

#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "storage/Migrations.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <unordered_map>

namespace Tessera::Core {

namespace {

Error sqlError(const QSqlError& error, const QString& what) {
    return makeError(ErrorCode::StorageFailed, what + QStringLiteral(": ") + error.text());
}

} // namespace

QString toStoredTime(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStoredTime(const QString& text) {
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

Database::Database(QString path)
    : m_path(std::move(path))
    , m_connectionPrefix(QStringLiteral("tessera-") + newCorrelationId()) {
}

Database::~Database() {
    // Connections of other threads are closed when those threads' workers finish with them.
    const QString name = m_connectionPrefix + QStringLiteral("-") +
                         QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

Result<std::unique_ptr<Database>> Database::open(const QString& path) {
    if (path != QLatin1StringView(":memory:")) {
        const QFileInfo info(path);
        if (!QDir().mkpath(info.absolutePath())) {
            return fail(ErrorCode::StorageFailed, QStringLiteral("cannot create directory ") + info.absolutePath());
        }
    }
    std::unique_ptr<Database> db(new Database(path));
    QSqlDatabase connection = db->connection();
    if (!connection.isOpen()) {
        return fail(sqlError(connection.lastError(), QStringLiteral("cannot open ") + path));
    }
    if (auto status = db->migrate(); !status) {
        return fail(status.error());
    }
    if (auto status = db->recoverInterruptedStreams(); !status) {
        return fail(status.error());
    }
    return db;
}

QSqlDatabase Database::connection() const {
    const QString name = m_connectionPrefix + QStringLiteral("-") +
                         QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name)) {
        return QSqlDatabase::database(name);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        log("store")->error("cannot open database {}: {}", m_path, db.lastError().text());
        return db;
    }
    QSqlQuery pragma(db);
    for (const char* statement : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL",
                                  "PRAGMA busy_timeout=5000"}) {
        if (!pragma.exec(QString::fromLatin1(statement))) {
            log("store")->warn("{} failed: {}", statement, pragma.lastError().text());
        }
    }
    return db;
}

int Database::schemaVersion() const {
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        return query.value(0).toInt();
    }
    return -1;
}

int Database::latestSchemaVersion() {
    return migrations().empty() ? 0 : migrations().back().version;
}

namespace {

// How deep the calling thread is inside transaction() per database: nested calls become savepoints.
thread_local std::unordered_map<const Database*, int> t_transactionDepth;

} // namespace

Status Database::transaction(const std::function<Status()>& body) const {
    QSqlDatabase db = connection();
    int& depth = t_transactionDepth[this];
    const QString savepoint = QStringLiteral("nested_%1").arg(depth);
    QSqlQuery begin(db);
    if (!begin.exec(depth == 0 ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT ") + savepoint)) {
        return fail(sqlError(begin.lastError(), QStringLiteral("begin transaction")));
    }
    ++depth;
    Status status = body();
    --depth;
    QSqlQuery end(db);
    if (depth > 0) {
        if (!status) {
            end.exec(QStringLiteral("ROLLBACK TO ") + savepoint);
            end.exec(QStringLiteral("RELEASE ") + savepoint);
            return status;
        }
        if (!end.exec(QStringLiteral("RELEASE ") + savepoint)) {
            return fail(sqlError(end.lastError(), QStringLiteral("release savepoint")));
        }
        return {};
    }
    if (!status) {
        end.exec(QStringLiteral("ROLLBACK"));
        return status;
    }
    if (!end.exec(QStringLiteral("COMMIT"))) {
        const Error error = sqlError(end.lastError(), QStringLiteral("commit"));
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        return fail(error);
    }
    return {};
}

Result<QSqlQuery> Database::exec(const QString& sql, const QVariantList& values) const {
    QSqlQuery query(connection());
    if (!query.prepare(sql)) {
        return fail(sqlError(query.lastError(), QStringLiteral("prepare")));
    }
    for (const QVariant& value : values) {
        // A null QString binds as SQL NULL; text columns are NOT NULL, so bind it as ''. NULL is bound on
        // purpose only through typed null variants (optional numbers and ids).
        if (value.typeId() == QMetaType::QString && value.toString().isNull()) {
            query.addBindValue(QStringLiteral(""));
        } else {
            query.addBindValue(value);
        }
    }
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        // SQLite extended code 2067 / 1555: UNIQUE / PRIMARY KEY constraint.
        if (error.nativeErrorCode() == QLatin1StringView("2067") ||
            error.nativeErrorCode() == QLatin1StringView("1555") ||
            error.databaseText().contains(QLatin1StringView("UNIQUE constraint"))) {
            return fail(ErrorCode::AlreadyExists, error.databaseText());
        }
        return fail(sqlError(error, QStringLiteral("execute")));
    }
    return query;
}

Status Database::migrate() {
    const int current = schemaVersion();
    if (current < 0) {
        return fail(ErrorCode::MigrationFailed, QStringLiteral("cannot read schema version of ") + m_path);
    }
    if (current > latestSchemaVersion()) {
        return fail(ErrorCode::MigrationFailed, QStringLiteral("database schema %1 is newer than this Tessera (%2)")
                                                    .arg(current)
                                                    .arg(latestSchemaVersion()));
    }
    for (const Migration& migration : migrations()) {
        if (migration.version <= current) {
            continue;
        }
        auto status = transaction([&]() -> Status {
            for (const QString& statement : migration.statements) {
                QSqlQuery query(connection());
                if (!query.exec(statement)) {
                    return fail(
                        ErrorCode::MigrationFailed,
                        QStringLiteral("migration %1: %2").arg(migration.version).arg(query.lastError().text()));
                }
            }
            QSqlQuery version(connection());
            if (!version.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version))) {
                return fail(ErrorCode::MigrationFailed, version.lastError().text());
            }
            return {};
        });
        if (!status) {
            log("store")->error("migration to {} failed: {}", migration.version, status.error().toLogString());
            return status;
        }
        log("store")->info("database {} migrated to schema {}", m_path, migration.version);
    }
    return {};
}

Status Database::recoverInterruptedStreams() {
    // A message still marked as streaming when the store opens was cut off by a crash or a kill:
    // keep its text and mark it incomplete.
    auto result = exec(QStringLiteral("UPDATE messages SET state = 'incomplete', error_code = ? "
                                      "WHERE state = 'streaming'"),
                       {QString(codeName(ErrorCode::StreamInterrupted))});
    if (!result) {
        return fail(result.error());
    }
    if (const int n = result->numRowsAffected(); n > 0) {
        log("store")->warn("marked {} interrupted answer(s) as incomplete", n);
    }
    return {};
}

Result<QString> Database::integrityCheck() const {
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        return fail(sqlError(query.lastError(), QStringLiteral("integrity_check")));
    }
    QStringList findings;
    while (query.next()) {
        findings << query.value(0).toString();
    }
    return findings.join(QLatin1Char('\n'));
}

} // namespace Tessera::Core
