#!/usr/bin/env bash
# Measures the speed targets with tessera-bench on an optimised build (the ci preset, RelWithDebInfo) and writes
# the results to build/ci/bench-results.json as well as the terminal. Record the figures, the machine and this
# command in docs/performance.md. Extra arguments go to Google Benchmark (e.g. --benchmark_filter=Search).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --tests
cmake --preset ci >/dev/null
cmake --build --preset ci --target tessera-bench -j "${TESSERA_JOBS:-2}"
exec build/ci/bench/tessera-bench --benchmark_repetitions="${TESSERA_BENCH_REPETITIONS:-3}" \
    --benchmark_report_aggregates_only=true --benchmark_out=build/ci/bench-results.json \
    --benchmark_out_format=json "$@"
