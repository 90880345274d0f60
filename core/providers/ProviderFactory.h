#pragma once

#include "providers/Provider.h"
#include "providers/ProviderConfig.h"

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace Tessera::Core {

class OpenAiFineTuningApi;

// Builds the Provider for a stored configuration and its resolved key. Qt 6.4 opens at most 6 HTTP/1.1 connections
// to one host per network access manager, so requests are spread over a few managers (the one given and up to
// `managers` − 1 more, made when first needed with its settings): concurrent work such as an experiment run with a
// concurrency of 8 is not held to 6 at once.
class ProviderFactory {
public:
    static constexpr int managers = 4;

    explicit ProviderFactory(QNetworkAccessManager& network);
    virtual ~ProviderFactory();

    virtual std::unique_ptr<Provider> create(const ProviderConfig& config, const QString& apiKey) const;
    // The provider's fine-tuning API; none when its kind has no fine-tuning API Tessera speaks.
    std::unique_ptr<OpenAiFineTuningApi> fineTuning(const ProviderConfig& config, const QString& apiKey) const;

private:
    QNetworkAccessManager& nextNetwork() const;

    QNetworkAccessManager& m_network;
    mutable std::vector<std::unique_ptr<QNetworkAccessManager>> m_more;
    mutable int m_next = 0;
};

} // namespace Tessera::Core
