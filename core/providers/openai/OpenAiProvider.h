#pragma once

#include "providers/HttpProvider.h"
#include "providers/ProviderConfig.h"

#include <QNetworkRequest>

class QNetworkAccessManager;

namespace Tessera::Core {

// A request to a path of an OpenAI-style API with the provider's key: a Bearer token, or for Azure OpenAI the
// api-key header and the api-version query parameter.
QNetworkRequest openAiRequest(const ProviderConfig& config, const QString& apiKey, const QString& path,
                              const QString& correlationId);

// OpenAI Chat Completions, for OpenAI itself, Azure OpenAI (api-key header, deployment paths, api-version) and
// every OpenAI-compatible server (LM Studio, Ollama's /v1, llama.cpp, vLLM, OpenRouter, custom).
class OpenAiProvider final : public HttpProvider {
public:
    OpenAiProvider(QNetworkAccessManager& network, ProviderConfig config, QString apiKey);

    ProviderReply* chat(const ChatRequest& request) override;
    void listModels(QObject* context, const QString& correlationId, ModelsCallback done) override;

    static QByteArray buildRequestBody(const ChatRequest& request, ProviderKind kind);

private:
    QNetworkRequest makeRequest(const QString& path, const QString& correlationId) const;
};

} // namespace Tessera::Core
