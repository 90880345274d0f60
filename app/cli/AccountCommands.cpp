#include "AccountCommands.h"

#include "accounts/AccountService.h"
#include "accounts/FeatureFlags.h"
#include "accounts/RoleService.h"
#include "app/CoreServices.h"
#include "audit/AuditLog.h"
#include "secrets/SecretStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

// Where `login` keeps the session token: the keychain, one entry per store.
QString sessionKey(const CoreServices& services) {
    return QStringLiteral("session/cli/") + services.storeLocation().displayName();
}

QString timeText(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QJsonValue timeJson(const QDateTime& time) {
    return time.isValid() ? QJsonValue(timeText(time)) : QJsonValue(QJsonValue::Null);
}

QJsonArray permissionsJson(const PermissionSet& permissions) {
    QJsonArray array;
    for (const Permission permission : allPermissions()) {
        if (permissions.has(permission)) {
            array.append(permissionName(permission));
        }
    }
    return array;
}

// Text shown in a terminal: control characters (from names or audit details) cannot move the cursor.
QString printable(const QString& text) {
    QString shown = text;
    for (QChar& c : shown) {
        if (c.category() == QChar::Other_Control) {
            c = QChar(0xFFFD);
        }
    }
    return shown;
}

QString roleNameOf(CoreServices& services, const Actor& actor) {
    auto user = services.accounts().user(actor, actor.userName);
    return user ? user->roleName : QString();
}

QJsonObject userJson(const UserInfo& user) {
    return QJsonObject{{QStringLiteral("username"), user.account.username},
                       {QStringLiteral("display_name"), user.account.displayName},
                       {QStringLiteral("role"), user.roleName},
                       {QStringLiteral("status"), user.account.status == AccountStatus::Active
                                                      ? QStringLiteral("active")
                                                      : QStringLiteral("disabled")},
                       {QStringLiteral("locked"), user.locked},
                       {QStringLiteral("locked_until"),
                        user.locked ? timeJson(user.account.lockedUntil) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("must_change_password"), user.account.mustChangePassword},
                       {QStringLiteral("created_at"), timeJson(user.account.createdAt)},
                       {QStringLiteral("last_sign_in_at"), timeJson(user.account.lastSignInAt)},
                       {QStringLiteral("active_sessions"), user.activeSessions},
                       {QStringLiteral("permissions"), permissionsJson(user.permissions)},
                       {QStringLiteral("providers"), QJsonArray::fromStringList(user.allowedProviders)}};
}

void printUser(const UserInfo& user) {
    printOut(
        QStringLiteral("%1  %2  %3%4%5  last sign-in %6  sessions %7\n")
            .arg(printable(user.account.username), user.roleName,
                 user.account.status == AccountStatus::Active ? QStringLiteral("active") : QStringLiteral("disabled"),
                 user.locked ? QStringLiteral(" locked until ") + timeText(user.account.lockedUntil) : QString(),
                 user.account.displayName.isEmpty()
                     ? QString()
                     : QStringLiteral("  \"%1\"").arg(printable(user.account.displayName)),
                 user.account.lastSignInAt.isValid() ? timeText(user.account.lastSignInAt) : QStringLiteral("never"))
            .arg(user.activeSessions));
}

std::optional<QDateTime> parseTime(const QString& text) {
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid()) {
            return std::nullopt;
        }
        time = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (time.timeSpec() == Qt::LocalTime && !text.endsWith(QLatin1Char('Z')) && !text.contains(QLatin1Char('+'))) {
        time.setTimeSpec(Qt::UTC); // a time without a zone is UTC, as the log keeps it
    }
    return time.toUTC();
}

Status writeSecret(SecretStore& secrets, const QString& key, const QString& value) {
    return await<Status>([&](std::function<void(Status)> done) { secrets.write(key, value, std::move(done)); });
}

Result<QString> readSecret(SecretStore& secrets, const QString& key) {
    return await<Result<QString>>(
        [&](std::function<void(Result<QString>)> done) { secrets.read(key, std::move(done)); });
}

void removeSecret(SecretStore& secrets, const QString& key) {
    (void)await<Status>([&](std::function<void(Status)> done) { secrets.remove(key, std::move(done)); });
}

} // namespace

Result<Actor> signedInActor(CoreServices& services) {
    AccountService& accounts = services.accounts();
    if (accounts.mode() == AccountsMode::Personal) {
        return accounts.personalActor(ClientKind::Cli);
    }
    const QString token = qEnvironmentVariable("TESSERA_TOKEN");
    if (!token.isEmpty()) {
        return accounts.authenticateToken(token, ClientKind::Cli);
    }
    auto session = readSecret(services.secrets(), sessionKey(services));
    if (!session) {
        if (session.error().code == ErrorCode::SecretNotFound) {
            return fail(ErrorCode::AuthRequired, QStringLiteral("not signed in: run tessera-cli login"));
        }
        return fail(ErrorCode::AuthRequired,
                    QStringLiteral("the keychain cannot be read (%1): sign in with TESSERA_TOKEN instead")
                        .arg(session.error().detail));
    }
    return accounts.resume(*session, ClientKind::Cli);
}

int runAccounts(Context& context, const QStringList& args) {
    const QString sub = args.value(0);
    QString problem;
    if (sub == QLatin1StringView("status")) {
        if (args.size() > 1) {
            return usageError(QStringLiteral("accounts status takes no arguments"));
        }
        const bool multi = context.services.accounts().mode() == AccountsMode::MultiUser;
        auto users = context.services.accounts().users(context.actor);
        QJsonObject object{{QStringLiteral("mode"), multi ? QStringLiteral("multi-user") : QStringLiteral("personal")},
                           {QStringLiteral("user"), context.actor.userName}};
        if (users) {
            object.insert(QStringLiteral("users"), int(users->size()));
        }
        if (context.json) {
            printJson(object);
        } else {
            printOut(
                multi ? QStringLiteral("Accounts are on (multi-user mode); you are %1.\n").arg(context.actor.userName)
                      : QStringLiteral("Personal mode: one account, no sign-in. Switch accounts on with "
                                       "'tessera-cli accounts enable --admin NAME'.\n"));
            if (users) {
                printOut(QStringLiteral("%1 users.\n").arg(users->size()));
            }
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("enable")) {
        auto parsed =
            CommandArgs::parse(args.mid(1), {QStringLiteral("admin")}, {QStringLiteral("password-stdin")}, &problem);
        if (!parsed) {
            return usageError(problem);
        }
        if (!parsed->positional.isEmpty() || !parsed->has(QStringLiteral("admin"))) {
            return usageError(QStringLiteral("accounts enable needs --admin NAME"));
        }
        auto password = readPassword(parsed->has(QStringLiteral("password-stdin")),
                                     QStringLiteral("Password for %1: ").arg(parsed->value(QStringLiteral("admin"))),
                                     true, &problem);
        if (!password) {
            return usageError(problem);
        }
        const QString admin = parsed->value(QStringLiteral("admin"));
        if (auto enabled = context.services.accounts().enableMultiUser(context.actor, admin, *password); !enabled) {
            return reportError(context, enabled.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("mode"), QStringLiteral("multi-user")},
                                  {QStringLiteral("admin"), admin.trimmed()}});
        } else {
            printOut(QStringLiteral("Accounts are on; %1 is the administrator. Sign in with 'tessera-cli login "
                                    "--user %1'.\n")
                         .arg(admin.trimmed()));
        }
        return exitOk;
    }
    return usageError(QStringLiteral("accounts needs 'status' or 'enable --admin NAME'"));
}

int runLogin(CoreServices& services, bool json, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {QStringLiteral("user")}, {QStringLiteral("password-stdin")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("login takes --user NAME and --password-stdin only"));
    }
    if (services.accounts().mode() == AccountsMode::Personal) {
        return reportError(json, makeError(ErrorCode::InvalidArgument,
                                           QStringLiteral("this store is in personal mode: there is nothing to sign "
                                                          "in to (switch accounts on with 'accounts enable')")));
    }
    QString user = parsed->value(QStringLiteral("user"));
    if (user.isEmpty()) {
        user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    }
    if (user.isEmpty()) {
        return usageError(QStringLiteral("login needs --user NAME"));
    }
    auto password = readPassword(parsed->has(QStringLiteral("password-stdin")),
                                 QStringLiteral("Password for %1: ").arg(user), false, &problem);
    if (!password) {
        return usageError(problem);
    }
    auto signedIn = services.accounts().signIn(user, *password, ClientKind::Cli);
    if (!signedIn) {
        return reportError(json, signedIn.error());
    }
    if (auto kept = writeSecret(services.secrets(), sessionKey(services), signedIn->sessionToken); !kept) {
        // Without a keychain the session cannot outlive this command: end it rather than leave it unused.
        (void)services.accounts().signOut(signedIn->actor);
        Error error = kept.error();
        error.detail += QStringLiteral("; without a keychain, create an API token in the app (My Account) and set "
                                       "TESSERA_TOKEN");
        return reportError(json, error);
    }
    const QString role = roleNameOf(services, signedIn->actor);
    if (json) {
        printJson(QJsonObject{{QStringLiteral("username"), signedIn->actor.userName},
                              {QStringLiteral("role"), role},
                              {QStringLiteral("session_expires_at"), timeText(signedIn->sessionExpiresAt)},
                              {QStringLiteral("must_change_password"), signedIn->mustChangePassword}});
    } else {
        printOut(QStringLiteral("Signed in as %1 (%2) until %3 at the latest; 30 idle minutes end the session.\n")
                     .arg(signedIn->actor.userName, role, timeText(signedIn->sessionExpiresAt)));
        if (signedIn->mustChangePassword) {
            printOut(QStringLiteral("Your password was reset: choose a new one with 'tessera-cli password'.\n"));
        }
    }
    return exitOk;
}

int runLogout(Context& context, const QStringList& args) {
    if (!args.isEmpty()) {
        return usageError(QStringLiteral("logout takes no arguments"));
    }
    if (context.actor.sessionId == 0) {
        return usageError(context.actor.apiTokenId != 0
                              ? QStringLiteral("an API token has no session to end; revoke it with api-tokens revoke")
                              : QStringLiteral("personal mode has no sign-in"));
    }
    if (auto ended = context.services.accounts().signOut(context.actor); !ended) {
        return reportError(context, ended.error());
    }
    removeSecret(context.services.secrets(), sessionKey(context.services));
    if (context.json) {
        printJson(
            QJsonObject{{QStringLiteral("signed_out"), true}, {QStringLiteral("username"), context.actor.userName}});
    } else {
        printOut(QStringLiteral("Signed out %1.\n").arg(context.actor.userName));
    }
    return exitOk;
}

int runWhoami(Context& context, const QStringList& args) {
    if (!args.isEmpty()) {
        return usageError(QStringLiteral("whoami takes no arguments"));
    }
    const QString role = roleNameOf(context.services, context.actor);
    const QString via = context.actor.apiTokenId != 0  ? QStringLiteral("api-token")
                        : context.actor.sessionId != 0 ? QStringLiteral("session")
                                                       : QStringLiteral("personal");
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("username"), context.actor.userName},
                              {QStringLiteral("role"), role},
                              {QStringLiteral("permissions"), permissionsJson(context.actor.permissions)},
                              {QStringLiteral("via"), via}});
    } else {
        printOut(QStringLiteral("%1 (%2, via %3)\npermissions: %4\n")
                     .arg(context.actor.userName, role, via,
                          context.actor.permissions.toText().replace(QLatin1Char(','), QStringLiteral(", "))));
    }
    return exitOk;
}

int runPassword(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {}, {QStringLiteral("password-stdin"), QStringLiteral("end-other-sessions")},
                                     &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("password takes no arguments; it reads the current and the new password"));
    }
    const bool fromStdin = parsed->has(QStringLiteral("password-stdin"));
    auto current = readPassword(fromStdin, QStringLiteral("Current password: "), false, &problem);
    if (!current) {
        return usageError(problem);
    }
    auto replacement = readPassword(fromStdin, QStringLiteral("New password: "), true, &problem);
    if (!replacement) {
        return usageError(fromStdin ? QStringLiteral("--password-stdin reads two lines: the current password, then "
                                                     "the new one")
                                    : problem);
    }
    if (auto changed = context.services.accounts().changePassword(context.actor, *current, *replacement,
                                                                  parsed->has(QStringLiteral("end-other-sessions")));
        !changed) {
        return reportError(context, changed.error());
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("changed"), true}});
    } else {
        printOut(QStringLiteral("Password changed.\n"));
    }
    return exitOk;
}

int runUsers(Context& context, const QStringList& args) {
    AccountService& accounts = context.services.accounts();
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    QString problem;
    if (sub == QLatin1StringView("list")) {
        if (!rest.isEmpty()) {
            return usageError(QStringLiteral("users list takes no arguments"));
        }
        auto users = accounts.users(context.actor);
        if (!users) {
            return reportError(context, users.error());
        }
        QJsonArray array;
        for (const UserInfo& user : *users) {
            if (context.json) {
                array.append(userJson(user));
            } else {
                printUser(user);
            }
        }
        if (context.json) {
            printJson(array);
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("show") || sub == QLatin1StringView("unlock") ||
        sub == QLatin1StringView("reset-password")) {
        if (rest.size() != 1) {
            return usageError(QStringLiteral("users %1 needs one NAME").arg(sub));
        }
        if (sub == QLatin1StringView("unlock")) {
            if (auto unlocked = accounts.unlock(context.actor, rest.first()); !unlocked) {
                return reportError(context, unlocked.error());
            }
        }
        if (sub == QLatin1StringView("reset-password")) {
            auto reset = accounts.resetPassword(context.actor, rest.first());
            if (!reset) {
                return reportError(context, reset.error());
            }
            if (context.json) {
                QJsonObject object = userJson(reset->user);
                object.insert(QStringLiteral("temporary_password"), reset->temporaryPassword);
                printJson(object);
            } else {
                printOut(QStringLiteral("Temporary password for %1 (shown once; they choose their own at the next "
                                        "sign-in):\n%2\n")
                             .arg(reset->user.account.username, reset->temporaryPassword));
            }
            return exitOk;
        }
        auto user = accounts.user(context.actor, rest.first());
        if (!user) {
            return reportError(context, user.error());
        }
        if (context.json) {
            printJson(userJson(*user));
        } else {
            printUser(*user);
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("add")) {
        auto parsed = CommandArgs::parse(rest, {QStringLiteral("role"), QStringLiteral("display-name")},
                                         {QStringLiteral("password-stdin")}, &problem);
        if (!parsed) {
            return usageError(problem);
        }
        if (parsed->positional.size() != 1 || !parsed->has(QStringLiteral("role"))) {
            return usageError(QStringLiteral("users add needs NAME and --role ROLE"));
        }
        QString password;
        if (parsed->has(QStringLiteral("password-stdin"))) {
            auto read = readPassword(true, {}, false, &problem);
            if (!read) {
                return usageError(problem);
            }
            password = *read;
        }
        auto added =
            accounts.addUser(context.actor, parsed->positional.first(), parsed->value(QStringLiteral("display-name")),
                             parsed->value(QStringLiteral("role")), password);
        if (!added) {
            return reportError(context, added.error());
        }
        if (context.json) {
            QJsonObject object = userJson(added->user);
            if (!added->temporaryPassword.isEmpty()) {
                object.insert(QStringLiteral("temporary_password"), added->temporaryPassword);
            }
            printJson(object);
        } else {
            printOut(QStringLiteral("Added %1 (%2).\n").arg(added->user.account.username, added->user.roleName));
            if (!added->temporaryPassword.isEmpty()) {
                printOut(QStringLiteral("Temporary password (shown once; they choose their own at the first "
                                        "sign-in):\n%1\n")
                             .arg(added->temporaryPassword));
            }
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("update")) {
        auto parsed = CommandArgs::parse(rest, {QStringLiteral("role"), QStringLiteral("display-name")},
                                         {QStringLiteral("disable"), QStringLiteral("enable")}, &problem);
        if (!parsed) {
            return usageError(problem);
        }
        if (parsed->positional.size() != 1) {
            return usageError(QStringLiteral("users update needs one NAME"));
        }
        if (parsed->has(QStringLiteral("disable")) && parsed->has(QStringLiteral("enable"))) {
            return usageError(QStringLiteral("--disable and --enable exclude each other"));
        }
        UserChanges changes;
        if (parsed->has(QStringLiteral("role"))) {
            changes.roleName = parsed->value(QStringLiteral("role"));
        }
        if (parsed->has(QStringLiteral("display-name"))) {
            changes.displayName = parsed->value(QStringLiteral("display-name"));
        }
        if (parsed->has(QStringLiteral("disable"))) {
            changes.status = AccountStatus::Disabled;
        } else if (parsed->has(QStringLiteral("enable"))) {
            changes.status = AccountStatus::Active;
        }
        if (!changes.roleName && !changes.displayName && !changes.status) {
            return usageError(QStringLiteral("users update needs --role, --display-name, --disable or --enable"));
        }
        auto updated = accounts.updateUser(context.actor, parsed->positional.first(), changes);
        if (!updated) {
            return reportError(context, updated.error());
        }
        if (context.json) {
            printJson(userJson(*updated));
        } else {
            printUser(*updated);
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("remove")) {
        auto parsed =
            CommandArgs::parse(rest, {QStringLiteral("transfer-to")}, {QStringLiteral("delete-data")}, &problem);
        if (!parsed) {
            return usageError(problem);
        }
        const bool transfer = parsed->has(QStringLiteral("transfer-to"));
        if (parsed->positional.size() != 1 || transfer == parsed->has(QStringLiteral("delete-data"))) {
            return usageError(
                QStringLiteral("users remove needs NAME and either --transfer-to OTHER or --delete-data"));
        }
        auto removed = accounts.removeUser(context.actor, parsed->positional.first(),
                                           transfer ? parsed->value(QStringLiteral("transfer-to")) : QString());
        if (!removed) {
            return reportError(context, removed.error());
        }
        if (context.json) {
            QJsonObject object{{QStringLiteral("removed"), parsed->positional.first().trimmed()},
                               {QStringLiteral("conversations"), *removed}};
            if (transfer) {
                object.insert(QStringLiteral("transferred_to"), parsed->value(QStringLiteral("transfer-to")).trimmed());
            }
            printJson(object);
        } else {
            printOut(transfer ? QStringLiteral("Removed %1; %2 conversations now belong to %3.\n")
                                    .arg(parsed->positional.first().trimmed())
                                    .arg(*removed)
                                    .arg(parsed->value(QStringLiteral("transfer-to")).trimmed())
                              : QStringLiteral("Removed %1 and deleted their %2 conversations.\n")
                                    .arg(parsed->positional.first().trimmed())
                                    .arg(*removed));
        }
        return exitOk;
    }
    return usageError(QStringLiteral("users needs list, show, add, update, remove, reset-password or unlock"));
}

int runSessions(Context& context, const QStringList& args) {
    AccountService& accounts = context.services.accounts();
    const QString sub = args.value(0);
    QString problem;
    auto parsed = CommandArgs::parse(args.mid(1), {QStringLiteral("user")}, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    qint64 userId = context.actor.userId;
    if (parsed->has(QStringLiteral("user"))) {
        auto user = accounts.user(context.actor, parsed->value(QStringLiteral("user")));
        if (!user) {
            return reportError(context, user.error());
        }
        userId = user->account.id;
    }
    if (sub == QLatin1StringView("list")) {
        if (!parsed->positional.isEmpty()) {
            return usageError(QStringLiteral("sessions list takes only --user NAME"));
        }
        // Without --user, those who manage users see everyone's; others their own.
        if (!parsed->has(QStringLiteral("user")) && context.actor.may(Permission::UsersManage)) {
            userId = -1;
        }
        auto sessions = accounts.sessions(context.actor, userId);
        if (!sessions) {
            return reportError(context, sessions.error());
        }
        QJsonArray array;
        for (const SessionInfo& session : *sessions) {
            if (context.json) {
                array.append(QJsonObject{{QStringLiteral("id"), session.id},
                                         {QStringLiteral("username"), session.username},
                                         {QStringLiteral("client"), session.client},
                                         {QStringLiteral("created_at"), timeText(session.createdAt)},
                                         {QStringLiteral("last_seen_at"), timeText(session.lastSeenAt)},
                                         {QStringLiteral("expires_at"), timeText(session.expiresAt)},
                                         {QStringLiteral("stay_signed_in"), session.staySignedIn},
                                         {QStringLiteral("current"), session.current}});
            } else {
                printOut(QStringLiteral("%1  %2  %3  since %4  last seen %5%6%7\n")
                             .arg(session.id)
                             .arg(printable(session.username), session.client, timeText(session.createdAt),
                                  timeText(session.lastSeenAt),
                                  session.staySignedIn ? QStringLiteral("  stays signed in") : QString(),
                                  session.current ? QStringLiteral("  (this one)") : QString()));
            }
        }
        if (context.json) {
            printJson(array);
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("revoke")) {
        if (parsed->has(QStringLiteral("user"))) {
            if (!parsed->positional.isEmpty()) {
                return usageError(QStringLiteral("sessions revoke takes an ID or --user NAME, not both"));
            }
            auto ended = accounts.revokeSessionsOf(context.actor, parsed->value(QStringLiteral("user")));
            if (!ended) {
                return reportError(context, ended.error());
            }
            if (context.json) {
                printJson(QJsonObject{{QStringLiteral("revoked"), *ended}});
            } else {
                printOut(QStringLiteral("Ended %1 sessions.\n").arg(*ended));
            }
            return exitOk;
        }
        bool ok = false;
        const qint64 id = parsed->positional.value(0).toLongLong(&ok);
        if (parsed->positional.size() != 1 || !ok || id <= 0) {
            return usageError(QStringLiteral("sessions revoke needs a session ID or --user NAME"));
        }
        if (auto ended = accounts.revokeSession(context.actor, id); !ended) {
            return reportError(context, ended.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("revoked"), 1}});
        } else {
            printOut(QStringLiteral("Ended session %1.\n").arg(id));
        }
        return exitOk;
    }
    return usageError(QStringLiteral("sessions needs list or revoke"));
}

int runApiTokens(Context& context, const QStringList& args) {
    AccountService& accounts = context.services.accounts();
    const QString sub = args.value(0);
    QString problem;
    if (sub == QLatin1StringView("create")) {
        auto parsed = CommandArgs::parse(args.mid(1), {QStringLiteral("expires-days"), QStringLiteral("permissions")},
                                         {}, &problem);
        if (!parsed) {
            return usageError(problem);
        }
        if (parsed->positional.size() != 1) {
            return usageError(QStringLiteral("api-tokens create needs one NAME"));
        }
        std::optional<int> days;
        if (parsed->has(QStringLiteral("expires-days"))) {
            bool ok = false;
            days = parsed->value(QStringLiteral("expires-days")).toInt(&ok);
            if (!ok) {
                return usageError(QStringLiteral("--expires-days needs a whole number of days"));
            }
        }
        std::optional<PermissionSet> permissions;
        if (parsed->has(QStringLiteral("permissions"))) {
            QString unknown;
            permissions = PermissionSet::fromText(parsed->value(QStringLiteral("permissions")), &unknown);
            if (!permissions) {
                return usageError(QStringLiteral("unknown permission '%1'").arg(unknown));
            }
        }
        auto created = accounts.createApiToken(context.actor, parsed->positional.first(), days, permissions);
        if (!created) {
            return reportError(context, created.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("name"), created->info.name},
                                  {QStringLiteral("token"), created->token},
                                  {QStringLiteral("expires_at"), timeJson(created->info.expiresAt)},
                                  {QStringLiteral("permissions"),
                                   created->info.permissions ? QJsonValue(permissionsJson(*created->info.permissions))
                                                             : QJsonValue(QStringLiteral("*"))}});
        } else {
            printOut(QStringLiteral("Token %1 (shown once; keep it like a password):\n%2\n")
                         .arg(created->info.name, created->token));
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("list")) {
        if (args.size() > 1) {
            return usageError(QStringLiteral("api-tokens list takes no arguments"));
        }
        auto tokens = accounts.apiTokens(context.actor);
        if (!tokens) {
            return reportError(context, tokens.error());
        }
        QJsonArray array;
        for (const ApiTokenInfo& token : *tokens) {
            if (context.json) {
                array.append(QJsonObject{
                    {QStringLiteral("name"), token.name},
                    {QStringLiteral("permissions"), token.permissions ? QJsonValue(permissionsJson(*token.permissions))
                                                                      : QJsonValue(QStringLiteral("*"))},
                    {QStringLiteral("created_at"), timeText(token.createdAt)},
                    {QStringLiteral("expires_at"), timeJson(token.expiresAt)},
                    {QStringLiteral("last_used_at"), timeJson(token.lastUsedAt)}});
            } else {
                printOut(QStringLiteral("%1  %2  expires %3  last used %4\n")
                             .arg(printable(token.name),
                                  token.permissions ? token.permissions->toText() : QStringLiteral("(all of yours)"),
                                  token.expiresAt.isValid() ? timeText(token.expiresAt) : QStringLiteral("never"),
                                  token.lastUsedAt.isValid() ? timeText(token.lastUsedAt) : QStringLiteral("never")));
            }
        }
        if (context.json) {
            printJson(array);
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("revoke")) {
        if (args.size() != 2) {
            return usageError(QStringLiteral("api-tokens revoke needs one NAME"));
        }
        if (auto revoked = accounts.revokeApiToken(context.actor, args[1]); !revoked) {
            return reportError(context, revoked.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("revoked"), args[1].trimmed()}});
        } else {
            printOut(QStringLiteral("Revoked %1.\n").arg(args[1].trimmed()));
        }
        return exitOk;
    }
    return usageError(QStringLiteral("api-tokens needs create, list or revoke"));
}

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
        QJsonArray array;
        for (const RoleInfo& info : *all) {
            if (context.json) {
                array.append(roleJson(info));
            } else {
                printRole(info);
            }
        }
        if (context.json) {
            printJson(array);
        }
        return exitOk;
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
