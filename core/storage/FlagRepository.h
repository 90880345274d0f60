#pragma once

#include "common/Result.h"

#include <QString>

#include <vector>

namespace Tessera::Core {

class Database;

enum class FlagScope { Default, Role, User };

// One stored setting of a feature flag: the store-wide default, or an override for a role or a user.
struct FlagSetting {
    QString flag;
    FlagScope scope = FlagScope::Default;
    qint64 scopeId = 0; // the role's or user's id; 0 for the default
    bool enabled = true;
};

// The feature_flags table. Flags without a row use their built-in default.
class FlagRepository final {
public:
    explicit FlagRepository(const Database& db);

    Result<std::vector<FlagSetting>> all() const;
    Status set(const FlagSetting& setting) const;
    // false when there was nothing to remove.
    Result<bool> unset(const QString& flag, FlagScope scope, qint64 scopeId) const;
    // Overrides for an account or a role that is removed.
    Status removeFor(FlagScope scope, qint64 scopeId) const;
    // The role of every account (flags resolve a user's role without another query).
    Result<std::vector<std::pair<qint64, qint64>>> accountRoles() const;

private:
    const Database& m_db;
};

} // namespace Tessera::Core
