#pragma once

#include "accounts/Permissions.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace Tessera::Core {

class Database;

// A role as the store keeps it. A built-in role's permissions come from code (builtInRoles()), a custom role's
// from its row. providers is the allowlist of "provider" or "provider/model" entries; empty allows every one.
struct AccountRole {
    qint64 id = 0;
    QString name;
    bool builtIn = false;
    PermissionSet permissions;
    QStringList providers;
    QDateTime createdAt;
};

// The roles table. Names are unique without regard to case; built-in rows are never changed here.
class RoleRepository final {
public:
    RoleRepository(const Database& db, const Clock& clock);

    Result<std::vector<AccountRole>> list() const;
    Result<AccountRole> findById(qint64 id) const;
    Result<AccountRole> findByName(const QString& name) const;
    Result<AccountRole> add(const QString& name, const PermissionSet& permissions, const QStringList& providers) const;
    Status update(qint64 id, const QString& name, const PermissionSet& permissions, const QStringList& providers) const;
    Status remove(qint64 id) const;
    // How many accounts have the role.
    Result<int> members(qint64 id) const;

private:
    const Database& m_db;
    const Clock& m_clock;
};

} // namespace Tessera::Core
