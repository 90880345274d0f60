#include "storage/TagRepository.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace Tessera::Core {

namespace {

void sortNames(QStringList& names) {
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) {
        const int folded = QString::compare(a, b, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : a < b;
    });
}

// Cleans every name and drops duplicates (without case), keeping the first spelling.
Result<QStringList> cleanAll(const QStringList& names) {
    QStringList result;
    for (const QString& name : names) {
        auto cleaned = TagRepository::clean(name);
        if (!cleaned) {
            return fail(cleaned.error());
        }
        if (!result.contains(*cleaned, Qt::CaseInsensitive)) {
            result << *cleaned;
        }
    }
    return result;
}

} // namespace

TagRepository::TagRepository(const Database& db)
    : m_db(db) {
}

Result<QString> TagRepository::clean(const QString& name) {
    QString cleaned = name.simplified();
    while (cleaned.startsWith(QLatin1Char('#'))) {
        cleaned.remove(0, 1);
    }
    cleaned = cleaned.trimmed();
    if (cleaned.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a tag needs a name"));
    }
    if (cleaned.size() > maxNameLength) {
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("the tag \"%1…\" is longer than %2 characters").arg(cleaned.left(20)).arg(maxNameLength));
    }
    if (cleaned.contains(QLatin1Char(','))) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the tag \"%1\" contains a comma").arg(cleaned));
    }
    const bool control = std::any_of(cleaned.cbegin(), cleaned.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
    if (control) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a tag cannot contain control characters"));
    }
    return cleaned;
}

Result<std::vector<TagUse>> TagRepository::list(ListScope scope, qint64 ownerId) const {
    auto query = m_db.exec(QStringLiteral("SELECT t.name, (SELECT COUNT(*) FROM conversation_tags ct "
                                          "JOIN conversations c ON c.id = ct.conversation_id "
                                          "WHERE ct.tag_id = t.id AND c.deleted_at IS NULL%1) "
                                          "FROM tags t WHERE t.owner_id = ?")
                               .arg(scopeCondition(scope)),
                           {ownerId});
    if (!query) {
        return fail(query.error());
    }
    std::vector<TagUse> result;
    while (query->next()) {
        TagUse use{query->value(0).toString(), query->value(1).toLongLong()};
        if (use.conversations > 0) {
            result.push_back(std::move(use));
        }
    }
    std::sort(result.begin(), result.end(), [](const TagUse& a, const TagUse& b) {
        return QString::compare(a.name, b.name, Qt::CaseInsensitive) < 0;
    });
    return result;
}

Result<QStringList> TagRepository::tagsOf(qint64 conversationId) const {
    auto query = m_db.exec(QStringLiteral("SELECT t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id "
                                          "WHERE ct.conversation_id = ?"),
                           {conversationId});
    if (!query) {
        return fail(query.error());
    }
    QStringList names;
    while (query->next()) {
        names << query->value(0).toString();
    }
    sortNames(names);
    return names;
}

Result<qint64> TagRepository::ownerOf(qint64 conversationId) const {
    auto query = m_db.exec(QStringLiteral("SELECT owner_id FROM conversations WHERE id = ? AND deleted_at IS NULL"),
                           {conversationId});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("no conversation with id %1").arg(conversationId));
    }
    return query->value(0).toLongLong();
}

Result<qint64> TagRepository::idOf(const QString& cleanName, qint64 ownerId) const {
    auto query = m_db.exec(QStringLiteral("SELECT id FROM tags WHERE owner_id = ? AND lower(name) = lower(?)"),
                           {ownerId, cleanName});
    if (!query) {
        return fail(query.error());
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<qint64> TagRepository::ensure(const QString& cleanName, qint64 ownerId) const {
    auto existing = idOf(cleanName, ownerId);
    if (!existing || *existing != 0) {
        return existing;
    }
    auto inserted =
        m_db.exec(QStringLiteral("INSERT INTO tags (owner_id, name) VALUES (?, ?) RETURNING id"), {ownerId, cleanName});
    if (!inserted) {
        return fail(inserted.error());
    }
    if (!inserted->next()) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("the new tag's id was not returned"));
    }
    return inserted->value(0).toLongLong();
}

Status TagRepository::setTags(qint64 conversationId, const QStringList& names) const {
    auto cleaned = cleanAll(names);
    if (!cleaned) {
        return fail(cleaned.error());
    }
    if (cleaned->size() > maxTagsPerConversation) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a conversation can have at most %1 tags").arg(maxTagsPerConversation));
    }
    return m_db.transaction([&]() -> Status {
        auto owner = ownerOf(conversationId);
        if (!owner) {
            return fail(owner.error());
        }
        std::vector<qint64> ids;
        for (const QString& name : *cleaned) {
            auto id = ensure(name, *owner);
            if (!id) {
                return fail(id.error());
            }
            ids.push_back(*id);
        }
        // Links to keep are left alone, so the trigger never removes a tag that is being kept.
        QStringList placeholders;
        QVariantList values{conversationId};
        for (qint64 id : ids) {
            placeholders << QStringLiteral("?");
            values << id;
        }
        const QString keep =
            ids.empty() ? QString() : QStringLiteral(" AND tag_id NOT IN (%1)").arg(placeholders.join(u','));
        if (auto removed =
                m_db.exec(QStringLiteral("DELETE FROM conversation_tags WHERE conversation_id = ?") + keep, values);
            !removed) {
            return fail(removed.error());
        }
        for (qint64 id : ids) {
            if (auto linked = m_db.exec(QStringLiteral("INSERT INTO conversation_tags (conversation_id, tag_id) "
                                                       "VALUES (?, ?) ON CONFLICT DO NOTHING"),
                                        {conversationId, id});
                !linked) {
                return fail(linked.error());
            }
        }
        return {};
    });
}

Status TagRepository::addTags(qint64 conversationId, const QStringList& names) const {
    auto current = tagsOf(conversationId);
    if (!current) {
        return fail(current.error());
    }
    return setTags(conversationId, *current + names);
}

Status TagRepository::removeTags(qint64 conversationId, const QStringList& names) const {
    auto cleaned = cleanAll(names);
    if (!cleaned) {
        return fail(cleaned.error());
    }
    auto current = tagsOf(conversationId);
    if (!current) {
        return fail(current.error());
    }
    QStringList kept;
    for (const QString& name : *current) {
        if (!cleaned->contains(name, Qt::CaseInsensitive)) {
            kept << name;
        }
    }
    return setTags(conversationId, kept);
}

Status TagRepository::rename(const QString& from, const QString& to, qint64 ownerId) const {
    auto oldName = clean(from);
    auto newName = clean(to);
    if (!oldName) {
        return fail(oldName.error());
    }
    if (!newName) {
        return fail(newName.error());
    }
    return m_db.transaction([&]() -> Status {
        auto oldId = idOf(*oldName, ownerId);
        if (!oldId) {
            return fail(oldId.error());
        }
        if (*oldId == 0) {
            return fail(ErrorCode::NotFound, QStringLiteral("no tag named \"%1\"").arg(*oldName));
        }
        auto target = idOf(*newName, ownerId);
        if (!target) {
            return fail(target.error());
        }
        if (*target == 0 || *target == *oldId) {
            // A new name, or the same tag spelt differently.
            auto renamed = m_db.exec(QStringLiteral("UPDATE tags SET name = ? WHERE id = ?"), {*newName, *oldId});
            return renamed ? Status{} : fail(renamed.error());
        }
        // Merging: every conversation with the old tag gets the other one; the old tag then goes with its links.
        if (auto moved = m_db.exec(QStringLiteral("INSERT INTO conversation_tags (conversation_id, tag_id) "
                                                  "SELECT conversation_id, CAST(? AS BIGINT) FROM conversation_tags "
                                                  "WHERE tag_id = ? ON CONFLICT DO NOTHING"),
                                   {*target, *oldId});
            !moved) {
            return fail(moved.error());
        }
        auto dropped = m_db.exec(QStringLiteral("DELETE FROM tags WHERE id = ?"), {*oldId});
        return dropped ? Status{} : fail(dropped.error());
    });
}

Result<int> TagRepository::remove(const QString& name, qint64 ownerId) const {
    auto cleaned = clean(name);
    if (!cleaned) {
        return fail(cleaned.error());
    }
    int count = 0;
    auto done = m_db.transaction([&]() -> Status {
        auto id = idOf(*cleaned, ownerId);
        if (!id) {
            return fail(id.error());
        }
        if (*id == 0) {
            return fail(ErrorCode::NotFound, QStringLiteral("no tag named \"%1\"").arg(*cleaned));
        }
        auto counted = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM conversation_tags WHERE tag_id = ?"), {*id});
        if (!counted) {
            return fail(counted.error());
        }
        counted->next();
        count = counted->value(0).toInt();
        auto dropped = m_db.exec(QStringLiteral("DELETE FROM tags WHERE id = ?"), {*id});
        return dropped ? Status{} : fail(dropped.error());
    });
    if (!done) {
        return fail(done.error());
    }
    return count;
}

Status TagRepository::transferAll(qint64 fromOwner, qint64 toOwner) const {
    return m_db.transaction([&]() -> Status {
        // The new owner gets each name they lack, every link moves to their tag of that name, and the old tags go.
        if (auto added = m_db.exec(QStringLiteral("INSERT INTO tags (owner_id, name) SELECT ?, a.name FROM tags a "
                                                  "WHERE a.owner_id = ? AND NOT EXISTS (SELECT 1 FROM tags b "
                                                  "WHERE b.owner_id = ? AND lower(b.name) = lower(a.name))"),
                                   {toOwner, fromOwner, toOwner});
            !added) {
            return fail(added.error());
        }
        if (auto linked = m_db.exec(QStringLiteral("INSERT INTO conversation_tags (conversation_id, tag_id) "
                                                   "SELECT ct.conversation_id, b.id FROM conversation_tags ct "
                                                   "JOIN tags a ON a.id = ct.tag_id JOIN tags b ON b.owner_id = ? "
                                                   "AND lower(b.name) = lower(a.name) WHERE a.owner_id = ? "
                                                   "ON CONFLICT DO NOTHING"),
                                    {toOwner, fromOwner});
            !linked) {
            return fail(linked.error());
        }
        auto dropped = m_db.exec(QStringLiteral("DELETE FROM tags WHERE owner_id = ?"), {fromOwner});
        return dropped ? Status{} : fail(dropped.error());
    });
}

} // namespace Tessera::Core
