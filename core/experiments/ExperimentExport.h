#pragma once

#include "experiments/ExperimentRuns.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace Tessera::Core {

// An experiment's results for other programs, as `experiments results --json` and the Experiments view's export
// write them (docs/cli.md): per variant, pairwise, the ranking and the verdict.
QJsonObject experimentResultsJson(const ExperimentResults& results);
// The matrix as CSV (RFC 4180): a header and one line per answer (item, row, repeat, variant, state, pass, score,
// cost_usd, latency_ms, answer_or_error), from the run's job items.
QString experimentResultsCsv(const ExperimentResults& results, const std::vector<JobItem>& items);

} // namespace Tessera::Core
