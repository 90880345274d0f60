#include "storage/RoleRepository.h"

#include "storage/Database.h"

#include <QSqlQuery>

namespace Tessera::Core {

namespace {

const QString kColumns = QStringLiteral("id, name, built_in, permissions, providers, created_at");

AccountRole fromRow(const QSqlQuery& query) {
    AccountRole role;
    role.id = query.value(0).toLongLong();
    role.name = query.value(1).toString();
    role.builtIn = query.value(2).toInt() != 0;
    if (role.builtIn && role.id >= qint64(BuiltInRole::Administrator) && role.id <= qint64(BuiltInRole::Auditor)) {
        role.permissions = builtInRole(BuiltInRole(role.id)).permissions;
    } else {
        // A name this build does not know (from a newer one) grants nothing.
        role.permissions = PermissionSet::fromText(query.value(3).toString()).value_or(PermissionSet());
    }
    const QString providers = query.value(4).toString();
    role.providers = providers.isEmpty() ? QStringList() : providers.split(QLatin1Char(','));
    role.createdAt = fromStoredTime(query.value(5).toString());
    return role;
}

Result<QString> cleanName(const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the role's name is empty"));
    }
    if (trimmed.size() > 64) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a role's name has at most 64 characters"));
    }
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control || c == QLatin1Char(',')) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("a role's name has no commas or control characters"));
        }
    }
    return trimmed;
}

Result<QString> cleanProviders(const QStringList& providers) {
    QStringList cleaned;
    for (const QString& entry : providers) {
        const QString trimmed = entry.trimmed();
        if (trimmed.isEmpty()) {
            continue;
        }
        if (trimmed.contains(QLatin1Char(',')) || trimmed.startsWith(QLatin1Char('/')) ||
            trimmed.endsWith(QLatin1Char('/'))) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("'%1' is not a provider or provider/model").arg(trimmed));
        }
        if (!cleaned.contains(trimmed)) {
            cleaned << trimmed;
        }
    }
    return cleaned.join(QLatin1Char(','));
}

} // namespace

RoleRepository::RoleRepository(const Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {
}

Result<std::vector<AccountRole>> RoleRepository::list() const {
    auto query = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM roles ORDER BY id"));
    if (!query) {
        return fail(query.error());
    }
    std::vector<AccountRole> roles;
    while (query->next()) {
        roles.push_back(fromRow(*query));
    }
    return roles;
}

Result<AccountRole> RoleRepository::findById(qint64 id) const {
    auto query = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM roles WHERE id = ?"), {id});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("role %1").arg(id));
    }
    return fromRow(*query);
}

Result<AccountRole> RoleRepository::findByName(const QString& name) const {
    auto query = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM roles WHERE name_key = ?"),
                           {name.trimmed().toCaseFolded()});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("no role named '%1'").arg(name.trimmed()));
    }
    return fromRow(*query);
}

Result<AccountRole> RoleRepository::add(const QString& name, const PermissionSet& permissions,
                                        const QStringList& providers) const {
    auto cleaned = cleanName(name);
    if (!cleaned) {
        return fail(cleaned.error());
    }
    auto allow = cleanProviders(providers);
    if (!allow) {
        return fail(allow.error());
    }
    auto query =
        m_db.exec(QStringLiteral("INSERT INTO roles (name, name_key, built_in, permissions, providers, "
                                 "created_at) VALUES (?, ?, 0, ?, ?, ?) RETURNING id"),
                  {*cleaned, cleaned->toCaseFolded(), permissions.toText(), *allow, toStoredTime(m_clock.nowUtc())});
    if (!query) {
        if (query.error().code == ErrorCode::AlreadyExists) {
            return fail(ErrorCode::AlreadyExists, QStringLiteral("a role named '%1' exists").arg(*cleaned));
        }
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("the new role's id was not returned"));
    }
    return findById(query->value(0).toLongLong());
}

Status RoleRepository::update(qint64 id, const QString& name, const PermissionSet& permissions,
                              const QStringList& providers) const {
    auto cleaned = cleanName(name);
    if (!cleaned) {
        return fail(cleaned.error());
    }
    auto allow = cleanProviders(providers);
    if (!allow) {
        return fail(allow.error());
    }
    auto query = m_db.exec(QStringLiteral("UPDATE roles SET name = ?, name_key = ?, permissions = ?, providers = ? "
                                          "WHERE id = ? AND built_in = 0"),
                           {*cleaned, cleaned->toCaseFolded(), permissions.toText(), *allow, id});
    if (!query) {
        if (query.error().code == ErrorCode::AlreadyExists) {
            return fail(ErrorCode::AlreadyExists, QStringLiteral("a role named '%1' exists").arg(*cleaned));
        }
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("custom role %1").arg(id));
    }
    return {};
}

Status RoleRepository::remove(qint64 id) const {
    auto query = m_db.exec(QStringLiteral("DELETE FROM roles WHERE id = ? AND built_in = 0"), {id});
    if (!query) {
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("custom role %1").arg(id));
    }
    return {};
}

Result<int> RoleRepository::members(qint64 id) const {
    auto query = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE role_id = ?"), {id});
    if (!query) {
        return fail(query.error());
    }
    return query->next() ? query->value(0).toInt() : 0;
}

} // namespace Tessera::Core
