#pragma once

#include "chat/Message.h"

#include <QFrame>
#include <QStringList>

class QLabel;
class QToolButton;

namespace Tessera::Ui {

// One message in the chat: who wrote it, the text rendered as Markdown, and for answers the facts
// (model, tokens, latency) or why it is incomplete. Links open in the browser only when clicked. A row of
// actions: copy, edit (questions) or regenerate (answers), delete, and "‹ 2/3 ›" to step through the versions
// of a message that was edited or regenerated. The actions are requests; the chat panel carries them out.
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
    // Disables the actions that change the conversation while an answer is being written.
    void setActionsEnabled(bool enabled);

    // Marks the message (with the highlight colour) for a couple of seconds, e.g. when a search opened it.
    void flashHighlight();
    bool isHighlighted() const { return m_highlighted; }

Q_SIGNALS:
    void copyRequested(qint64 messageId);
    void editRequested(qint64 messageId);
    void regenerateRequested(qint64 messageId);
    void deleteRequested(qint64 messageId);
    // step -1: the previous version, +1: the next one.
    void versionRequested(qint64 messageId, int step);

private:
    void render();
    void updateActions();
    void showBody();
    void updateHeader();

    Core::Message m_message;
    QLabel* m_header;
    QLabel* m_body;
    QLabel* m_footer;
    QToolButton* m_previousVersion;
    QLabel* m_version;
    QToolButton* m_nextVersion;
    QToolButton* m_copy;
    QToolButton* m_change; // edit (questions) or regenerate (answers)
    QToolButton* m_delete;
    bool m_highlighted = false;
    bool m_actionsEnabled = true;
    QStringList m_codeBlocks; // the text of each code block shown, for their Copy links
};

} // namespace Tessera::Ui
