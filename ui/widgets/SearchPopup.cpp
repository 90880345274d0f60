#include "widgets/SearchPopup.h"

#include "style/Icons.h"
#include "style/Theme.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>

namespace Tessera::Ui {

void setUpSearchField(QLineEdit* field, const QString& placeholder, const QString& accessibleName) {
    field->setPlaceholderText(placeholder);
    field->setAccessibleName(accessibleName);
    field->setClearButtonEnabled(true);
    field->addAction(Style::icon(Style::Icon::Search, Style::Tone::Muted), QLineEdit::LeadingPosition);
}

bool moveListFromSearch(QKeyEvent* key, QListWidget* list, const std::function<void()>& choose) {
    if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up || key->key() == Qt::Key_PageDown ||
        key->key() == Qt::Key_PageUp) {
        QApplication::sendEvent(list, key); // the list moves; the keyboard stays in the field
        return true;
    }
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        choose();
        return true;
    }
    return false;
}

QPoint popupPlace(QWidget* anchor, int height) {
    const QPoint above = anchor->mapToGlobal(QPoint(0, -height - Style::Space::half));
    if (const QScreen* screen = anchor->screen(); screen && above.y() < screen->availableGeometry().top()) {
        return anchor->mapToGlobal(QPoint(0, anchor->height())); // no room above the composer
    }
    return above;
}

} // namespace Tessera::Ui
