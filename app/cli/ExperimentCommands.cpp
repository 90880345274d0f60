// experiments create | list | status | remove (docs/cli.md). Running experiments comes with the experiment job.
#include "ExperimentCommands.h"

#include "app/CoreServices.h"
#include "experiments/Experiments.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

QJsonObject experimentJson(const ExperimentInfo& info) {
    const ExperimentDefinition& d = info.definition;
    QJsonArray variants;
    for (const ExperimentVariant& v : d.variants) {
        variants.append(QJsonObject{{QStringLiteral("label"), v.label},
                                    {QStringLiteral("template"), v.templateName},
                                    {QStringLiteral("version"), v.version ? QJsonValue(*v.version) : QJsonValue()},
                                    {QStringLiteral("provider"), v.provider},
                                    {QStringLiteral("model"), v.model}});
    }
    QJsonArray assertions;
    for (const Assertion& a : d.assertions) {
        assertions.append(QJsonObject{{QStringLiteral("type"), assertionName(a)},
                                      {QStringLiteral("value"), a.value},
                                      {QStringLiteral("weight"), a.weight}});
    }
    QJsonObject json{{QStringLiteral("name"), d.name},
                     {QStringLiteral("dataset"), d.dataset},
                     {QStringLiteral("variants"), variants},
                     {QStringLiteral("assertions"), assertions},
                     {QStringLiteral("threshold"), d.threshold ? QJsonValue(*d.threshold) : QJsonValue()},
                     {QStringLiteral("concurrency"), d.concurrency},
                     {QStringLiteral("repeats"), d.repeats},
                     {QStringLiteral("created_at"), timeJson(info.createdAt)},
                     {QStringLiteral("state"), info.jobId ? QStringLiteral("run") : QStringLiteral("not run")}};
    json.insert(QStringLiteral("judge"), d.judgeProvider.isEmpty()
                                             ? QJsonValue()
                                             : QJsonValue(QJsonObject{{QStringLiteral("provider"), d.judgeProvider},
                                                                      {QStringLiteral("model"), d.judgeModel},
                                                                      {QStringLiteral("rubric"), d.rubric}}));
    return json;
}

void printExperiment(const ExperimentInfo& info) {
    const ExperimentDefinition& d = info.definition;
    QString text = QStringLiteral("%1\nDataset: %2\nVariants:\n").arg(printable(d.name), printable(d.dataset));
    for (const ExperimentVariant& v : d.variants) {
        text += QStringLiteral("  %1 = %2%3 on %4 / %5\n")
                    .arg(printable(v.label), printable(v.templateName),
                         v.version ? QStringLiteral("@%1").arg(*v.version) : QStringLiteral(" (production)"),
                         printable(v.provider), printable(v.model));
    }
    QStringList assertions;
    for (const Assertion& a : d.assertions) {
        assertions << QStringLiteral("%1:%2%3").arg(
            assertionName(a), a.value, a.weight == 1.0 ? QString() : QStringLiteral(" (weight %1)").arg(a.weight));
    }
    text += QStringLiteral("Assertions: %1\n")
                .arg(assertions.isEmpty() ? QStringLiteral("none") : printable(assertions.join(QStringLiteral(", "))));
    text += QStringLiteral("Passing: %1\n")
                .arg(d.threshold ? QStringLiteral("a score of %1 or more").arg(*d.threshold)
                                 : QStringLiteral("every weighted assertion passes"));
    if (!d.judgeProvider.isEmpty()) {
        text += QStringLiteral("Judge: %1 / %2\n").arg(printable(d.judgeProvider), printable(d.judgeModel));
    }
    text += QStringLiteral("Concurrency %1, repeats %2\nState: %3\n")
                .arg(d.concurrency)
                .arg(d.repeats)
                .arg(info.jobId ? QStringLiteral("run") : QStringLiteral("not run yet"));
    printOut(text);
}

std::optional<int> number(const CommandArgs& parsed, const QString& option, int fallback, int low, int high,
                          QString* problem) {
    if (!parsed.has(option)) {
        return fallback;
    }
    bool ok = false;
    const int value = parsed.value(option).toInt(&ok);
    if (!ok || value < low || value > high) {
        *problem = QStringLiteral("--%1 takes a whole number from %2 to %3").arg(option).arg(low).arg(high);
        return std::nullopt;
    }
    return value;
}

int runCreate(Context& context, const CommandArgs& parsed) {
    if (parsed.positional.size() != 1) {
        return usageError(QStringLiteral("experiments create takes one NAME"));
    }
    ExperimentDefinition d;
    d.name = parsed.positional.front();
    d.dataset = parsed.value(QStringLiteral("dataset"));
    if (d.dataset.isEmpty()) {
        return usageError(QStringLiteral("experiments create needs --dataset NAME"));
    }
    for (const QString& text : parsed.values(QStringLiteral("variant"))) {
        auto variant = parseExperimentVariant(text);
        if (!variant) {
            return usageError(variant.error().detail);
        }
        d.variants.push_back(*variant);
    }
    if (d.variants.size() < 2) {
        return usageError(
            QStringLiteral("experiments create needs 2 to 6 --variant LABEL=TEMPLATE[@VERSION],PROVIDER,MODEL"));
    }
    for (const QString& text : parsed.values(QStringLiteral("assert"))) {
        auto assertion = parseAssertion(text);
        if (!assertion) {
            return usageError(QStringLiteral("--assert %1: %2").arg(text, assertion.error().detail));
        }
        d.assertions.push_back(*assertion);
    }
    if (parsed.has(QStringLiteral("threshold"))) {
        bool ok = false;
        const double threshold = parsed.value(QStringLiteral("threshold")).toDouble(&ok);
        if (!ok || threshold < 0.0 || threshold > 1.0) {
            return usageError(QStringLiteral("--threshold takes a score from 0 to 1"));
        }
        d.threshold = threshold;
    }
    if (parsed.has(QStringLiteral("judge"))) {
        const QStringList judge = parsed.value(QStringLiteral("judge")).split(QLatin1Char(','));
        if (judge.size() != 2 || judge[0].trimmed().isEmpty() || judge[1].trimmed().isEmpty()) {
            return usageError(QStringLiteral("--judge takes PROVIDER,MODEL"));
        }
        d.judgeProvider = judge[0].trimmed();
        d.judgeModel = judge[1].trimmed();
        d.rubric = parsed.value(QStringLiteral("rubric"));
    } else if (parsed.has(QStringLiteral("rubric"))) {
        return usageError(QStringLiteral("--rubric goes with --judge PROVIDER,MODEL"));
    }
    QString problem;
    const auto concurrency = number(parsed, QStringLiteral("concurrency"), 4, 1, 64, &problem);
    const auto repeats = number(parsed, QStringLiteral("repeats"), 1, 1, ExperimentLimits::maxRepeats, &problem);
    if (!concurrency || !repeats) {
        return usageError(problem);
    }
    d.concurrency = *concurrency;
    d.repeats = *repeats;
    auto made = context.services.experiments().create(context.actor, d);
    if (!made) {
        return reportError(context, made.error());
    }
    if (context.json) {
        printJson(experimentJson(*made));
    } else {
        printExperiment(*made);
    }
    return exitOk;
}

} // namespace

int runExperiments(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(QStringLiteral("experiments needs a subcommand: create, list, status or remove"));
    }
    const QString sub = args.first();
    QString problem;
    auto parsed = CommandArgs::parse(args.mid(1),
                                     {QStringLiteral("dataset"), QStringLiteral("variant"), QStringLiteral("assert"),
                                      QStringLiteral("threshold"), QStringLiteral("judge"), QStringLiteral("rubric"),
                                      QStringLiteral("concurrency"), QStringLiteral("repeats")},
                                     {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    ExperimentService& experiments = context.services.experiments();
    if (sub == QLatin1StringView("create")) {
        return runCreate(context, *parsed);
    }
    if (sub == QLatin1StringView("list")) {
        auto listed = experiments.list(context.actor);
        if (!listed) {
            return reportError(context, listed.error());
        }
        if (!context.json && listed->empty()) {
            printOut(QStringLiteral("No experiments. Make one with: tessera-cli experiments create NAME --dataset NAME "
                                    "--variant ... --variant ...\n"));
            return exitOk;
        }
        return printList(context, *listed, experimentJson, [](const ExperimentInfo& info) {
            printOut(QStringLiteral("%1\t%2\t%3 variants\n")
                         .arg(printable(info.definition.name), printable(info.definition.dataset))
                         .arg(info.definition.variants.size()));
        });
    }
    if (sub == QLatin1StringView("status") || sub == QLatin1StringView("remove")) {
        if (parsed->positional.size() != 1) {
            return usageError(QStringLiteral("experiments %1 takes one NAME").arg(sub));
        }
        const QString name = parsed->positional.front();
        if (sub == QLatin1StringView("remove")) {
            if (auto removed = experiments.remove(context.actor, name); !removed) {
                return reportError(context, removed.error());
            }
            if (context.json) {
                printJson(QJsonObject{{QStringLiteral("removed"), name}});
            } else {
                printOut(QStringLiteral("Removed %1.\n").arg(printable(name)));
            }
            return exitOk;
        }
        auto found = experiments.get(context.actor, name);
        if (!found) {
            return reportError(context, found.error());
        }
        if (context.json) {
            printJson(experimentJson(*found));
        } else {
            printExperiment(*found);
        }
        return exitOk;
    }
    return usageError(
        QStringLiteral("unknown experiments subcommand \"%1\": create, list, status or remove (running experiments is "
                       "not available yet)")
            .arg(sub));
}

} // namespace Tessera::Cli
