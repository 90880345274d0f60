#include "storage/SettingsRepository.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace Tessera::Core {

SettingsRepository::SettingsRepository(const Database& db)
    : m_db(db) {
}

std::optional<QString> SettingsRepository::find(const QString& key) const {
    std::optional<QString> value;
    (void)m_db.execPrepared(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key}, [&](QSqlQuery& query) {
        if (query.next()) {
            value = query.value(0).toString();
        }
    });
    return value;
}

QString SettingsRepository::value(const QString& key, const QString& fallback) const {
    return find(key).value_or(fallback);
}

QString SettingsRepository::personalKey(qint64 accountId, const QString& key) {
    return QStringLiteral("user.%1.%2").arg(accountId).arg(key);
}

QString SettingsRepository::personalValue(qint64 accountId, const QString& key, const QString& fallback) const {
    if (auto own = find(personalKey(accountId, key))) {
        return *own;
    }
    return accountId == ownerAccountId ? value(key, fallback) : fallback;
}

Status SettingsRepository::setPersonalValue(qint64 accountId, const QString& key, const QString& value) const {
    return setValue(personalKey(accountId, key), value);
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
