#include "prompts/FuzzyMatch.h"

#include "prompts/PromptLibrary.h"

#include <QStringList>

#include <algorithm>
#include <numeric>

namespace Tessera::Core {

namespace {

constexpr int matchPoints = 16;
constexpr int wordStartBonus = 10;
constexpr int runBonus = 4; // at least; a letter in a run also earns what the run's first letter earned
constexpr int firstLetterBonus = 12;
constexpr int gapStartCost = 3;
constexpr int gapLetterCost = 1;
constexpr int maxGapCost = 12; // per gap: a long gap costs little more than a short one

bool isWordStart(QStringView text, qsizetype at) {
    if (at == 0) {
        return true;
    }
    const QChar before = text[at - 1];
    return !before.isLetterOrNumber() || (before.isLower() && text[at].isUpper());
}

} // namespace

std::optional<int> scoreFolded(QStringView foldedPattern, QStringView foldedText);

QString foldForMatching(const QString& text) {
    return text.toCaseFolded();
}

std::optional<int> fuzzyScore(QStringView pattern, QStringView foldedText) {
    return scoreFolded(pattern.toString().toCaseFolded(), foldedText);
}

std::optional<int> scoreFolded(QStringView p, QStringView foldedText) {
    if (p.isEmpty()) {
        return 0;
    }
    // Forward: the first place where all the letters have appeared, in order.
    qsizetype at = 0;
    qsizetype end = -1;
    for (qsizetype i = 0; i < foldedText.size() && at < p.size(); ++i) {
        if (foldedText[i] == p[at]) {
            ++at;
            end = i;
        }
    }
    if (at < p.size()) {
        return std::nullopt;
    }
    // Backward from there: the shortest stretch that still holds them all (so "ab" in "a…a b" scores the near a).
    qsizetype start = end;
    for (qsizetype i = end, k = p.size() - 1; i >= 0 && k >= 0; --i) {
        if (foldedText[i] == p[k]) {
            start = i;
            --k;
        }
    }
    // Scored over that stretch, matching forward.
    int score = 0;
    qsizetype previous = -2;
    int runStartBonus = 0;
    qsizetype k = 0;
    for (qsizetype i = start; i <= end && k < p.size(); ++i) {
        if (foldedText[i] != p[k]) {
            continue;
        }
        score += matchPoints;
        const int bonus = isWordStart(foldedText, i) ? wordStartBonus : 0;
        if (i == previous + 1) {
            score += std::max({bonus, runStartBonus, runBonus});
        } else {
            score += bonus;
            runStartBonus = bonus;
            if (previous >= 0) {
                score -= std::min<int>(gapStartCost + int(i - previous - 2) * gapLetterCost, maxGapCost);
            }
        }
        if (i == 0) {
            score += firstLetterBonus;
        }
        previous = i;
        ++k;
    }
    return score;
}

TemplateMatcher::TemplateMatcher(const std::vector<PromptTemplate>& templates) {
    m_entries.reserve(templates.size());
    for (const PromptTemplate& t : templates) {
        m_entries.push_back({foldForMatching(t.name),
                             foldForMatching(t.description + QLatin1Char(' ') + t.tags.join(QLatin1Char(' ')))});
    }
}

std::vector<int> TemplateMatcher::rank(const QString& pattern) const {
    std::vector<int> order(m_entries.size());
    std::iota(order.begin(), order.end(), 0);
    const QStringList words = pattern.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty()) {
        return order;
    }
    std::vector<std::pair<int, int>> scored; // (score, index)
    scored.reserve(m_entries.size());
    for (int i = 0; i < int(m_entries.size()); ++i) {
        const Entry& entry = m_entries[std::size_t(i)];
        int total = 0;
        bool all = true;
        for (const QString& word : words) {
            const std::optional<int> inName = scoreFolded(word, entry.name);
            // The description and tags count for half: a name that matches comes first.
            const std::optional<int> inOther = inName ? std::nullopt : scoreFolded(word, entry.other);
            if (!inName && !inOther) {
                all = false;
                break;
            }
            total += inName ? *inName * 2 : *inOther;
        }
        if (all) {
            scored.emplace_back(total, i);
        }
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    order.clear();
    for (const auto& [score, index] : scored) {
        order.push_back(index);
    }
    return order;
}

} // namespace Tessera::Core
