#include "storage/MessageRepository.h"

#include "storage/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <tuple>
#include <unordered_map>

namespace Tessera::Core {

namespace {

// The columns fromRow() reads, in its order.
const QStringList kColumns{QStringLiteral("id"),
                           QStringLiteral("conversation_id"),
                           QStringLiteral("role"),
                           QStringLiteral("content"),
                           QStringLiteral("state"),
                           QStringLiteral("provider_name"),
                           QStringLiteral("model"),
                           QStringLiteral("finish_reason"),
                           QStringLiteral("input_tokens"),
                           QStringLiteral("cached_input_tokens"),
                           QStringLiteral("output_tokens"),
                           QStringLiteral("reasoning_tokens"),
                           QStringLiteral("usage_estimated"),
                           QStringLiteral("ttft_ms"),
                           QStringLiteral("latency_ms"),
                           QStringLiteral("error_code"),
                           QStringLiteral("correlation_id"),
                           QStringLiteral("created_at"),
                           QStringLiteral("updated_at"),
                           QStringLiteral("attempts"),
                           QStringLiteral("cache_hit"),
                           QStringLiteral("via_fallback"),
                           QStringLiteral("parent_id"),
                           QStringLiteral("left_out"),
                           QStringLiteral("template_id"),
                           QStringLiteral("template_name"),
                           QStringLiteral("template_version"),
                           QStringLiteral("template_values")};

QString columns(const QString& prefix = {}) {
    QStringList list;
    for (const QString& column : kColumns) {
        list << prefix + column;
    }
    // What the answer cost, from its ledger entry: NULL without one (questions, answers from before the ledger), -1
    // when its price was unknown, else micro-dollars.
    list << QStringLiteral("(SELECT CASE WHEN l.cost_micros IS NULL THEN -1 ELSE l.cost_micros END FROM usage_ledger l "
                           "WHERE l.message_id = %1id ORDER BY l.id DESC LIMIT 1)")
                .arg(prefix.isEmpty() ? QStringLiteral("messages.") : prefix);
    return list.join(QStringLiteral(", "));
}

// The column after kColumns: the cost.
const int kCostColumn = int(kColumns.size());

const QString kSelect = QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM messages ");

QVariant optionalInt(const std::optional<qint64>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

std::optional<qint64> toOptional(const QVariant& value) {
    if (value.isNull()) {
        return std::nullopt;
    }
    return value.toLongLong();
}

// input, cached input, output, reasoning tokens and the estimated flag, in column order; NULLs without usage.
// The template columns of a message: id, name, version and values (NULL, '', NULL, '' without a template).
QVariantList templateValues(const std::optional<TemplateUse>& use) {
    if (!use) {
        return {QVariant(QMetaType(QMetaType::LongLong)), QString(), QVariant(QMetaType(QMetaType::Int)), QString()};
    }
    QJsonObject values;
    for (auto it = use->values.begin(); it != use->values.end(); ++it) {
        values.insert(it.key(), it.value());
    }
    return {use->templateId, use->name, use->version,
            QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact))};
}

QVariantList usageValues(const std::optional<Usage>& u) {
    const auto value = [&](qint64 Usage::*field) {
        return u ? QVariant((*u).*field) : QVariant(QMetaType(QMetaType::LongLong));
    };
    return {value(&Usage::inputTokens), value(&Usage::cachedInputTokens), value(&Usage::outputTokens),
            value(&Usage::reasoningTokens), u ? int(u->estimated) : 0};
}

Message fromRow(const QSqlQuery& q) {
    Message m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.role = parseRole(q.value(2).toString()).value_or(Role::User);
    m.content = q.value(3).toString();
    m.state = parseMessageState(q.value(4).toString()).value_or(MessageState::Complete);
    m.providerName = q.value(5).toString();
    m.model = q.value(6).toString();
    m.finishReason = q.value(7).toString();
    if (!q.value(8).isNull() || !q.value(10).isNull()) {
        Usage usage;
        usage.inputTokens = q.value(8).toLongLong();
        usage.cachedInputTokens = q.value(9).toLongLong();
        usage.outputTokens = q.value(10).toLongLong();
        usage.reasoningTokens = q.value(11).toLongLong();
        usage.estimated = q.value(12).toBool();
        m.usage = usage;
    }
    m.ttftMs = toOptional(q.value(13));
    m.latencyMs = toOptional(q.value(14));
    m.errorCode = q.value(15).toString();
    m.correlationId = q.value(16).toString();
    m.createdAt = fromStoredTime(q.value(17).toString());
    m.attempts = q.value(19).toInt();
    m.cacheHit = q.value(20).toBool();
    m.viaFallback = q.value(21).toBool();
    m.parentId = toOptional(q.value(22));
    m.leftOut = q.value(23).toInt();
    m.updatedAt = fromStoredTime(q.value(18).toString());
    if (!q.value(24).isNull()) {
        TemplateUse use;
        use.templateId = q.value(24).toLongLong();
        use.name = q.value(25).toString();
        use.version = q.value(26).toInt();
        const QJsonObject values = QJsonDocument::fromJson(q.value(27).toString().toUtf8()).object();
        for (auto it = values.begin(); it != values.end(); ++it) {
            use.values.insert(it.key(), it.value().toString());
        }
        m.templateUse = std::move(use);
    }
    if (const QVariant cost = q.value(kCostColumn); !cost.isNull()) {
        m.costRecorded = true;
        if (cost.toLongLong() >= 0) {
            m.costMicros = cost.toLongLong();
        }
    }
    return m;
}

} // namespace

MessageRepository::MessageRepository(const Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {
}

Result<Message> MessageRepository::add(Message message) const {
    if (!message.images.empty()) {
        // The message and its images are stored together or not at all.
        Message stored;
        auto status = m_db.transaction([&]() -> Status {
            auto added = insert(message);
            if (!added) {
                return fail(added.error());
            }
            stored = *added;
            return {};
        });
        if (!status) {
            return fail(status.error());
        }
        return stored;
    }
    return insert(std::move(message));
}

Result<Message> MessageRepository::insert(Message message) const {
    const QDateTime now = m_clock.nowUtc();
    if (!message.createdAt.isValid()) {
        message.createdAt = now; // kept when given (imported messages)
    }
    message.updatedAt = now;
    QVariantList values{message.conversationId,
                        optionalInt(message.parentId),
                        QString(roleName(message.role)),
                        message.content,
                        QString(messageStateName(message.state)),
                        message.providerName,
                        message.model,
                        message.finishReason};
    values << usageValues(message.usage)
           << QVariantList{optionalInt(message.ttftMs), optionalInt(message.latencyMs),  message.errorCode,
                           message.correlationId,       toStoredTime(message.createdAt), toStoredTime(now)};
    auto query = m_db.exec(
        QStringLiteral(
            "INSERT INTO messages (conversation_id, parent_id, role, content, state, provider_name, model, "
            "finish_reason, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, "
            "usage_estimated, ttft_ms, latency_ms, error_code, correlation_id, created_at, updated_at, owner, "
            "template_id, template_name, template_version, template_values) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        values << m_db.ownerId() << templateValues(message.templateUse));
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("the new message's id was not returned"));
    }
    message.id = query->value(0).toLongLong();
    for (const ImageAttachment& image : message.images) {
        auto inserted = m_db.exec(
            QStringLiteral("INSERT INTO message_images (message_id, mime_type, name, data) VALUES (?, ?, ?, ?)"),
            {message.id, image.mimeType, image.name, image.data});
        if (!inserted) {
            return fail(inserted.error());
        }
    }
    return message;
}

QString feedbackColumns() {
    return QStringLiteral("f.message_id, f.rating, f.tags, f.comment, f.created_at, f.updated_at");
}

QStringList splitFeedbackTags(const QString& stored) {
    return stored.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

Feedback feedbackFromRow(const QSqlQuery& query, int first) {
    Feedback f;
    f.messageId = query.value(first).toLongLong();
    f.positive = query.value(first + 1).toInt() > 0;
    f.tags = splitFeedbackTags(query.value(first + 2).toString());
    f.comment = query.value(first + 3).toString();
    f.createdAt = fromStoredTime(query.value(first + 4).toString());
    f.updatedAt = fromStoredTime(query.value(first + 5).toString());
    return f;
}

Status MessageRepository::loadAttached(std::vector<Message>& messages, const QString& where, const QVariantList& values,
                                       ImageBytes bytes) const {
    // Without the bytes, SQLite does not read the images' pages at all.
    auto query = m_db.exec(QStringLiteral("SELECT message_id, mime_type, name, %1 FROM message_images WHERE ")
                                   .arg(bytes == ImageBytes::Load ? QStringLiteral("data") : QStringLiteral("NULL")) +
                               where + QStringLiteral(" ORDER BY message_id, id"),
                           values);
    if (!query) {
        return fail(query.error());
    }
    std::unordered_map<qint64, Message*> byId;
    for (Message& message : messages) {
        byId.emplace(message.id, &message);
    }
    while (query->next()) {
        const auto found = byId.find(query->value(0).toLongLong());
        if (found != byId.end()) {
            found->second->images.push_back(
                {query->value(1).toString(), query->value(3).toByteArray(), query->value(2).toString()});
        }
    }
    auto rated = m_db.exec(QStringLiteral("SELECT ") + feedbackColumns() +
                               QStringLiteral(" FROM message_feedback f WHERE f.") + where,
                           values);
    if (!rated) {
        return fail(rated.error());
    }
    while (rated->next()) {
        const auto found = byId.find(rated->value(0).toLongLong());
        if (found != byId.end()) {
            found->second->feedback = feedbackFromRow(*rated, 0);
        }
    }
    return {};
}

Result<Message> MessageRepository::get(qint64 id) const {
    auto query = m_db.exec(kSelect + QStringLiteral("WHERE id = ?"), {id});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("no message with id %1").arg(id));
    }
    std::vector<Message> found{fromRow(*query)};
    if (auto images = loadAttached(found, QStringLiteral("message_id = ?"), {id}); !images) {
        return fail(images.error());
    }
    return std::move(found.front());
}

Result<std::vector<Message>> MessageRepository::listForConversation(qint64 conversationId) const {
    auto query = m_db.exec(kSelect + QStringLiteral("WHERE conversation_id = ? ORDER BY id"), {conversationId});
    if (!query) {
        return fail(query.error());
    }
    std::vector<Message> result;
    while (query->next()) {
        result.push_back(fromRow(*query));
    }
    if (auto images =
            loadAttached(result, QStringLiteral("message_id IN (SELECT id FROM messages WHERE conversation_id = ?)"),
                         {conversationId});
        !images) {
        return fail(images.error());
    }
    return result;
}

Status MessageRepository::setLeftOut(qint64 id, int leftOut) const {
    auto query = m_db.exec(QStringLiteral("UPDATE messages SET left_out = ? WHERE id = ?"), {leftOut, id});
    return query ? Status{} : fail(query.error());
}

Status MessageRepository::updateContent(qint64 id, const QString& content) const {
    auto query = m_db.exec(QStringLiteral("UPDATE messages SET content = ?, updated_at = ? WHERE id = ?"),
                           {content, toStoredTime(m_clock.nowUtc()), id});
    if (!query) {
        return fail(query.error());
    }
    return {};
}

Status MessageRepository::finish(const Message& message) const {
    QVariantList values{message.content, QString(messageStateName(message.state)), message.providerName, message.model,
                        message.finishReason};
    values << usageValues(message.usage)
           << QVariantList{optionalInt(message.ttftMs),
                           optionalInt(message.latencyMs),
                           message.errorCode,
                           message.correlationId,
                           message.attempts,
                           message.cacheHit,
                           message.viaFallback,
                           toStoredTime(m_clock.nowUtc()),
                           message.id};
    auto query = m_db.exec(
        QStringLiteral("UPDATE messages SET content = ?, state = ?, provider_name = ?, model = ?, finish_reason = ?, "
                       "input_tokens = ?, cached_input_tokens = ?, output_tokens = ?, reasoning_tokens = ?, "
                       "usage_estimated = ?, ttft_ms = ?, latency_ms = ?, error_code = ?, correlation_id = ?, "
                       "attempts = ?, cache_hit = ?, via_fallback = ?, updated_at = ? WHERE id = ?"),
        values);
    if (!query) {
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("no message with id %1").arg(message.id));
    }
    return {};
}

Status MessageRepository::saveFeedback(const Feedback& feedback, qint64 accountId) const {
    const QDateTime now = m_clock.nowUtc();
    const QString created = toStoredTime(feedback.createdAt.isValid() ? feedback.createdAt : now);
    const QString updated = toStoredTime(feedback.updatedAt.isValid() ? feedback.updatedAt : now);
    auto saved = m_db.exec(
        QStringLiteral("INSERT INTO message_feedback (message_id, account_id, rating, tags, comment, created_at, "
                       "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO UPDATE SET "
                       "rating = excluded.rating, tags = excluded.tags, comment = excluded.comment, "
                       "updated_at = excluded.updated_at"),
        {feedback.messageId, accountId, feedback.positive ? 1 : -1, feedback.tags.join(QLatin1Char(',')),
         feedback.comment, created, updated});
    return saved ? Status{} : fail(saved.error());
}

Result<std::vector<ImageAttachment>> MessageRepository::imagesOf(qint64 messageId) const {
    std::vector<Message> one(1);
    one.front().id = messageId;
    if (auto loaded = loadAttached(one, QStringLiteral("message_id = ?"), {messageId}); !loaded) {
        return fail(loaded.error());
    }
    return std::move(one.front().images);
}

Result<std::vector<Message>> MessageRepository::pathTo(qint64 messageId, ImageBytes bytes) const {
    // Walk up from the message to the first one; read the branch in order with each message's sibling place. The
    // sibling counts compare parent ids with = or IS NULL (not IS NOT DISTINCT FROM), so both engines use the index.
    static const QString sql = QStringLiteral(R"sql(
        WITH RECURSIVE chain(id, depth) AS (
            SELECT id, 0 FROM messages WHERE id = ?
            UNION ALL
            SELECT m.parent_id, chain.depth + 1 FROM messages m JOIN chain ON m.id = chain.id
            WHERE m.parent_id IS NOT NULL
        )
        SELECT %1,
               CASE WHEN m.parent_id IS NULL
                    THEN (SELECT COUNT(*) FROM messages s WHERE s.conversation_id = m.conversation_id
                                                           AND s.parent_id IS NULL AND s.id < m.id)
                    ELSE (SELECT COUNT(*) FROM messages s WHERE s.conversation_id = m.conversation_id
                                                           AND s.parent_id = m.parent_id AND s.id < m.id) END,
               CASE WHEN m.parent_id IS NULL
                    THEN (SELECT COUNT(*) FROM messages s WHERE s.conversation_id = m.conversation_id
                                                           AND s.parent_id IS NULL)
                    ELSE (SELECT COUNT(*) FROM messages s WHERE s.conversation_id = m.conversation_id
                                                           AND s.parent_id = m.parent_id) END
        FROM chain JOIN messages m ON m.id = chain.id ORDER BY chain.depth DESC)sql")
                                   .arg(columns(QStringLiteral("m.")));
    auto rows = m_db.exec(sql, {messageId});
    if (!rows) {
        return fail(rows.error());
    }
    const int siblingColumn = kCostColumn + 1;
    std::vector<Message> result;
    while (rows->next()) {
        Message message = fromRow(*rows);
        message.siblingIndex = rows->value(siblingColumn).toInt();
        message.siblingCount = std::max(1, rows->value(siblingColumn + 1).toInt());
        result.push_back(std::move(message));
    }
    if (result.empty()) {
        return result;
    }
    if (auto images = loadAttached(result,
                                   QStringLiteral("message_id IN (SELECT id FROM messages WHERE "
                                                  "conversation_id = ?)"),
                                   {result.front().conversationId}, bytes);
        !images) {
        return fail(images.error());
    }
    return result;
}

Result<qint64> MessageRepository::currentLeaf(qint64 conversationId) const {
    // The remembered leaf, when it still belongs to the conversation; else its newest message.
    auto query = m_db.exec(QStringLiteral("SELECT COALESCE((SELECT m.id FROM messages m JOIN conversations c "
                                          "ON c.current_leaf_id = m.id WHERE c.id = ? AND m.conversation_id = ?), "
                                          "(SELECT MAX(id) FROM messages WHERE conversation_id = ?), 0)"),
                           {conversationId, conversationId, conversationId});
    if (!query) {
        return fail(query.error());
    }
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<std::vector<Message>> MessageRepository::path(qint64 conversationId, ImageBytes bytes) const {
    auto leaf = currentLeaf(conversationId);
    if (!leaf) {
        return fail(leaf.error());
    }
    if (*leaf == 0) {
        return std::vector<Message>{};
    }
    return pathTo(*leaf, bytes);
}

Status MessageRepository::setCurrentLeaf(qint64 conversationId, qint64 messageId) const {
    auto query = m_db.exec(QStringLiteral("UPDATE conversations SET current_leaf_id = ? WHERE id = ? AND EXISTS "
                                          "(SELECT 1 FROM messages WHERE id = ? AND conversation_id = ?)"),
                           {messageId, conversationId, messageId, conversationId});
    if (!query) {
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound,
                    QStringLiteral("no message %1 in conversation %2").arg(messageId).arg(conversationId));
    }
    return {};
}

Result<std::vector<qint64>> MessageRepository::siblings(qint64 messageId) const {
    auto query = m_db.exec(QStringLiteral("SELECT s.id FROM messages s JOIN messages m ON m.id = ? "
                                          "WHERE s.conversation_id = m.conversation_id AND (s.parent_id = m.parent_id "
                                          "OR (s.parent_id IS NULL AND m.parent_id IS NULL)) "
                                          "ORDER BY s.id"),
                           {messageId});
    if (!query) {
        return fail(query.error());
    }
    std::vector<qint64> ids;
    while (query->next()) {
        ids.push_back(query->value(0).toLongLong());
    }
    if (ids.empty()) {
        return fail(ErrorCode::NotFound, QStringLiteral("no message with id %1").arg(messageId));
    }
    return ids;
}

Result<qint64> MessageRepository::newestLeafUnder(qint64 messageId) const {
    static const QString sql = QStringLiteral(R"sql(
        WITH RECURSIVE down(id, depth, conversation) AS (
            SELECT id, 0, conversation_id FROM messages WHERE id = ?
            UNION ALL
            SELECT (SELECT MAX(c.id) FROM messages c WHERE c.conversation_id = down.conversation
                                                       AND c.parent_id = down.id),
                   down.depth + 1, down.conversation FROM down
            WHERE EXISTS (SELECT 1 FROM messages c WHERE c.conversation_id = down.conversation
                                                     AND c.parent_id = down.id)
        )
        SELECT id FROM down ORDER BY depth DESC LIMIT 1)sql");
    auto query = m_db.exec(sql, {messageId});
    if (!query) {
        return fail(query.error());
    }
    return query->next() ? query->value(0).toLongLong() : messageId;
}

Status MessageRepository::remove(qint64 messageId) const {
    auto message = get(messageId);
    if (!message) {
        return fail(message.error());
    }
    return m_db.transaction([&]() -> Status {
        const QVariant parent = optionalInt(message->parentId);
        if (auto moved = m_db.exec(
                QStringLiteral("UPDATE messages SET parent_id = ? WHERE conversation_id = ? AND parent_id = ?"),
                {parent, message->conversationId, messageId});
            !moved) {
            return fail(moved.error());
        }
        // A branch that ended at the message now ends at its parent (or, for a first message, at its reply).
        if (auto leaf = m_db.exec(QStringLiteral("UPDATE conversations SET current_leaf_id = ? "
                                                 "WHERE id = ? AND current_leaf_id = ?"),
                                  {parent, message->conversationId, messageId});
            !leaf) {
            return fail(leaf.error());
        }
        auto removed = m_db.exec(QStringLiteral("DELETE FROM messages WHERE id = ?"), {messageId});
        if (!removed) {
            return fail(removed.error());
        }
        return {};
    });
}

} // namespace Tessera::Core
