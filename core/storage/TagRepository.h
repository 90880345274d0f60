#pragma once

#include "chat/Conversation.h"
#include "common/Result.h"
#include "storage/ConversationRepository.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace Tessera::Core {

class Database;

// Tags organise conversations: each conversation has any number of them, compared without case. A tag exists as
// long as a conversation uses it.
class TagRepository final {
public:
    explicit TagRepository(const Database& db);

    // Every tag in use, by name (case-insensitive), with how many conversations carry it: of those in the list,
    // the archived ones, or all (deleted ones never count; a tag no conversation of the scope carries is left out).
    Result<std::vector<TagUse>> list(ListScope scope = ListScope::All) const;
    // The conversation's tags, by name.
    Result<QStringList> tagsOf(qint64 conversationId) const;
    // Replaces the conversation's tags (names are cleaned; duplicates collapse; an existing tag keeps its spelling).
    Status setTags(qint64 conversationId, const QStringList& names) const;
    Status addTags(qint64 conversationId, const QStringList& names) const;
    Status removeTags(qint64 conversationId, const QStringList& names) const;
    // Renames a tag everywhere; renaming onto another existing tag merges the two.
    Status rename(const QString& from, const QString& to) const;
    // Takes the tag off every conversation; returns how many had it.
    Result<int> remove(const QString& name) const;

    // Trimmed and simplified; an error names what is wrong (empty, too long, a comma or a control character).
    static Result<QString> clean(const QString& name);
    static constexpr int maxNameLength = ConversationLimits::maxTagNameLength;
    static constexpr int maxTagsPerConversation = ConversationLimits::maxTagsPerConversation;

private:
    Result<qint64> idOf(const QString& cleanName) const;
    Result<qint64> ensure(const QString& cleanName) const;
    Status requireConversation(qint64 conversationId) const;

    const Database& m_db;
};

} // namespace Tessera::Core
