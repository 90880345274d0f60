#include "admin/FeedbackTagsPage.h"

#include "app/CoreServices.h"
#include "prompts/Feedback.h"
#include "style/Tokens.h"
#include "usage/UsageTableModels.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

// The tags a new store starts with (core/storage/PromptTables.cpp).
QStringList defaultTags() {
    return {QStringLiteral("inaccurate"), QStringLiteral("unhelpful"), QStringLiteral("too long"),
            QStringLiteral("too short"),  QStringLiteral("unsafe"),    QStringLiteral("great")};
}

constexpr int tagRole = Qt::UserRole;

// A built-in tag reads with the words people see in the rating dialog; renaming it starts from its stored name.
class TagDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        if (auto* line = qobject_cast<QLineEdit*>(editor)) {
            line->setText(index.data(tagRole).toString());
            line->setMaxLength(Core::FeedbackService::maxTagLength);
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }
};

} // namespace

FeedbackTagsPage::FeedbackTagsPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_list(new QListWidget(this))
    , m_newTag(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_up(new QPushButton(tr("Move &Up"), this))
    , m_down(new QPushButton(tr("Move &Down"), this))
    , m_count(new QLabel(this)) {
    setObjectName(QStringLiteral("feedbackTagsPage"));
    auto* intro = new QLabel(tr("The tags people may give an answer they rate, in the order the rating dialog shows "
                                "them. Double-click a tag (or press F2) to rename it. An answer keeps the tags it "
                                "was given when one is renamed or removed. The six built-in tags are shown in each "
                                "person's language; your own as you write them."),
                             this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    m_list->setObjectName(QStringLiteral("feedbackTagList"));
    m_list->setAccessibleName(tr("Feedback tags"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setSpacing(Style::Space::half);
    m_list->setItemDelegate(new TagDelegate(m_list));
    m_newTag->setObjectName(QStringLiteral("newFeedbackTag"));
    m_newTag->setAccessibleName(tr("New tag"));
    m_newTag->setPlaceholderText(tr("A new tag, for example: outdated"));
    m_newTag->setMaxLength(Core::FeedbackService::maxTagLength);
    m_add->setObjectName(QStringLiteral("addFeedbackTag"));
    m_remove->setObjectName(QStringLiteral("removeFeedbackTag"));
    m_up->setToolTip(tr("Earlier in the rating dialog (Alt+Up)"));
    m_down->setToolTip(tr("Later in the rating dialog (Alt+Down)"));
    auto* defaults = new QPushButton(tr("Restore De&faults"), this);
    defaults->setObjectName(QStringLiteral("defaultFeedbackTags"));
    defaults->setToolTip(tr("The six built-in tags, in place of the list"));
    for (QPushButton* button : {m_add, m_remove, m_up, m_down, defaults}) {
        button->setAutoDefault(false);
    }
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto* adding = new QHBoxLayout;
    adding->addWidget(m_newTag, 1);
    adding->addWidget(m_add);
    auto* side = new QVBoxLayout;
    side->addWidget(m_remove);
    side->addWidget(m_up);
    side->addWidget(m_down);
    side->addStretch(1);
    side->addWidget(defaults);
    auto* body = new QHBoxLayout;
    body->addWidget(m_list, 1);
    body->addLayout(side);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two, 0, 0, 0);
    layout->setSpacing(Style::Space::one);
    layout->addWidget(intro);
    layout->addLayout(adding);
    layout->addLayout(body, 1);
    layout->addWidget(m_count);

    connect(m_add, &QPushButton::clicked, this, &FeedbackTagsPage::addTyped);
    connect(m_newTag, &QLineEdit::returnPressed, this, &FeedbackTagsPage::addTyped);
    connect(m_newTag, &QLineEdit::textChanged, this, &FeedbackTagsPage::updateButtons);
    connect(m_remove, &QPushButton::clicked, this, &FeedbackTagsPage::removeChosen);
    connect(m_up, &QPushButton::clicked, this, [this] { moveChosen(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveChosen(1); });
    connect(defaults, &QPushButton::clicked, this, &FeedbackTagsPage::restoreDefaults);
    connect(m_list, &QListWidget::currentRowChanged, this, &FeedbackTagsPage::updateButtons);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (m_filling) {
            return;
        }
        // Renamed in place: the new name replaces the old one where it stood.
        QStringList renamed = m_stored;
        const int row = m_list->row(item);
        if (row >= 0 && row < renamed.size()) {
            renamed[row] = item->text();
        }
        apply(renamed, row);
    });
    auto* removeKey = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(removeKey, &QShortcut::activated, this, &FeedbackTagsPage::removeChosen);
    auto* upKey = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(upKey, &QShortcut::activated, this, [this] { moveChosen(-1); });
    auto* downKey = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(downKey, &QShortcut::activated, this, [this] { moveChosen(1); });
    refresh();
}

QStringList FeedbackTagsPage::tags() const {
    return m_stored;
}

void FeedbackTagsPage::refresh() {
    auto stored = m_services.feedback().tags();
    if (!stored) {
        m_dialogs.showError(this, tr("Feedback Tags"), describeError(stored.error()));
        return;
    }
    m_stored = *stored;
    const int current = m_list->currentRow();
    m_filling = true;
    m_list->clear();
    for (const QString& tag : m_stored) {
        const QString shown = feedbackTagLabel(tag);
        auto* item = new QListWidgetItem(shown == tag ? tag : tr("%1 (shown as \"%2\")").arg(tag, shown), m_list);
        item->setData(tagRole, tag);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_list->setCurrentRow(std::min(current, int(m_list->count()) - 1));
    m_filling = false;
    m_count->setText(tr("%1 of at most %2 tags").arg(m_stored.size()).arg(Core::FeedbackService::maxTagCount));
    updateButtons();
}

bool FeedbackTagsPage::apply(QStringList tags, int select) {
    // Said here in words people can act on; core checks the same.
    for (const QString& tag : tags) {
        if (tag.contains(QLatin1Char(',')) || tag.trimmed().size() > Core::FeedbackService::maxTagLength) {
            m_dialogs.showError(this, tr("Feedback Tags"),
                                tr("\"%1\" cannot be a tag: a tag has at most %2 characters and no comma.")
                                    .arg(tag.trimmed())
                                    .arg(Core::FeedbackService::maxTagLength));
            refresh();
            return false;
        }
    }
    if (auto set = m_services.feedback().setTags(m_actor, tags); !set) {
        m_dialogs.showError(this, tr("Feedback Tags"), describeError(set.error()));
        refresh(); // what is stored, not what was typed
        return false;
    }
    refresh();
    m_list->setCurrentRow(std::clamp(select, -1, int(m_list->count()) - 1));
    return true;
}

bool FeedbackTagsPage::addTyped() {
    const QString typed = m_newTag->text().trimmed().toLower();
    if (typed.isEmpty()) {
        return false;
    }
    if (m_stored.contains(typed)) {
        m_list->setCurrentRow(int(m_stored.indexOf(typed)));
        m_newTag->clear();
        return true; // there already
    }
    if (!apply(m_stored + QStringList{typed}, int(m_stored.size()))) {
        return false;
    }
    m_newTag->clear();
    return true;
}

bool FeedbackTagsPage::removeChosen() {
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_stored.size()) {
        return false;
    }
    QStringList left = m_stored;
    left.removeAt(row);
    return apply(left, row);
}

bool FeedbackTagsPage::moveChosen(int by) {
    const int row = m_list->currentRow();
    const int to = row + by;
    if (row < 0 || row >= m_stored.size() || to < 0 || to >= m_stored.size()) {
        return false;
    }
    QStringList moved = m_stored;
    moved.move(row, to);
    return apply(moved, to);
}

bool FeedbackTagsPage::restoreDefaults() {
    if (m_stored == defaultTags()) {
        return true;
    }
    if (!m_dialogs.confirm(this, tr("Restore the Default Tags"),
                           tr("Put the six built-in tags in place of these %n tag(s)? Answers keep the tags they "
                              "were given.",
                              "", int(m_stored.size())),
                           tr("Restore"))) {
        return false;
    }
    return apply(defaultTags(), 0);
}

void FeedbackTagsPage::updateButtons() {
    const int row = m_list->currentRow();
    m_add->setEnabled(!m_newTag->text().trimmed().isEmpty() && m_stored.size() < Core::FeedbackService::maxTagCount);
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_list->count());
}

} // namespace Tessera::Ui
