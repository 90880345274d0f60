#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <bitset>
#include <optional>

namespace Tessera::Core {

// What a role may do. Core checks these at the top of every guarded operation; the names are the ones the CLI,
// the administration window and docs/admin-guide.md use.
enum class Permission {
    Chat,            // chat with the providers and models the role allows
    ProvidersUse,    // use providers (with the role's allowlist of providers and models)
    ProvidersManage, // add, change and remove providers and their keys
    UsersManage,     // add, change, disable and remove users (a Manager: Members only)
    RolesManage,     // add, change and remove custom roles
    QuotasManage,    // set budgets and limits
    UsageViewAll,    // see everyone's usage
    AuditView,       // read and export the audit log
    FlagsManage,     // change feature flags
    PromptsShare,    // share prompt templates with roles
    ExperimentsRun,  // run prompt experiments
    DataExport,      // export conversations
    DataImport,      // import conversations
};
inline constexpr int permissionCount = int(Permission::DataImport) + 1;

// "chat", "providers.use", ... and back; nullopt for a name that is none.
QString permissionName(Permission permission);
std::optional<Permission> parsePermission(const QString& name);
QList<Permission> allPermissions();

// A set of permissions.
class PermissionSet {
public:
    PermissionSet() = default;
    PermissionSet(std::initializer_list<Permission> permissions);
    static PermissionSet all();

    bool has(Permission permission) const { return m_bits.test(std::size_t(permission)); }
    void add(Permission permission) { m_bits.set(std::size_t(permission)); }
    void remove(Permission permission) { m_bits.reset(std::size_t(permission)); }
    bool isEmpty() const { return m_bits.none(); }
    // Everything in other is also here.
    bool contains(const PermissionSet& other) const { return (other.m_bits & ~m_bits).none(); }
    PermissionSet intersected(const PermissionSet& other) const;

    // "chat,data.export" (in the enum's order), and back; nullopt names the first unknown name in *unknown.
    QString toText() const;
    static std::optional<PermissionSet> fromText(const QString& text, QString* unknown = nullptr);

    bool operator==(const PermissionSet&) const = default;

private:
    std::bitset<permissionCount> m_bits;
};

// The built-in roles. They cannot be edited or removed; custom roles are made from the permission list.
enum class BuiltInRole { Administrator = 1, Manager = 2, Member = 3, Auditor = 4 };

struct RoleDefinition {
    qint64 id = 0;
    QString name; // "Administrator", ...
    bool builtIn = false;
    PermissionSet permissions;
};

// The four built-in roles with their ids (fixed: 1 to 4) and permissions.
const QList<RoleDefinition>& builtInRoles();
const RoleDefinition& builtInRole(BuiltInRole role);

} // namespace Tessera::Core
