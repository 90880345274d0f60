#include "storage/MetricsRepository.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace Tessera::Core {

MetricsRepository::MetricsRepository(const Database& db)
    : m_db(db) {
}

Status MetricsRepository::add(const std::vector<MetricSample>& deltas) const {
    if (deltas.empty()) {
        return {};
    }
    return m_db.transaction([&]() -> Status {
        for (const MetricSample& sample : deltas) {
            auto query = m_db.exec(
                QStringLiteral("INSERT INTO metrics (name, labels, value) VALUES (?, ?, ?) "
                               "ON CONFLICT(name, labels) DO UPDATE SET value = metrics.value + excluded.value"),
                {sample.name, sample.labels, sample.value});
            if (!query) {
                return fail(query.error());
            }
        }
        return {};
    });
}

Result<std::vector<MetricSample>> MetricsRepository::load() const {
    auto query = m_db.exec(QStringLiteral("SELECT name, labels, value FROM metrics ORDER BY name, labels"));
    if (!query) {
        return fail(query.error());
    }
    std::vector<MetricSample> samples;
    while (query->next()) {
        samples.push_back({query->value(0).toString(), query->value(1).toString(), query->value(2).toDouble()});
    }
    return samples;
}

} // namespace Tessera::Core
