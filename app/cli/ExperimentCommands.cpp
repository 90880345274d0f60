// experiments create | list | status | run | pause | resume | cancel | results | promote | remove (docs/cli.md).
#include "ExperimentCommands.h"

#include "JobCommands.h"
#include "PromptCommands.h"
#include "app/CoreServices.h"
#include "common/Csv.h"
#include "experiments/ExperimentExport.h"
#include "experiments/ExperimentRuns.h"
#include "experiments/Experiments.h"
#include "jobs/JobRunner.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

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
                     {QStringLiteral("cache"), d.useCache},
                     {QStringLiteral("cost_cap_usd"),
                      d.costCapMicros ? QJsonValue(double(*d.costCapMicros) / 1'000'000.0) : QJsonValue()},
                     {QStringLiteral("created_at"), timeJson(info.createdAt)},
                     {QStringLiteral("state"), info.jobId ? QStringLiteral("run") : QStringLiteral("not run")}};
    json.insert(
        QStringLiteral("judge"),
        d.judgeProvider.isEmpty()
            ? QJsonValue()
            : QJsonValue(QJsonObject{
                  {QStringLiteral("provider"), d.judgeProvider},
                  {QStringLiteral("model"), d.judgeModel},
                  {QStringLiteral("rubric"), d.rubric},
                  {QStringLiteral("template"), d.judgeTemplate.isEmpty() ? QJsonValue() : QJsonValue(d.judgeTemplate)},
                  {QStringLiteral("template_version"),
                   d.judgeTemplateVersion ? QJsonValue(*d.judgeTemplateVersion) : QJsonValue()},
                  {QStringLiteral("pairwise"), d.pairwise}}));
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
        text += QStringLiteral("Judge: %1 / %2, %3%4\n")
                    .arg(printable(d.judgeProvider), printable(d.judgeModel),
                         d.judgeTemplate.isEmpty()
                             ? QStringLiteral("the default prompt")
                             : QStringLiteral("the prompt %1%2")
                                   .arg(printable(d.judgeTemplate),
                                        d.judgeTemplateVersion ? QStringLiteral("@%1").arg(*d.judgeTemplateVersion)
                                                               : QString()),
                         d.pairwise ? QStringLiteral(", and pairwise") : QString());
    }
    text += QStringLiteral("Concurrency %1, repeats %2, %3\n")
                .arg(d.concurrency)
                .arg(d.repeats)
                .arg(d.useCache ? QStringLiteral("answers from the response cache where it has them")
                                : QStringLiteral("every answer asked afresh"));
    if (!info.jobId) {
        text += QStringLiteral("Not run yet.\n");
    }
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
        d.pairwise = parsed.has(QStringLiteral("pairwise"));
        if (parsed.has(QStringLiteral("judge-template"))) {
            QString name = parsed.value(QStringLiteral("judge-template"));
            QString problem;
            d.judgeTemplateVersion = splitTemplateVersion(name, parsed, &problem);
            if (!problem.isEmpty()) {
                return usageError(problem);
            }
            d.judgeTemplate = name;
        }
    } else if (parsed.has(QStringLiteral("rubric")) || parsed.has(QStringLiteral("judge-template")) ||
               parsed.has(QStringLiteral("pairwise"))) {
        return usageError(QStringLiteral("--rubric, --judge-template and --pairwise go with --judge PROVIDER,MODEL"));
    }
    QString problem;
    const auto concurrency = number(parsed, QStringLiteral("concurrency"), 4, 1, 64, &problem);
    const auto repeats = number(parsed, QStringLiteral("repeats"), 1, 1, ExperimentLimits::maxRepeats, &problem);
    if (!concurrency || !repeats) {
        return usageError(problem);
    }
    d.concurrency = *concurrency;
    d.repeats = *repeats;
    d.useCache = !parsed.has(QStringLiteral("no-cache"));
    if (parsed.has(QStringLiteral("cost-cap"))) {
        bool ok = false;
        const double usd = parsed.value(QStringLiteral("cost-cap")).toDouble(&ok);
        if (!ok || usd <= 0.0 || usd > 1'000'000.0) {
            return usageError(QStringLiteral("--cost-cap takes an amount in US dollars above 0"));
        }
        d.costCapMicros = qint64(std::llround(usd * 1'000'000.0));
    }
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

int runRun(Context& context, const CommandArgs& parsed) {
    if (parsed.positional.size() != 1) {
        return usageError(QStringLiteral("experiments run takes one NAME"));
    }
    auto job = context.services.experimentRuns().prepare(context.actor, parsed.positional.front(),
                                                         parsed.has(QStringLiteral("restart")));
    if (!job) {
        return reportError(context, job.error());
    }
    if (parsed.has(QStringLiteral("wait"))) {
        return runJobHere(context, job->id);
    }
    return runJobInBackground(context, *job);
}

// experiments pause | resume | cancel NAME: the experiment's run, as the jobs commands do it.
int runControl(Context& context, const QString& action, const CommandArgs& parsed) {
    if (parsed.positional.size() != 1) {
        return usageError(QStringLiteral("experiments %1 takes one NAME").arg(action));
    }
    if (parsed.has(QStringLiteral("wait")) && action != QLatin1StringView("resume")) {
        return usageError(QStringLiteral("--wait goes with experiments run and resume"));
    }
    auto found = context.services.experiments().get(context.actor, parsed.positional.front());
    if (!found) {
        return reportError(context, found.error());
    }
    if (!found->jobId) {
        return reportError(context, makeError(ErrorCode::InvalidArgument,
                                              QStringLiteral("experiment %1 has not run yet: start it with tessera-cli "
                                                             "experiments run %1")
                                                  .arg(found->definition.name)));
    }
    return controlJob(context, action, *found->jobId, parsed.has(QStringLiteral("wait")));
}

// experiments winners NAME --output PATH [--variant LABEL]: the winning answers as fine-tuning JSONL.
int runWinners(Context& context, const CommandArgs& parsed) {
    if (parsed.positional.size() != 1 || !parsed.has(QStringLiteral("output"))) {
        return usageError(QStringLiteral("experiments winners takes NAME and --output PATH [--variant LABEL]"));
    }
    auto winners = context.services.experimentRuns().winningAnswers(context.actor, parsed.positional.front(),
                                                                    parsed.value(QStringLiteral("variant")));
    if (!winners) {
        return reportError(context, winners.error());
    }
    const QString path = parsed.value(QStringLiteral("output"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(winners->jsonl) != winners->jsonl.size() || !file.commit()) {
        return reportError(context,
                           makeError(ErrorCode::ExportFailed,
                                     QStringLiteral("%1 could not be written: %2").arg(path, file.errorString())));
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("variant"), winners->variant},
                              {QStringLiteral("examples"), winners->examples},
                              {QStringLiteral("path"), path}});
    } else {
        printOut(QStringLiteral("Wrote %1 examples of variant %2 to %3 (OpenAI chat format, checked).\n")
                     .arg(winners->examples)
                     .arg(printable(winners->variant), printable(path)));
    }
    return exitOk;
}

int runPromote(Context& context, const CommandArgs& parsed) {
    if (parsed.positional.size() != 2) {
        return usageError(QStringLiteral("experiments promote takes NAME VARIANT"));
    }
    auto promoted =
        context.services.experimentRuns().promote(context.actor, parsed.positional[0], parsed.positional[1]);
    if (!promoted) {
        return reportError(context, promoted.error());
    }
    if (context.json) {
        printJson(QJsonObject{
            {QStringLiteral("template"), promoted->templateName},
            {QStringLiteral("label"), QStringLiteral("production")},
            {QStringLiteral("version"), promoted->version},
            {QStringLiteral("previous_version"), promoted->previous ? QJsonValue(*promoted->previous) : QJsonValue()}});
    } else {
        printOut(
            QStringLiteral("%1: production is version %2 now%3.\n")
                .arg(printable(promoted->templateName))
                .arg(promoted->version)
                .arg(promoted->previous ? QStringLiteral(" (it was version %1)").arg(*promoted->previous) : QString()));
    }
    return exitOk;
}

int runResults(Context& context, const CommandArgs& parsed) {
    if (parsed.positional.size() != 1) {
        return usageError(QStringLiteral("experiments results takes one NAME"));
    }
    if (parsed.has(QStringLiteral("json")) && parsed.has(QStringLiteral("csv"))) {
        return usageError(QStringLiteral("experiments results takes --json or --csv, not both"));
    }
    auto results = context.services.experimentRuns().results(context.actor, parsed.positional.front());
    if (!results) {
        return reportError(context, results.error());
    }
    if (parsed.has(QStringLiteral("csv"))) {
        // The matrix: one line per answer.
        std::vector<JobItem> items;
        if (results->job) {
            auto read = context.services.jobs().items(context.actor, results->job->id);
            if (!read) {
                return reportError(context, read.error());
            }
            items = std::move(*read);
        }
        printOut(experimentResultsCsv(*results, items));
        return exitOk;
    }
    if (context.json || parsed.has(QStringLiteral("json"))) {
        printJson(experimentResultsJson(*results));
        return exitOk;
    }
    std::vector<QStringList> lines;
    for (const VariantResults& v : results->variants) {
        lines.push_back({v.label, QString::number(v.answers),
                         QStringLiteral("%1 %").arg(qint64(std::llround(v.passRate() * 100.0))),
                         QStringLiteral("%1–%2 %")
                             .arg(qint64(std::llround(v.interval.low * 100.0)))
                             .arg(qint64(std::llround(v.interval.high * 100.0))),
                         QString::number(v.meanScore, 'f', 2),
                         QStringLiteral("$%1").arg(double(v.costMicros) / 1'000'000.0, 0, 'f', 4),
                         QStringLiteral("%1 ms").arg(v.p50LatencyMs), QStringLiteral("%1 ms").arg(v.p95LatencyMs)});
    }
    printOut(tableText({QStringLiteral("VARIANT"), QStringLiteral("ANSWERS"), QStringLiteral("PASSED"),
                        QStringLiteral("95 % INTERVAL"), QStringLiteral("MEAN SCORE"), QStringLiteral("COST"),
                        QStringLiteral("P50"), QStringLiteral("P95")},
                       lines, 1));
    for (const PairwiseResults& p : results->pairwise) {
        const QString a = results->variants[std::size_t(p.first)].label;
        const QString b = results->variants[std::size_t(p.second)].label;
        QString line = QStringLiteral("%1 against %2: %3 scored higher %4 times, %5 %6, tied %7")
                           .arg(printable(a), printable(b), printable(a))
                           .arg(p.wins)
                           .arg(printable(b))
                           .arg(p.losses)
                           .arg(p.ties);
        if (p.judged > 0) {
            line += QStringLiteral("; the judge (both orders): %1 %2, %3 %4, tie %5")
                        .arg(printable(a))
                        .arg(p.judgeWins)
                        .arg(printable(b))
                        .arg(p.judgeLosses)
                        .arg(p.judgeTies);
        }
        printOut(line + QLatin1Char('\n'));
    }
    if (results->ranking) {
        std::vector<QStringList> ranked;
        for (std::size_t v = 0; v < results->ranking->variants.size(); ++v) {
            const auto& r = results->ranking->variants[v];
            ranked.push_back(
                {results->variants[v].label, QString::number(qint64(std::llround(r.rating))),
                 QStringLiteral("%1–%2").arg(qint64(std::llround(r.low))).arg(qint64(std::llround(r.high)))});
        }
        std::sort(ranked.begin(), ranked.end(),
                  [](const QStringList& x, const QStringList& y) { return x[1].toLongLong() > y[1].toLongLong(); });
        printOut(QStringLiteral("Bradley–Terry ranking (from the %1):\n")
                     .arg(results->rankedBy == QLatin1StringView("judge")
                              ? QStringLiteral("judge's pairwise judgements")
                              : QStringLiteral("scores, item by item")));
        printOut(tableText({QStringLiteral("VARIANT"), QStringLiteral("RATING"), QStringLiteral("95 % INTERVAL")},
                           ranked, 1));
    }
    printOut(QStringLiteral("Verdict: %1\n").arg(results->verdict));
    return exitOk;
}

} // namespace

int runExperiments(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(
            QStringLiteral("experiments needs a subcommand: create, list, status, run, pause, resume, cancel, "
                           "results, promote, winners or remove"));
    }
    const QString sub = args.first();
    QString problem;
    auto parsed =
        CommandArgs::parse(args.mid(1),
                           {QStringLiteral("dataset"), QStringLiteral("variant"), QStringLiteral("assert"),
                            QStringLiteral("threshold"), QStringLiteral("judge"), QStringLiteral("rubric"),
                            QStringLiteral("judge-template"), QStringLiteral("cost-cap"), QStringLiteral("output"),
                            QStringLiteral("concurrency"), QStringLiteral("repeats")},
                           {QStringLiteral("wait"), QStringLiteral("restart"), QStringLiteral("json"),
                            QStringLiteral("csv"), QStringLiteral("pairwise"), QStringLiteral("no-cache")},
                           &problem);
    if (!parsed) {
        return usageError(problem);
    }
    ExperimentService& experiments = context.services.experiments();
    if (sub == QLatin1StringView("create")) {
        return runCreate(context, *parsed);
    }
    if (sub == QLatin1StringView("run")) {
        return runRun(context, *parsed);
    }
    if (sub == QLatin1StringView("results")) {
        return runResults(context, *parsed);
    }
    if (sub == QLatin1StringView("pause") || sub == QLatin1StringView("resume") || sub == QLatin1StringView("cancel")) {
        return runControl(context, sub, *parsed);
    }
    if (sub == QLatin1StringView("promote")) {
        return runPromote(context, *parsed);
    }
    if (sub == QLatin1StringView("winners")) {
        return runWinners(context, *parsed);
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
        std::optional<JobInfo> run;
        if (found->jobId) {
            if (auto job = context.services.jobs().get(context.actor, *found->jobId)) {
                run = *job;
            }
        }
        if (context.json) {
            QJsonObject json = experimentJson(*found);
            json.insert(QStringLiteral("state"), run ? QString(jobStateName(run->state)) : QStringLiteral("not run"));
            json.insert(QStringLiteral("job"), run ? QJsonValue(jobJson(*run)) : QJsonValue());
            printJson(json);
        } else {
            printExperiment(*found);
            if (run) {
                const auto left = estimatedSecondsLeft(*run, context.services.clock().nowUtc());
                printOut(QStringLiteral("Run: job %1, %2, %3 of %4 done%5%6\n")
                             .arg(run->id)
                             .arg(jobStateName(run->state))
                             .arg(run->done + run->failed)
                             .arg(run->total)
                             .arg(run->failed > 0 ? QStringLiteral(", %1 failed").arg(run->failed) : QString())
                             .arg(left ? QStringLiteral(", about %1 s left").arg(*left) : QString()));
                if (!run->reason.isEmpty()) {
                    printOut(QStringLiteral("Why: %1\n").arg(printable(run->reason)));
                }
            }
        }
        return exitOk;
    }
    return usageError(
        QStringLiteral("unknown experiments subcommand \"%1\": create, list, status, run, pause, resume, cancel, "
                       "results, promote, winners or remove")
            .arg(sub));
}

} // namespace Tessera::Cli
