#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace Tessera::Core {

// Why a new password is refused (OWASP ASVS 5.0: 8 to 128 characters, no composition rules, refuse common and
// guessable ones). Guessability is rated with zxcvbn: its score 0 to 4 from the estimated guesses (below 10^3,
// 10^6, 10^8, 10^10); Tessera refuses a score below 3.
enum class PasswordWeakness {
    None,
    TooShort,     // fewer than 8 characters
    TooLong,      // more than 128
    CommonWord,   // mostly a common password, word or name (also with l33t substitutions)
    PersonalWord, // mostly the username or another word of the account
    Pattern,      // mostly a sequence, a repeat or a keyboard pattern
    Date,         // mostly a date or a year
    Guessable,    // short and simple in some other way
};

struct PasswordRating {
    int score = 0;          // zxcvbn's 0 to 4
    double entropyBits = 0; // log2 of the estimated guesses
    PasswordWeakness weakness = PasswordWeakness::None;
    bool acceptable() const { return weakness == PasswordWeakness::None; }
};

inline constexpr int minimumPasswordScore = 3;

// Rates a new password; personalWords are the username, display name and the like (they count as easy).
PasswordRating ratePassword(const QString& password, const QStringList& personalWords = {});

// What to tell the person (English; the UI translates it in the "Tessera::Core::PasswordPolicy" context).
const char* weaknessMessage(PasswordWeakness weakness);

// auth.weak_password with the reason in the detail, or nothing when the password may be used.
Status checkNewPassword(const QString& password, const QStringList& personalWords = {});

} // namespace Tessera::Core
