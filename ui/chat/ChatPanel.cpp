#include "chat/ChatPanel.h"

#include "app/CoreServices.h"
#include "chat/AttachmentStrip.h"
#include "chat/Attachments.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/ConversationService.h"
#include "chat/ImageImport.h"
#include "chat/MessageWidget.h"
#include "chat/ModelPicker.h"
#include "providers/ProviderService.h"
#include "providers/RequestRunner.h"
#include "style/Icons.h"
#include "style/Theme.h"
#include "widgets/ErrorBanner.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QStyle>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

ChatPanel::ChatPanel(Core::CoreServices& services, Core::Actor actor, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_provider(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_modelChip(new QToolButton(this))
    , m_picker(new ModelPicker(this))
    , m_settingsButton(new QToolButton(this))
    , m_fallback(new QLabel(this))
    , m_editNotice(new QLabel(this))
    , m_draftTimer(new QTimer(this))
    , m_banner(new ErrorBanner(this))
    , m_view(new ChatView(this))
    , m_composer(new Composer(this))
    , m_attachments(new AttachmentStrip(this))
    , m_attach(new QToolButton(this))
    , m_send(new QPushButton(this))
    , m_stop(new QPushButton(this))
    , m_composerCard(new QFrame(this)) {
    // The provider and model chosen: kept in two combo boxes (the picker and the chip show and change them).
    m_provider->setObjectName(QStringLiteral("providerPicker"));
    m_provider->setAccessibleName(tr("Provider"));
    m_provider->hide();
    m_model->setObjectName(QStringLiteral("modelPicker"));
    m_model->setAccessibleName(tr("Model"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->hide();
    m_modelChip->setObjectName(QStringLiteral("modelChip"));
    m_modelChip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_modelChip->setLayoutDirection(Qt::RightToLeft); // the chevron after the name
    m_modelChip->setToolTip(tr("Choose the provider and model (Ctrl+Shift+M)"));
    m_modelChip->setAccessibleName(tr("Provider and model"));
    m_modelChip->setFocusPolicy(Qt::StrongFocus);
    m_settingsButton->setObjectName(QStringLiteral("conversationSettingsButton"));
    m_settingsButton->setToolTip(tr("System prompt and fallback model of this conversation (Ctrl+Shift+,)"));
    m_settingsButton->setAccessibleName(tr("Conversation settings"));
    m_fallback->setObjectName(QStringLiteral("fallbackLabel"));
    m_fallback->setTextFormat(Qt::PlainText);
    m_fallback->setForegroundRole(QPalette::PlaceholderText);
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setToolTip(tr("Attach images or text files to the message (Ctrl+Shift+A); you can also paste or "
                            "drop them"));
    m_attach->setAccessibleName(tr("Attach files"));
    m_editNotice->setObjectName(QStringLiteral("editNotice"));
    m_editNotice->setText(tr("Editing an earlier question: Send makes it a new version, Esc cancels."));
    m_editNotice->setWordWrap(true);
    m_editNotice->hide();
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_send->setAccessibleName(tr("Send"));
    m_send->setAutoDefault(false);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setToolTip(tr("Stop the answer (Esc)"));
    m_stop->setAccessibleName(tr("Stop"));
    m_stop->setAutoDefault(false);
    for (QPushButton* button : {m_send, m_stop}) {
        button->setFixedSize(34, 34);
        button->setIconSize(QSize(Style::iconSize + 2, Style::iconSize + 2));
        button->setCursor(Qt::PointingHandCursor);
    }
    m_composer->setFrameShape(QFrame::NoFrame);
    m_composer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_composerCard->setObjectName(QStringLiteral("composerCard"));
    m_composerCard->setAttribute(Qt::WA_StyledBackground);

    // The composer: one rounded card with the text, and under it attach, the model chip, the conversation's
    // settings and send (stop while an answer is written).
    auto* tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->setSpacing(Style::Space::half);
    tools->addWidget(m_attach);
    tools->addWidget(m_modelChip);
    tools->addWidget(m_fallback);
    tools->addStretch(1);
    tools->addWidget(m_settingsButton);
    tools->addWidget(m_send);
    tools->addWidget(m_stop);
    auto* card = new QVBoxLayout(m_composerCard);
    card->setContentsMargins(Style::Space::two - 4, Style::Space::one, Style::Space::one, Style::Space::one);
    card->setSpacing(Style::Space::half);
    card->addWidget(m_composer);
    card->addLayout(tools);

    // Under the conversation, in the same readable column: attachments, the edit notice and the composer.
    auto* bottom = new QWidget(this);
    bottom->setObjectName(QStringLiteral("composerColumn"));
    bottom->setMaximumWidth(Style::readableWidth + 2 * Style::Space::three);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(Style::Space::three, 0, Style::Space::three, Style::Space::two);
    bottomLayout->setSpacing(Style::Space::one);
    bottomLayout->addWidget(m_banner);
    bottomLayout->addWidget(m_attachments);
    bottomLayout->addWidget(m_editNotice);
    bottomLayout->addWidget(m_composerCard);
    auto* centre = new QHBoxLayout;
    centre->setContentsMargins(0, 0, 0, 0);
    centre->addStretch(0);
    centre->addWidget(bottom, 1);
    centre->addStretch(0);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addLayout(centre);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    applyStyle();
    updateComposerHeight();

    connect(m_composer->document(), &QTextDocument::contentsChanged, this, &ChatPanel::updateComposerHeight);
    connect(m_modelChip, &QToolButton::clicked, this, &ChatPanel::openModelPicker);
    connect(m_picker, &ModelPicker::chosen, this, [this](const QString& provider, const QString& model) {
        selectProviderAndModel(provider, model);
        m_composer->setFocus(Qt::OtherFocusReason);
    });
    connect(m_picker, &ModelPicker::reloadRequested, this, [this] {
        m_modelCache.clear();
        handleProviderChanged();
        openModelPicker();
    });
    connect(m_model, &QComboBox::currentTextChanged, this, &ChatPanel::updateModelChip);
    auto* pickShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), this);
    pickShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(pickShortcut, &QShortcut::activated, this, &ChatPanel::openModelPicker);

    connect(m_send, &QPushButton::clicked, this, &ChatPanel::handleSend);
    connect(m_stop, &QPushButton::clicked, this, &ChatPanel::handleStop);
    connect(m_composer, &Composer::sendRequested, this, &ChatPanel::handleSend);
    connect(m_composer, &Composer::stopRequested, this, &ChatPanel::handleStop);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &ChatPanel::handleProviderChanged);
    connect(m_settingsButton, &QToolButton::clicked, this, &ChatPanel::openConversationSettings);
    connect(m_attach, &QToolButton::clicked, this, &ChatPanel::attachRequested);
    connect(m_composer, &Composer::filesInserted, this, &ChatPanel::attachFiles);
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(draftDelayMs);
    connect(m_draftTimer, &QTimer::timeout, this, &ChatPanel::saveDraft);
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loadingDraft && !m_editing) {
            m_draftTimer->start();
        }
    });
    m_view->setImageLoader([this](qint64 messageId) {
        auto images = m_services.conversations().images(m_actor, messageId);
        if (!images) {
            m_banner->showError(images.error()); // the message shows without its pictures
            return std::vector<Core::ImageAttachment>();
        }
        return std::move(*images);
    });
    connect(m_view, &ChatView::copyRequested, this, &ChatPanel::copyMessage);
    connect(m_view, &ChatView::editRequested, this, &ChatPanel::beginEdit);
    connect(m_view, &ChatView::regenerateRequested, this, &ChatPanel::regenerate);
    connect(m_view, &ChatView::deleteRequested, this, &ChatPanel::deleteRequested);
    connect(m_view, &ChatView::versionRequested, this, &ChatPanel::switchVersion);
    connect(m_composer, &Composer::pictureInserted, this, &ChatPanel::attachPicture);
    auto* stopShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    stopShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(stopShortcut, &QShortcut::activated, this, &ChatPanel::handleStop);

    Core::ChatService& chat = m_services.chat();
    connect(&chat, &Core::ChatService::deltaReceived, this, &ChatPanel::handleDelta);
    connect(&chat, &Core::ChatService::turnFinished, this, &ChatPanel::handleTurnFinished);

    reloadProviders();
    updateButtons();
}

void ChatPanel::focusComposer() {
    m_composer->setFocus(Qt::OtherFocusReason);
}

void ChatPanel::reloadProviders() {
    const QString current = m_provider->currentText();
    const QSignalBlocker blocker(m_provider);
    m_provider->clear();
    if (auto providers = m_services.providers().list(m_actor)) {
        for (const auto& provider : *providers) {
            m_provider->addItem(provider.name, provider.id);
        }
    }
    const int index = m_provider->findText(current);
    m_provider->setCurrentIndex(index >= 0 ? index : 0);
    handleProviderChanged();
    updateModelChip();
}

void ChatPanel::selectProviderAndModel(const QString& providerName, const QString& model) {
    const int index = m_provider->findText(providerName);
    if (index >= 0 && index != m_provider->currentIndex()) {
        m_provider->setCurrentIndex(index); // fills the model list
    }
    if (!model.isEmpty()) {
        m_model->setCurrentText(model);
    }
}

void ChatPanel::handleProviderChanged() {
    const QString name = m_provider->currentText();
    auto provider = m_services.providers().find(m_actor, name);
    const QString previous = m_model->currentText();
    m_model->clear();
    if (!provider) {
        return;
    }
    QStringList models = m_modelCache.value(name);
    if (!provider->defaultModel.isEmpty() && !models.contains(provider->defaultModel)) {
        models.prepend(provider->defaultModel);
    }
    m_model->addItems(models);
    m_model->setCurrentText(provider->defaultModel.isEmpty() ? previous : provider->defaultModel);
    if (m_modelCache.contains(name)) {
        return;
    }
    // Fill the list from the provider in the background; the user can type a model meanwhile.
    QPointer<ChatPanel> self(this);
    const Core::ProviderConfig config = *provider;
    m_services.runner().listModels(config, std::nullopt, this,
                                   [self, name = config.name](const Core::ModelListing& listing) {
                                       if (!self || !listing.models) {
                                           return;
                                       }
                                       const QStringList& listed = *listing.models;
                                       self->m_modelCache.insert(name, listed);
                                       if (self->m_provider->currentText() != name) {
                                           return;
                                       }
                                       const QString chosen = self->m_model->currentText();
                                       for (const QString& model : listed) {
                                           if (self->m_model->findText(model) < 0) {
                                               self->m_model->addItem(model);
                                           }
                                       }
                                       self->m_model->setCurrentText(chosen);
                                   });
}

void ChatPanel::saveDraft() {
    m_draftTimer->stop();
    if (m_editing) {
        return; // an edit of an earlier question is not a draft
    }
    if (auto saved = m_services.conversations().saveDraft(m_actor, m_conversationId, m_composer->toPlainText());
        !saved) {
        m_banner->showError(saved.error());
    }
}

void ChatPanel::showConversation(std::optional<qint64> conversationId) {
    if (m_draftTimer->isActive()) {
        saveDraft(); // the one being left
    }
    if (m_editing) {
        cancelEdit();
    }
    m_conversationId = conversationId;
    {
        // The draft of the conversation shown (or of a new one).
        const QSignalBlocker blocker(m_draftTimer);
        m_loadingDraft = true;
        auto draft = m_services.conversations().draft(m_actor, conversationId);
        m_composer->setPlainText(draft.value_or(QString()));
        m_composer->moveCursor(QTextCursor::End);
        m_loadingDraft = false;
    }
    m_answeringMessageId.reset();
    m_pendingSettings = {};
    m_editing.reset();
    m_editNotice->hide();
    m_banner->hide();
    showFallback();
    if (!conversationId) {
        m_view->clear();
        updateButtons();
        return;
    }
    auto conversation = m_services.conversations().get(m_actor, *conversationId);
    // The images' bytes are read as their messages get widgets (ChatView's image loader).
    auto messages = m_services.conversations().branch(m_actor, *conversationId, Core::ImageBytes::Later);
    if (!conversation || !messages) {
        m_banner->showError(conversation ? messages.error() : conversation.error());
        m_view->clear();
        updateButtons();
        return;
    }
    for (Core::Message& message : *messages) {
        if (message.state == Core::MessageState::Streaming) {
            // Still being written: show everything received, not just what reached the store.
            if (auto live = m_services.chat().liveText(message.id)) {
                message.content = *live;
            }
        }
    }
    m_view->setMessages(*messages);
    if (conversation->providerId) {
        if (auto provider = m_services.providers().findById(m_actor, *conversation->providerId)) {
            selectProviderAndModel(provider->name, conversation->model);
        }
    }
    for (auto it = messages->rbegin(); it != messages->rend(); ++it) {
        if (it->role == Core::Role::Assistant) {
            if (it->state == Core::MessageState::Streaming) {
                m_answeringMessageId = it->id;
            }
            break;
        }
    }
    updateButtons();
}

void ChatPanel::handleSend() {
    const QString prompt = Core::withTextAttachments(m_composer->toPlainText(), m_attachments->files());
    if (prompt.trimmed().isEmpty() || m_answeringMessageId) {
        return;
    }
    if (m_provider->count() == 0) {
        m_banner->showMessage(tr("Add a provider first (Providers ▸ Add Provider…)."));
        return;
    }
    Core::SendOptions options;
    options.conversationId = m_conversationId;
    options.providerName = m_provider->currentText();
    options.model = m_model->currentText().trimmed();
    options.images = m_attachments->images();
    options.editOf = m_editing;
    if (!m_conversationId) {
        // A new conversation starts with the settings chosen for it.
        if (!m_pendingSettings.systemPrompt.isEmpty()) {
            options.systemPrompt = m_pendingSettings.systemPrompt;
        }
        if (m_pendingSettings.fallbackProviderId) {
            options.fallbackProvider = m_pendingSettings.fallbackProviderName;
            options.fallbackModel = m_pendingSettings.fallbackModel;
        }
        options.temperature = m_pendingSettings.temperature;
        options.maxTokens = m_pendingSettings.maxTokens;
        options.tags = m_newConversationTags;
    }
    auto started = m_services.chat().send(m_actor, prompt, options);
    if (!started) {
        m_banner->showError(started.error());
        return; // the draft stays in the composer
    }
    m_banner->hide();
    if (!m_editing) {
        // Sent: the draft it came from is done.
        if (auto cleared = m_services.conversations().saveDraft(m_actor, m_conversationId, QString()); !cleared) {
            m_banner->showError(cleared.error());
        }
    }
    m_loadingDraft = true;
    m_composer->clear();
    m_loadingDraft = false;
    m_attachments->clear();
    m_pendingSettings = {};
    m_newConversationTags.clear();
    if (m_editing) {
        // A new version of an earlier question: show the branch it starts.
        showConversation(started->conversationId);
        Q_EMIT conversationsChanged(started->conversationId);
        return;
    }
    const bool newConversation = m_conversationId != started->conversationId;
    m_conversationId = started->conversationId;
    if (newConversation) {
        m_view->clear();
    }
    if (auto user = m_services.conversations().message(m_actor, started->userMessageId)) {
        m_view->appendMessage(*user);
    }
    if (auto assistant = m_services.conversations().message(m_actor, started->assistantMessageId)) {
        m_view->appendMessage(*assistant);
    }
    m_answeringMessageId = started->assistantMessageId;
    updateButtons();
    Q_EMIT conversationsChanged(started->conversationId);
}

void ChatPanel::handleStop() {
    if (m_answeringMessageId) {
        m_services.chat().stop(m_actor, *m_answeringMessageId);
    } else if (m_editing) {
        cancelEdit();
    }
}

bool ChatPanel::canChangeConversation() {
    if (m_answeringMessageId) {
        m_banner->showMessage(tr("Stop the answer being written first (Esc)."));
        return false;
    }
    return true;
}

std::optional<qint64> ChatPanel::lastMessageWithRole(Core::Role role) const {
    for (int i = m_view->messageCount() - 1; i >= 0; --i) {
        if (m_view->messageAt(i)->message().role == role) {
            return m_view->messageAt(i)->messageId();
        }
    }
    return std::nullopt;
}

void ChatPanel::copyMessage(qint64 messageId) {
    if (MessageWidget* widget = m_view->messageById(messageId)) {
        QApplication::clipboard()->setText(widget->bodyText());
    }
}

bool ChatPanel::copyLastCodeBlock() {
    // ``` or ~~~ fences, with an optional language; the closing fence matches the opening one.
    static const QRegularExpression fence(QStringLiteral("(?:^|\\n)(```|~~~)[^\\n]*\\n(.*?)\\n\\1"),
                                          QRegularExpression::DotMatchesEverythingOption);
    const std::vector<Core::Message>& messages = m_view->messages();
    for (auto message = messages.rbegin(); message != messages.rend(); ++message) {
        // The widget's text is ahead of the record while an answer streams.
        const MessageWidget* widget = m_view->messageById(message->id);
        QString last;
        for (auto it = fence.globalMatch(widget ? widget->bodyText() : message->content); it.hasNext();) {
            last = it.next().captured(2);
        }
        if (!last.isNull()) {
            QApplication::clipboard()->setText(last);
            return true;
        }
    }
    return false;
}

void ChatPanel::regenerate(qint64 assistantMessageId) {
    if (!m_conversationId || !canChangeConversation()) {
        return;
    }
    Core::SendOptions options;
    options.providerName = m_provider->currentText();
    options.model = m_model->currentText().trimmed();
    auto started = m_services.chat().regenerate(m_actor, assistantMessageId, options);
    if (!started) {
        m_banner->showError(started.error());
        return;
    }
    m_banner->hide();
    cancelEdit();
    showConversation(started->conversationId);
    Q_EMIT conversationsChanged(started->conversationId);
}

void ChatPanel::regenerateLast() {
    if (const auto last = lastMessageWithRole(Core::Role::Assistant)) {
        regenerate(*last);
    }
}

void ChatPanel::beginEdit(qint64 userMessageId) {
    if (!canChangeConversation()) {
        return;
    }
    auto message = m_services.conversations().message(m_actor, userMessageId);
    if (!message) {
        m_banner->showError(message.error());
        return;
    }
    if (!m_editing) {
        saveDraft(); // what was being typed comes back when the edit is done
    }
    m_editing = userMessageId;
    m_composer->setPlainText(message->content);
    m_attachments->clear();
    for (const Core::ImageAttachment& image : message->images) {
        m_attachments->add(image);
    }
    m_editNotice->show();
    focusComposer();
    m_composer->selectAll();
}

void ChatPanel::editLast() {
    if (const auto last = lastMessageWithRole(Core::Role::User)) {
        beginEdit(*last);
    }
}

void ChatPanel::cancelEdit() {
    if (!m_editing) {
        return;
    }
    m_editing.reset();
    m_editNotice->hide();
    m_attachments->clear();
    const QSignalBlocker blocker(m_draftTimer);
    m_loadingDraft = true;
    m_composer->setPlainText(m_services.conversations().draft(m_actor, m_conversationId).value_or(QString()));
    m_loadingDraft = false;
}

void ChatPanel::switchVersion(qint64 messageId, int step) {
    if (!m_conversationId || !canChangeConversation()) {
        return;
    }
    auto siblings = m_services.conversations().versions(m_actor, messageId);
    if (!siblings) {
        m_banner->showError(siblings.error());
        return;
    }
    const auto at = std::find(siblings->begin(), siblings->end(), messageId);
    const qsizetype index = (at - siblings->begin()) + step;
    if (at == siblings->end() || index < 0 || index >= qsizetype(siblings->size())) {
        return;
    }
    const qint64 target = (*siblings)[std::size_t(index)];
    if (auto set = m_services.conversations().showVersion(m_actor, target); !set) {
        m_banner->showError(set.error());
        return;
    }
    const qint64 conversation = *m_conversationId;
    showConversation(conversation);
    m_view->scrollToMessage(target);
}

void ChatPanel::deleteMessage(qint64 messageId) {
    if (!m_conversationId || !canChangeConversation()) {
        return;
    }
    if (auto removed = m_services.conversations().removeMessage(m_actor, messageId); !removed) {
        m_banner->showError(removed.error());
        return;
    }
    const qint64 conversation = *m_conversationId;
    showConversation(conversation);
    Q_EMIT conversationsChanged(conversation);
}

void ChatPanel::handleDelta(qint64 conversationId, qint64 messageId, const QString& delta) {
    if (m_conversationId == conversationId) {
        m_view->appendDelta(messageId, delta);
    }
}

void ChatPanel::handleTurnFinished(const Core::TurnOutcome& outcome) {
    const Core::Message& message = outcome.message;
    if (m_conversationId == message.conversationId) {
        auto stored = m_services.conversations().message(m_actor, message.id);
        m_view->finishMessage(stored ? *stored : message);
        if (m_answeringMessageId == message.id) {
            m_answeringMessageId.reset();
        }
        if (outcome.error && outcome.error->code != Core::ErrorCode::Cancelled) {
            // Retry answers the same question again; the failed answer stays as a version.
            m_banner->showError(*outcome.error, [this, id = message.id] { regenerate(id); });
        }
        updateButtons();
    }
    Q_EMIT conversationsChanged(message.conversationId);
}

bool ChatPanel::addAttachment(const Core::Result<Core::ImageAttachment>& image) {
    if (!image) {
        m_banner->showError(image.error());
        return false;
    }
    if (m_attachments->images().size() >= std::size_t(Core::ImageLimits::maxPerMessage)) {
        m_banner->showError(
            Core::makeError(Core::ErrorCode::AttachmentTooLarge,
                            QStringLiteral("more than %1 images").arg(Core::ImageLimits::maxPerMessage)));
        return false;
    }
    m_attachments->add(*image);
    return true;
}

void ChatPanel::attachFiles(const QStringList& paths) {
    m_banner->hide();
    for (const QString& path : paths) {
        // Images by their content; anything else must be text.
        QFile file(path);
        const QByteArray head = file.open(QIODevice::ReadOnly) ? file.read(16) : QByteArray();
        if (Core::sniffImageType(head)) {
            if (!addAttachment(imageFromFile(path))) {
                break;
            }
            continue;
        }
        auto text = Core::loadTextFile(path);
        if (!text) {
            m_banner->showError(text.error());
            break;
        }
        m_attachments->addFile(*text);
    }
    focusComposer();
}

void ChatPanel::attachPicture(const QImage& picture) {
    m_banner->hide();
    addAttachment(imageFromPicture(picture));
    focusComposer();
}

ConversationSettings ChatPanel::conversationSettings() const {
    if (!m_conversationId) {
        return m_pendingSettings;
    }
    ConversationSettings settings;
    auto conversation = m_services.conversations().get(m_actor, *m_conversationId);
    if (!conversation) {
        return settings;
    }
    settings.systemPrompt = conversation->systemPrompt;
    settings.temperature = conversation->temperature;
    settings.maxTokens = conversation->maxTokens;
    if (conversation->fallbackProviderId) {
        if (auto provider = m_services.providers().findById(m_actor, *conversation->fallbackProviderId)) {
            settings.fallbackProviderId = provider->id;
            settings.fallbackProviderName = provider->name;
            settings.fallbackModel = conversation->fallbackModel;
        }
    }
    return settings;
}

QDialog* ChatPanel::openConversationSettings() {
    auto providers = m_services.providers().list(m_actor);
    if (!providers) {
        m_banner->showError(providers.error());
        return nullptr;
    }
    auto* dialog = new ConversationSettingsDialog(conversationSettings(), *providers, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applyConversationSettings(dialog->settings()); });
    dialog->open();
    return dialog;
}

void ChatPanel::applyConversationSettings(const ConversationSettings& settings) {
    if (!m_conversationId) {
        m_pendingSettings = settings;
        showFallback();
        return;
    }
    Core::ConversationSettings stored;
    stored.systemPrompt = settings.systemPrompt;
    stored.temperature = settings.temperature;
    stored.maxTokens = settings.maxTokens;
    stored.fallbackProviderId = settings.fallbackProviderId;
    stored.fallbackModel = settings.fallbackModel;
    if (auto saved = m_services.conversations().updateSettings(m_actor, *m_conversationId, stored); !saved) {
        m_banner->showError(saved.error());
    }
    showFallback();
}

void ChatPanel::showFallback() {
    const ConversationSettings settings = conversationSettings();
    if (!settings.fallbackProviderId) {
        m_fallback->clear();
        m_fallback->hide();
        return;
    }
    const QString model = settings.fallbackModel.isEmpty() ? tr("default model") : settings.fallbackModel;
    m_fallback->setText(tr("Fallback: %1 / %2").arg(settings.fallbackProviderName, model));
    m_fallback->show();
}

void ChatPanel::applyStyle() {
    m_styled = Style::generation();
    const Style::Colours& c = Style::tokens();
    m_composerCard->setStyleSheet(
        QStringLiteral("#composerCard { background: %1; border: 1px solid %2; border-radius: %3px; }")
            .arg(Style::css(c.surface), Style::css(c.border))
            .arg(Style::Radius::large));
    m_composer->setStyleSheet(QStringLiteral("QPlainTextEdit { background: transparent; }"));
    const QString flat = Style::iconButtonSheet();
    for (QToolButton* button : {m_attach, m_settingsButton}) {
        button->setStyleSheet(flat);
    }
    QColor chipHover = c.text;
    chipHover.setAlphaF(0.08F);
    m_modelChip->setStyleSheet(
        QStringLiteral("#modelChip { border: 1px solid %1; border-radius: 13px; padding: 3px 10px; "
                       "background: transparent; }"
                       "#modelChip:hover { background: %2; }"
                       "#modelChip:focus { border: 2px solid %3; padding: 2px 9px; }")
            .arg(Style::css(c.border), Style::css(chipHover), Style::css(c.focus)));
    QColor disabled = c.border;
    m_send->setStyleSheet(
        QStringLiteral("#sendButton { background: %1; border: none; border-radius: 17px; }"
                       "#sendButton:hover { background: %2; }"
                       "#sendButton:disabled { background: %3; }"
                       "#sendButton:focus { border: 2px solid %4; }")
            .arg(Style::css(c.accent), Style::css(c.accent.darker(115)), Style::css(disabled), Style::css(c.focus)));
    m_stop->setStyleSheet(QStringLiteral("#stopButton { background: %1; border: none; border-radius: 17px; }"
                                         "#stopButton:hover { background: %2; }"
                                         "#stopButton:focus { border: 2px solid %3; }")
                              .arg(Style::css(c.text), Style::css(c.mutedText), Style::css(c.focus)));
    m_attach->setIcon(Style::icon(Style::Icon::Paperclip));
    m_settingsButton->setIcon(Style::icon(Style::Icon::SlidersHorizontal));
    m_modelChip->setIcon(Style::icon(Style::Icon::ChevronDown, Style::Tone::Muted));
    m_send->setIcon(Style::icon(Style::Icon::ArrowUp, Style::Tone::OnAccent));
    m_stop->setIcon(stopIcon());
}

// The stop button is filled with the text colour; its square takes the surface colour.
QIcon ChatPanel::stopIcon() const {
    QPixmap square(QSize(32, 32));
    square.fill(Qt::transparent);
    QPainter painter(&square);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Style::tokens().surface);
    painter.drawRoundedRect(QRectF(9, 9, 14, 14), 3, 3);
    painter.end();
    return QIcon(square);
}

bool ChatPanel::event(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && m_styled != Style::generation()) {
        applyStyle();
    }
    return QWidget::event(event);
}

void ChatPanel::updateComposerHeight() {
    // One line when empty, growing with the text up to eight lines, then it scrolls.
    const int lines = std::clamp(int(m_composer->document()->documentLayout()->documentSize().height()), 1, 8);
    const int height =
        lines * m_composer->fontMetrics().lineSpacing() + int(2 * m_composer->document()->documentMargin()) + 4;
    m_composer->setFixedHeight(std::max(height, 36));
}

void ChatPanel::updateModelChip() {
    const QString provider = m_provider->currentText();
    const QString model = m_model->currentText().trimmed();
    if (provider.isEmpty()) {
        m_modelChip->setText(tr("No provider"));
        return;
    }
    m_modelChip->setText(model.isEmpty() ? provider : QStringLiteral("%1 · %2").arg(provider, model));
}

void ChatPanel::openModelPicker() {
    if (m_provider->count() == 0) {
        Q_EMIT addProviderRequested();
        return;
    }
    fillModelPicker();
    m_picker->popup(m_modelChip);
    // The lists of the providers not asked yet this session, filled in as they arrive.
    for (int i = 0; i < m_provider->count(); ++i) {
        const QString name = m_provider->itemText(i);
        if (m_modelCache.contains(name) || m_listing.contains(name)) {
            continue;
        }
        auto provider = m_services.providers().find(m_actor, name);
        if (!provider) {
            continue;
        }
        m_listing.insert(name);
        QPointer<ChatPanel> self(this);
        m_services.runner().listModels(*provider, std::nullopt, this, [self, name](const Core::ModelListing& listing) {
            if (!self) {
                return;
            }
            self->m_listing.remove(name);
            if (listing.models) {
                self->m_modelCache.insert(name, *listing.models);
                if (self->m_picker->isVisible()) {
                    self->fillModelPicker();
                }
            }
        });
    }
}

void ChatPanel::fillModelPicker() {
    QList<QPair<QString, QStringList>> providers;
    for (int i = 0; i < m_provider->count(); ++i) {
        const QString name = m_provider->itemText(i);
        QStringList models = m_modelCache.value(name);
        if (auto provider = m_services.providers().find(m_actor, name);
            provider && !provider->defaultModel.isEmpty() && !models.contains(provider->defaultModel)) {
            models.prepend(provider->defaultModel);
        }
        if (name == m_provider->currentText() && !m_model->currentText().trimmed().isEmpty() &&
            !models.contains(m_model->currentText().trimmed())) {
            models.prepend(m_model->currentText().trimmed());
        }
        providers.append({name, models});
    }
    m_picker->setModels(providers, m_provider->currentText(), m_model->currentText().trimmed());
}

void ChatPanel::updateButtons() {
    const bool answering = m_answeringMessageId.has_value();
    m_send->setEnabled(!answering);
    m_stop->setEnabled(answering);
    // One place, two faces: send, or stop while an answer is written.
    m_send->setVisible(!answering);
    m_stop->setVisible(answering);
    m_view->setActionsEnabled(!answering);
}

} // namespace Tessera::Ui
