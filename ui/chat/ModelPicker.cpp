#include "chat/ModelPicker.h"

#include "style/Icons.h"
#include "style/Theme.h"
#include "widgets/SearchPopup.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

constexpr int providerRole = Qt::UserRole;
constexpr int modelRole = Qt::UserRole + 1;

} // namespace

ModelPicker::ModelPicker(QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_reload(new QToolButton(this)) {
    setObjectName(QStringLiteral("modelPickerPopup"));
    setAccessibleName(tr("Choose a provider and model"));
    setFrameShape(QFrame::StyledPanel);
    m_search->setObjectName(QStringLiteral("modelSearch"));
    setUpSearchField(m_search, tr("Search models, or type a model name"), tr("Search models"));
    m_search->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("modelList"));
    m_list->setAccessibleName(tr("Models"));
    m_list->setUniformItemSizes(false);
    m_list->setIconSize(QSize(Style::iconSize, Style::iconSize));
    m_list->setSpacing(1);
    m_list->setFrameShape(QFrame::NoFrame);
    m_reload->setObjectName(QStringLiteral("reloadModels"));
    m_reload->setIcon(Style::icon(Style::Icon::RefreshCw));
    m_reload->setToolTip(tr("Reload the providers' model lists"));
    m_reload->setAccessibleName(tr("Reload models"));
    m_reload->setAutoRaise(true);

    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_reload);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::one, Style::Space::one, Style::Space::one, Style::Space::one);
    layout->setSpacing(Style::Space::one);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    resize(360, 380);

    connect(m_search, &QLineEdit::textChanged, this, &ModelPicker::applyFilter);
    connect(m_list, &QListWidget::itemActivated, this, &ModelPicker::chooseCurrent);
    connect(m_list, &QListWidget::itemClicked, this, &ModelPicker::chooseCurrent);
    connect(m_reload, &QToolButton::clicked, this, &ModelPicker::reloadRequested);
}

void ModelPicker::setModels(const QList<QPair<QString, QStringList>>& providers, const QString& currentProvider,
                            const QString& currentModel) {
    const QString filter = m_search->text();
    m_currentProvider = currentProvider;
    m_list->clear();
    m_typed = new QListWidgetItem(m_list);
    m_typed->setIcon(Style::icon(Style::Icon::Pencil, Style::Tone::Muted));
    QPixmap empty(QSize(Style::iconSize, Style::iconSize));
    empty.fill(Qt::transparent);
    const QIcon blank(empty);
    m_typed->setSizeHint(QSize(0, 28));
    QFont bold = font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * Style::Type::caption);
    for (const auto& [provider, models] : providers) {
        auto* header = new QListWidgetItem(provider, m_list);
        header->setFlags(Qt::NoItemFlags);
        header->setFont(bold);
        header->setSizeHint(QSize(0, 26));
        header->setData(providerRole, provider);
        for (const QString& model : models) {
            auto* item = new QListWidgetItem(model, m_list);
            item->setData(providerRole, provider);
            item->setData(modelRole, model);
            item->setToolTip(tr("%1 with %2").arg(model, provider));
            item->setSizeHint(QSize(0, 28));
            // Every model has an icon's room, so the names line up; the chosen one shows a check.
            if (provider == currentProvider && model == currentModel) {
                item->setIcon(Style::icon(Style::Icon::Check, Style::Tone::Accent));
                m_list->setCurrentItem(item);
            } else {
                item->setIcon(blank);
            }
        }
    }
    applyFilter();
    if (filter.isEmpty() && m_list->currentItem() && !m_list->currentItem()->isHidden()) {
        m_list->scrollToItem(m_list->currentItem());
    }
}

void ModelPicker::applyFilter() {
    const QString text = m_search->text().trimmed();
    QListWidgetItem* header = nullptr;
    bool headerHasMatch = false;
    bool exact = false;
    const auto closeGroup = [&] {
        if (header) {
            header->setHidden(!headerHasMatch);
        }
    };
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (item == m_typed) {
            continue;
        }
        if (item->flags() == Qt::NoItemFlags) {
            closeGroup();
            header = item;
            headerHasMatch = false;
            continue;
        }
        const QString provider = item->data(providerRole).toString();
        const QString model = item->data(modelRole).toString();
        const bool match =
            text.isEmpty() || model.contains(text, Qt::CaseInsensitive) || provider.contains(text, Qt::CaseInsensitive);
        exact = exact || (provider == m_currentProvider && model == text);
        item->setHidden(!match);
        headerHasMatch = headerHasMatch || match;
    }
    closeGroup();
    if (m_typed) {
        const bool offer = !text.isEmpty() && !exact && !m_currentProvider.isEmpty();
        m_typed->setHidden(!offer);
        m_typed->setText(tr("Use “%1” with %2").arg(text, m_currentProvider));
        m_typed->setData(providerRole, m_currentProvider);
        m_typed->setData(modelRole, text);
    }
    if (!text.isEmpty() || !m_list->currentItem() || m_list->currentItem()->isHidden()) {
        selectFirstVisible();
    }
}

void ModelPicker::selectFirstVisible() {
    // A listed model before the typed name, so typing part of a name and pressing Enter picks the listed one.
    QListWidgetItem* first = nullptr;
    for (int i = 0; i < m_list->count() && !first; ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (item != m_typed && !item->isHidden() && item->flags() != Qt::NoItemFlags) {
            first = item;
        }
    }
    if (!first && m_typed && !m_typed->isHidden()) {
        first = m_typed;
    }
    m_list->setCurrentItem(first);
}

void ModelPicker::chooseCurrent() {
    QListWidgetItem* item = m_list->currentItem();
    if (!item || item->isHidden() || item->flags() == Qt::NoItemFlags) {
        return;
    }
    const QString provider = item->data(providerRole).toString();
    const QString model = item->data(modelRole).toString();
    if (provider.isEmpty() || model.isEmpty()) {
        return;
    }
    hide();
    Q_EMIT chosen(provider, model);
}

bool ModelPicker::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        if (moveListFromSearch(static_cast<QKeyEvent*>(event), m_list, [this] { chooseCurrent(); })) {
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void ModelPicker::popup(QWidget* anchor) {
    m_search->clear();
    applyFilter();
    move(popupPlace(anchor, height()));
    show();
    m_search->setFocus(Qt::PopupFocusReason);
}

} // namespace Tessera::Ui
