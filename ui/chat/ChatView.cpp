#include "chat/ChatView.h"

#include "chat/MessageWidget.h"

#include <QLabel>
#include <QPointer>
#include <QScrollBar>
#include <QVBoxLayout>

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
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_followTail = value >= verticalScrollBar()->maximum() - 20; });
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
    m_placeholder->show();
    m_streamingText.clear();
    m_dirty.clear();
    m_followTail = true;
}

void ChatView::setMessages(const std::vector<Core::Message>& messages) {
    clear();
    for (const Core::Message& message : messages) {
        appendMessage(message);
    }
}

void ChatView::appendMessage(const Core::Message& message) {
    auto* widget = new MessageWidget(message, m_content);
    widget->setActionsEnabled(m_actionsEnabled);
    connect(widget, &MessageWidget::copyRequested, this, &ChatView::copyRequested);
    connect(widget, &MessageWidget::editRequested, this, &ChatView::editRequested);
    connect(widget, &MessageWidget::regenerateRequested, this, &ChatView::regenerateRequested);
    connect(widget, &MessageWidget::deleteRequested, this, &ChatView::deleteRequested);
    connect(widget, &MessageWidget::versionRequested, this, &ChatView::versionRequested);
    m_placeholder->hide();
    m_layout->insertWidget(m_layout->count() - 1, widget);
    m_widgets.push_back(widget);
    if (message.state == Core::MessageState::Streaming) {
        m_streamingText.insert(message.id, message.content);
    }
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
    MessageWidget* widget = messageById(id);
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
