#include "tags/TagsDialog.h"

#include "chat/ConversationService.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

QListWidgetItem* addTagItem(QListWidget* list, const QString& name) {
    auto* item = new QListWidgetItem(name, list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
    return item;
}

} // namespace

TagsDialog::TagsDialog(const QString& title, const std::vector<Core::TagUse>& existing, const QStringList& checked,
                       QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_newTag(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("tagsDialog"));
    setWindowTitle(tr("Tags"));
    setMinimumWidth(380);
    resize(380, 420);

    auto* heading = new QLabel(
        title.isEmpty() ? tr("&Tags for the new conversation:") : tr("&Tags of “%1”:").arg(title.left(60)), this);
    heading->setWordWrap(true);
    heading->setBuddy(m_list);
    m_list->setObjectName(QStringLiteral("tagList"));
    m_list->setAccessibleName(tr("Tags"));
    m_list->setUniformItemSizes(true);
    for (const Core::TagUse& use : existing) {
        addTagItem(m_list, use.name)->setToolTip(tr("On %n conversation(s)", nullptr, int(use.conversations)));
    }
    for (const QString& name : checked) {
        QListWidgetItem* item = itemFor(name);
        if (item == nullptr) { // not counted yet (a tag chosen for a conversation not yet started)
            item = addTagItem(m_list, name);
        }
        item->setCheckState(Qt::Checked);
    }
    if (m_list->count() > 0) {
        m_list->setCurrentRow(0);
    }

    auto* newLabel = new QLabel(tr("&New tag:"), this);
    newLabel->setBuddy(m_newTag);
    m_newTag->setObjectName(QStringLiteral("newTag"));
    m_newTag->setAccessibleName(tr("New tag"));
    m_newTag->setPlaceholderText(tr("work, ideas"));
    m_newTag->setMaxLength(400);
    m_newTag->installEventFilter(this);
    m_add->setObjectName(QStringLiteral("addTag"));
    m_add->setAutoDefault(false);
    m_add->setEnabled(false);
    connect(m_newTag, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_add->setEnabled(!text.trimmed().isEmpty());
        m_error->hide();
    });
    connect(m_add, &QPushButton::clicked, this, &TagsDialog::addTypedTags);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(newLabel);
    addRow->addWidget(m_newTag, 1);
    addRow->addWidget(m_add);

    m_error->setObjectName(QStringLiteral("tagsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    auto* note = new QLabel(tr("Space toggles the tag under the cursor. Filter the list by tag above the "
                               "conversations."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &TagsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_list, 1);
    layout->addLayout(addRow);
    layout->addWidget(m_error);
    layout->addWidget(note);
    layout->addWidget(buttons);
    m_newTag->setFocus();
}

QString TagsDialog::nameRules() {
    return tr("A tag has a name of at most %1 characters, without commas or control characters.")
        .arg(Core::ConversationLimits::maxTagNameLength);
}

QListWidgetItem* TagsDialog::itemFor(const QString& name) const {
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->text().compare(name, Qt::CaseInsensitive) == 0) {
            return m_list->item(row);
        }
    }
    return nullptr;
}

QStringList TagsDialog::tags() const {
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked) {
            names << m_list->item(row)->text();
        }
    }
    return names;
}

void TagsDialog::showProblem(const QString& text) {
    m_error->setText(text);
    m_error->show();
}

bool TagsDialog::addTypedTags() {
    const QStringList parts = m_newTag->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    QStringList names;
    for (const QString& part : parts) {
        if (part.trimmed().isEmpty()) {
            continue;
        }
        auto cleaned = Core::ConversationService::cleanTag(part);
        if (!cleaned) {
            showProblem(tr("“%1” cannot be a tag.").arg(part.trimmed().left(50)) + QLatin1Char(' ') + nameRules());
            m_newTag->setFocus();
            return false;
        }
        names << *cleaned;
    }
    if (names.isEmpty()) {
        showProblem(tr("Type a name for the tag first."));
        m_newTag->setFocus();
        return false;
    }
    QListWidgetItem* last = nullptr;
    for (const QString& name : names) {
        last = itemFor(name);
        if (last == nullptr) {
            last = addTagItem(m_list, name);
        }
        last->setCheckState(Qt::Checked);
    }
    m_list->setCurrentItem(last);
    m_list->scrollToItem(last);
    m_newTag->clear();
    return true;
}

void TagsDialog::accept() {
    // A name typed but not added yet is what the user means to add.
    if (!m_newTag->text().trimmed().isEmpty() && !addTypedTags()) {
        return;
    }
    const qsizetype count = tags().size();
    if (count > Core::ConversationLimits::maxTagsPerConversation) {
        showProblem(tr("A conversation can carry at most %n tag(s); uncheck %1 of them.", nullptr,
                       Core::ConversationLimits::maxTagsPerConversation)
                        .arg(count - Core::ConversationLimits::maxTagsPerConversation));
        m_list->setFocus();
        return;
    }
    QDialog::accept();
}

bool TagsDialog::eventFilter(QObject* watched, QEvent* event) {
    // Return in the line adds the tag instead of closing the dialog; on an empty line it closes it as usual.
    if (watched == m_newTag && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !m_newTag->text().trimmed().isEmpty()) {
            addTypedTags();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Tessera::Ui
