#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "experiments/ExperimentStatistics.h"
#include "experiments/Experiments.h"
#include "jobs/JobRunner.h"
#include "providers/ChatRequest.h"
#include "providers/ProviderConfig.h"

#include <QHash>

#include <map>
#include <memory>

namespace Tessera::Core {

class AuditLog;
class BudgetGuard;
class DatasetService;
class PromptLibrary;
class ProviderRepository;
class RequestRunner;
class UsageLedger;
struct TemplateText;

// An experiment's run is a background job of the kind "experiment": one item per dataset item, variant and repeat.
// Each item renders its variant's template version with the item's values, asks the variant's provider and model
// (through the request runner: retries, rate limits, the response cache as set), within the owner's budgets
// (a budget reached pauses the run), records the request in the usage ledger as the feature "experiment", and
// checks the answer against the experiment's assertions. The item's result keeps the answer, pass, score, cost,
// latency and tokens.
class ExperimentJobHandler final : public JobHandler {
public:
    static constexpr int maxAnswerKept = 20'000; // characters of an answer kept in its result

    ExperimentJobHandler(Actor actor, const ExperimentService& experiments, const DatasetService& datasets,
                         const PromptLibrary& prompts, const ProviderRepository& providers, const RequestRunner& runner,
                         const JobStore& jobs, const BudgetGuard* budgets, const UsageLedger* ledger);
    ~ExperimentJobHandler() override;

    void run(const JobInfo& job, const JobItem& item, Done done) override;
    QString resource(const JobInfo& job, const JobItem& item) const override;
    void stop(qint64 jobId, JobState state) override;

private:
    struct Prepared;
    struct Answered;
    Result<std::shared_ptr<Prepared>> prepared(const JobInfo& job);
    // Asks a provider within the owner's budgets (from the response cache when the experiment uses it and the
    // answer need not be `fresh`), records the request in the ledger as `feature`, and keeps it cancellable by
    // stop().
    void ask(const std::shared_ptr<Prepared>& run, qint64 position, const ProviderConfig& provider, ChatRequest request,
             const QString& feature, bool fresh, std::function<void(Result<Answered>)> then);
    // With a pairwise judge, the last answer of an item to come in has every pair of the item's answers compared.
    void judgePairs(const std::shared_ptr<Prepared>& run, const JobInfo& job, const JobItem& item, int v,
                    QJsonObject result, Done done);

    Actor m_actor;
    const ExperimentService& m_experiments;
    const DatasetService& m_datasets;
    const PromptLibrary& m_prompts;
    const ProviderRepository& m_providers;
    const RequestRunner& m_runner;
    const JobStore& m_jobStore;
    const BudgetGuard* m_budgets;
    const UsageLedger* m_ledger;
    std::map<qint64, std::shared_ptr<Prepared>> m_jobs;
    std::unique_ptr<QObject> m_context;
};

// Per variant: answers, passes (with the Wilson interval), mean score, cost and latency.
struct VariantResults {
    QString label;
    qint64 answers = 0;
    qint64 passed = 0;
    qint64 failed = 0; // requests that failed (not answers)
    Interval interval{0.0, 1.0};
    double meanScore = 0;
    qint64 costMicros = 0;
    qint64 unpriced = 0;
    qint64 p50LatencyMs = 0;
    qint64 p95LatencyMs = 0;
    double passRate() const { return answers > 0 ? double(passed) / double(answers) : 0.0; }
};

// Between two variants, item by item (a repeat is an item of its own): who scored higher.
struct PairwiseResults {
    int first = 0;
    int second = 0;
    qint64 wins = 0; // the first scored higher
    qint64 ties = 0;
    qint64 losses = 0;
    qint64 judged = 0; // the pairwise judge's judgements of the pair (each asked in both orders)
    qint64 judgeWins = 0;
    qint64 judgeTies = 0;
    qint64 judgeLosses = 0;
    qint64 voted = 0; // people's votes between the pair (a blind review of the answers)
    qint64 voteWins = 0;
    qint64 voteTies = 0;
    qint64 voteLosses = 0;
    qint64 judgeAndVote = 0; // cases both the judge and a person judged
    qint64 agreements = 0;   // of those, how many they judged alike
    std::optional<double> agreement() const {
        return judgeAndVote > 0 ? std::optional<double>(double(agreements) / double(judgeAndVote)) : std::nullopt;
    }
    PassComparison comparison;
};

struct ExperimentResults {
    ExperimentInfo experiment;
    std::optional<JobInfo> job;
    std::vector<VariantResults> variants;
    std::vector<PairwiseResults> pairwise;
    std::optional<BradleyTerryRanking> ranking; // three or more variants
    QString rankedBy;                           // "votes and judge", "votes", "judge" (pairwise judgements) or "scores"
    QString verdict;                            // in plain words (English)
    // The verdict's parts, for saying it in another language: the variant that passed most (best), the next one,
    // and their comparison (decision.verdict is SecondBetter when best is the winner). -1 before a run.
    int best = -1;
    int runnerUp = -1;
    PassComparison decision;
    std::optional<int> winner() const {
        return best >= 0 && decision.verdict == PassComparison::Verdict::SecondBetter ? std::optional<int>(best)
                                                                                      : std::nullopt;
    }
};

// Starts and reads an experiment's runs.
class ExperimentRuns final {
public:
    ExperimentRuns(const Database& db, const AuditLog& audit, JobStore& jobs, const ExperimentService& experiments,
                   const DatasetService& datasets, PromptLibrary& prompts);

    // The run's job: the interrupted or paused run to continue, else (or with `restart`) a new one whose variants'
    // versions are fixed now (a variant without a version takes the template's production version).
    Result<JobInfo> prepare(const Actor& actor, const QString& name, bool restart);
    Result<ExperimentResults> results(const Actor& actor, const QString& name) const;

    struct Promotion {
        QString templateName;
        int version = 0;
        std::optional<int> previous; // the version production pointed at before
    };
    // Moves the `production` label of the variant's template to the version the variant ran with, audited as
    // experiment.promote (the actor must be allowed to edit the template). Errors: store.not_found (the experiment or
    // the variant), input.invalid (it has not run yet), auth.forbidden.
    Result<Promotion> promote(const Actor& actor, const QString& name, const QString& variant) const;

    // The answers of one variant (the winner unless named) that passed, as OpenAI chat-format fine-tuning JSONL:
    // for each case its prompt as the variant asked it (system and user) and the answer, the first passing repeat
    // only; checked as fine-tuning data is. Errors: input.invalid (no winner and no variant named, no passing answer),
    // store.not_found.
    struct WinningAnswers {
        QString variant;
        int examples = 0;
        QByteArray jsonl;
    };
    Result<WinningAnswers> winningAnswers(const Actor& actor, const QString& name, const QString& variant = {}) const;
    // A worker thread that read results is done with the store: its connection closes.
    void finishThread() const;

private:
    const Database& m_db;
    const AuditLog& m_audit;
    JobStore& m_jobs;
    const ExperimentService& m_experiments;
    const DatasetService& m_datasets;
    PromptLibrary& m_prompts;
};

} // namespace Tessera::Core
