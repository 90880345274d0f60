#pragma once

#include <QString>

namespace Tessera::Core {

// Where Tessera keeps its database and logs: --data-dir, else $TESSERA_DATA_DIR, else the platform's
// application data location (~/.local/share/Tessera on Linux).
QString resolveDataDirectory(const QString& commandLineOverride);
QString databasePath(const QString& dataDirectory);

} // namespace Tessera::Core
