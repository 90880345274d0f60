#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Tessera::Core {

// The LLM judge of experiments (docs/experiments.md, "The judge"). Two ways to ask it:
//  - grading: one answer against the rubric, scored 0 to 1 with a reason, returned as JSON
//    {"reason": "...", "score": 0.8, "pass": true}; the prompt is a template of the library (or the default
//    below) with the variables rubric, input, answer and expected;
//  - pairwise: two variants' answers to the same input, asked twice with their places swapped; a judgement counts
//    only when both orders pick the same answer, otherwise it is a tie.
namespace JudgePrompts {
// The variables a grading template may use.
inline const QStringList gradingVariables{QStringLiteral("rubric"), QStringLiteral("input"), QStringLiteral("answer"),
                                          QStringLiteral("expected")};
QString defaultRubric();
QString gradingSystem();
QString gradingUser(); // a template text: {{rubric}}, {{input}}, {{answer}}, {{? expected}}…{{/ expected}}
QString pairwiseSystem();
QString pairwiseUser(); // {{rubric}}, {{input}}, {{answer_1}}, {{answer_2}}
} // namespace JudgePrompts

struct JudgeGrade {
    double score = 0; // 0 to 1
    bool pass = false;
    QString reason;
};

// The judge's answer to a grading prompt: the first JSON object in it (a fenced block counts), with a score from 0
// to 1 (a number, or a string holding one); pass is the judge's when it says, else a score of 0.5 or more.
// Errors: input.invalid saying what is wrong ("the judge's answer has no JSON object").
Result<JudgeGrade> parseJudgeGrade(const QString& answer);

enum class PairChoice { First, Second, Tie };
struct PairJudgement {
    PairChoice choice = PairChoice::Tie; // of the answers as they were placed (answer 1, answer 2)
    QString reason;
};
// The judge's answer to a pairwise prompt: {"winner": "1" | "2" | "tie", "reason": "..."} (1 and 2 may be numbers).
Result<PairJudgement> parsePairJudgement(const QString& answer);

// Two judgements of one pair, the second with the answers' places swapped: A (placed first in the first order)
// wins only when the first order chose answer 1 and the second answer 2; B likewise; anything else is a tie.
enum class SwappedOutcome { AWins, BWins, Tie };
SwappedOutcome combineSwapped(PairChoice aFirst, PairChoice bFirst);

} // namespace Tessera::Core
