#include "providers/ProviderFactory.h"

#include "providers/anthropic/AnthropicProvider.h"
#include "providers/gemini/GeminiProvider.h"
#include "providers/ollama/OllamaProvider.h"
#include "providers/openai/OpenAiProvider.h"

namespace Tessera::Core {

ProviderFactory::ProviderFactory(QNetworkAccessManager& network)
    : m_network(network) {
}

std::unique_ptr<Provider> ProviderFactory::create(const ProviderConfig& config, const QString& apiKey) const {
    switch (config.kind) {
    case ProviderKind::OpenAi:
    case ProviderKind::OpenAiCompatible:
    case ProviderKind::AzureOpenAi:
        return std::make_unique<OpenAiProvider>(m_network, config, apiKey);
    case ProviderKind::Anthropic:
        return std::make_unique<AnthropicProvider>(m_network, config, apiKey);
    case ProviderKind::Gemini:
        return std::make_unique<GeminiProvider>(m_network, config, apiKey);
    case ProviderKind::Ollama:
        return std::make_unique<OllamaProvider>(m_network, config, apiKey);
    }
    return nullptr;
}

} // namespace Tessera::Core
