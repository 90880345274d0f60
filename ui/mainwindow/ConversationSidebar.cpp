#include "mainwindow/ConversationSidebar.h"

#include "mainwindow/ConversationDelegate.h"
#include "models/ConversationListModel.h"
#include "style/Icons.h"
#include "style/Theme.h"

#include <QComboBox>
#include <QEvent>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

ConversationSidebar::ConversationSidebar(ConversationListModel* model, QWidget* parent)
    : QWidget(parent)
    , m_newChat(new QPushButton(tr("New chat"), this))
    , m_filter(new QLineEdit(this))
    , m_tagFilter(new QComboBox(this))
    , m_list(new QListView(this)) {
    setObjectName(QStringLiteral("sidebar"));
    m_newChat->setObjectName(QStringLiteral("newChatButton"));
    m_newChat->setToolTip(tr("Start a new conversation (Ctrl+N)"));
    m_newChat->setAutoDefault(false);
    m_newChat->setMinimumHeight(36);
    m_filter->setObjectName(QStringLiteral("conversationFilter"));
    m_filter->setPlaceholderText(tr("Filter conversations"));
    m_filter->setAccessibleName(tr("Filter conversations"));
    m_filter->setToolTip(tr("Show only the conversations whose title or tags contain this text; Ctrl+K searches "
                            "the messages"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(Style::icon(Style::Icon::Search, Style::Tone::Muted), QLineEdit::LeadingPosition);
    // Narrows the list to one tag; shown once a tag exists.
    m_tagFilter->setObjectName(QStringLiteral("tagFilter"));
    m_tagFilter->setAccessibleName(tr("Filter by tag"));
    m_tagFilter->setToolTip(tr("Show only the conversations with this tag"));
    m_tagFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tagFilter->setMinimumContentsLength(8);
    m_tagFilter->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tagFilter->hide();
    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setModel(model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(false); // a group's first row is taller (its name is drawn above it)
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_list->viewport()->setAttribute(Qt::WA_Hover);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setItemDelegate(new ConversationDelegate(m_list));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::one, Style::Space::one + 4, Style::Space::one, 0);
    layout->setSpacing(Style::Space::one);
    layout->addWidget(m_newChat);
    layout->addWidget(m_filter);
    layout->addWidget(m_tagFilter);
    layout->addWidget(m_list, 1);
    applyStyle();
}

void ConversationSidebar::applyStyle() {
    m_styled = Style::generation();
    const Style::Colours& c = Style::tokens();
    m_newChat->setIcon(Style::icon(Style::Icon::MessageSquarePlus, Style::Tone::OnAccent));
    m_newChat->setStyleSheet(QStringLiteral("#newChatButton { background: %1; color: %2; border: none; "
                                            "border-radius: %3px; padding: 6px 12px; text-align: left; }"
                                            "#newChatButton:hover { background: %4; }"
                                            "#newChatButton:focus { border: 2px solid %5; }")
                                 .arg(Style::css(c.accent), Style::css(c.onAccent))
                                 .arg(Style::Radius::medium)
                                 .arg(Style::css(c.accent.darker(112)), Style::css(c.focus)));
    // The list on the window's colour, like the rest of the sidebar.
    QPalette list = m_list->palette();
    list.setColor(QPalette::Base, c.window);
    m_list->setPalette(list);
}

bool ConversationSidebar::event(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && m_styled != Style::generation()) {
        applyStyle();
    }
    return QWidget::event(event);
}

} // namespace Tessera::Ui
