#include "search/SearchQuery.h"

#include <QStringList>

namespace Tessera::Core {

namespace {

QString quoted(const QString& term) {
    QString escaped = term;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool hasWordCharacter(const QString& text) {
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            return true;
        }
    }
    return false;
}

} // namespace

namespace {

// What a user typed, split into words and "quoted phrases" in order; the last word still being typed matches as
// a prefix.
struct Terms {
    QStringList items;
    bool lastIsPrefix = false;
};

Terms splitTerms(const QString& userText) {
    Terms terms;
    bool lastIsWord = false;
    QString current;
    bool inPhrase = false;
    const auto flush = [&](bool phrase) {
        if (hasWordCharacter(current)) {
            terms.items << current.simplified();
            lastIsWord = !phrase;
        }
        current.clear();
    };
    for (const QChar c : userText) {
        if (c == QLatin1Char('"')) {
            flush(inPhrase);
            inPhrase = !inPhrase;
        } else if (!inPhrase && c.isSpace()) {
            flush(false);
        } else {
            current += c;
        }
    }
    const bool endsWithSpace = !userText.isEmpty() && userText.back().isSpace();
    flush(inPhrase);
    terms.lastIsPrefix = !terms.items.isEmpty() && lastIsWord && !endsWithSpace && !inPhrase;
    return terms;
}

// Runs of letters, digits and marks: the words a tokenizer sees in a term.
QStringList wordsOf(const QString& term) {
    QStringList words;
    QString word;
    for (const QChar c : term) {
        if (c.isLetterOrNumber() || c.isMark()) {
            word += c;
        } else if (!word.isEmpty()) {
            words << word;
            word.clear();
        }
    }
    if (!word.isEmpty()) {
        words << word;
    }
    return words;
}

} // namespace

QString ftsQuery(const QString& userText) {
    const Terms terms = splitTerms(userText);
    if (terms.items.isEmpty()) {
        return {};
    }
    QStringList quotedTerms;
    for (const QString& term : terms.items) {
        quotedTerms << quoted(term);
    }
    if (terms.lastIsPrefix) {
        quotedTerms.last() += QLatin1Char('*'); // still being typed
    }
    return quotedTerms.join(QLatin1Char(' '));
}

QString tsQuery(const QString& userText) {
    const Terms terms = splitTerms(userText);
    QStringList parts;
    for (qsizetype i = 0; i < terms.items.size(); ++i) {
        QStringList words = wordsOf(terms.items.at(i));
        if (words.isEmpty()) {
            continue;
        }
        for (QString& word : words) {
            word = QLatin1Char('\'') + word + QLatin1Char('\'');
        }
        if (terms.lastIsPrefix && i == terms.items.size() - 1) {
            words.last() += QStringLiteral(":*");
        }
        parts << (words.size() == 1 ? words.front()
                                    : QLatin1Char('(') + words.join(QStringLiteral(" <-> ")) + QLatin1Char(')'));
    }
    return parts.join(QStringLiteral(" & "));
}

HighlightedText parseHighlights(const QString& marked, QChar open, QChar close) {
    HighlightedText result;
    result.text.reserve(marked.size());
    int start = -1;
    for (const QChar c : marked) {
        if (c == open) {
            start = int(result.text.size());
        } else if (c == close) {
            if (start >= 0 && int(result.text.size()) > start) {
                result.highlights.emplace_back(start, int(result.text.size()) - start);
            }
            start = -1;
        } else {
            result.text += c;
        }
    }
    return result;
}

} // namespace Tessera::Core
