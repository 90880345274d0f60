#include "common/Statistics.h"

#include <algorithm>
#include <cmath>

namespace Tessera::Core {

Interval wilsonInterval(qint64 k, qint64 n, double z) {
    if (n <= 0) {
        return {0.0, 1.0};
    }
    const double trials = double(n);
    const double p = double(std::clamp<qint64>(k, 0, n)) / trials;
    const double z2 = z * z;
    const double denominator = 1.0 + z2 / trials;
    const double centre = (p + z2 / (2.0 * trials)) / denominator;
    const double half = z * std::sqrt(p * (1.0 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

} // namespace Tessera::Core
