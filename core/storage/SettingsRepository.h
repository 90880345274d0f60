#pragma once

#include "common/Result.h"

#include <QString>

#include <optional>

namespace Tessera::Core {

class Database;

// Application settings that core needs and every front end shares (the CLI and the GUI see the same values):
// plain key/value text in the store. Never secrets.
class SettingsRepository final {
public:
    explicit SettingsRepository(const Database& db);

    // The stored value, or fallback when the key was never set.
    QString value(const QString& key, const QString& fallback = {}) const;
    Status setValue(const QString& key, const QString& value) const;

    // One person's own settings ("user.<id>.<key>"). The owner (account 1) also reads what a store made before
    // accounts kept for everyone under the bare key.
    static constexpr qint64 ownerAccountId = 1;
    static QString personalKey(qint64 accountId, const QString& key);
    QString personalValue(qint64 accountId, const QString& key, const QString& fallback = {}) const;
    Status setPersonalValue(qint64 accountId, const QString& key, const QString& value) const;

private:
    std::optional<QString> find(const QString& key) const;

    const Database& m_db;
};

} // namespace Tessera::Core
