// The chat panel's templates: "/" at the start of an empty message opens the palette; a chosen template (its
// variables filled in first) goes into the composer, and the message sent from it records the template version and
// values, with the template's system part and suggested settings.
#include "chat/ChatPanel.h"

#include "app/CoreServices.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/ComposerCard.h"
#include "chat/PromptPalette.h"
#include "prompts/PromptSend.h"
#include "widgets/ErrorBanner.h"

#include <QComboBox>
#include <QTextCursor>

namespace Tessera::Ui {

PromptPalette* ChatPanel::promptPalette() {
    if (!m_palette) {
        m_palette = new PromptPalette(m_services, m_actor, this);
        connect(m_palette, &PromptPalette::chosen, this, &ChatPanel::useTemplate);
        // Closed without a choice: the / stays typed, and the keyboard goes back to the message.
        connect(m_palette, &PromptPalette::hidden, this, [this] {
            if (!m_choosingTemplate) {
                focusComposer();
            }
        });
    }
    return m_palette;
}

void ChatPanel::openPromptPalette() {
    if (!m_mayChat) {
        return;
    }
    promptPalette()->popup(m_card);
}

QDialog* ChatPanel::useTemplate(const QString& name) {
    m_choosingTemplate = true;
    auto version = m_services.prompts().version(m_actor, name);
    auto parsed = version ? Core::parsePrompt(version->systemText, version->userText)
                          : Core::Result<Core::ParsedPrompt>(Core::fail(version.error()));
    if (!parsed) {
        m_choosingTemplate = false;
        m_banner->showError(parsed.error());
        focusComposer();
        return nullptr;
    }
    if (parsed->variables.empty()) {
        // Nothing to ask: straight into the message.
        auto rendered = m_services.prompts().render(m_actor, name, version->number, {});
        m_choosingTemplate = false;
        if (!rendered) {
            m_banner->showError(rendered.error());
            focusComposer();
            return nullptr;
        }
        insertTemplate(*rendered);
        return nullptr;
    }
    auto* dialog = new TemplateValuesDialog(m_services, m_actor, name, *parsed, version->number, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        m_choosingTemplate = false;
        if (result == QDialog::Accepted && dialog->rendered()) {
            insertTemplate(*dialog->rendered());
        } else {
            focusComposer(); // cancelled: the / stays
        }
    });
    dialog->open();
    return dialog;
}

void ChatPanel::insertTemplate(const Core::RenderedPrompt& rendered) {
    // The template's text replaces the "/" (or whatever was typed to call it) and is sent like typed text; the
    // suggested model, when there is one, is chosen for the message.
    m_composer->setPlainText(rendered.userText);
    m_composer->moveCursor(QTextCursor::End);
    m_template = rendered;
    if (!rendered.settings.provider.isEmpty() || !rendered.settings.model.isEmpty()) {
        selectProviderAndModel(rendered.settings.provider.isEmpty() ? m_provider->currentText()
                                                                    : rendered.settings.provider,
                               rendered.settings.model);
    }
    focusComposer();
}

void ChatPanel::applyTemplate(Core::SendOptions& options) const {
    if (!m_template) {
        return;
    }
    // The chip's provider and model are the person's choice (the template's suggestion was applied to the chip).
    Core::applyRenderedPrompt(options, *m_template);
}

void ChatPanel::templateSent() {
    if (m_template) {
        (void)m_services.prompts().markUsed(m_actor, m_template->templateName); // the palette's order
        m_template.reset();
    }
}

} // namespace Tessera::Ui
