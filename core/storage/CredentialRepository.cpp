#include "storage/CredentialRepository.h"

#include "storage/Database.h"

#include <QSqlQuery>

namespace Tessera::Core {

namespace {

const QString kSessionColumns =
    QStringLiteral("id, account_id, client, refresh_family, created_at, last_seen_at, expires_at");
const QString kRefreshColumns = QStringLiteral("id, family, account_id, created_at, expires_at, used_at");
const QString kTokenColumns = QStringLiteral("id, account_id, name, permissions, created_at, expires_at, last_used_at");

QDateTime optionalTime(const QVariant& value) {
    const QString text = value.toString();
    return text.isEmpty() ? QDateTime() : fromStoredTime(text);
}

QString storedOptional(const QDateTime& time) {
    return time.isValid() ? toStoredTime(time) : QString();
}

SessionRecord sessionFrom(const QSqlQuery& q) {
    return SessionRecord{q.value(0).toLongLong(),
                         q.value(1).toLongLong(),
                         q.value(2).toString(),
                         q.value(3).toString(),
                         fromStoredTime(q.value(4).toString()),
                         fromStoredTime(q.value(5).toString()),
                         fromStoredTime(q.value(6).toString())};
}

RefreshRecord refreshFrom(const QSqlQuery& q) {
    return RefreshRecord{q.value(0).toLongLong(),
                         q.value(1).toString(),
                         q.value(2).toLongLong(),
                         fromStoredTime(q.value(3).toString()),
                         fromStoredTime(q.value(4).toString()),
                         optionalTime(q.value(5))};
}

ApiTokenRecord tokenFrom(const QSqlQuery& q) {
    return ApiTokenRecord{q.value(0).toLongLong(),
                          q.value(1).toLongLong(),
                          q.value(2).toString(),
                          q.value(3).toString(),
                          fromStoredTime(q.value(4).toString()),
                          optionalTime(q.value(5)),
                          optionalTime(q.value(6))};
}

template <typename T, typename F> Result<T> one(Result<QSqlQuery> query, F from, const QString& what) {
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, what);
    }
    return from(*query);
}

template <typename T, typename F> Result<std::vector<T>> all(Result<QSqlQuery> query, F from) {
    if (!query) {
        return fail(query.error());
    }
    std::vector<T> rows;
    while (query->next()) {
        rows.push_back(from(*query));
    }
    return rows;
}

Result<int> affected(Result<QSqlQuery> query) {
    if (!query) {
        return fail(query.error());
    }
    return query->numRowsAffected();
}

Result<qint64> returnedId(Result<QSqlQuery> query) {
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("the new row's id was not returned"));
    }
    return query->value(0).toLongLong();
}

} // namespace

CredentialRepository::CredentialRepository(const Database& db)
    : m_db(db) {
}

Result<qint64> CredentialRepository::addSession(const SessionRecord& session, const QString& tokenHash) const {
    return returnedId(
        m_db.exec(QStringLiteral("INSERT INTO sessions (account_id, token_hash, client, refresh_family, created_at, "
                                 "last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                  {session.accountId, tokenHash, session.client, session.refreshFamily, toStoredTime(session.createdAt),
                   toStoredTime(session.lastSeenAt), toStoredTime(session.expiresAt)}));
}

Result<SessionRecord> CredentialRepository::findSession(const QString& tokenHash) const {
    return one<SessionRecord>(
        m_db.exec(QStringLiteral("SELECT ") + kSessionColumns + QStringLiteral(" FROM sessions WHERE token_hash = ?"),
                  {tokenHash}),
        sessionFrom, QStringLiteral("no such session"));
}

Result<SessionRecord> CredentialRepository::findSessionById(qint64 id) const {
    return one<SessionRecord>(
        m_db.exec(QStringLiteral("SELECT ") + kSessionColumns + QStringLiteral(" FROM sessions WHERE id = ?"), {id}),
        sessionFrom, QStringLiteral("session %1").arg(id));
}

Status CredentialRepository::touchSession(qint64 id, const QDateTime& at) const {
    auto query = m_db.exec(QStringLiteral("UPDATE sessions SET last_seen_at = ? WHERE id = ?"), {toStoredTime(at), id});
    return query ? Status{} : fail(query.error());
}

Status CredentialRepository::removeSession(qint64 id) const {
    auto removed = affected(m_db.exec(QStringLiteral("DELETE FROM sessions WHERE id = ?"), {id}));
    if (!removed) {
        return fail(removed.error());
    }
    if (*removed == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("session %1").arg(id));
    }
    return {};
}

Result<int> CredentialRepository::removeSessionsOf(qint64 accountId) const {
    return affected(m_db.exec(QStringLiteral("DELETE FROM sessions WHERE account_id = ?"), {accountId}));
}

Result<std::vector<SessionRecord>> CredentialRepository::sessions(qint64 accountId) const {
    if (accountId < 0) {
        return all<SessionRecord>(
            m_db.exec(QStringLiteral("SELECT ") + kSessionColumns + QStringLiteral(" FROM sessions ORDER BY id DESC")),
            sessionFrom);
    }
    return all<SessionRecord>(m_db.exec(QStringLiteral("SELECT ") + kSessionColumns +
                                            QStringLiteral(" FROM sessions WHERE account_id = ? ORDER BY id DESC"),
                                        {accountId}),
                              sessionFrom);
}

Result<int> CredentialRepository::removeSessionsEndedBefore(const QDateTime& at) const {
    return affected(m_db.exec(QStringLiteral("DELETE FROM sessions WHERE expires_at < ?"), {toStoredTime(at)}));
}

Status CredentialRepository::addRefresh(const RefreshRecord& token, const QString& tokenHash) const {
    auto query = m_db.exec(
        QStringLiteral("INSERT INTO refresh_tokens (family, account_id, token_hash, created_at, "
                       "expires_at) VALUES (?, ?, ?, ?, ?)"),
        {token.family, token.accountId, tokenHash, toStoredTime(token.createdAt), toStoredTime(token.expiresAt)});
    return query ? Status{} : fail(query.error());
}

Result<RefreshRecord> CredentialRepository::findRefresh(const QString& tokenHash) const {
    return one<RefreshRecord>(m_db.exec(QStringLiteral("SELECT ") + kRefreshColumns +
                                            QStringLiteral(" FROM refresh_tokens WHERE token_hash = ?"),
                                        {tokenHash}),
                              refreshFrom, QStringLiteral("no such refresh token"));
}

Result<bool> CredentialRepository::markRefreshUsed(qint64 id, const QDateTime& at) const {
    // One statement decides: of two uses at once, exactly one changes the row.
    auto changed = affected(m_db.exec(
        QStringLiteral("UPDATE refresh_tokens SET used_at = ? WHERE id = ? AND used_at = ''"), {toStoredTime(at), id}));
    if (!changed) {
        return fail(changed.error());
    }
    return *changed == 1;
}

Result<int> CredentialRepository::removeFamily(const QString& family) const {
    int sessions = 0;
    auto status = m_db.transaction([&]() -> Status {
        auto ended = affected(m_db.exec(QStringLiteral("DELETE FROM sessions WHERE refresh_family = ?"), {family}));
        if (!ended) {
            return fail(ended.error());
        }
        sessions = *ended;
        auto gone = m_db.exec(QStringLiteral("DELETE FROM refresh_tokens WHERE family = ?"), {family});
        return gone ? Status{} : fail(gone.error());
    });
    if (!status) {
        return fail(status.error());
    }
    return sessions;
}

Result<int> CredentialRepository::removeFamilySessions(const QString& family) const {
    return affected(m_db.exec(QStringLiteral("DELETE FROM sessions WHERE refresh_family = ?"), {family}));
}

Result<int> CredentialRepository::removeRefreshOf(qint64 accountId) const {
    return affected(m_db.exec(QStringLiteral("DELETE FROM refresh_tokens WHERE account_id = ?"), {accountId}));
}

Result<qint64> CredentialRepository::addApiToken(const ApiTokenRecord& token, const QString& tokenHash) const {
    auto id = returnedId(m_db.exec(
        QStringLiteral("INSERT INTO api_tokens (account_id, name, name_key, token_hash, permissions, created_at, "
                       "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {token.accountId, token.name, token.name.toCaseFolded(), tokenHash, token.permissions,
         toStoredTime(token.createdAt), storedOptional(token.expiresAt)}));
    if (!id && id.error().code == ErrorCode::AlreadyExists) {
        return fail(ErrorCode::AlreadyExists, QStringLiteral("a token named '%1' exists").arg(token.name));
    }
    return id;
}

Result<ApiTokenRecord> CredentialRepository::findApiToken(const QString& tokenHash) const {
    return one<ApiTokenRecord>(
        m_db.exec(QStringLiteral("SELECT ") + kTokenColumns + QStringLiteral(" FROM api_tokens WHERE token_hash = ?"),
                  {tokenHash}),
        tokenFrom, QStringLiteral("no such API token"));
}

Result<std::vector<ApiTokenRecord>> CredentialRepository::apiTokens(qint64 accountId) const {
    return all<ApiTokenRecord>(m_db.exec(QStringLiteral("SELECT ") + kTokenColumns +
                                             QStringLiteral(" FROM api_tokens WHERE account_id = ? ORDER BY name_key"),
                                         {accountId}),
                               tokenFrom);
}

Status CredentialRepository::removeApiToken(qint64 accountId, const QString& name) const {
    auto removed = affected(m_db.exec(QStringLiteral("DELETE FROM api_tokens WHERE account_id = ? AND name_key = ?"),
                                      {accountId, name.trimmed().toCaseFolded()}));
    if (!removed) {
        return fail(removed.error());
    }
    if (*removed == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("no API token named '%1'").arg(name));
    }
    return {};
}

Result<int> CredentialRepository::removeApiTokensOf(qint64 accountId) const {
    return affected(m_db.exec(QStringLiteral("DELETE FROM api_tokens WHERE account_id = ?"), {accountId}));
}

Status CredentialRepository::touchApiToken(qint64 id, const QDateTime& at) const {
    auto query =
        m_db.exec(QStringLiteral("UPDATE api_tokens SET last_used_at = ? WHERE id = ?"), {toStoredTime(at), id});
    return query ? Status{} : fail(query.error());
}

} // namespace Tessera::Core
