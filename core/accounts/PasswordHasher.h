#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <cstddef>

namespace Tessera::Core {

// Argon2id cost. OWASP ASVS 5.0 appendix C asks for at least t = 2 with 19 MiB (p = 1); Tessera uses libsodium's
// INTERACTIVE level, t = 2 with 64 MiB, which makes a sign-in take 50 ms or more on the reference machine: a
// guess costs an attacker more, and one person signing in does not notice.
struct PasswordCost {
    unsigned long long iterations = 2;
    std::size_t memoryBytes = std::size_t(64) * 1024 * 1024;
};

// Password hashing for accounts, through libsodium's Argon2id. The encoded hash carries its own salt and
// parameters ("$argon2id$v=19$m=65536,t=2,p=1$..."), so hashes made with older parameters still verify and are
// upgraded (needsRehash) at the next sign-in. Passwords are any Unicode, 8 to 128 characters, hashed as UTF-8
// without truncation. A password is never logged or kept after the call.
class PasswordHasher {
public:
    static constexpr int minLength = 8;
    static constexpr int maxLength = 128;

    explicit PasswordHasher(PasswordCost cost = {});

    // The length rule (in characters as a person counts them: code points).
    static bool lengthAllowed(const QString& password);

    Result<QByteArray> hash(const QString& password) const;
    bool verify(const QByteArray& encoded, const QString& password) const;
    // The hash was made with weaker parameters than this hasher's (or is not an Argon2id hash).
    bool needsRehash(const QByteArray& encoded) const;
    // Does the work of a verification against a hash no account has, so signing in as an unknown user takes as
    // long as signing in with a wrong password.
    void verifyNothing(const QString& password) const;

    const PasswordCost& cost() const { return m_cost; }

private:
    PasswordCost m_cost;
    QByteArray m_dummy; // a hash of a random password, for verifyNothing
};

} // namespace Tessera::Core
