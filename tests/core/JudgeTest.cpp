// The experiment judge's answers read as grades and pairwise choices, and the position swap: a pairwise judgement
// counts only when both orders pick the same answer.
#include "experiments/Judge.h"

#include "prompts/PromptLibrary.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

TEST(JudgeTest, AGradeIsReadFromTheJudgesJson) {
    auto plain = parseJudgeGrade(QStringLiteral(R"({"reason": "Clear and right.", "score": 0.8, "pass": true})"));
    ASSERT_TRUE(plain);
    EXPECT_DOUBLE_EQ(plain->score, 0.8);
    EXPECT_TRUE(plain->pass);
    EXPECT_EQ(plain->reason, QStringLiteral("Clear and right."));

    // In a fenced block with words around it; pass follows the score when the judge does not say.
    auto fenced = parseJudgeGrade(QStringLiteral("Here is my grade:\n```json\n{\"score\": 0.3, \"reason\": \"Too "
                                                 "long.\"}\n```\nThanks."));
    ASSERT_TRUE(fenced);
    EXPECT_DOUBLE_EQ(fenced->score, 0.3);
    EXPECT_FALSE(fenced->pass);
    auto braces = parseJudgeGrade(QStringLiteral("Grade: {\"score\": \"0.5\"} as asked"));
    ASSERT_TRUE(braces);
    EXPECT_TRUE(braces->pass) << "0.5 passes";

    // The judge's own pass wins over the score.
    EXPECT_FALSE(parseJudgeGrade(QStringLiteral(R"({"score": 0.9, "pass": false})"))->pass);

    for (const QString& bad : {QStringLiteral("I would say it is quite good."), QStringLiteral(R"({"score": 7})"),
                               QStringLiteral(R"({"score": -0.1})"), QStringLiteral(R"({"reason": "no score"})"),
                               QStringLiteral(R"({"score": "high"})"), QStringLiteral("[0.5]"), QString()}) {
        auto grade = parseJudgeGrade(bad);
        ASSERT_FALSE(grade) << bad.toStdString();
        EXPECT_EQ(grade.error().code, ErrorCode::InvalidArgument);
        EXPECT_TRUE(grade.error().detail.startsWith(QStringLiteral("the judge's answer"))) << bad.toStdString();
    }
}

TEST(JudgeTest, APairwiseChoiceIsReadFromTheJudgesJson) {
    EXPECT_EQ(parsePairJudgement(QStringLiteral(R"({"winner": "1"})"))->choice, PairChoice::First);
    EXPECT_EQ(parsePairJudgement(QStringLiteral(R"({"winner": 2, "reason": "shorter"})"))->choice, PairChoice::Second);
    EXPECT_EQ(parsePairJudgement(QStringLiteral(R"({"winner": "Answer 2"})"))->choice, PairChoice::Second);
    EXPECT_EQ(parsePairJudgement(QStringLiteral("```json\n{\"winner\": \"TIE\"}\n```"))->choice, PairChoice::Tie);
    EXPECT_EQ(parsePairJudgement(QStringLiteral(R"({"winner": "2", "reason": "shorter"})"))->reason,
              QStringLiteral("shorter"));
    EXPECT_FALSE(parsePairJudgement(QStringLiteral(R"({"winner": "3"})")));
    EXPECT_FALSE(parsePairJudgement(QStringLiteral(R"({"best": "1"})")));
    EXPECT_FALSE(parsePairJudgement(QStringLiteral("the first one")));
}

TEST(JudgeTest, AJudgementCountsOnlyWhenBothOrdersAgree) {
    // First order: A placed first; second order: B placed first.
    EXPECT_EQ(combineSwapped(PairChoice::First, PairChoice::Second), SwappedOutcome::AWins);
    EXPECT_EQ(combineSwapped(PairChoice::Second, PairChoice::First), SwappedOutcome::BWins);
    // A judge that always picks the first place (or the second) says nothing about the answers: a tie.
    EXPECT_EQ(combineSwapped(PairChoice::First, PairChoice::First), SwappedOutcome::Tie);
    EXPECT_EQ(combineSwapped(PairChoice::Second, PairChoice::Second), SwappedOutcome::Tie);
    // A tie in either order is a tie.
    EXPECT_EQ(combineSwapped(PairChoice::Tie, PairChoice::Second), SwappedOutcome::Tie);
    EXPECT_EQ(combineSwapped(PairChoice::First, PairChoice::Tie), SwappedOutcome::Tie);
    EXPECT_EQ(combineSwapped(PairChoice::Tie, PairChoice::Tie), SwappedOutcome::Tie);
}

TEST(JudgeTest, TheDefaultPromptsAreTemplatesWithTheJudgesVariables) {
    auto grading = parsePrompt(JudgePrompts::gradingSystem(), JudgePrompts::gradingUser());
    ASSERT_TRUE(grading);
    QStringList names;
    for (const TemplateVariable& variable : grading->variables) {
        names << variable.name;
        EXPECT_TRUE(JudgePrompts::gradingVariables.contains(variable.name)) << variable.name.toStdString();
    }
    EXPECT_EQ(names.size(), 4);
    const QHash<QString, QString> values{{QStringLiteral("rubric"), QStringLiteral("Be brief.")},
                                         {QStringLiteral("input"), QStringLiteral("Say hi.")},
                                         {QStringLiteral("answer"), QStringLiteral("Hi.")}};
    auto text = renderTemplateText(grading->user, values);
    ASSERT_TRUE(text);
    EXPECT_TRUE(text->contains(QStringLiteral("Answer to grade:\nHi.")));
    EXPECT_FALSE(text->contains(QStringLiteral("Expected answer"))) << "no expected answer, no section";
    auto pairwise = parsePrompt(JudgePrompts::pairwiseSystem(), JudgePrompts::pairwiseUser());
    ASSERT_TRUE(pairwise);
    EXPECT_EQ(pairwise->variables.size(), 4u);
}
