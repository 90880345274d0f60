#pragma once

#include "common/Result.h"
#include "observability/Metrics.h"

#include <vector>

namespace Tessera::Core {

class Database;

// Keeps the metrics' running totals in the store, so `tessera-cli metrics` and the health view see the traffic
// of every run (the GUI's and the CLI's). Each flush adds what grew; concurrent processes never overwrite.
class MetricsRepository final {
public:
    explicit MetricsRepository(const Database& db);

    Status add(const std::vector<MetricSample>& deltas) const;
    Result<std::vector<MetricSample>> load() const;

private:
    const Database& m_db;
};

} // namespace Tessera::Core
