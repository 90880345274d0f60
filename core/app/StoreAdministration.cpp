#include "app/StoreAdministration.h"

#include "common/WaitFor.h"
#include "logging/Logging.h"
#include "secrets/SecretStore.h"
#include "storage/Database.h"
#include "storage/StoreCopier.h"

namespace Tessera::Core {

StoreAdministration::StoreAdministration(SecretStore& secrets)
    : m_secrets(secrets) {
}

Result<QString> StoreAdministration::password(const StoreLocation& location) const {
    if (!location.isPostgreSql() || !qEnvironmentVariableIsEmpty("PGPASSWORD")) {
        return QString();
    }
    auto stored = waitFor<Result<QString>>(
        [&](std::function<void(Result<QString>)> done) { m_secrets.read(location.passwordKey(), std::move(done)); });
    if (stored) {
        return *stored;
    }
    if (stored.error().code != ErrorCode::SecretNotFound) {
        // A keychain that cannot be asked does not stop the store from opening: the server may not need a
        // password (trust, ~/.pgpass); when it does, opening fails with store.unreachable and the log says why.
        log("store")->warn("no password from the keychain for {}: {}", location.displayName(),
                           stored.error().toLogString());
    }
    return QString();
}

Status StoreAdministration::savePassword(const StoreLocation& location, const QString& password) const {
    if (!location.isPostgreSql()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("only a PostgreSQL store has a password; give "
                                                               "--database postgresql://USER@HOST:PORT/DB"));
    }
    if (password.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the password is empty"));
    }
    return waitFor<Status>(
        [&](std::function<void(Status)> done) { m_secrets.write(location.passwordKey(), password, std::move(done)); });
}

Result<std::unique_ptr<Database>> StoreAdministration::open(const StoreLocation& location) const {
    auto secret = password(location);
    if (!secret) {
        return fail(secret.error());
    }
    return Database::open(location, *secret);
}

StoreHealth StoreAdministration::check(const Database& db) {
    StoreHealth health;
    health.location = db.location().displayName();
    health.engine = db.location().isPostgreSql() ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
    health.schemaVersion = db.schemaVersion();
    health.latestSchemaVersion = db.latestSchemaVersion();
    const auto integrity = db.integrityCheck();
    health.detail = integrity ? *integrity : integrity.error().toLogString();
    health.ok =
        integrity && *integrity == QLatin1StringView("ok") && health.schemaVersion == health.latestSchemaVersion;
    return health;
}

StoreHealth StoreAdministration::check(const StoreLocation& location) const {
    auto db = open(location);
    if (!db) {
        StoreHealth health;
        health.location = location.displayName();
        health.engine = location.isPostgreSql() ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
        health.detail = db.error().toLogString();
        return health;
    }
    return check(**db);
}

Result<StoreCopyReport> StoreAdministration::copy(const StoreLocation& from, const StoreLocation& to,
                                                  const Progress& progress) const {
    if (from.displayName() == to.displayName()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the source and the target are the same store"));
    }
    auto source = open(from);
    if (!source) {
        return fail(source.error());
    }
    auto target = open(to);
    if (!target) {
        return fail(target.error());
    }
    return StoreCopier(**source, **target).copy(progress);
}

} // namespace Tessera::Core
