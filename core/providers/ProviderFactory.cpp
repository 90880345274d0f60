#include "providers/ProviderFactory.h"

#include "providers/anthropic/AnthropicProvider.h"
#include "providers/gemini/GeminiProvider.h"
#include "providers/ollama/OllamaProvider.h"
#include "providers/openai/OpenAiFineTuning.h"
#include "providers/openai/OpenAiProvider.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

namespace Tessera::Core {

ProviderFactory::ProviderFactory(QNetworkAccessManager& network)
    : m_network(network) {
}

ProviderFactory::~ProviderFactory() = default;

QNetworkAccessManager& ProviderFactory::nextNetwork() const {
    const int index = m_next;
    m_next = (m_next + 1) % managers;
    if (index == 0) {
        return m_network;
    }
    while (int(m_more.size()) < index) {
        auto more = std::make_unique<QNetworkAccessManager>();
        more->setProxy(m_network.proxy());
        more->setRedirectPolicy(m_network.redirectPolicy());
        more->setTransferTimeout(m_network.transferTimeout());
        more->setAutoDeleteReplies(m_network.autoDeleteReplies());
        m_more.push_back(std::move(more));
    }
    return *m_more[std::size_t(index - 1)];
}

std::unique_ptr<OpenAiFineTuningApi> ProviderFactory::fineTuning(const ProviderConfig& config,
                                                                 const QString& apiKey) const {
    if (!OpenAiFineTuningApi::supports(config.kind)) {
        return nullptr;
    }
    return std::make_unique<OpenAiFineTuningApi>(nextNetwork(), config, apiKey);
}

std::unique_ptr<Provider> ProviderFactory::create(const ProviderConfig& config, const QString& apiKey) const {
    QNetworkAccessManager& network = nextNetwork();
    switch (config.kind) {
    case ProviderKind::OpenAi:
    case ProviderKind::OpenAiCompatible:
    case ProviderKind::AzureOpenAi:
        return std::make_unique<OpenAiProvider>(network, config, apiKey);
    case ProviderKind::Anthropic:
        return std::make_unique<AnthropicProvider>(network, config, apiKey);
    case ProviderKind::Gemini:
        return std::make_unique<GeminiProvider>(network, config, apiKey);
    case ProviderKind::Ollama:
        return std::make_unique<OllamaProvider>(network, config, apiKey);
    }
    return nullptr;
}

} // namespace Tessera::Core
