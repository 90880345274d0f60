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

// What a run needs, read once per job: the definition, the dataset's items, each variant's parsed template version
// and provider, and the judge's.
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
    struct Judge {
        ProviderConfig provider;
        QString model;
        QString rubric;
        TemplateText system;
        TemplateText user;
        TemplateText pairSystem;
        TemplateText pairUser;
        bool pairwise = false;
    };
    std::optional<Judge> judge;
    std::multimap<qint64, std::shared_ptr<RunningRequest>> inFlight; // by item position
    qint64 spentMicros = 0; // the run's cost so far (answers and the judge's requests), for the cost cap
};

// One request's answer, as the item's result keeps it.
struct ExperimentJobHandler::Answered {
    QString text;
    qint64 latencyMs = 0;
    std::optional<qint64> costMicros;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    bool cached = false;
};

namespace {

Result<TemplateText> parsedText(const QString& text) {
    auto parsed = parseTemplateText(text);
    if (!parsed) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("line %1: %2").arg(parsed.error().line).arg(parsed.error().message));
    }
    return *parsed;
}

Result<QString> rendered(const TemplateText& text, const QHash<QString, QString>& values, const QString& where) {
    auto out = renderTemplateText(text, values);
    if (!out) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1: %2").arg(where, out.error().empty() ? QString() : out.error().front().message));
    }
    return *out;
}

// The dataset item as the pairwise judge sees it: its values, one per line.
QString caseText(const DatasetItem& item) {
    QStringList lines;
    QStringList names = item.values.keys();
    names.sort();
    for (const QString& name : names) {
        lines << QStringLiteral("%1: %2").arg(name, item.values.value(name));
    }
    return lines.join(QLatin1Char('\n'));
}

QString outcomeName(SwappedOutcome outcome) {
    switch (outcome) {
    case SwappedOutcome::AWins:
        return QStringLiteral("a");
    case SwappedOutcome::BWins:
        return QStringLiteral("b");
    case SwappedOutcome::Tie:
        return QStringLiteral("tie");
    }
    return QStringLiteral("tie");
}

QString choiceName(PairChoice choice) {
    return choice == PairChoice::First ? QStringLiteral("1")
                                       : (choice == PairChoice::Second ? QStringLiteral("2") : QStringLiteral("tie"));
}

} // namespace

ExperimentJobHandler::ExperimentJobHandler(Actor actor, const ExperimentService& experiments,
                                           const DatasetService& datasets, const PromptLibrary& prompts,
                                           const ProviderRepository& providers, const RequestRunner& runner,
                                           const JobStore& jobs, const BudgetGuard* budgets, const UsageLedger* ledger)
    : m_actor(std::move(actor))
    , m_experiments(experiments)
    , m_datasets(datasets)
    , m_prompts(prompts)
    , m_providers(providers)
    , m_runner(runner)
    , m_jobStore(jobs)
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
    const ExperimentDefinition& d = experiment->definition;
    if (!d.judgeProvider.isEmpty()) {
        Prepared::Judge judge;
        auto provider = m_providers.findByName(d.judgeProvider);
        if (!provider) {
            return fail(provider.error());
        }
        judge.provider = *provider;
        judge.model = d.judgeModel;
        judge.rubric = d.rubric.trimmed().isEmpty() ? JudgePrompts::defaultRubric() : d.rubric;
        judge.pairwise = d.pairwise;
        if (d.judgeTemplate.isEmpty()) {
            auto parsed = parsePrompt(JudgePrompts::gradingSystem(), JudgePrompts::gradingUser());
            if (!parsed) {
                return fail(parsed.error());
            }
            judge.system = parsed->system;
            judge.user = parsed->user;
        } else {
            auto version = m_prompts.version(m_actor, d.judgeTemplate, d.judgeTemplateVersion);
            if (!version) {
                return fail(version.error());
            }
            auto parsed = parsePrompt(version->systemText, version->userText);
            if (!parsed) {
                return fail(parsed.error());
            }
            judge.system = parsed->system;
            judge.user = parsed->user;
        }
        auto pairSystem = parsedText(JudgePrompts::pairwiseSystem());
        auto pairUser = parsedText(JudgePrompts::pairwiseUser());
        if (!pairSystem || !pairUser) {
            return fail(!pairSystem ? pairSystem.error() : pairUser.error());
        }
        judge.pairSystem = *pairSystem;
        judge.pairUser = *pairUser;
        p->judge = std::move(judge);
    }
    if (d.costCapMicros) {
        // What the run has spent before this process took it up.
        Actor owner;
        owner.userId = job.ownerId;
        auto done = m_jobStore.items(owner, job.id);
        if (!done) {
            return fail(done.error());
        }
        for (const JobItem& item : *done) {
            p->spentMicros += qint64(item.result.value(QLatin1StringView("cost_micros")).toDouble()) +
                              qint64(item.result.value(QLatin1StringView("judge"))
                                         .toObject()
                                         .value(QLatin1StringView("cost_micros"))
                                         .toDouble()) +
                              qint64(item.result.value(QLatin1StringView("pairwise_cost_micros")).toDouble());
        }
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

void ExperimentJobHandler::ask(const std::shared_ptr<Prepared>& run, qint64 position, const ProviderConfig& provider,
                               ChatRequest request, const QString& feature, bool fresh,
                               std::function<void(Result<Answered>)> then) {
    request.stream = false;
    request.correlationId = newCorrelationId();
    const QString sent = request.systemPrompt + QLatin1Char('\n') +
                         (request.messages.empty() ? QString() : request.messages.back().content);
    qint64 reservationId = 0;
    if (m_budgets) {
        const qint64 tokens = countTokens(sent, request.model).tokens;
        auto reserved = m_budgets->reserveForAccount(
            m_actor.userId, m_budgets->estimate(provider, request.model, tokens, request.maxTokens));
        if (!reserved) {
            then(fail(reserved.error())); // a budget reached pauses the run
            return;
        }
        reservationId = reserved->id;
    }
    LedgerEntry entry;
    entry.accountId = m_actor.userId;
    entry.provider = provider.name;
    entry.model = request.model;
    entry.feature = feature;
    entry.correlationId = request.correlationId;
    RunSpec spec;
    spec.provider = provider;
    spec.request = std::move(request);
    spec.batch = true;
    spec.cache = fresh || !run->experiment.definition.useCache ? CacheMode::Refresh : CacheMode::Default;
    spec.purpose = RequestPurpose::Batch;
    spec.requesterId = m_actor.userId;
    auto reply = std::shared_ptr<RunningRequest>(m_runner.run(std::move(spec)).release(),
                                                 [](RunningRequest* r) { r->deleteLater(); });
    run->inFlight.emplace(position, reply);
    RunningRequest* const key = reply.get();
    QObject::connect(reply.get(), &ProviderReply::finished, m_context.get(),
                     [this, run, position, key, entry, sent, reservationId,
                      then = std::move(then)](const ChatResult& result) mutable {
                         for (auto [it, end] = run->inFlight.equal_range(position); it != end; ++it) {
                             if (it->second.get() == key) {
                                 run->inFlight.erase(it);
                                 break;
                             }
                         }
                         entry.setResult(result, sent);
                         std::optional<qint64> cost;
                         if (m_ledger) {
                             const LedgerEntry priced = m_ledger->priced(entry);
                             cost = priced.costMicros;
                             (void)m_ledger->record(priced);
                         }
                         run->spentMicros += cost.value_or(0);
                         if (m_budgets) {
                             (void)m_budgets->settle(reservationId);
                         }
                         if (!result) {
                             then(fail(result.error()));
                             return;
                         }
                         Answered answered;
                         answered.text = result->text;
                         answered.latencyMs = result->latencyMs;
                         answered.costMicros = cost;
                         answered.inputTokens = result->usage.inputTokens;
                         answered.outputTokens = result->usage.outputTokens;
                         answered.cached = result->cacheHit;
                         then(std::move(answered));
                     });
}

void ExperimentJobHandler::run(const JobInfo& job, const JobItem& item, Done done) {
    auto p = prepared(job);
    if (!p) {
        done(fail(p.error()));
        return;
    }
    const std::shared_ptr<Prepared> run = *p;
    if (const auto cap = run->experiment.definition.costCapMicros; cap && run->spentMicros >= *cap) {
        // The cap is reached: the run pauses with the reason, and this item waits.
        done(fail(ErrorCode::QuotaExceeded, QStringLiteral("the experiment's cost cap of $%1 is reached ($%2 spent)")
                                                .arg(double(*cap) / 1'000'000.0, 0, 'f', 2)
                                                .arg(double(run->spentMicros) / 1'000'000.0, 0, 'f', 4)));
        return;
    }
    const int i = item.input.value(QLatin1StringView("item")).toInt();
    const int v = item.input.value(QLatin1StringView("variant")).toInt();
    const int repeat = item.input.value(QLatin1StringView("repeat")).toInt(1);
    if (i < 1 || i > int(run->items.size()) || v < 0 || v >= int(run->variants.size())) {
        done(fail(ErrorCode::InvalidArgument, QStringLiteral("the item names no case of the dataset")));
        return;
    }
    const DatasetItem& data = run->items[std::size_t(i - 1)];
    const Prepared::Variant& variant = run->variants[std::size_t(v)];
    const QString row = QStringLiteral("row %1").arg(data.row);
    auto system = rendered(variant.system, data.values, row);
    auto user = rendered(variant.user, data.values, row);
    if (!system || !user) {
        done(fail(!system ? system.error() : user.error()));
        return;
    }
    ChatRequest request;
    request.model = variant.definition.model;
    request.systemPrompt = *system;
    request.messages.push_back({Role::User, *user});
    request.temperature = variant.settings.temperature;
    request.maxTokens = variant.settings.maxTokens;
    const QString model = request.model;
    const QString input = *user;
    // A repeat is a new sample: never the cached answer of the first.
    ask(run, item.position, variant.provider, std::move(request), QStringLiteral("experiment"), repeat > 1,
        [this, run, job, item, i, v, repeat, model, input, done = std::move(done)](Result<Answered> answered) mutable {
            if (!answered) {
                done(fail(answered.error()));
                return;
            }
            const DatasetItem& kase = run->items[std::size_t(i - 1)];
            AnswerFacts facts;
            facts.text = answered->text;
            facts.expected = kase.expected;
            facts.model = model;
            facts.latencyMs = answered->latencyMs;
            facts.costMicros = answered->costMicros;
            std::vector<WeightedResult> checks;
            for (const Assertion& a : run->experiment.definition.assertions) {
                checks.push_back({evaluateAssertion(a, facts), a.weight});
            }
            QJsonObject result{{QStringLiteral("item"), i},
                               {QStringLiteral("row"), kase.row},
                               {QStringLiteral("variant"), v},
                               {QStringLiteral("label"), run->variants[std::size_t(v)].definition.label},
                               {QStringLiteral("repeat"), repeat},
                               {QStringLiteral("answer"), answered->text.left(maxAnswerKept)},
                               {QStringLiteral("cost_micros"),
                                answered->costMicros ? QJsonValue(double(*answered->costMicros)) : QJsonValue()},
                               {QStringLiteral("latency_ms"), double(answered->latencyMs)},
                               {QStringLiteral("input_tokens"), double(answered->inputTokens)},
                               {QStringLiteral("output_tokens"), double(answered->outputTokens)},
                               {QStringLiteral("cached"), answered->cached}};
            auto finish = [this, run, job, item, v, done](QJsonObject out, std::vector<WeightedResult> all) mutable {
                const AnswerEvaluation evaluation = scoreResults(std::move(all), run->experiment.definition.threshold);
                QJsonArray list;
                for (const AssertionResult& check : evaluation.results) {
                    list.append(QJsonObject{{QStringLiteral("pass"), check.pass},
                                            {QStringLiteral("score"), check.score},
                                            {QStringLiteral("reason"), check.reason}});
                }
                out.insert(QStringLiteral("pass"), evaluation.pass);
                out.insert(QStringLiteral("score"), evaluation.score);
                out.insert(QStringLiteral("checks"), list);
                judgePairs(run, job, item, v, std::move(out), std::move(done));
            };
            if (!run->judge) {
                finish(std::move(result), std::move(checks));
                return;
            }
            // The judge grades the answer against the rubric: one more check, weighing 1.
            const Prepared::Judge& judge = *run->judge;
            QHash<QString, QString> values{{QStringLiteral("rubric"), judge.rubric},
                                           {QStringLiteral("input"), input},
                                           {QStringLiteral("answer"), answered->text},
                                           {QStringLiteral("expected"), kase.expected.value_or(QString())}};
            auto judgeSystem = rendered(judge.system, values, QStringLiteral("the judge's template"));
            auto judgeUser = rendered(judge.user, values, QStringLiteral("the judge's template"));
            if (!judgeSystem || !judgeUser) {
                done(fail(!judgeSystem ? judgeSystem.error() : judgeUser.error()));
                return;
            }
            ChatRequest grading;
            grading.model = judge.model;
            grading.systemPrompt = *judgeSystem;
            grading.messages.push_back({Role::User, *judgeUser});
            grading.temperature = 0.0;
            ask(run, item.position, judge.provider, std::move(grading), QStringLiteral("judge"), false,
                [result = std::move(result), checks = std::move(checks), finish = std::move(finish),
                 done](Result<Answered> graded) mutable {
                    if (!graded) {
                        Error error = graded.error();
                        error.detail = QStringLiteral("the judge: ") + error.detail;
                        done(fail(error));
                        return;
                    }
                    AssertionResult check;
                    auto grade = parseJudgeGrade(graded->text);
                    if (grade) {
                        check.pass = grade->pass;
                        check.score = grade->score;
                        check.reason = QStringLiteral("judge: %1").arg(grade->reason);
                    } else {
                        check.reason = grade.error().detail; // an answer that is not a grade fails the check
                    }
                    result.insert(
                        QStringLiteral("judge"),
                        QJsonObject{{QStringLiteral("score"), check.score},
                                    {QStringLiteral("pass"), check.pass},
                                    {QStringLiteral("reason"), check.reason},
                                    {QStringLiteral("cost_micros"),
                                     graded->costMicros ? QJsonValue(double(*graded->costMicros)) : QJsonValue()}});
                    checks.push_back({check, 1.0});
                    finish(std::move(result), std::move(checks));
                });
        });
}

void ExperimentJobHandler::judgePairs(const std::shared_ptr<Prepared>& run, const JobInfo& job, const JobItem& item,
                                      int v, QJsonObject result, Done done) {
    const std::size_t count = run->variants.size();
    if (!run->judge || !run->judge->pairwise || count < 2) {
        done(std::move(result));
        return;
    }
    // The item's answers lie side by side in the job (item × repeat × variant): the last of them to come in has
    // the judge compare every pair, twice with the places swapped.
    const qint64 base = item.position - v;
    Actor owner;
    owner.userId = job.ownerId;
    auto siblings = m_jobStore.items(owner, job.id, false, base - 1, qint64(count));
    if (!siblings) {
        done(fail(siblings.error()));
        return;
    }
    std::vector<std::optional<QString>> answers(count);
    for (const JobItem& sibling : *siblings) {
        const int w = sibling.input.value(QLatin1StringView("variant")).toInt();
        if (sibling.position == item.position || w < 0 || std::size_t(w) >= count ||
            sibling.input.value(QLatin1StringView("item")) != item.input.value(QLatin1StringView("item")) ||
            sibling.input.value(QLatin1StringView("repeat")) != item.input.value(QLatin1StringView("repeat"))) {
            continue;
        }
        if (sibling.state == JobItemState::Pending) {
            done(std::move(result)); // another answer is still to come: that one's item judges
            return;
        }
        if (sibling.state == JobItemState::Done) {
            answers[std::size_t(w)] = sibling.result.value(QLatin1StringView("answer")).toString();
        }
    }
    answers[std::size_t(v)] = result.value(QLatin1StringView("answer")).toString();
    const int i = item.input.value(QLatin1StringView("item")).toInt();
    const QString input = caseText(run->items[std::size_t(i - 1)]);
    struct Pair {
        int a = 0;
        int b = 0;
        std::optional<PairJudgement> aFirst;
        std::optional<PairJudgement> bFirst;
    };
    struct State {
        std::vector<Pair> pairs;
        int waiting = 0;
        qint64 costMicros = 0;
        std::optional<Error> error;
        QJsonObject result;
        Done done;
    };
    auto state = std::make_shared<State>();
    state->result = std::move(result);
    state->done = std::move(done);
    for (std::size_t a = 0; a < count; ++a) {
        for (std::size_t b = a + 1; b < count; ++b) {
            if (answers[a] && answers[b]) {
                state->pairs.push_back({int(a), int(b), std::nullopt, std::nullopt});
            }
        }
    }
    if (state->pairs.empty()) {
        state->done(std::move(state->result));
        return;
    }
    state->waiting = int(state->pairs.size()) * 2;
    const auto settle = [state] {
        if (--state->waiting > 0) {
            return;
        }
        if (state->error) {
            state->done(fail(*state->error));
            return;
        }
        QJsonArray judged;
        for (const Pair& pair : state->pairs) {
            const SwappedOutcome outcome = combineSwapped(pair.aFirst->choice, pair.bFirst->choice);
            judged.append(QJsonObject{{QStringLiteral("a"), pair.a},
                                      {QStringLiteral("b"), pair.b},
                                      {QStringLiteral("outcome"), outcomeName(outcome)},
                                      {QStringLiteral("a_first"), choiceName(pair.aFirst->choice)},
                                      {QStringLiteral("b_first"), choiceName(pair.bFirst->choice)},
                                      {QStringLiteral("reason"), pair.aFirst->reason}});
        }
        state->result.insert(QStringLiteral("pairwise"), judged);
        state->result.insert(QStringLiteral("pairwise_cost_micros"), double(state->costMicros));
        state->done(std::move(state->result));
    };
    const Prepared::Judge& judge = *run->judge;
    for (std::size_t n = 0; n < state->pairs.size(); ++n) {
        for (const bool swapped : {false, true}) {
            const Pair& pair = state->pairs[n];
            const QString& one = *answers[std::size_t(swapped ? pair.b : pair.a)];
            const QString& two = *answers[std::size_t(swapped ? pair.a : pair.b)];
            QHash<QString, QString> values{{QStringLiteral("rubric"), judge.rubric},
                                           {QStringLiteral("input"), input},
                                           {QStringLiteral("answer_1"), one},
                                           {QStringLiteral("answer_2"), two}};
            ChatRequest compare;
            compare.model = judge.model;
            compare.systemPrompt = renderTemplateText(judge.pairSystem, values).value_or(QString());
            compare.messages.push_back({Role::User, renderTemplateText(judge.pairUser, values).value_or(QString())});
            compare.temperature = 0.0;
            ask(run, item.position, judge.provider, std::move(compare), QStringLiteral("judge"), false,
                [state, n, swapped, settle](Result<Answered> answered) {
                    Pair& judgedPair = state->pairs[n];
                    std::optional<PairJudgement>& slot = swapped ? judgedPair.bFirst : judgedPair.aFirst;
                    if (answered) {
                        state->costMicros += answered->costMicros.value_or(0);
                    }
                    if (!answered) {
                        if (!state->error) {
                            Error error = answered.error();
                            error.detail = QStringLiteral("the pairwise judge: ") + error.detail;
                            state->error = error;
                        }
                        slot = PairJudgement{};
                    } else if (auto judgement = parsePairJudgement(answered->text)) {
                        slot = *judgement;
                    } else {
                        slot = PairJudgement{PairChoice::Tie, judgement.error().detail}; // no choice: a tie
                    }
                    settle();
                });
        }
    }
}

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
