#pragma once

#include "cache/ResponseCache.h"
#include "chat/Attachments.h"
#include "chat/Message.h"
#include "common/Actor.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "providers/ProviderReply.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

namespace Tessera::Core {

class FeatureFlags;
class UsageLedger;
class BudgetGuard;
struct LedgerEntry;

class ConversationRepository;
class Database;
class MessageRepository;
class ProviderRepository;
class RequestRunner;
struct ProviderConfig;

// What ChatService works with; all must outlive it.
struct ChatDependencies {
    const Database& db;
    ProviderRepository& providers;
    ConversationRepository& conversations;
    MessageRepository& messages;
    const RequestRunner& runner;
    const Clock& clock;
    const FeatureFlags* flags = nullptr;  // attachments and the response cache per user (none: all on)
    const UsageLedger* ledger = nullptr;  // where each answer's usage is recorded (none: not recorded)
    const BudgetGuard* budgets = nullptr; // checks budgets and limits before a request leaves (none: no limits)
};

struct SendOptions {
    std::optional<qint64> conversationId; // unset: start a new conversation
    QString providerName;                 // empty: the conversation's provider, else the only/first one
    QString model;                        // empty: the conversation's model, else the provider's default
    std::optional<QString> systemPrompt;  // set: store it on the conversation before sending
    // unset: the conversation's, else the provider's default. A new conversation keeps them as its own settings (the
    // same from the app and the CLI); for an existing one they apply to this request only.
    std::optional<int> maxTokens;
    std::optional<double> temperature;
    bool stream = true;
    // set: store it as the conversation's fallback ("" clears it); the model empty means the provider's default
    std::optional<QString> fallbackProvider;
    QString fallbackModel;
    CacheMode cache = CacheMode::Default;
    bool batch = false; // batch work follows the batch cache setting
    // Leave out this many of the oldest messages of the branch, so the request fits the model's window (the user
    // agreed; the answer records it). 0 sends the whole branch, and one that does not fit is refused.
    int leaveOutOldest = 0;
    // Images sent with the prompt (checked against chat/Attachments.h) and stored with the user's message.
    std::vector<ImageAttachment> images;
    // Text files sent as context: core appends them to the prompt (withTextAttachments), when attachments are on.
    std::vector<TextAttachment> files;
    // set: the prompt is an edited version of this user message; it becomes a new branch beside it.
    std::optional<qint64> editOf;
    // Tags added to the conversation (a new one starts with them), in the same transaction as the message.
    QStringList tags;
    // set: the prompt was rendered from this template version with these values; the user's message records it.
    std::optional<TemplateUse> templateUse;
};

struct TurnStart {
    qint64 conversationId = 0;
    qint64 userMessageId = 0;
    qint64 assistantMessageId = 0;
    QString correlationId;
    QString providerName;
    QString model;
    std::vector<QuotaDetail> budgetWarnings; // soft limits this request reached, each said once per budget window

    bool operator==(const TurnStart&) const = default;
};

// The end of a turn: the assistant message as stored, and the error when it did not complete.
struct TurnOutcome {
    Message message;
    std::optional<Error> error;
    std::optional<qint64> costMicros; // what the answer cost (micro-dollars); unset when no price is known
    bool costExact = false;           // priced from the provider's own token counts (not an estimate)

    bool operator==(const TurnOutcome&) const = default;
};

// Sends prompts and keeps the store in step: the user's message is saved before the request leaves, the
// answer is written into the store while it streams, and a partial answer is kept (marked incomplete) when
// the stream fails or the user stops it. Conversations continue with their full history.
class ChatService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatService)

public:
    explicit ChatService(const ChatDependencies& deps, QObject* parent = nullptr);
    ~ChatService() override;

    static constexpr qsizetype maxPromptCharacters = 1'000'000;
    // The title a new conversation gets from its first prompt.
    static QString titleFromPrompt(const QString& prompt);
    static constexpr int storeFlushIntervalMs = 500;

    // Validates and stores the prompt, then starts the answer from the event loop (so no signal about the
    // turn is emitted before this returns). Errors here mean nothing was sent.
    Result<TurnStart> send(const Actor& actor, const QString& prompt, const SendOptions& options);
    // Answers the question of an earlier answer again; the new answer becomes a branch beside the old one. Options
    // may name another provider or model; the prompt-related ones are ignored.
    Result<TurnStart> regenerate(const Actor& actor, qint64 assistantMessageId, SendOptions options = {});
    // Stops the answer being written for the message (keeps what arrived). Returns false when none is active.
    bool stop(const Actor& actor, qint64 assistantMessageId);
    bool isAnswering(qint64 conversationId) const;
    // The text received so far for an answer being written (ahead of the store, which is written every
    // storeFlushIntervalMs); nullopt when the message is not being answered.
    std::optional<QString> liveText(qint64 assistantMessageId) const;

Q_SIGNALS:
    void turnStarted(const Tessera::Core::TurnStart& start);
    void deltaReceived(qint64 conversationId, qint64 messageId, const QString& delta);
    void turnFinished(const Tessera::Core::TurnOutcome& outcome);

private:
    struct ActiveTurn;

    // send() and regenerate(): with regenerateOf set, no user message is added and the answer follows its parent.
    Result<TurnStart> startTurn(const Actor& actor, const QString& prompt, const SendOptions& options,
                                std::optional<Message> regenerateOf);
    // auth.forbidden when the actor's role has an allowlist without the provider (or provider/model).
    static Status requireAllowedModel(const Actor& actor, const ProviderConfig& provider, const QString& model);

    Result<ProviderConfig> chooseProvider(const SendOptions& options, std::optional<qint64> conversationProvider) const;
    void begin(qint64 assistantMessageId);
    void handleDelta(qint64 assistantMessageId, const QString& delta);
    void handleReplyFinished(qint64 assistantMessageId, const ChatResult& result);
    void finishTurn(qint64 assistantMessageId, const ChatResult& result);
    // The ledger entry of a finished answer (tokens estimated with the tokenizer when the provider sent none).
    LedgerEntry ledgerEntryFor(const ActiveTurn& turn, const Message& message) const;
    void flushStreamingText();
    bool stopTurn(qint64 assistantMessageId);

    const Database& m_db;
    ProviderRepository& m_providers;
    ConversationRepository& m_conversations;
    MessageRepository& m_messages;
    const RequestRunner& m_runner;
    const FeatureFlags* m_flags;
    const UsageLedger* m_ledger;
    const BudgetGuard* m_budgets;
    const Clock& m_clock;
    QHash<qint64, std::shared_ptr<ActiveTurn>> m_active; // by assistant message id
    QTimer m_flushTimer;
};

} // namespace Tessera::Core
