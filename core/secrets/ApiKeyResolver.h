#pragma once

#include "common/Result.h"
#include "providers/ProviderConfig.h"

#include <functional>

namespace Tessera::Core {

class Redactor;
class SecretStore;

// Finds a provider's API key where the user said it lives (keychain or a named environment variable)
// and registers it with the log redactor before anyone can use it.
class ApiKeyResolver final {
public:
    ApiKeyResolver(SecretStore& secrets, Redactor* redactor);

    void resolve(const ProviderConfig& provider, std::function<void(Result<QString>)> done) const;

private:
    SecretStore& m_secrets;
    Redactor* m_redactor;
};

} // namespace Tessera::Core
