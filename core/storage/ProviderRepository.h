#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "providers/ProviderConfig.h"

#include <vector>

namespace Tessera::Core {

class Database;

class ProviderRepository final {
public:
    ProviderRepository(const Database& db, const Clock& clock);

    // Validates and inserts; returns the stored record with its id. A duplicate name is AlreadyExists.
    Result<ProviderConfig> add(ProviderConfig config) const;
    Status update(const ProviderConfig& config) const;
    Result<std::vector<ProviderConfig>> list() const;
    Result<ProviderConfig> findByName(const QString& name) const;
    Result<ProviderConfig> findById(qint64 id) const;
    Status remove(qint64 id) const;

    static Status validate(const ProviderConfig& config);

private:
    const Database& m_db;
    const Clock& m_clock;
};

} // namespace Tessera::Core
