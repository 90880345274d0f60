#pragma once

#include "common/Result.h"

#include <QString>

#include <functional>

namespace Tessera::Core {

// Where API keys live. Operations are asynchronous: the callback runs later on the caller's thread, never
// inside the call. Implementations never write secrets anywhere but the backing keychain.
class SecretStore {
public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using StatusCallback = std::function<void(Status)>;

    virtual ~SecretStore() = default;
    virtual void read(const QString& key, ReadCallback done) = 0;
    virtual void write(const QString& key, const QString& secret, StatusCallback done) = 0;
    virtual void remove(const QString& key, StatusCallback done) = 0;
    // Reports whether the backend can be used at all (SecretStoreUnavailable when not).
    virtual void probe(StatusCallback done) = 0;
    virtual QString backendName() const = 0;
};

} // namespace Tessera::Core
