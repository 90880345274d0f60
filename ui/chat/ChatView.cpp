#include "chat/ChatView.h"

#include "chat/MessageWidget.h"

#include <QLabel>
#include <QPointer>

#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>

namespace Tessera::Ui {

ChatView::ChatView(QWidget* parent)
    : QScrollArea(parent)
    , m_content(new QWidget(this))
    , m_layout(new QVBoxLayout(m_content))
    , m_placeholder(new QLabel(tr("Start a conversation: write a message below and press Ctrl+Enter."), m_content)) {
    setObjectName(QStringLiteral("chatView"));
    setAccessibleName(tr("Conversation"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    m_layout->setContentsMargins(12, 12, 12, 12);
    m_layout->setSpacing(10);
    m_placeholder->setObjectName(QStringLiteral("emptyConversationHint"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    // [hint | messages…] then a stretch: messages stay at the top; the hint, while shown, takes the upper half.
    m_layout->addWidget(m_placeholder, 1);
    m_layout->addStretch(1);
    setWidget(m_content);
    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(frameIntervalMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &ChatView::flushPending);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_followTail = value >= verticalScrollBar()->maximum() - 20;
        if (value == verticalScrollBar()->minimum() && verticalScrollBar()->maximum() > 0 && m_firstShown > 0) {
            // At the top: the page before it, from the event loop (not inside the scroll bar's signal).
            QTimer::singleShot(0, this, [this] {
                if (verticalScrollBar()->value() == verticalScrollBar()->minimum()) {
                    showEarlierMessages();
                }
            });
        }
    });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int max) {
        if (m_followTail) {
            verticalScrollBar()->setValue(max);
        }
    });
}

void ChatView::clear() {
    for (MessageWidget* widget : m_widgets) {
        widget->deleteLater();
        m_layout->removeWidget(widget);
    }
    m_widgets.clear();
    m_all.clear();
    m_firstShown = 0;
    m_placeholder->show();
    m_streamingText.clear();
    m_dirty.clear();
    m_followTail = true;
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
}

MessageWidget* ChatView::createWidget(const Core::Message& message) {
    const bool bytesLater = std::any_of(message.images.cbegin(), message.images.cend(),
                                        [](const Core::ImageAttachment& image) { return image.data.isEmpty(); });
    MessageWidget* widget = nullptr;
    if (bytesLater && m_imageLoader) {
        // The widget holds the bytes it shows; the branch kept here stays without them.
        Core::Message withBytes = message;
        withBytes.images = m_imageLoader(message.id);
        widget = new MessageWidget(withBytes, m_content);
    } else {
        widget = new MessageWidget(message, m_content);
    }
    widget->setActionsEnabled(m_actionsEnabled);
    connect(widget, &MessageWidget::copyRequested, this, &ChatView::copyRequested);
    connect(widget, &MessageWidget::editRequested, this, &ChatView::editRequested);
    connect(widget, &MessageWidget::regenerateRequested, this, &ChatView::regenerateRequested);
    connect(widget, &MessageWidget::deleteRequested, this, &ChatView::deleteRequested);
    connect(widget, &MessageWidget::versionRequested, this, &ChatView::versionRequested);
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
    // Keep what is on screen where it is: the content grows above it by as much as the scroll position moves.
    const int before = verticalScrollBar()->maximum() - verticalScrollBar()->value();
    for (std::size_t i = m_firstShown; i-- > from;) {
        m_widgets.insert(m_widgets.begin(), createWidget(m_all[i]));
        m_layout->insertWidget(1, m_widgets.front()); // after the hidden placeholder
        m_widgets.front()->show();
    }
    m_firstShown = from;
    m_followTail = false;
    // Size the content now (the scroll area would do it at the next layout pass), so the scroll range is known
    // before the position is restored.
    m_layout->activate();
    const int width = viewport()->width();
    const int height =
        m_layout->hasHeightForWidth() ? m_layout->totalHeightForWidth(width) : m_layout->totalSizeHint().height();
    m_content->resize(width, std::max(height, viewport()->height()));
    verticalScrollBar()->setValue(verticalScrollBar()->maximum() - before);
    return true;
}

void ChatView::appendMessage(const Core::Message& message) {
    m_all.push_back(message);
    m_placeholder->hide();
    m_widgets.push_back(createWidget(m_all.back()));
    m_layout->insertWidget(m_layout->count() - 1, m_widgets.back());
    m_followTail = true;
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
            ensureWidgetVisible(widget, 0, 40);
        }
    });
    return true;
}

MessageWidget* ChatView::messageAt(int index) const {
    return index >= 0 && size_t(index) < m_widgets.size() ? m_widgets[size_t(index)] : nullptr;
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
