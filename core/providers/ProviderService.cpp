#include "providers/ProviderService.h"

#include "accounts/Authorization.h"
#include "accounts/FeatureFlags.h"
#include "audit/AuditLog.h"

#include "logging/Logging.h"
#include "secrets/SecretStore.h"
#include "storage/ProviderRepository.h"

#include <QTimer>

namespace Tessera::Core {

namespace {

// Runs done with value from the event loop, never inside the caller's call; not at all once context is gone (the
// service was closed with the store).
template <typename T> void later(const QObject* context, std::function<void(T)> done, T value) {
    QTimer::singleShot(0, context,
                       [done = std::move(done), value = std::move(value)]() mutable { done(std::move(value)); });
}

} // namespace

ProviderService::ProviderService(const ProviderRepository& providers, SecretStore& secrets)
    : m_providers(providers)
    , m_secrets(secrets) {
}

Result<std::vector<ProviderConfig>> ProviderService::list(const Actor& /*actor*/) const {
    return m_providers.list();
}

Result<ProviderConfig> ProviderService::find(const Actor& /*actor*/, const QString& name) const {
    return m_providers.findByName(name);
}

Result<ProviderConfig> ProviderService::findById(const Actor& /*actor*/, qint64 id) const {
    return m_providers.findById(id);
}

Status ProviderService::validate(const ProviderConfig& config) {
    return ProviderRepository::validate(config);
}

void ProviderService::setAccessControl(const FeatureFlags* flags, const AuditLog* audit) {
    m_flags = flags;
    m_audit = audit;
}

Status ProviderService::requireAllowed(const Actor& actor, const QString& action, const QString& name,
                                       bool adding) const {
    // The members_add_providers flag lets people who use providers add one without managing the others.
    if (adding && !actor.may(Permission::ProvidersManage) && actor.may(Permission::ProvidersUse) && m_flags &&
        m_flags->enabled(actor, Feature::MembersAddProviders)) {
        return {};
    }
    auto allowed = require(actor, Permission::ProvidersManage);
    if (!allowed && m_audit) {
        (void)m_audit->record(actor, {action, QStringLiteral("provider:") + name, AuditOutcome::Denied,
                                      QStringLiteral("lacks providers.manage"), allowed.error().correlationId});
    }
    return allowed;
}

ProviderService::ConfigDone ProviderService::audited(const Actor& actor, const QString& action, const QString& detail,
                                                     ConfigDone done) const {
    if (!m_audit) {
        return done;
    }
    return [audit = m_audit, actor, action, detail, done = std::move(done)](Result<ProviderConfig> result) {
        if (result) {
            // Never the key itself: only that it changed.
            (void)audit->record(
                actor, {action, QStringLiteral("provider:") + result->name, AuditOutcome::Success, detail, {}});
        }
        done(std::move(result));
    };
}

void ProviderService::add(const Actor& actor, ProviderConfig config, std::optional<QString> key, ConfigDone done) {
    if (auto allowed = requireAllowed(actor, QStringLiteral("provider.add"), config.name, true); !allowed) {
        later<Result<ProviderConfig>>(m_context.get(), std::move(done), fail(allowed.error()));
        return;
    }
    done = audited(actor, QStringLiteral("provider.add"),
                   QStringLiteral("%1 at %2, key %3")
                       .arg(QString(kindName(config.kind)), config.baseUrl,
                            config.keySource == KeySource::Keychain      ? QStringLiteral("in the keychain")
                            : config.keySource == KeySource::Environment ? QStringLiteral("from ") + config.keyEnvVar
                                                                         : QStringLiteral("none")),
                   std::move(done));
    if (config.keySource != KeySource::Environment) {
        config.keyEnvVar.clear();
    }
    if (auto valid = validate(config); !valid) {
        later<Result<ProviderConfig>>(m_context.get(), std::move(done), fail(valid.error()));
        return;
    }
    if (find(actor, config.name)) {
        later<Result<ProviderConfig>>(
            m_context.get(), std::move(done),
            fail(ErrorCode::AlreadyExists, QStringLiteral("a provider named '%1' exists").arg(config.name)));
        return;
    }
    if (config.keySource != KeySource::Keychain) {
        later<Result<ProviderConfig>>(m_context.get(), std::move(done), m_providers.add(config));
        return;
    }
    if (!key || key->trimmed().isEmpty()) {
        later<Result<ProviderConfig>>(m_context.get(), std::move(done),
                                      fail(ErrorCode::InvalidArgument, QStringLiteral("the API key is empty")));
        return;
    }
    // The key first: when the keychain refuses it, nothing is stored at all.
    m_secrets.write(config.keychainKey(), *key, [this, config, done = std::move(done)](Status written) {
        if (!written) {
            done(fail(written.error()));
            return;
        }
        auto added = m_providers.add(config);
        if (!added) {
            m_secrets.remove(config.keychainKey(), [name = config.name](const Status& removed) {
                if (!removed) {
                    log("providers")
                        ->warn("provider {} was not stored and its key could not be taken back: {}", name,
                               removed.error().toLogString());
                }
            });
        }
        done(std::move(added));
    });
}

void ProviderService::update(const Actor& actor, ProviderConfig config, std::optional<QString> key, ConfigDone done) {
    if (auto allowed = requireAllowed(actor, QStringLiteral("provider.update"), config.name, false); !allowed) {
        later<Result<ProviderConfig>>(m_context.get(), std::move(done), fail(allowed.error()));
        return;
    }
    done = audited(actor, QStringLiteral("provider.update"),
                   key && !key->isEmpty() ? QStringLiteral("settings and key changed")
                                          : QStringLiteral("settings changed"),
                   std::move(done));
    auto before = findById(actor, config.id);
    if (!before) {
        later<Result<ProviderConfig>>(m_context.get(), std::move(done), fail(before.error()));
        return;
    }
    if (config.name != before->name) {
        later<Result<ProviderConfig>>(m_context.get(), std::move(done),
                                      fail(ErrorCode::InvalidArgument,
                                           QStringLiteral("a provider cannot be renamed; add one under the new name")));
        return;
    }
    if (config.keySource != KeySource::Environment) {
        config.keyEnvVar.clear();
    }
    if (auto valid = validate(config); !valid) {
        later<Result<ProviderConfig>>(m_context.get(), std::move(done), fail(valid.error()));
        return;
    }
    const bool newKey = config.keySource == KeySource::Keychain && key && !key->trimmed().isEmpty();
    if (config.keySource == KeySource::Keychain && !newKey && before->keySource != KeySource::Keychain) {
        later<Result<ProviderConfig>>(
            m_context.get(), std::move(done),
            fail(ErrorCode::InvalidArgument, QStringLiteral("an API key is needed to keep it in the keychain")));
        return;
    }
    if (!newKey) {
        storeUpdate(*before, config, std::nullopt, false, std::move(done));
        return;
    }
    // Keep the old key, so a failed store write can put it back.
    m_secrets.read(config.keychainKey(),
                   [this, before = *before, config, key = *key, done = std::move(done)](Result<QString> old) mutable {
                       std::optional<QString> oldKey = old ? std::optional<QString>(*old) : std::nullopt;
                       m_secrets.write(config.keychainKey(), key,
                                       [this, before, config, oldKey, done = std::move(done)](Status written) mutable {
                                           if (!written) {
                                               done(fail(written.error()));
                                               return;
                                           }
                                           storeUpdate(before, config, oldKey, true, std::move(done));
                                       });
                   });
}

void ProviderService::storeUpdate(const ProviderConfig& before, const ProviderConfig& config,
                                  std::optional<QString> oldKey, bool keyWritten, ConfigDone done) {
    auto updated = m_providers.update(config);
    if (!updated) {
        if (keyWritten) {
            const auto logFailure = [name = config.name](const Status& status) {
                if (!status) {
                    log("providers")
                        ->warn("the key of provider {} could not be put back: {}", name, status.error().toLogString());
                }
            };
            if (oldKey) {
                m_secrets.write(config.keychainKey(), *oldKey, logFailure);
            } else {
                m_secrets.remove(config.keychainKey(), logFailure);
            }
        }
        later<Result<ProviderConfig>>(m_context.get(), std::move(done), fail(updated.error()));
        return;
    }
    if (before.keySource == KeySource::Keychain && config.keySource != KeySource::Keychain) {
        // The key left the keychain: delete it there.
        m_secrets.remove(before.keychainKey(), [name = config.name](const Status& removed) {
            if (!removed) {
                log("providers")
                    ->warn("the old key of provider {} could not be deleted: {}", name, removed.error().toLogString());
            }
        });
    }
    later<Result<ProviderConfig>>(m_context.get(), std::move(done), Result<ProviderConfig>(config));
}

void ProviderService::remove(const Actor& actor, const QString& name, RemovalDone done) {
    if (auto allowed = requireAllowed(actor, QStringLiteral("provider.remove"), name, false); !allowed) {
        later<Result<ProviderRemoval>>(m_context.get(), std::move(done), fail(allowed.error()));
        return;
    }
    auto provider = find(actor, name);
    if (!provider) {
        later<Result<ProviderRemoval>>(m_context.get(), std::move(done), fail(provider.error()));
        return;
    }
    if (auto removed = m_providers.remove(provider->id); !removed) {
        later<Result<ProviderRemoval>>(m_context.get(), std::move(done), fail(removed.error()));
        return;
    }
    if (m_audit) {
        (void)m_audit->record(actor, {QStringLiteral("provider.remove"),
                                      QStringLiteral("provider:") + provider->name,
                                      AuditOutcome::Success,
                                      QString(),
                                      {}});
    }
    ProviderRemoval removal{*provider, std::nullopt};
    if (provider->keySource != KeySource::Keychain) {
        later<Result<ProviderRemoval>>(m_context.get(), std::move(done), Result<ProviderRemoval>(removal));
        return;
    }
    m_secrets.remove(provider->keychainKey(), [removal, done = std::move(done)](Status status) mutable {
        if (!status) {
            removal.keyError = status.error();
        }
        done(std::move(removal));
    });
}

} // namespace Tessera::Core
