#include "chat/ChatPanel.h"
#include "widgets/Money.h"

#include "app/CoreServices.h"
#include "chat/AttachmentStrip.h"
#include "chat/Attachments.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/ComposerCard.h"
#include "chat/ContextMeter.h"
#include "chat/ConversationService.h"
#include "chat/ImageImport.h"
#include "chat/MessageWidget.h"
#include "chat/ModelPicker.h"
#include "providers/ProviderService.h"
#include "providers/RequestRunner.h"
#include "style/Icons.h"
#include "style/Theme.h"
#include "widgets/ErrorBanner.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
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
    , m_editNotice(new QLabel(this))
    , m_draftTimer(new QTimer(this))
    , m_banner(new ErrorBanner(this))
    , m_view(new ChatView(this))
    , m_card(new ComposerCard(this))
    , m_composer(m_card->composer())
    , m_attachments(new AttachmentStrip(this))
    , m_meter(new ContextMeter(
          m_card->meterLabel(), m_card->contextGauge(), [this] { return contextInput(); }, this)) {
    // The provider and model chosen: kept in two combo boxes (the picker and the chip show and change them).
    m_provider->setObjectName(QStringLiteral("providerPicker"));
    m_provider->setAccessibleName(tr("Provider"));
    m_provider->hide();
    m_model->setObjectName(QStringLiteral("modelPicker"));
    m_model->setAccessibleName(tr("Model"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->hide();
    m_editNotice->setObjectName(QStringLiteral("editNotice"));
    m_editNotice->setText(tr("Editing an earlier question: Send makes it a new version, Esc cancels."));
    m_editNotice->setWordWrap(true);
    m_editNotice->hide();

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
    bottomLayout->addWidget(m_card);
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

    connect(m_card->modelChip(), &QToolButton::clicked, this, &ChatPanel::openModelPicker);
    connect(m_model, &QComboBox::currentTextChanged, this, &ChatPanel::updateModelChip);
    auto* pickShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), this);
    pickShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(pickShortcut, &QShortcut::activated, this, &ChatPanel::openModelPicker);

    connect(m_card->sendButton(), &QPushButton::clicked, this, &ChatPanel::handleSend);
    connect(m_card->stopButton(), &QPushButton::clicked, this, &ChatPanel::handleStop);
    connect(m_composer, &Composer::sendRequested, this, &ChatPanel::handleSend);
    connect(m_composer, &Composer::stopRequested, this, &ChatPanel::handleStop);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &ChatPanel::handleProviderChanged);
    connect(m_card->settingsButton(), &QToolButton::clicked, this, &ChatPanel::openConversationSettings);
    connect(m_card->attachButton(), &QToolButton::clicked, this, &ChatPanel::attachRequested);
    connect(m_composer, &Composer::filesInserted, this, &ChatPanel::attachFiles);
    connect(m_composer, &Composer::templatePaletteRequested, this, &ChatPanel::openPromptPalette);
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(draftDelayMs);
    connect(m_draftTimer, &QTimer::timeout, this, &ChatPanel::saveDraft);
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loadingDraft && !m_editing) {
            m_draftTimer->start();
        }
        if (m_composer->document()->isEmpty()) {
            m_template.reset(); // emptied: what is typed next is not the template's
        }
        m_meter->schedule();
    });
    connect(m_model, &QComboBox::currentTextChanged, m_meter, &ContextMeter::schedule);
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
    connect(m_view, &ChatView::rateRequested, this, &ChatPanel::rate);
    connect(m_view, &ChatView::feedbackRequested, this, &ChatPanel::openFeedback);
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
            if (m_actor.allowsProvider(provider.name)) { // core refuses the others; the list never offers them
                m_provider->addItem(provider.name, provider.id);
            }
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
    const bool defaultAllowed = m_actor.allowsModel(name, provider->defaultModel);
    if (!provider->defaultModel.isEmpty() && defaultAllowed && !models.contains(provider->defaultModel)) {
        models.prepend(provider->defaultModel);
    }
    models = allowedModels(name, models);
    m_model->addItems(models);
    if (!defaultAllowed) {
        m_model->setCurrentText(models.value(0));
    } else {
        m_model->setCurrentText(provider->defaultModel.isEmpty() ? previous : provider->defaultModel);
    }
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
                                       self->m_modelCache.insert(name, *listing.models);
                                       const QStringList listed = self->allowedModels(name, *listing.models);
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
    m_template.reset();
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
    showConversationCost();
    m_meter->schedule();
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

QStringList ChatPanel::offeredProviders() const {
    QStringList names;
    for (int i = 0; i < m_provider->count(); ++i) {
        names << m_provider->itemText(i);
    }
    return names;
}

QStringList ChatPanel::offeredModels() const {
    QStringList names;
    for (int i = 0; i < m_model->count(); ++i) {
        names << m_model->itemText(i);
    }
    return names;
}

Core::Error ChatPanel::refusal() const {
    Core::Error error;
    error.code = m_mayChat ? Core::ErrorCode::FeatureDisabled : Core::ErrorCode::AuthForbidden;
    error.detail =
        m_mayChat ? QStringLiteral("attachments are switched off") : QStringLiteral("the role does not include chat");
    return error;
}

void ChatPanel::handleSend() {
    if (!m_mayChat) {
        m_banner->showError(refusal());
        return;
    }
    // Core appends the files to what was typed; a message of files alone is allowed.
    const QString prompt = m_composer->toPlainText();
    if ((prompt.trimmed().isEmpty() && m_attachments->files().empty()) || m_answeringMessageId) {
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
    options.files = m_attachments->files();
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
    applyTemplate(options);
    if (!fitContext(options)) {
        return; // the draft stays in the composer
    }
    auto started = m_services.chat().send(m_actor, prompt, options);
    if (!started) {
        m_banner->showError(started.error());
        return; // the draft stays in the composer
    }
    showBudgetWarnings(started->budgetWarnings);
    templateSent();
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
    showBudgetWarnings(started->budgetWarnings);
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
    m_template.reset(); // the edited question is typed text, whatever it came from
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
    Q_EMIT budgetChanged();
    m_meter->schedule();
    showConversationCost();
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

void ChatPanel::setAccess(bool mayChat, bool mayAttach) {
    if (mayChat == m_mayChat && mayAttach == m_mayAttach && m_accessShown) {
        return;
    }
    m_accessShown = true;
    m_mayChat = mayChat;
    m_mayAttach = mayAttach;
    m_composer->setReadOnly(!mayChat);
    m_composer->setPlaceholderText(mayChat ? Composer::defaultPlaceholder()
                                           : tr("Your role does not include chatting: you can read conversations, "
                                                "not write in them."));
    m_card->sendButton()->setEnabled(mayChat);
    QToolButton* attach = m_card->attachButton();
    attach->setEnabled(mayChat && mayAttach);
    if (m_attachTip.isEmpty()) {
        m_attachTip = attach->toolTip();
    }
    attach->setToolTip(mayAttach ? m_attachTip : tr("Attachments are switched off by your administrator."));
}

void ChatPanel::attachFiles(const QStringList& paths) {
    m_banner->hide();
    if (!m_mayAttach || !m_mayChat) {
        m_banner->showError(refusal());
        return;
    }
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
    if (!m_mayAttach || !m_mayChat) {
        m_banner->showError(refusal());
        return;
    }
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
        m_card->fallbackLabel()->clear();
        m_card->fallbackLabel()->hide();
        return;
    }
    const QString model = settings.fallbackModel.isEmpty() ? tr("default model") : settings.fallbackModel;
    m_card->fallbackLabel()->setText(tr("Fallback: %1 / %2").arg(settings.fallbackProviderName, model));
    m_card->fallbackLabel()->show();
}

void ChatPanel::updateModelChip() {
    const QString provider = m_provider->currentText();
    const QString model = m_model->currentText().trimmed();
    if (provider.isEmpty()) {
        m_card->modelChip()->setText(tr("No provider"));
        return;
    }
    m_card->modelChip()->setText(model.isEmpty() ? provider : QStringLiteral("%1 · %2").arg(provider, model));
}

ModelPicker* ChatPanel::modelPicker() {
    // Made when first opened: most sessions never change the model, and starting stays quick.
    if (!m_picker) {
        m_picker = new ModelPicker(this);
        connect(m_picker, &ModelPicker::chosen, this, [this](const QString& provider, const QString& model) {
            selectProviderAndModel(provider, model);
            m_composer->setFocus(Qt::OtherFocusReason);
        });
        connect(m_picker, &ModelPicker::reloadRequested, this, [this] {
            m_modelCache.clear();
            handleProviderChanged();
            openModelPicker();
        });
    }
    return m_picker;
}

void ChatPanel::openModelPicker() {
    if (m_provider->count() == 0) {
        Q_EMIT addProviderRequested();
        return;
    }
    fillModelPicker();
    modelPicker()->popup(m_card->modelChip());
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
                if (self->m_picker && self->m_picker->isVisible()) {
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
        providers.append({name, allowedModels(name, models)});
    }
    modelPicker()->setModels(providers, m_provider->currentText(), m_model->currentText().trimmed());
}

QStringList ChatPanel::allowedModels(const QString& provider, const QStringList& models) const {
    const QStringList only = m_actor.allowedModelsOf(provider);
    return only.isEmpty() ? models : only;
}

void ChatPanel::updateButtons() {
    const bool answering = m_answeringMessageId.has_value();
    m_card->setAnswering(answering);
    m_card->sendButton()->setEnabled(!answering && m_mayChat);
    m_view->setActionsEnabled(!answering);
}

} // namespace Tessera::Ui
