// The experiments' statistics against the worked values of reference/statistics.md: Newcombe's interval for a
// difference of pass rates, the Bradley–Terry fit and its seeded bootstrap, and the verdict's rule.
#include "experiments/ExperimentStatistics.h"

#include <gtest/gtest.h>

#include <random>

using namespace Tessera::Core;

namespace {

std::vector<PairOutcome> repeated(int first, int second, PairOutcome::Result result, int times) {
    return std::vector<PairOutcome>(std::size_t(times), PairOutcome{first, second, result});
}

// The reference's three variants: A beats B 7 to 3, B beats C 6 to 4, A beats C 8 to 2.
std::vector<PairOutcome> referenceOutcomes() {
    using R = PairOutcome::Result;
    std::vector<PairOutcome> all;
    for (const auto& part :
         {repeated(0, 1, R::FirstWins, 7), repeated(0, 1, R::SecondWins, 3), repeated(1, 2, R::FirstWins, 6),
          repeated(2, 1, R::FirstWins, 4), repeated(0, 2, R::FirstWins, 8), repeated(2, 0, R::FirstWins, 2)}) {
        all.insert(all.end(), part.begin(), part.end());
    }
    return all;
}

} // namespace

TEST(ExperimentStatisticsTest, NewcombesIntervalMatchesTheWorkedValue) {
    const ProportionDifference d = newcombeInterval(68, 100, 51, 100);
    EXPECT_NEAR(d.difference, 0.170, 0.0005);
    EXPECT_NEAR(d.interval.low, 0.034, 0.0005);
    EXPECT_NEAR(d.interval.high, 0.298, 0.0005);
    // The other way round, the interval turns over.
    const ProportionDifference back = newcombeInterval(51, 100, 68, 100);
    EXPECT_NEAR(back.interval.low, -0.298, 0.0005);
    EXPECT_NEAR(back.interval.high, -0.034, 0.0005);
    // Nothing known, and the extremes stay within [−1, 1].
    EXPECT_EQ(newcombeInterval(0, 0, 3, 5).interval.low, -1.0);
    const ProportionDifference extreme = newcombeInterval(10, 10, 0, 10);
    EXPECT_DOUBLE_EQ(extreme.difference, 1.0);
    EXPECT_LE(extreme.interval.high, 1.0);
    EXPECT_GT(extreme.interval.low, 0.5);
    for (qint64 k1 = 0; k1 <= 12; ++k1) {
        for (qint64 k2 = 0; k2 <= 12; ++k2) {
            const ProportionDifference each = newcombeInterval(k1, 12, k2, 12);
            EXPECT_LE(each.interval.low, each.difference + 1e-12);
            EXPECT_GE(each.interval.high, each.difference - 1e-12);
            EXPECT_GE(each.interval.low, -1.0);
            EXPECT_LE(each.interval.high, 1.0);
        }
    }
}

TEST(ExperimentStatisticsTest, BradleyTerryMatchesTheWorkedValue) {
    const BradleyTerryFit fit = fitBradleyTerry(3, referenceOutcomes());
    ASSERT_TRUE(fit.converged);
    EXPECT_FALSE(fit.regularised);
    ASSERT_EQ(fit.beta.size(), 3u);
    // β within a thousandth of the reference's rounded values (its C, −0.5915, rounds either way); the
    // chances and ratings below pin the fit down to their last digit.
    EXPECT_NEAR(fit.beta[0], 0.741, 0.001);
    EXPECT_NEAR(fit.beta[1], -0.149, 0.001);
    EXPECT_NEAR(fit.beta[2], -0.592, 0.001);
    EXPECT_NEAR(fit.beta[0] + fit.beta[1] + fit.beta[2], 0.0, 1e-9);
    EXPECT_NEAR(fit.chance(0, 1), 0.709, 0.0005);
    EXPECT_NEAR(fit.chance(1, 2), 0.609, 0.0005);
    EXPECT_NEAR(fit.chance(0, 2), 0.791, 0.0005);
    EXPECT_NEAR(fit.rating[0], 1128.7, 0.05);
    EXPECT_NEAR(fit.rating[1], 974.1, 0.05);
    EXPECT_NEAR(fit.rating[2], 897.3, 0.05);
}

TEST(ExperimentStatisticsTest, TiesCountHalfAndAnUnbeatenVariantIsRegularisedAndSaysSo) {
    using R = PairOutcome::Result;
    // Ties only: everyone equal.
    const BradleyTerryFit even = fitBradleyTerry(2, repeated(0, 1, R::Tie, 6));
    ASSERT_TRUE(even.converged);
    EXPECT_NEAR(even.beta[0], 0.0, 1e-9);
    EXPECT_NEAR(even.rating[1], 1000.0, 1e-6);
    // Two wins and two ties of four: three of four points, as 3:1 wins would be.
    std::vector<PairOutcome> mixed = repeated(0, 1, R::FirstWins, 2);
    const auto ties = repeated(0, 1, R::Tie, 2);
    mixed.insert(mixed.end(), ties.begin(), ties.end());
    const BradleyTerryFit half = fitBradleyTerry(2, mixed);
    EXPECT_NEAR(half.chance(0, 1), 0.75, 1e-6);
    // A never lost: no finite maximum without the pseudo-ties, and the fit says it used them.
    const BradleyTerryFit unbeaten = fitBradleyTerry(2, repeated(0, 1, R::FirstWins, 5));
    EXPECT_TRUE(unbeaten.regularised);
    EXPECT_TRUE(unbeaten.converged);
    EXPECT_TRUE(std::isfinite(unbeaten.beta[0]));
    EXPECT_GT(unbeaten.beta[0], unbeaten.beta[1]);
    // Variants never compared with the others are regularised too; a variant with no games sits at the middle.
    const BradleyTerryFit apart = fitBradleyTerry(3, repeated(0, 1, R::Tie, 4));
    EXPECT_TRUE(apart.regularised);
    EXPECT_NEAR(apart.rating[2], 1000.0, 1e-6);
    // Outcomes naming no pair of variants are left out: nothing is known, everyone sits at the middle.
    const BradleyTerryFit none = fitBradleyTerry(2, {PairOutcome{0, 0, R::FirstWins}, PairOutcome{0, 5, R::FirstWins}});
    EXPECT_NEAR(none.rating[0], 1000.0, 1e-6);
    EXPECT_NEAR(none.rating[1], 1000.0, 1e-6);
    EXPECT_TRUE(fitBradleyTerry(0, {}).beta.empty());
}

TEST(ExperimentStatisticsTest, TheBootstrapIsSeededAndItsIntervalHoldsTheRating) {
    const BradleyTerryRanking first = rankBradleyTerry(3, referenceOutcomes(), 1000, 7);
    const BradleyTerryRanking again = rankBradleyTerry(3, referenceOutcomes(), 1000, 7);
    ASSERT_EQ(first.variants.size(), 3u);
    EXPECT_EQ(first.rounds, 1000);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_DOUBLE_EQ(first.variants[i].low, again.variants[i].low) << "the same seed, the same intervals";
        EXPECT_DOUBLE_EQ(first.variants[i].high, again.variants[i].high);
        EXPECT_LT(first.variants[i].low, first.variants[i].rating);
        EXPECT_GT(first.variants[i].high, first.variants[i].rating);
    }
    // 30 outcomes say little: A's interval is wide (about ±150 on the Elo-like scale) and overlaps B's.
    EXPECT_GT(first.variants[0].high - first.variants[0].low, 150.0);
    EXPECT_LT(first.variants[0].low, first.variants[1].high);
    // Ten times the outcomes narrow it by about √10.
    std::vector<PairOutcome> more;
    for (int i = 0; i < 10; ++i) {
        const auto outcomes = referenceOutcomes();
        more.insert(more.end(), outcomes.begin(), outcomes.end());
    }
    const BradleyTerryRanking larger = rankBradleyTerry(3, more, 400, 7);
    const double narrow = larger.variants[0].high - larger.variants[0].low;
    const double wide = first.variants[0].high - first.variants[0].low;
    EXPECT_NEAR(wide / narrow, std::sqrt(10.0), 1.0);
    EXPECT_NEAR(larger.fit.rating[0], first.fit.rating[0], 1e-6) << "the same shares, the same fit";
}

TEST(ExperimentStatisticsTest, QuantilesAreLinearBetweenOrderStatistics) {
    const std::vector<double> values{1, 2, 3, 4, 5};
    EXPECT_DOUBLE_EQ(quantileOfSorted(values, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(quantileOfSorted(values, 0.5), 3.0);
    EXPECT_DOUBLE_EQ(quantileOfSorted(values, 0.1), 1.4);
    EXPECT_DOUBLE_EQ(quantileOfSorted(values, 1.0), 5.0);
    EXPECT_DOUBLE_EQ(quantileOfSorted({}, 0.5), 0.0);
}

TEST(ExperimentStatisticsTest, AWinnerIsNamedOnlyWhenTheIntervalExcludesZeroAtTheEndOfARun) {
    const PassComparison settled = comparePassRates(51, 100, 68, 100, true);
    EXPECT_EQ(settled.verdict, PassComparison::Verdict::SecondBetter);
    EXPECT_NEAR(settled.difference.difference, 0.17, 1e-9);
    EXPECT_NEAR(settled.difference.interval.low, 0.034, 0.0005);
    EXPECT_EQ(comparePassRates(68, 100, 51, 100, true).verdict, PassComparison::Verdict::FirstBetter);
    // The same numbers while the run goes on: no verdict from a look in the middle.
    const PassComparison running = comparePassRates(51, 100, 68, 100, false);
    EXPECT_EQ(running.verdict, PassComparison::Verdict::NotEnoughData);
    // Too few items: the interval holds 0, and about three times as many again would settle it.
    const PassComparison few = comparePassRates(5, 10, 7, 10, true);
    EXPECT_EQ(few.verdict, PassComparison::Verdict::NotEnoughData);
    EXPECT_LT(few.difference.interval.low, 0.0);
    EXPECT_EQ(few.itemsToSettle, 30);
    EXPECT_EQ(comparePassRates(0, 0, 0, 0, true).verdict, PassComparison::Verdict::NotEnoughData);
}
