#include "accounts/AccountService.h"

#include "accounts/PasswordPolicy.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/SettingsRepository.h"

#include <QCryptographicHash>

#include <sodium.h>

#include <algorithm>

namespace Tessera::Core {

namespace {

const QString kModeKey = QStringLiteral("accounts.mode");
const QString kMultiUser = QStringLiteral("multi-user");
const QString kSessionPrefix = QStringLiteral("tss_");
const QString kRefreshPrefix = QStringLiteral("tsr_");
const QString kApiPrefix = QStringLiteral("tsk_");

Error withCorrelation(Error error, const QString& correlationId) {
    if (error.correlationId.isEmpty()) {
        error.correlationId = correlationId;
    }
    return error;
}

} // namespace

AccountService::AccountService(const Database& db, const SettingsRepository& settings, const AuditLog& audit,
                               const Clock& clock, PasswordCost cost)
    : m_db(db)
    , m_settings(settings)
    , m_audit(audit)
    , m_clock(clock)
    , m_accounts(db, clock)
    , m_roles(db, clock)
    , m_credentials(db)
    , m_hasher(cost) {
}

QString AccountService::userTarget(const QString& username) {
    return QStringLiteral("user:") + username;
}

QString AccountService::newToken(const QString& prefix) {
    QByteArray bytes(32, Qt::Uninitialized);
    if (sodium_init() < 0) {
        // libsodium refuses to start only without a source of randomness; no token can be made then.
        qFatal("libsodium could not be initialised");
    }
    randombytes_buf(bytes.data(), std::size_t(bytes.size()));
    const QString token =
        prefix + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    return token;
}

QString AccountService::tokenHash(const QString& token) {
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString AccountService::makeTemporaryPassword() {
    // 20 characters from 32 unambiguous ones (100 bits), in groups of four for reading aloud.
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789AB";
    QString password;
    for (int i = 0; i < 20; ++i) {
        if (i > 0 && i % 4 == 0) {
            password += QLatin1Char('-');
        }
        password += QLatin1Char(alphabet[randombytes_uniform(32)]);
    }
    return password;
}

AccountsMode AccountService::mode() const {
    return m_settings.value(kModeKey) == kMultiUser ? AccountsMode::MultiUser : AccountsMode::Personal;
}

Result<Actor> AccountService::actorFor(qint64 accountId, ClientKind client) const {
    auto account = m_accounts.findById(accountId);
    if (!account) {
        return fail(account.error());
    }
    auto role = m_roles.findById(account->roleId);
    if (!role) {
        return fail(role.error());
    }
    Actor actor;
    actor.userId = account->id;
    actor.userName = account->username;
    actor.roleId = role->id;
    actor.permissions = role->permissions;
    actor.allowedProviders = role->providers;
    actor.client = client;
    return actor;
}

Result<Actor> AccountService::personalActor(ClientKind client) const {
    if (mode() != AccountsMode::Personal) {
        return fail(ErrorCode::AuthRequired, QStringLiteral("this store has accounts: sign in first"));
    }
    return actorFor(AccountRepository::ownerId, client);
}

Status AccountService::requireAllowed(const Actor& actor, Permission permission, const QString& action) const {
    if (actor.may(permission)) {
        return {};
    }
    const QString correlationId = newCorrelationId();
    log("auth")->warn("refused {} to user {} (role {}): lacks {} cid={}", action, actor.userName, actor.roleId,
                      permissionName(permission), correlationId);
    (void)m_audit.record(actor,
                         {action, QString(), AuditOutcome::Denied,
                          QStringLiteral("lacks the permission %1").arg(permissionName(permission)), correlationId});
    return fail(ErrorCode::AuthForbidden,
                QStringLiteral("user %1 lacks the permission %2").arg(actor.userName, permissionName(permission)),
                correlationId);
}
Status AccountService::enableMultiUser(const Actor& actor, const QString& username, const QString& password) {
    if (auto allowed = requireAllowed(actor, Permission::RolesManage, QStringLiteral("accounts.mode")); !allowed) {
        return allowed;
    }
    if (mode() == AccountsMode::MultiUser) {
        return fail(ErrorCode::AlreadyExists, QStringLiteral("accounts are already switched on"));
    }
    auto name = AccountRepository::cleanUsername(username);
    if (!name) {
        return fail(name.error());
    }
    if (auto strong = checkNewPassword(password, {*name}); !strong) {
        return strong;
    }
    auto hash = m_hasher.hash(password);
    if (!hash) {
        return fail(hash.error());
    }
    return m_db.transaction([&]() -> Status {
        if (auto renamed = m_accounts.setUsername(actor.userId, *name); !renamed) {
            return renamed;
        }
        if (auto stored = m_accounts.setPasswordHash(actor.userId, *hash, false); !stored) {
            return stored;
        }
        // The owner's placeholder display name goes with the placeholder username.
        if (auto named = m_accounts.setDisplayName(actor.userId, QString()); !named) {
            return named;
        }
        if (auto switched = m_settings.setValue(kModeKey, kMultiUser); !switched) {
            return switched;
        }
        Actor renamedActor = actor;
        renamedActor.userName = *name;
        return m_audit.record(renamedActor, {QStringLiteral("accounts.mode"),
                                             userTarget(*name),
                                             AuditOutcome::Success,
                                             QStringLiteral("multi-user mode on; %1 is its administrator").arg(*name),
                                             {}});
    });
}

Status AccountService::recordFailure(const Account& account, ClientKind client, const QString& correlationId) {
    const QDateTime now = m_clock.nowUtc();
    int failures = account.failedSignIns;
    QDateTime first = account.firstFailureAt;
    if (!first.isValid() || first.secsTo(now) > m_policy.failureWindowSecs) {
        failures = 0;
        first = now;
    }
    ++failures;
    return m_db.transaction([&]() -> Status {
        if (failures < m_policy.maxFailures) {
            if (auto kept = m_accounts.setFailures(account.id, failures, first, {}, account.lockouts); !kept) {
                return kept;
            }
            return m_audit.recordFor(
                account.id, account.username, client,
                {QStringLiteral("auth.sign_in"), userTarget(account.username), AuditOutcome::Failure,
                 QStringLiteral("wrong password (%1 of %2)").arg(failures).arg(m_policy.maxFailures), correlationId});
        }
        const int lockouts = account.lockouts + 1;
        const qint64 seconds = std::min(m_policy.maxLockSecs, m_policy.lockSecs << std::min(lockouts - 1, 20));
        const QDateTime until = now.addSecs(seconds);
        if (auto kept = m_accounts.setFailures(account.id, 0, {}, until, lockouts); !kept) {
            return kept;
        }
        if (auto recorded = m_audit.recordFor(account.id, account.username, client,
                                              {QStringLiteral("auth.sign_in"), userTarget(account.username),
                                               AuditOutcome::Failure, QStringLiteral("wrong password"), correlationId});
            !recorded) {
            return recorded;
        }
        log("auth")->warn("account {} locked until {} after {} wrong passwords", account.username, toStoredTime(until),
                          failures);
        return m_audit.recordFor(account.id, account.username, client,
                                 {QStringLiteral("auth.lockout"), userTarget(account.username), AuditOutcome::Success,
                                  QStringLiteral("locked until %1 (lockout %2)").arg(toStoredTime(until)).arg(lockouts),
                                  correlationId});
    });
}

Result<SignedIn> AccountService::signIn(const QString& username, const QString& password, ClientKind client,
                                        bool staySignedIn) {
    const QString correlationId = newCorrelationId();
    const auto failed = [&]() {
        return fail(ErrorCode::AuthFailed, QStringLiteral("wrong username or password"), correlationId);
    };
    if (mode() != AccountsMode::MultiUser) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("this store has no accounts to sign in to"),
                    correlationId);
    }
    auto account = m_accounts.findByUsername(username);
    if (!account) {
        if (account.error().code != ErrorCode::NotFound) {
            return fail(withCorrelation(account.error(), correlationId));
        }
        // The same work as for a known name, so the answer's timing does not tell whether the name exists.
        m_hasher.verifyNothing(password);
        const auto name = AccountRepository::cleanUsername(username);
        (void)m_audit.recordFor(0, name ? *name : QStringLiteral("(not a username)"), client,
                                {QStringLiteral("auth.sign_in"), QString(), AuditOutcome::Failure,
                                 QStringLiteral("no such user"), correlationId});
        return failed();
    }
    const QDateTime now = m_clock.nowUtc();
    if (account->lockedUntil.isValid() && now < account->lockedUntil) {
        m_hasher.verifyNothing(password);
        (void)m_audit.recordFor(account->id, account->username, client,
                                {QStringLiteral("auth.sign_in"), userTarget(account->username), AuditOutcome::Denied,
                                 QStringLiteral("account locked until %1").arg(toStoredTime(account->lockedUntil)),
                                 correlationId});
        Error error =
            makeError(ErrorCode::AuthLocked, QStringLiteral("locked until %1").arg(toStoredTime(account->lockedUntil)),
                      correlationId);
        error.retryAfterMs = now.msecsTo(account->lockedUntil);
        return fail(std::move(error));
    }
    auto hash = m_accounts.passwordHash(account->id);
    if (!hash) {
        return fail(withCorrelation(hash.error(), correlationId));
    }
    const bool matches = hash->isEmpty() ? (m_hasher.verifyNothing(password), false) : m_hasher.verify(*hash, password);
    if (!matches) {
        if (auto recorded = recordFailure(*account, client, correlationId); !recorded) {
            return fail(withCorrelation(recorded.error(), correlationId));
        }
        return failed();
    }
    if (account->status != AccountStatus::Active) {
        (void)m_audit.recordFor(account->id, account->username, client,
                                {QStringLiteral("auth.sign_in"), userTarget(account->username), AuditOutcome::Denied,
                                 QStringLiteral("account disabled"), correlationId});
        return failed();
    }
    if (m_hasher.needsRehash(*hash)) {
        // The cost grew since this hash was made: store one at today's cost while the password is at hand.
        if (auto upgraded = m_hasher.hash(password); upgraded) {
            if (auto stored = m_accounts.setPasswordHash(account->id, *upgraded, account->mustChangePassword);
                !stored) {
                log("auth")->warn("could not upgrade the password hash of {}: {}", account->username,
                                  stored.error().toLogString());
            }
        }
    }
    QString family;
    QDateTime familyExpires;
    if (staySignedIn) {
        family = newToken(QString()).left(22);
        familyExpires = now.addSecs(m_policy.staySignedInSecs);
    }
    auto started = startSession(*account, client, family, familyExpires);
    if (!started) {
        return fail(withCorrelation(started.error(), correlationId));
    }
    return started;
}

Result<SignedIn> AccountService::startSession(const Account& account, ClientKind client, const QString& family,
                                              const QDateTime& familyExpiresAt) {
    auto actor = actorFor(account.id, client);
    if (!actor) {
        return fail(actor.error());
    }
    const QDateTime now = m_clock.nowUtc();
    SignedIn result;
    result.sessionToken = newToken(kSessionPrefix);
    result.sessionExpiresAt = now.addSecs(m_policy.sessionMaxSecs);
    if (familyExpiresAt.isValid() && familyExpiresAt < result.sessionExpiresAt) {
        result.sessionExpiresAt = familyExpiresAt;
    }
    result.mustChangePassword = account.mustChangePassword;
    auto status = m_db.transaction([&]() -> Status {
        SessionRecord session{0, account.id, clientName(client), family, now, now, result.sessionExpiresAt};
        auto id = m_credentials.addSession(session, tokenHash(result.sessionToken));
        if (!id) {
            return fail(id.error());
        }
        actor->sessionId = *id;
        if (!family.isEmpty()) {
            result.refreshToken = newToken(kRefreshPrefix);
            if (auto added = m_credentials.addRefresh({0, family, account.id, now, familyExpiresAt, {}},
                                                      tokenHash(result.refreshToken));
                !added) {
                return added;
            }
        }
        if (auto signedIn = m_accounts.recordSignIn(account.id, now); !signedIn) {
            return signedIn;
        }
        // Sessions past their absolute end are tidied away here, where sessions are made.
        if (auto tidied = m_credentials.removeSessionsEndedBefore(now); !tidied) {
            return fail(tidied.error());
        }
        return m_audit.record(*actor, {QStringLiteral("auth.sign_in"),
                                       userTarget(account.username),
                                       AuditOutcome::Success,
                                       QStringLiteral("session %1%2")
                                           .arg(*id)
                                           .arg(family.isEmpty() ? QString() : QStringLiteral(", stays signed in")),
                                       {}});
    });
    if (!status) {
        return fail(status.error());
    }
    result.actor = *actor;
    return result;
}

Result<Actor> AccountService::resume(const QString& sessionToken, ClientKind client) {
    if (!sessionToken.startsWith(kSessionPrefix)) {
        return fail(ErrorCode::AuthRequired, QStringLiteral("not a session token"));
    }
    auto session = m_credentials.findSession(tokenHash(sessionToken));
    if (!session) {
        if (session.error().code == ErrorCode::NotFound) {
            return fail(ErrorCode::AuthRequired, QStringLiteral("the session has ended"));
        }
        return fail(session.error());
    }
    const QDateTime now = m_clock.nowUtc();
    const bool expired = now >= session->expiresAt;
    const bool idle = session->lastSeenAt.secsTo(now) > m_policy.sessionIdleSecs;
    if (expired || idle) {
        (void)m_credentials.removeSession(session->id);
        return fail(ErrorCode::AuthRequired, expired ? QStringLiteral("the session reached its 12-hour limit")
                                                     : QStringLiteral("the session ended after being idle"));
    }
    auto actor = actorFor(session->accountId, client);
    if (!actor) {
        return fail(actor.error());
    }
    actor->sessionId = session->id;
    if (auto touched = m_credentials.touchSession(session->id, now); !touched) {
        return fail(touched.error());
    }
    return actor;
}

Result<SignedIn> AccountService::refresh(const QString& refreshToken, ClientKind client) {
    const QString correlationId = newCorrelationId();
    if (!refreshToken.startsWith(kRefreshPrefix)) {
        return fail(ErrorCode::AuthRequired, QStringLiteral("not a refresh token"), correlationId);
    }
    auto token = m_credentials.findRefresh(tokenHash(refreshToken));
    if (!token) {
        if (token.error().code == ErrorCode::NotFound) {
            return fail(ErrorCode::AuthRequired, QStringLiteral("the sign-in was ended"), correlationId);
        }
        return fail(withCorrelation(token.error(), correlationId));
    }
    const QDateTime now = m_clock.nowUtc();
    auto account = m_accounts.findById(token->accountId);
    if (!account) {
        return fail(withCorrelation(account.error(), correlationId));
    }
    const auto revokeFamily = [&](const QString& why, AuditOutcome outcome, const QString& action) {
        auto sessions = m_credentials.removeFamily(token->family);
        (void)m_audit.recordFor(account->id, account->username, client,
                                {action, userTarget(account->username), outcome,
                                 QStringLiteral("%1; %2 sessions ended").arg(why).arg(sessions.value_or(0)),
                                 correlationId});
    };
    if (token->usedAt.isValid()) {
        log("auth")->warn("a used refresh token of {} was presented again: its family is revoked cid={}",
                          account->username, correlationId);
        revokeFamily(QStringLiteral("a used refresh token was presented again (possible theft)"), AuditOutcome::Denied,
                     QStringLiteral("auth.refresh_reuse"));
        return fail(ErrorCode::AuthRequired, QStringLiteral("the stay-signed-in token was used before"), correlationId);
    }
    if (now >= token->expiresAt || account->status != AccountStatus::Active) {
        revokeFamily(now >= token->expiresAt ? QStringLiteral("the stay-signed-in period ended")
                                             : QStringLiteral("the account is disabled"),
                     AuditOutcome::Failure, QStringLiteral("auth.refresh"));
        return fail(ErrorCode::AuthRequired, QStringLiteral("the stay-signed-in period ended"), correlationId);
    }
    auto first = m_credentials.markRefreshUsed(token->id, now);
    if (!first) {
        return fail(withCorrelation(first.error(), correlationId));
    }
    if (!*first) {
        revokeFamily(QStringLiteral("a refresh token was used twice at once (possible theft)"), AuditOutcome::Denied,
                     QStringLiteral("auth.refresh_reuse"));
        return fail(ErrorCode::AuthRequired, QStringLiteral("the stay-signed-in token was used before"), correlationId);
    }
    // The sessions the family made before belong to an earlier start of the app: they end now.
    if (auto ended = m_credentials.removeFamilySessions(token->family); !ended) {
        return fail(withCorrelation(ended.error(), correlationId));
    }
    auto started = startSession(*account, client, token->family, token->expiresAt);
    if (!started) {
        return fail(withCorrelation(started.error(), correlationId));
    }
    return started;
}

Status AccountService::signOut(const Actor& actor) {
    if (actor.sessionId == 0) {
        return {};
    }
    auto session = m_credentials.findSessionById(actor.sessionId);
    if (!session) {
        return session.error().code == ErrorCode::NotFound ? Status{} : fail(session.error());
    }
    return m_db.transaction([&]() -> Status {
        if (!session->refreshFamily.isEmpty()) {
            if (auto gone = m_credentials.removeFamily(session->refreshFamily); !gone) {
                return fail(gone.error());
            }
        }
        if (auto gone = m_credentials.removeSession(session->id); !gone && gone.error().code != ErrorCode::NotFound) {
            return gone;
        }
        return m_audit.record(actor, {QStringLiteral("auth.sign_out"),
                                      userTarget(actor.userName),
                                      AuditOutcome::Success,
                                      QStringLiteral("session %1").arg(session->id),
                                      {}});
    });
}

Status AccountService::keepAlive(const Actor& actor) {
    if (actor.sessionId == 0) {
        return {};
    }
    auto session = m_credentials.findSessionById(actor.sessionId);
    if (!session) {
        return fail(ErrorCode::AuthRequired, QStringLiteral("the session has ended"));
    }
    const QDateTime now = m_clock.nowUtc();
    if (now >= session->expiresAt || session->lastSeenAt.secsTo(now) > m_policy.sessionIdleSecs) {
        (void)m_credentials.removeSession(session->id);
        return fail(ErrorCode::AuthRequired, QStringLiteral("the session has ended"));
    }
    return m_credentials.touchSession(session->id, now);
}

Result<Actor> AccountService::reauthenticate(const Actor& actor, const QString& password) {
    auto account = m_accounts.findById(actor.userId);
    if (!account) {
        return fail(account.error());
    }
    auto signedIn = signIn(account->username, password, actor.client);
    if (!signedIn) {
        return fail(signedIn.error());
    }
    // The new session replaces the one the lock interrupted.
    if (actor.sessionId != 0 && actor.sessionId != signedIn->actor.sessionId) {
        (void)m_credentials.removeSession(actor.sessionId);
    }
    return signedIn->actor;
}

Result<Actor> AccountService::authenticateToken(const QString& token, ClientKind client) {
    const QString correlationId = newCorrelationId();
    if (!token.startsWith(kApiPrefix)) {
        return fail(ErrorCode::AuthRequired, QStringLiteral("TESSERA_TOKEN is not an API token (tsk_...)"),
                    correlationId);
    }
    auto record = m_credentials.findApiToken(tokenHash(token));
    if (!record) {
        if (record.error().code == ErrorCode::NotFound) {
            (void)m_audit.recordFor(0, QString(), client,
                                    {QStringLiteral("auth.api_token"), QString(), AuditOutcome::Failure,
                                     QStringLiteral("unknown or revoked API token"), correlationId});
            return fail(ErrorCode::AuthRequired, QStringLiteral("the API token is unknown or was revoked"),
                        correlationId);
        }
        return fail(withCorrelation(record.error(), correlationId));
    }
    const QDateTime now = m_clock.nowUtc();
    auto actor = actorFor(record->accountId, client);
    if (!actor) {
        return fail(withCorrelation(actor.error(), correlationId));
    }
    if (record->expiresAt.isValid() && now >= record->expiresAt) {
        (void)m_audit.record(*actor, {QStringLiteral("auth.api_token"), QStringLiteral("token:") + record->name,
                                      AuditOutcome::Failure, QStringLiteral("expired"), correlationId});
        return fail(ErrorCode::AuthRequired, QStringLiteral("the API token '%1' expired").arg(record->name),
                    correlationId);
    }
    auto account = m_accounts.findById(record->accountId);
    if (!account || account->status != AccountStatus::Active) {
        return fail(ErrorCode::AuthFailed, QStringLiteral("the API token's account is disabled"), correlationId);
    }
    if (record->permissions != QLatin1StringView("*")) {
        actor->permissions =
            actor->permissions.intersected(PermissionSet::fromText(record->permissions).value_or(PermissionSet()));
    }
    actor->apiTokenId = record->id;
    (void)m_credentials.touchApiToken(record->id, now);
    return actor;
}

Status AccountService::changePassword(const Actor& actor, const QString& current, const QString& replacement,
                                      bool endOtherSessions) {
    auto account = m_accounts.findById(actor.userId);
    if (!account) {
        return fail(account.error());
    }
    auto hash = m_accounts.passwordHash(account->id);
    if (!hash) {
        return fail(hash.error());
    }
    if (!hash->isEmpty() && !m_hasher.verify(*hash, current)) {
        const QString correlationId = newCorrelationId();
        if (auto recorded = recordFailure(*account, actor.client, correlationId); !recorded) {
            return recorded;
        }
        return fail(ErrorCode::AuthFailed, QStringLiteral("the current password is wrong"), correlationId);
    }
    if (replacement == current) {
        return fail(ErrorCode::AuthWeakPassword, QStringLiteral("the new password is the old one"));
    }
    if (auto strong = checkNewPassword(replacement, {account->username, account->displayName}); !strong) {
        return strong;
    }
    auto newHash = m_hasher.hash(replacement);
    if (!newHash) {
        return fail(newHash.error());
    }
    return m_db.transaction([&]() -> Status {
        if (auto stored = m_accounts.setPasswordHash(account->id, *newHash, false); !stored) {
            return stored;
        }
        int ended = 0;
        if (endOtherSessions) {
            auto sessions = m_credentials.sessions(account->id);
            if (!sessions) {
                return fail(sessions.error());
            }
            for (const SessionRecord& session : *sessions) {
                if (session.id != actor.sessionId) {
                    if (!session.refreshFamily.isEmpty()) {
                        (void)m_credentials.removeFamily(session.refreshFamily);
                    }
                    (void)m_credentials.removeSession(session.id);
                    ++ended;
                }
            }
        }
        return m_audit.record(actor,
                              {QStringLiteral("user.password_change"),
                               userTarget(account->username),
                               AuditOutcome::Success,
                               endOtherSessions ? QStringLiteral("%1 other sessions ended").arg(ended) : QString(),
                               {}});
    });
}

Result<std::vector<SessionInfo>> AccountService::sessions(const Actor& actor, qint64 userId) const {
    if (userId != actor.userId) {
        if (auto allowed = requireAllowed(actor, Permission::UsersManage, QStringLiteral("session.list")); !allowed) {
            return fail(allowed.error());
        }
    }
    auto records = m_credentials.sessions(userId);
    if (!records) {
        return fail(records.error());
    }
    auto accounts = m_accounts.list();
    if (!accounts) {
        return fail(accounts.error());
    }
    const QDateTime now = m_clock.nowUtc();
    std::vector<SessionInfo> result;
    for (const SessionRecord& record : *records) {
        if (now >= record.expiresAt || record.lastSeenAt.secsTo(now) > m_policy.sessionIdleSecs) {
            continue; // ended; removed when next used or tidied
        }
        SessionInfo info{record.id,
                         record.accountId,
                         {},
                         record.client,
                         record.createdAt,
                         record.lastSeenAt,
                         record.expiresAt,
                         !record.refreshFamily.isEmpty(),
                         record.id == actor.sessionId};
        for (const Account& account : *accounts) {
            if (account.id == record.accountId) {
                info.username = account.username;
            }
        }
        result.push_back(std::move(info));
    }
    return result;
}

Status AccountService::revokeSession(const Actor& actor, qint64 sessionId) {
    auto session = m_credentials.findSessionById(sessionId);
    if (!session) {
        return fail(session.error());
    }
    if (session->accountId != actor.userId) {
        if (auto allowed = requireAllowed(actor, Permission::UsersManage, QStringLiteral("session.revoke")); !allowed) {
            return allowed;
        }
    }
    auto owner = m_accounts.findById(session->accountId);
    const QString ownerName = owner ? owner->username : QString::number(session->accountId);
    return m_db.transaction([&]() -> Status {
        if (!session->refreshFamily.isEmpty()) {
            if (auto gone = m_credentials.removeFamily(session->refreshFamily); !gone) {
                return fail(gone.error());
            }
        }
        if (auto gone = m_credentials.removeSession(sessionId); !gone && gone.error().code != ErrorCode::NotFound) {
            return gone;
        }
        return m_audit.record(actor, {QStringLiteral("session.revoke"),
                                      userTarget(ownerName),
                                      AuditOutcome::Success,
                                      QStringLiteral("session %1").arg(sessionId),
                                      {}});
    });
}

Result<int> AccountService::revokeSessionsOf(const Actor& actor, const QString& username) {
    auto account = findUser(username);
    if (!account) {
        return fail(account.error());
    }
    if (account->id != actor.userId) {
        if (auto allowed = requireAllowed(actor, Permission::UsersManage, QStringLiteral("session.revoke")); !allowed) {
            return fail(allowed.error());
        }
    }
    int ended = 0;
    auto status = m_db.transaction([&]() -> Status {
        auto sessions = m_credentials.removeSessionsOf(account->id);
        if (!sessions) {
            return fail(sessions.error());
        }
        ended = *sessions;
        if (auto refresh = m_credentials.removeRefreshOf(account->id); !refresh) {
            return fail(refresh.error());
        }
        return m_audit.record(actor, {QStringLiteral("session.revoke"),
                                      userTarget(account->username),
                                      AuditOutcome::Success,
                                      QStringLiteral("all %1 sessions").arg(ended),
                                      {}});
    });
    if (!status) {
        return fail(status.error());
    }
    return ended;
}

Result<CreatedApiToken> AccountService::createApiToken(const Actor& actor, const QString& name,
                                                       std::optional<int> expiresDays,
                                                       std::optional<PermissionSet> permissions) {
    if (actor.apiTokenId != 0) {
        return fail(ErrorCode::AuthForbidden, QStringLiteral("an API token cannot make API tokens"));
    }
    const QString cleaned = name.trimmed();
    if (cleaned.isEmpty() || cleaned.size() > 64 || cleaned.contains(QLatin1Char('\n'))) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a token's name has 1 to 64 characters on one line"));
    }
    if (expiresDays && (*expiresDays < 1 || *expiresDays > 3650)) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a token expires after 1 to 3650 days"));
    }
    if (permissions && permissions->isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a token needs at least one permission (without a list it has all of its user's)"));
    }
    if (permissions && !actor.permissions.contains(*permissions)) {
        const QString correlationId = newCorrelationId();
        (void)m_audit.record(actor, {QStringLiteral("api_token.create"), QStringLiteral("token:") + cleaned,
                                     AuditOutcome::Denied, QStringLiteral("asked for more than the user's permissions"),
                                     correlationId});
        return fail(ErrorCode::AuthForbidden,
                    QStringLiteral("a token cannot have permissions its user lacks (%1)")
                        .arg(permissions->intersected(PermissionSet::all()).toText()),
                    correlationId);
    }
    const QDateTime now = m_clock.nowUtc();
    CreatedApiToken created;
    created.token = newToken(kApiPrefix);
    created.info.name = cleaned;
    created.info.permissions = permissions;
    created.info.createdAt = now;
    created.info.expiresAt = expiresDays ? now.addDays(*expiresDays) : QDateTime();
    auto status = m_db.transaction([&]() -> Status {
        ApiTokenRecord record{
            0,   actor.userId,           cleaned, permissions ? permissions->toText() : QStringLiteral("*"),
            now, created.info.expiresAt, {}};
        auto id = m_credentials.addApiToken(record, tokenHash(created.token));
        if (!id) {
            return fail(id.error());
        }
        return m_audit.record(actor,
                              {QStringLiteral("api_token.create"),
                               QStringLiteral("token:") + cleaned,
                               AuditOutcome::Success,
                               QStringLiteral("permissions %1, expires %2")
                                   .arg(permissions ? permissions->toText() : QStringLiteral("(the user's)"),
                                        expiresDays ? toStoredTime(created.info.expiresAt) : QStringLiteral("never")),
                               {}});
    });
    if (!status) {
        return fail(status.error());
    }
    return created;
}

Result<std::vector<ApiTokenInfo>> AccountService::apiTokens(const Actor& actor) const {
    auto records = m_credentials.apiTokens(actor.userId);
    if (!records) {
        return fail(records.error());
    }
    std::vector<ApiTokenInfo> result;
    for (const ApiTokenRecord& record : *records) {
        ApiTokenInfo info;
        info.name = record.name;
        if (record.permissions != QLatin1StringView("*")) {
            info.permissions = PermissionSet::fromText(record.permissions).value_or(PermissionSet());
        }
        info.createdAt = record.createdAt;
        info.expiresAt = record.expiresAt;
        info.lastUsedAt = record.lastUsedAt;
        result.push_back(std::move(info));
    }
    return result;
}

Status AccountService::revokeApiToken(const Actor& actor, const QString& name) {
    return m_db.transaction([&]() -> Status {
        if (auto gone = m_credentials.removeApiToken(actor.userId, name); !gone) {
            return gone;
        }
        return m_audit.record(actor, {QStringLiteral("api_token.revoke"),
                                      QStringLiteral("token:") + name.trimmed(),
                                      AuditOutcome::Success,
                                      QString(),
                                      {}});
    });
}
} // namespace Tessera::Core
