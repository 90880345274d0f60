#include "accounts/PasswordPolicy.h"

#include "accounts/PasswordHasher.h"

#include <QCoreApplication>

#include <zxcvbn.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace Tessera::Core {

namespace {

// zxcvbn's score from its guesses (the thresholds of the original zxcvbn).
int scoreOf(double entropyBits) {
    const double guesses = std::pow(2.0, entropyBits);
    if (guesses < 1e3) {
        return 0;
    }
    if (guesses < 1e6) {
        return 1;
    }
    if (guesses < 1e8) {
        return 2;
    }
    if (guesses < 1e10) {
        return 3;
    }
    return 4;
}

PasswordWeakness weaknessOf(ZxcTypeMatch_t type) {
    switch (int(type) & ~int(MULTIPLE_MATCH)) {
    case DICTIONARY_MATCH:
    case DICT_LEET_MATCH:
        return PasswordWeakness::CommonWord;
    case USER_MATCH:
    case USER_LEET_MATCH:
        return PasswordWeakness::PersonalWord;
    case REPEATS_MATCH:
    case SEQUENCE_MATCH:
    case SPATIAL_MATCH:
        return PasswordWeakness::Pattern;
    case DATE_MATCH:
    case YEAR_MATCH:
        return PasswordWeakness::Date;
    default:
        return PasswordWeakness::Guessable;
    }
}

} // namespace

PasswordRating ratePassword(const QString& password, const QStringList& personalWords) {
    PasswordRating rating;
    const qsizetype length = password.toUcs4().size();
    if (length < PasswordHasher::minLength) {
        rating.weakness = PasswordWeakness::TooShort;
        return rating;
    }
    if (length > PasswordHasher::maxLength) {
        rating.weakness = PasswordWeakness::TooLong;
        return rating;
    }
    std::vector<std::string> words;
    for (const QString& word : personalWords) {
        if (!word.trimmed().isEmpty()) {
            words.push_back(word.trimmed().toLower().toStdString());
        }
    }
    std::vector<const char*> dictionary;
    for (const std::string& word : words) {
        dictionary.push_back(word.c_str());
    }
    dictionary.push_back(nullptr);
    std::string text = password.toStdString();
    ZxcMatch_t* info = nullptr;
    rating.entropyBits = ZxcvbnMatch(text.c_str(), dictionary.data(), &info);
    // What makes it weak: the kind of match covering most of the password.
    std::map<PasswordWeakness, int> covered;
    for (ZxcMatch_t* match = info; match; match = match->Next) {
        covered[weaknessOf(match->Type)] += match->Length;
    }
    ZxcvbnFreeInfo(info);
    std::fill(text.begin(), text.end(), '\0');
    rating.score = scoreOf(rating.entropyBits);
    if (rating.score < minimumPasswordScore) {
        rating.weakness = PasswordWeakness::Guessable;
        int most = 0;
        for (const auto& [weakness, characters] : covered) {
            if (characters > most) {
                most = characters;
                rating.weakness = weakness;
            }
        }
    }
    return rating;
}

const char* weaknessMessage(PasswordWeakness weakness) {
    switch (weakness) {
    case PasswordWeakness::None:
        return "";
    case PasswordWeakness::TooShort:
        return QT_TRANSLATE_NOOP("Tessera::Core::PasswordPolicy",
                                 "The password is too short: use at least 8 characters (15 or more is better).");
    case PasswordWeakness::TooLong:
        return QT_TRANSLATE_NOOP("Tessera::Core::PasswordPolicy", "The password is too long: at most 128 characters.");
    case PasswordWeakness::CommonWord:
        return QT_TRANSLATE_NOOP("Tessera::Core::PasswordPolicy",
                                 "The password is mostly a common password or word. Add unrelated words, or use a "
                                 "passphrase.");
    case PasswordWeakness::PersonalWord:
        return QT_TRANSLATE_NOOP("Tessera::Core::PasswordPolicy",
                                 "The password is mostly the username or another word of the account.");
    case PasswordWeakness::Pattern:
        return QT_TRANSLATE_NOOP("Tessera::Core::PasswordPolicy",
                                 "The password is mostly a sequence, a repeat or a keyboard pattern.");
    case PasswordWeakness::Date:
        return QT_TRANSLATE_NOOP("Tessera::Core::PasswordPolicy", "The password is mostly a date or a year.");
    case PasswordWeakness::Guessable:
        return QT_TRANSLATE_NOOP("Tessera::Core::PasswordPolicy",
                                 "The password is too easy to guess. Make it longer, for example with a few "
                                 "unrelated words.");
    }
    return "";
}

Status checkNewPassword(const QString& password, const QStringList& personalWords) {
    const PasswordRating rating = ratePassword(password, personalWords);
    if (rating.acceptable()) {
        return {};
    }
    Error error = makeError(ErrorCode::AuthWeakPassword, QString::fromLatin1(weaknessMessage(rating.weakness)));
    return fail(std::move(error));
}

} // namespace Tessera::Core
