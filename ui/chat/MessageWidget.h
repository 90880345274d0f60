#pragma once

#include "chat/Message.h"

#include <QFrame>

class QLabel;

namespace Tessera::Ui {

// One message in the chat: who wrote it, the text rendered as Markdown, and for answers the facts
// (model, tokens, latency) or why it is incomplete. Links open in the browser only when clicked.
class MessageWidget final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageWidget)

public:
    explicit MessageWidget(const Core::Message& message, QWidget* parent = nullptr);

    qint64 messageId() const { return m_message.id; }
    const Core::Message& message() const { return m_message; }
    // Streaming: the text so far. Renders only this message.
    void setStreamingText(const QString& text);
    void setFinal(const Core::Message& message);
    QString bodyText() const;
    // Marks the message (with the highlight colour) for a couple of seconds, e.g. when a search opened it.
    void flashHighlight();
    bool isHighlighted() const { return m_highlighted; }

private:
    void render();
    void updateHeader();

    Core::Message m_message;
    QLabel* m_header;
    QLabel* m_body;
    QLabel* m_footer;
    bool m_highlighted = false;
};

} // namespace Tessera::Ui
