#pragma once

#include <QtGlobal>

namespace Tessera::Core {

// A confidence interval, both ends within [0, 1] for a proportion.
struct Interval {
    double low = 0;
    double high = 0;
};

// z for a two-sided 95 % interval.
inline constexpr double z95 = 1.959964;

// The Wilson score interval of k successes in n trials (reference/statistics.md): it stays inside [0, 1] and keeps
// its coverage for small n. n = 0 gives [0, 1] (nothing is known).
Interval wilsonInterval(qint64 k, qint64 n, double z = z95);

} // namespace Tessera::Core
