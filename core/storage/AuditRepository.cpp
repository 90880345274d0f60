#include "storage/AuditRepository.h"

#include "storage/Database.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QStringList>

namespace Tessera::Core {

namespace {

const QString kColumns = QStringLiteral(
    "id, at, actor_id, actor_name, action, target, client, outcome, correlation_id, detail, prev_hash, hash");

AuditEntry fromRow(const QSqlQuery& query) {
    AuditEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.at = fromStoredTime(query.value(1).toString());
    entry.actorId = query.value(2).toLongLong();
    entry.actorName = query.value(3).toString();
    entry.action = query.value(4).toString();
    entry.target = query.value(5).toString();
    entry.client = query.value(6).toString();
    entry.outcome = query.value(7).toString();
    entry.correlationId = query.value(8).toString();
    entry.detail = query.value(9).toString();
    entry.prevHash = query.value(10).toString();
    entry.hash = query.value(11).toString();
    return entry;
}

struct Head {
    qint64 lastId = 0;
    QString lastHash;
    qint64 baseId = 0;
    QString baseHash;
};

Result<Head> readHead(const Database& db) {
    auto query = db.exec(QStringLiteral("SELECT last_id, last_hash, base_id, base_hash FROM audit_head WHERE id = 1"));
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("the audit log's head row is missing"));
    }
    Head head{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toLongLong(),
              query->value(3).toString()};
    if (head.lastHash.isEmpty()) {
        head.lastHash = AuditRepository::genesisHash();
    }
    if (head.baseHash.isEmpty()) {
        head.baseHash = AuditRepository::genesisHash();
    }
    return head;
}

void addField(QByteArray& bytes, const QString& text) {
    // Length-prefixed, so no field's content can be mistaken for a boundary.
    const QByteArray utf8 = text.toUtf8();
    bytes += QByteArray::number(utf8.size());
    bytes += ':';
    bytes += utf8;
    bytes += ';';
}

} // namespace

AuditRepository::AuditRepository(const Database& db)
    : m_db(db) {
}

QString AuditRepository::genesisHash() {
    return QString(64, QLatin1Char('0'));
}

namespace {

// The canonical bytes from the fields as the store keeps them (the time as its stored text), so verification
// never parses or formats a time.
QByteArray canonicalOf(const QString& id, const QString& at, const QString& actorId, const QString& actorName,
                       const QString& action, const QString& target, const QString& client, const QString& outcome,
                       const QString& correlationId, const QString& detail) {
    QByteArray bytes;
    bytes.reserve(128 + detail.size() * 3);
    bytes += QByteArrayLiteral("tessera-audit-1;");
    for (const QString* field :
         {&id, &at, &actorId, &actorName, &action, &target, &client, &outcome, &correlationId, &detail}) {
        addField(bytes, *field);
    }
    return bytes;
}

QString hashOf(const QString& prevHash, const QByteArray& canonical) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(prevHash.toLatin1());
    hash.addData(canonical);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

QByteArray AuditRepository::canonical(const AuditEntry& entry) {
    return canonicalOf(QString::number(entry.id), toStoredTime(entry.at), QString::number(entry.actorId),
                       entry.actorName, entry.action, entry.target, entry.client, entry.outcome, entry.correlationId,
                       entry.detail);
}

QString AuditRepository::chainHash(const QString& prevHash, const AuditEntry& entry) {
    return hashOf(prevHash, canonical(entry));
}

Result<AuditEntry> AuditRepository::append(AuditEntry entry) const {
    Result<AuditEntry> stored = fail(ErrorCode::Internal, QStringLiteral("audit append did not run"));
    auto status = m_db.transaction([&]() -> Status {
        stored = appendLocked(std::move(entry));
        return stored ? Status{} : fail(stored.error());
    });
    if (!status) {
        return fail(status.error());
    }
    return stored;
}

Result<AuditEntry> AuditRepository::appendLocked(AuditEntry entry) const {
    // Taking the head row first serialises appenders: PostgreSQL holds its row lock until the commit.
    if (auto lock = m_db.exec(QStringLiteral("UPDATE audit_head SET last_id = last_id WHERE id = 1")); !lock) {
        return fail(lock.error());
    }
    auto head = readHead(m_db);
    if (!head) {
        return fail(head.error());
    }
    entry.id = head->lastId + 1;
    entry.at = fromStoredTime(toStoredTime(entry.at)); // as the store keeps it (milliseconds)
    entry.prevHash = head->lastHash;
    entry.hash = chainHash(entry.prevHash, entry);
    auto insert =
        m_db.exec(QStringLiteral("INSERT INTO audit_log (") + kColumns +
                      QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {entry.id, toStoredTime(entry.at), entry.actorId, entry.actorName, entry.action, entry.target,
                   entry.client, entry.outcome, entry.correlationId, entry.detail, entry.prevHash, entry.hash});
    if (!insert) {
        return fail(insert.error());
    }
    auto moved = m_db.exec(QStringLiteral("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1"),
                           {entry.id, entry.hash});
    if (!moved) {
        return fail(moved.error());
    }
    return entry;
}

Result<std::vector<AuditEntry>> AuditRepository::page(const AuditFilter& filter) const {
    QStringList conditions;
    QVariantList values;
    if (filter.actorId >= 0) {
        conditions << QStringLiteral("actor_id = ?");
        values << filter.actorId;
    }
    if (filter.action.endsWith(QLatin1Char('*'))) {
        // A prefix: compared as a substring, so neither engine's LIKE wildcards nor collation matter.
        const QString prefix = filter.action.chopped(1);
        if (!prefix.isEmpty()) {
            conditions << QStringLiteral("substr(action, 1, %1) = ?").arg(prefix.size());
            values << prefix;
        }
    } else if (!filter.action.isEmpty()) {
        conditions << QStringLiteral("action = ?");
        values << filter.action;
    }
    if (!filter.outcome.isEmpty()) {
        conditions << QStringLiteral("outcome = ?");
        values << filter.outcome;
    }
    if (filter.since.isValid()) {
        conditions << QStringLiteral("at >= ?");
        values << toStoredTime(filter.since);
    }
    if (filter.until.isValid()) {
        conditions << QStringLiteral("at < ?");
        values << toStoredTime(filter.until);
    }
    if (filter.beforeId > 0) {
        conditions << QStringLiteral("id < ?");
        values << filter.beforeId;
    }
    if (filter.afterId > 0) {
        conditions << QStringLiteral("id > ?");
        values << filter.afterId;
    }
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log");
    if (!conditions.isEmpty()) {
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
    sql += filter.oldestFirst ? QStringLiteral(" ORDER BY id LIMIT ?") : QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values << qBound(1, filter.limit, 10'000);
    auto query = m_db.exec(sql, values);
    if (!query) {
        return fail(query.error());
    }
    std::vector<AuditEntry> entries;
    while (query->next()) {
        entries.push_back(fromRow(*query));
    }
    return entries;
}

Result<qint64> AuditRepository::count() const {
    auto query = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    if (!query) {
        return fail(query.error());
    }
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<AuditVerification> AuditRepository::verify(const std::function<bool(qint64, qint64)>& progress) const {
    auto head = readHead(m_db);
    if (!head) {
        return fail(head.error());
    }
    auto total = count();
    if (!total) {
        return fail(total.error());
    }
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log ORDER BY id"))) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("read the audit log for verification"));
    }
    AuditVerification result;
    const auto bad = [&](qint64 id, QString problem) {
        result.ok = false;
        result.firstBadId = id;
        result.problem = std::move(problem);
        return result;
    };
    qint64 expectedId = head->baseId + 1;
    QString expectedPrev = head->baseHash;
    while (query.next()) {
        // Read as stored: no time is parsed, and the canonical bytes come from the stored text.
        AuditEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.prevHash = query.value(10).toString();
        entry.hash = query.value(11).toString();
        if (entry.id > expectedId) {
            return bad(expectedId,
                       expectedId + 1 == entry.id
                           ? QStringLiteral("entry %1 is missing").arg(expectedId)
                           : QStringLiteral("entries %1 to %2 are missing").arg(expectedId).arg(entry.id - 1));
        }
        if (entry.id < expectedId) {
            return bad(entry.id, QStringLiteral("entry %1 comes before the oldest entry the log keeps").arg(entry.id));
        }
        const bool selfConsistent =
            hashOf(entry.prevHash,
                   canonicalOf(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                               query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                               query.value(6).toString(), query.value(7).toString(), query.value(8).toString(),
                               query.value(9).toString())) == entry.hash;
        if (entry.prevHash != expectedPrev) {
            // Its own hash still matching means the entry is untouched and the one before it was rewritten (hash
            // and all); otherwise this entry itself was changed.
            if (selfConsistent && entry.id > head->baseId + 1) {
                return bad(entry.id - 1, QStringLiteral("entry %1 was changed after it was written").arg(entry.id - 1));
            }
            if (selfConsistent) {
                return bad(entry.id, QStringLiteral("entry %1 does not follow the log's checkpoint").arg(entry.id));
            }
            return bad(entry.id, QStringLiteral("entry %1 was changed after it was written").arg(entry.id));
        }
        if (!selfConsistent) {
            return bad(entry.id, QStringLiteral("entry %1 was changed after it was written").arg(entry.id));
        }
        expectedPrev = entry.hash;
        ++expectedId;
        ++result.entries;
        if (progress && result.entries % 4096 == 0 && !progress(result.entries, *total)) {
            return fail(ErrorCode::Cancelled, QStringLiteral("audit verification stopped"));
        }
    }
    if (expectedId - 1 != head->lastId) {
        if (expectedId - 1 < head->lastId) {
            return bad(expectedId, QStringLiteral("the newest entries from %1 on are missing").arg(expectedId));
        }
        return bad(head->lastId + 1, QStringLiteral("entries after %1 were added outside the log").arg(head->lastId));
    }
    if (expectedPrev != head->lastHash) {
        return bad(head->lastId, QStringLiteral("entry %1 was changed after it was written").arg(head->lastId));
    }
    if (progress) {
        progress(result.entries, *total);
    }
    return result;
}

Result<qint64> AuditRepository::removeOlderThan(const QDateTime& cutoff, AuditEntry checkpoint) const {
    qint64 removed = 0;
    auto status = m_db.transaction([&]() -> Status {
        if (auto lock = m_db.exec(QStringLiteral("UPDATE audit_head SET last_id = last_id WHERE id = 1")); !lock) {
            return fail(lock.error());
        }
        auto last = m_db.exec(QStringLiteral("SELECT id, hash FROM audit_log WHERE at < ? ORDER BY id DESC LIMIT 1"),
                              {toStoredTime(cutoff)});
        if (!last) {
            return fail(last.error());
        }
        if (!last->next()) {
            return {};
        }
        const qint64 lastRemoved = last->value(0).toLongLong();
        const QString lastHash = last->value(1).toString();
        auto counted = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE id <= ?"), {lastRemoved});
        if (!counted || !counted->next()) {
            return fail(counted ? makeError(ErrorCode::StorageFailed, QStringLiteral("count audit entries"))
                                : counted.error());
        }
        removed = counted->value(0).toLongLong();
        if (auto gone = m_db.exec(QStringLiteral("DELETE FROM audit_log WHERE id <= ?"), {lastRemoved}); !gone) {
            return fail(gone.error());
        }
        if (auto based = m_db.exec(QStringLiteral("UPDATE audit_head SET base_id = ?, base_hash = ? WHERE id = 1"),
                                   {lastRemoved, lastHash});
            !based) {
            return fail(based.error());
        }
        checkpoint.detail = QStringLiteral("removed %1 entries older than %2, up to entry %3 (hash %4)")
                                .arg(removed)
                                .arg(toStoredTime(cutoff))
                                .arg(lastRemoved)
                                .arg(lastHash) +
                            (checkpoint.detail.isEmpty() ? QString() : QStringLiteral("; ") + checkpoint.detail);
        auto appended = appendLocked(std::move(checkpoint));
        return appended ? Status{} : fail(appended.error());
    });
    if (!status) {
        return fail(status.error());
    }
    return removed;
}

} // namespace Tessera::Core
