#pragma once

#include "providers/HttpJson.h"
#include "providers/Provider.h"
#include "providers/ProviderConfig.h"

#include <QNetworkRequest>
#include <QUrl>

class QNetworkAccessManager;

namespace Tessera::Core {

// What every provider speaking HTTP holds: the network, its configuration, the base URL without trailing
// slashes, and its key; and JSON requests with the provider's idle timeout. Each protocol adds its own headers.
class HttpProvider : public Provider {
protected:
    HttpProvider(QNetworkAccessManager& network, ProviderConfig config, QString apiKey)
        : m_network(network)
        , m_config(std::move(config))
        , m_baseUrl(trimmedBaseUrl(m_config.baseUrl))
        , m_apiKey(std::move(apiKey)) {}

    QNetworkRequest jsonRequest(const QUrl& url, const QString& correlationId) const {
        return makeJsonRequest(url, correlationId, m_config.resilience.timeouts.idleMs);
    }

    QNetworkAccessManager& m_network;
    ProviderConfig m_config;
    QString m_baseUrl;
    QString m_apiKey;
};

} // namespace Tessera::Core
