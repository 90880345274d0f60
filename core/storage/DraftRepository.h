#pragma once

#include "chat/Conversation.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QString>

namespace Tessera::Core {

class Database;

// The text being typed for each conversation (conversation 0: one not started yet), kept in the store as it is
// typed so that a restart or a crash loses nothing. Deleted with its conversation. Each account has its own (the
// draft of a conversation not started yet is per account).
class DraftRepository final {
public:
    static constexpr qint64 newConversation = ConversationLimits::newConversation;

    DraftRepository(const Database& db, const Clock& clock);

    // "" when there is no draft.
    Result<QString> load(qint64 conversationId, qint64 ownerId = 1) const;
    // Saving an empty (or blank) text removes the draft.
    Status save(qint64 conversationId, const QString& text, qint64 ownerId = 1) const;
    // Every draft of an account (when it is removed).
    Status removeAllOf(qint64 ownerId) const;

private:
    const Database& m_db;
    const Clock& m_clock;
};

} // namespace Tessera::Core
