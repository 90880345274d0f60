// Shorter prompts: runs of spaces, spaces at line ends and extra blank lines are found and taken out, a sentence said
// twice goes, a long example is pointed out but kept; tags, code and indentation are never touched; the tokens saved
// are the difference of exact counts.
#include "prompts/PromptCompactor.h"
#include "prompts/TemplateSyntax.h"
#include "tokenizer/TokenCounter.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

namespace {

int count(const WasteReport& report, WasteHint::Kind kind) {
    int n = 0;
    for (const WasteHint& hint : report.hints) {
        n += hint.kind == kind ? 1 : 0;
    }
    return n;
}

} // namespace

TEST(PromptCompactorTest, WhitespaceIsFoundAndTakenOut) {
    const QString text = QStringLiteral("Summarise  the   text.   \n\n\n\nKeep it short.\n");
    const WasteReport report = findWaste(text);
    EXPECT_EQ(report.compact, QStringLiteral("Summarise the text.\n\nKeep it short.\n"));
    EXPECT_EQ(count(report, WasteHint::Kind::Whitespace), 3) << "line 1, and the two extra blank lines";
    EXPECT_EQ(report.hints.front().line, 1);
    EXPECT_EQ(report.tokensBefore, countTokens(text, Encoding::O200kBase).tokens);
    EXPECT_EQ(report.tokensAfter, countTokens(report.compact, Encoding::O200kBase).tokens);
    EXPECT_GT(report.saved(), 0);
}

TEST(PromptCompactorTest, ASentenceSaidTwiceGoesAndShortOnesStay) {
    const QString text = QStringLiteral("Answer in plain English please. Be kind.\nUse bullet points.\n"
                                        "answer in  plain english please.\nBe kind.");
    const WasteReport report = findWaste(text);
    EXPECT_EQ(report.compact, QStringLiteral("Answer in plain English please. Be kind.\nUse bullet points.\nBe kind."))
        << "\"Be kind.\" is too short to call a repetition";
    ASSERT_EQ(count(report, WasteHint::Kind::Repeated), 1);
    for (const WasteHint& hint : report.hints) {
        if (hint.kind == WasteHint::Kind::Repeated) {
            EXPECT_EQ(hint.line, 3);
            EXPECT_GT(hint.tokens, 0);
        }
    }
}

TEST(PromptCompactorTest, TagsCodeAndIndentationAreNeverTouched) {
    const QString text =
        QStringLiteral("Write {{tone = \"very   warm\"}}  text.\n    - indented  item\n```\nint  x  = 1;   \n"
                       "```\n");
    const WasteReport report = findWaste(text);
    EXPECT_EQ(
        report.compact,
        QStringLiteral("Write {{tone = \"very   warm\"}} text.\n    - indented item\n```\nint  x  = 1;   \n```\n"));
    // The compact text is still the same template.
    auto before = parseTemplateText(text);
    auto after = parseTemplateText(report.compact);
    ASSERT_TRUE(before && after);
    EXPECT_EQ(before->variables, after->variables);
}

TEST(PromptCompactorTest, ALongExampleIsPointedOutButKept) {
    QString example = QStringLiteral("Example:\n");
    for (int i = 0; i < 60; ++i) {
        example += QStringLiteral("Customer %1 wrote that the parcel arrived late and damaged.\n").arg(i);
    }
    const QString text =
        QStringLiteral("Classify the complaint.\n\n") + example + QStringLiteral("\nNow: {{complaint}}");
    const WasteReport report = findWaste(text);
    ASSERT_EQ(count(report, WasteHint::Kind::LongExample), 1);
    for (const WasteHint& hint : report.hints) {
        if (hint.kind == WasteHint::Kind::LongExample) {
            EXPECT_EQ(hint.line, 3);
            EXPECT_EQ(hint.text, QStringLiteral("Example:"));
            EXPECT_GE(hint.tokens, 150);
        }
    }
    EXPECT_EQ(report.compact, text) << "the example is the person's to shorten";
    EXPECT_EQ(report.saved(), 0);
}

TEST(PromptCompactorTest, ACleanPromptHasNoHints) {
    const WasteReport report = findWaste(QStringLiteral("Summarise {{text}} in {{n = 3}} points.\n"));
    EXPECT_TRUE(report.hints.empty());
    EXPECT_EQ(report.saved(), 0);
    EXPECT_TRUE(findWaste(QString()).hints.empty());
}
