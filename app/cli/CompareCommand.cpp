// compare (docs/cli.md): variants side by side on one input, with a blind vote.
#include "CompareCommand.h"

#include "PromptCommands.h"

#include "app/CoreServices.h"
#include "experiments/Compare.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

QString variantText(const ExperimentVariant& v) {
    const QString what = v.templateName.isEmpty() || v.templateName == QLatin1StringView("-")
                             ? QStringLiteral("the prompt as given")
                             : v.templateName + (v.version ? QStringLiteral("@%1").arg(*v.version) : QString());
    return QStringLiteral("%1 on %2 / %3").arg(what, v.provider, v.model);
}

QString figures(const CompareAnswer& a) {
    QStringList parts{QStringLiteral("%1 ms").arg(a.latencyMs),
                      QStringLiteral("%1 tokens in, %2 out").arg(a.inputTokens).arg(a.outputTokens)};
    if (a.costMicros) {
        parts << QStringLiteral("$%1").arg(double(*a.costMicros) / 1'000'000.0, 0, 'f', 6);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

int runCompare(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(
        args, {QStringLiteral("variant"), QStringLiteral("var"), QStringLiteral("file-var"), QStringLiteral("vote")},
        {QStringLiteral("blind")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (parsed->positional.size() != 1 || parsed->positional.front().trimmed().isEmpty()) {
        return usageError(QStringLiteral("compare takes one PROMPT (the input every variant answers)"));
    }
    std::vector<ExperimentVariant> variants;
    for (const QString& text : parsed->values(QStringLiteral("variant"))) {
        auto variant = parseExperimentVariant(text);
        if (!variant) {
            return usageError(variant.error().detail + QStringLiteral(" (TEMPLATE - for the prompt as given)"));
        }
        variants.push_back(*variant);
    }
    if (variants.size() < 2 || variants.size() > 6) {
        return usageError(QStringLiteral("compare needs 2 to 6 --variant LABEL=TEMPLATE[@VERSION],PROVIDER,MODEL"));
    }
    QHash<QString, QString> values;
    if (const auto failed = readTemplateValues(context, *parsed, values)) {
        return *failed;
    }
    const bool blind = parsed->has(QStringLiteral("blind"));
    QString vote = parsed->value(QStringLiteral("vote")).trimmed();
    if (!vote.isEmpty()) {
        if (auto outcomes = voteOutcomes(vote, int(variants.size())); !outcomes) {
            return usageError(QStringLiteral("--vote: ") + outcomes.error().detail);
        }
    }
    // Blind: the answers are shown in a shuffled order, without their variants, until the vote.
    std::vector<int> order(variants.size());
    std::iota(order.begin(), order.end(), 0);
    if (blind) {
        std::shuffle(order.begin(), order.end(), *QRandomGenerator::global());
    }
    std::vector<ExperimentVariant> shown;
    for (const int index : order) {
        shown.push_back(variants[std::size_t(index)]);
    }
    auto session = context.services.compare().start(context.actor, shown, parsed->positional.front(), values, false);
    if (!session) {
        return reportError(context, session.error());
    }
    if (!(*session)->isFinished()) {
        QEventLoop loop;
        QObject::connect(session->get(), &CompareSession::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const std::vector<CompareAnswer>& answers = (*session)->answers();
    std::optional<Error> firstError;
    for (const CompareAnswer& a : answers) {
        if (a.error && !firstError) {
            firstError = a.error;
        }
    }
    if (!context.json) {
        for (std::size_t i = 0; i < answers.size(); ++i) {
            const CompareAnswer& a = answers[i];
            const QString title = blind ? QStringLiteral("Answer %1").arg(i + 1)
                                        : QStringLiteral("%1: %2").arg(shown[i].label, variantText(shown[i]));
            printOut(QStringLiteral("── %1 (%2)\n%3\n\n")
                         .arg(printable(title), figures(a),
                              a.error
                                  ? QStringLiteral("[error %1] %2")
                                        .arg(codeName(a.error->code),
                                             a.error->detail.isEmpty() ? a.error->translatedMessage() : a.error->detail)
                                  : a.text));
        }
    }
    if (blind && vote.isEmpty() && !context.json) {
        printErr(answers.size() == 2 ? QStringLiteral("Which is better? 1, 2, tie or bad (Enter to skip): ")
                                     : QStringLiteral("Which is best? 1 to %1 (Enter to skip): ").arg(answers.size()));
        QTextStream in(stdin);
        const QString line = in.readLine().trimmed();
        if (!line.isEmpty()) {
            vote =
                answers.size() == 2 || line.startsWith(QStringLiteral("best:")) ? line : QStringLiteral("best:") + line;
            if (auto outcomes = voteOutcomes(vote, int(answers.size())); !outcomes) {
                printErr(QStringLiteral("tessera-cli: %1; no vote kept.\n").arg(outcomes.error().detail));
                vote.clear();
            }
        }
    }
    std::optional<VoteInfo> kept;
    if (!vote.isEmpty()) {
        VoteDraft draft;
        draft.input = parsed->positional.front();
        draft.variants = shown;
        for (const CompareAnswer& a : answers) {
            draft.answers << a.text;
        }
        draft.blind = blind;
        draft.choice = vote;
        auto recorded = context.services.compare().vote(context.actor, draft);
        if (!recorded) {
            return reportError(context, recorded.error());
        }
        kept = *recorded;
    }
    if (context.json) {
        QJsonArray list;
        for (std::size_t i = 0; i < answers.size(); ++i) {
            const CompareAnswer& a = answers[i];
            const bool reveal = !blind || kept.has_value();
            list.append(QJsonObject{
                {QStringLiteral("position"), int(i + 1)},
                {QStringLiteral("label"), reveal ? QJsonValue(shown[i].label) : QJsonValue()},
                {QStringLiteral("template"), reveal ? QJsonValue(shown[i].templateName) : QJsonValue()},
                {QStringLiteral("version"), reveal && shown[i].version ? QJsonValue(*shown[i].version) : QJsonValue()},
                {QStringLiteral("provider"), reveal ? QJsonValue(shown[i].provider) : QJsonValue()},
                {QStringLiteral("model"), reveal ? QJsonValue(shown[i].model) : QJsonValue()},
                {QStringLiteral("text"), a.text},
                {QStringLiteral("error"), a.error ? errorJson(*a.error) : QJsonValue()},
                {QStringLiteral("latency_ms"), a.latencyMs},
                {QStringLiteral("input_tokens"), a.inputTokens},
                {QStringLiteral("output_tokens"), a.outputTokens},
                {QStringLiteral("cost_usd"),
                 a.costMicros ? QJsonValue(double(*a.costMicros) / 1'000'000.0) : QJsonValue()}});
        }
        QJsonValue voteJson;
        if (kept) {
            QJsonArray outcomes;
            for (const PairOutcome& o : kept->outcomes) {
                outcomes.append(QJsonObject{{QStringLiteral("a"), shown[std::size_t(o.first)].label},
                                            {QStringLiteral("b"), shown[std::size_t(o.second)].label},
                                            {QStringLiteral("outcome"),
                                             o.result == PairOutcome::Result::FirstWins    ? QStringLiteral("a")
                                             : o.result == PairOutcome::Result::SecondWins ? QStringLiteral("b")
                                                                                           : QStringLiteral("tie")}});
            }
            voteJson = QJsonObject{{QStringLiteral("id"), kept->id},
                                   {QStringLiteral("choice"), kept->choice},
                                   {QStringLiteral("outcomes"), outcomes}};
        }
        printJson(QJsonObject{{QStringLiteral("input"), parsed->positional.front()},
                              {QStringLiteral("blind"), blind},
                              {QStringLiteral("answers"), list},
                              {QStringLiteral("vote"), voteJson}});
    } else if (blind) {
        QStringList revealed;
        for (std::size_t i = 0; i < shown.size(); ++i) {
            revealed << QStringLiteral("Answer %1 was %2 (%3)").arg(i + 1).arg(shown[i].label, variantText(shown[i]));
        }
        printOut(revealed.join(QLatin1Char('\n')) + QLatin1Char('\n'));
        if (kept) {
            printOut(QStringLiteral("Your vote (%1) was kept.\n").arg(kept->choice));
        }
    } else if (kept) {
        printOut(QStringLiteral("Your vote (%1) was kept.\n").arg(kept->choice));
    }
    return firstError ? cliExitCode(firstError->code) : exitOk;
}

} // namespace Tessera::Cli
