#include "prompts/Feedback.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>

namespace Tessera::Core {

namespace {} // namespace

std::optional<FeedbackGrouping> parseFeedbackGrouping(const QString& name) {
    if (name == QLatin1StringView("model")) {
        return FeedbackGrouping::Model;
    }
    if (name == QLatin1StringView("provider")) {
        return FeedbackGrouping::Provider;
    }
    if (name == QLatin1StringView("template")) {
        return FeedbackGrouping::Template;
    }
    return std::nullopt;
}

FeedbackService::FeedbackService(const Database& db, const Clock& clock, const AuditLog& audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit) {
}

Result<QStringList> FeedbackService::tags() const {
    auto query = m_db.exec(QStringLiteral("SELECT name FROM feedback_tags ORDER BY position, name"));
    if (!query) {
        return fail(query.error());
    }
    QStringList names;
    while (query->next()) {
        names << query->value(0).toString();
    }
    return names;
}

Status FeedbackService::setTags(const Actor& actor, const QStringList& asked) {
    const QString action = QStringLiteral("feedback.tags");
    if (auto allowed = require(actor, Permission::RolesManage); !allowed) {
        (void)m_audit.record(actor, {action, QStringLiteral("feedback_tags"), AuditOutcome::Denied,
                                     QStringLiteral("lacks roles.manage"), allowed.error().correlationId});
        return allowed;
    }
    QStringList clean;
    for (const QString& tag : asked) {
        const QString name = tag.trimmed().toLower();
        if (name.isEmpty()) {
            continue;
        }
        if (name.size() > maxTagLength || name.contains(QLatin1Char(','))) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("a feedback tag has at most %1 characters and no comma").arg(maxTagLength));
        }
        if (!clean.contains(name)) {
            clean << name;
        }
    }
    if (clean.size() > maxTagCount) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("at most %1 feedback tags").arg(maxTagCount));
    }
    return m_db.transaction([&]() -> Status {
        auto cleared = m_db.exec(QStringLiteral("DELETE FROM feedback_tags"));
        if (!cleared) {
            return fail(cleared.error());
        }
        for (qsizetype i = 0; i < clean.size(); ++i) {
            auto added = m_db.exec(QStringLiteral("INSERT INTO feedback_tags (name, position) VALUES (?, ?)"),
                                   {clean[i], qint64(i + 1)});
            if (!added) {
                return fail(added.error());
            }
        }
        return m_audit.record(
            actor,
            {action, QStringLiteral("feedback_tags"), AuditOutcome::Success, clean.join(QStringLiteral(", ")), {}});
    });
}

Result<Feedback> FeedbackService::set(const Actor& actor, qint64 messageId, bool positive, const QStringList& asked,
                                      const QString& comment) {
    auto message = m_db.exec(QStringLiteral("SELECT m.role, c.owner_id FROM messages m JOIN conversations c ON c.id = "
                                            "m.conversation_id WHERE m.id = ?"),
                             {messageId});
    if (!message) {
        return fail(message.error());
    }
    // Another person's answer reads as missing: whether it exists is not told.
    if (!message->next() || message->value(1).toLongLong() != actor.userId) {
        return fail(ErrorCode::NotFound, QStringLiteral("no answer %1 in your conversations").arg(messageId));
    }
    if (message->value(0).toString() != QLatin1StringView("assistant")) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("message %1 is a question: rate answers").arg(messageId));
    }
    if (comment.size() > maxCommentLength) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a feedback comment has at most %1 characters").arg(maxCommentLength));
    }
    auto allowedTags = tags();
    if (!allowedTags) {
        return fail(allowedTags.error());
    }
    QStringList chosen;
    for (const QString& tag : asked) {
        const QString name = tag.trimmed().toLower();
        if (name.isEmpty() || chosen.contains(name)) {
            continue;
        }
        if (!allowedTags->contains(name)) {
            return fail(ErrorCode::InvalidArgument, QStringLiteral("\"%1\" is not a feedback tag; the tags are: %2")
                                                        .arg(name, allowedTags->join(QStringLiteral(", "))));
        }
        chosen << name;
    }
    Feedback feedback;
    feedback.messageId = messageId;
    feedback.positive = positive;
    feedback.tags = chosen;
    feedback.comment = comment.trimmed();
    if (auto saved = MessageRepository(m_db, m_clock).saveFeedback(feedback, actor.userId); !saved) {
        return fail(saved.error());
    }
    auto stored = get(actor, messageId);
    if (!stored) {
        return fail(stored.error());
    }
    if (!*stored) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("the feedback was not kept"));
    }
    return **stored;
}

Status FeedbackService::clear(const Actor& actor, qint64 messageId) {
    auto existing = get(actor, messageId);
    if (!existing) {
        return fail(existing.error());
    }
    if (!*existing) {
        return fail(ErrorCode::NotFound, QStringLiteral("answer %1 has no feedback").arg(messageId));
    }
    auto removed = m_db.exec(QStringLiteral("DELETE FROM message_feedback WHERE message_id = ? AND account_id = ?"),
                             {messageId, actor.userId});
    if (!removed) {
        return fail(removed.error());
    }
    return {};
}

Result<std::optional<Feedback>> FeedbackService::get(const Actor& actor, qint64 messageId) const {
    auto query = m_db.exec(QStringLiteral("SELECT ") + feedbackColumns() +
                               QStringLiteral(" FROM message_feedback f JOIN messages m ON m.id = f.message_id JOIN "
                                              "conversations c ON c.id = m.conversation_id WHERE f.message_id = ? "
                                              "AND c.owner_id = ?"),
                           {messageId, actor.userId});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return std::optional<Feedback>();
    }
    return std::optional<Feedback>(feedbackFromRow(*query, 0));
}

Result<std::vector<FeedbackStats>> FeedbackService::stats(const Actor& actor, FeedbackGrouping by,
                                                          const FeedbackScope& period) const {
    // The key and the version of each group; by template, answers count for the template their question came from.
    const bool byTemplate = by == FeedbackGrouping::Template;
    const QString key = byTemplate                      ? QStringLiteral("q.template_name, q.template_version")
                        : by == FeedbackGrouping::Model ? QStringLiteral("m.model, 0")
                                                        : QStringLiteral("m.provider_name, 0");
    const bool everyone = actor.may(Permission::UsageViewAll);
    QString scope =
        QStringLiteral(" WHERE m.role = 'assistant' AND (m.state = 'complete' OR f.message_id IS NOT NULL)");
    QVariantList values;
    if (byTemplate) {
        scope += QStringLiteral(" AND q.template_id IS NOT NULL");
    }
    if (!everyone) {
        scope += QStringLiteral(" AND c.owner_id = ?");
        values << actor.userId;
    } else if (period.accountId) {
        scope += QStringLiteral(" AND c.owner_id = ?");
        values << *period.accountId;
    }
    if (period.from.isValid()) {
        scope += QStringLiteral(" AND m.created_at >= ?");
        values << period.from.toString(Qt::ISODate);
    }
    if (period.to.isValid()) {
        scope += QStringLiteral(" AND m.created_at < ?"); // before the next day begins
        values << period.to.addDays(1).toString(Qt::ISODate);
    }
    QString from = QStringLiteral(" FROM messages m JOIN conversations c ON c.id = m.conversation_id LEFT JOIN "
                                  "message_feedback f ON f.message_id = m.id");
    if (byTemplate) {
        from += QStringLiteral(" JOIN messages q ON q.id = m.parent_id");
    }
    const QString group = byTemplate ? QStringLiteral(" GROUP BY q.template_name, q.template_version")
                                     : QStringLiteral(" GROUP BY ") + key.section(QLatin1Char(','), 0, 0);
    auto query = m_db.exec(QStringLiteral("SELECT ") + key +
                               QStringLiteral(", COUNT(*), COUNT(f.message_id), SUM(CASE WHEN f.rating = 1 THEN 1 "
                                              "ELSE 0 END)") +
                               from + scope + group,
                           values);
    if (!query) {
        return fail(query.error());
    }
    using Key = std::pair<QString, int>;
    std::map<Key, FeedbackStats> byKey;
    while (query->next()) {
        const Key k{query->value(0).toString(), query->value(1).toInt()};
        FeedbackStats& s = byKey[k];
        s.key = k.first;
        s.version = k.second;
        s.answers = query->value(2).toLongLong();
        s.rated = query->value(3).toLongLong();
        s.positive = query->value(4).toLongLong();
    }
    auto tagged = m_db.exec(QStringLiteral("SELECT ") + key + QStringLiteral(", f.tags") + from + scope +
                                QStringLiteral(" AND f.tags <> ''"),
                            values);
    if (!tagged) {
        return fail(tagged.error());
    }
    std::map<Key, std::map<QString, qint64>> counts;
    while (tagged->next()) {
        for (const QString& tag : splitFeedbackTags(tagged->value(2).toString())) {
            ++counts[Key{tagged->value(0).toString(), tagged->value(1).toInt()}][tag];
        }
    }
    std::vector<FeedbackStats> result;
    for (auto& [name, s] : byKey) {
        if (s.rated > 0) {
            s.positiveRate = double(s.positive) / double(s.rated);
            s.interval = wilsonInterval(s.positive, s.rated);
        }
        for (const auto& [tag, count] : counts[name]) {
            s.topTags.emplace_back(tag, count);
        }
        std::stable_sort(s.topTags.begin(), s.topTags.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        if (s.topTags.size() > 3) {
            s.topTags.resize(3);
        }
        result.push_back(std::move(s));
    }
    if (!byTemplate) {
        std::stable_sort(result.begin(), result.end(),
                         [](const FeedbackStats& a, const FeedbackStats& b) { return a.answers > b.answers; });
    } // by template: by name, then version (the map's order)
    return result;
}

Result<std::vector<FeedbackRecord>> FeedbackService::records(const Actor& actor) const {
    QString sql = QStringLiteral("SELECT ") + feedbackColumns() +
                  QStringLiteral(", m.conversation_id, m.provider_name, m.model, a.username, q.template_name, "
                                 "q.template_version FROM message_feedback f JOIN messages m ON m.id = f.message_id "
                                 "JOIN conversations c ON c.id = m.conversation_id LEFT JOIN accounts a ON a.id = "
                                 "f.account_id LEFT JOIN messages q ON q.id = m.parent_id");
    QVariantList values;
    if (!actor.may(Permission::UsageViewAll)) {
        sql += QStringLiteral(" WHERE c.owner_id = ?");
        values << actor.userId;
    }
    sql += QStringLiteral(" ORDER BY f.message_id");
    auto query = m_db.exec(sql, values);
    if (!query) {
        return fail(query.error());
    }
    std::vector<FeedbackRecord> out;
    while (query->next()) {
        FeedbackRecord r;
        r.feedback = feedbackFromRow(*query, 0);
        r.conversationId = query->value(6).toLongLong();
        r.provider = query->value(7).toString();
        r.model = query->value(8).toString();
        r.rater = query->value(9).toString();
        r.templateName = query->value(10).toString();
        r.templateVersion = query->value(11).toInt();
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace Tessera::Core
