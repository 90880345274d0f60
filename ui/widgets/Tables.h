#pragma once

#include <QString>
#include <QStringList>

class QTableWidget;
class QWidget;

namespace Tessera::Ui {

// A read-only table of whole rows, one selected at a time, with these column headers and no row numbers: the
// administration pages' lists.
QTableWidget* rowTable(QWidget* parent, const QString& objectName, const QStringList& headers);

} // namespace Tessera::Ui
