#pragma once

#include "providers/Provider.h"
#include "providers/ProviderConfig.h"

#include <QNetworkRequest>

class QNetworkAccessManager;

namespace Tessera::Core {

// OpenAI Chat Completions, for OpenAI itself and every OpenAI-compatible server (LM Studio, Ollama's /v1,
// llama.cpp, vLLM, OpenRouter, custom).
class OpenAiProvider final : public Provider {
public:
    OpenAiProvider(QNetworkAccessManager& network, ProviderKind kind, QString baseUrl, QString apiKey,
                   QString providerName);

    ProviderReply* chat(const ChatRequest& request) override;
    void listModels(QObject* context, const QString& correlationId, ModelsCallback done) override;

    static QByteArray buildRequestBody(const ChatRequest& request, ProviderKind kind);

    // Idle time allowed between two received chunks before the request fails with a timeout.
    static constexpr int defaultIdleTimeoutMs = 120'000;
    void setIdleTimeoutMs(int milliseconds) { m_idleTimeoutMs = milliseconds; }

private:
    QNetworkRequest makeRequest(const QString& path, const QString& correlationId) const;

    QNetworkAccessManager& m_network;
    ProviderKind m_kind;
    QString m_baseUrl;
    QString m_apiKey;
    QString m_providerName;
    int m_idleTimeoutMs = defaultIdleTimeoutMs;
};

} // namespace Tessera::Core
