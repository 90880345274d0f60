// tessera-bench: the speed targets, measured with Google Benchmark. scripts/bench.sh runs it on an optimised
// build and docs/performance.md records the figures. Exits non-zero when a benchmark could not run.
#include "BenchSupport.h"

#include <QApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <benchmark/benchmark.h>

#include <atomic>

namespace Tessera::Bench {

namespace {
std::atomic<bool> g_failed{false};
}

std::optional<Core::StoreLocation> postgresStore(const QString& schema) {
    QString url = qEnvironmentVariable("TESSERA_BENCH_POSTGRES_URL");
    if (url.isEmpty()) {
        url = qEnvironmentVariable("TESSERA_TEST_POSTGRES_URL");
    }
    if (url.isEmpty()) {
        return std::nullopt;
    }
    auto location = Core::StoreLocation::parse(url);
    if (!location || !location->isPostgreSql()) {
        return std::nullopt;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
        db.setHostName(location->host);
        db.setPort(location->port);
        db.setUserName(location->user);
        db.setDatabaseName(location->database);
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SET client_min_messages TO warning"));
            query.exec(QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE").arg(schema));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    location->schema = schema;
    return *location;
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
    Tessera::Bench::registerPostgresBenchmarks();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return Tessera::Bench::anyFailed() ? 1 : 0;
}
