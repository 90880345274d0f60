#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "providers/ProviderConfig.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class FeatureFlags;

class ProviderRepository;
class SecretStore;

// What removing a provider did: the provider is gone; keyError says its keychain entry could not be deleted.
struct ProviderRemoval {
    ProviderConfig provider;
    std::optional<Error> keyError;
};

// The one door to providers for the screens and the CLI: list, add, update and remove, each with its key. A key
// kept in the keychain is written before the provider is stored, and taken back (or the old one put back) when the
// store write fails, so the keychain and the store never disagree. Callbacks run later on the caller's thread,
// never inside the call.
class ProviderService final {
public:
    using ConfigDone = std::function<void(Result<ProviderConfig>)>;
    using RemovalDone = std::function<void(Result<ProviderRemoval>)>;

    ProviderService(const ProviderRepository& providers, SecretStore& secrets);
    // Who may add providers besides providers.manage (the members_add_providers flag), and where changes are
    // recorded. Both optional (tests of the provider logic leave them out).
    void setAccessControl(const FeatureFlags* flags, const AuditLog* audit);

    Result<std::vector<ProviderConfig>> list(const Actor& actor) const;
    Result<ProviderConfig> find(const Actor& actor, const QString& name) const;
    Result<ProviderConfig> findById(const Actor& actor, qint64 id) const;
    // Names, URLs, models, key source and resilience settings: the rules every add and update follows.
    static Status validate(const ProviderConfig& config);

    // key: the API key when config.keySource is Keychain (required for a new provider).
    void add(const Actor& actor, ProviderConfig config, std::optional<QString> key, ConfigDone done);
    // key: a new API key for the keychain; none keeps the stored one. A key that leaves the keychain is deleted.
    void update(const Actor& actor, ProviderConfig config, std::optional<QString> key, ConfigDone done);
    void remove(const Actor& actor, const QString& name, RemovalDone done);

private:
    Status requireAllowed(const Actor& actor, const QString& action, const QString& name, bool adding) const;
    ConfigDone audited(const Actor& actor, const QString& action, const QString& detail, ConfigDone done) const;

    void storeUpdate(const ProviderConfig& before, const ProviderConfig& config, std::optional<QString> oldKey,
                     bool keyWritten, ConfigDone done);

    const ProviderRepository& m_providers;
    SecretStore& m_secrets;
    const FeatureFlags* m_flags = nullptr;
    const AuditLog* m_audit = nullptr;
    // The answers the service posts to the event loop go with it when it is destroyed.
    std::unique_ptr<QObject> m_context = std::make_unique<QObject>();
};

} // namespace Tessera::Core
