#pragma once

#include "providers/ProviderConfig.h"
#include "providers/ProviderReply.h"

#include <QTimer>

#include <memory>
#include <vector>

namespace Tessera::Core {

class Provider;
class ResilienceRegistry;

// One place an answer may come from: a configured provider, its client, and the model to ask.
struct ChatTarget {
    ProviderConfig config;
    std::shared_ptr<Provider> client;
    QString model;
};

// An answer that survives provider failures. It asks the first target through its circuit breaker and rate
// limiter, retries retryable failures on the SDKs' schedule (never once any text was shown), and, when the first
// target fails before any output, hands the request to the next target (the conversation's fallback). Deltas and
// the final answer pass through; the answer records which provider and model answered and how many requests it
// took. Every attempt, retry, failure and fallback goes to the metrics and the log with its attempt number.
class ResilientReply final : public ProviderReply {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResilientReply)

public:
    // Starts from the event loop, so nothing is emitted before the caller has connected.
    ResilientReply(std::vector<ChatTarget> targets, ChatRequest request, ResilienceRegistry& registry,
                   QObject* parent = nullptr);
    ~ResilientReply() override;

    void cancel() override;

private:
    void attempt();
    void handleInnerFinished(const ChatResult& result);
    void fallBackOrFail(const Error& error);
    void schedule(qint64 delayMs);

    std::vector<ChatTarget> m_targets;
    ChatRequest m_request;
    ResilienceRegistry& m_registry;
    std::size_t m_target = 0;
    int m_retries = 0;  // for the current target
    int m_attempts = 0; // in all
    qint64 m_estimatedTokens = 0;
    bool m_outputShown = false;
    bool m_admitted = false; // the current attempt holds a breaker permit
    std::unique_ptr<ProviderReply, void (*)(ProviderReply*)> m_inner{nullptr, [](ProviderReply* r) {
                                                                         r->deleteLater();
                                                                     }};
    QTimer m_wait;
};

} // namespace Tessera::Core
