#include "storage/AccountRepository.h"

#include "storage/Database.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace Tessera::Core {

namespace {

const QString kColumns =
    QStringLiteral("id, username, display_name, role_id, status, password_hash <> '', must_change_password, "
                   "failed_sign_ins, first_failure_at, locked_until, lockouts, created_at, last_sign_in_at");

QDateTime optionalTime(const QVariant& value) {
    const QString text = value.toString();
    return text.isEmpty() ? QDateTime() : fromStoredTime(text);
}

Account fromRow(const QSqlQuery& query) {
    Account account;
    account.id = query.value(0).toLongLong();
    account.username = query.value(1).toString();
    account.displayName = query.value(2).toString();
    account.roleId = query.value(3).toLongLong();
    account.status =
        query.value(4).toString() == QLatin1StringView("disabled") ? AccountStatus::Disabled : AccountStatus::Active;
    account.hasPassword = query.value(5).toBool();
    account.mustChangePassword = query.value(6).toInt() != 0;
    account.failedSignIns = query.value(7).toInt();
    account.firstFailureAt = optionalTime(query.value(8));
    account.lockedUntil = optionalTime(query.value(9));
    account.lockouts = query.value(10).toInt();
    account.createdAt = fromStoredTime(query.value(11).toString());
    account.lastSignInAt = optionalTime(query.value(12));
    return account;
}

QString keyOf(const QString& username) {
    return username.toCaseFolded();
}

Status changed(const Result<QSqlQuery>& query, qint64 id) {
    if (!query) {
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("account %1").arg(id));
    }
    return {};
}

} // namespace

AccountRepository::AccountRepository(const Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {
}

Result<QString> AccountRepository::cleanUsername(const QString& username) {
    static const QRegularExpression allowed(QStringLiteral("^[\\p{L}\\p{N}._@-]+$"));
    const QString name = username.trimmed();
    if (name.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the username is empty"));
    }
    if (name.size() > maxUsernameLength) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the username is longer than %1 characters").arg(maxUsernameLength));
    }
    if (!allowed.match(name).hasMatch()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a username has only letters, digits, '.', '_', '-' and '@'"));
    }
    return name;
}

Result<std::vector<Account>> AccountRepository::list() const {
    auto query =
        m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM accounts ORDER BY username_key"));
    if (!query) {
        return fail(query.error());
    }
    std::vector<Account> accounts;
    while (query->next()) {
        accounts.push_back(fromRow(*query));
    }
    return accounts;
}

Result<Account> AccountRepository::findById(qint64 id) const {
    auto query = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM accounts WHERE id = ?"), {id});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("account %1").arg(id));
    }
    return fromRow(*query);
}

Result<Account> AccountRepository::findByUsername(const QString& username) const {
    auto query =
        m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM accounts WHERE username_key = ?"),
                  {keyOf(username.trimmed())});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("no such account"));
    }
    return fromRow(*query);
}

Result<Account> AccountRepository::add(const QString& username, const QString& displayName, qint64 roleId) const {
    auto name = cleanUsername(username);
    if (!name) {
        return fail(name.error());
    }
    if (displayName.size() > maxDisplayNameLength) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the display name is too long"));
    }
    if (auto role = requireRole(roleId); !role) {
        return fail(role.error());
    }
    auto query = m_db.exec(QStringLiteral("INSERT INTO accounts (username, username_key, display_name, role_id, "
                                          "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"),
                           {*name, keyOf(*name), displayName.trimmed(), roleId, toStoredTime(m_clock.nowUtc())});
    if (!query) {
        if (query.error().code == ErrorCode::AlreadyExists) {
            return fail(ErrorCode::AlreadyExists, QStringLiteral("an account named '%1' exists").arg(*name));
        }
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("the new account's id was not returned"));
    }
    return findById(query->value(0).toLongLong());
}

Status AccountRepository::requireRole(qint64 roleId) const {
    // Checked here as well as by the foreign key, so the refusal is a clear InvalidArgument.
    auto query = m_db.exec(QStringLiteral("SELECT 1 FROM roles WHERE id = ?"), {roleId});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("there is no role %1").arg(roleId));
    }
    return {};
}

Status AccountRepository::setRole(qint64 id, qint64 roleId) const {
    if (auto role = requireRole(roleId); !role) {
        return role;
    }
    return changed(m_db.exec(QStringLiteral("UPDATE accounts SET role_id = ? WHERE id = ?"), {roleId, id}), id);
}

Status AccountRepository::setStatus(qint64 id, AccountStatus status) const {
    const QString text = status == AccountStatus::Disabled ? QStringLiteral("disabled") : QStringLiteral("active");
    return changed(m_db.exec(QStringLiteral("UPDATE accounts SET status = ? WHERE id = ?"), {text, id}), id);
}

Status AccountRepository::setDisplayName(qint64 id, const QString& displayName) const {
    if (displayName.size() > maxDisplayNameLength) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the display name is too long"));
    }
    return changed(
        m_db.exec(QStringLiteral("UPDATE accounts SET display_name = ? WHERE id = ?"), {displayName.trimmed(), id}),
        id);
}

Status AccountRepository::setUsername(qint64 id, const QString& username) const {
    auto name = cleanUsername(username);
    if (!name) {
        return fail(name.error());
    }
    return changed(m_db.exec(QStringLiteral("UPDATE accounts SET username = ?, username_key = ? WHERE id = ?"),
                             {*name, keyOf(*name), id}),
                   id);
}

Result<QByteArray> AccountRepository::passwordHash(qint64 id) const {
    auto query = m_db.exec(QStringLiteral("SELECT password_hash FROM accounts WHERE id = ?"), {id});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("account %1").arg(id));
    }
    return query->value(0).toString().toLatin1();
}

Status AccountRepository::setPasswordHash(qint64 id, const QByteArray& hash, bool mustChange) const {
    return changed(m_db.exec(QStringLiteral("UPDATE accounts SET password_hash = ?, must_change_password = ? "
                                            "WHERE id = ?"),
                             {QString::fromLatin1(hash), mustChange ? 1 : 0, id}),
                   id);
}

Status AccountRepository::setFailures(qint64 id, int failedSignIns, const QDateTime& firstFailureAt,
                                      const QDateTime& lockedUntil, int lockouts) const {
    return changed(m_db.exec(QStringLiteral("UPDATE accounts SET failed_sign_ins = ?, first_failure_at = ?, "
                                            "locked_until = ?, lockouts = ? WHERE id = ?"),
                             {failedSignIns, firstFailureAt.isValid() ? toStoredTime(firstFailureAt) : QString(),
                              lockedUntil.isValid() ? toStoredTime(lockedUntil) : QString(), lockouts, id}),
                   id);
}

Status AccountRepository::recordSignIn(qint64 id, const QDateTime& at) const {
    return changed(m_db.exec(QStringLiteral("UPDATE accounts SET failed_sign_ins = 0, first_failure_at = '', "
                                            "locked_until = '', lockouts = 0, last_sign_in_at = ? WHERE id = ?"),
                             {toStoredTime(at), id}),
                   id);
}

Status AccountRepository::clearLock(qint64 id) const {
    return changed(m_db.exec(QStringLiteral("UPDATE accounts SET failed_sign_ins = 0, first_failure_at = '', "
                                            "locked_until = '', lockouts = 0 WHERE id = ?"),
                             {id}),
                   id);
}

Status AccountRepository::remove(qint64 id) const {
    return changed(m_db.exec(QStringLiteral("DELETE FROM accounts WHERE id = ?"), {id}), id);
}

Result<int> AccountRepository::countActiveWithRole(qint64 roleId) const {
    auto query =
        m_db.exec(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE role_id = ? AND status = 'active'"), {roleId});
    if (!query) {
        return fail(query.error());
    }
    return query->next() ? query->value(0).toInt() : 0;
}

} // namespace Tessera::Core
