#pragma once

#include "common/Actor.h"

#include "chat/ChatService.h"
#include "chat/ConversationSettingsDialog.h"
#include "prompts/PromptLibrary.h"
#include "usage/ContextEstimate.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QDialog;
class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class AttachmentStrip;
class ChatView;
class Composer;
class ComposerCard;
class ContextMeter;
class ErrorBanner;
class ModelPicker;
class PromptPalette;

// The right-hand side of the main window: the conversation, and under it, in the same readable column, the error
// banner, the attachments and the composer card (the text, attach, the provider-and-model chip with its picker,
// the conversation's settings, and send, which turns into stop while an answer is written).
class ChatPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatPanel)

public:
    ChatPanel(Core::CoreServices& services, Core::Actor actor, QWidget* parent = nullptr);

    // Shows a stored conversation, or an empty new one (nullopt).
    void showConversation(std::optional<qint64> conversationId);
    std::optional<qint64> conversationId() const { return m_conversationId; }
    void reloadProviders();
    void focusComposer();
    // Edits the shown conversation's system prompt and fallback model (kept for the first message of a new one).
    QDialog* openConversationSettings();
    // The settings the next message will use: the shown conversation's, or those chosen for a new one.
    ConversationSettings conversationSettings() const;
    // Tags a new conversation starts with when its first message is sent (the window passes the tag it filters
    // the list by, so the new conversation shows up there).
    void setNewConversationTags(const QStringList& tags) { m_newConversationTags = tags; }
    QStringList newConversationTags() const { return m_newConversationTags; }
    // Attaches images to the next message (files are checked and, when too large, scaled down); problems are
    // shown in the error banner and the rest are attached.
    void attachFiles(const QStringList& paths);
    // What the signed-in person may do here (their role's chat permission, the attachments flag). Without chat the
    // conversations stay readable and the message box says why it is closed; without attachments the attach button
    // is greyed and dropped or pasted files are refused with the reason. Core refuses both on its own as well.
    void setAccess(bool mayChat, bool mayAttach);
    bool mayChat() const { return m_mayChat; }
    bool mayAttach() const { return m_mayAttach; }
    // The providers, and the current provider's models, offered to choose from (the role's allowlist applied).
    QStringList offeredProviders() const;
    QStringList offeredModels() const;
    void attachPicture(const QImage& picture);
    AttachmentStrip* attachments() const { return m_attachments; }
    ContextMeter* contextMeter() const { return m_meter; }
    // Asks the user (yes or no) whether to leave out the oldest messages of a conversation that no longer fits the
    // model's window; without it such a conversation is not sent.
    void setLeaveOutQuestion(std::function<bool(const QString&)> ask) { m_askToLeaveOut = std::move(ask); }

    // Branches: answer a question again, or edit a question and send it as a new version (the earlier versions
    // stay, reachable with "‹ ›" on the message).
    void regenerate(qint64 assistantMessageId);
    void regenerateLast();
    void beginEdit(qint64 userMessageId);
    void editLast();
    void cancelEdit();
    std::optional<qint64> editing() const { return m_editing; }
    void switchVersion(qint64 messageId, int step);
    // Feedback on an answer (ChatPanelFeedback.cpp): a thumb rates it (the same thumb again takes the rating back;
    // a bad rating then asks what was wrong), openFeedback edits the rating, its tags and comment. The *Last forms
    // act on the newest answer shown (Message ▸ Rate).
    void rate(qint64 messageId, bool positive);
    QDialog* openFeedback(qint64 messageId);
    void rateLast(bool positive);
    QDialog* openFeedbackOnLast();
    // Templates (ChatPanelPrompts.cpp): the palette "/" opens in an empty message, and a chosen template's values
    // asked (the dialog returned; none when it has no variables) and its text put in the composer. The message sent
    // from it records the template version and values.
    PromptPalette* promptPalette();
    void openPromptPalette();
    QDialog* useTemplate(const QString& name);
    // The template the composer's text came from (until it is sent or emptied).
    const std::optional<Core::RenderedPrompt>& pendingTemplate() const { return m_template; }
    // Deletes one message (its replies stay, following its parent). The window asks for confirmation first.
    void deleteMessage(qint64 messageId);

    // Writes what is typed to the store now (it is also written shortly after each change, and before another
    // conversation is shown), so it survives a restart or a crash.
    void saveDraft();
    // Copies the last fenced code block of the conversation shown; false when there is none.
    bool copyLastCodeBlock();
    static constexpr int draftDelayMs = 400;

    ChatView* chatView() const { return m_view; }
    Composer* composer() const { return m_composer; }
    ErrorBanner* errorBanner() const { return m_banner; }
    // The provider-and-model picker (made when first asked for).
    ModelPicker* modelPicker();
    // Opens the provider-and-model picker over the composer (Ctrl+Shift+M).
    void openModelPicker();

Q_SIGNALS:
    // A conversation was created, answered or changed: the list should refresh (and select id).
    void conversationsChanged(qint64 conversationId);
    // The user asked to pick image files (the window asks which, through its dialogs).
    void attachRequested();
    // The user asked to delete a message (the window confirms, then calls deleteMessage).
    void deleteRequested(qint64 messageId);
    // The model chip was pressed with no provider configured.
    void addProviderRequested();
    // An answer started or ended: where the user stands against their budgets may have changed.
    void budgetChanged();

private:
    void handleSend();
    void handleStop();
    // What the composer would send now, for the context meter (ChatPanelBudget.cpp).
    std::optional<Core::ContextInput> contextInput() const;
    // Before sending: when the conversation does not fit the model's window, asks whether to leave out the oldest
    // messages (and sets options to do so); false when it is not to be sent.
    bool fitContext(Core::SendOptions& options);
    // The conversation's total cost so far, beside the composer's count (hidden when nothing was spent).
    void showConversationCost();
    // Soft limits the request reached, in the banner (hidden when none).
    void showBudgetWarnings(const std::vector<Core::QuotaDetail>& warnings);
    void handleDelta(qint64 conversationId, qint64 messageId, const QString& delta);
    void handleTurnFinished(const Core::TurnOutcome& outcome);
    void handleProviderChanged();
    void updateButtons();
    void updateModelChip();
    void fillModelPicker();
    void selectProviderAndModel(const QString& providerName, const QString& model);
    void applyConversationSettings(const ConversationSettings& settings);
    void showFallback();
    bool addAttachment(const Core::Result<Core::ImageAttachment>& image);
    // The models of the provider the actor's role allows out of those listed (the role's own list when it names
    // single models).
    QStringList allowedModels(const QString& provider, const QStringList& models) const;
    // Why chatting or attaching is refused here (see setAccess).
    Core::Error refusal() const;
    void copyMessage(qint64 messageId);
    void insertTemplate(const Core::RenderedPrompt& rendered);
    void applyTemplate(Core::SendOptions& options) const;
    void templateSent();
    bool saveFeedback(qint64 messageId, bool positive, const QStringList& tags, const QString& comment);
    bool clearFeedback(qint64 messageId);
    // Refuses (with a message) while the shown conversation is being answered.
    bool canChangeConversation();
    std::optional<qint64> lastMessageWithRole(Core::Role role) const;

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    bool m_mayChat = true;
    bool m_mayAttach = true;
    bool m_accessShown = false;
    QString m_attachTip; // the attach button's own tooltip, for when attachments come back
    std::optional<qint64> m_conversationId;
    std::optional<qint64> m_answeringMessageId; // in the shown conversation
    QHash<QString, QStringList> m_modelCache;   // provider name -> models listed this session
    QComboBox* m_provider;
    QComboBox* m_model;
    QSet<QString> m_listing; // providers whose model list is being fetched
    ModelPicker* m_picker = nullptr;
    QLabel* m_editNotice;
    std::optional<qint64> m_editing; // the question being edited
    QTimer* m_draftTimer;
    bool m_loadingDraft = false;
    ConversationSettings m_pendingSettings; // for a conversation not yet started
    QStringList m_newConversationTags;      // likewise
    ErrorBanner* m_banner;
    ChatView* m_view;
    ComposerCard* m_card;
    Composer* m_composer; // the card's
    AttachmentStrip* m_attachments;
    ContextMeter* m_meter;
    std::function<bool(const QString&)> m_askToLeaveOut;
    PromptPalette* m_palette = nullptr;
    bool m_choosingTemplate = false;
    std::optional<Core::RenderedPrompt> m_template;
};

} // namespace Tessera::Ui
