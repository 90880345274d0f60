#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "storage/RoleRepository.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class Clock;
class Database;

struct RoleInfo {
    AccountRole role;
    int members = 0; // accounts with the role
};

struct RoleChanges {
    std::optional<QString> name;
    std::optional<PermissionSet> permissions;
    std::optional<QStringList> providers; // the allowlist ("provider" or "provider/model"); empty allows all
};

// Roles: the four built-in ones (fixed) and custom ones made from the permission list by whoever has roles.manage.
// Listing needs users.manage or roles.manage. Every change is audited.
class RoleService final {
public:
    RoleService(const Database& db, const AuditLog& audit, const Clock& clock);

    Result<std::vector<RoleInfo>> list(const Actor& actor) const;
    Result<RoleInfo> show(const Actor& actor, const QString& name) const;
    Result<RoleInfo> add(const Actor& actor, const QString& name, const PermissionSet& permissions,
                         const QStringList& providers);
    Result<RoleInfo> update(const Actor& actor, const QString& name, const RoleChanges& changes);
    // Only a custom role nobody has.
    Status remove(const Actor& actor, const QString& name);

private:
    Status requireRolesManage(const Actor& actor, const QString& action, const QString& target) const;
    Result<RoleInfo> describe(const AccountRole& role) const;

    const Database& m_db;
    const AuditLog& m_audit;
    RoleRepository m_roles;
};

} // namespace Tessera::Core
