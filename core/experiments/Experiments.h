#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "experiments/Assertions.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class Clock;
class Database;
class DatasetService;
class PromptLibrary;
class ProviderService;

// One side of an experiment: a template version answered by a provider's model.
struct ExperimentVariant {
    QString label; // "A", "B", "short-prompt"
    QString templateName;
    std::optional<int> version; // pinned when given; else the template's production version when the run starts
    QString provider;
    QString model;
    bool operator==(const ExperimentVariant&) const = default;
};

// An experiment's definition: its variants answer every item of the dataset (`repeats` times), and each answer is
// checked by the assertions (passing by promptfoo's rule, with the threshold when set).
struct ExperimentDefinition {
    QString name;
    QString dataset;
    std::vector<ExperimentVariant> variants;
    std::vector<Assertion> assertions;
    std::optional<double> threshold;
    QString judgeProvider; // an LLM judge, when set: each answer graded against the rubric
    QString judgeModel;
    QString rubric;                          // empty: the default rubric
    QString judgeTemplate;                   // the grading prompt, a template of the library ('' the default)
    std::optional<int> judgeTemplateVersion; // its version (else its production one)
    bool pairwise = false;                   // the judge also compares the variants' answers two by two
    int concurrency = 4;
    int repeats = 1;
    // Answers from the response cache (as the batch cache setting says) for the first repeat; with it off, or for
    // later repeats, every answer is asked afresh (and stored).
    bool useCache = true;
    // The run pauses once its answers and the judge's requests have cost this much (the answers in flight still
    // come); unset: no cap but the budgets.
    std::optional<qint64> costCapMicros;
};

struct ExperimentInfo {
    qint64 id = 0;
    qint64 ownerId = 0;
    ExperimentDefinition definition;
    QDateTime createdAt;
    std::optional<qint64> jobId; // its latest run
};

namespace ExperimentLimits {
inline constexpr int minVariants = 2;
inline constexpr int maxVariants = 6;
inline constexpr int maxRepeats = 20;
inline constexpr int maxAssertions = 50;
inline constexpr int maxRubricLength = 10'000;
} // namespace ExperimentLimits

// `--variant LABEL=TEMPLATE[@VERSION],PROVIDER,MODEL` as the CLI takes it. Errors: input.invalid saying what is wrong.
Result<ExperimentVariant> parseExperimentVariant(const QString& text);

// Experiments (core/experiments). Each belongs to the person who made it; names are unique in the store. Making and
// removing one needs experiments.run and is audited. A definition is checked when it is made: its dataset is the
// owner's, 2 to 6 variants with distinct labels, each template version usable and the dataset's items able to fill
// it, each provider and model one the owner's role may use.
class ExperimentService final {
public:
    ExperimentService(const Database& db, const Clock& clock, const AuditLog& audit, const DatasetService& datasets,
                      const PromptLibrary& prompts, const ProviderService& providers);

    // Errors: input.invalid (naming the variant or the rows a template cannot use), store.not_found (the dataset,
    // a template, a provider), store.already_exists, auth.forbidden.
    Result<ExperimentInfo> create(const Actor& actor, const ExperimentDefinition& definition);
    Result<std::vector<ExperimentInfo>> list(const Actor& actor) const;
    Result<ExperimentInfo> get(const Actor& actor, const QString& name) const;
    Status remove(const Actor& actor, const QString& name);

private:
    Status validate(const Actor& actor, const ExperimentDefinition& definition) const;

    const Database& m_db;
    const Clock& m_clock;
    const AuditLog& m_audit;
    const DatasetService& m_datasets;
    const PromptLibrary& m_prompts;
    const ProviderService& m_providers;
};

} // namespace Tessera::Core
