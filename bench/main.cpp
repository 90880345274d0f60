// tessera-bench: the speed targets, measured with Google Benchmark. scripts/bench.sh runs it on an optimised
// build and docs/performance.md records the figures. Exits non-zero when a benchmark could not run.
#include "BenchSupport.h"

#include <QApplication>

#include <benchmark/benchmark.h>

#include <atomic>

namespace Tessera::Bench {

namespace {
std::atomic<bool> g_failed{false};
}

void fail(benchmark::State& state, const char* why) {
    g_failed = true;
    state.SkipWithError(why);
}

bool anyFailed() {
    return g_failed;
}

} // namespace Tessera::Bench

int main(int argc, char** argv) {
    // The widget benchmarks need a GUI application; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TesseraBench"));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 2;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return Tessera::Bench::anyFailed() ? 1 : 0;
}
