#pragma once

#include "providers/HttpProvider.h"
#include "providers/ProviderConfig.h"

#include <QNetworkRequest>

class QNetworkAccessManager;

namespace Tessera::Core {

// Anthropic Messages API: x-api-key and anthropic-version headers, a required max_tokens, a top-level system
// prompt, SSE events from message_start to message_stop, and 529 overloaded errors.
class AnthropicProvider final : public HttpProvider {
public:
    AnthropicProvider(QNetworkAccessManager& network, ProviderConfig config, QString apiKey);

    ProviderReply* chat(const ChatRequest& request) override;
    void listModels(QObject* context, const QString& correlationId, ModelsCallback done) override;

    static QByteArray buildRequestBody(const ChatRequest& request);
    // Anthropic requires max_tokens; this is sent when the user set none.
    static constexpr int defaultMaxTokens = 4096;
    static constexpr const char* apiVersion = "2023-06-01";

private:
    QNetworkRequest makeRequest(const QString& path, const QString& correlationId) const;
};

} // namespace Tessera::Core
