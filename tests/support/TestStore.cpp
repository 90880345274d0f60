#include "support/TestStore.h"

#include "common/CorrelationId.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace Tessera::Testing {

namespace {

// Runs one statement on a short-lived connection to the test server's database (outside any test schema).
bool runOnServer(const Core::StoreLocation& server, const QString& sql, QString* error) {
    const QString name = QStringLiteral("tessera-test-admin-") + Core::newCorrelationId();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(server.host);
        db.setPort(server.port);
        db.setUserName(server.user);
        db.setDatabaseName(server.database);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(QStringLiteral("SET client_min_messages TO warning")) && query.exec(sql);
            if (!ok && error) {
                *error = query.lastError().text();
            }
            db.close();
        } else if (error) {
            *error = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

bool TestStore::postgresRequested() {
    return qEnvironmentVariable("TESSERA_TEST_ENGINE") == QLatin1StringView("postgresql");
}

TestStore::TestStore() {
    if (!postgresRequested()) {
        m_location = Core::StoreLocation::sqlite(m_dir.filePath(QStringLiteral("tessera.sqlite3")));
        return;
    }
    m_location = newSchema();
}

Core::StoreLocation TestStore::newSchema() {
    const QString url = qEnvironmentVariable("TESSERA_TEST_POSTGRES_URL");
    if (url.isEmpty()) {
        ADD_FAILURE() << "TESSERA_TEST_ENGINE=postgresql needs TESSERA_TEST_POSTGRES_URL (a server to test on); "
                         "./scripts/test.sh starts one";
        return Core::StoreLocation::sqlite(m_dir.filePath(QStringLiteral("unused.sqlite3")));
    }
    auto server = Core::StoreLocation::parse(url);
    if (!server) {
        ADD_FAILURE() << "TESSERA_TEST_POSTGRES_URL: " << server.error().detail.toStdString();
        return Core::StoreLocation::sqlite(m_dir.filePath(QStringLiteral("unused.sqlite3")));
    }
    Core::StoreLocation location = *server;
    location.schema = QStringLiteral("t_") + Core::newCorrelationId().remove(QLatin1Char('-')).left(20).toLower();
    m_schemas << location.schema;
    return location;
}

Core::StoreLocation TestStore::sibling(const QString& name) {
    if (!isPostgres()) {
        return Core::StoreLocation::sqlite(m_dir.filePath(name + QStringLiteral(".sqlite3")));
    }
    return newSchema();
}

TestStore::~TestStore() {
    if (m_schemas.isEmpty()) {
        return;
    }
    Core::StoreLocation server = m_location;
    server.schema.clear();
    for (const QString& schema : std::as_const(m_schemas)) {
        QString error;
        if (!runOnServer(server, QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE").arg(schema), &error)) {
            ADD_FAILURE() << "could not drop test schema " << schema.toStdString() << ": " << error.toStdString();
        }
    }
}

namespace {

Core::Status refuse(const Core::Database& db, const QString& operation, const QString& table,
                    const QString& condition) {
    QStringList statements;
    if (db.engine() == Core::StoreEngine::PostgreSql) {
        statements << QStringLiteral("CREATE FUNCTION refuse_%1() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                     "IF %2 THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$")
                          .arg(table, condition)
                   << QStringLiteral("CREATE TRIGGER refuse BEFORE %2 ON %1 FOR EACH ROW EXECUTE FUNCTION "
                                     "refuse_%1()")
                          .arg(table, operation);
    } else {
        statements << QStringLiteral("CREATE TRIGGER refuse BEFORE %3 ON %1 WHEN %2 "
                                     "BEGIN SELECT RAISE(ABORT, 'refused'); END")
                          .arg(table, condition, operation);
    }
    // Not through Database::exec: PostgreSQL prepares only queries, not DDL.
    QSqlQuery query(db.connection());
    for (const QString& statement : std::as_const(statements)) {
        if (!query.exec(statement)) {
            return Core::fail(Core::ErrorCode::StorageFailed, query.lastError().text());
        }
    }
    return {};
}

} // namespace

Core::Status TestStore::refuseInserts(const Core::Database& db, const QString& table, const QString& condition) {
    return refuse(db, QStringLiteral("INSERT"), table, condition);
}

Core::Status TestStore::refuseUpdates(const Core::Database& db, const QString& table) {
    return refuse(db, QStringLiteral("UPDATE"), table, QStringLiteral("TRUE"));
}

std::unique_ptr<Core::Database> TestStore::open() const {
    auto opened = Core::Database::open(m_location);
    if (!opened) {
        ADD_FAILURE() << "cannot open the test store " << m_location.displayName().toStdString() << ": "
                      << opened.error().toLogString().toStdString();
        return nullptr;
    }
    return std::move(*opened);
}

} // namespace Tessera::Testing
