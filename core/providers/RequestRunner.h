#pragma once

#include "common/Result.h"
#include "providers/ProviderConfig.h"
#include "providers/RunningRequest.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace Tessera::Core {

class ApiKeyResolver;
class Metrics;
class ProviderFactory;
class ResilienceRegistry;
class ResponseCache;
class SettingsRepository;

// What listing a provider's models found.
struct ModelListing {
    QString correlationId;
    bool keyAvailable = false;
    qint64 latencyMs = 0;
    Result<QStringList> models = QStringList();
};

// The one place a provider is called: resolve the key, build the provider, and for answers apply the response
// cache and the resilience layer (retries, circuit breaker, rate limiter, fallback) with their metrics. Chat turns,
// automatic titles, the provider test and model lists all come through here; nothing needs a conversation, so
// batch work and judges can use it too.
class RequestRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestRunner)

public:
    RequestRunner(const ApiKeyResolver& keys, const ProviderFactory& factory, ResilienceRegistry& resilience,
                  const ResponseCache& cache, const SettingsRepository& settings, Metrics& metrics,
                  QObject* parent = nullptr);

    using Reply = std::unique_ptr<RunningRequest, void (*)(RunningRequest*)>;
    // Starts the request from the event loop (connect to the reply first). Deleting the reply cancels it.
    Reply run(RunSpec spec) const;

    // Lists the provider's models; with keyOverride, that key is used instead of the stored one (a key being
    // tested before it is saved). done runs later, on context's thread, unless context is gone.
    void listModels(const ProviderConfig& config, std::optional<QString> keyOverride, QObject* context,
                    std::function<void(ModelListing)> done) const;

private:
    void listWithKey(const ProviderConfig& config, const QString& key, ModelListing listing, QObject* context,
                     std::function<void(ModelListing)> done) const;

    const ApiKeyResolver& m_keys;
    const ProviderFactory& m_factory;
    ResilienceRegistry& m_resilience;
    const ResponseCache& m_cache;
    const SettingsRepository& m_settings;
    Metrics& m_metrics;
};

} // namespace Tessera::Core
