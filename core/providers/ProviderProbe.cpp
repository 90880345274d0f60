#include "providers/ProviderProbe.h"

#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "providers/RequestRunner.h"

#include <QElapsedTimer>
#include <QPointer>

#include <memory>

namespace Tessera::Core {

ProviderProbe::ProviderProbe(const RequestRunner& runner, QObject* parent)
    : QObject(parent)
    , m_runner(runner) {
}

void ProviderProbe::run(const ProviderConfig& config, std::function<void(ProbeReport)> done,
                        std::optional<QString> apiKeyOverride) {
    m_runner.listModels(
        config, std::move(apiKeyOverride), this, [config, done = std::move(done)](const ModelListing& listing) {
            ProbeReport report;
            report.correlationId = listing.correlationId;
            report.keyAvailable = listing.keyAvailable;
            report.latencyMs = listing.latencyMs;
            if (listing.models) {
                report.reachable = true;
                report.authenticated = true;
                report.models = *listing.models;
                log("providers")
                    ->info("cid={} provider={} test passed: {} models in {} ms", report.correlationId, config.name,
                           report.models.size(), report.latencyMs);
            } else {
                const Error& error = listing.models.error();
                report.reachable = error.httpStatus.has_value();
                report.authenticated = report.reachable && error.code != ErrorCode::ProviderUnauthorized &&
                                       error.code != ErrorCode::ProviderForbidden;
                report.error = error;
                report.error->correlationId = report.correlationId;
                if (listing.keyAvailable) {
                    log("providers")
                        ->warn("cid={} provider={} test failed: {}", report.correlationId, config.name,
                               error.toLogString());
                }
            }
            done(report);
        });
}

} // namespace Tessera::Core
