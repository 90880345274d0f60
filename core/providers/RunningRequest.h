#pragma once

#include "cache/ResponseCache.h"
#include "providers/ChatRequest.h"
#include "providers/ProviderConfig.h"
#include "providers/ProviderReply.h"

#include <memory>
#include <optional>

namespace Tessera::Core {

class ApiKeyResolver;
class Metrics;
class ProviderFactory;
class ResilienceRegistry;

// What a request is for: chat answers, automatic titles, and later batch work and judges. Kept with the request
// for the metrics and (later) the usage ledger.
enum class RequestPurpose { Chat, Title, Batch, Judge };

// One provider request as the runner takes it: the provider and its request (model, messages, settings,
// correlation id), an optional fallback, and how the response cache is used.
struct RunSpec {
    ProviderConfig provider;
    ChatRequest request;
    std::optional<ProviderConfig> fallback; // asked when the provider fails before any output
    QString fallbackModel;
    CacheMode cache = CacheMode::Default; // Default follows the cache settings
    bool batch = false;                   // batch work follows the batch cache setting
    RequestPurpose purpose = RequestPurpose::Chat;
    qint64 requesterId = 0; // the account asking: the response cache is kept apart per account
};

// What RunningRequest needs from the core; all must outlive it.
struct RunnerParts {
    const ApiKeyResolver& keys;
    const ProviderFactory& factory;
    ResilienceRegistry& resilience;
    const ResponseCache& cache;
    CacheSettings cacheSettings;
    Metrics& metrics;
};

// A request the RequestRunner started: from the event loop it answers from the response cache when it may, or
// resolves the keys (a fallback whose key is missing is left out), builds the clients and asks them through the
// resilience layer (retries, circuit breaker, rate limiter, fallback, metrics). It emits the deltas and finishes
// with the answer (usage, attempts, fallback or cache hit) or the error; a complete answer is stored in the cache
// when the settings allow it. Cancelling keeps the text that arrived.
class RunningRequest final : public ProviderReply {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunningRequest)

public:
    RunningRequest(RunSpec spec, RunnerParts parts, QObject* parent = nullptr);
    ~RunningRequest() override;

    void cancel() override;
    const RunSpec& spec() const { return m_spec; }

private:
    void begin();
    bool answerFromCache();
    void resolveKey(std::size_t index);
    void send();
    void handleInnerFinished(const ChatResult& result);

    RunSpec m_spec;
    RunnerParts m_parts;
    QString m_cacheKey;
    bool m_readCache = false;
    bool m_writeCache = false;
    bool m_cancelled = false;
    std::vector<QString> m_keys;
    std::unique_ptr<ProviderReply, void (*)(ProviderReply*)> m_inner{nullptr, [](ProviderReply* r) {
                                                                         r->deleteLater();
                                                                     }};
};

} // namespace Tessera::Core
