#include "storage/DraftRepository.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace Tessera::Core {

DraftRepository::DraftRepository(const Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {
}

Result<QString> DraftRepository::load(qint64 conversationId, qint64 ownerId) const {
    auto query = m_db.exec(QStringLiteral("SELECT text FROM drafts WHERE owner_id = ? AND conversation_id = ?"),
                           {ownerId, conversationId});
    if (!query) {
        return fail(query.error());
    }
    return query->next() ? query->value(0).toString() : QString();
}

Status DraftRepository::save(qint64 conversationId, const QString& text, qint64 ownerId) const {
    auto query =
        text.trimmed().isEmpty()
            ? m_db.exec(QStringLiteral("DELETE FROM drafts WHERE owner_id = ? AND conversation_id = ?"),
                        {ownerId, conversationId})
            : m_db.exec(
                  QStringLiteral("INSERT INTO drafts (owner_id, conversation_id, text, updated_at) VALUES (?, ?, ?, "
                                 "?) ON CONFLICT(owner_id, conversation_id) DO UPDATE SET text = excluded.text, "
                                 "updated_at = excluded.updated_at"),
                  {ownerId, conversationId, text, toStoredTime(m_clock.nowUtc())});
    if (!query) {
        return fail(query.error());
    }
    return {};
}

Status DraftRepository::removeAllOf(qint64 ownerId) const {
    auto query = m_db.exec(QStringLiteral("DELETE FROM drafts WHERE owner_id = ?"), {ownerId});
    return query ? Status{} : fail(query.error());
}

} // namespace Tessera::Core
