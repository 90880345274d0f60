#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "experiments/ExperimentStatistics.h"
#include "experiments/Experiments.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class BudgetGuard;
class Clock;
class Database;
class PromptLibrary;
class ProviderService;
class RequestRunner;
class RunningRequest;
class UsageLedger;

// Compare (View ▸ Compare, tessera-cli compare): 2 to 6 variants answer one input side by side. A variant is a
// template version (its parts rendered with the values, the input filling `input` or the template's one variable)
// or the input as it is (template "-"), each with a provider and a model.
namespace CompareLimits {
inline constexpr int minVariants = 2;
inline constexpr int maxVariants = 6;
} // namespace CompareLimits

// One variant's answer: its text (streamed as it comes), or the error; tokens, cost and latency.
struct CompareAnswer {
    QString text;
    std::optional<Error> error;
    bool done = false;
    qint64 latencyMs = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    std::optional<qint64> costMicros;
    QString model; // the model the provider says answered
};

// The variants' answers in flight: started together, in parallel; each streamed piece and each ending signalled.
class CompareSession final : public QObject {
    Q_OBJECT

public:
    ~CompareSession() override;
    const std::vector<ExperimentVariant>& variants() const { return m_variants; }
    const std::vector<CompareAnswer>& answers() const { return m_answers; }
    const QString& input() const { return m_input; }
    bool isFinished() const;
    // Stops the answers still coming (each ends with cancelled).
    void cancel();

Q_SIGNALS:
    void delta(int variant, const QString& text);
    void answered(int variant);
    void finished();

private:
    friend class CompareService;
    CompareSession() = default;
    std::vector<ExperimentVariant> m_variants;
    std::vector<CompareAnswer> m_answers;
    std::vector<std::shared_ptr<RunningRequest>> m_replies;
    QString m_input;
};

// A person's vote between answers to one input: for two answers the first or the second is better, a tie, or both
// are bad; for more, the best one. Stored as pairwise outcomes (both bad is a tie) with the input and the answers.
struct VoteDraft {
    QString source = QStringLiteral("compare"); // "compare" or "experiment"
    std::optional<qint64> experimentId;         // an experiment's case: its id, item and repeat
    int item = 0;
    int repeat = 0;
    QString input;
    std::vector<ExperimentVariant> variants; // as shown (an experiment's: the variant indices in `indices`)
    std::vector<int> indices;                // an experiment's variant index of each answer
    QStringList answers;
    bool blind = false;
    QString choice; // "1", "2", "tie", "bad" (two answers) or "best:N" (N from 1)
};

struct VoteInfo {
    qint64 id = 0;
    QString source;
    std::optional<qint64> experimentId;
    int item = 0;
    int repeat = 0;
    QString input;
    QStringList labels;
    std::vector<int> indices;
    QStringList answers;
    bool blind = false;
    QString choice;
    std::vector<PairOutcome> outcomes; // over `indices` (an experiment's) or the answers' order
    QDateTime createdAt;
};

// The pairwise outcomes a choice means, over answers 0..count-1. Errors: input.invalid for a choice that does not fit.
Result<std::vector<PairOutcome>> voteOutcomes(const QString& choice, int count);

// The owner's votes from the store, the newest first (all, or one experiment's); the service checks who asks.
Result<std::vector<VoteInfo>> readVotes(const Database& db, qint64 ownerId, std::optional<qint64> experimentId,
                                        int limit);

class CompareService final {
public:
    CompareService(const Database& db, const Clock& clock, const AuditLog& audit, const PromptLibrary& prompts,
                   const ProviderService& providers, const RequestRunner& runner, const BudgetGuard* budgets,
                   const UsageLedger* ledger);

    // Starts every variant's answer to the input (streamed when `stream`), each within the actor's budgets and
    // recorded in the ledger as the feature "compare". Needs experiments.run, each provider and model allowed for
    // the role. Errors: input.invalid (2 to 6 variants, distinct labels, a template the values cannot fill),
    // store.not_found, auth.forbidden, quota.exceeded.
    Result<std::unique_ptr<CompareSession>> start(const Actor& actor, const std::vector<ExperimentVariant>& variants,
                                                  const QString& input, const QHash<QString, QString>& values,
                                                  bool stream) const;
    // Records a vote (needs experiments.run); an experiment's must be the actor's.
    Result<VoteInfo> vote(const Actor& actor, const VoteDraft& draft) const;
    // The actor's votes, the newest first: all, or one experiment's.
    Result<std::vector<VoteInfo>> votes(const Actor& actor, std::optional<qint64> experimentId = std::nullopt,
                                        int limit = 1000) const;

private:
    const Database& m_db;
    const Clock& m_clock;
    const AuditLog& m_audit;
    const PromptLibrary& m_prompts;
    const ProviderService& m_providers;
    const RequestRunner& m_runner;
    const BudgetGuard* m_budgets;
    const UsageLedger* m_ledger;
};

} // namespace Tessera::Core
