#pragma once

#include "chat/ChatService.h"

#include <QObject>

namespace Tessera::Core {

class FeatureFlags;
class UsageLedger;
class BudgetGuard;

class ConversationRepository;
class MessageRepository;
class ProviderRepository;
class RequestRunner;
class SettingsRepository;

// Names new conversations from their first exchange when the user asked for it (setting chat.auto_title):
// after the first answer completes, the same model is asked, in one short extra request, for a title of a few
// words. A title the user changed meanwhile is never replaced; a failed request leaves the title as it was.
class TitleService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TitleService)

public:
    static inline const QString settingKey = QStringLiteral("chat.auto_title");

    TitleService(ChatService& chat, const ConversationRepository& conversations, const MessageRepository& messages,
                 const ProviderRepository& providers, const RequestRunner& runner, const SettingsRepository& settings,
                 QObject* parent = nullptr);

    // Each person's own choice (a personal setting).
    bool enabled(const Actor& actor) const;
    Status setEnabled(const Actor& actor, bool enabled) const;
    // The title as the model wrote it, made fit for the list: its first line, without quotes or a final period.
    static QString cleanTitle(const QString& answer);

    // The auto_titles flag, per conversation owner (optional).
    void setFlags(const FeatureFlags* flags) { m_flags = flags; }
    // Where each title request's usage is recorded (feature "title", the conversation owner's).
    void setLedger(const UsageLedger* ledger) { m_ledger = ledger; }
    // Title requests count against their owner's budgets and limits like answers; a refused one is skipped.
    void setBudgets(const BudgetGuard* budgets) { m_budgets = budgets; }

Q_SIGNALS:
    void titleChanged(qint64 conversationId, const QString& title);

private:
    void handleTurnFinished(const TurnOutcome& outcome);

    const ConversationRepository& m_conversations;
    const MessageRepository& m_messages;
    const ProviderRepository& m_providers;
    const RequestRunner& m_runner;
    const SettingsRepository& m_settings;
    const FeatureFlags* m_flags = nullptr;
    const UsageLedger* m_ledger = nullptr;
    const BudgetGuard* m_budgets = nullptr;
};

} // namespace Tessera::Core
