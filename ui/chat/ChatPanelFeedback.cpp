// The chat panel's feedback on answers: the thumbs under an answer, More ▸ Feedback, and Message ▸ Rate (the newest
// answer, from the keyboard). Core stores the rating and decides who may rate; the view shows it on the message.
#include "chat/ChatPanel.h"

#include "app/CoreServices.h"
#include "chat/ChatView.h"
#include "chat/FeedbackDialog.h"
#include "chat/MessageWidget.h"
#include "prompts/Feedback.h"
#include "widgets/ErrorBanner.h"

namespace Tessera::Ui {

namespace {

std::optional<Core::Feedback> feedbackOf(const ChatView& view, qint64 messageId) {
    for (const Core::Message& message : view.messages()) {
        if (message.id == messageId) {
            return message.feedback;
        }
    }
    return std::nullopt;
}

} // namespace

bool ChatPanel::saveFeedback(qint64 messageId, bool positive, const QStringList& tags, const QString& comment) {
    auto saved = m_services.feedback().set(m_actor, messageId, positive, tags, comment);
    if (!saved) {
        m_banner->showError(saved.error());
        return false;
    }
    m_view->setFeedback(messageId, *saved);
    return true;
}

bool ChatPanel::clearFeedback(qint64 messageId) {
    if (auto cleared = m_services.feedback().clear(m_actor, messageId); !cleared) {
        m_banner->showError(cleared.error());
        return false;
    }
    m_view->setFeedback(messageId, std::nullopt);
    return true;
}

void ChatPanel::rate(qint64 messageId, bool positive) {
    const std::optional<Core::Feedback> current = feedbackOf(*m_view, messageId);
    if (current && current->positive == positive) {
        clearFeedback(messageId); // the same thumb again takes the rating back
        return;
    }
    // A new rating keeps what was said with the old one; a bad one then asks what was wrong (optional).
    const QStringList tags = current ? current->tags : QStringList();
    const QString comment = current ? current->comment : QString();
    if (saveFeedback(messageId, positive, tags, comment) && !positive) {
        openFeedback(messageId);
    }
}

QDialog* ChatPanel::openFeedback(qint64 messageId) {
    auto tags = m_services.feedback().tags();
    if (!tags) {
        m_banner->showError(tags.error());
        return nullptr;
    }
    const std::optional<Core::Feedback> current = feedbackOf(*m_view, messageId);
    auto* dialog = new FeedbackDialog(current, current ? current->positive : true, *tags, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, messageId] {
        if (dialog->removeRequested()) {
            clearFeedback(messageId);
        } else {
            saveFeedback(messageId, dialog->positive(), dialog->chosenTags(), dialog->comment());
        }
    });
    dialog->open();
    return dialog;
}

void ChatPanel::rateLast(bool positive) {
    if (const auto last = lastMessageWithRole(Core::Role::Assistant)) {
        rate(*last, positive);
    }
}

QDialog* ChatPanel::openFeedbackOnLast() {
    const auto last = lastMessageWithRole(Core::Role::Assistant);
    return last ? openFeedback(*last) : nullptr;
}

} // namespace Tessera::Ui
