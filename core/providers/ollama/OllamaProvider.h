#pragma once

#include "providers/HttpProvider.h"
#include "providers/ProviderConfig.h"

#include <QNetworkRequest>

class QNetworkAccessManager;

namespace Tessera::Core {

// Ollama's native API: POST /api/chat streaming NDJSON (an error can arrive as a line inside a 200 stream),
// GET /api/tags for the local models, usage from prompt_eval_count and eval_count.
class OllamaProvider final : public HttpProvider {
public:
    OllamaProvider(QNetworkAccessManager& network, ProviderConfig config, QString apiKey);

    ProviderReply* chat(const ChatRequest& request) override;
    void listModels(QObject* context, const QString& correlationId, ModelsCallback done) override;

    static QByteArray buildRequestBody(const ChatRequest& request);

private:
    QNetworkRequest makeRequest(const QString& path, const QString& correlationId) const;
};

} // namespace Tessera::Core
