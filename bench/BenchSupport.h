#pragma once

#include <benchmark/benchmark.h>

#include <QtGlobal>

namespace Tessera::Bench {

// The store size a benchmark seeds: TESSERA_BENCH_MESSAGES when set (the smoke test uses a small store),
// otherwise the size the target names.
inline qint64 messageCount(qint64 target) {
    bool ok = false;
    const qint64 fromEnvironment = qEnvironmentVariableIntValue("TESSERA_BENCH_MESSAGES", &ok);
    return ok && fromEnvironment > 0 ? fromEnvironment : target;
}

// Marks the benchmark as failed and makes the run's exit status non-zero.
void fail(benchmark::State& state, const char* why);
bool anyFailed();

} // namespace Tessera::Bench
