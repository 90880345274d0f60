#include "secrets/KeychainSecretStore.h"

#include "logging/Logging.h"

#include <qt6keychain/keychain.h>

namespace Tessera::Core {

namespace {

constexpr auto kProbeKey = "tessera-availability-probe";

Error toError(const QKeychain::Job* job, const QString& key) {
    const QString detail =
        QStringLiteral("keychain %1 (%2): %3").arg(key, QString::number(job->error()), job->errorString());
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return makeError(ErrorCode::SecretNotFound, detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return makeError(ErrorCode::SecretStoreUnavailable, detail);
    case QKeychain::OtherError: {
        // A missing Secret Service shows up as a D-Bus error rather than NoBackendAvailable.
        const QString text = job->errorString();
        if (text.contains(QLatin1StringView("ServiceUnknown")) || text.contains(QLatin1StringView("not provided")) ||
            text.contains(QLatin1StringView("No such interface")) ||
            text.contains(QLatin1StringView("Cannot autolaunch")) ||
            text.contains(QLatin1StringView("not available"), Qt::CaseInsensitive)) {
            return makeError(ErrorCode::SecretStoreUnavailable, detail);
        }
        return makeError(ErrorCode::SecretStoreFailed, detail);
    }
    default:
        return makeError(ErrorCode::SecretStoreFailed, detail);
    }
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service)) {
}

KeychainSecretStore::~KeychainSecretStore() {
    // Jobs still queued never report back: their callbacks belong to an owner that is going away.
    for (Pending& pending : m_queue) {
        pending.job->disconnect(this);
        delete pending.job;
    }
}

QString KeychainSecretStore::backendName() const {
    return QStringLiteral("system keychain");
}

void KeychainSecretStore::enqueue(QKeychain::Job* job, std::function<void(QKeychain::Job*)> onFinished) {
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, &KeychainSecretStore::handleJobFinished);
    m_queue.push_back({job, std::move(onFinished)});
    if (!m_running) {
        startNext();
    }
}

void KeychainSecretStore::startNext() {
    if (m_queue.empty()) {
        m_running = false;
        return;
    }
    m_running = true;
    m_queue.front().job->start();
}

void KeychainSecretStore::handleJobFinished(QKeychain::Job* job) {
    if (m_queue.empty() || m_queue.front().job != job) {
        return;
    }
    Pending pending = std::move(m_queue.front());
    m_queue.pop_front();
    pending.onFinished(job);
    job->deleteLater();
    startNext();
}

void KeychainSecretStore::read(const QString& key, ReadCallback done) {
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    enqueue(job, [key, done = std::move(done)](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError) {
            const Error error = toError(finished, key);
            log("secrets")->info("read failed: {}", error.toLogString());
            done(fail(error));
            return;
        }
        done(static_cast<QKeychain::ReadPasswordJob*>(finished)->textData());
    });
}

void KeychainSecretStore::write(const QString& key, const QString& secret, StatusCallback done) {
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    enqueue(job, [key, done = std::move(done)](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError) {
            const Error error = toError(finished, key);
            log("secrets")->warn("write failed: {}", error.toLogString());
            done(fail(error));
            return;
        }
        log("secrets")->info("stored secret {}", key);
        done({});
    });
}

void KeychainSecretStore::remove(const QString& key, StatusCallback done) {
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    enqueue(job, [key, done = std::move(done)](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound) {
            const Error error = toError(finished, key);
            log("secrets")->warn("delete failed: {}", error.toLogString());
            done(fail(error));
            return;
        }
        done({});
    });
}

void KeychainSecretStore::probe(StatusCallback done) {
    read(QString::fromLatin1(kProbeKey), [done = std::move(done)](Result<QString> result) {
        if (result || result.error().code == ErrorCode::SecretNotFound) {
            done({});
            return;
        }
        done(fail(result.error()));
    });
}

} // namespace Tessera::Core
