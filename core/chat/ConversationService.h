#pragma once

#include "chat/Conversation.h"
#include "chat/Message.h"
#include "common/Actor.h"
#include "common/Result.h"
#include "search/SearchQuery.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;

class ConversationRepository;
class Database;
class DraftRepository;
class MessageRepository;
class ProviderRepository;
class SearchRepository;
class TagRepository;

// The one door to conversations for the screens and the CLI: listing, reading a branch, renaming, pinning,
// archiving, deleting with undo, per-conversation settings, switching versions, drafts, tags and search. Every
// call names who acts; input is checked here, in one place, and a change that touches several rows happens in
// one transaction.
class ConversationService final {
public:
    struct Dependencies {
        const Database& db;
        const ConversationRepository& conversations;
        const MessageRepository& messages;
        const DraftRepository& drafts;
        const TagRepository& tags;
        const SearchRepository& search;
        const ProviderRepository& providers;
    };
    explicit ConversationService(const Dependencies& deps);
    // Deletions are recorded here (optional).
    void setAudit(const AuditLog* audit) { m_audit = audit; }

    // Conversations
    Result<std::vector<Conversation>> list(const Actor& actor, ListScope scope = ListScope::Active,
                                           const QString& tag = {}) const;
    Result<Conversation> get(const Actor& actor, qint64 id) const;
    [[nodiscard]] Status rename(const Actor& actor, qint64 id, const QString& title) const;
    [[nodiscard]] Status setPinned(const Actor& actor, qint64 id, bool pinned) const;
    [[nodiscard]] Status setArchived(const Actor& actor, qint64 id, bool archived) const;
    // Deletes at once, with every message (the CLI's delete).
    [[nodiscard]] Status remove(const Actor& actor, qint64 id) const;
    // Deleting with undo: the conversation leaves every list at once and comes back with restoreFromTrash until
    // emptyTrash (this process's deletions, and those of processes that are gone).
    [[nodiscard]] Status moveToTrash(const Actor& actor, qint64 id) const;
    [[nodiscard]] Status restoreFromTrash(const Actor& actor, qint64 id) const;
    Result<int> emptyTrash(const Actor& actor) const;

    // Settings: system prompt, temperature, max tokens and the fallback, checked and stored together.
    Result<ConversationSettings> settings(const Actor& actor, qint64 id) const;
    [[nodiscard]] Status updateSettings(const Actor& actor, qint64 id, const ConversationSettings& settings) const;
    // The rule for system prompts every path that sets one follows (ChatService too); the one for temperature and
    // max tokens is validateGeneration (chat/Conversation.h).
    static Status validateSystemPrompt(const QString& systemPrompt);
    static constexpr qsizetype maxSystemPromptCharacters = 100'000;

    // Messages and versions
    Result<Message> message(const Actor& actor, qint64 messageId) const;
    // The branch the conversation shows, first message first.
    Result<std::vector<Message>> branch(const Actor& actor, qint64 conversationId,
                                        ImageBytes bytes = ImageBytes::Load) const;
    Result<std::vector<ImageAttachment>> images(const Actor& actor, qint64 messageId) const;
    // The versions of a message (itself and its siblings), oldest first.
    Result<std::vector<qint64>> versions(const Actor& actor, qint64 messageId) const;
    // Shows the version: the conversation's branch goes through it to its newest answer.
    [[nodiscard]] Status showVersion(const Actor& actor, qint64 messageId) const;
    // Deletes one message; its replies follow its parent.
    [[nodiscard]] Status removeMessage(const Actor& actor, qint64 messageId) const;

    // Drafts: what is typed in a conversation's composer (none: a conversation not started yet).
    Result<QString> draft(const Actor& actor, std::optional<qint64> conversationId) const;
    [[nodiscard]] Status saveDraft(const Actor& actor, std::optional<qint64> conversationId, const QString& text) const;

    // Tags
    Result<std::vector<TagUse>> tags(const Actor& actor, ListScope scope = ListScope::All) const;
    Result<QStringList> tagsOf(const Actor& actor, qint64 conversationId) const;
    [[nodiscard]] Status setTags(const Actor& actor, qint64 conversationId, const QStringList& names) const;
    [[nodiscard]] Status addTags(const Actor& actor, qint64 conversationId, const QStringList& names) const;
    [[nodiscard]] Status removeTags(const Actor& actor, qint64 conversationId, const QStringList& names) const;
    [[nodiscard]] Status renameTag(const Actor& actor, const QString& from, const QString& to) const;
    // Takes the tag off every conversation; returns how many carried it.
    Result<int> deleteTag(const Actor& actor, const QString& name) const;
    // A tag name as it is stored (trimmed, without a leading #), or why it cannot be one.
    static Result<QString> cleanTag(const QString& name);

    // Full-text search over the messages the actor may read, newest first.
    Result<std::vector<SearchHit>> search(const Actor& actor, const QString& text,
                                          const SearchOptions& options = {}) const;

private:
    // NotFound unless the actor owns the conversation.
    Status requireConversation(const Actor& actor, qint64 id) const;
    Status recordDeletion(const Actor& actor, qint64 id) const;

    Dependencies m_deps;
    const AuditLog* m_audit = nullptr;
};

} // namespace Tessera::Core
