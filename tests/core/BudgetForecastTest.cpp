// The spend forecast's worked values: the mean of the recent days times the days to go, and an 80 % range from their
// spread and the uncertainty of the mean.
#include "usage/BudgetPace.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

TEST(BudgetForecast, TheRangeGrowsWithTheSpreadOfRecentDaysAndTheDaysToGo) {
    // Days of 10, 20 and 30: mean 20, standard deviation 10. Five days to go: 100, ± 1.2816 × 10 × √(5 + 25/3).
    const SpendForecast five = forecastSpend({10, 20, 30}, 5.0);
    EXPECT_DOUBLE_EQ(five.mean, 100.0);
    EXPECT_NEAR(five.high - five.mean, 46.797, 0.001);
    EXPECT_NEAR(five.mean - five.low, 46.797, 0.001);
    // Half a day: 10 ± 1.2816 × 10 × √(0.5 + 0.25/3).
    const SpendForecast half = forecastSpend({10, 20, 30}, 0.5);
    EXPECT_DOUBLE_EQ(half.mean, 10.0);
    EXPECT_NEAR(half.high, 19.788, 0.001);
    EXPECT_NEAR(half.low, 0.212, 0.001);
}

TEST(BudgetForecast, SteadyDaysGiveNoRangeAndNothingToGoGivesNothing) {
    const SpendForecast steady = forecastSpend({7, 7, 7, 7}, 3.0);
    EXPECT_DOUBLE_EQ(steady.mean, 21.0);
    EXPECT_DOUBLE_EQ(steady.low, 21.0);
    EXPECT_DOUBLE_EQ(steady.high, 21.0);
    const SpendForecast none = forecastSpend({}, 3.0);
    EXPECT_DOUBLE_EQ(none.high, 0.0);
    const SpendForecast over = forecastSpend({5, 9}, 0.0);
    EXPECT_DOUBLE_EQ(over.mean, 0.0);
    // One wild day cannot push the low end below zero.
    const SpendForecast wild = forecastSpend({0, 0, 0, 1000}, 10.0);
    EXPECT_DOUBLE_EQ(wild.low, 0.0);
    EXPECT_DOUBLE_EQ(wild.mean, 2500.0);
    EXPECT_GT(wild.high, 5000.0);
}
