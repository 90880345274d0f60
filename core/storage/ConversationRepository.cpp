#include "storage/ConversationRepository.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/StoreLease.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace Tessera::Core {

namespace {

QString selectSql(const Database& db) {
    return QStringLiteral("SELECT c.id, c.title, c.provider_id, c.model, c.system_prompt, c.created_at, c.updated_at, "
                          "(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id), c.fallback_provider_id, "
                          "c.fallback_model, c.temperature, c.max_tokens, c.pinned, c.archived, "
                          "(SELECT %1 FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id "
                          "WHERE ct.conversation_id = c.id), c.owner_id "
                          "FROM conversations c ")
        .arg(db.dialect().joinedText(QStringLiteral("t.name")));
}

Conversation fromRow(const QSqlQuery& q) {
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    if (!q.value(2).isNull()) {
        c.providerId = q.value(2).toLongLong();
    }
    c.model = q.value(3).toString();
    c.systemPrompt = q.value(4).toString();
    c.createdAt = fromStoredTime(q.value(5).toString());
    c.updatedAt = fromStoredTime(q.value(6).toString());
    c.messageCount = q.value(7).toLongLong();
    if (!q.value(8).isNull()) {
        c.fallbackProviderId = q.value(8).toLongLong();
    }
    c.fallbackModel = q.value(9).toString();
    if (!q.value(10).isNull()) {
        c.temperature = q.value(10).toDouble();
    }
    if (!q.value(11).isNull()) {
        c.maxTokens = q.value(11).toInt();
    }
    c.pinned = q.value(12).toBool();
    c.archived = q.value(13).toBool();
    // Tag names cannot hold control characters, so the unit separator splits them safely.
    c.tags = q.value(14).toString().split(QChar(31), Qt::SkipEmptyParts);
    std::sort(c.tags.begin(), c.tags.end(),
              [](const QString& a, const QString& b) { return QString::compare(a, b, Qt::CaseInsensitive) < 0; });
    c.ownerId = q.value(15).toLongLong();
    return c;
}

QVariant optionalId(std::optional<qint64> id) {
    return id ? QVariant(*id) : QVariant(QMetaType(QMetaType::LongLong));
}

QString cleanTitle(const QString& title) {
    return title.simplified().left(ConversationRepository::maxTitleLength);
}

} // namespace

ConversationRepository::ConversationRepository(const Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
    , m_select(selectSql(db)) {
}

Result<Conversation> ConversationRepository::getInserted(QSqlQuery& query) const {
    if (!query.next()) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("the new conversation's id was not returned"));
    }
    return get(query.value(0).toLongLong());
}

Result<Conversation> ConversationRepository::create(const QString& title, std::optional<qint64> providerId,
                                                    const QString& model, const QString& systemPrompt,
                                                    qint64 ownerId) const {
    const QString now = toStoredTime(m_clock.nowUtc());
    auto query =
        m_db.exec(QStringLiteral("INSERT INTO conversations (title, provider_id, model, system_prompt, "
                                 "created_at, updated_at, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                  {cleanTitle(title), optionalId(providerId), model, systemPrompt, now, now, ownerId});
    if (!query) {
        return fail(query.error());
    }
    return getInserted(*query);
}

Result<Conversation> ConversationRepository::restore(const Conversation& conversation) const {
    const QDateTime now = m_clock.nowUtc();
    const QDateTime created = conversation.createdAt.isValid() ? conversation.createdAt : now;
    const QDateTime updated = conversation.updatedAt.isValid() ? conversation.updatedAt : created;
    QString title = cleanTitle(conversation.title);
    if (title.isEmpty()) {
        title = QStringLiteral("Imported conversation");
    }
    if (auto valid = validateGeneration(conversation.temperature, conversation.maxTokens); !valid) {
        return fail(valid.error());
    }
    auto query = m_db.exec(
        QStringLiteral("INSERT INTO conversations (title, provider_id, model, system_prompt, "
                       "created_at, updated_at, temperature, max_tokens, owner_id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {title, optionalId(conversation.providerId), conversation.model, conversation.systemPrompt,
         toStoredTime(created), toStoredTime(updated),
         conversation.temperature ? QVariant(*conversation.temperature) : QVariant(QMetaType(QMetaType::Double)),
         conversation.maxTokens ? QVariant(*conversation.maxTokens) : QVariant(QMetaType(QMetaType::Int)),
         conversation.ownerId});
    if (!query) {
        return fail(query.error());
    }
    return getInserted(*query);
}

Result<Conversation> ConversationRepository::get(qint64 id) const {
    auto query = m_db.exec(m_select + QStringLiteral("WHERE c.id = ?"), {id});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("no conversation with id %1").arg(id));
    }
    return fromRow(*query);
}

Result<Conversation> ConversationRepository::get(qint64 id, qint64 ownerId) const {
    auto query = m_db.exec(m_select + QStringLiteral("WHERE c.id = ? AND c.owner_id = ?"), {id, ownerId});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("no conversation with id %1").arg(id));
    }
    return fromRow(*query);
}

Result<int> ConversationRepository::transferAll(qint64 fromOwner, qint64 toOwner) const {
    auto query =
        m_db.exec(QStringLiteral("UPDATE conversations SET owner_id = ? WHERE owner_id = ?"), {toOwner, fromOwner});
    if (!query) {
        return fail(query.error());
    }
    return query->numRowsAffected();
}

Result<int> ConversationRepository::removeAllOf(qint64 ownerId) const {
    auto query = m_db.exec(QStringLiteral("DELETE FROM conversations WHERE owner_id = ?"), {ownerId});
    if (!query) {
        return fail(query.error());
    }
    return query->numRowsAffected();
}

QString scopeCondition(ListScope scope) {
    return scope == ListScope::Active     ? QStringLiteral(" AND c.archived = 0")
           : scope == ListScope::Archived ? QStringLiteral(" AND c.archived = 1")
                                          : QString();
}

Result<std::vector<Conversation>> ConversationRepository::list(ListScope scope, const QString& tag,
                                                               qint64 ownerId) const {
    const QString archived = scopeCondition(scope);
    QVariantList values{ownerId};
    QString tagged;
    if (!tag.isEmpty()) {
        tagged = QStringLiteral(" AND EXISTS (SELECT 1 FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id "
                                "WHERE ct.conversation_id = c.id AND lower(t.name) = lower(?))");
        values << tag.simplified();
    }
    auto query = m_db.exec(m_select + QStringLiteral("WHERE c.owner_id = ? AND c.deleted_at IS NULL") + archived +
                               tagged + QStringLiteral(" ORDER BY c.pinned DESC, c.updated_at DESC, c.id DESC"),
                           values);
    if (!query) {
        return fail(query.error());
    }
    std::vector<Conversation> result;
    while (query->next()) {
        result.push_back(fromRow(*query));
    }
    return result;
}

Status ConversationRepository::updateOne(qint64 id, const QString& sql, QVariantList values) const {
    values << toStoredTime(m_clock.nowUtc()) << id;
    auto query = m_db.exec(sql, values);
    if (!query) {
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("no conversation with id %1").arg(id));
    }
    return {};
}

Status ConversationRepository::rename(qint64 id, const QString& title) const {
    const QString clean = cleanTitle(title);
    if (clean.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a conversation title cannot be empty"));
    }
    return updateOne(id, QStringLiteral("UPDATE conversations SET title = ?, updated_at = ? WHERE id = ?"), {clean});
}

Status ConversationRepository::setModel(qint64 id, std::optional<qint64> providerId, const QString& model) const {
    return updateOne(id,
                     QStringLiteral("UPDATE conversations SET provider_id = ?, model = ?, updated_at = ? WHERE id = ?"),
                     {optionalId(providerId), model});
}

Status ConversationRepository::setFallback(qint64 id, std::optional<qint64> providerId, const QString& model) const {
    return updateOne(
        id,
        QStringLiteral(
            "UPDATE conversations SET fallback_provider_id = ?, fallback_model = ?, updated_at = ? WHERE id = ?"),
        {optionalId(providerId), providerId ? model : QString()});
}

Status ConversationRepository::setSystemPrompt(qint64 id, const QString& systemPrompt) const {
    return updateOne(id, QStringLiteral("UPDATE conversations SET system_prompt = ?, updated_at = ? WHERE id = ?"),
                     {systemPrompt});
}

Status ConversationRepository::setGeneration(qint64 id, std::optional<double> temperature,
                                             std::optional<int> maxTokens) const {
    if (auto valid = validateGeneration(temperature, maxTokens); !valid) {
        return valid;
    }
    return updateOne(id,
                     QStringLiteral("UPDATE conversations SET temperature = ?, max_tokens = ?, updated_at = ? "
                                    "WHERE id = ?"),
                     {temperature ? QVariant(*temperature) : QVariant(QMetaType(QMetaType::Double)),
                      maxTokens ? QVariant(*maxTokens) : QVariant(QMetaType(QMetaType::Int))});
}

Status ConversationRepository::touch(qint64 id) const {
    return updateOne(id, QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"), {});
}

Status ConversationRepository::setFlag(qint64 id, const char* column, bool value) const {
    // Pinning and archiving do not count as changes to the conversation (its place by date stays).
    auto query =
        m_db.exec(QStringLiteral("UPDATE conversations SET %1 = ? WHERE id = ?").arg(QLatin1StringView(column)),
                  {value ? 1 : 0, id});
    if (!query) {
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("no conversation with id %1").arg(id));
    }
    return {};
}

Status ConversationRepository::setPinned(qint64 id, bool pinned) const {
    return setFlag(id, "pinned", pinned);
}

Status ConversationRepository::setArchived(qint64 id, bool archived) const {
    return setFlag(id, "archived", archived);
}

Status ConversationRepository::moveToTrash(qint64 id) const {
    auto query =
        m_db.exec(QStringLiteral("UPDATE conversations SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at "
                                 "IS NULL"),
                  {toStoredTime(m_clock.nowUtc()), m_db.ownerId(), id});
    if (!query) {
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("no conversation with id %1").arg(id));
    }
    return {};
}

Status ConversationRepository::restoreFromTrash(qint64 id) const {
    auto query = m_db.exec(QStringLiteral("UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS "
                                          "NOT NULL"),
                           {id});
    if (!query) {
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("no deleted conversation with id %1").arg(id));
    }
    return {};
}

Result<int> ConversationRepository::emptyTrash() const {
    // This process's deletions, and those a process that is gone could not finish; another live process's
    // deletions stay undoable there.
    auto query = m_db.exec(QStringLiteral("DELETE FROM conversations WHERE deleted_at IS NOT NULL AND (deleted_by = ? "
                                          "OR ") +
                               StoreLease::ownerGone(QStringLiteral("deleted_by")) + QStringLiteral(")"),
                           {m_db.ownerId()});
    if (!query) {
        return fail(query.error());
    }
    return query->numRowsAffected();
}

Status ConversationRepository::remove(qint64 id) const {
    auto query = m_db.exec(QStringLiteral("DELETE FROM conversations WHERE id = ?"), {id});
    if (!query) {
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("no conversation with id %1").arg(id));
    }
    return {};
}

} // namespace Tessera::Core
