#include "prompts/TextDiff.h"

#include <algorithm>

namespace Tessera::Core {

std::vector<DiffLine> diffLines(const QString& before, const QString& after, qsizetype maxCells) {
    const QStringList a = before.isEmpty() ? QStringList() : before.split(QLatin1Char('\n'));
    const QStringList b = after.isEmpty() ? QStringList() : after.split(QLatin1Char('\n'));
    std::vector<DiffLine> out;
    // The common start and end need no table.
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) {
        ++head;
    }
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
        ++tail;
    }
    for (qsizetype i = 0; i < head; ++i) {
        out.push_back({DiffLine::Kind::Same, a[i]});
    }
    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;
    if (n * m > maxCells) {
        for (qsizetype i = 0; i < n; ++i) {
            out.push_back({DiffLine::Kind::Removed, a[head + i]});
        }
        for (qsizetype j = 0; j < m; ++j) {
            out.push_back({DiffLine::Kind::Added, b[head + j]});
        }
    } else {
        // lcs[i][j]: the longest common subsequence of a's middle from i and b's middle from j.
        std::vector<int> lcs(std::size_t((n + 1) * (m + 1)), 0);
        const auto at = [m](qsizetype i, qsizetype j) {
            return std::size_t(i * (m + 1) + j);
        };
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j) {
                lcs[at(i, j)] = a[head + i] == b[head + j] ? lcs[at(i + 1, j + 1)] + 1
                                                           : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
            }
        }
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                out.push_back({DiffLine::Kind::Same, a[head + i]});
                ++i;
                ++j;
            } else if (j >= m || (i < n && lcs[at(i + 1, j)] >= lcs[at(i, j + 1)])) {
                out.push_back({DiffLine::Kind::Removed, a[head + i]});
                ++i;
            } else {
                out.push_back({DiffLine::Kind::Added, b[head + j]});
                ++j;
            }
        }
    }
    for (qsizetype k = a.size() - tail; k < a.size(); ++k) {
        out.push_back({DiffLine::Kind::Same, a[k]});
    }
    return out;
}

} // namespace Tessera::Core
