#include "storage/DraftRepository.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace Tessera::Core {

DraftRepository::DraftRepository(const Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {
}

Result<QString> DraftRepository::load(qint64 conversationId) const {
    auto query = m_db.exec(QStringLiteral("SELECT text FROM drafts WHERE conversation_id = ?"), {conversationId});
    if (!query) {
        return fail(query.error());
    }
    return query->next() ? query->value(0).toString() : QString();
}

Status DraftRepository::save(qint64 conversationId, const QString& text) const {
    auto query =
        text.trimmed().isEmpty()
            ? m_db.exec(QStringLiteral("DELETE FROM drafts WHERE conversation_id = ?"), {conversationId})
            : m_db.exec(QStringLiteral("INSERT INTO drafts (conversation_id, text, updated_at) VALUES (?, ?, ?) "
                                       "ON CONFLICT(conversation_id) DO UPDATE SET text = excluded.text, "
                                       "updated_at = excluded.updated_at"),
                        {conversationId, text, toStoredTime(m_clock.nowUtc())});
    if (!query) {
        return fail(query.error());
    }
    return {};
}

} // namespace Tessera::Core
