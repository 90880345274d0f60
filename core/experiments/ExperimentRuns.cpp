// Experiment runs: preparing a run's job, promoting a variant, exporting the winning answers, and the results.
#include "experiments/ExperimentRuns.h"

#include "audit/AuditLog.h"
#include "common/CorrelationId.h"
#include "experiments/Compare.h"
#include "experiments/Datasets.h"
#include "experiments/Judge.h"
#include "prompts/FineTuning.h"
#include "prompts/PromptLibrary.h"
#include "providers/RequestRunner.h"
#include "storage/Database.h"
#include "storage/ProviderRepository.h"
#include "tokenizer/TokenCounter.h"
#include "usage/BudgetGuard.h"
#include "usage/UsageLedger.h"

#include <QJsonArray>
#include <QLocale>
#include <QPointer>
#include <QSqlQuery>

#include <QJsonDocument>

#include <map>
#include <numeric>
#include <set>
#include <tuple>

namespace Tessera::Core {

ExperimentRuns::ExperimentRuns(const Database& db, const AuditLog& audit, JobStore& jobs,
                               const ExperimentService& experiments, const DatasetService& datasets,
                               PromptLibrary& prompts)
    : m_db(db)
    , m_audit(audit)
    , m_jobs(jobs)
    , m_experiments(experiments)
    , m_datasets(datasets)
    , m_prompts(prompts) {
}

Result<JobInfo> ExperimentRuns::prepare(const Actor& actor, const QString& name, bool restart) {
    auto experiment = m_experiments.get(actor, name);
    if (!experiment) {
        return fail(experiment.error());
    }
    if (experiment->jobId && !restart) {
        auto last = m_jobs.get(actor, *experiment->jobId);
        if (last && !jobIsOver(last->state)) {
            return *last; // continued where it stopped
        }
    }
    if (experiment->jobId && restart) {
        // The unfinished run gives way to the new one (its results stay with its job).
        if (auto last = m_jobs.get(actor, *experiment->jobId); last && !jobIsOver(last->state)) {
            // A process still running it is asked to stop; else it is cancelled here.
            const QString reason = QStringLiteral("replaced by a new run");
            if (auto asked = m_jobs.request(last->id, JobState::Cancelled, reason); !asked || !*asked) {
                (void)m_jobs.setState(last->id, JobState::Cancelled, reason);
            }
        }
    }
    const ExperimentDefinition& d = experiment->definition;
    auto dataset = m_datasets.get(actor, d.dataset);
    if (!dataset) {
        return fail(dataset.error());
    }
    QJsonArray versions;
    for (const ExperimentVariant& v : d.variants) {
        auto version = m_prompts.version(actor, v.templateName, v.version);
        if (!version) {
            return fail(version.error());
        }
        versions.append(version->number);
    }
    std::vector<QJsonObject> inputs;
    inputs.reserve(std::size_t(dataset->items) * d.variants.size() * std::size_t(d.repeats));
    for (qint64 i = 1; i <= dataset->items; ++i) {
        for (int r = 1; r <= d.repeats; ++r) {
            for (std::size_t v = 0; v < d.variants.size(); ++v) {
                inputs.push_back(QJsonObject{{QStringLiteral("item"), i},
                                             {QStringLiteral("variant"), int(v)},
                                             {QStringLiteral("repeat"), r},
                                             {QStringLiteral("provider"), d.variants[v].provider}});
            }
        }
    }
    const QJsonObject params{{QStringLiteral("experiment"), d.name},
                             {QStringLiteral("concurrency"), d.concurrency},
                             {QStringLiteral("versions"), versions}};
    auto job =
        m_jobs.create(actor, QStringLiteral("experiment"), QStringLiteral("Experiment %1").arg(d.name), params, inputs);
    if (!job) {
        return fail(job.error());
    }
    if (auto linked =
            m_db.exec(QStringLiteral("UPDATE experiments SET job_id = ? WHERE id = ?"), {job->id, experiment->id});
        !linked) {
        return fail(linked.error());
    }
    return job;
}

Result<ExperimentRuns::Promotion> ExperimentRuns::promote(const Actor& actor, const QString& name,
                                                          const QString& variant) const {
    auto experiment = m_experiments.get(actor, name);
    if (!experiment) {
        return fail(experiment.error());
    }
    const ExperimentDefinition& d = experiment->definition;
    const auto found = std::find_if(d.variants.begin(), d.variants.end(), [&variant](const ExperimentVariant& v) {
        return v.label.compare(variant, Qt::CaseInsensitive) == 0;
    });
    if (found == d.variants.end()) {
        QStringList labels;
        for (const ExperimentVariant& v : d.variants) {
            labels << v.label;
        }
        return fail(ErrorCode::NotFound, QStringLiteral("experiment %1 has no variant \"%2\" (its variants: %3)")
                                             .arg(d.name, variant, labels.join(QStringLiteral(", "))));
    }
    if (!experiment->jobId) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("experiment %1 has not run yet: run it before promoting a variant").arg(d.name));
    }
    auto job = m_jobs.get(actor, *experiment->jobId);
    if (!job) {
        return fail(job.error());
    }
    const auto index = qsizetype(found - d.variants.begin());
    const int version = job->params.value(QLatin1StringView("versions")).toArray().at(index).toInt();
    if (version <= 0) {
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("the run of experiment %1 does not say which version %2 used").arg(d.name, found->label));
    }
    auto before = m_prompts.get(actor, found->templateName);
    if (!before) {
        return fail(before.error());
    }
    Promotion promotion;
    promotion.templateName = found->templateName;
    promotion.version = version;
    if (before->labels.contains(QStringLiteral("production"))) {
        promotion.previous = before->labels.value(QStringLiteral("production"));
    }
    // The label's move and its record in the audit log, together.
    auto moved = m_db.transaction([&]() -> Status {
        if (auto set = m_prompts.setLabel(actor, found->templateName, QStringLiteral("production"), version); !set) {
            return set;
        }
        return m_audit.record(
            actor,
            {QStringLiteral("experiment.promote"),
             QStringLiteral("experiment:%1").arg(d.name),
             AuditOutcome::Success,
             QStringLiteral("variant %1: %2 production → version %3%4")
                 .arg(found->label, found->templateName)
                 .arg(version)
                 .arg(promotion.previous ? QStringLiteral(" (was version %1)").arg(*promotion.previous) : QString()),
             {}});
    });
    if (!moved) {
        return fail(moved.error());
    }
    return promotion;
}

Result<ExperimentRuns::WinningAnswers> ExperimentRuns::winningAnswers(const Actor& actor, const QString& name,
                                                                      const QString& variant) const {
    auto results = this->results(actor, name);
    if (!results) {
        return fail(results.error());
    }
    const ExperimentDefinition& d = results->experiment.definition;
    int chosen = -1;
    if (!variant.isEmpty()) {
        for (std::size_t v = 0; v < d.variants.size(); ++v) {
            if (d.variants[v].label.compare(variant, Qt::CaseInsensitive) == 0) {
                chosen = int(v);
            }
        }
        if (chosen < 0) {
            return fail(ErrorCode::NotFound,
                        QStringLiteral("experiment %1 has no variant \"%2\"").arg(d.name, variant));
        }
    } else if (const auto winner = results->winner()) {
        chosen = *winner;
    } else {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the results of %1 name no winner yet: name the variant whose answers to export")
                        .arg(d.name));
    }
    if (!results->job) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("experiment %1 has not run yet").arg(d.name));
    }
    const int version =
        results->job->params.value(QLatin1StringView("versions")).toArray().at(qsizetype(chosen)).toInt();
    auto text = m_prompts.version(actor, d.variants[std::size_t(chosen)].templateName, version);
    if (!text) {
        return fail(text.error());
    }
    auto parsed = parsePrompt(text->systemText, text->userText);
    if (!parsed) {
        return fail(parsed.error());
    }
    auto cases = m_datasets.items(actor, d.dataset);
    if (!cases) {
        return fail(cases.error());
    }
    auto items = m_jobs.items(actor, results->job->id);
    if (!items) {
        return fail(items.error());
    }
    WinningAnswers out;
    out.variant = d.variants[std::size_t(chosen)].label;
    std::set<int> taken;
    for (const JobItem& item : *items) {
        const int i = item.input.value(QLatin1StringView("item")).toInt();
        if (item.state != JobItemState::Done || item.input.value(QLatin1StringView("variant")).toInt() != chosen ||
            !item.result.value(QLatin1StringView("pass")).toBool() || taken.count(i) || i < 1 ||
            i > int(cases->size())) {
            continue;
        }
        const QHash<QString, QString>& values = (*cases)[std::size_t(i - 1)].values;
        auto system = renderTemplateText(parsed->system, values);
        auto user = renderTemplateText(parsed->user, values);
        if (!system || !user) {
            continue;
        }
        QJsonArray messages;
        if (!system->trimmed().isEmpty()) {
            messages.append(
                QJsonObject{{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), *system}});
        }
        messages.append(
            QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), *user}});
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                    {QStringLiteral("content"), item.result.value(QLatin1StringView("answer"))}});
        out.jsonl += QJsonDocument(QJsonObject{{QStringLiteral("messages"), messages}}).toJson(QJsonDocument::Compact);
        out.jsonl += '\n';
        taken.insert(i);
        ++out.examples;
    }
    if (out.examples == 0) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("variant %1 of %2 has no passing answer to export").arg(out.variant, d.name));
    }
    if (const QStringList problems =
            checkFineTuneJsonl(out.jsonl, Encoding::O200kBase, FineTuneFilter{}.maxTokensPerExample);
        !problems.isEmpty()) {
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("the fine-tuning data is not valid: %1").arg(problems.mid(0, 3).join(QStringLiteral("; "))));
    }
    return out;
}

void ExperimentRuns::finishThread() const {
    m_db.closeThreadConnection();
}

Result<ExperimentResults> ExperimentRuns::results(const Actor& actor, const QString& name) const {
    auto experiment = m_experiments.get(actor, name);
    if (!experiment) {
        return fail(experiment.error());
    }
    ExperimentResults results;
    results.experiment = *experiment;
    const std::size_t count = experiment->definition.variants.size();
    results.variants.resize(count);
    for (std::size_t v = 0; v < count; ++v) {
        results.variants[v].label = experiment->definition.variants[v].label;
    }
    if (!experiment->jobId) {
        results.verdict = QStringLiteral("not run yet");
        return results;
    }
    auto job = m_jobs.get(actor, *experiment->jobId);
    if (!job && job.error().code == ErrorCode::NotFound) {
        results.verdict = QStringLiteral("not run yet"); // its run's job was removed
        return results;
    }
    if (!job) {
        return fail(job.error());
    }
    results.job = *job;
    auto items = m_jobs.items(actor, job->id);
    if (!items) {
        return fail(items.error());
    }
    std::vector<double> scoreSums(count, 0.0);
    std::vector<std::vector<double>> latencies(count);
    std::map<std::pair<int, int>, std::map<int, double>> scores; // (item, repeat) → variant → score
    std::vector<PairOutcome> judgeOutcomes;                      // the pairwise judge's, both orders agreeing or a tie
    std::map<std::tuple<int, int, int, int>, PairOutcome::Result> judgeByCase; // (item, repeat, a, b) → the judge's
    for (const JobItem& item : *items) {
        const int v = item.input.value(QLatin1StringView("variant")).toInt();
        if (v < 0 || std::size_t(v) >= count) {
            continue;
        }
        VariantResults& r = results.variants[std::size_t(v)];
        if (item.state == JobItemState::Failed) {
            ++r.failed;
            continue;
        }
        if (item.state != JobItemState::Done) {
            continue;
        }
        ++r.answers;
        const bool pass = item.result.value(QLatin1StringView("pass")).toBool();
        r.passed += pass ? 1 : 0;
        const double score = item.result.value(QLatin1StringView("score")).toDouble();
        scoreSums[std::size_t(v)] += score;
        const QJsonValue cost = item.result.value(QLatin1StringView("cost_micros"));
        if (cost.isDouble()) {
            r.costMicros += qint64(cost.toDouble());
        } else {
            ++r.unpriced;
        }
        latencies[std::size_t(v)].push_back(item.result.value(QLatin1StringView("latency_ms")).toDouble());
        for (const QJsonValue& value : item.result.value(QLatin1StringView("pairwise")).toArray()) {
            const QJsonObject judged = value.toObject();
            const int a = judged.value(QLatin1StringView("a")).toInt(-1);
            const int b = judged.value(QLatin1StringView("b")).toInt(-1);
            if (a < 0 || b <= a || std::size_t(b) >= count) {
                continue;
            }
            const QString outcome = judged.value(QLatin1StringView("outcome")).toString();
            const PairOutcome judgedOutcome{a, b,
                                            outcome == QLatin1StringView("a")   ? PairOutcome::Result::FirstWins
                                            : outcome == QLatin1StringView("b") ? PairOutcome::Result::SecondWins
                                                                                : PairOutcome::Result::Tie};
            judgeOutcomes.push_back(judgedOutcome);
            judgeByCase[{item.input.value(QLatin1StringView("item")).toInt(),
                         item.input.value(QLatin1StringView("repeat")).toInt(), a, b}] = judgedOutcome.result;
        }
        scores[{item.input.value(QLatin1StringView("item")).toInt(),
                item.input.value(QLatin1StringView("repeat")).toInt()}][v] = score;
    }
    for (std::size_t v = 0; v < count; ++v) {
        VariantResults& r = results.variants[v];
        r.interval = wilsonInterval(r.passed, r.answers);
        r.meanScore = r.answers > 0 ? scoreSums[v] / double(r.answers) : 0.0;
        std::sort(latencies[v].begin(), latencies[v].end());
        r.p50LatencyMs = qint64(std::llround(quantileOfSorted(latencies[v], 0.5)));
        r.p95LatencyMs = qint64(std::llround(quantileOfSorted(latencies[v], 0.95)));
    }
    // People's votes on the experiment's answers (a blind review), over its variants.
    std::vector<PairOutcome> voteOutcomes;
    std::map<std::tuple<int, int, int, int>, PairOutcome::Result> voteByCase;
    auto votes = readVotes(m_db, actor.userId, experiment->id, 1'000'000);
    if (!votes) {
        return fail(votes.error());
    }
    for (const VoteInfo& vote : *votes) {
        for (const PairOutcome& o : vote.outcomes) {
            if (o.first < 0 || o.second <= o.first || std::size_t(o.second) >= count) {
                continue;
            }
            voteOutcomes.push_back(o);
            voteByCase[{vote.item, vote.repeat, o.first, o.second}] = o.result;
        }
    }
    const bool finished = job->state == JobState::Finished;
    std::vector<PairOutcome> outcomes;
    for (std::size_t a = 0; a < count; ++a) {
        for (std::size_t b = a + 1; b < count; ++b) {
            PairwiseResults pair;
            pair.first = int(a);
            pair.second = int(b);
            for (const auto& [key, byVariant] : scores) {
                const auto sa = byVariant.find(int(a));
                const auto sb = byVariant.find(int(b));
                if (sa == byVariant.end() || sb == byVariant.end()) {
                    continue;
                }
                PairOutcome outcome{int(a), int(b), PairOutcome::Result::Tie};
                if (sa->second > sb->second) {
                    ++pair.wins;
                    outcome.result = PairOutcome::Result::FirstWins;
                } else if (sa->second < sb->second) {
                    ++pair.losses;
                    outcome.result = PairOutcome::Result::SecondWins;
                } else {
                    ++pair.ties;
                }
                outcomes.push_back(outcome);
            }
            for (const PairOutcome& judged : judgeOutcomes) {
                if (judged.first != int(a) || judged.second != int(b)) {
                    continue;
                }
                ++pair.judged;
                pair.judgeWins += judged.result == PairOutcome::Result::FirstWins ? 1 : 0;
                pair.judgeLosses += judged.result == PairOutcome::Result::SecondWins ? 1 : 0;
                pair.judgeTies += judged.result == PairOutcome::Result::Tie ? 1 : 0;
            }
            for (const PairOutcome& voted : voteOutcomes) {
                if (voted.first != int(a) || voted.second != int(b)) {
                    continue;
                }
                ++pair.voted;
                pair.voteWins += voted.result == PairOutcome::Result::FirstWins ? 1 : 0;
                pair.voteLosses += voted.result == PairOutcome::Result::SecondWins ? 1 : 0;
                pair.voteTies += voted.result == PairOutcome::Result::Tie ? 1 : 0;
            }
            // Where the judge and a person both judged a case, how often they agree.
            for (const auto& [key, voted] : voteByCase) {
                if (std::get<2>(key) != int(a) || std::get<3>(key) != int(b)) {
                    continue;
                }
                if (const auto judged = judgeByCase.find(key); judged != judgeByCase.end()) {
                    ++pair.judgeAndVote;
                    pair.agreements += judged->second == voted ? 1 : 0;
                }
            }
            const VariantResults& ra = results.variants[a];
            const VariantResults& rb = results.variants[b];
            pair.comparison = comparePassRates(ra.passed, ra.answers, rb.passed, rb.answers, finished);
            results.pairwise.push_back(pair);
        }
    }
    // The ranking comes from the pairwise judgements where there are any (people's votes and the judge's), else
    // from the scores.
    std::vector<PairOutcome> judgements = judgeOutcomes;
    judgements.insert(judgements.end(), voteOutcomes.begin(), voteOutcomes.end());
    const std::vector<PairOutcome>& ranked = judgements.empty() ? outcomes : judgements;
    results.rankedBy = !voteOutcomes.empty() && !judgeOutcomes.empty() ? QStringLiteral("votes and judge")
                       : !voteOutcomes.empty()                         ? QStringLiteral("votes")
                       : !judgeOutcomes.empty()                        ? QStringLiteral("judge")
                                                                       : QStringLiteral("scores");
    if (count >= 3 && !ranked.empty()) {
        results.ranking = rankBradleyTerry(int(count), ranked, 1000, 20261202);
    }
    // The verdict: the two variants that passed most, compared.
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return results.variants[x].passRate() > results.variants[y].passRate();
    });
    const std::size_t best = order[0];
    const std::size_t next = order.size() > 1 ? order[1] : order[0];
    const PassComparison c = comparePassRates(results.variants[next].passed, results.variants[next].answers,
                                              results.variants[best].passed, results.variants[best].answers, finished);
    results.best = int(best);
    results.runnerUp = int(next);
    results.decision = c;
    const auto percent = [](double share) {
        return qint64(std::llround(share * 100.0));
    };
    const QString numbers =
        QStringLiteral("%1 % against %2 % passed, a difference of %3 points (95 % interval %4 to %5)")
            .arg(percent(c.secondRate))
            .arg(percent(c.firstRate))
            .arg(percent(c.difference.difference))
            .arg(percent(c.difference.interval.low))
            .arg(percent(c.difference.interval.high));
    const QString pair =
        QStringLiteral("%1 against %2").arg(results.variants[best].label, results.variants[next].label);
    if (c.verdict == PassComparison::Verdict::SecondBetter) {
        results.verdict =
            QStringLiteral("%1 beats %2: %3").arg(results.variants[best].label, results.variants[next].label, numbers);
    } else if (!finished) {
        results.verdict =
            QStringLiteral("not enough data yet: the run is %1 (%2: %3)").arg(jobStateName(job->state), pair, numbers);
    } else {
        results.verdict = QStringLiteral("not enough data yet (%1: %2); about %3 more items would settle it")
                              .arg(pair, numbers)
                              .arg(c.itemsToSettle);
    }
    return results;
}

} // namespace Tessera::Core
