#pragma once

#include "common/Result.h"

#include <QString>

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

private:
    const Database& m_db;
};

} // namespace Tessera::Core
