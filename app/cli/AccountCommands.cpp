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
        return printList(context, *users, userJson, printUser);
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

} // namespace Tessera::Cli
