#include "storage/StoreCopier.h"

#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace Tessera::Core {

namespace {

// What each table is ordered by, so both engines read rows in the same order.
QString keyOf(const QString& table) {
    if (table == QLatin1StringView("response_cache") || table == QLatin1StringView("settings")) {
        return QStringLiteral("key");
    }
    if (table == QLatin1StringView("metrics")) {
        return QStringLiteral("name, labels");
    }
    if (table == QLatin1StringView("drafts")) {
        return QStringLiteral("owner_id, conversation_id");
    }
    if (table == QLatin1StringView("feature_flags")) {
        return QStringLiteral("flag, scope, scope_id");
    }
    if (table == QLatin1StringView("usage_daily")) {
        return QStringLiteral("day, account_id, provider, model, feature");
    }
    if (table == QLatin1StringView("usage_totals")) {
        return QStringLiteral("account_id, day");
    }
    if (table == QLatin1StringView("usage_latency")) {
        return QStringLiteral("account_id, day, provider, model");
    }
    if (table == QLatin1StringView("usage_global")) {
        return QStringLiteral("day, provider, model, feature");
    }
    if (table == QLatin1StringView("budget_warnings")) {
        return QStringLiteral("budget_id, account_id, window_start");
    }
    if (table == QLatin1StringView("rate_limits")) {
        return QStringLiteral("scope, subject_id");
    }
    if (table == QLatin1StringView("conversation_tags")) {
        return QStringLiteral("conversation_id, tag_id");
    }
    if (table == QLatin1StringView("message_feedback")) {
        return QStringLiteral("message_id");
    }
    if (table == QLatin1StringView("feedback_tags")) {
        return QStringLiteral("name");
    }
    if (table == QLatin1StringView("prompt_labels")) {
        return QStringLiteral("template_id, label");
    }
    if (table == QLatin1StringView("prompt_shares")) {
        return QStringLiteral("template_id, role_id");
    }
    if (table == QLatin1StringView("dataset_items")) {
        return QStringLiteral("dataset_id, position");
    }
    if (table == QLatin1StringView("job_items")) {
        return QStringLiteral("job_id, position");
    }
    return QStringLiteral("id");
}

// A value as both engines agree on it: integers and text as they are, reals with 17 digits, bytes in hex.
QByteArray canonical(const QVariant& value) {
    if (value.isNull()) {
        return QByteArrayLiteral("\\N");
    }
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return value.toByteArray().toHex();
    case QMetaType::Double:
    case QMetaType::Float:
        return QByteArray::number(value.toDouble(), 'g', 17);
    default:
        return Database::storableValue(value.toString()).toString().toUtf8();
    }
}

// Columns an engine computes itself (PostgreSQL's search vector): neither copied nor compared.
bool isDerived(const QString& column) {
    return column == QLatin1StringView("search");
}

Error sqlFailure(const QSqlQuery& query, const QString& what) {
    return makeError(ErrorCode::StorageFailed, what + QStringLiteral(": ") + query.lastError().text());
}

} // namespace

StoreCopier::StoreCopier(const Database& source, const Database& target)
    : m_source(source)
    , m_target(target) {
}

const std::vector<QString>& StoreCopier::tables() {
    static const std::vector<QString> all = {QStringLiteral("roles"),
                                             QStringLiteral("accounts"),
                                             QStringLiteral("sessions"),
                                             QStringLiteral("refresh_tokens"),
                                             QStringLiteral("api_tokens"),
                                             QStringLiteral("audit_log"),
                                             QStringLiteral("audit_head"),
                                             QStringLiteral("feature_flags"),
                                             QStringLiteral("providers"),
                                             QStringLiteral("conversations"),
                                             QStringLiteral("messages"),
                                             QStringLiteral("message_images"),
                                             QStringLiteral("response_cache"),
                                             QStringLiteral("metrics"),
                                             QStringLiteral("settings"),
                                             QStringLiteral("drafts"),
                                             QStringLiteral("tags"),
                                             QStringLiteral("conversation_tags"),
                                             QStringLiteral("usage_ledger"),
                                             QStringLiteral("usage_daily"),
                                             QStringLiteral("usage_totals"),
                                             QStringLiteral("price_overrides"),
                                             QStringLiteral("budgets"),
                                             QStringLiteral("budget_warnings"),
                                             QStringLiteral("rate_limits"),
                                             QStringLiteral("usage_latency"),
                                             QStringLiteral("usage_global"),
                                             QStringLiteral("alert_rules"),
                                             QStringLiteral("alert_events"),
                                             QStringLiteral("prompt_templates"),
                                             QStringLiteral("prompt_versions"),
                                             QStringLiteral("prompt_labels"),
                                             QStringLiteral("prompt_shares"),
                                             QStringLiteral("message_feedback"),
                                             QStringLiteral("feedback_tags"),
                                             QStringLiteral("datasets"),
                                             QStringLiteral("dataset_items"),
                                             QStringLiteral("jobs"),
                                             QStringLiteral("job_items"),
                                             QStringLiteral("experiments"),
                                             QStringLiteral("votes")};
    return all;
}

Result<std::vector<TableCopy>> StoreCopier::summarise(const Database& db) {
    std::vector<TableCopy> result;
    for (const QString& table : tables()) {
        QSqlQuery query(db.connection());
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, keyOf(table)))) {
            return fail(sqlFailure(query, QStringLiteral("read ") + table));
        }
        TableCopy summary{table, 0, {}};
        QCryptographicHash hash(QCryptographicHash::Sha256);
        const QSqlRecord record = query.record();
        QStringList names;
        for (int i = 0; i < record.count(); ++i) {
            names << record.fieldName(i);
        }
        // Columns by name: the engines may list them in another order.
        QStringList sorted;
        for (const QString& name : std::as_const(names)) {
            if (!isDerived(name)) {
                sorted << name;
            }
        }
        sorted.sort();
        std::vector<int> order;
        for (const QString& name : std::as_const(sorted)) {
            order.push_back(int(names.indexOf(name)));
        }
        while (query.next()) {
            for (const int column : order) {
                hash.addData(canonical(query.value(column)));
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\x1e", 1));
            ++summary.rows;
        }
        summary.checksum = QString::fromLatin1(hash.result().toHex());
        result.push_back(std::move(summary));
    }
    return result;
}

// What a store keeps about itself rather than its people's content: a store Tessera has merely opened (its settings,
// its metrics, its cache, the built-in roles, the owner's account and the default feedback tags its migrations made)
// still counts as empty, and the copy replaces these tables with the source's.
bool StoreCopier::isReplaced(const QString& table) {
    return table == QLatin1StringView("settings") || table == QLatin1StringView("metrics") ||
           table == QLatin1StringView("response_cache") || table == QLatin1StringView("roles") ||
           table == QLatin1StringView("accounts") || table == QLatin1StringView("audit_head") ||
           table == QLatin1StringView("feedback_tags");
}

Status StoreCopier::requireEmptyTarget() const {
    for (const QString& table : tables()) {
        if (isReplaced(table)) {
            continue;
        }
        QSqlQuery query(m_target.connection());
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !query.next()) {
            return fail(sqlFailure(query, QStringLiteral("count ") + table));
        }
        if (query.value(0).toLongLong() > 0) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("the target store is not empty (table %1 has rows); copy into a new database")
                            .arg(table));
        }
    }
    return {};
}

Status StoreCopier::copyTable(const QString& table, const Progress& progress) const {
    QSqlQuery read(m_source.connection());
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, keyOf(table)))) {
        return fail(sqlFailure(read, QStringLiteral("read ") + table));
    }
    const QSqlRecord record = read.record();
    QStringList columns;
    QStringList placeholders;
    std::vector<int> copied;
    for (int i = 0; i < record.count(); ++i) {
        if (isDerived(record.fieldName(i))) {
            continue;
        }
        columns << record.fieldName(i);
        placeholders << QStringLiteral("?");
        copied.push_back(i);
    }
    QSqlQuery write(m_target.connection());
    if (!write.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                           .arg(table, columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))))) {
        return fail(sqlFailure(write, QStringLiteral("prepare ") + table));
    }
    qint64 done = 0;
    while (read.next()) {
        for (std::size_t i = 0; i < copied.size(); ++i) {
            write.bindValue(int(i), Database::storableValue(read.value(copied[i])));
        }
        if (!write.exec()) {
            return fail(sqlFailure(write, QStringLiteral("write %1 row %2").arg(table).arg(done + 1)));
        }
        ++done;
        if (progress && done % 1000 == 0) {
            progress(table, done);
        }
    }
    if (progress) {
        progress(table, done);
    }
    if (keyOf(table) == QLatin1StringView("id")) {
        if (const QString sql = m_target.dialect().resetIdentitySql(table); !sql.isEmpty()) {
            QSqlQuery reset(m_target.connection());
            if (!reset.exec(sql)) {
                return fail(sqlFailure(reset, QStringLiteral("reset ids of ") + table));
            }
        }
    }
    return {};
}

Result<StoreCopyReport> StoreCopier::copy(const Progress& progress) const {
    if (m_source.schemaVersion() != m_target.schemaVersion()) {
        return fail(ErrorCode::MigrationFailed, QStringLiteral("the stores have different schemas (%1 and %2)")
                                                    .arg(m_source.schemaVersion())
                                                    .arg(m_target.schemaVersion()));
    }
    if (auto empty = requireEmptyTarget(); !empty) {
        return fail(empty.error());
    }
    auto copied = m_target.transaction([&]() -> Status {
        // The replaced tables are emptied first, the referring ones before those they refer to (accounts, then
        // roles), then every table is copied in order.
        for (auto it = tables().rbegin(); it != tables().rend(); ++it) {
            if (isReplaced(*it)) {
                QSqlQuery clear(m_target.connection());
                if (!clear.exec(QStringLiteral("DELETE FROM ") + *it)) {
                    return fail(sqlFailure(clear, QStringLiteral("clear ") + *it));
                }
            }
        }
        for (const QString& table : tables()) {
            if (auto status = copyTable(table, progress); !status) {
                return status;
            }
        }
        return {};
    });
    if (!copied) {
        return fail(copied.error());
    }
    if (const QString sql = m_target.dialect().afterBulkLoadSql(); !sql.isEmpty()) {
        QSqlQuery analyze(m_target.connection());
        if (!analyze.exec(sql)) {
            log("store")->warn("could not refresh the statistics after the copy: {}", analyze.lastError().text());
        }
    }
    auto before = summarise(m_source);
    if (!before) {
        return fail(before.error());
    }
    auto after = summarise(m_target);
    if (!after) {
        return fail(after.error());
    }
    for (size_t i = 0; i < before->size(); ++i) {
        const TableCopy& a = before->at(i);
        const TableCopy& b = after->at(i);
        if (a.rows != b.rows || a.checksum != b.checksum) {
            return fail(ErrorCode::StorageFailed,
                        QStringLiteral("table %1 differs after the copy: %2 rows (checksum %3) became %4 rows "
                                       "(checksum %5)")
                            .arg(a.table)
                            .arg(a.rows)
                            .arg(a.checksum.left(12))
                            .arg(b.rows)
                            .arg(b.checksum.left(12)));
        }
    }
    log("store")->info("copied {} rows from {} to {}", StoreCopyReport{*before}.totalRows(), m_source.path(),
                       m_target.path());
    return StoreCopyReport{std::move(*before)};
}

} // namespace Tessera::Core
