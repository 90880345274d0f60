#pragma once

#include "common/StoreLocation.h"
#include "storage/Database.h"

#include <QTemporaryDir>

#include <memory>

namespace Tessera::Testing {

// The store a repository or service test runs on. ctest runs those tests twice: once on SQLite (a file in a
// temporary directory) and once with --tessera-engine=postgresql (TESSERA_TEST_ENGINE=postgresql), where each test
// gets a schema of its own in the database named by TESSERA_TEST_POSTGRES_URL (scripts/test.sh starts that server),
// dropped at the end.
class TestStore {
public:
    TestStore();
    ~TestStore();
    TestStore(const TestStore&) = delete;
    TestStore& operator=(const TestStore&) = delete;

    static bool postgresRequested();
    bool isPostgres() const { return m_location.isPostgreSql(); }
    const Core::StoreLocation& location() const { return m_location; }
    // Another fresh, empty store of the same engine (for copies and imports between stores).
    Core::StoreLocation sibling(const QString& name);
    // Opens the store; a failure is reported through GoogleTest and returns nullptr.
    std::unique_ptr<Core::Database> open() const;
    QString directory() const { return m_dir.path(); }
    // Makes every INSERT into table that matches condition (SQL over the new row, as NEW.column) fail, the way a
    // full disk or a constraint would: to test that a failing write leaves nothing behind.
    static Core::Status refuseInserts(const Core::Database& db, const QString& table,
                                      const QString& condition = QStringLiteral("TRUE"));
    // The same for every UPDATE of table.
    static Core::Status refuseUpdates(const Core::Database& db, const QString& table);

private:
    Core::StoreLocation newSchema();

    QTemporaryDir m_dir;
    Core::StoreLocation m_location;
    QStringList m_schemas;
};

} // namespace Tessera::Testing
