#include "chat/Composer.h"

#include <QKeyEvent>

namespace Tessera::Ui {

Composer::Composer(QWidget* parent)
    : QPlainTextEdit(parent) {
    setObjectName(QStringLiteral("composer"));
    setAccessibleName(tr("Message"));
    setPlaceholderText(tr("Write a message… (Ctrl+Enter sends, Esc stops)"));
    setTabChangesFocus(true);
    setMinimumHeight(60);
}

void Composer::keyPressEvent(QKeyEvent* event) {
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        Q_EMIT sendRequested();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT stopRequested();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Tessera::Ui
