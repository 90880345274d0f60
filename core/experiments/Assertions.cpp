#include "experiments/Assertions.h"

#include "tokenizer/TokenCounter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace Tessera::Core {

namespace {

struct TypeName {
    const char* name;
    AssertionType type;
    bool ignoreCase;
};
constexpr TypeName typeNames[] = {
    {"equals", AssertionType::Equals, false},
    {"iequals", AssertionType::Equals, true},
    {"contains", AssertionType::Contains, false},
    {"icontains", AssertionType::Contains, true},
    {"not-contains", AssertionType::NotContains, false},
    {"not-icontains", AssertionType::NotContains, true},
    {"regex", AssertionType::Regex, false},
    {"starts-with", AssertionType::StartsWith, false},
    {"istarts-with", AssertionType::StartsWith, true},
    {"is-json", AssertionType::IsJson, false},
    {"json-schema", AssertionType::JsonSchema, false},
    {"max-length", AssertionType::MaxLength, false},
    {"max-tokens", AssertionType::MaxTokens, false},
    {"latency-below", AssertionType::LatencyBelow, false},
    {"cost-below", AssertionType::CostBelow, false},
};

Status invalid(const QString& why) {
    return fail(ErrorCode::InvalidArgument, why);
}

bool needsValue(AssertionType type) {
    return type == AssertionType::Regex || type == AssertionType::JsonSchema || type == AssertionType::MaxLength ||
           type == AssertionType::MaxTokens || type == AssertionType::LatencyBelow ||
           type == AssertionType::CostBelow || type == AssertionType::NotContains;
}

bool isNumber(const QString& text, double* value = nullptr) {
    static const QRegularExpression number(QStringLiteral("^\\d+(\\.\\d+)?$"));
    if (!number.match(text).hasMatch()) {
        return false;
    }
    if (value) {
        *value = QLocale::c().toDouble(text);
    }
    return true;
}

// The JSON in an answer: the whole text, or the first fenced ```json (or ```) block.
std::optional<QJsonValue> answerJson(const QString& text) {
    const auto parse = [](const QString& candidate) -> std::optional<QJsonValue> {
        // Wrapped in an array, so that a bare string, number or literal parses as JSON too.
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArrayLiteral("[") + candidate.trimmed().toUtf8() + QByteArrayLiteral("]"), &error);
        if (error.error != QJsonParseError::NoError || candidate.trimmed().isEmpty() || doc.array().size() != 1) {
            return std::nullopt;
        }
        return doc.array().at(0);
    };
    if (auto whole = parse(text)) {
        return whole;
    }
    static const QRegularExpression fence(QStringLiteral("```(?:json)?[ \\t]*\\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = fence.match(text);
    return match.hasMatch() ? parse(match.captured(1)) : std::nullopt;
}

QString typeOf(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return std::floor(d) == d ? QStringLiteral("integer") : QStringLiteral("number");
    }
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("undefined");
    }
}

bool typeFits(const QString& wanted, const QString& actual) {
    return wanted == actual || (wanted == QLatin1StringView("number") && actual == QLatin1StringView("integer"));
}

QString quoted(const QString& text) {
    return QLatin1Char('"') + (text.size() > 80 ? text.left(77) + QStringLiteral("...") : text) + QLatin1Char('"');
}

std::optional<QString> schemaProblemAt(const QJsonValue& value, const QJsonObject& schema, const QString& path) {
    const QString actual = typeOf(value);
    if (schema.contains(QLatin1StringView("type"))) {
        const QJsonValue type = schema.value(QLatin1StringView("type"));
        QStringList wanted;
        if (type.isArray()) {
            for (const QJsonValue& t : type.toArray()) {
                wanted << t.toString();
            }
        } else {
            wanted << type.toString();
        }
        if (std::none_of(wanted.begin(), wanted.end(), [&](const QString& w) { return typeFits(w, actual); })) {
            return QStringLiteral("%1: expected %2, found %3").arg(path, wanted.join(QStringLiteral(" or ")), actual);
        }
    }
    if (schema.contains(QLatin1StringView("enum"))) {
        const QJsonArray allowed = schema.value(QLatin1StringView("enum")).toArray();
        if (!allowed.contains(value)) {
            return QStringLiteral("%1: not one of the allowed values").arg(path);
        }
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (schema.contains(QLatin1StringView("minimum")) &&
            d < schema.value(QLatin1StringView("minimum")).toDouble()) {
            return QStringLiteral("%1: below the minimum").arg(path);
        }
        if (schema.contains(QLatin1StringView("maximum")) &&
            d > schema.value(QLatin1StringView("maximum")).toDouble()) {
            return QStringLiteral("%1: above the maximum").arg(path);
        }
    }
    if (value.isString()) {
        const qsizetype length = value.toString().size();
        if (schema.contains(QLatin1StringView("minLength")) &&
            length < schema.value(QLatin1StringView("minLength")).toInteger()) {
            return QStringLiteral("%1: shorter than %2 characters")
                .arg(path)
                .arg(schema.value(QLatin1StringView("minLength")).toInteger());
        }
        if (schema.contains(QLatin1StringView("maxLength")) &&
            length > schema.value(QLatin1StringView("maxLength")).toInteger()) {
            return QStringLiteral("%1: longer than %2 characters")
                .arg(path)
                .arg(schema.value(QLatin1StringView("maxLength")).toInteger());
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const QJsonValue& name : schema.value(QLatin1StringView("required")).toArray()) {
            if (!object.contains(name.toString())) {
                return QStringLiteral("%1: \"%2\" is required").arg(path, name.toString());
            }
        }
        const QJsonObject properties = schema.value(QLatin1StringView("properties")).toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (properties.contains(it.key())) {
                if (auto problem = schemaProblemAt(it.value(), properties.value(it.key()).toObject(),
                                                   path + QLatin1Char('.') + it.key())) {
                    return problem;
                }
            } else if (schema.value(QLatin1StringView("additionalProperties")) == QJsonValue(false)) {
                return QStringLiteral("%1: \"%2\" is not allowed").arg(path, it.key());
            }
        }
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (schema.contains(QLatin1StringView("minItems")) &&
            array.size() < schema.value(QLatin1StringView("minItems")).toInteger()) {
            return QStringLiteral("%1: fewer than %2 items")
                .arg(path)
                .arg(schema.value(QLatin1StringView("minItems")).toInteger());
        }
        if (schema.contains(QLatin1StringView("maxItems")) &&
            array.size() > schema.value(QLatin1StringView("maxItems")).toInteger()) {
            return QStringLiteral("%1: more than %2 items")
                .arg(path)
                .arg(schema.value(QLatin1StringView("maxItems")).toInteger());
        }
        if (schema.value(QLatin1StringView("items")).isObject()) {
            const QJsonObject items = schema.value(QLatin1StringView("items")).toObject();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (auto problem = schemaProblemAt(array.at(i), items, QStringLiteral("%1[%2]").arg(path).arg(i))) {
                    return problem;
                }
            }
        }
    }
    return std::nullopt;
}

AssertionResult passed(QString reason = {}) {
    return {true, 1.0, std::move(reason)};
}

AssertionResult failed(QString reason) {
    return {false, 0.0, std::move(reason)};
}

} // namespace

QString assertionName(const Assertion& assertion) {
    for (const TypeName& t : typeNames) {
        if (t.type == assertion.type && t.ignoreCase == assertion.ignoreCase) {
            return QString::fromLatin1(t.name);
        }
    }
    return QStringLiteral("contains");
}

Result<Assertion> parseAssertion(const QString& text) {
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString name = (colon < 0 ? text : text.left(colon)).trimmed().toLower();
    QString rest = colon < 0 ? QString() : text.mid(colon + 1);
    Assertion assertion;
    const auto found = std::find_if(std::begin(typeNames), std::end(typeNames),
                                    [&](const TypeName& t) { return name == QLatin1StringView(t.name); });
    if (found == std::end(typeNames)) {
        QStringList names;
        for (const TypeName& t : typeNames) {
            names << QString::fromLatin1(t.name);
        }
        return fail(invalid(QStringLiteral("\"%1\" is not an assertion; the assertions are %2")
                                .arg(name, names.join(QStringLiteral(", "))))
                        .error());
    }
    assertion.type = found->type;
    assertion.ignoreCase = found->ignoreCase;
    // A last ":NUMBER" is the weight.
    const qsizetype last = rest.lastIndexOf(QLatin1Char(':'));
    double weight = 1.0;
    if (last >= 0 && isNumber(rest.mid(last + 1), &weight)) {
        assertion.weight = weight;
        rest = rest.left(last);
    } else if (assertion.type == AssertionType::IsJson && isNumber(rest, &weight)) {
        assertion.weight = weight; // is-json:2 has no value, only a weight
        rest.clear();
    }
    assertion.value = rest;
    if (needsValue(assertion.type) && assertion.value.isEmpty()) {
        return fail(invalid(QStringLiteral("%1 needs a value: %1:VALUE").arg(name)).error());
    }
    switch (assertion.type) {
    case AssertionType::Regex:
        if (const QRegularExpression re(assertion.value); !re.isValid()) {
            return fail(invalid(QStringLiteral("the regular expression %1 is not valid: %2 at character %3")
                                    .arg(quoted(assertion.value), re.errorString())
                                    .arg(re.patternErrorOffset() + 1))
                            .error());
        }
        break;
    case AssertionType::JsonSchema: {
        QJsonParseError error;
        const QJsonDocument schema = QJsonDocument::fromJson(assertion.value.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !schema.isObject()) {
            return fail(
                invalid(QStringLiteral("json-schema takes a JSON object: %1").arg(quoted(assertion.value))).error());
        }
        break;
    }
    case AssertionType::MaxLength:
    case AssertionType::MaxTokens:
    case AssertionType::LatencyBelow:
    case AssertionType::CostBelow:
        if (!isNumber(assertion.value)) {
            return fail(invalid(QStringLiteral("%1 takes a number: %2").arg(name, quoted(assertion.value))).error());
        }
        break;
    default:
        break;
    }
    return assertion;
}

AssertionResult evaluateAssertion(const Assertion& a, const AnswerFacts& answer) {
    const Qt::CaseSensitivity cs = a.ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive;
    // equals, contains and starts-with without a value compare with the expected output.
    const QString value = a.value.isEmpty() && answer.expected ? *answer.expected : a.value;
    switch (a.type) {
    case AssertionType::Equals:
        return answer.text.trimmed().compare(value.trimmed(), cs) == 0
                   ? passed()
                   : failed(QStringLiteral("is not %1").arg(quoted(value.trimmed())));
    case AssertionType::Contains:
        return answer.text.contains(value, cs) ? passed()
                                               : failed(QStringLiteral("does not contain %1").arg(quoted(value)));
    case AssertionType::NotContains:
        return !answer.text.contains(value, cs) ? passed() : failed(QStringLiteral("contains %1").arg(quoted(value)));
    case AssertionType::StartsWith: {
        const QString text = answer.text;
        qsizetype start = 0;
        while (start < text.size() && text.at(start).isSpace()) {
            ++start;
        }
        return QStringView(text).mid(start).startsWith(value, cs)
                   ? passed()
                   : failed(QStringLiteral("does not start with %1").arg(quoted(value)));
    }
    case AssertionType::Regex: {
        const QRegularExpression re(a.value);
        if (!re.isValid()) {
            return failed(QStringLiteral("the regular expression is not valid"));
        }
        return re.match(answer.text).hasMatch() ? passed()
                                                : failed(QStringLiteral("does not match %1").arg(quoted(a.value)));
    }
    case AssertionType::IsJson:
        return answerJson(answer.text) ? passed() : failed(QStringLiteral("is not JSON"));
    case AssertionType::JsonSchema: {
        const std::optional<QJsonValue> json = answerJson(answer.text);
        if (!json) {
            return failed(QStringLiteral("is not JSON"));
        }
        const QJsonObject schema = QJsonDocument::fromJson(a.value.toUtf8()).object();
        if (auto problem = jsonSchemaProblem(*json, schema)) {
            return failed(*problem);
        }
        return passed();
    }
    case AssertionType::MaxLength: {
        const double limit = QLocale::c().toDouble(a.value);
        const qsizetype length = answer.text.size();
        return double(length) <= limit ? passed(QStringLiteral("%1 characters").arg(length))
                                       : failed(QStringLiteral("%1 characters, more than %2").arg(length).arg(a.value));
    }
    case AssertionType::MaxTokens: {
        const double limit = QLocale::c().toDouble(a.value);
        const TokenCount count = countTokens(answer.text, answer.model);
        return double(count.tokens) <= limit
                   ? passed(QStringLiteral("%1 tokens").arg(count.tokens))
                   : failed(QStringLiteral("%1 tokens, more than %2").arg(count.tokens).arg(a.value));
    }
    case AssertionType::LatencyBelow: {
        const double limit = QLocale::c().toDouble(a.value);
        return double(answer.latencyMs) < limit
                   ? passed(QStringLiteral("%1 ms").arg(answer.latencyMs))
                   : failed(QStringLiteral("took %1 ms, not under %2").arg(answer.latencyMs).arg(a.value));
    }
    case AssertionType::CostBelow: {
        if (!answer.costMicros) {
            return failed(QStringLiteral("the cost is unknown"));
        }
        const double dollars = double(*answer.costMicros) / 1'000'000.0;
        return dollars < QLocale::c().toDouble(a.value)
                   ? passed(QStringLiteral("$%1").arg(dollars, 0, 'f', 6))
                   : failed(QStringLiteral("cost $%1, not under $%2").arg(dollars, 0, 'f', 6).arg(a.value));
    }
    }
    return failed(QStringLiteral("unknown assertion"));
}

AnswerEvaluation evaluateAnswer(const std::vector<Assertion>& assertions, const AnswerFacts& answer,
                                std::optional<double> threshold) {
    std::vector<WeightedResult> results;
    results.reserve(assertions.size());
    for (const Assertion& a : assertions) {
        results.push_back({evaluateAssertion(a, answer), a.weight});
    }
    return scoreResults(std::move(results), threshold);
}

AnswerEvaluation scoreResults(std::vector<WeightedResult> results, std::optional<double> threshold) {
    AnswerEvaluation evaluation;
    double weighted = 0;
    double weights = 0;
    bool allPassed = true;
    for (WeightedResult& r : results) {
        const double weight = std::max(r.weight, 0.0);
        weighted += weight * r.result.score;
        weights += weight;
        if (weight > 0 && !r.result.pass) {
            allPassed = false;
        }
        evaluation.results.push_back(std::move(r.result));
    }
    evaluation.score = weights > 0 ? weighted / weights : 1.0;
    evaluation.pass = threshold ? evaluation.score >= *threshold - 1e-12 : allPassed;
    return evaluation;
}

std::optional<QString> jsonSchemaProblem(const QJsonValue& value, const QJsonObject& schema) {
    return schemaProblemAt(value, schema, QStringLiteral("$"));
}

} // namespace Tessera::Core
