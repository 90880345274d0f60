#pragma once

#include <QString>

#include <vector>

namespace Tessera::Core {

// One table's rows and checksum, the same on both sides of a verified store copy.
struct TableCopy {
    QString table;
    qint64 rows = 0;
    QString checksum; // SHA-256 over the rows in key order, each value in a form both engines agree on
};

struct StoreCopyReport {
    std::vector<TableCopy> tables;

    qint64 totalRows() const {
        qint64 total = 0;
        for (const TableCopy& table : tables) {
            total += table.rows;
        }
        return total;
    }
};

} // namespace Tessera::Core
