#pragma once

#include "secrets/SecretStore.h"

#include <QHash>
#include <QObject>

namespace Tessera::Core {

// Keeps secrets in memory only; for tests and for sessions that must not touch the keychain.
// setAvailable(false) makes it behave like a machine without a Secret Service.
class MemorySecretStore final : public QObject, public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject* parent = nullptr);

    void read(const QString& key, ReadCallback done) override;
    void write(const QString& key, const QString& secret, StatusCallback done) override;
    void remove(const QString& key, StatusCallback done) override;
    void probe(StatusCallback done) override;
    QString backendName() const override;

    void setAvailable(bool available) { m_available = available; }
    bool contains(const QString& key) const { return m_secrets.contains(key); }

private:
    void later(std::function<void()> work);

    QHash<QString, QString> m_secrets;
    bool m_available = true;
};

} // namespace Tessera::Core
