#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "tokenizer/Tokenizer.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class ConversationRepository;
class MessageRepository;

// Which conversations become fine-tuning examples. Every condition given must hold on the branch a conversation
// shows.
struct FineTuneFilter {
    std::optional<bool> rating;          // up: an answer rated up; down: an answer rated down
    QString tag;                         // the conversation's tag, or a feedback tag of one of its answers
    QString model;                       // an answer by this model
    QString templateName;                // a question sent from this template
    QDate since;                         // updated on or after this day (UTC)
    qint64 maxTokensPerExample = 65'536; // the base model's limit for one training example
    Encoding encoding = Encoding::O200kBase;
};

// A conversation left out, and why.
struct FineTuneSkip {
    qint64 conversationId = 0;
    QString reason;
};

// What an export holds, checked the way OpenAI's data preparation guide checks a file: every example is a list of
// messages with known roles and text, ends with an answer, and fits the limit; the tokens are counted with the
// encoding (3 per message and 3 to prime the reply, as the guide counts) and the training tokens estimated with the
// guide's default epochs (3, raised for small files and lowered for large ones).
struct FineTuneSummary {
    int considered = 0; // conversations matching the filter
    int examples = 0;
    std::vector<FineTuneSkip> skipped;
    qint64 tokens = 0;
    qint64 minTokens = 0;
    qint64 maxTokens = 0;
    qint64 assistantTokens = 0; // in the answers that are learned from (weight 1)
    int downWeighted = 0;       // answers rated down, kept for context with weight 0
    int epochs = 0;
    qint64 trainingTokens = 0; // epochs × the tokens billed (each example at most the limit)
    QByteArray jsonl;          // one {"messages": […]} a line
    QString path;              // where it was written (writeFineTuning)
};

// Checks a chat-format JSONL file as OpenAI's data preparation guide does: each line a JSON object with a
// "messages" list; each message an object with a known role (system, user, assistant) and text content, and no keys
// but role, content, name and weight (0 or 1, on answers); each example with an answer, ending with one; each
// example's tokens within the limit. Returns the problems ("line 3: message 2 has no content"), none when valid.
QStringList checkFineTuneJsonl(const QByteArray& jsonl, Encoding encoding, qint64 maxTokensPerExample);

// The default epochs OpenAI's guide assumes for a file of this many examples.
int fineTuneEpochs(int examples);
// The tokens of a chat example as the guide counts them.
qint64 fineTuneExampleTokens(const std::vector<std::pair<QString, QString>>& roleAndContent, Encoding encoding);

// Builds fine-tuning data from the actor's conversations (core/prompts): each conversation's shown branch with its
// system prompt, as OpenAI chat-format JSONL. Answers that failed or are empty go with their question; answers rated
// down stay as context with "weight": 0 (unless down is what was asked for); images are left out. Needs
// data.export; writing is recorded in the audit log.
class FineTuningService final {
public:
    FineTuningService(const ConversationRepository& conversations, const MessageRepository& messages,
                      const AuditLog& audit);

    Result<FineTuneSummary> build(const Actor& actor, const FineTuneFilter& filter) const;
    // The same, written to a file (whole or not at all). Errors: export.failed.
    Result<FineTuneSummary> write(const Actor& actor, const FineTuneFilter& filter, const QString& path) const;

private:
    const ConversationRepository& m_conversations;
    const MessageRepository& m_messages;
    const AuditLog& m_audit;
};

} // namespace Tessera::Core
