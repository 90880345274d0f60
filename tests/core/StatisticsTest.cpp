// The statistics against the worked values of reference/statistics.md.
#include "common/Statistics.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

TEST(StatisticsTest, TheWilsonIntervalMatchesTheWorkedValues) {
    struct Case {
        qint64 k;
        qint64 n;
        double low;
        double high;
    };
    for (const Case& c : {Case{8, 10, 0.490, 0.943}, Case{0, 10, 0.000, 0.278}, Case{10, 10, 0.722, 1.000},
                          Case{51, 100, 0.413, 0.606}}) {
        const Interval interval = wilsonInterval(c.k, c.n);
        EXPECT_NEAR(interval.low, c.low, 0.0005) << c.k << "/" << c.n;
        EXPECT_NEAR(interval.high, c.high, 0.0005) << c.k << "/" << c.n;
    }
    const Interval none = wilsonInterval(0, 0);
    EXPECT_EQ(none.low, 0.0);
    EXPECT_EQ(none.high, 1.0);
    // Always inside [0, 1], around the proportion.
    for (qint64 n = 1; n <= 60; ++n) {
        for (qint64 k = 0; k <= n; ++k) {
            const Interval i = wilsonInterval(k, n);
            EXPECT_GE(i.low, 0.0);
            EXPECT_LE(i.high, 1.0);
            EXPECT_LE(i.low, double(k) / double(n) + 1e-12);
            EXPECT_GE(i.high, double(k) / double(n) - 1e-12);
        }
    }
}
