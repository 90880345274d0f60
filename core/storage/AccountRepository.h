#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

namespace Tessera::Core {

class Database;

enum class AccountStatus { Active, Disabled };

// A person who uses this Tessera. Personal mode has one: the owner (id 1). The password hash is not part of it:
// only core/accounts reads it (passwordHash).
struct Account {
    qint64 id = 0;
    QString username;    // as typed; unique without regard to case
    QString displayName; // free text, may be empty
    qint64 roleId = 0;
    AccountStatus status = AccountStatus::Active;
    bool hasPassword = false;
    bool mustChangePassword = false;
    int failedSignIns = 0;
    QDateTime firstFailureAt; // of the current run of failures
    QDateTime lockedUntil;
    int lockouts = 0;
    QDateTime createdAt;
    QDateTime lastSignInAt;
};

// The accounts table. Usernames are 1 to 64 letters, digits, '.', '_', '-' or '@', compared without case.
class AccountRepository final {
public:
    static constexpr qint64 ownerId = 1;
    static constexpr int maxUsernameLength = 64;
    static constexpr int maxDisplayNameLength = 200;

    AccountRepository(const Database& db, const Clock& clock);

    Result<std::vector<Account>> list() const;
    Result<Account> findById(qint64 id) const;
    Result<Account> findByUsername(const QString& username) const;
    // A new active account without a password (set one with setPasswordHash); AlreadyExists for a taken name.
    Result<Account> add(const QString& username, const QString& displayName, qint64 roleId) const;
    Status setRole(qint64 id, qint64 roleId) const;
    Status setStatus(qint64 id, AccountStatus status) const;
    Status setDisplayName(qint64 id, const QString& displayName) const;
    Status setUsername(qint64 id, const QString& username) const;
    // The Argon2id hash (empty: no password yet), for core/accounts only.
    Result<QByteArray> passwordHash(qint64 id) const;
    Status setPasswordHash(qint64 id, const QByteArray& hash, bool mustChange) const;
    // The sign-in throttle's state after a failure (lockedUntil invalid: not locked).
    Status setFailures(qint64 id, int failedSignIns, const QDateTime& firstFailureAt, const QDateTime& lockedUntil,
                       int lockouts) const;
    // A successful sign-in: the failures and the lockouts before it are forgotten.
    Status recordSignIn(qint64 id, const QDateTime& at) const;
    // Unlocked by an administrator: failures, the lock and the lockout count are cleared.
    Status clearLock(qint64 id) const;
    Status remove(qint64 id) const;
    // Active accounts with the role.
    Result<int> countActiveWithRole(qint64 roleId) const;

    // The name's checks; an error says what is wrong.
    static Result<QString> cleanUsername(const QString& username);

private:
    Status requireRole(qint64 roleId) const;

    const Database& m_db;
    const Clock& m_clock;
};

} // namespace Tessera::Core
