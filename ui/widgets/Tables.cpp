#include "widgets/Tables.h"

#include <QHeaderView>
#include <QTableWidget>

namespace Tessera::Ui {

QTableWidget* rowTable(QWidget* parent, const QString& objectName, const QStringList& headers) {
    auto* table = new QTableWidget(parent);
    table->setObjectName(objectName);
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace Tessera::Ui
