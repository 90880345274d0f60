#include "accounts/RoleService.h"

#include "audit/AuditLog.h"
#include "common/CorrelationId.h"
#include "storage/Database.h"
#include "storage/FlagRepository.h"

namespace Tessera::Core {

namespace {

QString roleTarget(const QString& name) {
    return QStringLiteral("role:") + name;
}

QString allowlistText(const QStringList& providers) {
    return providers.isEmpty() ? QStringLiteral("all providers") : providers.join(QLatin1Char(','));
}

} // namespace

RoleService::RoleService(const Database& db, const AuditLog& audit, const Clock& clock)
    : m_db(db)
    , m_audit(audit)
    , m_roles(db, clock) {
}

Status RoleService::requireRolesManage(const Actor& actor, const QString& action, const QString& target) const {
    if (actor.may(Permission::RolesManage)) {
        return {};
    }
    const QString correlationId = newCorrelationId();
    (void)m_audit.record(actor,
                         {action, target, AuditOutcome::Denied, QStringLiteral("lacks roles.manage"), correlationId});
    return fail(ErrorCode::AuthForbidden,
                QStringLiteral("user %1 lacks the permission roles.manage").arg(actor.userName), correlationId);
}

Result<RoleInfo> RoleService::describe(const AccountRole& role) const {
    auto members = m_roles.members(role.id);
    if (!members) {
        return fail(members.error());
    }
    return RoleInfo{role, *members};
}

Result<std::vector<RoleInfo>> RoleService::list(const Actor& actor) const {
    if (!actor.may(Permission::UsersManage)) {
        if (auto allowed = requireRolesManage(actor, QStringLiteral("role.list"), QString()); !allowed) {
            return fail(allowed.error());
        }
    }
    auto roles = m_roles.list();
    if (!roles) {
        return fail(roles.error());
    }
    std::vector<RoleInfo> result;
    for (const AccountRole& role : *roles) {
        auto info = describe(role);
        if (!info) {
            return fail(info.error());
        }
        result.push_back(std::move(*info));
    }
    return result;
}

Result<RoleInfo> RoleService::show(const Actor& actor, const QString& name) const {
    if (!actor.may(Permission::UsersManage)) {
        if (auto allowed = requireRolesManage(actor, QStringLiteral("role.show"), roleTarget(name)); !allowed) {
            return fail(allowed.error());
        }
    }
    auto role = m_roles.findByName(name);
    if (!role) {
        return fail(role.error());
    }
    return describe(*role);
}

Result<RoleInfo> RoleService::add(const Actor& actor, const QString& name, const PermissionSet& permissions,
                                  const QStringList& providers) {
    if (auto allowed = requireRolesManage(actor, QStringLiteral("role.create"), roleTarget(name.trimmed())); !allowed) {
        return fail(allowed.error());
    }
    Result<AccountRole> created = fail(ErrorCode::Internal, QString());
    auto status = m_db.transaction([&]() -> Status {
        created = m_roles.add(name, permissions, providers);
        if (!created) {
            return fail(created.error());
        }
        return m_audit.record(
            actor, {QStringLiteral("role.create"),
                    roleTarget(created->name),
                    AuditOutcome::Success,
                    QStringLiteral("permissions %1; %2").arg(permissions.toText(), allowlistText(created->providers)),
                    {}});
    });
    if (!status) {
        return fail(status.error());
    }
    return describe(*created);
}

Result<RoleInfo> RoleService::update(const Actor& actor, const QString& name, const RoleChanges& changes) {
    if (auto allowed = requireRolesManage(actor, QStringLiteral("role.update"), roleTarget(name.trimmed())); !allowed) {
        return fail(allowed.error());
    }
    auto role = m_roles.findByName(name);
    if (!role) {
        return fail(role.error());
    }
    if (role->builtIn) {
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 is a built-in role: it cannot be changed; make a custom role instead").arg(role->name));
    }
    const QString newName = changes.name.value_or(role->name);
    const PermissionSet permissions = changes.permissions.value_or(role->permissions);
    const QStringList providers = changes.providers.value_or(role->providers);
    auto status = m_db.transaction([&]() -> Status {
        if (auto updated = m_roles.update(role->id, newName, permissions, providers); !updated) {
            return updated;
        }
        QStringList what;
        if (newName != role->name) {
            what << QStringLiteral("renamed from %1").arg(role->name);
        }
        if (!(permissions == role->permissions)) {
            what << QStringLiteral("permissions %1 (were %2)").arg(permissions.toText(), role->permissions.toText());
        }
        if (providers != role->providers) {
            what << QStringLiteral("providers %1 (were %2)")
                        .arg(allowlistText(providers), allowlistText(role->providers));
        }
        return m_audit.record(actor, {QStringLiteral("role.update"),
                                      roleTarget(newName.trimmed()),
                                      AuditOutcome::Success,
                                      what.join(QStringLiteral("; ")),
                                      {}});
    });
    if (!status) {
        return fail(status.error());
    }
    auto updated = m_roles.findById(role->id);
    if (!updated) {
        return fail(updated.error());
    }
    return describe(*updated);
}

Status RoleService::remove(const Actor& actor, const QString& name) {
    if (auto allowed = requireRolesManage(actor, QStringLiteral("role.remove"), roleTarget(name.trimmed())); !allowed) {
        return allowed;
    }
    auto role = m_roles.findByName(name);
    if (!role) {
        return fail(role.error());
    }
    if (role->builtIn) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is a built-in role: it cannot be removed").arg(role->name));
    }
    auto members = m_roles.members(role->id);
    if (!members) {
        return fail(members.error());
    }
    if (*members > 0) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 users still have the role %2: give them another role first")
                        .arg(*members)
                        .arg(role->name));
    }
    return m_db.transaction([&]() -> Status {
        if (auto removed = m_roles.remove(role->id); !removed) {
            return removed;
        }
        if (auto cleared = FlagRepository(m_db).removeFor(FlagScope::Role, role->id); !cleared) {
            return cleared;
        }
        return m_audit.record(
            actor, {QStringLiteral("role.remove"), roleTarget(role->name), AuditOutcome::Success, QString(), {}});
    });
}

} // namespace Tessera::Core
