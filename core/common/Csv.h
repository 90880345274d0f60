#pragma once

#include <QString>
#include <QStringList>

namespace Tessera::Core {

// A CSV cell: quoted when it holds a separator, a quote or a line break; a cell a spreadsheet would take for a
// formula gets a leading apostrophe (OWASP: CSV injection).
QString csvCell(const QString& text);
// A CSV line of cells, ending in CRLF as RFC 4180 has it.
QString csvLine(const QStringList& cells);

} // namespace Tessera::Core
