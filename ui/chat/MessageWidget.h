#pragma once

#include "chat/Message.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QLabel;
class QAction;
class QToolButton;
class QVBoxLayout;

namespace Tessera::Ui {

struct MessagePart;

// One message in the chat. A question is a tinted bubble on the right; an answer is unboxed text on the left
// under a small label naming its model. The text is Markdown (see MessageRenderer); each code block sits in a
// card with its language and a copy button. Below an answer, a quiet line of facts (tokens, time to the first
// token, latency) or why it is incomplete.
//
// Actions are icon buttons under the message: copy, edit (questions) or regenerate (answers), thumbs up and down
// (answers; the chosen one stays shown, and a question sent from a template names it in its facts), "‹ 2/3 ›" through
// the versions of a message that was edited or regenerated, and "more" with Delete. They show while the pointer
// is over the message or the keyboard is on one of them (they stay in the tab order), and always on the newest
// message. The actions are requests; the chat panel carries them out.
class MessageWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageWidget)

public:
    explicit MessageWidget(const Core::Message& message, QWidget* parent = nullptr);

    qint64 messageId() const { return m_message.id; }
    const Core::Message& message() const { return m_message; }
    // Streaming: the text so far. Renders only this message, and reuses the parts already shown.
    void setStreamingText(const QString& text);
    void setFinal(const Core::Message& message);
    QString bodyText() const;
    // Disables the actions that change the conversation while an answer is being written.
    void setActionsEnabled(bool enabled);
    // The newest message shows its actions without hovering.
    void setActionsAlwaysShown(bool shown);
    bool actionsShown() const;

    // Answers: the rating shown (the chosen thumb stays visible, the tags and comment in the facts line).
    void setFeedback(const std::optional<Core::Feedback>& feedback);

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
    // Answers: a thumb was pressed (up or down), or More ▸ Feedback was chosen.
    void rateRequested(qint64 messageId, bool positive);
    void feedbackRequested(qint64 messageId);

protected:
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void render();
    void updateActions();
    void updateRating();
    void showBody();
    void updateHeader();
    void updateFacts();
    void updateReveal();
    void updateBubbleWidth();
    void applyColours();
    QWidget* createPart(const MessagePart& part);
    void updatePart(QWidget* widget, const MessagePart& part);

    Core::Message m_message;
    bool m_question;
    QLabel* m_header;  // answers: the model
    QWidget* m_bubble; // questions: the tinted bubble; answers: a plain container
    QVBoxLayout* m_partsLayout;
    QList<QWidget*> m_parts; // a QLabel per text part, a code card per code block
    QList<int> m_partKinds;
    QLabel* m_footer;
    QWidget* m_actions;
    QToolButton* m_previousVersion;
    QLabel* m_version;
    QToolButton* m_nextVersion;
    QToolButton* m_copy;
    QToolButton* m_change;             // edit (questions) or regenerate (answers)
    QToolButton* m_rateUp = nullptr;   // answers only
    QToolButton* m_rateDown = nullptr; // answers only
    QToolButton* m_more;
    QAction* m_delete;
    QAction* m_feedback = nullptr; // answers only
    int m_idealWidth = 0;
    bool m_highlighted = false;
    bool m_actionsEnabled = true;
    bool m_alwaysShowActions = false;
    bool m_hovered = false;
    bool m_menuOpen = false;
    int m_styled = -1;           // the theme generation the message was styled for
    bool m_actionsShown = false; // the buttons start without icons; updateReveal shows them
};

} // namespace Tessera::Ui
