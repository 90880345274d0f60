#include "StoreCommands.h"

#include "CliSupport.h"

#include "AccountCommands.h"

#include "accounts/AccountService.h"
#include "app/CoreServices.h"
#include "app/StoreAdministration.h"
#include "audit/AuditLog.h"
#include "common/CorrelationId.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

int runPassword(const StoreLocation& location, SecretStore& secrets, bool json, const QStringList& args) {
    if (!args.isEmpty()) {
        return usageError(QStringLiteral("store password takes no arguments; it reads the password from stdin"));
    }
    if (!location.isPostgreSql()) {
        return usageError(QStringLiteral("store password needs --database postgresql://USER@HOST:PORT/DB (or "
                                         "TESSERA_DATABASE_URL)"));
    }
    const QString password = readSecretFromStdin();
    if (auto saved = StoreAdministration(secrets).savePassword(location, password); !saved) {
        return reportError(json, saved.error());
    }
    if (json) {
        printJson(QJsonObject{{QStringLiteral("saved"), true}, {QStringLiteral("database"), location.displayName()}});
    } else {
        printOut(QStringLiteral("Saved the password for %1 in the keychain.\n").arg(location.displayName()));
    }
    return exitOk;
}

int runCopy(const StoreLocation& from, SecretStore& secrets, bool json, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {QStringLiteral("to")}, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty() || !parsed->has(QStringLiteral("to"))) {
        return usageError(QStringLiteral("store copy needs --to URL (a file path or postgresql://…) and nothing else"));
    }
    auto to = StoreLocation::parse(parsed->value(QStringLiteral("to")));
    if (!to) {
        return usageError(to.error().detail);
    }
    QString lastTable;
    auto report = StoreAdministration(secrets).copy(from, *to, [&](const QString& table, qint64 rows) {
        if (table != lastTable && !lastTable.isEmpty()) {
            printErr(QStringLiteral("\n"));
        }
        lastTable = table;
        printErr(QStringLiteral("\rcopying %1: %2 rows").arg(table).arg(rows));
    });
    if (!lastTable.isEmpty()) {
        printErr(QStringLiteral("\n"));
    }
    if (!report) {
        return reportError(json, report.error());
    }
    if (json) {
        QJsonArray tables;
        for (const TableCopy& table : report->tables) {
            tables.append(QJsonObject{{QStringLiteral("table"), table.table},
                                      {QStringLiteral("rows"), double(table.rows)},
                                      {QStringLiteral("checksum"), table.checksum}});
        }
        printJson(QJsonObject{{QStringLiteral("from"), from.displayName()},
                              {QStringLiteral("to"), to->displayName()},
                              {QStringLiteral("rows"), double(report->totalRows())},
                              {QStringLiteral("verified"), true},
                              {QStringLiteral("tables"), tables}});
        return exitOk;
    }
    QString text = QStringLiteral("Copied %1 rows from %2 to %3; counts and checksums match.\n")
                       .arg(report->totalRows())
                       .arg(from.displayName(), to->displayName());
    for (const TableCopy& table : report->tables) {
        text += QStringLiteral("  %1 %2 rows  sha256 %3\n")
                    .arg(table.table, -18)
                    .arg(table.rows, 8)
                    .arg(table.checksum.left(16));
    }
    printOut(text);
    return exitOk;
}

} // namespace

int authorizeStoreCopy(CoreServices& services, bool json) {
    if (services.accounts().mode() != AccountsMode::MultiUser) {
        return exitOk; // the owner's own store
    }
    auto actor = signedInActor(services);
    if (!actor) {
        return reportError(json, actor.error());
    }
    const QString target = QStringLiteral("store");
    if (!(actor->permissions == PermissionSet::all())) {
        const QString correlationId = newCorrelationId();
        (void)services.audit().record(*actor, {QStringLiteral("store.copy"), target, AuditOutcome::Denied,
                                               QStringLiteral("a copy needs every permission"), correlationId});
        Error refused;
        refused.code = ErrorCode::AuthForbidden;
        refused.detail = QStringLiteral("user %1 may not copy the store: the copy holds everyone's data, so it needs "
                                        "an Administrator")
                             .arg(actor->userName);
        refused.correlationId = correlationId;
        return reportError(json, refused);
    }
    if (auto recorded = services.audit().record(
            *actor, {QStringLiteral("store.copy"), target, AuditOutcome::Success, QString(), {}});
        !recorded) {
        return reportError(json, recorded.error());
    }
    return exitOk;
}

int runStore(const StoreLocation& location, SecretStore& secrets, bool json, const QStringList& args) {
    const QString sub = args.value(0);
    if (sub == QLatin1StringView("password")) {
        return runPassword(location, secrets, json, args.mid(1));
    }
    if (sub == QLatin1StringView("copy")) {
        return runCopy(location, secrets, json, args.mid(1));
    }
    return usageError(QStringLiteral("store needs a subcommand: password or copy"));
}

} // namespace Tessera::Cli
