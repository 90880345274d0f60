// The palette's fuzzy search: letters in order match, case is ignored, word starts and runs rank higher, names
// before descriptions and tags, every word of the pattern must match, and an empty pattern keeps the given order.
#include "prompts/FuzzyMatch.h"
#include "prompts/PromptLibrary.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

namespace {

PromptTemplate named(const QString& name, const QString& description = {}, const QStringList& tags = {}) {
    PromptTemplate t;
    t.name = name;
    t.description = description;
    t.tags = tags;
    return t;
}

QStringList ranked(const std::vector<PromptTemplate>& templates, const QString& pattern) {
    QStringList names;
    for (int index : TemplateMatcher(templates).rank(pattern)) {
        names << templates[std::size_t(index)].name;
    }
    return names;
}

} // namespace

TEST(FuzzyMatchTest, LettersInOrderMatchIgnoringCase) {
    const QString text = foldForMatching(QStringLiteral("Summarise a Bug Report"));
    EXPECT_TRUE(fuzzyScore(u"sumbr", text));
    EXPECT_TRUE(fuzzyScore(u"SBR", text));
    EXPECT_TRUE(fuzzyScore(u"", text));
    EXPECT_FALSE(fuzzyScore(u"rbs", text)) << "out of order";
    EXPECT_FALSE(fuzzyScore(u"summarisex", text));
    EXPECT_FALSE(fuzzyScore(u"x", QString()));
    EXPECT_TRUE(fuzzyScore(u"ärger", foldForMatching(QStringLiteral("ÄRGER melden")))) << "beyond ASCII";
}

TEST(FuzzyMatchTest, WordStartsRunsAndTheFirstLetterScoreHigher) {
    const auto score = [](const char16_t* pattern, const char* text) {
        return fuzzyScore(pattern, foldForMatching(QString::fromUtf8(text))).value_or(-1000);
    };
    EXPECT_GT(score(u"br", "bug report"), score(u"br", "abracadabra x")) << "word starts";
    EXPECT_GT(score(u"rev", "review code"), score(u"rev", "r-e-v")) << "a run beats scattered letters";
    EXPECT_GT(score(u"co", "code review"), score(u"co", "review code")) << "the very start";
    EXPECT_GT(score(u"ab", "a b"), score(u"ab", "a xxxxxxxxxx b")) << "gaps cost";
}

TEST(FuzzyMatchTest, TheTemplatesAreRankedNamesFirstAndEveryWordMustMatch) {
    const std::vector<PromptTemplate> templates = {
        named(QStringLiteral("Translate"), QStringLiteral("Into another language"), {QStringLiteral("language")}),
        named(QStringLiteral("Code review"), QStringLiteral("Review a diff"), {QStringLiteral("code")}),
        named(QStringLiteral("Summary"), QStringLiteral("Summarise a text for a code review")),
        named(QStringLiteral("Release notes"), QString(), {QStringLiteral("writing")}),
    };
    EXPECT_EQ(ranked(templates, QString()), (QStringList{QStringLiteral("Translate"), QStringLiteral("Code review"),
                                                         QStringLiteral("Summary"), QStringLiteral("Release notes")}))
        << "an empty pattern keeps the library's order";
    EXPECT_EQ(ranked(templates, QStringLiteral("cr")).front(), QStringLiteral("Code review"));
    EXPECT_EQ(ranked(templates, QStringLiteral("review")),
              (QStringList{QStringLiteral("Code review"), QStringLiteral("Summary")}))
        << "the name before a description";
    EXPECT_EQ(ranked(templates, QStringLiteral("rel writing")), QStringList{QStringLiteral("Release notes")})
        << "a tag matches a second word";
    EXPECT_TRUE(ranked(templates, QStringLiteral("zzz")).isEmpty());
    EXPECT_EQ(ranked(templates, QStringLiteral("  TRANS  ")), QStringList{QStringLiteral("Translate")});
}
