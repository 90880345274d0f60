#include "chat/ChatView.h"

#include "chat/MessageWidget.h"
#include "style/Icons.h"
#include "style/Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Tessera::Ui {

namespace {

// The scrolled content. Its height is the height its messages need at the view's width: a word-wrapped label's
// minimum height (its height when squeezed to a few characters) must not count, or the content grows taller than
// its messages and shows a blank gap below the last one, with the scroll bar no longer matching the view.
class ConversationContent final : public QWidget {
public:
    using QWidget::QWidget;
    QSize minimumSizeHint() const override { return {QWidget::minimumSizeHint().width(), 0}; }
};

} // namespace

ChatView::ChatView(QWidget* parent)
    : QScrollArea(parent)
    , m_content(new ConversationContent(this))
    , m_column(new QWidget(m_content))
    , m_layout(new QVBoxLayout(m_column))
    , m_jump(new QToolButton(this))
    , m_placeholder(new QLabel(tr("Start a conversation: write a message below and press Ctrl+Enter."), m_column)) {
    setObjectName(QStringLiteral("chatView"));
    setAccessibleName(tr("Conversation"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundRole(QPalette::Base);
    m_content->setBackgroundRole(QPalette::Base);
    m_column->setObjectName(QStringLiteral("conversationColumn"));
    m_column->setMaximumWidth(Style::readableWidth + 2 * Style::Space::three);
    m_column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* centre = new QHBoxLayout(m_content);
    centre->setContentsMargins(0, 0, 0, 0);
    centre->addStretch(0);
    centre->addWidget(m_column, 1);
    centre->addStretch(0);
    m_layout->setContentsMargins(Style::Space::three, Style::Space::three, Style::Space::three, Style::Space::three);
    m_layout->setSpacing(Style::Space::three);
    m_placeholder->setObjectName(QStringLiteral("emptyConversationHint"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    // [hint | messages…] then a stretch: messages stay at the top; the hint, while shown, takes the upper half.
    m_layout->addWidget(m_placeholder, 1);
    m_layout->addStretch(1);
    setWidget(m_content);

    m_jump->setObjectName(QStringLiteral("jumpToLatest"));
    m_jump->setIcon(Style::icon(Style::Icon::ArrowDown));
    m_jump->setIconSize(QSize(Style::iconSize, Style::iconSize));
    m_jump->setToolTip(tr("Jump to the latest message"));
    m_jump->setAccessibleName(tr("Jump to the latest message"));
    m_jump->setFixedSize(36, 36);
    m_jump->setCursor(Qt::PointingHandCursor);
    m_jump->hide();
    connect(m_jump, &QToolButton::clicked, this, &ChatView::jumpToLatest);

    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(frameIntervalMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &ChatView::flushPending);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_scrolling) {
            // The reader moved the view: follow the newest text only from the bottom.
            m_followTail = atBottom();
            rememberAnchor();
        }
        updateJumpButton();
        if (value == verticalScrollBar()->minimum() && verticalScrollBar()->maximum() > 0 && m_firstShown > 0) {
            // At the top: the page before it, from the event loop (not inside the scroll bar's signal).
            QTimer::singleShot(0, this, [this] {
                if (verticalScrollBar()->value() == verticalScrollBar()->minimum()) {
                    showEarlierMessages();
                }
            });
        }
    });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &ChatView::handleRangeChanged);
    applyJumpStyle();
}

void ChatView::applyJumpStyle() {
    m_styled = Style::generation();
    const Style::Colours& c = Style::tokens();
    m_jump->setStyleSheet(
        QStringLiteral("#jumpToLatest { background: %1; border: 1px solid %2; border-radius: 18px; }"
                       "#jumpToLatest:hover { background: %3; }"
                       "#jumpToLatest:focus { border: 2px solid %4; }")
            .arg(Style::css(c.surface), Style::css(c.border), Style::css(c.raised), Style::css(c.focus)));
}

bool ChatView::event(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && m_styled != Style::generation()) {
        applyJumpStyle();
    }
    return QScrollArea::event(event);
}

bool ChatView::atBottom() const {
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 24;
}

void ChatView::setScrollValue(int value) {
    m_scrolling = true;
    verticalScrollBar()->setValue(value);
    m_scrolling = false;
}

void ChatView::rememberAnchor() {
    const int top = verticalScrollBar()->value();
    m_anchor = nullptr;
    for (MessageWidget* widget : m_widgets) {
        const int y = widget->mapTo(m_content, QPoint(0, 0)).y();
        if (y + widget->height() > top) {
            m_anchor = widget;
            m_anchorOffset = y - top;
            return;
        }
    }
}

void ChatView::handleRangeChanged() {
    if (m_followTail) {
        setScrollValue(verticalScrollBar()->maximum());
    } else if (m_anchor) {
        // Text added above or below, or a message grew: the message at the top of the view stays in place.
        setScrollValue(m_anchor->mapTo(m_content, QPoint(0, 0)).y() - m_anchorOffset);
    }
    updateJumpButton();
}

void ChatView::jumpToLatest() {
    m_followTail = true;
    setScrollValue(verticalScrollBar()->maximum());
    updateJumpButton();
}

void ChatView::updateJumpButton() {
    const bool show = !m_all.empty() && verticalScrollBar()->maximum() > 0 && !atBottom();
    if (show != m_jump->isVisible()) {
        m_jump->setVisible(show);
        m_jump->raise();
    }
}

void ChatView::resizeEvent(QResizeEvent* event) {
    QScrollArea::resizeEvent(event);
    const QRect area = viewport()->geometry();
    m_jump->move(area.center().x() - m_jump->width() / 2, area.bottom() - m_jump->height() - Style::Space::two);
    if (m_followTail) {
        setScrollValue(verticalScrollBar()->maximum());
    }
}

void ChatView::updateNewest() {
    for (std::size_t i = 0; i < m_widgets.size(); ++i) {
        m_widgets[i]->setActionsAlwaysShown(i + 1 == m_widgets.size());
    }
}

void ChatView::clear() {
    for (MessageWidget* widget : m_widgets) {
        // Hidden at once: until it is deleted, a widget taken out of the layout would still be drawn where it was.
        widget->hide();
        m_layout->removeWidget(widget);
        m_retired.append(widget);
    }
    if (!m_retired.isEmpty() && !m_retiring) {
        // Deleted once the events of the messages shown next are handled: a widget's deletion searches the queue
        // of posted events, which right after showing a page of new messages is long (deleting then costs more
        // than showing the page). deleteLater, because a message may be the sender of the signal that got here.
        m_retiring = true;
        QTimer::singleShot(0, this, [this] {
            m_retiring = false;
            for (const QPointer<MessageWidget>& widget : std::as_const(m_retired)) {
                if (widget) {
                    widget->deleteLater();
                }
            }
            m_retired.clear();
        });
    }
    m_widgets.clear();
    m_all.clear();
    m_firstShown = 0;
    m_placeholder->show();
    m_streamingText.clear();
    m_dirty.clear();
    m_followTail = true;
    m_anchor = nullptr;
    m_jump->hide();
}

void ChatView::setMessages(const std::vector<Core::Message>& messages) {
    clear();
    m_all = messages;
    m_firstShown = m_all.size() > std::size_t(pageSize) ? m_all.size() - pageSize : 0;
    for (std::size_t i = m_firstShown; i < m_all.size(); ++i) {
        m_widgets.push_back(createWidget(m_all[i]));
        m_layout->insertWidget(m_layout->count() - 1, m_widgets.back());
    }
    m_placeholder->setVisible(m_all.empty());
    m_followTail = true;
    updateNewest();
}

MessageWidget* ChatView::createWidget(const Core::Message& message) {
    const bool bytesLater = std::any_of(message.images.cbegin(), message.images.cend(),
                                        [](const Core::ImageAttachment& image) { return image.data.isEmpty(); });
    MessageWidget* widget = nullptr;
    if (bytesLater && m_imageLoader) {
        // The widget holds the bytes it shows; the branch kept here stays without them.
        Core::Message withBytes = message;
        withBytes.images = m_imageLoader(message.id);
        widget = new MessageWidget(withBytes, m_column);
    } else {
        widget = new MessageWidget(message, m_column);
    }
    widget->setActionsEnabled(m_actionsEnabled);
    connect(widget, &MessageWidget::copyRequested, this, &ChatView::copyRequested);
    connect(widget, &MessageWidget::editRequested, this, &ChatView::editRequested);
    connect(widget, &MessageWidget::regenerateRequested, this, &ChatView::regenerateRequested);
    connect(widget, &MessageWidget::deleteRequested, this, &ChatView::deleteRequested);
    connect(widget, &MessageWidget::versionRequested, this, &ChatView::versionRequested);
    connect(widget, &MessageWidget::rateRequested, this, &ChatView::rateRequested);
    connect(widget, &MessageWidget::feedbackRequested, this, &ChatView::feedbackRequested);
    if (message.state == Core::MessageState::Streaming) {
        m_streamingText.insert(message.id, message.content);
    }
    return widget;
}

bool ChatView::showEarlierMessages() {
    if (m_firstShown == 0) {
        return false;
    }
    const std::size_t from = m_firstShown > std::size_t(pageSize) ? m_firstShown - pageSize : 0;
    // Keep what is on screen where it is: the message at the top of the view is the anchor, and the scroll
    // position follows it as the content grows above.
    m_followTail = false;
    rememberAnchor();
    for (std::size_t i = m_firstShown; i-- > from;) {
        m_widgets.insert(m_widgets.begin(), createWidget(m_all[i]));
        m_layout->insertWidget(1, m_widgets.front()); // after the hidden placeholder
        m_widgets.front()->show();
    }
    m_firstShown = from;
    // Size the content now (the scroll area would do it at the next layout pass), so the anchor's new place is
    // known at once; later changes of height (pictures, wrapping) are followed by handleRangeChanged.
    m_layout->activate();
    m_content->layout()->activate();
    const int width = viewport()->width();
    QLayout* outer = m_content->layout();
    const int height = outer->hasHeightForWidth() ? outer->totalHeightForWidth(width) : outer->totalSizeHint().height();
    m_content->resize(width, std::max(height, viewport()->height()));
    handleRangeChanged();
    return true;
}

void ChatView::appendMessage(const Core::Message& message) {
    m_all.push_back(message);
    m_placeholder->hide();
    m_widgets.push_back(createWidget(m_all.back()));
    m_layout->insertWidget(m_layout->count() - 1, m_widgets.back());
    if (message.role == Core::Role::User) {
        m_followTail = true; // the reader just sent it: show it, and the answer that follows
    }
    updateNewest();
}

void ChatView::appendDelta(qint64 messageId, const QString& delta) {
    auto it = m_streamingText.find(messageId);
    if (it == m_streamingText.end()) {
        return;
    }
    it->append(delta);
    m_dirty.insert(messageId, true);
    if (!m_frameTimer.isActive()) {
        m_frameTimer.start();
    }
}

void ChatView::flushPending() {
    for (auto it = m_dirty.cbegin(); it != m_dirty.cend(); ++it) {
        if (MessageWidget* widget = messageById(it.key())) {
            widget->setStreamingText(m_streamingText.value(it.key()));
            ++m_streamRenders;
        }
    }
    m_dirty.clear();
}

void ChatView::finishMessage(const Core::Message& message) {
    m_streamingText.remove(message.id);
    m_dirty.remove(message.id);
    for (auto it = m_all.rbegin(); it != m_all.rend(); ++it) {
        if (it->id == message.id) {
            const int index = it->siblingIndex;
            const int count = it->siblingCount;
            *it = message;
            it->siblingIndex = index;
            it->siblingCount = std::max(count, message.siblingCount);
            break;
        }
    }
    if (MessageWidget* widget = messageById(message.id)) {
        widget->setFinal(message);
    }
    // The facts line replaced "Writing…" and the actions appeared: once laid out, the whole message shows.
    QTimer::singleShot(0, this, [this] {
        if (m_followTail) {
            setScrollValue(verticalScrollBar()->maximum());
        }
    });
}

void ChatView::setActionsEnabled(bool enabled) {
    m_actionsEnabled = enabled;
    for (MessageWidget* widget : m_widgets) {
        widget->setActionsEnabled(enabled);
    }
}

bool ChatView::scrollToMessage(qint64 id) {
    if (std::none_of(m_all.begin(), m_all.end(), [id](const Core::Message& m) { return m.id == id; })) {
        return false;
    }
    MessageWidget* widget = messageById(id);
    while (!widget && showEarlierMessages()) {
        widget = messageById(id);
    }
    if (!widget) {
        return false;
    }
    m_followTail = false;
    widget->flashHighlight();
    // After the layout has placed freshly added messages.
    QTimer::singleShot(0, this, [this, widget = QPointer<MessageWidget>(widget)] {
        if (widget) {
            m_followTail = false;
            m_scrolling = true;
            ensureWidgetVisible(widget, 0, 40);
            m_scrolling = false;
            rememberAnchor();
            updateJumpButton();
        }
    });
    return true;
}

MessageWidget* ChatView::messageAt(int index) const {
    return index >= 0 && size_t(index) < m_widgets.size() ? m_widgets[size_t(index)] : nullptr;
}

void ChatView::setFeedback(qint64 messageId, const std::optional<Core::Feedback>& feedback) {
    for (Core::Message& message : m_all) {
        if (message.id == messageId) {
            message.feedback = feedback;
        }
    }
    if (MessageWidget* widget = messageById(messageId)) {
        widget->setFeedback(feedback);
    }
}

MessageWidget* ChatView::messageById(qint64 id) const {
    // Streaming messages are at the end; search backwards.
    for (auto it = m_widgets.rbegin(); it != m_widgets.rend(); ++it) {
        if ((*it)->messageId() == id) {
            return *it;
        }
    }
    return nullptr;
}

} // namespace Tessera::Ui
