#include "providers/RequestRunner.h"

#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "providers/Provider.h"
#include "providers/ProviderFactory.h"
#include "secrets/ApiKeyResolver.h"

#include <QElapsedTimer>
#include <QPointer>

namespace Tessera::Core {

RequestRunner::RequestRunner(const ApiKeyResolver& keys, const ProviderFactory& factory, ResilienceRegistry& resilience,
                             const ResponseCache& cache, const SettingsRepository& settings, Metrics& metrics,
                             QObject* parent)
    : QObject(parent)
    , m_keys(keys)
    , m_factory(factory)
    , m_resilience(resilience)
    , m_cache(cache)
    , m_settings(settings)
    , m_metrics(metrics) {
}

RequestRunner::Reply RequestRunner::run(RunSpec spec) const {
    if (spec.request.correlationId.isEmpty()) {
        spec.request.correlationId = newCorrelationId();
    }
    RunnerParts parts{m_keys, m_factory, m_resilience, m_cache, CacheSettings::load(m_settings), m_metrics};
    return Reply(new RunningRequest(std::move(spec), std::move(parts)), [](RunningRequest* reply) {
        reply->cancel();
        reply->deleteLater();
    });
}

void RequestRunner::listModels(const ProviderConfig& config, std::optional<QString> keyOverride, QObject* context,
                               std::function<void(ModelListing)> done) const {
    ModelListing listing;
    listing.correlationId = newCorrelationId();
    if (keyOverride) {
        listing.keyAvailable = true;
        listWithKey(config, *keyOverride, std::move(listing), context, std::move(done));
        return;
    }
    QPointer<QObject> guard(context);
    m_keys.resolve(config, [this, guard, config, listing, done = std::move(done)](Result<QString> key) mutable {
        if (!guard) {
            return;
        }
        if (!key) {
            Error error = key.error();
            error.correlationId = listing.correlationId;
            listing.models = fail(std::move(error));
            done(std::move(listing));
            return;
        }
        listing.keyAvailable = true;
        listWithKey(config, *key, std::move(listing), guard, std::move(done));
    });
}

void RequestRunner::listWithKey(const ProviderConfig& config, const QString& key, ModelListing listing,
                                QObject* context, std::function<void(ModelListing)> done) const {
    std::shared_ptr<Provider> provider = m_factory.create(config, key);
    if (!provider) {
        listing.models = fail(ErrorCode::Internal, QStringLiteral("unsupported provider kind"));
        done(std::move(listing));
        return;
    }
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const QString cid = listing.correlationId;
    provider->listModels(context, cid,
                         [provider, timer, listing, done = std::move(done)](Result<QStringList> models) mutable {
                             listing.latencyMs = timer->elapsed();
                             listing.models = std::move(models);
                             done(std::move(listing));
                         });
}

} // namespace Tessera::Core
