#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace Tessera::Core {

class Database;

// A signed-in session. The token itself is never kept: only its SHA-256.
struct SessionRecord {
    qint64 id = 0;
    qint64 accountId = 0;
    QString client;        // "gui", "cli"
    QString refreshFamily; // the "stay signed in" family it came from ("" when none)
    QDateTime createdAt;
    QDateTime lastSeenAt;
    QDateTime expiresAt; // the absolute end
};

// One refresh token of a family: each use marks it used and adds its successor.
struct RefreshRecord {
    qint64 id = 0;
    QString family;
    qint64 accountId = 0;
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime usedAt; // invalid while unused
};

// A personal API token for scripts.
struct ApiTokenRecord {
    qint64 id = 0;
    qint64 accountId = 0;
    QString name;
    QString permissions; // "*": the user's own; else "chat,data.export"
    QDateTime createdAt;
    QDateTime expiresAt;  // invalid: never
    QDateTime lastUsedAt; // invalid: never used
};

// Sessions, refresh tokens and API tokens, keyed by the SHA-256 of the token. For core/accounts only.
class CredentialRepository final {
public:
    explicit CredentialRepository(const Database& db);

    Result<qint64> addSession(const SessionRecord& session, const QString& tokenHash) const;
    Result<SessionRecord> findSession(const QString& tokenHash) const;
    Result<SessionRecord> findSessionById(qint64 id) const;
    Status touchSession(qint64 id, const QDateTime& at) const;
    // NotFound when there is no such session.
    Status removeSession(qint64 id) const;
    // How many went.
    Result<int> removeSessionsOf(qint64 accountId) const;
    // Every session (accountId -1) or one account's, newest first.
    Result<std::vector<SessionRecord>> sessions(qint64 accountId) const;
    // Removes sessions whose absolute end passed.
    Result<int> removeSessionsEndedBefore(const QDateTime& at) const;

    Status addRefresh(const RefreshRecord& token, const QString& tokenHash) const;
    Result<RefreshRecord> findRefresh(const QString& tokenHash) const;
    // Marks the token used; false when it already was (another use got there first).
    Result<bool> markRefreshUsed(qint64 id, const QDateTime& at) const;
    // Removes a family's tokens and the sessions it started; how many sessions went.
    Result<int> removeFamily(const QString& family) const;
    // Ends the sessions a family started, keeping its tokens.
    Result<int> removeFamilySessions(const QString& family) const;
    Result<int> removeRefreshOf(qint64 accountId) const;

    // AlreadyExists when the account has a token of that name (without regard to case).
    Result<qint64> addApiToken(const ApiTokenRecord& token, const QString& tokenHash) const;
    Result<ApiTokenRecord> findApiToken(const QString& tokenHash) const;
    Result<std::vector<ApiTokenRecord>> apiTokens(qint64 accountId) const;
    Status removeApiToken(qint64 accountId, const QString& name) const;
    Result<int> removeApiTokensOf(qint64 accountId) const;
    Status touchApiToken(qint64 id, const QDateTime& at) const;

private:
    const Database& m_db;
};

} // namespace Tessera::Core
