#pragma once

#include "accounts/PasswordHasher.h"
#include "common/Actor.h"
#include "common/Result.h"
#include "storage/AccountRepository.h"
#include "storage/CredentialRepository.h"
#include "storage/RoleRepository.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class Clock;
class Database;
class SettingsRepository;

enum class AccountsMode { Personal, MultiUser };

// The session and token lifetimes and the sign-in throttle (docs/security.md states them).
struct AccountPolicy {
    int maxFailures = 5;                     // wrong passwords ...
    qint64 failureWindowSecs = 900;          // ... within 15 minutes lock the account
    qint64 lockSecs = 900;                   // for 15 minutes, doubling on each repeat
    qint64 maxLockSecs = 86'400;             // up to a day
    qint64 sessionIdleSecs = 1800;           // a session ends after 30 idle minutes
    qint64 sessionMaxSecs = 43'200;          // and 12 hours after the sign-in at the latest
    qint64 staySignedInSecs = 30LL * 86'400; // a refresh family lives 30 days
};

// The outcome of a sign-in or a refresh. The tokens are shown to their holder once and kept nowhere in core.
struct SignedIn {
    Actor actor;
    QString sessionToken;
    QString refreshToken; // empty unless "stay signed in" was asked for
    QDateTime sessionExpiresAt;
    bool mustChangePassword = false;
};

struct SessionInfo {
    qint64 id = 0;
    qint64 accountId = 0;
    QString username;
    QString client;
    QDateTime createdAt;
    QDateTime lastSeenAt;
    QDateTime expiresAt;
    bool staySignedIn = false;
    bool current = false; // the asking actor's own session
};

struct ApiTokenInfo {
    QString name;
    std::optional<PermissionSet> permissions; // nullopt: the user's own
    QDateTime createdAt;
    QDateTime expiresAt; // invalid: never
    QDateTime lastUsedAt;
};

struct CreatedApiToken {
    ApiTokenInfo info;
    QString token; // "tsk_...": shown once
};

// An account as administrators see it.
struct UserInfo {
    Account account;
    QString roleName;
    PermissionSet permissions;    // what the role grants
    QStringList allowedProviders; // the role's allowlist (empty: every provider)
    int activeSessions = 0;
    bool locked = false; // lockedUntil is in the future
};

struct UserChanges {
    std::optional<QString> roleName;
    std::optional<QString> displayName;
    std::optional<AccountStatus> status;
};

// A new account or a reset password: the password to hand over when core made one (shown once).
struct IssuedPassword {
    UserInfo user;
    QString temporaryPassword; // empty when the caller gave the password
};

// Accounts, sign-in, sessions and tokens (OWASP ASVS 5.0 level 2; docs/security.md), in AccountService.cpp; the
// administration of users in AccountUsers.cpp. Personal mode is multi-user
// mode with one account, the owner, and no sign-in: actorFor(owner) is the actor. Every change is audited in the
// same transaction; every refusal and failed sign-in is audited on its own.
class AccountService final {
public:
    AccountService(const Database& db, const SettingsRepository& settings, const AuditLog& audit, const Clock& clock,
                   PasswordCost cost = {});

    AccountsMode mode() const;
    const AccountPolicy& policy() const { return m_policy; }
    void setPolicy(const AccountPolicy& policy) { m_policy = policy; }

    // The actor an account acts as, with its role's permissions (personal mode: the owner's).
    Result<Actor> actorFor(qint64 accountId, ClientKind client) const;
    Result<Actor> personalActor(ClientKind client) const;

    // Switches multi-user mode on: the owner gets a username and a password (checked by the password policy).
    Status enableMultiUser(const Actor& actor, const QString& username, const QString& password);

    // Same answer and same work for an unknown name, a wrong password and a disabled account (auth.failed); a
    // locked account answers auth.locked with the lock's end (Error::retryAfterMs and the detail).
    Result<SignedIn> signIn(const QString& username, const QString& password, ClientKind client,
                            bool staySignedIn = false);
    // The actor of a live session (auth.required when it ended, idled out or never was); marks it as used.
    Result<Actor> resume(const QString& sessionToken, ClientKind client);
    // Exchanges a refresh token for a new session and a new refresh token. A token used before revokes its whole
    // family (auth.required) and is audited as a possible theft.
    Result<SignedIn> refresh(const QString& refreshToken, ClientKind client);
    // Ends the actor's session (and its "stay signed in" family).
    Status signOut(const Actor& actor);
    // The app is in use: marks the actor's session as used (auth.required when it has ended meanwhile).
    Status keepAlive(const Actor& actor);
    // The idle lock asks the signed-in person for their password again: the same throttle as a sign-in. Returns
    // the actor with its session, a new one when the old one ended while the app was locked.
    Result<Actor> reauthenticate(const Actor& actor, const QString& password);
    // The actor of an API token ("tsk_..."): its user's permissions, narrowed by the token's.
    Result<Actor> authenticateToken(const QString& token, ClientKind client);

    // The actor's own password; endOtherSessions also ends their other sessions.
    Status changePassword(const Actor& actor, const QString& current, const QString& replacement,
                          bool endOtherSessions);

    // Sessions: one's own, or (users.manage) anyone's; userId -1 lists everyone's.
    Result<std::vector<SessionInfo>> sessions(const Actor& actor, qint64 userId) const;
    Status revokeSession(const Actor& actor, qint64 sessionId);
    Result<int> revokeSessionsOf(const Actor& actor, const QString& username);

    // The actor's own API tokens. permissions must lie within the actor's own.
    Result<CreatedApiToken> createApiToken(const Actor& actor, const QString& name, std::optional<int> expiresDays,
                                           std::optional<PermissionSet> permissions);
    Result<std::vector<ApiTokenInfo>> apiTokens(const Actor& actor) const;
    Status revokeApiToken(const Actor& actor, const QString& name);

    // Users (users.manage). Without roles.manage an actor manages Members only and gives no other role.
    Result<std::vector<UserInfo>> users(const Actor& actor) const;
    Result<UserInfo> user(const Actor& actor, const QString& username) const;
    // password empty: core makes a temporary one that must be changed at the first sign-in.
    Result<IssuedPassword> addUser(const Actor& actor, const QString& username, const QString& displayName,
                                   const QString& roleName, const QString& password);
    Result<UserInfo> updateUser(const Actor& actor, const QString& username, const UserChanges& changes);
    Result<IssuedPassword> resetPassword(const Actor& actor, const QString& username);
    // Removes an account with its sessions and tokens. Its conversations (with their tags) go to transferTo, or
    // are deleted when transferTo is empty. Not oneself, not the last active Administrator.
    Result<int> removeUser(const Actor& actor, const QString& username, const QString& transferTo);
    Status unlock(const Actor& actor, const QString& username);

    // The roles, for everyone who may see users or roles.
    Result<std::vector<AccountRole>> roles(const Actor& actor) const;

    // Random token text with a prefix ("tss_", "tsr_", "tsk_"): 256 bits, base64url.
    static QString newToken(const QString& prefix);
    static QString tokenHash(const QString& token);

private:
    Status requireAllowed(const Actor& actor, Permission permission, const QString& action) const;
    Status requireManages(const Actor& actor, const Account& target, const QString& action) const;
    Status keepAnAdministrator(const Account& target, qint64 newRoleId, AccountStatus newStatus) const;
    Result<SignedIn> startSession(const Account& account, ClientKind client, const QString& family,
                                  const QDateTime& familyExpiresAt);
    Status recordFailure(const Account& account, ClientKind client, const QString& correlationId);
    Result<UserInfo> describe(const Account& account) const;
    Result<Account> findUser(const QString& username) const;
    static QString makeTemporaryPassword();
    // The audit target naming an account ("user:ada").
    static QString userTarget(const QString& username);

    const Database& m_db;
    const SettingsRepository& m_settings;
    const AuditLog& m_audit;
    const Clock& m_clock;
    AccountRepository m_accounts;
    RoleRepository m_roles;
    CredentialRepository m_credentials;
    PasswordHasher m_hasher;
    AccountPolicy m_policy;
};

} // namespace Tessera::Core
