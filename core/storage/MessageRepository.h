#pragma once

#include "chat/Message.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QVariantList>

#include <vector>

namespace Tessera::Core {

class Database;

class MessageRepository final {
public:
    MessageRepository(const Database& db, const Clock& clock);

    // Inserts and returns the message with its id and timestamps; its images are stored with it.
    Result<Message> add(Message message) const;
    Result<Message> get(qint64 id) const;
    // In conversation order.
    Result<std::vector<Message>> listForConversation(qint64 conversationId) const;
    // Replaces the text of a message that is being streamed.
    Status updateContent(qint64 id, const QString& content) const;
    // Writes the final state of an answer: text, state, and every recorded fact about it.
    Status finish(const Message& message) const;

private:
    Result<Message> insert(Message message) const;
    // Fills in the images of the messages from the rows the condition selects.
    Status loadImages(std::vector<Message>& messages, const QString& where, const QVariantList& values) const;

    const Database& m_db;
    const Clock& m_clock;
};

} // namespace Tessera::Core
