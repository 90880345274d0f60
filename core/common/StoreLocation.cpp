#include "common/StoreLocation.h"

#include "common/DataDirectory.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace Tessera::Core {

namespace {

bool isIdentifier(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,62}$"));
    return pattern.match(text).hasMatch();
}

Result<StoreLocation> parsePostgreSql(const QString& text) {
    const QUrl url(text, QUrl::StrictMode);
    const auto invalid = [&](const QString& why) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1: %2 (expected postgresql://USER@HOST:PORT/DATABASE)").arg(why, text.left(200)));
    };
    if (!url.isValid()) {
        return invalid(QStringLiteral("not a valid database URL"));
    }
    if (!url.password().isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the database URL must not contain a password; set PGPASSWORD or store it in the "
                                   "keychain (tessera-cli store password)"));
    }
    StoreLocation location;
    location.engine = StoreEngine::PostgreSql;
    location.user = url.userName();
    location.host = url.host();
    location.port = url.port(5432);
    location.database = url.path().mid(1);
    if (location.host.isEmpty()) {
        return invalid(QStringLiteral("the database URL names no host"));
    }
    if (location.user.isEmpty()) {
        return invalid(QStringLiteral("the database URL names no user"));
    }
    if (location.database.isEmpty() || location.database.contains(QLatin1Char('/'))) {
        return invalid(QStringLiteral("the database URL names no database"));
    }
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key != QLatin1StringView("schema")) {
            return invalid(QStringLiteral("unknown option \"%1\" in the database URL").arg(key.left(40)));
        }
        if (!isIdentifier(value)) {
            return invalid(QStringLiteral("the schema must be a plain name (letters, digits, _)"));
        }
        location.schema = value;
    }
    return location;
}

} // namespace

StoreLocation StoreLocation::sqlite(const QString& path) {
    StoreLocation location;
    location.path = path;
    return location;
}

Result<StoreLocation> StoreLocation::parse(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the database location is empty"));
    }
    if (trimmed.startsWith(QLatin1StringView("postgresql://")) ||
        trimmed.startsWith(QLatin1StringView("postgres://"))) {
        return parsePostgreSql(trimmed);
    }
    if (trimmed.startsWith(QLatin1StringView("file:"))) {
        const QUrl url(trimmed);
        if (!url.isLocalFile()) {
            return fail(ErrorCode::InvalidArgument, QStringLiteral("not a local file URL: %1").arg(trimmed.left(200)));
        }
        return sqlite(url.toLocalFile());
    }
    if (trimmed.contains(QLatin1StringView("://"))) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("unknown database URL scheme: %1 (use a file path or postgresql://…)")
                        .arg(trimmed.left(200)));
    }
    return sqlite(trimmed);
}

QString StoreLocation::displayName() const {
    if (engine == StoreEngine::Sqlite) {
        return path;
    }
    QString text = QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
    if (!schema.isEmpty()) {
        text += QStringLiteral("?schema=") + schema;
    }
    return text;
}

QString StoreLocation::passwordKey() const {
    return QStringLiteral("database/postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

Result<StoreLocation> resolveStoreLocation(const QString& commandLineOverride, const QString& dataDirectory) {
    if (!commandLineOverride.isEmpty()) {
        return StoreLocation::parse(commandLineOverride);
    }
    const QString fromEnvironment = qEnvironmentVariable("TESSERA_DATABASE_URL");
    if (!fromEnvironment.isEmpty()) {
        return StoreLocation::parse(fromEnvironment);
    }
    return StoreLocation::sqlite(databasePath(dataDirectory));
}

} // namespace Tessera::Core
