#pragma once

#include "secrets/SecretStore.h"

#include <QObject>

#include <deque>

namespace QKeychain {
class Job;
}

namespace Tessera::Core {

// The OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Manager on
// Windows). Jobs run one at a time in the order they were asked for. There is no plaintext fallback.
class KeychainSecretStore final : public QObject, public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Tessera"), QObject* parent = nullptr);
    ~KeychainSecretStore() override;

    void read(const QString& key, ReadCallback done) override;
    void write(const QString& key, const QString& secret, StatusCallback done) override;
    void remove(const QString& key, StatusCallback done) override;
    void probe(StatusCallback done) override;
    QString backendName() const override;

private:
    struct Pending {
        QKeychain::Job* job;
        std::function<void(QKeychain::Job*)> onFinished;
    };
    void enqueue(QKeychain::Job* job, std::function<void(QKeychain::Job*)> onFinished);
    void startNext();
    void handleJobFinished(QKeychain::Job* job);

    QString m_service;
    std::deque<Pending> m_queue;
    bool m_running = false;
};

} // namespace Tessera::Core
