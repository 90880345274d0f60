#include "experiments/ExperimentRuns.h"

#include "common/CorrelationId.h"
#include "experiments/Datasets.h"
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

#include <map>
#include <numeric>

namespace Tessera::Core {

// What a run needs, read once per job: the definition, the dataset's items, each variant's parsed template version
// and provider.
struct ExperimentJobHandler::Prepared {
    ExperimentInfo experiment;
    std::vector<DatasetItem> items;
    struct Variant {
        ExperimentVariant definition;
        int version = 0;
        TemplateText system;
        TemplateText user;
        PromptSettings settings;
        ProviderConfig provider;
    };
    std::vector<Variant> variants;
    std::map<qint64, std::shared_ptr<RunningRequest>> inFlight; // by item position
};

ExperimentJobHandler::ExperimentJobHandler(Actor actor, const ExperimentService& experiments,
                                           const DatasetService& datasets, const PromptLibrary& prompts,
                                           const ProviderRepository& providers, const RequestRunner& runner,
                                           const BudgetGuard* budgets, const UsageLedger* ledger)
    : m_actor(std::move(actor))
    , m_experiments(experiments)
    , m_datasets(datasets)
    , m_prompts(prompts)
    , m_providers(providers)
    , m_runner(runner)
    , m_budgets(budgets)
    , m_ledger(ledger)
    , m_context(std::make_unique<QObject>()) {
}

ExperimentJobHandler::~ExperimentJobHandler() = default;

Result<std::shared_ptr<ExperimentJobHandler::Prepared>> ExperimentJobHandler::prepared(const JobInfo& job) {
    if (auto found = m_jobs.find(job.id); found != m_jobs.end()) {
        return found->second;
    }
    auto p = std::make_shared<Prepared>();
    auto experiment = m_experiments.get(m_actor, job.params.value(QLatin1StringView("experiment")).toString());
    if (!experiment) {
        return fail(experiment.error());
    }
    p->experiment = *experiment;
    auto items = m_datasets.items(m_actor, experiment->definition.dataset);
    if (!items) {
        return fail(items.error());
    }
    p->items = std::move(*items);
    const QJsonArray versions = job.params.value(QLatin1StringView("versions")).toArray();
    for (std::size_t v = 0; v < experiment->definition.variants.size(); ++v) {
        Prepared::Variant variant;
        variant.definition = experiment->definition.variants[v];
        variant.version = versions.at(qsizetype(v)).toInt();
        auto version = m_prompts.version(m_actor, variant.definition.templateName, variant.version);
        if (!version) {
            return fail(version.error());
        }
        auto parsed = parsePrompt(version->systemText, version->userText);
        if (!parsed) {
            return fail(parsed.error());
        }
        variant.system = parsed->system;
        variant.user = parsed->user;
        variant.settings = version->settings;
        auto provider = m_providers.findByName(variant.definition.provider);
        if (!provider) {
            return fail(provider.error());
        }
        variant.provider = *provider;
        p->variants.push_back(std::move(variant));
    }
    m_jobs[job.id] = p;
    return p;
}

QString ExperimentJobHandler::resource(const JobInfo&, const JobItem& item) const {
    return item.input.value(QLatin1StringView("provider")).toString();
}

void ExperimentJobHandler::stop(qint64 jobId) {
    const auto found = m_jobs.find(jobId);
    if (found == m_jobs.end()) {
        return;
    }
    const auto inFlight = found->second->inFlight; // cancelling finishes them, which changes the map
    for (const auto& [position, reply] : inFlight) {
        reply->cancel();
    }
}

void ExperimentJobHandler::run(const JobInfo& job, const JobItem& item, Done done) {
    auto p = prepared(job);
    if (!p) {
        done(fail(p.error()));
        return;
    }
    const std::shared_ptr<Prepared> run = *p;
    const int i = item.input.value(QLatin1StringView("item")).toInt();
    const int v = item.input.value(QLatin1StringView("variant")).toInt();
    const int repeat = item.input.value(QLatin1StringView("repeat")).toInt(1);
    if (i < 1 || i > int(run->items.size()) || v < 0 || v >= int(run->variants.size())) {
        done(fail(ErrorCode::InvalidArgument, QStringLiteral("the item names no case of the dataset")));
        return;
    }
    const DatasetItem& data = run->items[std::size_t(i - 1)];
    const Prepared::Variant& variant = run->variants[std::size_t(v)];
    auto system = renderTemplateText(variant.system, data.values);
    auto user = renderTemplateText(variant.user, data.values);
    if (!system || !user) {
        const auto& problems = !system ? system.error() : user.error();
        done(fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("row %1: %2").arg(data.row).arg(problems.empty() ? QString() : problems.front().message)));
        return;
    }
    ChatRequest request;
    request.model = variant.definition.model;
    request.systemPrompt = *system;
    request.messages.push_back({Role::User, *user});
    request.stream = false;
    request.temperature = variant.settings.temperature;
    request.maxTokens = variant.settings.maxTokens;
    request.correlationId = newCorrelationId();
    qint64 reservationId = 0;
    if (m_budgets) {
        const qint64 tokens = countTokens(QString(*system + *user), request.model).tokens;
        auto reserved = m_budgets->reserveForAccount(
            m_actor.userId, m_budgets->estimate(variant.provider, request.model, tokens, request.maxTokens));
        if (!reserved) {
            done(fail(reserved.error())); // a budget reached pauses the run
            return;
        }
        reservationId = reserved->id;
    }
    RunSpec spec;
    spec.provider = variant.provider;
    spec.request = request;
    spec.batch = true;
    spec.purpose = RequestPurpose::Batch;
    spec.requesterId = m_actor.userId;
    auto reply = std::shared_ptr<RunningRequest>(m_runner.run(std::move(spec)).release(),
                                                 [](RunningRequest* r) { r->deleteLater(); });
    run->inFlight[item.position] = reply;
    LedgerEntry entry;
    entry.accountId = m_actor.userId;
    entry.provider = variant.provider.name;
    entry.model = request.model;
    entry.feature = QStringLiteral("experiment");
    entry.correlationId = request.correlationId;
    const QString sent = *system + QLatin1Char('\n') + *user;
    const qint64 position = item.position;
    const std::optional<QString> expected = data.expected;
    const int row = data.row;
    const QString label = variant.definition.label;
    QObject::connect(
        reply.get(), &ProviderReply::finished, m_context.get(),
        [this, run, position, entry, sent, reservationId, expected, i, v, repeat, row, label,
         done = std::move(done)](const ChatResult& result) mutable {
            run->inFlight.erase(position);
            if (result) {
                entry.modelReported = result->model;
                entry.setUsage(result->usage);
                entry.latencyMs = result->latencyMs;
                entry.outcome = result->cacheHit ? QStringLiteral("cached") : QStringLiteral("complete");
                if (!result->usageReported) {
                    entry.estimateUsage(sent, result->text);
                }
            } else {
                entry.outcome = QStringLiteral("failed");
            }
            std::optional<qint64> cost;
            if (m_ledger) {
                const LedgerEntry priced = m_ledger->priced(entry);
                cost = priced.costMicros;
                (void)m_ledger->record(priced);
            }
            if (m_budgets) {
                (void)m_budgets->settle(reservationId);
            }
            if (!result) {
                done(fail(result.error()));
                return;
            }
            AnswerFacts facts;
            facts.text = result->text;
            facts.expected = expected;
            facts.model = entry.model;
            facts.latencyMs = result->latencyMs;
            facts.costMicros = cost;
            const AnswerEvaluation evaluation =
                evaluateAnswer(run->experiment.definition.assertions, facts, run->experiment.definition.threshold);
            QJsonArray checks;
            for (const AssertionResult& check : evaluation.results) {
                checks.append(
                    QJsonObject{{QStringLiteral("pass"), check.pass}, {QStringLiteral("reason"), check.reason}});
            }
            done(QJsonObject{{QStringLiteral("item"), i},
                             {QStringLiteral("row"), row},
                             {QStringLiteral("variant"), v},
                             {QStringLiteral("label"), label},
                             {QStringLiteral("repeat"), repeat},
                             {QStringLiteral("answer"), result->text.left(maxAnswerKept)},
                             {QStringLiteral("pass"), evaluation.pass},
                             {QStringLiteral("score"), evaluation.score},
                             {QStringLiteral("cost_micros"), cost ? QJsonValue(double(*cost)) : QJsonValue()},
                             {QStringLiteral("latency_ms"), double(result->latencyMs)},
                             {QStringLiteral("input_tokens"), double(result->usage.inputTokens)},
                             {QStringLiteral("output_tokens"), double(result->usage.outputTokens)},
                             {QStringLiteral("cached"), result->cacheHit},
                             {QStringLiteral("checks"), checks}});
        });
}

ExperimentRuns::ExperimentRuns(const Database& db, JobStore& jobs, const ExperimentService& experiments,
                               const DatasetService& datasets, const PromptLibrary& prompts)
    : m_db(db)
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
            (void)m_jobs.setState(last->id, JobState::Cancelled, QStringLiteral("replaced by a new run"));
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
            const VariantResults& ra = results.variants[a];
            const VariantResults& rb = results.variants[b];
            pair.comparison = comparePassRates(ra.passed, ra.answers, rb.passed, rb.answers, finished);
            results.pairwise.push_back(pair);
        }
    }
    if (count >= 3 && !outcomes.empty()) {
        results.ranking = rankBradleyTerry(int(count), outcomes, 1000, 20261202);
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
