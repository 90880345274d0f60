#include "storage/Database.h"

#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "storage/Migrations.h"
#include "storage/SqlDialect.h"
#include "storage/StoreLease.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <mutex>

#include <unordered_map>

namespace Tessera::Core {

namespace {

Error sqlError(const QSqlError& error, const QString& what, ErrorCode code = ErrorCode::StorageFailed) {
    return makeError(code, what + QStringLiteral(": ") + error.text());
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

Database::Database(StoreLocation location, QString password)
    : m_location(std::move(location))
    , m_password(std::move(password))
    , m_dialect(SqlDialect::create(m_location))
    , m_connectionPrefix(QStringLiteral("tessera-") + newCorrelationId()) {
}

QString Database::connectionName() const {
    return m_connectionPrefix + QStringLiteral("-") +
           QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

Database::~Database() {
    m_lease.reset();
    forgetPrepared();
    // Connections of other threads are closed when those threads' workers finish with them.
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

Result<std::unique_ptr<Database>> Database::open(const QString& path) {
    return open(StoreLocation::sqlite(path));
}

Result<std::unique_ptr<Database>> Database::open(const StoreLocation& location, const QString& password) {
    if (location.engine == StoreEngine::Sqlite && location.path != QLatin1StringView(":memory:")) {
        const QFileInfo info(location.path);
        if (!QDir().mkpath(info.absolutePath())) {
            return fail(ErrorCode::StorageFailed, QStringLiteral("cannot create directory ") + info.absolutePath());
        }
    }
    std::unique_ptr<Database> db(new Database(location, password));
    QSqlDatabase connection = db->connection();
    if (!connection.isOpen()) {
        const QSqlError error = connection.lastError();
        const ErrorCode code = location.isPostgreSql() ? ErrorCode::StoreUnreachable : ErrorCode::StorageFailed;
        return fail(code, QStringLiteral("cannot open ") + location.displayName() + QStringLiteral(": ") +
                              (error.text().trimmed().isEmpty() ? QStringLiteral("unknown error") : error.text()));
    }
    if (auto status = db->migrate(); !status) {
        return fail(status.error());
    }
    db->m_lease = std::make_unique<StoreLease>(*db);
    if (auto status = db->m_lease->acquire(); !status) {
        return fail(status.error());
    }
    if (auto status = db->recoverInterruptedStreams(); !status) {
        return fail(status.error());
    }
    return db;
}

void Database::closeThreadConnection() const {
    forgetPrepared();
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name)) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString Database::ownerId() const {
    return m_lease ? m_lease->id() : QString();
}

QSqlDatabase Database::connection() const {
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        return QSqlDatabase::database(name);
    }
    QSqlDatabase db = m_dialect->addConnection(name, m_location, m_password);
    if (!db.open()) {
        log("store")->error("cannot open database {}: {}", m_location.displayName(), db.lastError().text());
        return db;
    }
    if (auto configured = m_dialect->configure(db, m_location); !configured) {
        log("store")->error("cannot set up the connection to {}: {}", m_location.displayName(),
                            configured.error().toLogString());
        db.close();
    }
    return db;
}

int Database::schemaVersion() const {
    QSqlDatabase db = connection();
    return m_dialect->schemaVersion(db);
}

int Database::latestSchemaVersion() const {
    const auto& all = m_dialect->migrations();
    return all.empty() ? 0 : all.back().version;
}

namespace {

// How deep the calling thread is inside transaction() per database: nested calls become savepoints.
thread_local std::unordered_map<const Database*, int> t_transactionDepth;

} // namespace

Status Database::transaction(const std::function<Status()>& body) const {
    int& depth = t_transactionDepth[this];
    const QString savepoint = QStringLiteral("nested_%1").arg(depth);
    const QString beginSql = depth == 0 ? m_dialect->beginSql() : QStringLiteral("SAVEPOINT ") + savepoint;
    auto begin = [&]() -> Status {
        QSqlQuery query(connection());
        if (!query.exec(beginSql)) {
            return fail(sqlError(query.lastError(), QStringLiteral("begin transaction"),
                                 m_dialect->classify(query.lastError())));
        }
        return {};
    };
    Status begun = begin();
    if (!begun && begun.error().code == ErrorCode::StoreUnreachable && depth == 0) {
        // The server closed the connection since the last statement: nothing was begun, so begin on a new one.
        log("store")->warn("lost the connection to {} ({}); reconnecting", m_location.displayName(),
                           begun.error().detail);
        reconnect();
        begun = begin();
    }
    if (!begun) {
        return begun;
    }
    QSqlDatabase db = connection();
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
        const Error error = sqlError(end.lastError(), QStringLiteral("commit"), m_dialect->classify(end.lastError()));
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        return fail(error);
    }
    return {};
}

QVariant Database::storableValue(const QVariant& value) {
    if (value.isNull()) {
        return value; // SQL NULL (a typed null variant), as meant
    }
    if (value.typeId() == QMetaType::QString) {
        QString text = value.toString();
        // A null QString binds as SQL NULL; text columns are NOT NULL, so bind it as ''. NULL is bound on purpose
        // only through typed null variants (optional numbers and ids).
        if (text.isNull()) {
            return QStringLiteral("");
        }
        // PostgreSQL text cannot hold U+0000; on both engines it is stored as U+FFFD, so stores copy unchanged.
        if (text.contains(QChar(0))) {
            text.replace(QChar(0), QChar(QChar::ReplacementCharacter));
        }
        return text;
    }
    if (value.typeId() == QMetaType::Bool) {
        // Flags are INTEGER 0/1 columns on both engines; PostgreSQL will not store a boolean in one.
        return value.toBool() ? 1 : 0;
    }
    return value;
}

Result<QSqlQuery> Database::exec(const QString& sql, const QVariantList& values) const {
    auto result = execOnce(sql, values);
    if (!result && result.error().code == ErrorCode::StoreUnreachable && t_transactionDepth[this] == 0) {
        // The server closed the connection (a restart, an idle timeout): open a new one and try once more.
        // Inside a transaction nothing is retried: the transaction is gone with the connection.
        log("store")->warn("lost the connection to {} ({}); reconnecting", m_location.displayName(),
                           result.error().detail);
        reconnect();
        result = execOnce(sql, values);
    }
    return result;
}

void Database::reconnect() const {
    forgetPrepared();
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

void Database::forgetPrepared() const {
    QHash<QString, QSqlQuery> statements; // finished outside the lock
    {
        const std::lock_guard lock(m_preparedMutex);
        if (auto found = m_prepared.find(QThread::currentThreadId()); found != m_prepared.end()) {
            statements = std::move(found->second);
            m_prepared.erase(found);
        }
    }
}

Status Database::execPrepared(const QString& sql, const QVariantList& values,
                              const std::function<void(QSqlQuery&)>& read) const {
    const auto forget = [&] {
        const std::lock_guard lock(m_preparedMutex);
        m_prepared[QThread::currentThreadId()].remove(sql);
    };
    const auto run = [&]() -> Status {
        std::optional<QSqlQuery> kept;
        {
            const std::lock_guard lock(m_preparedMutex);
            const QHash<QString, QSqlQuery>& statements = m_prepared[QThread::currentThreadId()];
            if (auto found = statements.constFind(sql); found != statements.constEnd()) {
                kept = *found;
            }
        }
        if (!kept) {
            QSqlQuery fresh(connection());
            if (!fresh.prepare(sql)) {
                return fail(
                    sqlError(fresh.lastError(), QStringLiteral("prepare"), m_dialect->classify(fresh.lastError())));
            }
            const std::lock_guard lock(m_preparedMutex);
            m_prepared[QThread::currentThreadId()].insert(sql, fresh);
            kept = fresh;
        }
        QSqlQuery& query = *kept; // shares the prepared statement with the map, which `read` may change
        for (qsizetype i = 0; i < values.size(); ++i) {
            query.bindValue(int(i), storableValue(values.at(i)));
        }
        if (!query.exec()) {
            const QSqlError error = query.lastError();
            const ErrorCode code = m_dialect->classify(error);
            forget(); // prepared again next time, in case the connection changed under it
            if (code == ErrorCode::AlreadyExists) {
                return fail(code, error.databaseText());
            }
            return fail(sqlError(error, QStringLiteral("execute"), code));
        }
        if (read) {
            read(query);
        }
        query.finish();
        return {};
    };
    Status status = run();
    if (!status && status.error().code == ErrorCode::StoreUnreachable && t_transactionDepth[this] == 0) {
        log("store")->warn("lost the connection to {} ({}); reconnecting", m_location.displayName(),
                           status.error().detail);
        reconnect();
        status = run();
    }
    return status;
}

Result<QSqlQuery> Database::execOnce(const QString& sql, const QVariantList& values) const {
    QSqlQuery query(connection());
    if (!query.prepare(sql)) {
        return fail(sqlError(query.lastError(), QStringLiteral("prepare"), m_dialect->classify(query.lastError())));
    }
    for (const QVariant& value : values) {
        query.addBindValue(storableValue(value));
    }
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        const ErrorCode code = m_dialect->classify(error);
        if (code == ErrorCode::AlreadyExists) {
            return fail(code, error.databaseText());
        }
        return fail(sqlError(error, QStringLiteral("execute"), code));
    }
    return query;
}

Status Database::migrate() {
    const int current = schemaVersion();
    if (current < 0) {
        return fail(ErrorCode::MigrationFailed,
                    QStringLiteral("cannot read schema version of ") + m_location.displayName());
    }
    if (current > latestSchemaVersion()) {
        return fail(ErrorCode::MigrationFailed, QStringLiteral("database schema %1 is newer than this Tessera (%2)")
                                                    .arg(current)
                                                    .arg(latestSchemaVersion()));
    }
    for (const Migration& migration : m_dialect->migrations()) {
        if (migration.version <= current) {
            continue;
        }
        bool applied = false;
        auto status = transaction([&]() -> Status {
            QSqlDatabase db = connection();
            QSqlQuery query(db);
            // Another process may have migrated while this one waited for the lock.
            if (const QString lock = m_dialect->migrationLockSql(); !lock.isEmpty() && !query.exec(lock)) {
                return fail(ErrorCode::MigrationFailed, query.lastError().text());
            }
            if (m_dialect->schemaVersion(db) >= migration.version) {
                return {};
            }
            for (const QString& statement : migration.statements) {
                if (!query.exec(statement)) {
                    return fail(
                        ErrorCode::MigrationFailed,
                        QStringLiteral("migration %1: %2").arg(migration.version).arg(query.lastError().text()));
                }
            }
            applied = true;
            return m_dialect->setSchemaVersion(db, migration.version);
        });
        if (!status) {
            log("store")->error("migration to {} failed: {}", migration.version, status.error().toLogString());
            return status;
        }
        if (applied) {
            log("store")->info("database {} migrated to schema {}", m_location.displayName(), migration.version);
        }
    }
    return {};
}

Status Database::recoverInterruptedStreams() {
    // A message still marked as streaming by a process that is gone was cut off by a crash or a kill: keep its
    // text and mark it incomplete. Answers other live processes are streaming are left alone.
    auto result = exec(QStringLiteral("UPDATE messages SET state = 'incomplete', error_code = ? "
                                      "WHERE state = 'streaming' AND ") +
                           StoreLease::ownerGone(QStringLiteral("owner")),
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
    QSqlDatabase db = connection();
    return m_dialect->integrityCheck(db);
}

} // namespace Tessera::Core
