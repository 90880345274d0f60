#include "storage/FlagRepository.h"

#include "storage/Database.h"

#include <QSqlQuery>

namespace Tessera::Core {

namespace {

QString scopeText(FlagScope scope) {
    switch (scope) {
    case FlagScope::Default:
        return QStringLiteral("default");
    case FlagScope::Role:
        return QStringLiteral("role");
    case FlagScope::User:
        return QStringLiteral("user");
    }
    return QStringLiteral("default");
}

FlagScope scopeFrom(const QString& text) {
    return text == QLatin1StringView("role")   ? FlagScope::Role
           : text == QLatin1StringView("user") ? FlagScope::User
                                               : FlagScope::Default;
}

} // namespace

FlagRepository::FlagRepository(const Database& db)
    : m_db(db) {
}

Result<std::vector<FlagSetting>> FlagRepository::all() const {
    auto query = m_db.exec(QStringLiteral("SELECT flag, scope, scope_id, enabled FROM feature_flags "
                                          "ORDER BY flag, scope, scope_id"));
    if (!query) {
        return fail(query.error());
    }
    std::vector<FlagSetting> settings;
    while (query->next()) {
        settings.push_back({query->value(0).toString(), scopeFrom(query->value(1).toString()),
                            query->value(2).toLongLong(), query->value(3).toInt() != 0});
    }
    return settings;
}

Status FlagRepository::set(const FlagSetting& setting) const {
    auto query =
        m_db.exec(QStringLiteral("INSERT INTO feature_flags (flag, scope, scope_id, enabled) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT (flag, scope, scope_id) DO UPDATE SET enabled = excluded.enabled"),
                  {setting.flag, scopeText(setting.scope), setting.scopeId, setting.enabled ? 1 : 0});
    return query ? Status{} : fail(query.error());
}

Result<bool> FlagRepository::unset(const QString& flag, FlagScope scope, qint64 scopeId) const {
    auto query = m_db.exec(QStringLiteral("DELETE FROM feature_flags WHERE flag = ? AND scope = ? AND scope_id = ?"),
                           {flag, scopeText(scope), scopeId});
    if (!query) {
        return fail(query.error());
    }
    return query->numRowsAffected() > 0;
}

Status FlagRepository::removeFor(FlagScope scope, qint64 scopeId) const {
    auto query = m_db.exec(QStringLiteral("DELETE FROM feature_flags WHERE scope = ? AND scope_id = ?"),
                           {scopeText(scope), scopeId});
    return query ? Status{} : fail(query.error());
}

Result<std::vector<std::pair<qint64, qint64>>> FlagRepository::accountRoles() const {
    auto query = m_db.exec(QStringLiteral("SELECT id, role_id FROM accounts"));
    if (!query) {
        return fail(query.error());
    }
    std::vector<std::pair<qint64, qint64>> roles;
    while (query->next()) {
        roles.emplace_back(query->value(0).toLongLong(), query->value(1).toLongLong());
    }
    return roles;
}

} // namespace Tessera::Core
