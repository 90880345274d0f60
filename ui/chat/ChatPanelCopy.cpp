// The chat panel's copying: a message's text, and the last code block of the conversation (Ctrl+Shift+C).
#include "chat/ChatPanel.h"

#include "chat/ChatView.h"
#include "chat/MessageWidget.h"

#include <QApplication>
#include <QClipboard>
#include <QRegularExpression>

namespace Tessera::Ui {

void ChatPanel::copyMessage(qint64 messageId) {
    if (MessageWidget* widget = m_view->messageById(messageId)) {
        QApplication::clipboard()->setText(widget->bodyText());
    }
}

bool ChatPanel::copyLastCodeBlock() {
    // ``` or ~~~ fences, with an optional language; the closing fence matches the opening one.
    static const QRegularExpression fence(QStringLiteral("(?:^|\\n)(```|~~~)[^\\n]*\\n(.*?)\\n\\1"),
                                          QRegularExpression::DotMatchesEverythingOption);
    const std::vector<Core::Message>& messages = m_view->messages();
    for (auto message = messages.rbegin(); message != messages.rend(); ++message) {
        // The widget's text is ahead of the record while an answer streams.
        const MessageWidget* widget = m_view->messageById(message->id);
        QString last;
        for (auto it = fence.globalMatch(widget ? widget->bodyText() : message->content); it.hasNext();) {
            last = it.next().captured(2);
        }
        if (!last.isNull()) {
            QApplication::clipboard()->setText(last);
            return true;
        }
    }
    return false;
}

} // namespace Tessera::Ui
