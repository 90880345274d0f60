#pragma once

#include "chat/Message.h"

#include <QDateTime>
#include <QString>

#include <optional>

#include <utility>
#include <vector>

namespace Tessera::Core {

// Turns what a user types into a safe SQLite FTS5 query: every word, and every "quoted phrase", becomes a quoted
// FTS5 string (quotes inside doubled), all of them required; the last word also matches as a prefix, so results
// appear while typing. Operators and punctuation have no special meaning, so no input is ever a syntax error.
// Returns "" when there is nothing to search for.
QString ftsQuery(const QString& userText);

// The same for PostgreSQL's to_tsquery: each term becomes its words (letters, digits and marks only, so no operator
// or quote can come from the user), a term of several words a phrase (<->), all terms required (&), the last word
// a prefix (:*) while it is being typed. Returns "" when there is nothing to search for.
QString tsQuery(const QString& userText);

// A piece of text with the parts that matched: [start, start + length) ranges into text.
struct HighlightedText {
    QString text;
    std::vector<std::pair<int, int>> highlights;

    bool operator==(const HighlightedText&) const = default;
};

// Splits FTS5 snippet() output, where matches are wrapped in open and close marker characters, into plain text
// and highlight ranges. Unbalanced markers are dropped.
HighlightedText parseHighlights(const QString& marked, QChar open, QChar close);

// One message that matched: where it is, and a snippet of its text around the matches.
struct SearchHit {
    qint64 messageId = 0;
    qint64 conversationId = 0;
    QString conversationTitle;
    Role role = Role::User;
    QDateTime createdAt;
    HighlightedText snippet;

    bool operator==(const SearchHit&) const = default;
};

struct SearchOptions {
    int limit = 50;                         // 1 to 500
    std::optional<qint64> olderThanMessage; // the next page: hits older than this message
    qint64 ownerId = 1;                     // only this account's conversations are searched
};

} // namespace Tessera::Core
