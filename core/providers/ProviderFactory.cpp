#include "providers/ProviderFactory.h"

#include "providers/openai/OpenAiProvider.h"

namespace Tessera::Core {

ProviderFactory::ProviderFactory(QNetworkAccessManager& network)
    : m_network(network) {
}

std::unique_ptr<Provider> ProviderFactory::create(const ProviderConfig& config, const QString& apiKey) const {
    switch (config.kind) {
    case ProviderKind::OpenAi:
    case ProviderKind::OpenAiCompatible:
        return std::make_unique<OpenAiProvider>(m_network, config.kind, config.baseUrl, apiKey, config.name);
    }
    return nullptr;
}

} // namespace Tessera::Core
