#include "common/LatencyHistogram.h"

#include <algorithm>
#include <cmath>

namespace Tessera::Core {

namespace {

constexpr qint64 firstEdgeMs = 50;
constexpr double growth = 1.15;

// The bins' starts: 0, then 50 ms growing by 15 % each, rounded to whole milliseconds.
const std::array<qint64, LatencyHistogram::bins>& starts() {
    static const std::array<qint64, LatencyHistogram::bins> edges = [] {
        std::array<qint64, LatencyHistogram::bins> e{};
        e[0] = 0;
        for (int i = 1; i < LatencyHistogram::bins; ++i) {
            e[std::size_t(i)] = qint64(std::llround(double(firstEdgeMs) * std::pow(growth, i - 1)));
        }
        return e;
    }();
    return edges;
}

} // namespace

int LatencyHistogram::binOf(qint64 ms) {
    const auto& e = starts();
    // The last start not above ms.
    const auto after = std::upper_bound(e.begin() + 1, e.end(), ms);
    return int(after - e.begin()) - 1;
}

qint64 LatencyHistogram::binStart(int bin) {
    return starts()[std::size_t(std::clamp(bin, 0, bins - 1))];
}

std::optional<qint64> LatencyHistogram::binEnd(int bin) {
    if (bin >= bins - 1) {
        return std::nullopt;
    }
    return starts()[std::size_t(std::max(bin, 0) + 1)];
}

QString LatencyHistogram::binSql(const QString& column) {
    // CASE WHEN c IS NULL THEN NULL WHEN c < 50 THEN 0 WHEN c < 58 THEN 1 ... ELSE 63 END
    QString sql = QStringLiteral("CASE WHEN ") + column + QStringLiteral(" IS NULL THEN NULL");
    for (int bin = 0; bin < bins - 1; ++bin) {
        sql += QStringLiteral(" WHEN ") + column + QStringLiteral(" < ") + QString::number(*binEnd(bin)) +
               QStringLiteral(" THEN ") + QString::number(bin);
    }
    return sql + QStringLiteral(" ELSE ") + QString::number(bins - 1) + QStringLiteral(" END");
}

void LatencyHistogram::add(qint64 ms, qint64 count) {
    addBin(binOf(std::max<qint64>(ms, 0)), count);
}

void LatencyHistogram::addBin(int bin, qint64 count) {
    if (bin < 0 || bin >= bins || count <= 0) {
        return;
    }
    m_counts[std::size_t(bin)] += count;
    m_count += count;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
    for (int bin = 0; bin < bins; ++bin) {
        addBin(bin, other.m_counts[std::size_t(bin)]);
    }
}

std::optional<qint64> LatencyHistogram::percentile(double p) const {
    if (m_count == 0) {
        return std::nullopt;
    }
    const qint64 rank = std::clamp<qint64>(qint64(std::ceil(std::clamp(p, 0.0, 1.0) * double(m_count))), 1, m_count);
    qint64 seen = 0;
    for (int bin = 0; bin < bins; ++bin) {
        seen += m_counts[std::size_t(bin)];
        if (seen >= rank) {
            const auto end = binEnd(bin);
            if (bin == 0) {
                return *end / 2;
            }
            if (!end) {
                return binStart(bin); // the open bin: at least its start
            }
            return qint64(std::llround(std::sqrt(double(binStart(bin)) * double(*end))));
        }
    }
    return binStart(bins - 1);
}

} // namespace Tessera::Core
