// The administration commands that are not about one's own account: the audit log, roles and feature flags.
#include "AccountCommands.h"

#include "accounts/AccountService.h"
#include "accounts/FeatureFlags.h"
#include "accounts/RoleService.h"
#include "app/CoreServices.h"
#include "audit/AuditLog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

namespace Tessera::Cli {

using namespace Tessera::Core;

int runAudit(Context& context, const QStringList& args) {
    AuditLog& audit = context.services.audit();
    const QString sub = args.value(0);
    QString problem;
    if (sub == QLatin1StringView("verify")) {
        if (args.size() > 1) {
            return usageError(QStringLiteral("audit verify takes no arguments"));
        }
        auto result = audit.verify(context.actor);
        if (!result) {
            return reportError(context, result.error());
        }
        if (context.json) {
            QJsonObject object{{QStringLiteral("ok"), result->ok}, {QStringLiteral("entries"), result->entries}};
            if (!result->ok) {
                object.insert(QStringLiteral("first_bad_id"), result->firstBadId);
                object.insert(QStringLiteral("problem"), result->problem);
            }
            printJson(object);
        } else if (result->ok) {
            printOut(QStringLiteral("The audit log verifies: %1 entries, none changed, removed, added or "
                                    "reordered.\n")
                         .arg(result->entries));
        } else {
            printOut(QStringLiteral("The audit log does NOT verify: %1 (first bad entry: %2).\n")
                         .arg(result->problem)
                         .arg(result->firstBadId));
        }
        return result->ok ? exitOk : exitFailure;
    }
    if (sub != QLatin1StringView("list") && sub != QLatin1StringView("export")) {
        return usageError(QStringLiteral("audit needs list, verify or export"));
    }
    std::set<QString> options = {QStringLiteral("user"), QStringLiteral("action"), QStringLiteral("since"),
                                 QStringLiteral("until"), QStringLiteral("outcome")};
    if (sub == QLatin1StringView("list")) {
        options.insert(QStringLiteral("limit"));
        options.insert(QStringLiteral("before"));
    } else {
        options.insert(QStringLiteral("format"));
        options.insert(QStringLiteral("output"));
    }
    auto parsed = CommandArgs::parse(args.mid(1), options, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("audit %1 takes options only").arg(sub));
    }
    AuditFilter filter;
    filter.action = parsed->value(QStringLiteral("action"));
    filter.outcome = parsed->value(QStringLiteral("outcome"));
    for (const char* bound : {"since", "until"}) {
        const QString name = QString::fromLatin1(bound);
        if (parsed->has(name)) {
            auto time = parseTime(parsed->value(name));
            if (!time) {
                return usageError(QStringLiteral("--%1 needs a date or time such as 2026-12-01 or "
                                                 "2026-12-01T08:30:00Z")
                                      .arg(name));
            }
            (name == QLatin1StringView("since") ? filter.since : filter.until) = *time;
        }
    }
    if (parsed->has(QStringLiteral("user"))) {
        auto user = context.services.accounts().user(context.actor, parsed->value(QStringLiteral("user")));
        if (!user) {
            return reportError(context, user.error());
        }
        filter.actorId = user->account.id;
    }
    if (sub == QLatin1StringView("export")) {
        const QString format = parsed->value(QStringLiteral("format"));
        if (format != QLatin1StringView("csv") && format != QLatin1StringView("jsonl")) {
            return usageError(QStringLiteral("audit export needs --format csv or --format jsonl"));
        }
        const AuditExportFormat kind =
            format == QLatin1StringView("csv") ? AuditExportFormat::Csv : AuditExportFormat::JsonLines;
        const QString output = parsed->value(QStringLiteral("output"));
        Result<qint64> written = 0;
        if (output.isEmpty()) {
            QFile out;
            if (!out.open(stdout, QIODevice::WriteOnly)) {
                return reportError(context, makeError(ErrorCode::ExportFailed, QStringLiteral("cannot write stdout")));
            }
            written = audit.exportTo(context.actor, kind, filter, out);
        } else {
            // Written whole or not at all.
            QSaveFile out(output);
            if (!out.open(QIODevice::WriteOnly)) {
                return reportError(context,
                                   makeError(ErrorCode::ExportFailed,
                                             QStringLiteral("cannot write %1: %2").arg(output, out.errorString())));
            }
            written = audit.exportTo(context.actor, kind, filter, out);
            if (written && !out.commit()) {
                written =
                    fail(ErrorCode::ExportFailed, QStringLiteral("cannot write %1: %2").arg(output, out.errorString()));
            }
        }
        if (!written) {
            return reportError(context, written.error());
        }
        if (!output.isEmpty()) {
            if (context.json) {
                printJson(QJsonObject{{QStringLiteral("path"), output}, {QStringLiteral("entries"), *written}});
            } else {
                printOut(QStringLiteral("Wrote %1 entries to %2.\n").arg(*written).arg(output));
            }
        }
        return exitOk;
    }
    if (parsed->has(QStringLiteral("limit"))) {
        bool ok = false;
        filter.limit = parsed->value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter.limit < 1 || filter.limit > 10'000) {
            return usageError(QStringLiteral("--limit needs a number from 1 to 10000"));
        }
    }
    if (parsed->has(QStringLiteral("before"))) {
        bool ok = false;
        filter.beforeId = parsed->value(QStringLiteral("before")).toLongLong(&ok);
        if (!ok || filter.beforeId < 1) {
            return usageError(QStringLiteral("--before needs an entry id"));
        }
    }
    auto entries = audit.list(context.actor, filter);
    if (!entries) {
        return reportError(context, entries.error());
    }
    QJsonArray array;
    for (const AuditEntry& entry : *entries) {
        if (context.json) {
            array.append(QJsonObject{{QStringLiteral("id"), entry.id},
                                     {QStringLiteral("at"), timeText(entry.at)},
                                     {QStringLiteral("user"), entry.actorName},
                                     {QStringLiteral("action"), entry.action},
                                     {QStringLiteral("target"), entry.target},
                                     {QStringLiteral("client"), entry.client},
                                     {QStringLiteral("outcome"), entry.outcome},
                                     {QStringLiteral("detail"), entry.detail},
                                     {QStringLiteral("correlation_id"), entry.correlationId}});
        } else {
            printOut(QStringLiteral("%1  %2  %3  %4  %5  %6  %7%8\n")
                         .arg(entry.id)
                         .arg(timeText(entry.at), printable(entry.actorName), entry.action, entry.outcome,
                              printable(entry.target), entry.client,
                              entry.detail.isEmpty() ? QString() : QStringLiteral("  ") + printable(entry.detail)));
        }
    }
    if (context.json) {
        printJson(array);
    }
    return exitOk;
}

namespace {

QJsonObject roleJson(const RoleInfo& info) {
    QJsonArray providers;
    for (const QString& entry : info.role.providers) {
        providers.append(entry);
    }
    return QJsonObject{{QStringLiteral("name"), info.role.name},
                       {QStringLiteral("built_in"), info.role.builtIn},
                       {QStringLiteral("permissions"), permissionsJson(info.role.permissions)},
                       {QStringLiteral("providers"), providers},
                       {QStringLiteral("users"), info.members}};
}

void printRole(const RoleInfo& info) {
    printOut(QStringLiteral("%1%2  users %3\n  permissions: %4\n  providers: %5\n")
                 .arg(printable(info.role.name), info.role.builtIn ? QStringLiteral(" (built-in)") : QString())
                 .arg(info.members)
                 .arg(info.role.permissions.isEmpty()
                          ? QStringLiteral("none")
                          : info.role.permissions.toText().replace(QLatin1Char(','), QStringLiteral(", ")),
                      info.role.providers.isEmpty() ? QStringLiteral("all")
                                                    : info.role.providers.join(QStringLiteral(", "))));
}

std::optional<QStringList> providerList(const QString& text) {
    QStringList entries;
    for (const QString& entry : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entries << entry.trimmed();
    }
    return entries;
}

} // namespace

int runRoles(Context& context, const QStringList& args) {
    RoleService& roles = context.services.roles();
    const QString sub = args.value(0);
    QString problem;
    if (sub == QLatin1StringView("list")) {
        if (args.size() > 1) {
            return usageError(QStringLiteral("roles list takes no arguments"));
        }
        auto all = roles.list(context.actor);
        if (!all) {
            return reportError(context, all.error());
        }
        return printList(context, *all, roleJson, printRole);
    }
    if (sub == QLatin1StringView("show") || sub == QLatin1StringView("remove")) {
        if (args.size() != 2) {
            return usageError(QStringLiteral("roles %1 needs one ROLE").arg(sub));
        }
        if (sub == QLatin1StringView("remove")) {
            if (auto removed = roles.remove(context.actor, args[1]); !removed) {
                return reportError(context, removed.error());
            }
            if (context.json) {
                printJson(QJsonObject{{QStringLiteral("removed"), args[1].trimmed()}});
            } else {
                printOut(QStringLiteral("Removed the role %1.\n").arg(args[1].trimmed()));
            }
            return exitOk;
        }
        auto info = roles.show(context.actor, args[1]);
        if (!info) {
            return reportError(context, info.error());
        }
        if (context.json) {
            printJson(roleJson(*info));
        } else {
            printRole(*info);
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("add") || sub == QLatin1StringView("update")) {
        auto parsed = CommandArgs::parse(
            args.mid(1), {QStringLiteral("permissions"), QStringLiteral("providers"), QStringLiteral("name")}, {},
            &problem);
        if (!parsed) {
            return usageError(problem);
        }
        if (parsed->positional.size() != 1) {
            return usageError(QStringLiteral("roles %1 needs one ROLE").arg(sub));
        }
        std::optional<PermissionSet> permissions;
        if (parsed->has(QStringLiteral("permissions"))) {
            QString unknown;
            permissions = PermissionSet::fromText(parsed->value(QStringLiteral("permissions")), &unknown);
            if (!permissions) {
                return usageError(QStringLiteral("unknown permission '%1'").arg(unknown));
            }
        }
        std::optional<QStringList> providers;
        if (parsed->has(QStringLiteral("providers"))) {
            providers = providerList(parsed->value(QStringLiteral("providers")));
        }
        Result<RoleInfo> result = fail(ErrorCode::Internal, QString());
        if (sub == QLatin1StringView("add")) {
            if (!permissions || parsed->has(QStringLiteral("name"))) {
                return usageError(QStringLiteral("roles add needs ROLE --permissions P,P,... [--providers NAME,...]"));
            }
            result =
                roles.add(context.actor, parsed->positional.first(), *permissions, providers.value_or(QStringList()));
        } else {
            RoleChanges changes;
            if (parsed->has(QStringLiteral("name"))) {
                changes.name = parsed->value(QStringLiteral("name"));
            }
            changes.permissions = permissions;
            changes.providers = providers;
            if (!changes.name && !changes.permissions && !changes.providers) {
                return usageError(QStringLiteral("roles update needs --permissions, --providers or --name"));
            }
            result = roles.update(context.actor, parsed->positional.first(), changes);
        }
        if (!result) {
            return reportError(context, result.error());
        }
        if (context.json) {
            printJson(roleJson(*result));
        } else {
            printRole(*result);
        }
        return exitOk;
    }
    return usageError(QStringLiteral("roles needs list, show, add, update or remove"));
}

int runFlags(Context& context, const QStringList& args) {
    FeatureFlags& flags = context.services.flags();
    const QString sub = args.value(0);
    QString problem;
    if (sub == QLatin1StringView("list")) {
        if (args.size() > 1) {
            return usageError(QStringLiteral("flags list takes no arguments"));
        }
        auto states = flags.list(context.actor);
        if (!states) {
            return reportError(context, states.error());
        }
        QHash<qint64, QString> roleNames;
        QHash<qint64, QString> userNames;
        if (context.actor.may(Permission::FlagsManage)) {
            if (auto roles = context.services.roles().list(context.actor)) {
                for (const RoleInfo& info : *roles) {
                    roleNames.insert(info.role.id, info.role.name);
                }
            }
            if (auto users = context.services.accounts().users(context.actor)) {
                for (const UserInfo& user : *users) {
                    userNames.insert(user.account.id, user.account.username);
                }
            }
        }
        QJsonArray array;
        for (const FlagState& state : *states) {
            QJsonObject roles;
            for (const auto& [id, on] : state.roles) {
                roles.insert(roleNames.value(id, QString::number(id)), on);
            }
            QJsonObject users;
            for (const auto& [id, on] : state.users) {
                users.insert(userNames.value(id, QString::number(id)), on);
            }
            if (context.json) {
                QJsonObject object{{QStringLiteral("key"), state.definition.key},
                                   {QStringLiteral("description"), QString::fromUtf8(state.definition.description)},
                                   {QStringLiteral("default"), state.storeDefault.value_or(state.definition.defaultOn)},
                                   {QStringLiteral("effective"), state.effective}};
                if (context.actor.may(Permission::FlagsManage)) {
                    object.insert(QStringLiteral("roles"), roles);
                    object.insert(QStringLiteral("users"), users);
                }
                array.append(object);
            } else {
                QString line =
                    QStringLiteral("%1  %2  (default %3)")
                        .arg(state.definition.key, state.effective ? QStringLiteral("on") : QStringLiteral("off"),
                             state.storeDefault.value_or(state.definition.defaultOn) ? QStringLiteral("on")
                                                                                     : QStringLiteral("off"));
                for (auto it = roles.constBegin(); it != roles.constEnd(); ++it) {
                    line += QStringLiteral("  role %1: %2")
                                .arg(it.key(), it.value().toBool() ? QStringLiteral("on") : QStringLiteral("off"));
                }
                for (auto it = users.constBegin(); it != users.constEnd(); ++it) {
                    line += QStringLiteral("  user %1: %2")
                                .arg(it.key(), it.value().toBool() ? QStringLiteral("on") : QStringLiteral("off"));
                }
                printOut(line + QStringLiteral("\n    ") + QString::fromUtf8(state.definition.description) +
                         QLatin1Char('\n'));
            }
        }
        if (context.json) {
            printJson(array);
        }
        return exitOk;
    }
    if (sub != QLatin1StringView("set") && sub != QLatin1StringView("unset")) {
        return usageError(QStringLiteral("flags needs list, set or unset"));
    }
    auto parsed = CommandArgs::parse(args.mid(1), {QStringLiteral("role"), QStringLiteral("user")}, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    const bool setting = sub == QLatin1StringView("set");
    if (parsed->positional.size() != (setting ? 2 : 1)) {
        return usageError(setting ? QStringLiteral("flags set needs KEY on|off [--role ROLE | --user NAME]")
                                  : QStringLiteral("flags unset needs KEY [--role ROLE | --user NAME]"));
    }
    const auto feature = parseFeature(parsed->positional.first());
    if (!feature) {
        QStringList keys;
        for (const FeatureDefinition& definition : featureDefinitions()) {
            keys << definition.key;
        }
        return usageError(QStringLiteral("unknown flag '%1' (flags: %2)")
                              .arg(parsed->positional.first(), keys.join(QStringLiteral(", "))));
    }
    bool on = true;
    if (setting) {
        const QString value = parsed->positional[1];
        if (value != QLatin1StringView("on") && value != QLatin1StringView("off")) {
            return usageError(QStringLiteral("flags set needs on or off, not '%1'").arg(value));
        }
        on = value == QLatin1StringView("on");
    }
    if (parsed->has(QStringLiteral("role")) && parsed->has(QStringLiteral("user"))) {
        return usageError(QStringLiteral("--role and --user exclude each other"));
    }
    FlagScope scope = FlagScope::Default;
    qint64 scopeId = 0;
    QString scopeName = QStringLiteral("everyone");
    if (parsed->has(QStringLiteral("role"))) {
        auto role = context.services.roles().show(context.actor, parsed->value(QStringLiteral("role")));
        if (!role) {
            return reportError(context, role.error());
        }
        scope = FlagScope::Role;
        scopeId = role->role.id;
        scopeName = QStringLiteral("role ") + role->role.name;
    } else if (parsed->has(QStringLiteral("user"))) {
        auto user = context.services.accounts().user(context.actor, parsed->value(QStringLiteral("user")));
        if (!user) {
            return reportError(context, user.error());
        }
        scope = FlagScope::User;
        scopeId = user->account.id;
        scopeName = QStringLiteral("user ") + user->account.username;
    }
    auto changed = setting ? flags.set(context.actor, *feature, scope, scopeId, on)
                           : flags.unset(context.actor, *feature, scope, scopeId);
    if (!changed) {
        return reportError(context, changed.error());
    }
    if (context.json) {
        QJsonObject object{{QStringLiteral("key"), parsed->positional.first()}, {QStringLiteral("for"), scopeName}};
        object.insert(setting ? QStringLiteral("enabled") : QStringLiteral("unset"), setting ? on : true);
        printJson(object);
    } else {
        printOut(
            setting ? QStringLiteral("%1 is %2 for %3.\n")
                          .arg(parsed->positional.first(), on ? QStringLiteral("on") : QStringLiteral("off"), scopeName)
                    : QStringLiteral("%1 follows the next level for %2 again.\n")
                          .arg(parsed->positional.first(), scopeName));
    }
    return exitOk;
}

} // namespace Tessera::Cli
