#include "prompts/PromptsWindow.h"

#include "app/CoreServices.h"
#include "prompts/Feedback.h"
#include "prompts/PromptSettingsEditor.h"
#include "prompts/TemplateHighlighter.h"
#include "prompts/VariableForm.h"
#include "prompts/VersionCompareDialog.h"
#include "providers/ProviderService.h"
#include "style/Icons.h"
#include "style/Theme.h"
#include "usage/ContextEstimate.h"
#include "usage/PriceBook.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorBanner.h"
#include "widgets/Money.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMap>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

QPlainTextEdit* partEdit(QWidget* parent, const QString& name, int height) {
    auto* edit = new QPlainTextEdit(parent);
    edit->setAccessibleName(name);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(height);
    QFont font = edit->font();
    font.setFamily(QStringLiteral("monospace"));
    font.setStyleHint(QFont::Monospace);
    edit->setFont(font);
    return edit;
}

} // namespace

PromptsWindow::PromptsWindow(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs) {
    setObjectName(QStringLiteral("promptsWindow"));
    setWindowTitle(tr("Prompts"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1100, 760);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(Style::Space::two, Style::Space::two, Style::Space::two, Style::Space::two);

    // The list and its filters.
    auto* filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search names, descriptions, tags and text"));
    m_search->setAccessibleName(tr("Search templates"));
    m_search->setClearButtonEnabled(true);
    m_tag = new QComboBox(this);
    m_tag->setAccessibleName(tr("Tag"));
    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("ownerFilter"));
    m_owner->setAccessibleName(tr("Owner"));
    m_sort = new QComboBox(this);
    m_sort->setAccessibleName(tr("Sort"));
    m_sort->addItem(tr("By name"), int(Core::PromptSort::Name));
    m_sort->addItem(tr("Last used"), int(Core::PromptSort::LastUsed));
    m_sort->addItem(tr("Most used"), int(Core::PromptSort::MostUsed));
    auto* add = new QPushButton(tr("Ne&w Template"), this);
    add->setObjectName(QStringLiteral("newTemplate"));
    filters->addWidget(m_search, 1);
    filters->addWidget(m_tag);
    filters->addWidget(m_owner);
    filters->addWidget(m_sort);
    filters->addWidget(add);
    auto* files = new QToolButton(this);
    files->setObjectName(QStringLiteral("promptFiles"));
    files->setText(tr("&Files"));
    files->setToolTip(tr("Import templates, or export the library"));
    files->setPopupMode(QToolButton::InstantPopup);
    files->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    files->setIcon(Style::icon(Style::Icon::FolderOpen));
    auto* filesMenu = new QMenu(files);
    QAction* importAction =
        filesMenu->addAction(Style::icon(Style::Icon::Upload), tr("&Import…"), this, &PromptsWindow::importFiles);
    importAction->setObjectName(QStringLiteral("importPrompts"));
    QAction* exportJsonAction = filesMenu->addAction(
        Style::icon(Style::Icon::Download), tr("Export as &JSON (every version)…"), this, &PromptsWindow::exportJson);
    exportJsonAction->setObjectName(QStringLiteral("exportPromptsJson"));
    QAction* exportMarkdownAction =
        filesMenu->addAction(tr("Export as &Markdown Files…"), this, &PromptsWindow::exportMarkdown);
    exportMarkdownAction->setObjectName(QStringLiteral("exportPromptsMarkdown"));
    files->setMenu(filesMenu);
    filters->addWidget(files);
    outer->addLayout(filters);
    m_error = new ErrorBanner(this);
    outer->addWidget(m_error);

    auto* splitter = new QSplitter(this);
    m_list = new QListWidget(splitter);
    m_list->setAccessibleName(tr("Templates"));
    m_list->setMinimumWidth(240);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSpacing(Style::Space::half);
    auto* editor = new QWidget(splitter);
    auto* layout = new QVBoxLayout(editor);
    layout->setContentsMargins(Style::Space::two, 0, 0, 0);
    m_access = new QLabel(editor);
    m_access->setWordWrap(true);
    m_access->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_access);
    auto* form = new QFormLayout;
    m_name = new QLineEdit(editor);
    m_description = new QLineEdit(editor);
    m_tags = new QLineEdit(editor);
    m_tags->setPlaceholderText(tr("writing, email"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Tags:"), m_tags);
    m_settings = new PromptSettingsEditor(editor);
    form->addRow(tr("&Answer with:"), m_settings);
    offerProviders();
    layout->addLayout(form);
    m_system = partEdit(editor, tr("System part"), 60);
    m_system->setPlaceholderText(tr("Optional: how the model should behave, for example: You answer briefly."));
    m_user = partEdit(editor, tr("User part"), 120);
    m_user->setPlaceholderText(tr("The prompt, with variables: Summarise {{text : multiline}} for {{audience}}."));
    m_systemHighlighter = new TemplateHighlighter(m_system->document());
    m_userHighlighter = new TemplateHighlighter(m_user->document());
    auto* systemLabel = new QLabel(tr("S&ystem part:"), editor);
    systemLabel->setBuddy(m_system);
    auto* userLabel = new QLabel(tr("&User part:"), editor);
    userLabel->setBuddy(m_user);
    layout->addWidget(systemLabel);
    layout->addWidget(m_system, 1);
    layout->addWidget(userLabel);
    layout->addWidget(m_user, 2);
    m_syntax = new QLabel(editor);
    m_syntax->setObjectName(QStringLiteral("templateSyntax"));
    m_syntax->setWordWrap(true);
    m_syntax->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_syntax);
    // Shorter prompts: what the parts waste, and a button that takes it out (PromptsWindowWaste.cpp).
    auto* waste = new QHBoxLayout;
    m_waste = new QLabel(editor);
    m_waste->setObjectName(QStringLiteral("templateWaste"));
    m_waste->setWordWrap(true);
    m_waste->setForegroundRole(QPalette::PlaceholderText);
    m_waste->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_compact = new QPushButton(Style::icon(Style::Icon::Scissors), tr("Co&mpact…"), editor);
    m_compact->setObjectName(QStringLiteral("compactTemplate"));
    m_compact->setToolTip(tr("Take out the wasted tokens, after showing how many it saves"));
    waste->addWidget(m_waste, 1);
    waste->addWidget(m_compact);
    layout->addLayout(waste);
    m_wasteTimer = new QTimer(this);
    m_wasteTimer->setSingleShot(true);
    m_wasteTimer->setInterval(300);
    connect(m_wasteTimer, &QTimer::timeout, this, &PromptsWindow::showWaste);
    connect(m_compact, &QPushButton::clicked, this, &PromptsWindow::compactParts);
    m_compact->hide();

    auto* values = new QGroupBox(tr("Values and preview"), editor);
    auto* valuesLayout = new QHBoxLayout(values);
    m_form = new VariableForm(values);
    m_preview = new QPlainTextEdit(values);
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("Rendered prompt"));
    m_preview->setTabChangesFocus(true);
    valuesLayout->addWidget(m_form, 1);
    valuesLayout->addWidget(m_preview, 1);
    m_tokens = new QLabel(values);
    m_tokens->setObjectName(QStringLiteral("templateTokens"));
    m_tokens->setWordWrap(true);
    m_tokens->setForegroundRole(QPalette::PlaceholderText);
    valuesLayout->addWidget(m_tokens);
    layout->addWidget(values, 1);

    auto* saving = new QHBoxLayout;
    m_message = new QLineEdit(editor);
    m_message->setPlaceholderText(tr("What changed in this version"));
    m_message->setAccessibleName(tr("Version message"));
    m_save = new QPushButton(tr("&Save"), editor);
    m_save->setObjectName(QStringLiteral("saveTemplate"));
    m_save->setToolTip(tr("Save as a new version (Ctrl+S)"));
    m_remove = new QPushButton(tr("&Remove…"), editor);
    saving->addWidget(m_message, 1);
    m_share = new QPushButton(tr("S&hare…"), editor);
    m_share->setObjectName(QStringLiteral("shareTemplate"));
    m_share->setToolTip(tr("Share the template with roles, to use or to change"));
    m_share->setVisible(m_actor.may(Core::Permission::PromptsShare));
    saving->addWidget(m_save);
    saving->addWidget(m_share);
    saving->addWidget(m_remove);
    layout->addLayout(saving);

    auto* history = new QGroupBox(tr("Versions"), editor);
    auto* historyLayout = new QHBoxLayout(history);
    m_versions = new QListWidget(history);
    m_versions->setAccessibleName(tr("Versions"));
    m_versions->setMaximumHeight(110);
    auto* historyButtons = new QVBoxLayout;
    m_production = new QPushButton(tr("Use in &Production"), history);
    m_production->setToolTip(tr("Everyone who uses the template without naming a version gets this one"));
    m_restore = new QPushButton(tr("Rest&ore"), history);
    m_restore->setToolTip(tr("Save this version again as the newest"));
    m_compare = new QPushButton(Style::icon(Style::Icon::Columns), tr("&Compare…"), history);
    m_compare->setObjectName(QStringLiteral("compareVersions"));
    m_compare->setToolTip(tr("This version beside the one before it, the differences marked"));
    historyButtons->addWidget(m_production);
    historyButtons->addWidget(m_restore);
    m_labels = new QToolButton(history);
    m_labels->setObjectName(QStringLiteral("versionLabels"));
    m_labels->setText(tr("&Labels"));
    m_labels->setToolTip(tr("Put a label on the version chosen, or take one off"));
    m_labels->setPopupMode(QToolButton::InstantPopup);
    m_labels->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_labels->setIcon(Style::icon(Style::Icon::Tag));
    m_labels->setMenu(new QMenu(m_labels));
    connect(m_labels->menu(), &QMenu::aboutToShow, this, &PromptsWindow::fillLabelMenu);
    historyButtons->addWidget(m_compare);
    historyButtons->addWidget(m_labels);
    historyButtons->addStretch(1);
    historyLayout->addWidget(m_versions, 1);
    historyLayout->addLayout(historyButtons);
    layout->addWidget(history);
    splitter->setStretchFactor(1, 1);
    outer->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, this, &PromptsWindow::reload);
    for (QComboBox* box : {m_tag, m_owner}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling) {
                reload();
            }
        });
    }
    connect(m_sort, &QComboBox::currentIndexChanged, this, &PromptsWindow::reload);
    connect(add, &QPushButton::clicked, this, &PromptsWindow::startNew);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!m_filling && item) {
            select(item->data(nameRole).toString());
        }
    });
    for (QPlainTextEdit* part : {m_system, m_user}) {
        connect(part, &QPlainTextEdit::textChanged, this, &PromptsWindow::checkText);
    }
    connect(m_name, &QLineEdit::textChanged, this, [this] { m_save->setEnabled(canSave()); });
    connect(m_form, &VariableForm::changed, this, &PromptsWindow::updatePreview);
    connect(m_settings, &PromptSettingsEditor::changed, this, &PromptsWindow::updatePreview);
    connect(m_save, &QPushButton::clicked, this, &PromptsWindow::save);
    connect(m_remove, &QPushButton::clicked, this, &PromptsWindow::removeShown);
    connect(m_production, &QPushButton::clicked, this, &PromptsWindow::useInProduction);
    connect(m_restore, &QPushButton::clicked, this, &PromptsWindow::restoreChosen);
    connect(m_compare, &QPushButton::clicked, this, &PromptsWindow::compareChosen);
    connect(m_share, &QPushButton::clicked, this, &PromptsWindow::shareShown);
    connect(m_versions, &QListWidget::currentRowChanged, this, [this] {
        const bool chosen = m_versions->currentItem() != nullptr && m_shown && m_shown->canEdit;
        m_production->setEnabled(chosen);
        m_restore->setEnabled(chosen);
        m_compare->setEnabled(m_versions->currentItem() != nullptr && m_versions->count() > 1);
        m_labels->setEnabled(chosen);
    });
    auto* saveKey = new QShortcut(QKeySequence::Save, this);
    connect(saveKey, &QShortcut::activated, this, &PromptsWindow::save);
    auto* newKey = new QShortcut(QKeySequence::New, this);
    connect(newKey, &QShortcut::activated, this, &PromptsWindow::startNew);
    auto* findKey = new QShortcut(QKeySequence::Find, this);
    connect(findKey, &QShortcut::activated, m_search, [this] { m_search->setFocus(Qt::ShortcutFocusReason); });
    auto* close = new QShortcut(QKeySequence::Close, this);
    connect(close, &QShortcut::activated, this, &QWidget::close);

    reload();
    if (m_list->count() > 0) {
        m_list->setCurrentRow(0);
    } else {
        startNew();
    }
}

void PromptsWindow::reload() {
    Core::PromptQuery query;
    query.search = m_search->text();
    query.tag = m_tag->currentData().toString();
    if (const QVariant owner = m_owner->currentData(); owner.isValid()) {
        query.ownerId = owner.toLongLong();
    }
    query.sort = Core::PromptSort(m_sort->currentData().toInt());
    auto listed = m_services.prompts().list(m_actor, query);
    if (!listed) {
        m_error->showError(listed.error(), [this] { reload(); });
        return;
    }
    m_error->hide();
    m_templates = std::move(*listed);
    const QString chosen = m_shown ? m_shown->name : QString();
    m_filling = true;
    m_list->clear();
    for (const Core::PromptTemplate& t : m_templates) {
        QString second = t.description;
        if (!t.tags.isEmpty()) {
            second += (second.isEmpty() ? QString() : QStringLiteral(" · ")) + t.tags.join(QStringLiteral(", "));
        }
        // Two lines for every template, so the list lays out rows of one height (a long library opens at once).
        auto* item = new QListWidgetItem(t.name + QLatin1Char('\n') + second, m_list);
        item->setData(nameRole, t.name);
        item->setToolTip(tr("Version %1 by %2").arg(t.defaultVersion()).arg(t.ownerName));
        if (t.name == chosen) {
            m_list->setCurrentItem(item);
        }
    }
    // The tags of every template one may use, for the filter.
    if (m_search->text().isEmpty() && m_tag->currentIndex() <= 0) {
        QSet<QString> unique;
        for (const Core::PromptTemplate& t : m_templates) {
            for (const QString& tag : t.tags) {
                unique.insert(tag);
            }
        }
        QStringList tags(unique.begin(), unique.end());
        tags.sort();
        const QString current = m_tag->currentData().toString();
        m_tag->clear();
        m_tag->addItem(tr("All tags"), QString());
        for (const QString& tag : tags) {
            m_tag->addItem(tag, tag);
        }
        m_tag->setCurrentIndex(std::max(0, m_tag->findData(current)));
    }
    // Whose templates one may use (one's own first), for the owner filter.
    if (m_search->text().isEmpty() && m_tag->currentIndex() <= 0 && m_owner->currentIndex() <= 0) {
        QMap<QString, qint64> others;
        for (const Core::PromptTemplate& t : m_templates) {
            if (t.ownerId != m_actor.userId) {
                others.insert(t.ownerName, t.ownerId);
            }
        }
        const QVariant current = m_owner->currentData();
        m_owner->clear();
        m_owner->addItem(tr("Everyone's"), QVariant());
        m_owner->addItem(tr("Mine"), m_actor.userId);
        for (auto it = others.cbegin(); it != others.cend(); ++it) {
            m_owner->addItem(tr("Shared by %1").arg(it.key()), it.value());
        }
        m_owner->setCurrentIndex(std::max(0, m_owner->findData(current)));
        m_owner->setVisible(!others.isEmpty());
    }
    m_filling = false;
}

bool PromptsWindow::select(const QString& name) {
    auto prompt = m_services.prompts().get(m_actor, name);
    if (!prompt) {
        m_error->showError(prompt.error());
        return false;
    }
    auto version = m_services.prompts().version(m_actor, name, prompt->latestVersion);
    if (!version) {
        m_error->showError(version.error());
        return false;
    }
    m_error->hide();
    showTemplate(*prompt, *version);
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(nameRole).toString() == prompt->name && m_list->currentRow() != i) {
            m_filling = true;
            m_list->setCurrentRow(i);
            m_filling = false;
        }
    }
    return true;
}

void PromptsWindow::showTemplate(const Core::PromptTemplate& prompt, const Core::PromptVersion& version) {
    m_shown = prompt;
    m_settings->setSettings(version.settings);
    m_name->setText(prompt.name);
    m_description->setText(prompt.description);
    m_tags->setText(prompt.tags.join(QStringLiteral(", ")));
    m_system->setPlainText(version.systemText);
    m_user->setPlainText(version.userText);
    m_message->clear();
    const bool own = prompt.ownerId == m_actor.userId;
    m_access->setText(own ? QString()
                      : prompt.canEdit
                          ? tr("Shared with your role by %1: you may change it.").arg(prompt.ownerName)
                          : tr("Shared with your role by %1 to use: you may not change it.").arg(prompt.ownerName));
    m_access->setVisible(!own);
    setEditable(prompt.canEdit);
    m_remove->setEnabled(own || (prompt.canEdit && m_actor.may(Core::Permission::PromptsShare)));
    m_share->setEnabled(prompt.canEdit);
    showVersions();
}

QString PromptsWindow::qualityText(const Core::FeedbackStats& stats) {
    const QLocale locale;
    if (!stats.positiveRate) {
        return tr("%n answer(s), none rated", nullptr, int(stats.answers));
    }
    return tr("%n answer(s), %1 % good of %2 rated (95 % interval %3 to %4 %)", nullptr, int(stats.answers))
        .arg(locale.toString(*stats.positiveRate * 100.0, 'f', 0))
        .arg(stats.rated)
        .arg(locale.toString(stats.interval.low * 100.0, 'f', 0), locale.toString(stats.interval.high * 100.0, 'f', 0));
}

void PromptsWindow::showVersions() {
    m_versions->clear();
    if (!m_shown) {
        m_production->setEnabled(false);
        m_restore->setEnabled(false);
        m_compare->setEnabled(false);
        m_labels->setEnabled(false);
        return;
    }
    auto versions = m_services.prompts().versions(m_actor, m_shown->name);
    if (!versions) {
        m_error->showError(versions.error());
        return;
    }
    const QLocale locale;
    // What people thought of each version's answers (their own, or everyone's with usage.view_all).
    QHash<int, Core::FeedbackStats> quality;
    if (auto stats = m_services.feedback().stats(m_actor, Core::FeedbackGrouping::Template)) {
        for (const Core::FeedbackStats& s : *stats) {
            if (s.key == m_shown->name) {
                quality.insert(s.version, s);
            }
        }
    }
    for (const Core::PromptVersion& v : *versions) {
        QStringList labels;
        if (v.number == m_shown->latestVersion) {
            labels << tr("latest");
        }
        for (auto it = m_shown->labels.cbegin(); it != m_shown->labels.cend(); ++it) {
            if (it.value() == v.number) {
                labels << it.key();
            }
        }
        QString text = tr("Version %1 · %2 · %3")
                           .arg(v.number)
                           .arg(v.author, locale.toString(v.createdAt.toLocalTime(), QLocale::ShortFormat));
        if (!v.message.isEmpty()) {
            text += QStringLiteral(" · ") + v.message;
        }
        if (!labels.isEmpty()) {
            text += QStringLiteral("  [") + labels.join(QStringLiteral(", ")) + QLatin1Char(']');
        }
        if (quality.contains(v.number)) {
            text += QStringLiteral(" · ") + qualityText(quality.value(v.number));
        }
        auto* item = new QListWidgetItem(text, m_versions);
        item->setData(versionRole, v.number);
    }
    m_production->setEnabled(false);
    m_restore->setEnabled(false);
    m_compare->setEnabled(false);
    m_labels->setEnabled(false);
}

void PromptsWindow::startNew() {
    m_shown.reset();
    m_settings->setSettings({});
    m_filling = true;
    m_list->clearSelection();
    m_list->setCurrentItem(nullptr);
    m_filling = false;
    for (QLineEdit* field : {m_name, m_description, m_tags, m_message}) {
        field->clear();
    }
    m_system->clear();
    m_user->clear();
    m_access->setVisible(false);
    setEditable(true);
    m_remove->setEnabled(false);
    m_share->setEnabled(false);
    showVersions();
    m_name->setFocus(Qt::OtherFocusReason);
}

void PromptsWindow::setEditable(bool editable) {
    for (QLineEdit* field : {m_name, m_description, m_tags, m_message}) {
        field->setReadOnly(!editable);
    }
    m_system->setReadOnly(!editable);
    m_user->setReadOnly(!editable);
    m_settings->setReadOnly(!editable);
    m_save->setEnabled(editable && canSave());
}

void PromptsWindow::offerProviders() {
    QList<QPair<QString, QStringList>> offered;
    auto providers = m_services.providers().list(m_actor);
    if (providers) {
        for (const Core::ProviderConfig& p : *providers) {
            if (!p.enabled || !m_actor.allowsProvider(p.name)) {
                continue;
            }
            QStringList models;
            if (!p.defaultModel.isEmpty()) {
                models << p.defaultModel;
            }
            if (auto prices = m_services.prices().list(m_actor, p.name)) {
                for (const Core::PriceListing& listing : *prices) {
                    if (listing.model != QLatin1StringView("*") && !models.contains(listing.model)) {
                        models << listing.model;
                    }
                }
            }
            models.removeIf([&](const QString& model) { return !m_actor.allowsModel(p.name, model); });
            offered.append({p.name, models});
        }
    }
    m_settings->setProviders(offered);
}

void PromptsWindow::checkText() {
    if (m_checking) {
        return; // marking the error re-colours the text, which reports a change
    }
    m_checking = true;
    auto parsed = Core::parsePrompt(m_system->toPlainText(), m_user->toPlainText());
    std::pair<int, int> systemError{0, 0};
    std::pair<int, int> userError{0, 0};
    QPalette palette = m_syntax->palette();
    if (!parsed) {
        m_parsed.reset();
        // "the user part, line 2, column 5: …": marked in its part.
        const QString detail = parsed.error().detail;
        static const QRegularExpression where(QStringLiteral("^the (system|user) part, line (\\d+), column (\\d+)"));
        const QRegularExpressionMatch match = where.match(detail);
        if (match.hasMatch()) {
            const QString part = match.captured(1);
            const QString line = match.captured(2);
            const QString column = match.captured(3);
            (part == QLatin1StringView("system") ? systemError : userError) = {line.toInt(), column.toInt()};
        }
        m_syntax->setText(QStringLiteral("⚠ ") + detail);
        palette.setColor(QPalette::WindowText, Style::tokens().danger);
    } else {
        m_parsed = std::move(*parsed);
        const int count = int(m_parsed->variables.size());
        m_syntax->setText(count == 0 ? tr("No variables.") : tr("%n variable(s).", "", count));
        palette.setColor(QPalette::WindowText, Style::tokens().mutedText);
        m_form->setVariables(m_parsed->variables);
    }
    m_syntax->setPalette(palette);
    m_systemHighlighter->setError(systemError.first, systemError.second);
    m_userHighlighter->setError(userError.first, userError.second);
    m_save->setEnabled(canSave());
    updatePreview();
    m_wasteTimer->start(); // counted once typing pauses
    m_checking = false;
}

void PromptsWindow::updatePreview() {
    if (!m_parsed) {
        m_preview->setPlainText(tr("The template has an error: see above."));
        m_tokens->clear();
        return;
    }
    QString problem;
    const QHash<QString, QString> values = m_form->values(&problem);
    QStringList parts;
    QStringList missing;
    for (const Core::TemplateText* part : {&m_parsed->system, &m_parsed->user}) {
        auto rendered = Core::renderTemplateText(*part, values);
        if (!rendered) {
            for (const Core::TemplateValueProblem& p : rendered.error()) {
                if (!missing.contains(p.message)) {
                    missing << p.message;
                }
            }
            continue;
        }
        parts << *rendered;
    }
    if (!problem.isEmpty()) {
        missing << problem;
    }
    if (!missing.isEmpty()) {
        m_preview->setPlainText(tr("To see the prompt, fill in: %1").arg(missing.join(QStringLiteral("; "))));
        showTokens(m_system->toPlainText(), m_user->toPlainText(), false);
        return;
    }
    m_preview->setPlainText(parts.size() == 2 && !parts[0].isEmpty()
                                ? tr("System:\n%1\n\nUser:\n%2").arg(parts[0], parts[1])
                                : parts.value(1));
    showTokens(parts.value(0), parts.value(1), true);
}

void PromptsWindow::showTokens(const QString& system, const QString& user, bool rendered) {
    // The model it is for: the one chosen for the template, else the first provider's default model.
    const Core::PromptSettings chosenSettings = m_settings->settings();
    QString provider = chosenSettings.provider;
    QString model = chosenSettings.model;
    auto providers = m_services.providers().list(m_actor);
    if (providers && !providers->empty()) {
        const auto named = std::find_if(providers->begin(), providers->end(),
                                        [&](const Core::ProviderConfig& p) { return p.name == provider; });
        const Core::ProviderConfig& chosen = named != providers->end() ? *named : providers->front();
        provider = chosen.name;
        if (model.isEmpty()) {
            model = chosen.defaultModel;
        }
    }
    const qint64 systemTokens = system.isEmpty() ? 0 : Core::messageTokens(system, model);
    const qint64 userTokens = Core::messageTokens(user, model);
    const QLocale locale;
    QString text = system.isEmpty() ? tr("%1 tokens").arg(locale.toString(userTokens))
                                    : tr("System %1 tokens · user %2 · %3 tokens in all")
                                          .arg(locale.toString(systemTokens), locale.toString(userTokens),
                                               locale.toString(systemTokens + userTokens));
    if (!model.isEmpty()) {
        std::optional<qint64> cost;
        if (auto price = m_services.prices().priceFor(provider, model, {}, QDateTime::currentDateTimeUtc())) {
            Core::TokenCounts counts;
            counts.input = systemTokens + userTokens;
            cost = price->costMicros(counts);
        }
        text += QStringLiteral(", ") + tr("%1 with %2 (input)").arg(costText(cost, true), model);
    }
    if (!rendered) {
        text += QStringLiteral(" · ") + tr("counted on the template's text until its values are filled in");
    }
    m_tokens->setText(text);
}

QString PromptsWindow::tokenText() const {
    return m_tokens->text();
}

QString PromptsWindow::previewText() const {
    return m_preview->toPlainText();
}

QString PromptsWindow::syntaxText() const {
    return m_syntax->text();
}

bool PromptsWindow::canSave() const {
    return m_parsed.has_value() && !m_name->text().trimmed().isEmpty() && !m_user->toPlainText().trimmed().isEmpty() &&
           !m_name->isReadOnly();
}

Core::PromptDraft PromptsWindow::draft() const {
    Core::PromptDraft d;
    d.name = m_name->text();
    d.description = m_description->text();
    d.tags = m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    d.systemText = m_system->toPlainText();
    d.userText = m_user->toPlainText();
    d.message = m_message->text();
    d.settings = m_settings->settings();
    return d;
}

bool PromptsWindow::save() {
    if (!canSave()) {
        return false;
    }
    const Core::PromptDraft d = draft();
    Core::PromptLibrary& library = m_services.prompts();
    if (m_shown && d.name.trimmed() != m_shown->name) {
        if (auto renamed = library.rename(m_actor, m_shown->name, d.name); !renamed) {
            m_error->showError(renamed.error());
            return false;
        }
    }
    auto saved = m_shown ? library.update(m_actor, d.name, d) : library.create(m_actor, d);
    if (!saved) {
        m_error->showError(saved.error());
        return false;
    }
    m_error->hide();
    m_shown = *saved;
    reload();
    return select(saved->name);
}

bool PromptsWindow::useInProduction() {
    QListWidgetItem* item = m_versions->currentItem();
    if (!m_shown || !item) {
        return false;
    }
    if (auto set = m_services.prompts().setLabel(m_actor, m_shown->name, QStringLiteral("production"),
                                                 item->data(versionRole).toInt());
        !set) {
        m_error->showError(set.error());
        return false;
    }
    return select(m_shown->name);
}

QDialog* PromptsWindow::compareChosen() {
    QListWidgetItem* item = m_versions->currentItem();
    if (!m_shown || !item || m_versions->count() < 2) {
        return nullptr;
    }
    auto versions = m_services.prompts().versions(m_actor, m_shown->name);
    if (!versions) {
        m_error->showError(versions.error());
        return nullptr;
    }
    // The chosen version against the one before it (the first against the second).
    const int chosen = item->data(versionRole).toInt();
    const int left = chosen > 1 ? chosen - 1 : chosen;
    const int right = chosen > 1 ? chosen : chosen + 1;
    auto* dialog = new VersionCompareDialog(m_shown->name, std::move(*versions), left, right, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

bool PromptsWindow::restoreChosen() {
    QListWidgetItem* item = m_versions->currentItem();
    if (!m_shown || !item) {
        return false;
    }
    auto restored = m_services.prompts().restore(m_actor, m_shown->name, item->data(versionRole).toInt());
    if (!restored) {
        m_error->showError(restored.error());
        return false;
    }
    return select(m_shown->name);
}

bool PromptsWindow::removeShown() {
    if (!m_shown) {
        return false;
    }
    if (!m_dialogs.confirm(
            this, tr("Remove Template"),
            tr("Remove \"%1\" with all its %n version(s)? This cannot be undone.", "", m_shown->latestVersion)
                .arg(m_shown->name),
            tr("Remove"))) {
        return false;
    }
    if (auto removed = m_services.prompts().remove(m_actor, m_shown->name); !removed) {
        m_error->showError(removed.error());
        return false;
    }
    m_shown.reset();
    reload();
    if (m_list->count() > 0) {
        m_list->setCurrentRow(0);
    } else {
        startNew();
    }
    return true;
}

} // namespace Tessera::Ui
