#pragma once

#include "chat/Conversation.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QString>

namespace Tessera::Core {

class Database;

// The text being typed for each conversation (conversation 0: one not started yet), kept in the store as it is
// typed so that a restart or a crash loses nothing. Deleted with its conversation.
class DraftRepository final {
public:
    static constexpr qint64 newConversation = ConversationLimits::newConversation;

    DraftRepository(const Database& db, const Clock& clock);

    // "" when there is no draft.
    Result<QString> load(qint64 conversationId) const;
    // Saving an empty (or blank) text removes the draft.
    Status save(qint64 conversationId, const QString& text) const;

private:
    const Database& m_db;
    const Clock& m_clock;
};

} // namespace Tessera::Core
