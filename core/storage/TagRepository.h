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
// long as a conversation uses it. Tags belong to an account (the owner of the conversations they are on): two
// people's tags of the same name are two tags.
class TagRepository final {
public:
    explicit TagRepository(const Database& db);

    // Every tag in use, by name (case-insensitive), with how many conversations carry it: of those in the list,
    // the archived ones, or all (deleted ones never count; a tag no conversation of the scope carries is left out).
    Result<std::vector<TagUse>> list(ListScope scope = ListScope::All, qint64 ownerId = 1) const;
    // The conversation's tags, by name.
    Result<QStringList> tagsOf(qint64 conversationId) const;
    // Replaces the conversation's tags (names are cleaned; duplicates collapse; an existing tag keeps its spelling).
    Status setTags(qint64 conversationId, const QStringList& names) const;
    Status addTags(qint64 conversationId, const QStringList& names) const;
    Status removeTags(qint64 conversationId, const QStringList& names) const;
    // Renames one of ownerId's tags on all their conversations; renaming onto another existing tag merges the two.
    Status rename(const QString& from, const QString& to, qint64 ownerId = 1) const;
    // Takes one of ownerId's tags off every conversation of theirs; returns how many had it.
    Result<int> remove(const QString& name, qint64 ownerId = 1) const;
    // After conversations moved from one account to another: their tags become the new owner's (merged by name).
    Status transferAll(qint64 fromOwner, qint64 toOwner) const;

    // Trimmed and simplified; an error names what is wrong (empty, too long, a comma or a control character).
    static Result<QString> clean(const QString& name);
    static constexpr int maxNameLength = ConversationLimits::maxTagNameLength;
    static constexpr int maxTagsPerConversation = ConversationLimits::maxTagsPerConversation;

private:
    Result<qint64> idOf(const QString& cleanName, qint64 ownerId) const;
    Result<qint64> ensure(const QString& cleanName, qint64 ownerId) const;
    // The conversation's owner; NotFound when there is no such conversation (or it is in the trash).
    Result<qint64> ownerOf(qint64 conversationId) const;

    const Database& m_db;
};

} // namespace Tessera::Core
