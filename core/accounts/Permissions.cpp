#include "accounts/Permissions.h"

#include <array>

namespace Tessera::Core {

namespace {

constexpr std::array<const char*, permissionCount> names = {
    "chat",           "providers.use", "providers.manage", "users.manage",  "roles.manage",    "quotas.manage",
    "usage.view_all", "audit.view",    "flags.manage",     "prompts.share", "experiments.run", "data.export",
    "data.import",
};

} // namespace

QString permissionName(Permission permission) {
    return QString::fromLatin1(names[std::size_t(permission)]);
}

std::optional<Permission> parsePermission(const QString& name) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (name == QLatin1StringView(names[i])) {
            return Permission(i);
        }
    }
    return std::nullopt;
}

QList<Permission> allPermissions() {
    QList<Permission> list;
    for (int i = 0; i < permissionCount; ++i) {
        list.append(Permission(i));
    }
    return list;
}

PermissionSet::PermissionSet(std::initializer_list<Permission> permissions) {
    for (const Permission permission : permissions) {
        add(permission);
    }
}

PermissionSet PermissionSet::all() {
    PermissionSet set;
    set.m_bits.set();
    return set;
}

PermissionSet PermissionSet::intersected(const PermissionSet& other) const {
    PermissionSet set;
    set.m_bits = m_bits & other.m_bits;
    return set;
}

QString PermissionSet::toText() const {
    QStringList parts;
    for (const Permission permission : allPermissions()) {
        if (has(permission)) {
            parts << permissionName(permission);
        }
    }
    return parts.join(QLatin1Char(','));
}

std::optional<PermissionSet> PermissionSet::fromText(const QString& text, QString* unknown) {
    PermissionSet set;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto permission = parsePermission(part.trimmed());
        if (!permission) {
            if (unknown) {
                *unknown = part.trimmed();
            }
            return std::nullopt;
        }
        set.add(*permission);
    }
    return set;
}

const QList<RoleDefinition>& builtInRoles() {
    using P = Permission;
    static const QList<RoleDefinition> roles = {
        {qint64(BuiltInRole::Administrator), QStringLiteral("Administrator"), true, PermissionSet::all()},
        // Managers look after Members and their quotas and see usage and the audit log; they cannot change roles,
        // providers or Administrators (the services check the last part).
        {qint64(BuiltInRole::Manager), QStringLiteral("Manager"), true,
         PermissionSet{P::Chat, P::ProvidersUse, P::UsersManage, P::QuotasManage, P::UsageViewAll, P::AuditView,
                       P::PromptsShare, P::ExperimentsRun, P::DataExport, P::DataImport}},
        {qint64(BuiltInRole::Member), QStringLiteral("Member"), true,
         PermissionSet{P::Chat, P::ProvidersUse, P::ExperimentsRun, P::DataExport, P::DataImport}},
        {qint64(BuiltInRole::Auditor), QStringLiteral("Auditor"), true, PermissionSet{P::UsageViewAll, P::AuditView}},
    };
    return roles;
}

const RoleDefinition& builtInRole(BuiltInRole role) {
    return builtInRoles()[qsizetype(role) - 1];
}

} // namespace Tessera::Core
