#include "providers/ProviderProbe.h"

#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "providers/ProviderFactory.h"
#include "secrets/ApiKeyResolver.h"

#include <QElapsedTimer>
#include <QPointer>

#include <memory>

namespace Tessera::Core {

ProviderProbe::ProviderProbe(const ApiKeyResolver& keys, const ProviderFactory& factory, QObject* parent)
    : QObject(parent)
    , m_keys(keys)
    , m_factory(factory) {
}

void ProviderProbe::run(const ProviderConfig& config, std::function<void(ProbeReport)> done,
                        std::optional<QString> apiKeyOverride) {
    ProbeReport report;
    report.correlationId = newCorrelationId();
    if (apiKeyOverride) {
        report.keyAvailable = true;
        listWithKey(config, *apiKeyOverride, report, std::move(done));
        return;
    }
    QPointer<ProviderProbe> self(this);
    m_keys.resolve(config, [self, config, report, done = std::move(done)](Result<QString> key) mutable {
        if (!self) {
            return;
        }
        if (!key) {
            report.error = key.error();
            report.error->correlationId = report.correlationId;
            done(report);
            return;
        }
        report.keyAvailable = true;
        self->listWithKey(config, *key, report, std::move(done));
    });
}

void ProviderProbe::listWithKey(const ProviderConfig& config, const QString& key, ProbeReport report,
                                std::function<void(ProbeReport)> done) {
    std::shared_ptr<Provider> provider = m_factory.create(config, key);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const QString cid = report.correlationId;
    provider->listModels(this, cid,
                         [provider, timer, report, config, done = std::move(done)](Result<QStringList> models) mutable {
                             report.latencyMs = timer->elapsed();
                             if (models) {
                                 report.reachable = true;
                                 report.authenticated = true;
                                 report.models = *models;
                                 log("providers")
                                     ->info("cid={} provider={} test passed: {} models in {} ms", report.correlationId,
                                            config.name, report.models.size(), report.latencyMs);
                             } else {
                                 const ErrorCode code = models.error().code;
                                 report.reachable = models.error().httpStatus.has_value();
                                 report.authenticated = report.reachable && code != ErrorCode::ProviderUnauthorized &&
                                                        code != ErrorCode::ProviderForbidden;
                                 report.error = models.error();
                                 log("providers")
                                     ->warn("cid={} provider={} test failed: {}", report.correlationId, config.name,
                                            models.error().toLogString());
                             }
                             done(report);
                         });
}

} // namespace Tessera::Core
