#pragma once

#include <QPlainTextEdit>

namespace Tessera::Ui {

// The multi-line prompt editor: Ctrl+Enter asks to send, Esc asks to stop the answer being written.
class Composer final : public QPlainTextEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Composer)

public:
    explicit Composer(QWidget* parent = nullptr);

Q_SIGNALS:
    void sendRequested();
    void stopRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
};

} // namespace Tessera::Ui
