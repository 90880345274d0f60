#pragma once

#include "common/Actor.h"
#include "prompts/Feedback.h"
#include "prompts/PromptLibrary.h"

#include <QWidget>

class QComboBox;
class QDialog;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QToolButton;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;
class ErrorBanner;
class PromptSettingsEditor;
class TemplateHighlighter;
class VariableForm;

// View ▸ Prompts: the prompt library. A searchable list of the templates one may use (filtered by tag, sorted by
// name, last or most used) beside an editor: the name, description and tags, the system and user parts with their
// tags highlighted and syntax errors marked as they are typed, a form for the variables and the rendered prompt,
// the versions with their labels (use one in production, restore one), save and remove. Everything goes through
// core's PromptLibrary, which checks who may do what.
class PromptsWindow final : public QWidget {
    Q_OBJECT

public:
    // Where the lists keep a template's name and a version's number.
    static constexpr int nameRole = Qt::UserRole;
    static constexpr int versionRole = Qt::UserRole + 1;

    PromptsWindow(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    // Reads the list again (keeping the template chosen).
    void reload();
    // Shows a template in the editor (by name); false when it is not in the list.
    bool select(const QString& name);
    // Starts a new template in the editor.
    void startNew();
    // Saves the editor: a new template, or a new version of the one shown. Returns whether it was saved.
    bool save();
    // Points production at the version chosen in the versions list.
    bool useInProduction();
    // Saves the version chosen in the versions list again as the newest.
    bool restoreChosen();
    // Shorter prompts (PromptsWindowWaste.cpp): what the parts waste is shown under the syntax line as typing pauses;
    // compacting asks with the tokens saved, then puts the compact text in the editor (saved as usual).
    void showWaste();
    bool compactParts();
    QString wasteText() const;
    // Sharing and labels (PromptsWindowSharing.cpp): the roles the shown template is shared with (the dialog, open;
    // saved through core when accepted); a label put on the version chosen, or taken off it.
    QDialog* shareShown();
    bool labelChosen(const QString& label);
    bool unlabelChosen(const QString& label);
    // The version chosen beside the one before it, differences marked (the dialog, open).
    QDialog* compareChosen();
    // Removes the template shown, after asking.
    bool removeShown();
    // Import and export (PromptsWindowFiles.cpp): files chosen by the person (Tessera JSON or Markdown), all or
    // nothing; the library as Tessera JSON with every version, or a folder of Markdown files.
    bool importFiles();
    bool exportJson();
    bool exportMarkdown();

    QListWidget* list() const { return m_list; }
    QListWidget* versionsList() const { return m_versions; }
    QLineEdit* searchField() const { return m_search; }
    QComboBox* ownerFilter() const { return m_owner; }
    QLineEdit* nameField() const { return m_name; }
    QPlainTextEdit* systemEdit() const { return m_system; }
    QPlainTextEdit* userEdit() const { return m_user; }
    VariableForm* variableForm() const { return m_form; }
    PromptSettingsEditor* settingsEditor() const { return m_settings; }
    QString previewText() const;
    // "System 12 tokens · user 48 · 60 tokens, ≈$0.00015 with gpt-5.4 (input)".
    QString tokenText() const;
    QString syntaxText() const;
    bool canSave() const;

private:
    void showTemplate(const Core::PromptTemplate& prompt, const Core::PromptVersion& version);
    void showVersions();
    void checkText();
    void updatePreview();
    // The tokens of the parts (rendered, or the template's own text while values are missing) and their cost.
    void showTokens(const QString& system, const QString& user, bool rendered);
    // "12 answers, 75 % good of 8 rated (95 % interval 41 to 93 %)".
    static QString qualityText(const Core::FeedbackStats& stats);
    void setEditable(bool editable);
    // The providers one may use, with the models to offer for each (default first, then the price catalog's).
    void offerProviders();
    void fillLabelMenu();
    Core::PromptDraft draft() const;

    Core::CoreServices& m_services;
    Core::Actor m_actor;
    Dialogs& m_dialogs;
    std::vector<Core::PromptTemplate> m_templates;
    std::optional<Core::PromptTemplate> m_shown; // none while a new template is edited
    std::optional<Core::ParsedPrompt> m_parsed;

    QLineEdit* m_search = nullptr;
    QComboBox* m_tag = nullptr;
    QComboBox* m_owner = nullptr; // shown when templates of others are shared with one's role
    QComboBox* m_sort = nullptr;
    QListWidget* m_list = nullptr;
    ErrorBanner* m_error = nullptr;
    QLabel* m_access = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_description = nullptr;
    QLineEdit* m_tags = nullptr;
    QPlainTextEdit* m_system = nullptr;
    QPlainTextEdit* m_user = nullptr;
    TemplateHighlighter* m_systemHighlighter = nullptr;
    TemplateHighlighter* m_userHighlighter = nullptr;
    QLabel* m_syntax = nullptr;
    VariableForm* m_form = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    PromptSettingsEditor* m_settings = nullptr; // the suggested provider, model and parameters
    QLabel* m_tokens = nullptr;                 // the tokens of each part and the input's cost with the model it is for
    QLineEdit* m_message = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_remove = nullptr;
    QListWidget* m_versions = nullptr;
    QPushButton* m_production = nullptr;
    QPushButton* m_restore = nullptr;
    QPushButton* m_compare = nullptr;
    QPushButton* m_share = nullptr;
    QToolButton* m_labels = nullptr;
    QLabel* m_waste = nullptr;
    QPushButton* m_compact = nullptr;
    QTimer* m_wasteTimer = nullptr;
    bool m_filling = false;
    bool m_checking = false;
};

} // namespace Tessera::Ui
