// Assertions on answers: every type passing and failing with its reason, the expected output standing in for a
// missing value, the CLI's TYPE:VALUE:WEIGHT form with bad ones refused, the JSON Schema subset, and promptfoo's
// scoring (the weighted mean; every weighted assertion must pass, or the score must reach a threshold).
#include "experiments/Assertions.h"

#include "support/QtPrinters.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Tessera::Core;

namespace {

Assertion parsed(const QString& text) {
    auto assertion = parseAssertion(text);
    EXPECT_TRUE(assertion) << text.toStdString() << ": " << assertion.error().detail.toStdString();
    return assertion.value_or(Assertion{});
}

AssertionResult check(const QString& assertion, const QString& answer) {
    AnswerFacts facts;
    facts.text = answer;
    facts.model = QStringLiteral("gpt-4o");
    return evaluateAssertion(parsed(assertion), facts);
}

QJsonObject schema(const char* json) {
    return QJsonDocument::fromJson(json).object();
}

} // namespace

TEST(AssertionsTest, EveryTypePassesAndFailsWithItsReason) {
    EXPECT_TRUE(check(QStringLiteral("equals:Paris"), QStringLiteral("  Paris\n")).pass) << "trimmed";
    const AssertionResult notEqual = check(QStringLiteral("equals:Paris"), QStringLiteral("paris"));
    EXPECT_FALSE(notEqual.pass);
    EXPECT_EQ(notEqual.reason, QStringLiteral("is not \"Paris\""));
    EXPECT_TRUE(check(QStringLiteral("iequals:Paris"), QStringLiteral("PARIS")).pass);
    EXPECT_TRUE(check(QStringLiteral("contains:Paris"), QStringLiteral("It is Paris.")).pass);
    EXPECT_FALSE(check(QStringLiteral("contains:Paris"), QStringLiteral("It is paris.")).pass);
    EXPECT_TRUE(check(QStringLiteral("icontains:Paris"), QStringLiteral("It is paris.")).pass);
    EXPECT_TRUE(check(QStringLiteral("not-contains:sorry"), QStringLiteral("Here it is.")).pass);
    EXPECT_FALSE(check(QStringLiteral("not-icontains:sorry"), QStringLiteral("Sorry, no.")).pass);
    EXPECT_TRUE(check(QStringLiteral("starts-with:Yes"), QStringLiteral("\n Yes, it is.")).pass);
    EXPECT_FALSE(check(QStringLiteral("starts-with:Yes"), QStringLiteral("yes")).pass);
    EXPECT_TRUE(check(QStringLiteral("istarts-with:Yes"), QStringLiteral("yes")).pass);
    EXPECT_TRUE(check(QStringLiteral("regex:^\\d{4}-\\d{2}-\\d{2}$"), QStringLiteral("2026-12-02")).pass);
    EXPECT_TRUE(check(QStringLiteral("regex:colou?r"), QStringLiteral("the color red")).pass) << "anywhere";
    EXPECT_FALSE(check(QStringLiteral("regex:^\\d+$"), QStringLiteral("12a")).pass);
    EXPECT_TRUE(check(QStringLiteral("is-json"), QStringLiteral("{\"a\": 1}")).pass);
    EXPECT_TRUE(check(QStringLiteral("is-json"), QStringLiteral("Here:\n```json\n[1, 2]\n```\nDone.")).pass)
        << "a fenced block counts";
    EXPECT_TRUE(check(QStringLiteral("is-json"), QStringLiteral("42")).pass);
    EXPECT_FALSE(check(QStringLiteral("is-json"), QStringLiteral("{a: 1}")).pass);
    EXPECT_FALSE(check(QStringLiteral("is-json"), QStringLiteral("")).pass);
    EXPECT_TRUE(check(QStringLiteral("max-length:5"), QStringLiteral("héllo")).pass) << "characters, not bytes";
    EXPECT_EQ(check(QStringLiteral("max-length:4"), QStringLiteral("hello")).reason,
              QStringLiteral("5 characters, more than 4"));
    EXPECT_TRUE(check(QStringLiteral("max-tokens:3"), QStringLiteral("Hello world")).pass)
        << "2 tokens with o200k_base";
    EXPECT_FALSE(check(QStringLiteral("max-tokens:1"), QStringLiteral("Hello world")).pass);

    AnswerFacts facts;
    facts.text = QStringLiteral("ok");
    facts.latencyMs = 1200;
    EXPECT_TRUE(evaluateAssertion(parsed(QStringLiteral("latency-below:1500")), facts).pass);
    EXPECT_FALSE(evaluateAssertion(parsed(QStringLiteral("latency-below:1200")), facts).pass) << "under, not at";
    EXPECT_EQ(evaluateAssertion(parsed(QStringLiteral("cost-below:0.01")), facts).reason,
              QStringLiteral("the cost is unknown"));
    facts.costMicros = 4'200;
    EXPECT_TRUE(evaluateAssertion(parsed(QStringLiteral("cost-below:0.01")), facts).pass);
    EXPECT_FALSE(evaluateAssertion(parsed(QStringLiteral("cost-below:0.001")), facts).pass);
}

TEST(AssertionsTest, WithoutAValueTheExpectedOutputIsCompared) {
    AnswerFacts facts;
    facts.text = QStringLiteral("The capital is Oslo.");
    facts.expected = QStringLiteral("Oslo");
    EXPECT_TRUE(evaluateAssertion(parsed(QStringLiteral("contains")), facts).pass);
    EXPECT_FALSE(evaluateAssertion(parsed(QStringLiteral("equals")), facts).pass);
    facts.text = QStringLiteral(" oslo ");
    EXPECT_TRUE(evaluateAssertion(parsed(QStringLiteral("iequals")), facts).pass);
}

TEST(AssertionsTest, TheCommandLineFormTakesAWeightAndRefusesBadAssertions) {
    const Assertion weighted = parsed(QStringLiteral("contains:Paris:2.5"));
    EXPECT_EQ(weighted.value, QStringLiteral("Paris"));
    EXPECT_DOUBLE_EQ(weighted.weight, 2.5);
    EXPECT_EQ(parsed(QStringLiteral("regex:a:b")).value, QStringLiteral("a:b")) << "only a number is a weight";
    EXPECT_EQ(parsed(QStringLiteral("contains:ratio 1:2:1")).value, QStringLiteral("ratio 1:2"))
        << "a last :1 keeps a value ending in a number";
    EXPECT_DOUBLE_EQ(parsed(QStringLiteral("is-json:0")).weight, 0.0);
    EXPECT_EQ(parsed(QStringLiteral("json-schema:{\"type\": \"object\"}:3")).value,
              QStringLiteral("{\"type\": \"object\"}"));
    EXPECT_EQ(assertionName(parsed(QStringLiteral("not-icontains:x"))), QStringLiteral("not-icontains"));

    for (const char* bad :
         {"similar:x", "regex:(", "regex", "max-length:many", "json-schema:[1]", "cost-below", "not-contains"}) {
        auto refused = parseAssertion(QString::fromLatin1(bad));
        ASSERT_FALSE(refused) << bad;
        EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument) << bad;
    }
    EXPECT_TRUE(parseAssertion(QStringLiteral("regex:(")).error().detail.contains(QStringLiteral("not valid")));
    EXPECT_TRUE(parseAssertion(QStringLiteral("nope")).error().detail.contains(QStringLiteral("icontains")))
        << "the list of assertions";
}

TEST(AssertionsTest, TheJsonSchemaSubsetNamesThePlaceThatDoesNotFit) {
    const QJsonObject person = schema(R"({"type": "object", "required": ["name", "tags"],
        "properties": {"name": {"type": "string", "minLength": 1},
                       "age": {"type": "integer", "minimum": 0, "maximum": 150},
                       "role": {"enum": ["admin", "member"]},
                       "tags": {"type": "array", "maxItems": 3, "items": {"type": "string"}}},
        "additionalProperties": false})");
    const auto problem = [&](const char* json) {
        return jsonSchemaProblem(QJsonDocument::fromJson(QByteArray("[") + json + "]").array().at(0), person);
    };
    EXPECT_EQ(problem(R"({"name": "Ada", "age": 36, "role": "admin", "tags": ["x"]})"), std::nullopt);
    EXPECT_EQ(problem(R"({"name": "Ada"})"), QStringLiteral("$: \"tags\" is required"));
    EXPECT_EQ(problem(R"({"name": 3, "tags": []})"), QStringLiteral("$.name: expected string, found integer"));
    EXPECT_EQ(problem(R"({"name": "", "tags": []})"), QStringLiteral("$.name: shorter than 1 characters"));
    EXPECT_EQ(problem(R"({"name": "A", "age": 2.5, "tags": []})"),
              QStringLiteral("$.age: expected integer, found number"));
    EXPECT_EQ(problem(R"({"name": "A", "age": 200, "tags": []})"), QStringLiteral("$.age: above the maximum"));
    EXPECT_EQ(problem(R"({"name": "A", "role": "owner", "tags": []})"),
              QStringLiteral("$.role: not one of the allowed values"));
    EXPECT_EQ(problem(R"({"name": "A", "tags": ["a", 2]})"),
              QStringLiteral("$.tags[1]: expected string, found integer"));
    EXPECT_EQ(problem(R"({"name": "A", "tags": ["a", "b", "c", "d"]})"), QStringLiteral("$.tags: more than 3 items"));
    EXPECT_EQ(problem(R"({"name": "A", "tags": [], "extra": 1})"), QStringLiteral("$: \"extra\" is not allowed"));
    EXPECT_EQ(problem(R"([1])"), QStringLiteral("$: expected object, found array"));
    EXPECT_EQ(jsonSchemaProblem(QJsonValue(3), schema(R"({"type": ["string", "number"]})")), std::nullopt)
        << "an integer is a number";

    AnswerFacts facts;
    facts.text = QStringLiteral("```json\n{\"name\": \"Ada\", \"tags\": []}\n```");
    Assertion assertion;
    assertion.type = AssertionType::JsonSchema;
    assertion.value = QString::fromUtf8(QJsonDocument(person).toJson());
    EXPECT_TRUE(evaluateAssertion(assertion, facts).pass);
    facts.text = QStringLiteral("{\"name\": \"Ada\"}");
    EXPECT_EQ(evaluateAssertion(assertion, facts).reason, QStringLiteral("$: \"tags\" is required"));
}

TEST(AssertionsTest, AnAnswerIsScoredAsPromptfooScoresATest) {
    AnswerFacts facts;
    facts.text = QStringLiteral("Paris is the capital of France.");
    const std::vector<Assertion> assertions = {parsed(QStringLiteral("contains:Paris:3")),
                                               parsed(QStringLiteral("max-length:10:1")),
                                               parsed(QStringLiteral("contains:Eiffel:0"))};
    const AnswerEvaluation strict = evaluateAnswer(assertions, facts);
    EXPECT_FALSE(strict.pass) << "without a threshold every weighted assertion must pass";
    EXPECT_DOUBLE_EQ(strict.score, 0.75) << "(3·1 + 1·0) / (3 + 1); weight 0 is reported only";
    ASSERT_EQ(strict.results.size(), 3u);
    EXPECT_FALSE(strict.results[2].pass);
    EXPECT_TRUE(evaluateAnswer(assertions, facts, 0.75).pass) << "the score reaches the threshold";
    EXPECT_FALSE(evaluateAnswer(assertions, facts, 0.8).pass);
    const std::vector<Assertion> reportOnly = {parsed(QStringLiteral("contains:Eiffel:0"))};
    EXPECT_TRUE(evaluateAnswer(reportOnly, facts).pass) << "nothing weighs: it passes with score 1";
    EXPECT_DOUBLE_EQ(evaluateAnswer(reportOnly, facts).score, 1.0);
    EXPECT_TRUE(evaluateAnswer({}, facts).pass);
}
