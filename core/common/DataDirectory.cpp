#include "common/DataDirectory.h"

#include <QDir>
#include <QStandardPaths>

namespace Tessera::Core {

QString resolveDataDirectory(const QString& commandLineOverride) {
    if (!commandLineOverride.isEmpty()) {
        return QDir(commandLineOverride).absolutePath();
    }
    const QString fromEnvironment = qEnvironmentVariable("TESSERA_DATA_DIR");
    if (!fromEnvironment.isEmpty()) {
        return QDir(fromEnvironment).absolutePath();
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString databasePath(const QString& dataDirectory) {
    return QDir(dataDirectory).filePath(QStringLiteral("tessera.sqlite3"));
}

} // namespace Tessera::Core
