// The experiment job's items: each rendered, asked, checked by the assertions and the judge (ExperimentRuns.h).
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

void ExperimentJobHandler::stop(qint64 jobId, JobState state) {
    Q_UNUSED(state);
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

} // namespace Tessera::Core
