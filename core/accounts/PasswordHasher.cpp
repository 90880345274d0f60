#include "accounts/PasswordHasher.h"

#include <sodium.h>

#include <QList>

namespace Tessera::Core {

namespace {

bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// The UTF-8 bytes of a password, wiped when done.
class SecretBytes {
public:
    explicit SecretBytes(const QString& text)
        : m_bytes(text.toUtf8()) {}
    ~SecretBytes() { sodium_memzero(m_bytes.data(), std::size_t(m_bytes.size())); }
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    const char* data() const { return m_bytes.constData(); }
    unsigned long long size() const { return static_cast<unsigned long long>(m_bytes.size()); }

private:
    QByteArray m_bytes;
};

} // namespace

PasswordHasher::PasswordHasher(PasswordCost cost)
    : m_cost(cost) {
    QByteArray random(32, Qt::Uninitialized);
    if (sodiumReady()) {
        randombytes_buf(random.data(), std::size_t(random.size()));
    }
    if (auto dummy = hash(QString::fromLatin1(random.toBase64()))) {
        m_dummy = *dummy;
    }
}

bool PasswordHasher::lengthAllowed(const QString& password) {
    const qsizetype codePoints = password.toUcs4().size();
    return codePoints >= minLength && codePoints <= maxLength;
}

Result<QByteArray> PasswordHasher::hash(const QString& password) const {
    if (!sodiumReady()) {
        return fail(ErrorCode::Internal, QStringLiteral("libsodium could not be initialised"));
    }
    const SecretBytes bytes(password);
    QByteArray encoded(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str_alg(encoded.data(), bytes.data(), bytes.size(), m_cost.iterations, m_cost.memoryBytes,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return fail(ErrorCode::Internal, QStringLiteral("out of memory while hashing a password"));
    }
    encoded.truncate(qsizetype(qstrlen(encoded.constData())));
    return encoded;
}

bool PasswordHasher::verify(const QByteArray& encoded, const QString& password) const {
    if (!sodiumReady() || encoded.isEmpty() || encoded.size() >= crypto_pwhash_STRBYTES) {
        return false;
    }
    const SecretBytes bytes(password);
    QByteArray terminated = encoded;
    terminated.append('\0');
    return crypto_pwhash_str_verify(terminated.constData(), bytes.data(), bytes.size()) == 0;
}

bool PasswordHasher::needsRehash(const QByteArray& encoded) const {
    if (encoded.isEmpty() || encoded.size() >= crypto_pwhash_STRBYTES) {
        return true;
    }
    QByteArray terminated = encoded;
    terminated.append('\0');
    // 1: other parameters, -1: not an Argon2id hash at all; both want a new hash.
    return crypto_pwhash_str_needs_rehash(terminated.constData(), m_cost.iterations, m_cost.memoryBytes) != 0;
}

void PasswordHasher::verifyNothing(const QString& password) const {
    (void)verify(m_dummy, password);
}

} // namespace Tessera::Core
