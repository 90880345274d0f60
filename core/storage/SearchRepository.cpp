#include "storage/SearchRepository.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace Tessera::Core {

namespace {
// Characters that never occur in messages mark the matches in snippet() output.
constexpr QChar kOpen(0x2);
constexpr QChar kClose(0x3);
constexpr int kSnippetTokens = 16;
} // namespace

SearchRepository::SearchRepository(const Database& db)
    : m_db(db) {
}

namespace {

QString sqliteSearchSql(const SearchOptions& options, int limit) {
    return QStringLiteral("SELECT m.id, m.conversation_id, c.title, m.role, m.created_at, "
                          "snippet(messages_fts, 0, char(2), char(3), '…', %1) "
                          "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
                          "JOIN conversations c ON c.id = m.conversation_id "
                          "WHERE messages_fts MATCH ? AND c.owner_id = ? AND c.deleted_at IS NULL %2 ORDER BY "
                          "messages_fts.rowid DESC LIMIT %3")
        .arg(kSnippetTokens)
        .arg(options.olderThanMessage ? QStringLiteral("AND messages_fts.rowid < ?") : QString())
        .arg(limit);
}

// messages.search is the generated tsvector column with its GIN index (PostgresMigrations.cpp).
QString postgresSearchSql(const SearchOptions& options, int limit) {
    return QStringLiteral(
               "SELECT m.id, m.conversation_id, c.title, m.role, m.created_at, "
               "ts_headline('tessera_search'::regconfig, left(m.content, 250000), q, "
               "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=%1, MinWords=%2, ShortWord=0') "
               "FROM messages m JOIN conversations c ON c.id = m.conversation_id, "
               "to_tsquery('tessera_search'::regconfig, ?) q "
               "WHERE m.search @@ q AND c.owner_id = ? "
               "AND c.deleted_at IS NULL %3 ORDER BY m.id DESC LIMIT %4")
        .arg(kSnippetTokens)
        .arg(kSnippetTokens / 2)
        .arg(options.olderThanMessage ? QStringLiteral("AND m.id < ?") : QString())
        .arg(limit);
}

} // namespace

Result<std::vector<SearchHit>> SearchRepository::search(const QString& text, const SearchOptions& options) const {
    std::vector<SearchHit> hits;
    const bool postgres = m_db.engine() == StoreEngine::PostgreSql;
    const QString query = postgres ? tsQuery(text) : ftsQuery(text);
    if (query.isEmpty()) {
        return hits;
    }
    const int limit = std::clamp(options.limit, 1, 500);
    const QString sql = postgres ? postgresSearchSql(options, limit) : sqliteSearchSql(options, limit);
    QVariantList values{query, options.ownerId};
    if (options.olderThanMessage) {
        values << *options.olderThanMessage;
    }
    auto rows = m_db.exec(sql, values);
    if (!rows) {
        return fail(rows.error());
    }
    while (rows->next()) {
        SearchHit hit;
        hit.messageId = rows->value(0).toLongLong();
        hit.conversationId = rows->value(1).toLongLong();
        hit.conversationTitle = rows->value(2).toString();
        hit.role = parseRole(rows->value(3).toString()).value_or(Role::User);
        hit.createdAt = fromStoredTime(rows->value(4).toString());
        hit.snippet = parseHighlights(rows->value(5).toString(), kOpen, kClose);
        hits.push_back(std::move(hit));
    }
    return hits;
}

} // namespace Tessera::Core
