#include "experiments/ExperimentStatistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>

namespace Tessera::Core {

ProportionDifference newcombeInterval(qint64 k1, qint64 n1, qint64 k2, qint64 n2, double z) {
    ProportionDifference result;
    if (n1 <= 0 || n2 <= 0) {
        return result; // nothing known: anything from −1 to 1
    }
    const double p1 = double(std::clamp<qint64>(k1, 0, n1)) / double(n1);
    const double p2 = double(std::clamp<qint64>(k2, 0, n2)) / double(n2);
    const Interval w1 = wilsonInterval(k1, n1, z);
    const Interval w2 = wilsonInterval(k2, n2, z);
    const double d = p1 - p2;
    result.difference = d;
    result.interval.low =
        std::max(-1.0, d - std::sqrt((p1 - w1.low) * (p1 - w1.low) + (w2.high - p2) * (w2.high - p2)));
    result.interval.high =
        std::min(1.0, d + std::sqrt((w1.high - p1) * (w1.high - p1) + (p2 - w2.low) * (p2 - w2.low)));
    return result;
}

double bradleyTerryRating(double beta) {
    return 400.0 * beta / std::numbers::ln10 + 1000.0;
}

double BradleyTerryFit::chance(std::size_t i, std::size_t j) const {
    if (i >= beta.size() || j >= beta.size()) {
        return 0.5;
    }
    return 1.0 / (1.0 + std::exp(-(beta[i] - beta[j])));
}

namespace {

// The outcomes summed: wins[i] (a tie is half a win) and games[i][j] (how often i and j met).
struct Tally {
    std::size_t size = 0;
    std::vector<double> wins;
    std::vector<double> games; // size × size, symmetric

    explicit Tally(std::size_t n)
        : size(n)
        , wins(n, 0.0)
        , games(n * n, 0.0) {}

    double& met(std::size_t i, std::size_t j) { return games[i * size + j]; }
    double met(std::size_t i, std::size_t j) const { return games[i * size + j]; }

    void add(const PairOutcome& o) {
        const auto a = std::size_t(o.first);
        const auto b = std::size_t(o.second);
        if (a >= size || b >= size || a == b) {
            return; // not a comparison of two variants
        }
        met(a, b) += 1.0;
        met(b, a) += 1.0;
        switch (o.result) {
        case PairOutcome::Result::FirstWins:
            wins[a] += 1.0;
            break;
        case PairOutcome::Result::SecondWins:
            wins[b] += 1.0;
            break;
        case PairOutcome::Result::Tie:
            wins[a] += 0.5;
            wins[b] += 0.5;
            break;
        }
    }

    // Whether every variant has a win and a loss and the comparisons join them all (else no finite maximum).
    bool identifiable(std::size_t variants) const {
        for (std::size_t i = 0; i < variants; ++i) {
            double played = 0;
            for (std::size_t j = 0; j < variants; ++j) {
                played += met(i, j);
            }
            if (wins[i] <= 0.0 || wins[i] >= played) {
                return false;
            }
        }
        std::vector<bool> reached(variants, false);
        std::vector<std::size_t> stack{0};
        reached[0] = true;
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            for (std::size_t j = 0; j < variants; ++j) {
                if (!reached[j] && met(i, j) > 0) {
                    reached[j] = true;
                    stack.push_back(j);
                }
            }
        }
        return std::all_of(reached.begin(), reached.end(), [](bool r) { return r; });
    }
};

constexpr double tolerance = 1e-9;
constexpr int maxIterations = 100'000;

BradleyTerryFit fitTally(Tally tally, std::size_t variants) {
    BradleyTerryFit fit;
    if (variants == 0) {
        return fit;
    }
    fit.regularised = variants > 1 && !tally.identifiable(variants);
    std::size_t players = variants;
    if (fit.regularised) {
        // One pseudo-tie of every variant against a reference held at β = 0 (the last player).
        Tally padded(variants + 1);
        for (std::size_t i = 0; i < variants; ++i) {
            padded.wins[i] = tally.wins[i] + 0.5;
            for (std::size_t j = 0; j < variants; ++j) {
                padded.met(i, j) = tally.met(i, j);
            }
            padded.met(i, variants) = 1.0;
            padded.met(variants, i) = 1.0;
        }
        padded.wins[variants] = 0.5 * double(variants);
        tally = std::move(padded);
        players = variants + 1;
    }
    // Strengths p = exp(β); Hunter's update p_i ← W_i / Σ_j n_ij / (p_i + p_j).
    std::vector<double> p(players, 1.0);
    std::vector<double> next(players, 1.0);
    for (fit.iterations = 1; fit.iterations <= maxIterations; ++fit.iterations) {
        double largest = 0;
        for (std::size_t i = 0; i < variants; ++i) {
            double sum = 0;
            for (std::size_t j = 0; j < players; ++j) {
                const double n = tally.met(i, j);
                if (n > 0) {
                    sum += n / (p[i] + p[j]);
                }
            }
            next[i] = sum > 0 ? tally.wins[i] / sum : p[i];
        }
        if (players > variants) {
            next[variants] = 1.0; // the reference stays at β = 0
        } else {
            // Σβ = 0: divide by the geometric mean.
            double logs = 0;
            for (std::size_t i = 0; i < variants; ++i) {
                logs += std::log(next[i]);
            }
            const double mean = std::exp(logs / double(variants));
            for (std::size_t i = 0; i < variants; ++i) {
                next[i] /= mean;
            }
        }
        for (std::size_t i = 0; i < variants; ++i) {
            largest = std::max(largest, std::abs(std::log(next[i]) - std::log(p[i])));
        }
        p.swap(next);
        if (largest < tolerance) {
            fit.converged = true;
            break;
        }
    }
    fit.iterations = std::min(fit.iterations, maxIterations);
    fit.beta.resize(variants);
    double total = 0;
    for (std::size_t i = 0; i < variants; ++i) {
        fit.beta[i] = std::log(p[i]);
        total += fit.beta[i];
    }
    for (double& b : fit.beta) {
        b -= total / double(variants); // the reported β sum to 0 in either case
    }
    fit.rating.reserve(variants);
    for (const double b : fit.beta) {
        fit.rating.push_back(bradleyTerryRating(b));
    }
    return fit;
}

} // namespace

BradleyTerryFit fitBradleyTerry(int variants, const std::vector<PairOutcome>& outcomes) {
    const auto count = std::size_t(std::max(variants, 0));
    Tally tally(count);
    for (const PairOutcome& o : outcomes) {
        tally.add(o);
    }
    return fitTally(std::move(tally), count);
}

double quantileOfSorted(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) {
        return 0;
    }
    const double position = std::clamp(q, 0.0, 1.0) * double(sorted.size() - 1);
    const auto below = std::size_t(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (position - double(below)) * (sorted[above] - sorted[below]);
}

BradleyTerryRanking rankBradleyTerry(int variants, const std::vector<PairOutcome>& outcomes, int rounds,
                                     std::uint64_t seed) {
    BradleyTerryRanking ranking;
    ranking.fit = fitBradleyTerry(variants, outcomes);
    const std::size_t count = ranking.fit.beta.size();
    ranking.variants.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        ranking.variants[i] = {ranking.fit.rating[i], ranking.fit.rating[i], ranking.fit.rating[i]};
    }
    if (outcomes.empty() || count == 0 || rounds <= 0) {
        return ranking;
    }
    ranking.rounds = rounds;
    std::vector<std::vector<double>> samples(count, std::vector<double>(std::size_t(rounds)));
    std::mt19937_64 generator(seed);
    // Drawn by hand (not std::uniform_int_distribution) so that the same seed gives the same rounds everywhere.
    const std::uint64_t n = outcomes.size();
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
    const auto draw = [&] {
        std::uint64_t value = generator();
        while (value >= limit) {
            value = generator();
        }
        return value % n;
    };
    for (int round = 0; round < rounds; ++round) {
        Tally tally(count);
        for (std::uint64_t k = 0; k < n; ++k) {
            tally.add(outcomes[draw()]);
        }
        const BradleyTerryFit fit = fitTally(std::move(tally), count);
        for (std::size_t i = 0; i < count; ++i) {
            samples[i][std::size_t(round)] = fit.rating[i];
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        std::sort(samples[i].begin(), samples[i].end());
        ranking.variants[i].low = quantileOfSorted(samples[i], 0.025);
        ranking.variants[i].high = quantileOfSorted(samples[i], 0.975);
    }
    return ranking;
}

PassComparison comparePassRates(qint64 firstPassed, qint64 firstTotal, qint64 secondPassed, qint64 secondTotal,
                                bool finished) {
    PassComparison c;
    c.firstRate = firstTotal > 0 ? double(firstPassed) / double(firstTotal) : 0.0;
    c.secondRate = secondTotal > 0 ? double(secondPassed) / double(secondTotal) : 0.0;
    c.difference = newcombeInterval(secondPassed, secondTotal, firstPassed, firstTotal);
    const bool clear =
        firstTotal > 0 && secondTotal > 0 && (c.difference.interval.low > 0.0 || c.difference.interval.high < 0.0);
    if (finished && clear) {
        c.verdict =
            c.difference.difference > 0 ? PassComparison::Verdict::SecondBetter : PassComparison::Verdict::FirstBetter;
        return c;
    }
    // The interval's width shrinks with √n: four times the items halve it.
    c.itemsToSettle = 3 * std::max<qint64>(std::max(firstTotal, secondTotal), 1);
    return c;
}

} // namespace Tessera::Core
