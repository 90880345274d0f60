#include "storage/AuditRepository.h"

#include "storage/Database.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QStringList>

#include <sodium.h>
#include <sqlite3.h>

#include <charconv>
#include <functional>
#include <future>
#include <optional>

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

void hexDigest(QByteArrayView prevHash, QByteArrayView canonical, char out[64]);

QString hashOf(const QString& prevHash, const QByteArray& canonical) {
    char hex[64];
    hexDigest(prevHash.toLatin1(), canonical, hex);
    return QString::fromLatin1(hex, 64);
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

namespace {

// One stored entry's fields as UTF-8 bytes (ids as their decimal text), the way verification reads them.
struct RawRow {
    QByteArrayView fields[12]; // in kColumns' order
};

// The bytes a hash covers, from raw fields: the same as canonical() for an entry read back. bytes keeps its
// capacity from row to row.
void canonicalInto(QByteArray& bytes, const RawRow& row) {
    bytes.resize(0);
    bytes.append("tessera-audit-1;", 16);
    char length[24];
    for (int i = 0; i < 10; ++i) {
        const auto written = std::to_chars(length, length + sizeof length, row.fields[i].size());
        bytes.append(length, written.ptr - length);
        bytes.append(':');
        bytes.append(row.fields[i]);
        bytes.append(';');
    }
}

// SHA-256 of prevHash and canonical as 64 lower-case hex digits (libsodium's: twice as fast as Qt's here, which
// is what verifying a million entries spends most of its time on).
void hexDigest(QByteArrayView prevHash, QByteArrayView canonical, char out[64]) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(prevHash.data()),
                              static_cast<unsigned long long>(prevHash.size()));
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(canonical.data()),
                              static_cast<unsigned long long>(canonical.size()));
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 32; ++i) {
        out[2 * i] = digits[(digest[i] >> 4) & 0xF];
        out[2 * i + 1] = digits[digest[i] & 0xF];
    }
}

// Walks the log oldest first, handing each row's bytes to visit (false stops). SQLite is read through its own
// API on this thread's connection: the Qt driver would turn every field into a QString first, which costs more
// than the hashing. Other engines go through QSqlQuery.
Status forEachRow(const Database& db, const std::function<bool(const RawRow&)>& visit) {
    const QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log ORDER BY id");
    QSqlDatabase connection = db.connection();
    if (db.engine() == StoreEngine::Sqlite) {
        const QVariant handle = connection.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
            sqlite3* sqlite = *static_cast<sqlite3* const*>(handle.constData());
            sqlite3_stmt* statement = nullptr;
            const QByteArray utf8 = sql.toUtf8();
            if (sqlite3_prepare_v2(sqlite, utf8.constData(), int(utf8.size()), &statement, nullptr) != SQLITE_OK) {
                return fail(ErrorCode::StorageFailed,
                            QStringLiteral("read the audit log: %1").arg(QString::fromUtf8(sqlite3_errmsg(sqlite))));
            }
            RawRow row;
            int rc = SQLITE_ROW;
            while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
                for (int i = 0; i < 12; ++i) {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
                    row.fields[i] = QByteArrayView(text ? text : "", sqlite3_column_bytes(statement, i));
                }
                if (!visit(row)) {
                    break;
                }
            }
            const bool failed = rc != SQLITE_ROW && rc != SQLITE_DONE;
            const QString message = QString::fromUtf8(sqlite3_errmsg(sqlite));
            sqlite3_finalize(statement);
            if (failed) {
                return fail(ErrorCode::StorageFailed, QStringLiteral("read the audit log: %1").arg(message));
            }
            return {};
        }
    }
    QSqlQuery query(connection);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("read the audit log for verification"));
    }
    QByteArray storage[12];
    RawRow row;
    while (query.next()) {
        for (int i = 0; i < 12; ++i) {
            storage[i] = query.value(i).toString().toUtf8();
            row.fields[i] = storage[i];
        }
        if (!visit(row)) {
            break;
        }
    }
    return {};
}

} // namespace

Result<AuditVerification> AuditRepository::verify(const std::function<bool(qint64, qint64)>& progress) const {
    auto head = readHead(m_db);
    if (!head) {
        return fail(head.error());
    }
    auto total = count();
    if (!total) {
        return fail(total.error());
    }
    AuditVerification result;
    std::optional<AuditVerification> broken;
    bool cancelled = false;
    const auto bad = [&](qint64 id, QString problem) {
        AuditVerification verdict = result;
        verdict.ok = false;
        verdict.firstBadId = id;
        verdict.problem = std::move(problem);
        broken = verdict;
        return false;
    };
    qint64 expectedId = head->baseId + 1;
    QByteArray expectedPrev = head->baseHash.toLatin1();

    // Two stages: this thread reads rows and builds their canonical bytes; a second one hashes a batch while the
    // next is read. The chain is then checked in order, exactly as one pass would.
    struct Batch {
        QByteArray bytes; // every row's canonical bytes, one after another
        std::vector<qint64> ids;
        std::vector<qsizetype> ends;    // where each row's canonical bytes end in bytes
        std::vector<QByteArray> prevs;  // stored prev_hash
        std::vector<QByteArray> hashes; // stored hash
        std::vector<char> consistent;   // filled by the hashing stage
    };
    constexpr std::size_t kBatchRows = 8192;
    const auto hashBatch = [](Batch batch) {
        batch.consistent.resize(batch.ids.size());
        char computed[64];
        qsizetype begin = 0;
        for (std::size_t i = 0; i < batch.ids.size(); ++i) {
            const QByteArrayView canonical(batch.bytes.constData() + begin, batch.ends[i] - begin);
            hexDigest(batch.prevs[i], canonical, computed);
            batch.consistent[i] = batch.hashes[i] == QByteArrayView(computed, 64);
            begin = batch.ends[i];
        }
        return batch;
    };
    // Checks a hashed batch in order; false when the log is broken (broken says where) or the walk was cancelled.
    const auto check = [&](const Batch& batch) {
        for (std::size_t i = 0; i < batch.ids.size(); ++i) {
            const qint64 id = batch.ids[i];
            if (id > expectedId) {
                return bad(expectedId,
                           expectedId + 1 == id
                               ? QStringLiteral("entry %1 is missing").arg(expectedId)
                               : QStringLiteral("entries %1 to %2 are missing").arg(expectedId).arg(id - 1));
            }
            if (id < expectedId) {
                return bad(id, QStringLiteral("entry %1 comes before the oldest entry the log keeps").arg(id));
            }
            const bool selfConsistent = batch.consistent[i] != 0;
            if (batch.prevs[i] != expectedPrev) {
                // Its own hash still matching means the entry is untouched and the one before it was rewritten
                // (hash and all); otherwise this entry itself was changed.
                if (selfConsistent && id > head->baseId + 1) {
                    return bad(id - 1, QStringLiteral("entry %1 was changed after it was written").arg(id - 1));
                }
                if (selfConsistent) {
                    return bad(id, QStringLiteral("entry %1 does not follow the log's checkpoint").arg(id));
                }
                return bad(id, QStringLiteral("entry %1 was changed after it was written").arg(id));
            }
            if (!selfConsistent) {
                return bad(id, QStringLiteral("entry %1 was changed after it was written").arg(id));
            }
            expectedPrev = batch.hashes[i];
            ++expectedId;
            ++result.entries;
            if (progress && result.entries % 4096 == 0 && !progress(result.entries, *total)) {
                cancelled = true;
                return false;
            }
        }
        return true;
    };
    std::future<Batch> hashing;
    bool going = true;
    // Waits for the batch being hashed and checks it.
    const auto settle = [&]() {
        if (hashing.valid()) {
            const Batch hashed = hashing.get();
            going = going && check(hashed);
        }
    };
    Batch current;
    QByteArray canonical;
    canonical.reserve(1024);
    const auto launch = [&]() {
        settle();
        if (going && !current.ids.empty()) {
            hashing = std::async(std::launch::async, hashBatch, std::move(current));
        }
        current = Batch{};
    };
    auto walked = forEachRow(m_db, [&](const RawRow& row) {
        canonicalInto(canonical, row);
        current.bytes.append(canonical);
        current.ids.push_back(row.fields[0].toLongLong());
        current.ends.push_back(current.bytes.size());
        current.prevs.push_back(row.fields[10].toByteArray());
        current.hashes.push_back(row.fields[11].toByteArray());
        if (current.ids.size() >= kBatchRows) {
            launch();
        }
        return going;
    });
    launch();
    settle();
    if (!walked) {
        return fail(walked.error());
    }
    if (cancelled) {
        return fail(ErrorCode::Cancelled, QStringLiteral("audit verification stopped"));
    }
    if (broken) {
        return *broken;
    }
    const auto badEnd = [&](qint64 id, const QString& problem) {
        result.ok = false;
        result.firstBadId = id;
        result.problem = problem;
        return result;
    };
    if (expectedId - 1 != head->lastId) {
        if (expectedId - 1 < head->lastId) {
            return badEnd(expectedId, QStringLiteral("the newest entries from %1 on are missing").arg(expectedId));
        }
        return badEnd(head->lastId + 1,
                      QStringLiteral("entries after %1 were added outside the log").arg(head->lastId));
    }
    if (QString::fromLatin1(expectedPrev) != head->lastHash) {
        return badEnd(head->lastId, QStringLiteral("entry %1 was changed after it was written").arg(head->lastId));
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
