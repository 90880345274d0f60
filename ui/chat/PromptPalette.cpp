#include "chat/PromptPalette.h"

#include "app/CoreServices.h"
#include "prompts/VariableForm.h"
#include "style/Icons.h"
#include "style/Theme.h"
#include "widgets/ErrorText.h"
#include "widgets/SearchPopup.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

constexpr int nameRole = Qt::UserRole;

} // namespace

PromptPalette::PromptPalette(Core::CoreServices& services, Core::Actor actor, QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("promptPalette"));
    setAccessibleName(tr("Choose a prompt template"));
    setFrameShape(QFrame::StyledPanel);
    m_search->setObjectName(QStringLiteral("paletteSearch"));
    setUpSearchField(m_search, tr("Search templates"), tr("Search templates"));
    m_search->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("paletteList"));
    m_list->setAccessibleName(tr("Templates"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("paletteStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::one, Style::Space::one, Style::Space::one, Style::Space::one);
    layout->setSpacing(Style::Space::one);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    resize(440, 360);
    connect(m_search, &QLineEdit::textChanged, this, &PromptPalette::applyFilter);
    connect(m_list, &QListWidget::itemActivated, this, &PromptPalette::chooseCurrent);
    connect(m_list, &QListWidget::itemClicked, this, &PromptPalette::chooseCurrent);
}

void PromptPalette::popup(QWidget* anchor) {
    Core::PromptQuery query;
    query.sort = Core::PromptSort::LastUsed;
    auto templates = m_services.prompts().list(m_actor, query);
    m_templates = templates ? std::move(*templates) : std::vector<Core::PromptTemplate>();
    m_matcher = std::make_unique<Core::TemplateMatcher>(m_templates);
    m_search->clear();
    applyFilter();
    if (!templates) {
        m_status->setText(describeErrorPlainly(templates.error()));
    }
    resize(std::min(anchor->width(), 560), height());
    move(popupPlace(anchor, height()));
    show();
    m_search->setFocus(Qt::PopupFocusReason);
}

void PromptPalette::applyFilter() {
    m_list->clear();
    if (!m_matcher) {
        return;
    }
    const std::vector<int> order = m_matcher->rank(m_search->text());
    const int shown = std::min<int>(int(order.size()), maxShown);
    for (int i = 0; i < shown; ++i) {
        const Core::PromptTemplate& t = m_templates[std::size_t(order[std::size_t(i)])];
        QString text = t.name;
        QStringList details;
        if (!t.description.isEmpty()) {
            details << t.description.left(120);
        }
        if (!t.tags.isEmpty()) {
            details << t.tags.join(QStringLiteral(", "));
        }
        if (!details.isEmpty()) {
            text += QStringLiteral("\n") + details.join(QStringLiteral(" · "));
        }
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(nameRole, t.name);
        item->setToolTip(tr("%1, version %2").arg(t.name).arg(t.defaultVersion()));
        item->setIcon(Style::icon(Style::Icon::FileText, Style::Tone::Muted));
    }
    if (m_list->count() > 0) {
        m_list->setCurrentRow(0);
    }
    if (m_templates.empty()) {
        m_status->setText(tr("The prompt library is empty: write templates in View ▸ Prompts (Ctrl+Shift+L)."));
    } else if (order.empty()) {
        m_status->setText(tr("No template matches “%1”. Escape types a /.").arg(m_search->text()));
    } else if (int(order.size()) > shown) {
        m_status->setText(tr("The best %1 of %2 matches; type more to narrow them.").arg(shown).arg(order.size()));
    } else {
        m_status->setText(tr("Enter puts the template in the message; Escape types a /."));
    }
}

QStringList PromptPalette::shownNames() const {
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i) {
        names << m_list->item(i)->data(nameRole).toString();
    }
    return names;
}

void PromptPalette::chooseCurrent() {
    QListWidgetItem* item = m_list->currentItem();
    if (!item) {
        return;
    }
    const QString name = item->data(nameRole).toString();
    hide();
    Q_EMIT chosen(name);
}

bool PromptPalette::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_search && event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        event->accept(); // Escape closes the palette (not the chat panel's Stop)
        return true;
    }
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (moveListFromSearch(key, m_list, [this] { chooseCurrent(); })) {
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            hide();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void PromptPalette::hideEvent(QHideEvent* event) {
    QFrame::hideEvent(event);
    Q_EMIT hidden();
}

TemplateValuesDialog::TemplateValuesDialog(Core::CoreServices& services, Core::Actor actor, const QString& name,
                                           const Core::ParsedPrompt& parsed, int version, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_name(name)
    , m_version(version)
    , m_form(new VariableForm(this))
    , m_preview(new QPlainTextEdit(this))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("templateValuesDialog"));
    setWindowTitle(tr("%1 (version %2)").arg(name).arg(version));
    m_form->setObjectName(QStringLiteral("templateValues"));
    m_form->setVariables(parsed.variables);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMaximumHeight(320);
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("The prompt as it will be sent"));
    m_preview->setMinimumHeight(100);
    m_error->setObjectName(QStringLiteral("templateValuesError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* insert = buttons->addButton(tr("&Insert"), QDialogButtonBox::AcceptRole);
    insert->setObjectName(QStringLiteral("insertTemplate"));
    insert->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &TemplateValuesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &VariableForm::changed, this, &TemplateValuesDialog::updatePreview);
    auto* previewLabel = new QLabel(tr("The prompt:"), this);
    previewLabel->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    layout->addWidget(previewLabel);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    resize(520, 460);
    updatePreview();
    if (!parsed.variables.empty()) {
        if (QWidget* first = m_form->field(parsed.variables.front().name)) {
            first->setFocus();
        }
    }
}

QString TemplateValuesDialog::previewText() const {
    return m_preview->toPlainText();
}

void TemplateValuesDialog::updatePreview() {
    QString problem;
    const QHash<QString, QString> values = m_form->values(&problem);
    auto rendered = m_services.prompts().render(m_actor, m_name, m_version, values);
    if (!problem.isEmpty() || !rendered) {
        m_error->setText(!problem.isEmpty() ? problem : rendered.error().detail);
        m_error->show();
        m_preview->setPlainText(QString());
        return;
    }
    m_error->hide();
    m_preview->setPlainText(rendered->systemText.isEmpty()
                                ? rendered->userText
                                : tr("System:\n%1\n\nUser:\n%2").arg(rendered->systemText, rendered->userText));
}

void TemplateValuesDialog::accept() {
    QString problem;
    const QHash<QString, QString> values = m_form->values(&problem);
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    auto rendered = m_services.prompts().render(m_actor, m_name, m_version, values);
    if (!rendered) {
        m_error->setText(rendered.error().code == Core::ErrorCode::InvalidArgument
                             ? rendered.error().detail
                             : describeErrorPlainly(rendered.error()));
        m_error->show();
        return;
    }
    m_rendered = std::move(*rendered);
    QDialog::accept();
}

} // namespace Tessera::Ui
