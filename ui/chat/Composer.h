#pragma once

#include <QPlainTextEdit>

namespace Tessera::Ui {

// The multi-line prompt editor: Ctrl+Enter asks to send, Esc asks to stop the answer being written, and / at the
// start of an empty message asks for the template palette. A pasted
// or dropped picture, or dropped image files, are handed on as attachments instead of being inserted as text.
class Composer final : public QPlainTextEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Composer)

public:
    explicit Composer(QWidget* parent = nullptr);
    // "Write a message…": what the empty box says while the person may chat.
    static QString defaultPlaceholder();

Q_SIGNALS:
    void sendRequested();
    void stopRequested();
    void pictureInserted(const QImage& picture);
    void filesInserted(const QStringList& paths);
    // "/" was typed at the start of an empty message.
    void templatePaletteRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;
};

} // namespace Tessera::Ui
