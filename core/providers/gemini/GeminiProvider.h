#pragma once

#include "providers/HttpProvider.h"
#include "providers/ProviderConfig.h"

#include <QNetworkRequest>

class QNetworkAccessManager;

namespace Tessera::Core {

// Google Gemini's native Generative Language API: streamGenerateContent?alt=sse (or generateContent), the
// x-goog-api-key header, usageMetadata from the last chunk, RESOURCE_EXHAUSTED with RetryInfo, and paginated
// model lists.
class GeminiProvider final : public HttpProvider {
public:
    GeminiProvider(QNetworkAccessManager& network, ProviderConfig config, QString apiKey);

    ProviderReply* chat(const ChatRequest& request) override;
    void listModels(QObject* context, const QString& correlationId, ModelsCallback done) override;

    static QByteArray buildRequestBody(const ChatRequest& request);

private:
    QNetworkRequest makeRequest(const QUrl& url, const QString& correlationId) const;
};

} // namespace Tessera::Core
