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

QString ftsQuery(const QString& userText) {
    // Words and "quoted phrases", in order.
    QStringList terms;
    bool lastIsWord = false;
    QString current;
    bool inPhrase = false;
    const auto flush = [&](bool phrase) {
        if (hasWordCharacter(current)) {
            terms << quoted(current.simplified());
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
    if (terms.isEmpty()) {
        return {};
    }
    if (lastIsWord && !endsWithSpace && !inPhrase) {
        terms.last() += QLatin1Char('*'); // still being typed
    }
    return terms.join(QLatin1Char(' '));
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
