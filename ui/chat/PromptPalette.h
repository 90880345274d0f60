#pragma once

#include "common/Actor.h"
#include "prompts/FuzzyMatch.h"
#include "prompts/PromptLibrary.h"

#include <QDialog>
#include <QFrame>

#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class VariableForm;

// The composer's template palette, opened by typing / at the start of an empty message: the templates the person
// may use, searched fuzzily by name (then description and tags) as they type, the most recently used first. Up and
// Down move, Enter or a click chooses, Escape closes it and leaves the / typed. A template with variables asks for
// them next (TemplateValuesDialog); the rendered prompt is handed on with the version and values that produced it.
class PromptPalette final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptPalette)

public:
    static constexpr int maxShown = 50; // the best matches; typing more narrows them

    PromptPalette(Core::CoreServices& services, Core::Actor actor, QWidget* parent = nullptr);

    // Reads the library again and opens above the anchor with the keyboard in the search field.
    void popup(QWidget* anchor);
    QLineEdit* searchField() const { return m_search; }
    QListWidget* list() const { return m_list; }
    // The names shown, best first.
    QStringList shownNames() const;
    // Chooses the selected template, as Enter does.
    void chooseCurrent();

Q_SIGNALS:
    // A template was chosen; the window asks for its values (when it has variables) and renders it.
    void chosen(const QString& name);
    // It closed (after a choice, or with Escape or a click outside).
    void hidden();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void applyFilter();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    QLineEdit* m_search;
    QListWidget* m_list;
    QLabel* m_status;
    std::vector<Core::PromptTemplate> m_templates;
    std::unique_ptr<Core::TemplateMatcher> m_matcher;
};

// The small form a template's variables are filled in before it goes into the composer: a typed field per variable
// (defaults filled in as hints), the rendered prompt below as it will be sent, and Insert (refused, with the reason,
// while a required value is missing or wrong).
class TemplateValuesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplateValuesDialog)

public:
    TemplateValuesDialog(Core::CoreServices& services, Core::Actor actor, const QString& name,
                         const Core::ParsedPrompt& parsed, int version, QWidget* parent = nullptr);

    VariableForm* form() const { return m_form; }
    QString previewText() const;
    // What Insert produced (set once accepted).
    const std::optional<Core::RenderedPrompt>& rendered() const { return m_rendered; }

    void accept() override;

private:
    void updatePreview();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    QString m_name;
    int m_version;
    VariableForm* m_form;
    QPlainTextEdit* m_preview;
    QLabel* m_error;
    std::optional<Core::RenderedPrompt> m_rendered;
};

} // namespace Tessera::Ui
