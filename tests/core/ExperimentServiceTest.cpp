// Experiments' definitions on both engines: made from a dataset and 2 to 6 variants (each a template version with a
// provider and model), checked when made (the dataset's rows must fill each template, each provider and model must
// be one the role may use, labels distinct), read back as made, unique by name, their dataset kept while they use
// it; experiments.run needed and audited.
#include "experiments/Experiments.h"

#include "experiments/Compare.h"
#include "experiments/Datasets.h"
#include "experiments/ExperimentRuns.h"
#include "prompts/PromptLibrary.h"
#include "providers/ProviderService.h"

#include "support/CoreFixture.h"
#include "support/QtPrinters.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;

namespace {

class ExperimentServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        prompts = std::make_unique<PromptLibrary>(*core.db, core.clock, *core.audit);
        datasets = std::make_unique<DatasetService>(*core.db, core.clock, *core.audit, *prompts);
        providerService = std::make_unique<ProviderService>(*core.providers, core.secrets);
        experiments = std::make_unique<ExperimentService>(*core.db, core.clock, *core.audit, *datasets, *prompts,
                                                          *providerService);
        core.addProvider(QStringLiteral("openai"), QStringLiteral("http://127.0.0.1:9/v1"));
        DatasetContent content;
        content.columns = {QStringLiteral("city")};
        for (const char* city : {"Oslo", "Lima", "Rome"}) {
            DatasetItem item;
            item.row = int(content.items.size()) + 2;
            item.values.insert(QStringLiteral("city"), QString::fromUtf8(city));
            content.items.push_back(item);
        }
        ASSERT_TRUE(datasets->create(owner, QStringLiteral("Cities"), content, QStringLiteral("cities.csv")));
        PromptDraft draft;
        draft.name = QStringLiteral("Trip");
        draft.userText = QStringLiteral("Plan a day in {{city}}.");
        ASSERT_TRUE(prompts->create(owner, draft));
        draft.userText = QStringLiteral("Plan a short, cheap day in {{city}}.");
        ASSERT_TRUE(prompts->update(owner, QStringLiteral("Trip"), draft));
        draft.name = QStringLiteral("Letter");
        draft.userText = QStringLiteral("Write to {{person}} about {{city}}.");
        ASSERT_TRUE(prompts->create(owner, draft));
    }

    ExperimentDefinition definition() const {
        ExperimentDefinition d;
        d.name = QStringLiteral("Short or long");
        d.dataset = QStringLiteral("cities");
        d.variants = {*parseExperimentVariant(QStringLiteral("A=Trip@1,openai,gpt-4o-mini")),
                      *parseExperimentVariant(QStringLiteral("B=Trip@2,openai,gpt-4o-mini"))};
        d.assertions = {*parseAssertion(QStringLiteral("icontains:museum:2")),
                        *parseAssertion(QStringLiteral("max-length:800"))};
        d.threshold = 0.5;
        d.concurrency = 8;
        d.repeats = 2;
        return d;
    }

    CoreFixture core;
    std::unique_ptr<PromptLibrary> prompts;
    std::unique_ptr<DatasetService> datasets;
    std::unique_ptr<ProviderService> providerService;
    std::unique_ptr<ExperimentService> experiments;
    const Actor owner = Actor::owner(ClientKind::Test);
};

} // namespace

TEST_F(ExperimentServiceTest, AVariantIsWrittenAsTheCommandLineTakesIt) {
    const ExperimentVariant v = *parseExperimentVariant(QStringLiteral(" B = Summary@3 , openai , gpt-4o-mini "));
    EXPECT_EQ(v.label, QStringLiteral("B"));
    EXPECT_EQ(v.templateName, QStringLiteral("Summary"));
    EXPECT_EQ(v.version, 3);
    EXPECT_EQ(v.provider, QStringLiteral("openai"));
    EXPECT_EQ(v.model, QStringLiteral("gpt-4o-mini"));
    EXPECT_FALSE(parseExperimentVariant(QStringLiteral("Summary,openai,gpt")).has_value()) << "no label";
    EXPECT_FALSE(parseExperimentVariant(QStringLiteral("A=Summary,openai")).has_value());
    EXPECT_FALSE(parseExperimentVariant(QStringLiteral("A=Summary@0,openai,m")).has_value());
    EXPECT_FALSE(parseExperimentVariant(QStringLiteral("A=,openai,m")).has_value());
}

TEST_F(ExperimentServiceTest, AnExperimentIsMadeCheckedAndReadBackAsMade) {
    auto made = experiments->create(owner, definition());
    ASSERT_TRUE(made) << made.error().toLogString().toStdString();
    const ExperimentDefinition& d = made->definition;
    EXPECT_EQ(d.name, QStringLiteral("Short or long"));
    EXPECT_EQ(d.dataset, QStringLiteral("Cities")) << "the dataset's own name";
    EXPECT_EQ(d.variants, definition().variants);
    EXPECT_EQ(d.assertions, definition().assertions);
    EXPECT_EQ(d.threshold, 0.5);
    EXPECT_EQ(d.concurrency, 8);
    EXPECT_EQ(d.repeats, 2);
    EXPECT_FALSE(made->jobId);
    ASSERT_EQ(experiments->list(owner)->size(), 1u);
    EXPECT_EQ(experiments->get(owner, QStringLiteral("SHORT OR LONG"))->id, made->id);
    EXPECT_EQ(experiments->create(owner, definition()).error().code, ErrorCode::AlreadyExists);

    // The dataset stays while the experiment runs over it.
    auto kept = datasets->remove(owner, QStringLiteral("Cities"));
    ASSERT_FALSE(kept);
    EXPECT_TRUE(kept.error().detail.contains(QStringLiteral("Short or long"))) << kept.error().detail.toStdString();
    ASSERT_TRUE(experiments->remove(owner, QStringLiteral("Short or long")));
    EXPECT_TRUE(datasets->remove(owner, QStringLiteral("Cities")));
    auto audited =
        core.db->exec(QStringLiteral("SELECT action FROM audit_log WHERE action LIKE 'experiment.%' ORDER BY id"));
    QStringList actions;
    while (audited && audited->next()) {
        actions << audited->value(0).toString();
    }
    EXPECT_EQ(actions, (QStringList{QStringLiteral("experiment.create"), QStringLiteral("experiment.remove")}));
}

TEST_F(ExperimentServiceTest, ABadDefinitionIsRefusedSayingWhatIsWrong) {
    const auto refused = [&](const ExperimentDefinition& d) {
        auto result = experiments->create(owner, d);
        EXPECT_FALSE(result);
        return result ? Error{} : result.error();
    };
    ExperimentDefinition d = definition();
    d.variants.pop_back();
    EXPECT_TRUE(refused(d).detail.contains(QStringLiteral("2 to 6 variants")));
    d = definition();
    d.variants[1].label = QStringLiteral("a");
    EXPECT_TRUE(refused(d).detail.contains(QStringLiteral("two variants are labelled")));
    d = definition();
    d.variants[1] = *parseExperimentVariant(QStringLiteral("B=Letter,openai,gpt-4o-mini"));
    const Error unfilled = refused(d);
    EXPECT_EQ(unfilled.code, ErrorCode::InvalidArgument);
    EXPECT_EQ(unfilled.detail, QStringLiteral("variant B (Letter): the dataset Cities cannot fill the template: person "
                                              "is missing in rows 2, 3, 4"));
    d = definition();
    d.variants[0] = *parseExperimentVariant(QStringLiteral("A=Trip@9,openai,gpt-4o-mini"));
    EXPECT_EQ(refused(d).code, ErrorCode::NotFound);
    d = definition();
    d.variants[0].provider = QStringLiteral("nowhere");
    EXPECT_TRUE(refused(d).detail.startsWith(QStringLiteral("variant A (Trip@1): ")));
    d = definition();
    d.dataset = QStringLiteral("missing");
    EXPECT_EQ(refused(d).code, ErrorCode::NotFound);
    d = definition();
    d.repeats = 0;
    EXPECT_EQ(refused(d).code, ErrorCode::InvalidArgument);
    d = definition();
    d.threshold = 1.5;
    EXPECT_EQ(refused(d).code, ErrorCode::InvalidArgument);
    d = definition();
    d.judgeProvider = QStringLiteral("openai");
    EXPECT_EQ(refused(d).code, ErrorCode::AuthForbidden) << "a judge needs a model";
    EXPECT_TRUE(experiments->list(owner)->empty()) << "nothing was stored";

    // A role limited to other models, and a role without experiments.run.
    Actor limited = owner;
    limited.allowedProviders = {QStringLiteral("openai/gpt-5.4")};
    auto forbidden = experiments->create(limited, definition());
    ASSERT_FALSE(forbidden);
    EXPECT_EQ(forbidden.error().code, ErrorCode::AuthForbidden);
    EXPECT_TRUE(forbidden.error().detail.contains(QStringLiteral("may not use gpt-4o-mini of openai")))
        << forbidden.error().detail.toStdString();
    const Actor auditor = Actor::withRole(9, QStringLiteral("aud"), BuiltInRole::Auditor, ClientKind::Test);
    EXPECT_EQ(experiments->create(auditor, definition()).error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(experiments->list(auditor).error().code, ErrorCode::AuthForbidden);
    EXPECT_TRUE(experiments->create(owner, definition())) << "the definition itself is good";
}

TEST_F(ExperimentServiceTest, PeoplesVotesCountInTheResultsWithTheirAgreementWithTheJudge) {
    JobStore jobs(*core.db, core.clock);
    ExperimentRuns runs(*core.db, *core.audit, jobs, *experiments, *datasets, *prompts);
    CompareService compare(*core.db, core.clock, *core.audit, *prompts, *providerService, *core.runner, nullptr,
                           nullptr);
    ExperimentDefinition d = definition();
    d.repeats = 1;
    d.variants.push_back(*parseExperimentVariant(QStringLiteral("C=Trip@1,openai,gpt-4o")));
    d.judgeProvider = QStringLiteral("openai");
    d.judgeModel = QStringLiteral("gpt-4o");
    d.pairwise = true;
    auto made = experiments->create(owner, d);
    ASSERT_TRUE(made) << made.error().toLogString().toStdString();
    auto job = runs.prepare(owner, d.name, false);
    ASSERT_TRUE(job);
    // The run, as the handler leaves it: every answer scored; on each case the judge found B better than A.
    auto items = jobs.items(owner, job->id);
    ASSERT_TRUE(items);
    for (const JobItem& item : *items) {
        const int v = item.input.value(QLatin1StringView("variant")).toInt();
        QJsonObject result{{QStringLiteral("variant"), v},
                           {QStringLiteral("pass"), v == 1},
                           {QStringLiteral("score"), v == 1 ? 1.0 : 0.0},
                           {QStringLiteral("latency_ms"), 10.0},
                           {QStringLiteral("answer"), QStringLiteral("answer")}};
        if (v == 2) {
            result.insert(QStringLiteral("pairwise"),
                          QJsonArray{QJsonObject{{QStringLiteral("a"), 0},
                                                 {QStringLiteral("b"), 1},
                                                 {QStringLiteral("outcome"), QStringLiteral("b")}}});
        }
        ASSERT_TRUE(jobs.finishItem(job->id, item.position, JobItemState::Done, result, {}, 10));
    }
    ASSERT_TRUE(jobs.setState(job->id, JobState::Finished));

    // A blind review: on case 1 the person agrees with the judge, on case 2 not; on case 3 C is best of three.
    const auto voteOn = [&](int item, std::vector<int> indices, const QString& choice) {
        VoteDraft vote;
        vote.source = QStringLiteral("experiment");
        vote.experimentId = made->id;
        vote.item = item;
        vote.repeat = 1;
        vote.input = QStringLiteral("city: Oslo");
        vote.blind = true;
        vote.choice = choice;
        vote.indices = std::move(indices);
        for (const int index : vote.indices) {
            vote.variants.push_back(d.variants[std::size_t(index)]);
            vote.answers << QStringLiteral("answer");
        }
        return compare.vote(owner, vote);
    };
    ASSERT_TRUE(voteOn(1, {1, 0}, QStringLiteral("1"))); // shown B first: B is better
    ASSERT_TRUE(voteOn(2, {0, 1}, QStringLiteral("1"))); // A is better
    ASSERT_TRUE(voteOn(3, {2, 0, 1}, QStringLiteral("best:1")));
    EXPECT_FALSE(voteOn(3, {0, 1}, QStringLiteral("best:1"))) << "two answers take 1, 2, tie or bad";
    const Actor other = Actor::withRole(7, QStringLiteral("eve"), BuiltInRole::Member, ClientKind::Test);
    VoteDraft stolen;
    stolen.experimentId = made->id;
    stolen.variants = {d.variants[0], d.variants[1]};
    stolen.answers = {QStringLiteral("x"), QStringLiteral("y")};
    stolen.choice = QStringLiteral("1");
    EXPECT_EQ(compare.vote(other, stolen).error().code, ErrorCode::NotFound) << "another person's experiment";

    auto results = runs.results(owner, d.name);
    ASSERT_TRUE(results) << results.error().toLogString().toStdString();
    const PairwiseResults& ab = results->pairwise[0];
    EXPECT_EQ(ab.voted, 2) << "case 3 compared C with each, not A with B";
    EXPECT_EQ(ab.voteLosses, 1) << "case 1: B beat A";
    EXPECT_EQ(ab.voteWins, 1) << "case 2: A beat B";
    EXPECT_EQ(ab.judgeAndVote, 2) << "cases 1 and 2 have both (case 3 had no vote between A and B)";
    EXPECT_EQ(ab.agreements, 1);
    ASSERT_TRUE(ab.agreement());
    EXPECT_DOUBLE_EQ(*ab.agreement(), 0.5);
    EXPECT_EQ(results->pairwise[1].voteLosses, 1) << "case 3: C beat A";
    EXPECT_EQ(results->rankedBy, QStringLiteral("votes and judge"));
    ASSERT_TRUE(results->ranking);
    EXPECT_EQ(compare.votes(owner, made->id)->size(), 3u);
    EXPECT_TRUE(compare.votes(other)->empty()) << "votes are their owner's";
}
