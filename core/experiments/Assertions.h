#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

namespace Tessera::Core {

// Assertions on an answer (docs/experiments.md): what an experiment checks of each answer, each with a weight.
enum class AssertionType {
    Equals,       // the whole answer (trimmed) is the value
    Contains,     // the answer holds the value
    NotContains,  // the answer does not hold the value
    Regex,        // the answer matches the regular expression (PCRE, anywhere)
    StartsWith,   // the answer (left-trimmed) begins with the value
    IsJson,       // the answer is JSON (a fenced ```json block counts)
    JsonSchema,   // the answer is JSON that the schema (the value) accepts
    MaxLength,    // at most N characters
    MaxTokens,    // at most N tokens (the answering model's encoding, else o200k_base)
    LatencyBelow, // answered in under N milliseconds
    CostBelow,    // cost under N US dollars (an unknown cost fails)
};

struct Assertion {
    AssertionType type = AssertionType::Contains;
    QString value;           // equals, contains and starts-with without a value compare with the item's expected
    bool ignoreCase = false; // iequals, icontains, not-icontains, istarts-with
    double weight = 1.0;     // 0: reported only, never deciding

    bool operator==(const Assertion&) const = default;
};

// The CLI's and the files' names: equals, iequals, contains, icontains, not-contains, not-icontains, regex,
// starts-with, istarts-with, is-json, json-schema, max-length, max-tokens, latency-below, cost-below.
QString assertionName(const Assertion& assertion);
// TYPE[:VALUE][:WEIGHT] as `--assert` takes it: the text after the last colon is the weight when it is a number
// (write a last ":1" to keep a value that ends in ":NUMBER"). Checks the value (a regular expression compiles, a
// schema is a JSON object, a limit is a number). Errors: input.invalid saying what is wrong.
Result<Assertion> parseAssertion(const QString& text);

// What is known about one answer.
struct AnswerFacts {
    QString text;
    std::optional<QString> expected; // the dataset item's expected output
    QString model;                   // for counting tokens
    qint64 latencyMs = 0;
    std::optional<qint64> costMicros; // unset: unknown
};

struct AssertionResult {
    bool pass = false;
    double score = 0; // 0 or 1 (a judge's grade: from 0 to 1)
    QString reason;   // English: why it failed ("does not contain \"Paris\""), or what it found
};
AssertionResult evaluateAssertion(const Assertion& assertion, const AnswerFacts& answer);

// An answer against its assertions, as promptfoo scores a test: the score is the weighted mean of the assertions'
// scores (1 when none weigh anything); without a threshold every assertion with a weight must pass, with one the
// score must reach it.
struct AnswerEvaluation {
    bool pass = true;
    double score = 1.0;
    std::vector<AssertionResult> results;
};
AnswerEvaluation evaluateAnswer(const std::vector<Assertion>& assertions, const AnswerFacts& answer,
                                std::optional<double> threshold = std::nullopt);
// The same rule over results already known, each with its weight (the judge's grade is one, with a score from 0 to
// 1 and a weight of 1).
struct WeightedResult {
    AssertionResult result;
    double weight = 1.0;
};
AnswerEvaluation scoreResults(std::vector<WeightedResult> results, std::optional<double> threshold = std::nullopt);

// JSON Schema, the part experiments use: type (one or a list), properties, required, enum, items,
// additionalProperties (false), minimum/maximum, minLength/maxLength, minItems/maxItems. Returns the first place
// that does not fit ("$.items[2].name: expected a string"), or nothing.
std::optional<QString> jsonSchemaProblem(const QJsonValue& value, const QJsonObject& schema);

} // namespace Tessera::Core
