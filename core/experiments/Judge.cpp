#include "experiments/Judge.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace Tessera::Core {

namespace JudgePrompts {

QString defaultRubric() {
    return QStringLiteral("The answer does what the input asks, is correct, and is clear.");
}

QString gradingSystem() {
    return QStringLiteral(
        "You grade one answer against a rubric. Be strict and consistent. Reply with one JSON object and nothing "
        "else: {\"reason\": \"one or two sentences\", \"score\": a number from 0 (fails the rubric) to 1 (fully "
        "meets it), \"pass\": true or false}.");
}

QString gradingUser() {
    return QStringLiteral("Rubric:\n{{rubric}}\n\nInput:\n{{input}}\n\n{{? expected}}Expected answer (a reference, "
                          "not the only right one):\n{{expected}}\n\n{{/ expected}}Answer to grade:\n{{answer}}");
}

QString pairwiseSystem() {
    return QStringLiteral(
        "You compare two answers to the same input against a rubric. Judge the content, not the order or the "
        "length. Reply with one JSON object and nothing else: {\"reason\": \"one or two sentences\", \"winner\": "
        "\"1\", \"2\" or \"tie\"}.");
}

QString pairwiseUser() {
    return QStringLiteral(
        "Rubric:\n{{rubric}}\n\nInput:\n{{input}}\n\nAnswer 1:\n{{answer_1}}\n\nAnswer 2:\n{{answer_2}}");
}

} // namespace JudgePrompts

namespace {

Error invalid(const QString& detail) {
    return makeError(ErrorCode::InvalidArgument, detail);
}

// The first JSON object in the text: the whole text, a fenced block, or the span from the first { to its last }.
std::optional<QJsonObject> firstObject(const QString& text) {
    const auto parse = [](const QString& candidate) -> std::optional<QJsonObject> {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(candidate.trimmed().toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            return std::nullopt;
        }
        return document.object();
    };
    if (auto whole = parse(text)) {
        return whole;
    }
    static const QRegularExpression fence(QStringLiteral("```(?:json)?\\s*\\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption);
    if (const auto match = fence.match(text); match.hasMatch()) {
        if (auto fenced = parse(match.captured(1))) {
            return fenced;
        }
    }
    const qsizetype open = text.indexOf(QLatin1Char('{'));
    const qsizetype close = text.lastIndexOf(QLatin1Char('}'));
    if (open >= 0 && close > open) {
        return parse(text.mid(open, close - open + 1));
    }
    return std::nullopt;
}

QString shortened(const QString& text) {
    const QString flat = text.simplified();
    return flat.size() > 80 ? flat.left(80) + QStringLiteral("…") : flat;
}

} // namespace

Result<JudgeGrade> parseJudgeGrade(const QString& answer) {
    const auto object = firstObject(answer);
    if (!object) {
        return fail(invalid(QStringLiteral("the judge's answer has no JSON object: \"%1\"").arg(shortened(answer))));
    }
    const QJsonValue scoreValue = object->value(QLatin1StringView("score"));
    bool ok = scoreValue.isDouble();
    double score = scoreValue.toDouble();
    if (scoreValue.isString()) {
        score = scoreValue.toString().trimmed().toDouble(&ok);
    }
    if (!ok || !std::isfinite(score) || score < 0.0 || score > 1.0) {
        return fail(
            invalid(QStringLiteral("the judge's answer has no score from 0 to 1: \"%1\"").arg(shortened(answer))));
    }
    JudgeGrade grade;
    grade.score = score;
    const QJsonValue pass = object->value(QLatin1StringView("pass"));
    grade.pass = pass.isBool() ? pass.toBool() : score >= 0.5;
    grade.reason = object->value(QLatin1StringView("reason")).toString().trimmed();
    return grade;
}

Result<PairJudgement> parsePairJudgement(const QString& answer) {
    const auto object = firstObject(answer);
    if (!object) {
        return fail(invalid(QStringLiteral("the judge's answer has no JSON object: \"%1\"").arg(shortened(answer))));
    }
    const QJsonValue winner = object->value(QLatin1StringView("winner"));
    QString said = winner.isDouble() ? QString::number(winner.toInt()) : winner.toString().trimmed().toLower();
    said.remove(QStringLiteral("answer")).remove(QLatin1Char(' '));
    PairJudgement judgement;
    if (said == QLatin1StringView("1")) {
        judgement.choice = PairChoice::First;
    } else if (said == QLatin1StringView("2")) {
        judgement.choice = PairChoice::Second;
    } else if (said == QLatin1StringView("tie")) {
        judgement.choice = PairChoice::Tie;
    } else {
        return fail(
            invalid(QStringLiteral("the judge's answer names no winner (1, 2 or tie): \"%1\"").arg(shortened(answer))));
    }
    judgement.reason = object->value(QLatin1StringView("reason")).toString().trimmed();
    return judgement;
}

SwappedOutcome combineSwapped(PairChoice aFirst, PairChoice bFirst) {
    if (aFirst == PairChoice::First && bFirst == PairChoice::Second) {
        return SwappedOutcome::AWins;
    }
    if (aFirst == PairChoice::Second && bFirst == PairChoice::First) {
        return SwappedOutcome::BWins;
    }
    return SwappedOutcome::Tie;
}

} // namespace Tessera::Core
