#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <vector>

namespace Tessera::Core {

class Database;

// One entry of the audit log: who did what to what, when, from where, with which outcome. Entries never hold a
// password, a token, a key or a connection string; detail is plain text for people.
struct AuditEntry {
    qint64 id = 0;
    QDateTime at;
    qint64 actorId = 0; // 0: nobody known (a sign-in with an unknown name)
    QString actorName;
    QString action;  // "auth.sign_in", "user.create", ...
    QString target;  // what it was done to ("user:ada", "provider:work", ...)
    QString client;  // "gui", "cli", "test"
    QString outcome; // "success", "failure", "denied"
    QString correlationId;
    QString detail;
    QString prevHash; // the hash of the entry before (hex SHA-256)
    QString hash;     // SHA-256 over prevHash and the entry's canonical bytes
};

// Which entries to read, newest first (or oldest first). Keyset paging: pass the smallest id of the page read as
// beforeId (the largest as afterId when reading oldest first).
struct AuditFilter {
    qint64 actorId = -1; // -1: anyone
    QString action;      // exact, or a prefix when it ends with '*' ("auth.*")
    QString outcome;     // empty: any
    QDateTime since;     // invalid: no bound (inclusive)
    QDateTime until;     // invalid: no bound (exclusive)
    qint64 beforeId = 0; // 0: from the newest
    qint64 afterId = 0;  // with oldestFirst: the largest id of the page read
    bool oldestFirst = false;
    int limit = 100;
};

// What verification found. ok, or the first bad entry and what is wrong with it.
struct AuditVerification {
    bool ok = true;
    qint64 entries = 0; // entries checked
    qint64 firstBadId = 0;
    QString problem; // English, for people and the log
};

// The audit log table: append-only and hash-chained (hash = SHA-256(previous hash || canonical entry)). The head
// row keeps the newest entry's id and hash, so a removed newest entry shows, and the hash the oldest kept entry
// follows after retention removed older ones. Appends serialise on the head row (on PostgreSQL its row lock; on
// SQLite the writing transaction), so two processes never fork the chain.
class AuditRepository final {
public:
    explicit AuditRepository(const Database& db);

    // Appends the entry (its id, prevHash and hash are set here) inside the caller's transaction, or in one of its
    // own; returns it as stored.
    Result<AuditEntry> append(AuditEntry entry) const;
    Result<std::vector<AuditEntry>> page(const AuditFilter& filter) const;
    Result<qint64> count() const;
    // Walks the whole chain, oldest first. progress(done, total) is called every few thousand entries; returning
    // false stops the walk with Cancelled.
    Result<AuditVerification> verify(const std::function<bool(qint64, qint64)>& progress = {}) const;
    // Removes the entries older than cutoff and appends checkpoint (its detail gains what was removed), so the
    // remaining chain still verifies. Returns how many entries were removed.
    Result<qint64> removeOlderThan(const QDateTime& cutoff, AuditEntry checkpoint) const;

    // The bytes an entry's hash covers: its fields (not the hashes) as compact JSON with sorted keys.
    static QByteArray canonical(const AuditEntry& entry);
    static QString chainHash(const QString& prevHash, const AuditEntry& entry);
    // The hash the first entry follows.
    static QString genesisHash();

private:
    Result<AuditEntry> appendLocked(AuditEntry entry) const;

    const Database& m_db;
};

} // namespace Tessera::Core
