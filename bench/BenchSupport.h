#pragma once

#include <benchmark/benchmark.h>

#include "common/StoreLocation.h"

#include <QtGlobal>

#include <optional>

namespace Tessera::Bench {

// The store size a benchmark seeds: TESSERA_BENCH_MESSAGES when set (the smoke test uses a small store),
// otherwise the size the target names.
inline qint64 messageCount(qint64 target) {
    bool ok = false;
    const qint64 fromEnvironment = qEnvironmentVariableIntValue("TESSERA_BENCH_MESSAGES", &ok);
    return ok && fromEnvironment > 0 ? fromEnvironment : target;
}

// The PostgreSQL server the engine comparisons run on (TESSERA_BENCH_POSTGRES_URL, else the test server's
// TESSERA_TEST_POSTGRES_URL), in a schema of the given name emptied first; nullopt without a server.
std::optional<Core::StoreLocation> postgresStore(const QString& schema);
// Registers the PostgreSQL variants of the search and open-conversation benchmarks when a server is named.
void registerPostgresBenchmarks();

// Marks the benchmark as failed and makes the run's exit status non-zero.
void fail(benchmark::State& state, const char* why);
bool anyFailed();

} // namespace Tessera::Bench
