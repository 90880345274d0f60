// Experiments: a Bradley–Terry ranking of 10 variants from 10,000 pairwise outcomes with 1,000 bootstrap rounds under
// 1 s (it runs off the UI thread); the job runner's own cost per item under 1 ms; a 1,000-item, 2-variant run
// against a server answering in 100 ms with concurrency 8 within 1.25× the ideal 25 s; the window answering within
// 100 ms throughout a 1,000-item run the app runs.
#include "BenchSupport.h"

#include "app/CoreServices.h"
#include "experiments/Datasets.h"
#include "experiments/ExperimentRuns.h"
#include "experiments/ExperimentStatistics.h"
#include "experiments/Experiments.h"
#include "experiments/ExperimentsWindow.h"
#include "jobs/JobRunner.h"
#include "jobs/JobsController.h"
#include "jobs/JobsPanel.h"
#include "prompts/PromptLibrary.h"
#include "secrets/MemorySecretStore.h"
#include "storage/ProviderRepository.h"
#include "support/FakeProviderServer.h"
#include "widgets/Dialogs.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace {

using namespace Tessera::Core;

// Outcomes drawn from known strengths (β from −1 to 1), a tie in one of ten games.
std::vector<PairOutcome> simulatedOutcomes(int variants, int count) {
    std::mt19937_64 generator(42);
    std::uniform_int_distribution<int> pick(0, variants - 1);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<PairOutcome> outcomes;
    outcomes.reserve(std::size_t(count));
    while (int(outcomes.size()) < count) {
        const int a = pick(generator);
        const int b = pick(generator);
        if (a == b) {
            continue;
        }
        const double betaA = -1.0 + 2.0 * a / (variants - 1);
        const double betaB = -1.0 + 2.0 * b / (variants - 1);
        PairOutcome o{a, b, PairOutcome::Result::Tie};
        if (unit(generator) >= 0.1) {
            o.result = unit(generator) < 1.0 / (1.0 + std::exp(betaB - betaA)) ? PairOutcome::Result::FirstWins
                                                                               : PairOutcome::Result::SecondWins;
        }
        outcomes.push_back(o);
    }
    return outcomes;
}

void BM_BradleyTerryRanking(benchmark::State& state) {
    const std::vector<PairOutcome> outcomes = simulatedOutcomes(10, 10'000);
    for (auto _ : state) {
        const BradleyTerryRanking ranking = rankBradleyTerry(10, outcomes, 1000, 1);
        benchmark::DoNotOptimize(ranking.variants.data());
    }
    state.SetLabel("10 variants, 10,000 outcomes, 1,000 bootstrap rounds");
}
BENCHMARK(BM_BradleyTerryRanking)->Unit(benchmark::kMillisecond);

} // namespace

namespace {

// An item done at the next turn of the event loop: what is left is the runner's own work (reading items, starting
// them, writing each outcome to the store, progress).
class InstantHandler final : public JobHandler {
public:
    QObject context;
    void run(const JobInfo&, const JobItem& item, Done done) override {
        QTimer::singleShot(0, &context, [item, done = std::move(done)] {
            done(QJsonObject{{QStringLiteral("answer"), QStringLiteral("answer %1").arg(item.position)}});
        });
    }
};

// Runs a job to its end; false when it did not finish.
bool runToEnd(JobRunner& runner, const Actor& owner, qint64 jobId) {
    QEventLoop loop;
    JobState endedAs = JobState::Running;
    QObject::connect(&runner, &JobRunner::ended, &loop, [&](qint64 id, JobState state, const QString&) {
        if (id == jobId) {
            endedAs = state;
            loop.quit();
        }
    });
    if (!runner.start(owner, jobId)) {
        return false;
    }
    loop.exec();
    return endedAs == JobState::Finished;
}

void BM_JobRunnerOwnCostPerItem(benchmark::State& state) {
    const qint64 items = Tessera::Bench::messageCount(2000) >= 2000 ? 2000 : 100;
    QTemporaryDir directory;
    MemorySecretStore secrets;
    auto services = CoreServices::open(directory.path(), secrets, nullptr);
    if (!services) {
        Tessera::Bench::fail(state, "cannot open the store");
        return;
    }
    const Actor owner = Actor::owner(ClientKind::Test);
    JobRunner runner((*services)->jobs(), (*services)->clock());
    runner.registerKind(QStringLiteral("noop"), std::make_shared<InstantHandler>());
    std::vector<QJsonObject> inputs(std::size_t(items), QJsonObject{{QStringLiteral("n"), 1}});
    for (auto _ : state) {
        auto job = (*services)->jobs().create(owner, QStringLiteral("noop"), QStringLiteral("bench"),
                                              QJsonObject{{QStringLiteral("concurrency"), 8}}, inputs);
        if (!job) {
            Tessera::Bench::fail(state, "cannot create the job");
            return;
        }
        QElapsedTimer timer;
        timer.start();
        if (!runToEnd(runner, owner, job->id)) {
            Tessera::Bench::fail(state, "the job did not finish");
            return;
        }
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        state.counters["ms_per_item"] = double(timer.nsecsElapsed()) / 1e6 / double(items);
    }
    state.SetLabel(QStringLiteral("%1 items, concurrency 8, each outcome written to SQLite").arg(items).toStdString());
}
BENCHMARK(BM_JobRunnerOwnCostPerItem)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);

// The items of the run benchmarks: TESSERA_BENCH_EXPERIMENT_ITEMS, 1,000 unless set.
int experimentItems() {
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("TESSERA_BENCH_EXPERIMENT_ITEMS", &ok);
    return ok && fromEnvironment > 0 ? fromEnvironment : 1000;
}

// A store with the provider `local` on the server, the template Trip (version 1 "Plan a day in {{city}}.", 2 "Plan
// a cheap day in {{city}}."), the dataset Cities of `items` cities and the experiment Bench comparing the versions
// (no cache). Null when it cannot be set up (the benchmark is failed).
std::unique_ptr<CoreServices> experimentStore(benchmark::State& state, const QString& directory, SecretStore& secrets,
                                              const QString& serverUrl, int items, int concurrency) {
    auto services = CoreServices::open(directory, secrets, nullptr);
    if (!services) {
        Tessera::Bench::fail(state, "cannot open the store");
        return nullptr;
    }
    const Actor owner = Actor::owner(ClientKind::Test);
    ProviderConfig provider;
    provider.name = QStringLiteral("local");
    provider.baseUrl = serverUrl;
    provider.defaultModel = QStringLiteral("gpt-test");
    PromptDraft draft;
    draft.name = QStringLiteral("Trip");
    draft.userText = QStringLiteral("Plan a day in {{city}}.");
    DatasetContent content;
    content.columns = {QStringLiteral("city")};
    for (int i = 0; i < items; ++i) {
        DatasetItem item;
        item.row = i + 2;
        item.values.insert(QStringLiteral("city"), QStringLiteral("City %1").arg(i));
        content.items.push_back(item);
    }
    if (!(*services)->store().providers.add(provider) || !(*services)->prompts().create(owner, draft)) {
        Tessera::Bench::fail(state, "cannot set up");
        return nullptr;
    }
    draft.userText = QStringLiteral("Plan a cheap day in {{city}}.");
    if (!(*services)->prompts().update(owner, draft.name, draft) ||
        !(*services)->datasets().create(owner, QStringLiteral("Cities"), content, QStringLiteral("bench"))) {
        Tessera::Bench::fail(state, "cannot set up");
        return nullptr;
    }
    ExperimentDefinition d;
    d.name = QStringLiteral("Bench");
    d.dataset = QStringLiteral("Cities");
    d.variants = {*parseExperimentVariant(QStringLiteral("A=Trip@1,local,gpt-test")),
                  *parseExperimentVariant(QStringLiteral("B=Trip@2,local,gpt-test"))};
    d.assertions = {*parseAssertion(QStringLiteral("icontains:cheap"))};
    d.concurrency = concurrency;
    d.useCache = false;
    if (!(*services)->experiments().create(owner, d)) {
        Tessera::Bench::fail(state, "cannot create the experiment");
        return nullptr;
    }
    return std::move(*services);
}

// A 1,000-item, 2-variant experiment against the test server answering in 100 ms, concurrency 8: the ideal is
// 1,000 × 2 × 0.1 s / 8 = 25 s; the target is within 1.25× of it. TESSERA_BENCH_EXPERIMENT_ITEMS sets the items.
void BM_ExperimentRunAgainstSlowServer(benchmark::State& state) {
    const int items = experimentItems();
    constexpr int answerMs = 100;
    constexpr int concurrency = 8;
    Tessera::Testing::FakeProviderServer server;
    QTemporaryDir directory;
    MemorySecretStore secrets;
    if (!server.listen()) {
        Tessera::Bench::fail(state, "cannot start the server");
        return;
    }
    server.setAnswerDelay(answerMs);
    auto services = experimentStore(state, directory.path(), secrets, server.baseUrl(), items, concurrency);
    if (!services) {
        return;
    }
    const Actor owner = Actor::owner(ClientKind::Test);
    JobRunner runner(services->jobs(), services->clock());
    services->registerJobKinds(runner, owner);
    const double ideal = double(items) * 2.0 * answerMs / 1000.0 / concurrency;
    for (auto _ : state) {
        auto job = services->experimentRuns().prepare(owner, QStringLiteral("Bench"), true);
        if (!job) {
            Tessera::Bench::fail(state, "cannot prepare the run");
            return;
        }
        QElapsedTimer timer;
        timer.start();
        if (!runToEnd(runner, owner, job->id)) {
            Tessera::Bench::fail(state, "the run did not finish");
            return;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        state.SetIterationTime(seconds);
        state.counters["ideal_s"] = ideal;
        state.counters["x_ideal"] = seconds / ideal;
        if (services->jobs().get(owner, job->id)->done != qint64(items) * 2) {
            Tessera::Bench::fail(state, "not every answer came");
        }
    }
    state.SetLabel(QStringLiteral("%1 items × 2 variants, answers in %2 ms, concurrency %3")
                       .arg(items)
                       .arg(answerMs)
                       .arg(concurrency)
                       .toStdString());
}
BENCHMARK(BM_ExperimentRunAgainstSlowServer)->UseManualTime()->Iterations(1)->Unit(benchmark::kSecond);

// The window stays responsive during a 1,000-item run: the app's own job runner runs the experiment on the UI
// thread's event loop (answers at 20 ms, concurrency 16 held to 8 on the one provider, so the runner and the
// window's refreshes are as busy as they get) while the Experiments window shows it and the Background Jobs panel is
// open. A timer asks to run every 10 ms; how late it runs is how long the window could not answer a key or a click.
// Reported: the longest stall and the 99th percentile (target: under 100 ms, the threshold at which a delay is felt).
void BM_WindowStaysResponsiveDuringARun(benchmark::State& state) {
    const int items = experimentItems();
    Tessera::Testing::FakeProviderServer server;
    QTemporaryDir directory;
    MemorySecretStore secrets;
    if (!server.listen()) {
        Tessera::Bench::fail(state, "cannot start the server");
        return;
    }
    server.setAnswerDelay(20);
    auto services = experimentStore(state, directory.path(), secrets, server.baseUrl(), items, 16);
    if (!services) {
        return;
    }
    const Actor owner = Actor::owner(ClientKind::Test);
    Tessera::Ui::JobsController jobs(*services, owner);
    Tessera::Ui::QtDialogs dialogs; // never asked: nothing here asks a question
    for (auto _ : state) {
        Tessera::Ui::ExperimentsWindow window(*services, owner, jobs, dialogs);
        window.resize(1180, 720);
        window.show();
        window.select(QStringLiteral("Bench"));
        Tessera::Ui::JobsPanel panel(*services, owner, jobs, dialogs);
        panel.show();
        auto job = services->experimentRuns().prepare(owner, QStringLiteral("Bench"), true);
        if (!job || !jobs.start(job->id)) {
            Tessera::Bench::fail(state, "cannot start the run");
            return;
        }
        std::vector<double> lateMs;
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
            const qint64 now = clock.nsecsElapsed();
            lateMs.push_back(std::max(0.0, double(now - last) / 1e6 - 10.0));
            last = now;
        });
        last = clock.nsecsElapsed();
        tick.start(10);
        QEventLoop loop;
        QObject::connect(&jobs, &Tessera::Ui::JobsController::ended, &loop, [&](qint64 id) {
            if (id == job->id) {
                loop.quit();
            }
        });
        loop.exec();
        tick.stop();
        state.SetIterationTime(double(clock.nsecsElapsed()) / 1e9);
        std::sort(lateMs.begin(), lateMs.end());
        if (lateMs.empty() || services->jobs().get(owner, job->id)->done != qint64(items) * 2) {
            Tessera::Bench::fail(state, "the run did not finish");
            return;
        }
        state.counters["max_stall_ms"] = lateMs.back();
        state.counters["p99_stall_ms"] = lateMs[std::min(lateMs.size() - 1, lateMs.size() * 99 / 100)];
        state.counters["median_stall_ms"] = lateMs[lateMs.size() / 2];
    }
    state.SetLabel(QStringLiteral("%1 items × 2 variants, answers in 20 ms, concurrency 16, Experiments window and "
                                  "Background Jobs open")
                       .arg(items)
                       .toStdString());
}
BENCHMARK(BM_WindowStaysResponsiveDuringARun)->UseManualTime()->Iterations(1)->Unit(benchmark::kSecond);

} // namespace
