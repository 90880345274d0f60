// The chat panel's accounting: what the composer would send (for the context meter), the question before a
// conversation that no longer fits the model's window is sent, and the soft-limit warnings of a request.
#include "chat/ChatPanel.h"

#include "app/CoreServices.h"
#include "chat/AttachmentStrip.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/ComposerCard.h"
#include "chat/ContextMeter.h"
#include "chat/ConversationService.h"
#include "providers/ProviderService.h"
#include "usage/PriceBook.h"
#include "usage/UsageLedger.h"
#include "widgets/ErrorBanner.h"
#include "widgets/Money.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>

namespace Tessera::Ui {

std::optional<Core::ContextInput> ChatPanel::contextInput() const {
    if (m_provider->count() == 0) {
        return std::nullopt;
    }
    auto providers = m_services.providers().list(m_actor);
    if (!providers) {
        return std::nullopt;
    }
    const auto provider = std::find_if(providers->begin(), providers->end(), [this](const Core::ProviderConfig& p) {
        return p.name == m_provider->currentText();
    });
    if (provider == providers->end()) {
        return std::nullopt;
    }
    Core::ContextInput input;
    input.provider = *provider;
    input.model = m_model->currentText().trimmed();
    if (input.model.isEmpty()) {
        input.model = provider->defaultModel;
    }
    if (m_conversationId) {
        if (auto conversation = m_services.conversations().get(m_actor, *m_conversationId)) {
            input.systemPrompt = conversation->systemPrompt;
            input.maxOutputTokens = conversation->maxTokens;
        }
    } else {
        input.systemPrompt = m_pendingSettings.systemPrompt;
        input.maxOutputTokens = m_pendingSettings.maxTokens;
    }
    // The branch as it will be sent: up to the question being edited, without failed or empty answers.
    for (const Core::Message& message : m_view->messages()) {
        if (m_editing && message.id == *m_editing) {
            break;
        }
        if (message.content.isEmpty() || message.state == Core::MessageState::Failed) {
            continue;
        }
        input.history.push_back(message.content);
    }
    input.draft = m_composer->toPlainText();
    for (const Core::TextAttachment& file : m_attachments->files()) {
        input.draft += QLatin1Char('\n') + file.content;
    }
    input.images = int(m_attachments->images().size());
    input.price = m_services.prices().priceFor(*provider, input.model, {}, QDateTime::currentDateTimeUtc());
    return input;
}

void ChatPanel::showConversationCost() {
    QLabel* label = m_card->conversationCost();
    const auto cost = m_conversationId
                          ? m_services.usage().conversationCost(m_actor, *m_conversationId)
                          : Core::Result<Core::UsageLedger::ConversationCost>(Core::UsageLedger::ConversationCost{});
    if (!cost || cost->requests == 0) {
        label->hide();
        return;
    }
    const QString total = cost->unpriced == cost->requests ? tr("unknown")
                          : cost->unpriced > 0             ? QStringLiteral("≥ ") + moneyText(cost->costMicros)
                                                           : moneyText(cost->costMicros);
    label->setText(tr("Conversation: %1").arg(total));
    label->setToolTip(tr("What this conversation has cost so far: %n request(s) to providers, answers and titles.",
                         nullptr, int(cost->requests)) +
                      (cost->unpriced > 0 ? QLatin1Char('\n') + tr("%n request(s) had no price; their cost is unknown.",
                                                                   nullptr, int(cost->unpriced))
                                          : QString()));
    label->show();
}

bool ChatPanel::fitContext(Core::SendOptions& options) {
    const auto estimate = m_meter->estimateNow();
    if (!estimate || estimate->leaveOut == 0) {
        return true;
    }
    if (estimate->leaveOut < 0) {
        Core::Error error;
        error.code = Core::ErrorCode::ContextTooLong;
        error.detail = QStringLiteral("the draft alone does not fit the model's window");
        m_banner->showError(error);
        return false;
    }
    const QString question =
        tr("This conversation is %1 tokens, more than %2's window of %3 tokens. Leave out the oldest %n message(s) "
           "and send? The answer will say what was left out.",
           nullptr, estimate->leaveOut)
            .arg(QLocale().toString(estimate->inputTokens), m_model->currentText(),
                 QLocale().toString(estimate->contextWindow));
    if (!m_askToLeaveOut || !m_askToLeaveOut(question)) {
        m_banner->showMessage(tr("Not sent: the conversation does not fit the model's window. Start a new "
                                 "conversation, or pick a model with a larger window."));
        return false;
    }
    options.leaveOutOldest = estimate->leaveOut;
    return true;
}

void ChatPanel::showBudgetWarnings(const std::vector<Core::QuotaDetail>& warnings) {
    if (warnings.empty()) {
        m_banner->hide();
        return;
    }
    QStringList lines;
    for (const Core::QuotaDetail& warning : warnings) {
        lines << budgetWarningText(warning);
    }
    m_banner->showMessage(lines.join(QLatin1Char(' ')));
    Q_EMIT budgetChanged();
}

} // namespace Tessera::Ui
