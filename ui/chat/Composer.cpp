#include "chat/Composer.h"

#include <QImage>
#include <QKeyEvent>
#include <QMimeData>
#include <QUrl>

namespace Tessera::Ui {

Composer::Composer(QWidget* parent)
    : QPlainTextEdit(parent) {
    setObjectName(QStringLiteral("composer"));
    setAccessibleName(tr("Message"));
    setPlaceholderText(defaultPlaceholder());
    setTabChangesFocus(true);
    setMinimumHeight(60);
    setAcceptDrops(true);
}

namespace {

QStringList localFiles(const QMimeData* source) {
    QStringList paths;
    if (!source->hasUrls()) {
        return paths;
    }
    for (const QUrl& url : source->urls()) {
        if (url.isLocalFile()) {
            paths << url.toLocalFile();
        }
    }
    return paths;
}

} // namespace

bool Composer::canInsertFromMimeData(const QMimeData* source) const {
    return source->hasImage() || !localFiles(source).isEmpty() || QPlainTextEdit::canInsertFromMimeData(source);
}

void Composer::insertFromMimeData(const QMimeData* source) {
    if (const QStringList files = localFiles(source); !files.isEmpty()) {
        Q_EMIT filesInserted(files);
        return;
    }
    if (source->hasImage()) {
        Q_EMIT pictureInserted(qvariant_cast<QImage>(source->imageData()));
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
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
    // "/" typed into an empty message opens the template palette (the / stays typed until one is chosen).
    const bool palette = event->text() == QLatin1StringView("/") && document()->isEmpty();
    QPlainTextEdit::keyPressEvent(event);
    if (palette) {
        Q_EMIT templatePaletteRequested();
    }
}

QString Composer::defaultPlaceholder() {
    return tr("Write a message, or / for a template… (Ctrl+Enter sends, Esc stops)");
}

} // namespace Tessera::Ui
