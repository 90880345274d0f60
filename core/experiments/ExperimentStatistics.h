#pragma once

#include "common/Statistics.h"

#include <QtGlobal>

#include <cstdint>
#include <vector>

namespace Tessera::Core {

// The statistics of experiments (reference/statistics.md, docs/experiments.md), as pure functions.

// A difference of two proportions p1 − p2 with its 95 % Newcombe interval (method 10, from the two Wilson
// intervals). The ends lie within [−1, 1].
struct ProportionDifference {
    double difference = 0;
    Interval interval{-1.0, 1.0};
};
ProportionDifference newcombeInterval(qint64 k1, qint64 n1, qint64 k2, qint64 n2, double z = z95);

// One pairwise outcome between two variants (indexes from 0): the first won, the second won, or a tie (half a win
// for each).
struct PairOutcome {
    int first = 0;
    int second = 0;
    enum class Result : std::uint8_t { FirstWins, SecondWins, Tie } result = Result::Tie;
};

// A Bradley–Terry fit: P(i beats j) = 1 / (1 + exp(−(β_i − β_j))), β summing to 0, found by Hunter's
// minorise–maximise iteration until the largest change is below 1e−9.
struct BradleyTerryFit {
    std::vector<double> beta;
    std::vector<double> rating; // 400·β/ln 10 + 1000, the Elo-like scale Chatbot Arena uses
    // A variant without a win or without a loss (or variants never compared with the rest) has no finite
    // maximum: each variant then gets one pseudo-tie against a reference at β = 0, and this says so.
    bool regularised = false;
    bool converged = false;
    int iterations = 0;

    // The fitted chance that variant i beats variant j.
    double chance(std::size_t i, std::size_t j) const;
};
BradleyTerryFit fitBradleyTerry(int variants, const std::vector<PairOutcome>& outcomes);

// The rating of β on the Elo-like scale.
double bradleyTerryRating(double beta);

// Each variant's rating with its 95 % bootstrap interval: the outcomes resampled with replacement (as many as
// there are) `rounds` times from a seeded generator, refitted each time; the ends are the 2.5th and 97.5th
// percentiles (linear between order statistics). The same seed gives the same intervals.
struct RatedVariant {
    double rating = 1000;
    double low = 1000;
    double high = 1000;
};
struct BradleyTerryRanking {
    BradleyTerryFit fit;
    std::vector<RatedVariant> variants;
    int rounds = 0;
};
BradleyTerryRanking rankBradleyTerry(int variants, const std::vector<PairOutcome>& outcomes, int rounds = 1000,
                                     std::uint64_t seed = 20261202);

// The q-th quantile (0..1) of sorted values, linear between order statistics (Hyndman and Fan's type 7).
double quantileOfSorted(const std::vector<double>& sorted, double q);

// Which of two variants (A the first, B the second) passed more, and how sure that is. A winner is named only
// when the 95 % interval of the difference excludes 0 and the run is finished (looking while it runs is not a test);
// otherwise there is not enough data yet, and about `itemsToSettle` more items (3× as many again, which halves
// the interval's width) would settle it.
struct PassComparison {
    enum class Verdict { FirstBetter, SecondBetter, NotEnoughData } verdict = Verdict::NotEnoughData;
    double firstRate = 0;
    double secondRate = 0;
    ProportionDifference difference; // second − first
    qint64 itemsToSettle = 0;
};
PassComparison comparePassRates(qint64 firstPassed, qint64 firstTotal, qint64 secondPassed, qint64 secondTotal,
                                bool finished);

} // namespace Tessera::Core
