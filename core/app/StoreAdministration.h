#pragma once

#include "common/Result.h"
#include "common/StoreCopyReport.h"
#include "common/StoreLocation.h"

#include <QString>

#include <functional>

namespace Tessera::Core {

class Database;
class SecretStore;

// What a check of a store found (doctor).
struct StoreHealth {
    bool ok = false;
    QString location; // without secrets
    QString engine;   // "sqlite" or "postgresql"
    int schemaVersion = -1;
    int latestSchemaVersion = -1;
    QString detail; // "ok", the integrity findings, or why the store could not be opened
};

// The store as a whole, for the administrator: its password, its health, and copying it to another engine.
// Used before (or without) the rest of the core: none of these needs an open CoreServices.
class StoreAdministration final {
public:
    using Progress = std::function<void(const QString& table, qint64 rowsDone)>;

    explicit StoreAdministration(SecretStore& secrets);

    // A PostgreSQL password: PGPASSWORD when set (libpq reads it itself, so this returns ""), else the keychain
    // entry for the location, else "" (a server that trusts the user, or ~/.pgpass; also when the keychain cannot
    // be asked, which is logged).
    Result<QString> password(const StoreLocation& location) const;
    // Keeps the password of a PostgreSQL store in the keychain (never in the store, settings or logs).
    Status savePassword(const StoreLocation& location, const QString& password) const;
    // Opens the store (migrating it when it is older) with the password above.
    Result<std::unique_ptr<Database>> open(const StoreLocation& location) const;

    StoreHealth check(const StoreLocation& location) const;
    static StoreHealth check(const Database& db);

    // Copies every row of from into the empty store to, verified by counts and checksums.
    Result<StoreCopyReport> copy(const StoreLocation& from, const StoreLocation& to,
                                 const Progress& progress = {}) const;

private:
    SecretStore& m_secrets;
};

} // namespace Tessera::Core
