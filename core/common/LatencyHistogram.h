#pragma once

#include <QString>

#include <array>
#include <optional>

namespace Tessera::Core {

// Latencies counted in 64 bins whose widths grow by 15 % each, from under 50 ms to over about 290 s, so that
// percentiles over any period can be summed from daily rows: a percentile read from the bins is the geometric middle
// of the bin it falls in, within about 7 % of the exact value.
class LatencyHistogram final {
public:
    static constexpr int bins = 64;

    // The bin a latency in milliseconds falls in: 0 below 50 ms, 63 from about 290 s.
    static int binOf(qint64 ms);
    // Where a bin starts (inclusive) and ends (exclusive; nullopt for the last, open one), in milliseconds.
    static qint64 binStart(int bin);
    static std::optional<qint64> binEnd(int bin);
    // A SQL expression of the bin of an integer column (NULL stays NULL), for rollups computed in the store.
    static QString binSql(const QString& column);

    void add(qint64 ms, qint64 count = 1);
    void addBin(int bin, qint64 count);
    void merge(const LatencyHistogram& other);
    qint64 count() const { return m_count; }
    qint64 inBin(int bin) const { return m_counts[std::size_t(bin)]; }
    // The nearest-rank percentile (0 < p ≤ 1) as the middle of its bin; nullopt without latencies.
    std::optional<qint64> percentile(double p) const;

private:
    std::array<qint64, bins> m_counts{};
    qint64 m_count = 0;
};

} // namespace Tessera::Core
