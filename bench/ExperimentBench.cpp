// The experiments' statistics: a Bradley–Terry ranking of 10 variants from 10,000 pairwise outcomes with 1,000
// bootstrap rounds, under 1 s (it runs off the UI thread).
#include "experiments/ExperimentStatistics.h"

#include <benchmark/benchmark.h>

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
