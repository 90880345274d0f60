#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace Tessera::Core {

struct PromptTemplate;

// How well typed letters match a text as a subsequence, ignoring case: "sumbr" finds "Summarise a bug report".
// Letters that start words, letters in a row and a match at the very start count more; letters skipped in between
// cost a little. nullopt when the letters do not all appear in order. The text is expected case-folded already
// (foldForMatching); the pattern is folded here.
std::optional<int> fuzzyScore(QStringView pattern, QStringView foldedText);
QString foldForMatching(const QString& text);

// The composer's template palette: the templates ranked for what is typed, best first. The texts are folded once
// when the matcher is made, so each keystroke only scores. An empty pattern keeps the templates' own order (the
// library gives them most recently used first).
class TemplateMatcher final {
public:
    explicit TemplateMatcher(const std::vector<PromptTemplate>& templates);

    // Indices into the templates given, best match first (ties keep the given order). A pattern of several words
    // needs each word to match (in the name, or in the description and tags, which count for less).
    std::vector<int> rank(const QString& pattern) const;

private:
    struct Entry {
        QString name;  // folded
        QString other; // folded description and tags
    };
    std::vector<Entry> m_entries;
};

} // namespace Tessera::Core
