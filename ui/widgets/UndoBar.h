#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTimer;

namespace Tessera::Ui {

// The status bar's offer to undo: what was done and an Undo button, for a few seconds. It also enables the menu's
// Undo action while the offer stands. Undo (button or action) emits undoRequested; the time running out emits
// expired; either way the offer is gone.
class UndoBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UndoBar)

public:
    UndoBar(QAction* undoAction, int seconds, QWidget* parent = nullptr);

    void offer(const QString& text);
    // Withdraws the offer without emitting anything.
    void dismiss();

Q_SIGNALS:
    void undoRequested();
    void expired();

private:
    QAction* m_action;
    QLabel* m_text;
    QTimer* m_timer;
};

} // namespace Tessera::Ui
