#pragma once

#include "chat/Conversation.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <vector>

class QSqlQuery;

namespace Tessera::Core {

class Database;

// The SQL condition (" AND c.archived = 0", or nothing for All) that narrows conversations aliased c to the scope.
QString scopeCondition(ListScope scope);

class ConversationRepository final {
public:
    ConversationRepository(const Database& db, const Clock& clock);

    Result<Conversation> create(const QString& title, std::optional<qint64> providerId, const QString& model,
                                const QString& systemPrompt = {}, qint64 ownerId = 1) const;
    // Any account's conversation: for core's own bookkeeping. Reads for a person go through get(id, ownerId).
    Result<Conversation> get(qint64 id) const;
    // The conversation when ownerId owns it; NotFound otherwise (the same answer as for an id nobody has).
    Result<Conversation> get(qint64 id, qint64 ownerId) const;
    // Adds a conversation as it was elsewhere (an import): its title, model, system prompt, times and owner are
    // kept (invalid times become now).
    Result<Conversation> restore(const Conversation& conversation) const;
    // Pinned first, then the most recently updated, with message counts and tags; deleted ones (in the trash) are
    // left out. A tag (compared without case) keeps only the conversations that have it.
    // Only ownerId's.
    Result<std::vector<Conversation>> list(ListScope scope = ListScope::Active, const QString& tag = {},
                                           qint64 ownerId = 1) const;
    // For removing an account: gives its conversations to another one, or deletes them; returns how many.
    Result<int> transferAll(qint64 fromOwner, qint64 toOwner) const;
    Result<int> removeAllOf(qint64 ownerId) const;
    Status setPinned(qint64 id, bool pinned) const;
    Status setArchived(qint64 id, bool archived) const;
    Status rename(qint64 id, const QString& title) const;
    Status setModel(qint64 id, std::optional<qint64> providerId, const QString& model) const;
    Status setSystemPrompt(qint64 id, const QString& systemPrompt) const;
    // The model asked when the conversation's own fails before any output; no provider clears it.
    Status setFallback(qint64 id, std::optional<qint64> providerId, const QString& model) const;
    // Temperature (0 to 2) and max tokens (1 to maxMaxTokens) for the conversation's requests; unset leaves them
    // to the provider.
    Status setGeneration(qint64 id, std::optional<double> temperature, std::optional<int> maxTokens) const;
    Status touch(qint64 id) const;
    // Deletes the conversation and all its messages.
    Status remove(qint64 id) const;
    // Deleting with undo: the conversation leaves the list at once and can come back until the trash is
    // emptied (which also happens when a store is opened, for a deletion a crash left behind).
    Status moveToTrash(qint64 id) const;
    Status restoreFromTrash(qint64 id) const;
    Result<int> emptyTrash() const;

    static constexpr int maxTitleLength = ConversationLimits::maxTitleLength;
    static constexpr int maxMaxTokens = ConversationLimits::maxMaxTokens;

private:
    Status setFlag(qint64 id, const char* column, bool value) const;
    Status updateOne(qint64 id, const QString& sql, QVariantList values) const;
    Result<Conversation> getInserted(QSqlQuery& query) const;

    const Database& m_db;
    const Clock& m_clock;
    const QString m_select;
};

} // namespace Tessera::Core
