// AccountService's user administration (users.manage): listing, adding, changing, disabling, removing, resetting
// passwords and unlocking, with the Manager's limits and the last-administrator rule. Sign-in, sessions and tokens
// are in AccountService.cpp.
#include "accounts/AccountService.h"

#include "accounts/PasswordPolicy.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/DraftRepository.h"
#include "storage/FlagRepository.h"
#include "storage/TagRepository.h"

#include <algorithm>

namespace Tessera::Core {

namespace {

bool isAdministrator(const Account& account) {
    return account.roleId == qint64(BuiltInRole::Administrator);
}

} // namespace

Status AccountService::requireManages(const Actor& actor, const Account& target, const QString& action) const {
    if (auto allowed = requireAllowed(actor, Permission::UsersManage, action); !allowed) {
        return allowed;
    }
    // Without roles.manage (a Manager) only Members are managed.
    if (actor.may(Permission::RolesManage) || target.roleId == qint64(BuiltInRole::Member)) {
        return {};
    }
    const QString correlationId = newCorrelationId();
    (void)m_audit.record(actor, {action, userTarget(target.username), AuditOutcome::Denied,
                                 QStringLiteral("may manage Members only"), correlationId});
    return fail(ErrorCode::AuthForbidden,
                QStringLiteral("user %1 may manage Members only, not %2").arg(actor.userName, target.username),
                correlationId);
}

Status AccountService::keepAnAdministrator(const Account& target, qint64 newRoleId, AccountStatus newStatus) const {
    if (!isAdministrator(target) || target.status != AccountStatus::Active) {
        return {};
    }
    if (newRoleId == qint64(BuiltInRole::Administrator) && newStatus == AccountStatus::Active) {
        return {};
    }
    auto administrators = m_accounts.countActiveWithRole(qint64(BuiltInRole::Administrator));
    if (!administrators) {
        return fail(administrators.error());
    }
    if (*administrators <= 1) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is the last active Administrator: make another one first").arg(target.username));
    }
    return {};
}
Result<Account> AccountService::findUser(const QString& username) const {
    auto account = m_accounts.findByUsername(username);
    if (!account && account.error().code == ErrorCode::NotFound) {
        return fail(ErrorCode::NotFound, QStringLiteral("there is no user named '%1'").arg(username.trimmed()));
    }
    return account;
}

Result<UserInfo> AccountService::describe(const Account& account) const {
    UserInfo info;
    info.account = account;
    auto role = m_roles.findById(account.roleId);
    if (!role) {
        return fail(role.error());
    }
    info.roleName = role->name;
    info.permissions = role->permissions;
    info.allowedProviders = role->providers;
    info.locked = account.lockedUntil.isValid() && m_clock.nowUtc() < account.lockedUntil;
    auto sessions = m_credentials.sessions(account.id);
    if (!sessions) {
        return fail(sessions.error());
    }
    const QDateTime now = m_clock.nowUtc();
    info.activeSessions = int(std::count_if(sessions->begin(), sessions->end(), [&](const SessionRecord& s) {
        return now < s.expiresAt && s.lastSeenAt.secsTo(now) <= m_policy.sessionIdleSecs;
    }));
    return info;
}

Result<std::vector<UserInfo>> AccountService::users(const Actor& actor) const {
    if (!actor.may(Permission::UsersManage) && !actor.may(Permission::UsageViewAll) &&
        !actor.may(Permission::AuditView)) {
        if (auto allowed = requireAllowed(actor, Permission::UsersManage, QStringLiteral("user.list")); !allowed) {
            return fail(allowed.error());
        }
    }
    auto accounts = m_accounts.list();
    if (!accounts) {
        return fail(accounts.error());
    }
    std::vector<UserInfo> result;
    for (const Account& account : *accounts) {
        auto info = describe(account);
        if (!info) {
            return fail(info.error());
        }
        result.push_back(std::move(*info));
    }
    return result;
}

Result<UserInfo> AccountService::user(const Actor& actor, const QString& username) const {
    auto account = findUser(username);
    if (!account) {
        return fail(account.error());
    }
    if (account->id != actor.userId && !actor.may(Permission::UsersManage) && !actor.may(Permission::UsageViewAll) &&
        !actor.may(Permission::AuditView)) {
        if (auto allowed = requireAllowed(actor, Permission::UsersManage, QStringLiteral("user.show")); !allowed) {
            return fail(allowed.error());
        }
    }
    return describe(*account);
}

Result<IssuedPassword> AccountService::addUser(const Actor& actor, const QString& username, const QString& displayName,
                                               const QString& roleName, const QString& password) {
    if (auto allowed = requireAllowed(actor, Permission::UsersManage, QStringLiteral("user.create")); !allowed) {
        return fail(allowed.error());
    }
    if (mode() != AccountsMode::MultiUser) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("switch accounts on first (tessera-cli accounts enable, or Settings > Accounts)"));
    }
    auto role = m_roles.findByName(roleName);
    if (!role) {
        return fail(role.error());
    }
    if (role->id != qint64(BuiltInRole::Member) && !actor.may(Permission::RolesManage)) {
        const QString correlationId = newCorrelationId();
        (void)m_audit.record(actor,
                             {QStringLiteral("user.create"), userTarget(username.trimmed()), AuditOutcome::Denied,
                              QStringLiteral("may give the Member role only"), correlationId});
        return fail(ErrorCode::AuthForbidden,
                    QStringLiteral("user %1 may add Members only, not %2").arg(actor.userName, role->name),
                    correlationId);
    }
    auto name = AccountRepository::cleanUsername(username);
    if (!name) {
        return fail(name.error());
    }
    IssuedPassword issued;
    const bool temporary = password.isEmpty();
    const QString chosen = temporary ? makeTemporaryPassword() : password;
    if (!temporary) {
        if (auto strong = checkNewPassword(chosen, {*name, displayName}); !strong) {
            return fail(strong.error());
        }
    }
    auto hash = m_hasher.hash(chosen);
    if (!hash) {
        return fail(hash.error());
    }
    Account created;
    auto status = m_db.transaction([&]() -> Status {
        auto account = m_accounts.add(*name, displayName, role->id);
        if (!account) {
            return fail(account.error());
        }
        if (auto stored = m_accounts.setPasswordHash(account->id, *hash, temporary); !stored) {
            return stored;
        }
        created = *account;
        created.hasPassword = true;
        created.mustChangePassword = temporary;
        return m_audit.record(actor,
                              {QStringLiteral("user.create"),
                               userTarget(*name),
                               AuditOutcome::Success,
                               QStringLiteral("role %1%2")
                                   .arg(role->name, temporary ? QStringLiteral(", temporary password") : QString()),
                               {}});
    });
    if (!status) {
        return fail(status.error());
    }
    auto info = describe(created);
    if (!info) {
        return fail(info.error());
    }
    issued.user = *info;
    if (temporary) {
        issued.temporaryPassword = chosen;
    }
    return issued;
}

Result<UserInfo> AccountService::updateUser(const Actor& actor, const QString& username, const UserChanges& changes) {
    auto account = findUser(username);
    if (!account) {
        return fail(account.error());
    }
    if (auto allowed = requireManages(actor, *account, QStringLiteral("user.update")); !allowed) {
        return fail(allowed.error());
    }
    qint64 roleId = account->roleId;
    QString roleName;
    if (changes.roleName) {
        auto role = m_roles.findByName(*changes.roleName);
        if (!role) {
            return fail(role.error());
        }
        if (role->id != account->roleId && !actor.may(Permission::RolesManage)) {
            const QString correlationId = newCorrelationId();
            (void)m_audit.record(actor, {QStringLiteral("user.role_change"), userTarget(account->username),
                                         AuditOutcome::Denied, QStringLiteral("lacks roles.manage"), correlationId});
            return fail(ErrorCode::AuthForbidden, QStringLiteral("user %1 may not change roles").arg(actor.userName),
                        correlationId);
        }
        roleId = role->id;
        roleName = role->name;
    }
    const AccountStatus status = changes.status.value_or(account->status);
    if (auto kept = keepAnAdministrator(*account, roleId, status); !kept) {
        return fail(kept.error());
    }
    auto done = m_db.transaction([&]() -> Status {
        const QString target = userTarget(account->username);
        if (roleId != account->roleId) {
            if (auto changed = m_accounts.setRole(account->id, roleId); !changed) {
                return changed;
            }
            if (auto recorded = m_audit.record(actor, {QStringLiteral("user.role_change"),
                                                       target,
                                                       AuditOutcome::Success,
                                                       QStringLiteral("to %1").arg(roleName),
                                                       {}});
                !recorded) {
                return recorded;
            }
        }
        if (changes.displayName && *changes.displayName != account->displayName) {
            if (auto changed = m_accounts.setDisplayName(account->id, *changes.displayName); !changed) {
                return changed;
            }
            if (auto recorded = m_audit.record(
                    actor,
                    {QStringLiteral("user.update"), target, AuditOutcome::Success, QStringLiteral("display name"), {}});
                !recorded) {
                return recorded;
            }
        }
        if (status != account->status) {
            if (auto changed = m_accounts.setStatus(account->id, status); !changed) {
                return changed;
            }
            if (status == AccountStatus::Disabled) {
                // A disabled account's sessions and stay-signed-in tokens end with it.
                if (auto ended = m_credentials.removeSessionsOf(account->id); !ended) {
                    return fail(ended.error());
                }
                if (auto ended = m_credentials.removeRefreshOf(account->id); !ended) {
                    return fail(ended.error());
                }
            }
            if (auto recorded =
                    m_audit.record(actor, {status == AccountStatus::Disabled ? QStringLiteral("user.disable")
                                                                             : QStringLiteral("user.enable"),
                                           target,
                                           AuditOutcome::Success,
                                           QString(),
                                           {}});
                !recorded) {
                return recorded;
            }
        }
        return {};
    });
    if (!done) {
        return fail(done.error());
    }
    auto updated = m_accounts.findById(account->id);
    if (!updated) {
        return fail(updated.error());
    }
    return describe(*updated);
}

Result<IssuedPassword> AccountService::resetPassword(const Actor& actor, const QString& username) {
    auto account = findUser(username);
    if (!account) {
        return fail(account.error());
    }
    if (auto allowed = requireManages(actor, *account, QStringLiteral("user.password_reset")); !allowed) {
        return fail(allowed.error());
    }
    const QString temporary = makeTemporaryPassword();
    auto hash = m_hasher.hash(temporary);
    if (!hash) {
        return fail(hash.error());
    }
    auto status = m_db.transaction([&]() -> Status {
        if (auto stored = m_accounts.setPasswordHash(account->id, *hash, true); !stored) {
            return stored;
        }
        if (auto ended = m_credentials.removeSessionsOf(account->id); !ended) {
            return fail(ended.error());
        }
        if (auto ended = m_credentials.removeRefreshOf(account->id); !ended) {
            return fail(ended.error());
        }
        return m_audit.record(actor, {QStringLiteral("user.password_reset"),
                                      userTarget(account->username),
                                      AuditOutcome::Success,
                                      QStringLiteral("must change it at the next sign-in"),
                                      {}});
    });
    if (!status) {
        return fail(status.error());
    }
    auto updated = m_accounts.findById(account->id);
    if (!updated) {
        return fail(updated.error());
    }
    auto info = describe(*updated);
    if (!info) {
        return fail(info.error());
    }
    return IssuedPassword{*info, temporary};
}

Result<int> AccountService::removeUser(const Actor& actor, const QString& username, const QString& transferTo) {
    auto account = findUser(username);
    if (!account) {
        return fail(account.error());
    }
    if (auto allowed = requireManages(actor, *account, QStringLiteral("user.remove")); !allowed) {
        return fail(allowed.error());
    }
    if (account->id == actor.userId) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("an account cannot remove itself: another administrator removes it"));
    }
    if (auto kept = keepAnAdministrator(*account, 0, AccountStatus::Disabled); !kept) {
        return fail(kept.error());
    }
    std::optional<Account> heir;
    if (!transferTo.isEmpty()) {
        auto found = findUser(transferTo);
        if (!found) {
            return fail(found.error());
        }
        if (found->id == account->id) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("the conversations cannot go to the account removed"));
        }
        heir = *found;
    }
    ConversationRepository conversations(m_db, m_clock);
    TagRepository tags(m_db);
    DraftRepository drafts(m_db, m_clock);
    int moved = 0;
    auto status = m_db.transaction([&]() -> Status {
        auto handled = heir ? conversations.transferAll(account->id, heir->id) : conversations.removeAllOf(account->id);
        if (!handled) {
            return fail(handled.error());
        }
        moved = *handled;
        if (heir) {
            if (auto retagged = tags.transferAll(account->id, heir->id); !retagged) {
                return retagged;
            }
        }
        if (auto cleared = drafts.removeAllOf(account->id); !cleared) {
            return cleared;
        }
        // Prompt templates go with the conversations (their versions, labels and shares with them).
        auto templates =
            heir ? m_db.exec(QStringLiteral("UPDATE prompt_templates SET owner_id = ? WHERE owner_id = ?"),
                             {heir->id, account->id})
                 : m_db.exec(QStringLiteral("DELETE FROM prompt_templates WHERE owner_id = ?"), {account->id});
        if (!templates) {
            return fail(templates.error());
        }
        if (auto cleared = FlagRepository(m_db).removeFor(FlagScope::User, account->id); !cleared) {
            return cleared;
        }
        // Sessions, stay-signed-in and API tokens go with the account (their rows refer to it).
        if (auto removed = m_accounts.remove(account->id); !removed) {
            return removed;
        }
        return m_audit.record(actor,
                              {QStringLiteral("user.remove"),
                               userTarget(account->username),
                               AuditOutcome::Success,
                               heir ? QStringLiteral("%1 conversations given to %2").arg(moved).arg(heir->username)
                                    : QStringLiteral("%1 conversations deleted").arg(moved),
                               {}});
    });
    if (!status) {
        return fail(status.error());
    }
    return moved;
}

Status AccountService::unlock(const Actor& actor, const QString& username) {
    auto account = findUser(username);
    if (!account) {
        return fail(account.error());
    }
    if (auto allowed = requireManages(actor, *account, QStringLiteral("auth.unlock")); !allowed) {
        return allowed;
    }
    return m_db.transaction([&]() -> Status {
        if (auto cleared = m_accounts.clearLock(account->id); !cleared) {
            return cleared;
        }
        return m_audit.record(
            actor,
            {QStringLiteral("auth.unlock"), userTarget(account->username), AuditOutcome::Success, QString(), {}});
    });
}

Result<std::vector<AccountRole>> AccountService::roles(const Actor& actor) const {
    if (!actor.may(Permission::UsersManage) && !actor.may(Permission::RolesManage)) {
        if (auto allowed = requireAllowed(actor, Permission::RolesManage, QStringLiteral("role.list")); !allowed) {
            return fail(allowed.error());
        }
    }
    return m_roles.list();
}
} // namespace Tessera::Core
