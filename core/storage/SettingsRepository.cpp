#include "storage/SettingsRepository.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace Tessera::Core {

SettingsRepository::SettingsRepository(const Database& db)
    : m_db(db) {
}

QString SettingsRepository::value(const QString& key, const QString& fallback) const {
    auto query = m_db.exec(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (!query || !query->next()) {
        return fallback;
    }
    return query->value(0).toString();
}

Status SettingsRepository::setValue(const QString& key, const QString& value) const {
    auto query = m_db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                           {key, value});
    if (!query) {
        return fail(query.error());
    }
    return {};
}

} // namespace Tessera::Core
