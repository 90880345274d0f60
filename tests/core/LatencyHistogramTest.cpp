#include "common/LatencyHistogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace Tessera::Core;

TEST(LatencyHistogram, BinsStartAtFiftyMillisecondsAndGrowByFifteenPercent) {
    EXPECT_EQ(LatencyHistogram::binOf(0), 0);
    EXPECT_EQ(LatencyHistogram::binOf(49), 0);
    EXPECT_EQ(LatencyHistogram::binOf(50), 1);
    EXPECT_EQ(LatencyHistogram::binStart(1), 50);
    EXPECT_EQ(LatencyHistogram::binEnd(1), 57); // 50 × 1.15, rounded
    EXPECT_EQ(LatencyHistogram::binOf(56), 1);
    EXPECT_EQ(LatencyHistogram::binOf(57), 2);
    EXPECT_EQ(LatencyHistogram::binOf(10'000'000), LatencyHistogram::bins - 1);
    EXPECT_FALSE(LatencyHistogram::binEnd(LatencyHistogram::bins - 1).has_value());
    for (int bin = 1; bin < LatencyHistogram::bins - 1; ++bin) {
        const double ratio = double(*LatencyHistogram::binEnd(bin)) / double(LatencyHistogram::binStart(bin));
        EXPECT_NEAR(ratio, 1.15, 0.02) << bin;
        // Every millisecond of a bin falls in it.
        EXPECT_EQ(LatencyHistogram::binOf(LatencyHistogram::binStart(bin)), bin);
        EXPECT_EQ(LatencyHistogram::binOf(*LatencyHistogram::binEnd(bin) - 1), bin);
    }
    EXPECT_GT(LatencyHistogram::binStart(LatencyHistogram::bins - 1), 280'000);
}

TEST(LatencyHistogram, PercentilesAreWithinSevenPercentOfTheExactOnes) {
    std::mt19937 random(7);
    std::lognormal_distribution<double> times(std::log(1500.0), 0.8);
    for (int round = 0; round < 20; ++round) {
        std::vector<qint64> all;
        LatencyHistogram histogram;
        const int n = 1 + int(random() % 2000);
        for (int i = 0; i < n; ++i) {
            const qint64 ms = std::min<qint64>(qint64(times(random)), 200'000) + 50;
            all.push_back(ms);
            histogram.add(ms);
        }
        std::sort(all.begin(), all.end());
        for (const double p : {0.5, 0.95, 0.99}) {
            // Nearest rank: the smallest value with at least p of all at or below it.
            const qint64 exact = all[std::size_t(std::ceil(p * double(n))) - 1];
            const qint64 estimate = *histogram.percentile(p);
            EXPECT_LE(std::abs(double(estimate - exact)), 0.075 * double(exact) + 1) << n << " " << p;
        }
    }
}

TEST(LatencyHistogram, MergingEqualsCountingTogether) {
    LatencyHistogram a;
    LatencyHistogram b;
    LatencyHistogram both;
    for (qint64 ms = 0; ms < 20'000; ms += 37) {
        (ms % 2 ? a : b).add(ms);
        both.add(ms);
    }
    a.merge(b);
    EXPECT_EQ(a.count(), both.count());
    for (int bin = 0; bin < LatencyHistogram::bins; ++bin) {
        EXPECT_EQ(a.inBin(bin), both.inBin(bin));
    }
    EXPECT_EQ(a.percentile(0.95), both.percentile(0.95));
}

TEST(LatencyHistogram, EmptyHasNoPercentileAndExtremesStayInTheirBins) {
    LatencyHistogram empty;
    EXPECT_FALSE(empty.percentile(0.5).has_value());
    LatencyHistogram fast;
    fast.add(3);
    EXPECT_EQ(fast.percentile(0.5), 25); // the middle of "under 50 ms"
    LatencyHistogram slow;
    slow.add(900'000);
    EXPECT_EQ(slow.percentile(0.95), LatencyHistogram::binStart(LatencyHistogram::bins - 1)); // at least that
    LatencyHistogram negative;
    negative.add(-5); // a clock step back counts as no time at all
    EXPECT_EQ(negative.inBin(0), 1);
}
