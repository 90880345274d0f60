#pragma once

#include "chat/Message.h"

#include <QHash>
#include <QPointer>
#include <QScrollArea>
#include <QTimer>

#include <functional>
#include <vector>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace Tessera::Ui {

class MessageWidget;

// The messages of one conversation, in a readable column (Style::readableWidth at most, centred). Only the newest
// page of messages gets widgets when a conversation opens; scrolling to the top shows the page before it, so a
// conversation of any length opens at once. While an answer streams, deltas are collected and the one message
// being written is re-rendered at most ~30 times a second; nothing else is touched.
//
// Scrolling: the view follows the newest text while it is at the bottom (opening a conversation, sending, an
// answer streaming and ending), and stays where the reader put it once they scroll up: the message at the top
// of the view keeps its place while text is added below or older pages above. A "jump to latest" button shows
// whenever the bottom is out of view.
class ChatView final : public QScrollArea {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatView)

public:
    static constexpr int frameIntervalMs = 33;
    static constexpr int pageSize = 40; // messages shown at first, and added each time the top is reached

    explicit ChatView(QWidget* parent = nullptr);

    void setMessages(const std::vector<Core::Message>& messages);
    // Reads a message's image bytes when its widget is made: messages may be given with their images' types and
    // names only, so a long conversation full of pictures opens without reading them all.
    using ImageLoader = std::function<std::vector<Core::ImageAttachment>(qint64 messageId)>;
    void setImageLoader(ImageLoader loader) { m_imageLoader = std::move(loader); }
    void clear();
    void appendMessage(const Core::Message& message);
    void appendDelta(qint64 messageId, const QString& delta);
    void finishMessage(const Core::Message& message);

    // The messages with widgets (the newest ones; older pages appear as the view scrolls to the top).
    int messageCount() const { return int(m_widgets.size()); }
    // Every message of the branch, shown or not yet.
    int totalMessageCount() const { return int(m_all.size()); }
    const std::vector<Core::Message>& messages() const { return m_all; }
    // Shows the page of messages before the first one shown; false when all are shown.
    bool showEarlierMessages();
    // Renders pending deltas now instead of at the next frame (benchmarks and tests).
    void flushNow() { flushPending(); }
    MessageWidget* messageAt(int index) const;
    MessageWidget* messageById(qint64 id) const;
    // The rating of an answer changed: shown on its message (and kept for when its page is shown again).
    void setFeedback(qint64 messageId, const std::optional<Core::Feedback>& feedback);
    // Enables or disables the message actions that change the conversation (while an answer is written).
    void setActionsEnabled(bool enabled);
    // Brings the message into view (showing earlier pages as needed) and marks it for a moment (a search result
    // opened). False when the branch shown does not hold it.
    bool scrollToMessage(qint64 id);
    // Number of times a streaming message was re-rendered (for tests of the coalescing).
    int streamRenderCount() const { return m_streamRenders; }
    // True while the view follows the newest text (it was at the bottom when it last moved).
    bool followsLatest() const { return m_followTail; }
    // Scrolls to the end and follows the newest text again.
    void jumpToLatest();

Q_SIGNALS:
    // The actions of a message (see MessageWidget).
    void copyRequested(qint64 messageId);
    void editRequested(qint64 messageId);
    void regenerateRequested(qint64 messageId);
    void deleteRequested(qint64 messageId);
    void versionRequested(qint64 messageId, int step);
    void rateRequested(qint64 messageId, bool positive);
    void feedbackRequested(qint64 messageId);

protected:
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void flushPending();
    bool atBottom() const;
    void setScrollValue(int value);
    // Remembers the message at the top of the view and its offset, to keep it in place when the content changes.
    void rememberAnchor();
    void handleRangeChanged();
    void updateJumpButton();
    void updateNewest();
    void applyJumpStyle();
    // A widget for the message, connected; the caller places it.
    MessageWidget* createWidget(const Core::Message& message);

    QWidget* m_content;
    QWidget* m_column;
    QVBoxLayout* m_layout;
    QToolButton* m_jump;
    QPointer<MessageWidget> m_anchor;
    int m_anchorOffset = 0;
    bool m_scrolling = false; // the view moves itself: not the reader's scroll
    int m_styled = -1;
    QList<QPointer<MessageWidget>> m_retired; // taken out of the view, deleted soon (see clear())
    bool m_retiring = false;                  // the theme generation the jump button was styled for
    QLabel* m_placeholder;                    // shown while the conversation is empty
    std::vector<Core::Message> m_all;         // the branch shown, first message first
    ImageLoader m_imageLoader;
    std::size_t m_firstShown = 0;           // index in m_all of the first message with a widget
    std::vector<MessageWidget*> m_widgets;  // for m_all[m_firstShown...]
    QHash<qint64, QString> m_streamingText; // full text so far, by message id
    QHash<qint64, bool> m_dirty;
    QTimer m_frameTimer;
    int m_streamRenders = 0;
    bool m_followTail = true;
    bool m_actionsEnabled = true;
};

} // namespace Tessera::Ui
