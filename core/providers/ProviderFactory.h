#pragma once

#include "providers/Provider.h"
#include "providers/ProviderConfig.h"

#include <memory>

class QNetworkAccessManager;

namespace Tessera::Core {

// Builds the Provider for a stored configuration and its resolved key.
class ProviderFactory {
public:
    explicit ProviderFactory(QNetworkAccessManager& network);
    virtual ~ProviderFactory() = default;

    virtual std::unique_ptr<Provider> create(const ProviderConfig& config, const QString& apiKey) const;

private:
    QNetworkAccessManager& m_network;
};

} // namespace Tessera::Core
