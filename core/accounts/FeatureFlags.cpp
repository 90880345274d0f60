#include "accounts/FeatureFlags.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "logging/Logging.h"
#include "storage/Database.h"

#include <QtGlobal>

namespace Tessera::Core {

const std::vector<FeatureDefinition>& featureDefinitions() {
    static const std::vector<FeatureDefinition> all = {
        {Feature::Attachments, QStringLiteral("attachments"),
         QT_TRANSLATE_NOOP("Tessera::Core::FeatureFlags", "Attach images and files to messages"), true},
        {Feature::Export, QStringLiteral("export"),
         QT_TRANSLATE_NOOP("Tessera::Core::FeatureFlags", "Export conversations"), true},
        {Feature::Import, QStringLiteral("import"),
         QT_TRANSLATE_NOOP("Tessera::Core::FeatureFlags", "Import conversations"), true},
        {Feature::AutoTitles, QStringLiteral("auto_titles"),
         QT_TRANSLATE_NOOP("Tessera::Core::FeatureFlags", "Name new conversations from their first exchange"), true},
        {Feature::ResponseCache, QStringLiteral("response_cache"),
         QT_TRANSLATE_NOOP("Tessera::Core::FeatureFlags", "Answer repeated questions from the response cache"), true},
        {Feature::MembersAddProviders, QStringLiteral("members_add_providers"),
         QT_TRANSLATE_NOOP("Tessera::Core::FeatureFlags", "People without providers.manage may add providers"), false},
        {Feature::PromptSharing, QStringLiteral("prompt_sharing"),
         QT_TRANSLATE_NOOP("Tessera::Core::FeatureFlags", "Share prompt templates with others"), true},
    };
    return all;
}

std::optional<Feature> parseFeature(const QString& key) {
    for (const FeatureDefinition& definition : featureDefinitions()) {
        if (definition.key == key) {
            return definition.feature;
        }
    }
    return std::nullopt;
}

namespace {

const FeatureDefinition& definitionOf(Feature feature) {
    return featureDefinitions().at(std::size_t(feature));
}

QString scopeTarget(FlagScope scope, qint64 scopeId) {
    switch (scope) {
    case FlagScope::Default:
        return QStringLiteral("everyone");
    case FlagScope::Role:
        return QStringLiteral("role %1").arg(scopeId);
    case FlagScope::User:
        return QStringLiteral("user %1").arg(scopeId);
    }
    return QString();
}

} // namespace

FeatureFlags::FeatureFlags(const Database& db, const AuditLog& audit, const Clock& clock)
    : m_audit(audit)
    , m_clock(clock)
    , m_flags(db)
    , m_db(db) {
}

void FeatureFlags::invalidate() const {
    const std::lock_guard lock(m_mutex);
    m_snapshot.reset();
}

std::shared_ptr<const FeatureFlags::Snapshot> FeatureFlags::snapshot() const {
    const qint64 now = m_clock.monotonicMs();
    {
        const std::lock_guard lock(m_mutex);
        if (m_snapshot && now - m_snapshot->loadedAtMs < refreshMs) {
            return m_snapshot;
        }
    }
    auto fresh = std::make_shared<Snapshot>();
    fresh->loadedAtMs = now;
    auto settings = m_flags.all();
    auto roles = m_flags.accountRoles();
    if (!settings || !roles) {
        // Unreadable flags leave every feature at its built-in default rather than failing the feature.
        log("flags")->warn("feature flags could not be read: {}",
                           (!settings ? settings.error() : roles.error()).toLogString());
    } else {
        for (const FlagSetting& setting : *settings) {
            const auto feature = parseFeature(setting.flag);
            if (!feature) {
                continue; // a flag of a newer Tessera
            }
            const int index = int(*feature);
            switch (setting.scope) {
            case FlagScope::Default:
                fresh->defaults[index] = setting.enabled;
                break;
            case FlagScope::Role:
                fresh->roles[index].insert(setting.scopeId, setting.enabled);
                break;
            case FlagScope::User:
                fresh->users[index].insert(setting.scopeId, setting.enabled);
                break;
            }
        }
        for (const auto& [account, role] : *roles) {
            fresh->accountRoles.insert(account, role);
        }
    }
    const std::lock_guard lock(m_mutex);
    m_snapshot = std::move(fresh);
    return m_snapshot;
}

bool FeatureFlags::resolve(const Snapshot& snapshot, qint64 userId, qint64 roleId, Feature feature) {
    const int index = int(feature);
    if (const auto user = snapshot.users[index].value(userId); user) {
        return *user;
    }
    if (const auto role = snapshot.roles[index].value(roleId); role) {
        return *role;
    }
    if (snapshot.defaults[index]) {
        return *snapshot.defaults[index];
    }
    return definitionOf(feature).defaultOn;
}

bool FeatureFlags::enabled(const Actor& actor, Feature feature) const {
    return resolve(*snapshot(), actor.userId, actor.roleId, feature);
}

bool FeatureFlags::enabledForAccount(qint64 accountId, Feature feature) const {
    const auto current = snapshot();
    return resolve(*current, accountId, current->accountRoles.value(accountId, 0), feature);
}

Status FeatureFlags::require(const Actor& actor, Feature feature) const {
    if (enabled(actor, feature)) {
        return {};
    }
    return fail(ErrorCode::FeatureDisabled,
                QStringLiteral("the feature %1 is switched off for %2").arg(definitionOf(feature).key, actor.userName));
}

Result<std::vector<FlagState>> FeatureFlags::list(const Actor& actor) const {
    const auto current = snapshot();
    const bool manager = actor.may(Permission::FlagsManage);
    std::vector<FlagState> result;
    for (const FeatureDefinition& definition : featureDefinitions()) {
        FlagState state;
        state.definition = definition;
        state.effective = resolve(*current, actor.userId, actor.roleId, definition.feature);
        if (manager) {
            const int index = int(definition.feature);
            state.storeDefault = current->defaults[index];
            for (auto it = current->roles[index].cbegin(); it != current->roles[index].cend(); ++it) {
                state.roles.emplace_back(it.key(), it.value().value_or(true));
            }
            for (auto it = current->users[index].cbegin(); it != current->users[index].cend(); ++it) {
                state.users.emplace_back(it.key(), it.value().value_or(true));
            }
            std::sort(state.roles.begin(), state.roles.end());
            std::sort(state.users.begin(), state.users.end());
        }
        result.push_back(std::move(state));
    }
    return result;
}

Status FeatureFlags::set(const Actor& actor, Feature feature, FlagScope scope, qint64 scopeId, bool enabled) {
    const QString key = definitionOf(feature).key;
    if (auto allowed = Core::require(actor, Permission::FlagsManage); !allowed) {
        (void)m_audit.record(actor, {QStringLiteral("flag.set"), QStringLiteral("flag:") + key, AuditOutcome::Denied,
                                     QStringLiteral("lacks flags.manage"), allowed.error().correlationId});
        return allowed;
    }
    auto status = m_db.transaction([&]() -> Status {
        if (auto stored = m_flags.set({key, scope, scope == FlagScope::Default ? 0 : scopeId, enabled}); !stored) {
            return stored;
        }
        return m_audit.record(
            actor, {QStringLiteral("flag.set"),
                    QStringLiteral("flag:") + key,
                    AuditOutcome::Success,
                    QStringLiteral("%1 for %2")
                        .arg(enabled ? QStringLiteral("on") : QStringLiteral("off"), scopeTarget(scope, scopeId)),
                    {}});
    });
    invalidate();
    return status;
}

Status FeatureFlags::unset(const Actor& actor, Feature feature, FlagScope scope, qint64 scopeId) {
    const QString key = definitionOf(feature).key;
    if (auto allowed = Core::require(actor, Permission::FlagsManage); !allowed) {
        (void)m_audit.record(actor, {QStringLiteral("flag.unset"), QStringLiteral("flag:") + key, AuditOutcome::Denied,
                                     QStringLiteral("lacks flags.manage"), allowed.error().correlationId});
        return allowed;
    }
    auto status = m_db.transaction([&]() -> Status {
        auto removed = m_flags.unset(key, scope, scope == FlagScope::Default ? 0 : scopeId);
        if (!removed) {
            return fail(removed.error());
        }
        if (!*removed) {
            return fail(ErrorCode::NotFound,
                        QStringLiteral("the flag %1 has no setting for %2").arg(key, scopeTarget(scope, scopeId)));
        }
        return m_audit.record(actor, {QStringLiteral("flag.unset"),
                                      QStringLiteral("flag:") + key,
                                      AuditOutcome::Success,
                                      QStringLiteral("for %1").arg(scopeTarget(scope, scopeId)),
                                      {}});
    });
    invalidate();
    return status;
}

} // namespace Tessera::Core
