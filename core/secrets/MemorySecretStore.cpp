#include "secrets/MemorySecretStore.h"

#include <QTimer>

namespace Tessera::Core {

namespace {
Error unavailable() {
    return makeError(ErrorCode::SecretStoreUnavailable, QStringLiteral("memory secret store disabled"));
}
} // namespace

MemorySecretStore::MemorySecretStore(QObject* parent)
    : QObject(parent) {
}

QString MemorySecretStore::backendName() const {
    return QStringLiteral("memory");
}

void MemorySecretStore::later(std::function<void()> work) {
    QTimer::singleShot(0, this, std::move(work));
}

void MemorySecretStore::read(const QString& key, ReadCallback done) {
    later([this, key, done = std::move(done)] {
        if (!m_available) {
            done(fail(unavailable()));
        } else if (!m_secrets.contains(key)) {
            done(fail(ErrorCode::SecretNotFound, QStringLiteral("no secret ") + key));
        } else {
            done(m_secrets.value(key));
        }
    });
}

void MemorySecretStore::write(const QString& key, const QString& secret, StatusCallback done) {
    later([this, key, secret, done = std::move(done)] {
        if (!m_available) {
            done(fail(unavailable()));
            return;
        }
        m_secrets.insert(key, secret);
        done({});
    });
}

void MemorySecretStore::remove(const QString& key, StatusCallback done) {
    later([this, key, done = std::move(done)] {
        if (!m_available) {
            done(fail(unavailable()));
            return;
        }
        m_secrets.remove(key);
        done({});
    });
}

void MemorySecretStore::probe(StatusCallback done) {
    later([this, done = std::move(done)] { done(m_available ? Status{} : Status(fail(unavailable()))); });
}

} // namespace Tessera::Core
