#include "secrets/ApiKeyResolver.h"

#include "logging/Redactor.h"
#include "secrets/SecretStore.h"

namespace Tessera::Core {

ApiKeyResolver::ApiKeyResolver(SecretStore& secrets, Redactor* redactor)
    : m_secrets(secrets)
    , m_redactor(redactor) {
}

void ApiKeyResolver::resolve(const ProviderConfig& provider, std::function<void(Result<QString>)> done) const {
    switch (provider.keySource) {
    case KeySource::None:
        done(QString());
        return;
    case KeySource::Environment: {
        const QString value = qEnvironmentVariable(provider.keyEnvVar.toLocal8Bit().constData()).trimmed();
        if (value.isEmpty()) {
            done(fail(ErrorCode::ApiKeyMissing, QStringLiteral("environment variable %1 for provider %2 is not set")
                                                    .arg(provider.keyEnvVar, provider.name)));
            return;
        }
        if (m_redactor) {
            m_redactor->addSecret(value);
        }
        done(value);
        return;
    }
    case KeySource::Keychain:
        m_secrets.read(provider.keychainKey(), [redactor = m_redactor, done = std::move(done)](Result<QString> key) {
            if (key && redactor) {
                redactor->addSecret(*key);
            }
            done(std::move(key));
        });
        return;
    }
}

} // namespace Tessera::Core
