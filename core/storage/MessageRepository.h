#pragma once

#include "chat/Message.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QVariantList>

class QSqlQuery;

#include <vector>

namespace Tessera::Core {

class Database;

// The columns of a rating (message_feedback as f) in the order feedbackFromRow reads them from `first` on, and the
// stored tags (comma-separated) as a list.
QString feedbackColumns();
Feedback feedbackFromRow(const QSqlQuery& query, int first);
QStringList splitFeedbackTags(const QString& stored);

class MessageRepository final {
public:
    MessageRepository(const Database& db, const Clock& clock);

    // Inserts and returns the message with its id and timestamps (createdAt is kept when valid); its images are
    // stored with it.
    Result<Message> add(Message message) const;
    Result<Message> get(qint64 id) const;
    // Every message of the conversation, every branch, in the order written.
    Result<std::vector<Message>> listForConversation(qint64 conversationId) const;
    // The branch the conversation shows: from its first message to its current last one, each with its place
    // among its siblings.
    Result<std::vector<Message>> path(qint64 conversationId, ImageBytes bytes = ImageBytes::Load) const;
    // The branch that ends at the message (from the first message to it), with sibling places.
    Result<std::vector<Message>> pathTo(qint64 messageId, ImageBytes bytes = ImageBytes::Load) const;
    // The message's images with their bytes.
    Result<std::vector<ImageAttachment>> imagesOf(qint64 messageId) const;
    // The message the conversation's branch ends at (0 for an empty conversation).
    Result<qint64> currentLeaf(qint64 conversationId) const;
    Status setCurrentLeaf(qint64 conversationId, qint64 messageId) const;
    // The messages that follow the same parent as this one (itself included), oldest first.
    Result<std::vector<qint64>> siblings(qint64 messageId) const;
    // Where a branch that continues from this message ends: following the newest reply each time.
    Result<qint64> newestLeafUnder(qint64 messageId) const;
    // Deletes one message. Its replies then follow its parent; a branch that ended at it ends at its parent.
    Status remove(qint64 messageId) const;
    // Replaces the text of a message that is being streamed.
    Status updateContent(qint64 id, const QString& content) const;
    // How many of the oldest messages the answer's request left out to fit the model's window.
    Status setLeftOut(qint64 id, int leftOut) const;
    // Stores a rating of an answer by the account (replacing one there was); its times are kept when valid, else now.
    Status saveFeedback(const Feedback& feedback, qint64 accountId) const;
    // Writes the final state of an answer: text, state, and every recorded fact about it.
    Status finish(const Message& message) const;

private:
    Result<Message> insert(Message message) const;
    // Fills in the images and ratings of the messages from the rows (by message_id) the condition selects.
    Status loadAttached(std::vector<Message>& messages, const QString& where, const QVariantList& values,
                        ImageBytes bytes = ImageBytes::Load) const;

    const Database& m_db;
    const Clock& m_clock;
};

} // namespace Tessera::Core
