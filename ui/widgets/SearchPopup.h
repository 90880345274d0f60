#pragma once

#include <QPoint>
#include <QString>

#include <functional>

class QKeyEvent;
class QLineEdit;
class QListWidget;
class QWidget;

namespace Tessera::Ui {

// What the search popups over the composer share (the model picker, the template palette): a search field with a
// magnifier and a clear button, the list moved from the field with the keys, and a place above the anchor.

void setUpSearchField(QLineEdit* field, const QString& placeholder, const QString& accessibleName);
// Up, Down, Page Up and Page Down move the list while the keyboard stays in the field; Enter calls choose. True when
// the key was taken.
bool moveListFromSearch(QKeyEvent* key, QListWidget* list, const std::function<void()>& choose);
// Where a popup of this height opens: above the anchor, or below it when the screen has no room above.
QPoint popupPlace(QWidget* anchor, int height);

} // namespace Tessera::Ui
