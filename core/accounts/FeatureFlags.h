#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "storage/FlagRepository.h"

#include <QHash>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class Clock;
class Database;

// The features an administrator can switch off (or on) for everyone, a role or a user.
enum class Feature {
    Attachments,         // images and files in messages
    Export,              // exporting conversations
    Import,              // importing conversations
    AutoTitles,          // naming new conversations from their first exchange
    ResponseCache,       // answering repeated questions from the cache
    MembersAddProviders, // people without providers.manage may add providers
    PromptSharing,       // sharing prompt templates with others
};
inline constexpr int featureCount = int(Feature::PromptSharing) + 1;

struct FeatureDefinition {
    Feature feature;
    QString key;             // "attachments", ...: the CLI's and the store's name
    const char* description; // English; the UI translates it in the "Tessera::Core::FeatureFlags" context
    bool defaultOn = true;
};
const std::vector<FeatureDefinition>& featureDefinitions();
std::optional<Feature> parseFeature(const QString& key);

// A flag as the administration sees it: its built-in default, the store-wide setting and every override.
struct FlagState {
    FeatureDefinition definition;
    std::optional<bool> storeDefault;           // flags set KEY on|off
    std::vector<std::pair<qint64, bool>> roles; // role id, on/off
    std::vector<std::pair<qint64, bool>> users; // account id, on/off
    bool effective = true;                      // for the asking actor
};

// Feature flags: a user's override beats their role's, which beats the store-wide setting, which beats the
// built-in default. Core checks the flag where the feature lives (require) and refuses with feature.disabled.
// Lookups read an in-memory snapshot (well under a microsecond); a change made here applies at once, one made by
// another process within refreshMs.
class FeatureFlags final {
public:
    static constexpr qint64 refreshMs = 2000;

    FeatureFlags(const Database& db, const AuditLog& audit, const Clock& clock);

    bool enabled(const Actor& actor, Feature feature) const;
    // For work done on an account's behalf without its actor (automatic titles).
    bool enabledForAccount(qint64 accountId, Feature feature) const;
    // feature.disabled (with the feature's key) when off for the actor.
    Status require(const Actor& actor, Feature feature) const;

    // Everyone may see their own effective flags; the overrides need flags.manage.
    Result<std::vector<FlagState>> list(const Actor& actor) const;
    // flags.manage. scopeId is the role's or the user's id (ignored for the default). Audited.
    Status set(const Actor& actor, Feature feature, FlagScope scope, qint64 scopeId, bool enabled);
    Status unset(const Actor& actor, Feature feature, FlagScope scope, qint64 scopeId);
    // Drops the cached snapshot (after a change in this process, or a role change of an account).
    void invalidate() const;

private:
    struct Snapshot {
        std::optional<bool> defaults[featureCount];
        QHash<qint64, std::optional<bool>> roles[featureCount];
        QHash<qint64, std::optional<bool>> users[featureCount];
        QHash<qint64, qint64> accountRoles;
        qint64 loadedAtMs = 0;
    };
    std::shared_ptr<const Snapshot> snapshot() const;
    static bool resolve(const Snapshot& snapshot, qint64 userId, qint64 roleId, Feature feature);

    const AuditLog& m_audit;
    const Clock& m_clock;
    FlagRepository m_flags;
    const Database& m_db;
    mutable std::mutex m_mutex;
    mutable std::shared_ptr<const Snapshot> m_snapshot;
};

} // namespace Tessera::Core
