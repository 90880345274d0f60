#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace Tessera::Core {

// One line of a comparison: the same in both, only in the old text, or only in the new.
struct DiffLine {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;
    bool operator==(const DiffLine&) const = default;
};

// The lines of two texts compared: a longest common subsequence of lines, removals before additions where lines
// changed. Texts of more than `maxCells` line pairs are compared by their common start and end only, the middle shown
// as removed and added (still correct, less minimal).
std::vector<DiffLine> diffLines(const QString& before, const QString& after, qsizetype maxCells = 4'000'000);

} // namespace Tessera::Core
