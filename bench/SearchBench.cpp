// Full-text search over a large store: the target is under 30 ms a query over 200,000 messages.
#include "BenchData.h"
#include "BenchSupport.h"

#include "storage/Database.h"
#include "storage/SearchRepository.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>
#include <optional>

namespace {

using namespace Tessera;

// One store per engine for every search benchmark, seeded once (TESSERA_BENCH_MESSAGES sets its size).
struct SearchStore {
    QTemporaryDir dir;
    std::unique_ptr<Core::Database> db;
    std::unique_ptr<Core::SearchRepository> search;
    qint64 messages = 0;

    explicit SearchStore(const std::optional<Core::StoreLocation>& location) {
        auto opened = location ? Core::Database::open(*location)
                               : Core::Database::open(dir.filePath(QStringLiteral("bench.sqlite3")));
        if (!opened) {
            return;
        }
        db = std::move(*opened);
        const qint64 total = Bench::messageCount(200'000);
        Bench::SeedSize size;
        size.messagesPerConversation = 100;
        size.conversations = int(std::max<qint64>(1, total / size.messagesPerConversation));
        messages = Bench::seedStore(*db, size);
        search = std::make_unique<Core::SearchRepository>(*db);
    }

    static SearchStore& instance() {
        static SearchStore store(std::nullopt);
        return store;
    }
    static SearchStore& postgres() {
        static SearchStore store(Bench::postgresStore(QStringLiteral("tessera_bench_search")));
        return store;
    }
};

void searchIn(SearchStore& store, benchmark::State& state, const QString& text) {
    if (store.messages <= 0) {
        Bench::fail(state, "the store could not be seeded");
        return;
    }
    std::size_t hits = 0;
    for (auto _ : state) {
        auto result = store.search->search(text);
        if (!result) {
            Bench::fail(state, "search failed");
            return;
        }
        hits = result->size();
        benchmark::DoNotOptimize(hits);
    }
    state.counters["messages"] = double(store.messages);
    state.counters["hits"] = double(hits);
}

void runSearch(benchmark::State& state, const QString& text) {
    searchIn(SearchStore::instance(), state, text);
}

void BM_SearchCommonWord(benchmark::State& state) {
    runSearch(state, QStringLiteral("function"));
}
void BM_SearchRareWord(benchmark::State& state) {
    runSearch(state, Bench::TextGenerator::rareWord());
}
void BM_SearchTwoWords(benchmark::State& state) {
    runSearch(state, QStringLiteral("database error"));
}
void BM_SearchPrefixWhileTyping(benchmark::State& state) {
    runSearch(state, QStringLiteral("data"));
}
void BM_SearchPhrase(benchmark::State& state) {
    runSearch(state, QStringLiteral("\"the code\""));
}
void BM_SearchAbsentWord(benchmark::State& state) {
    runSearch(state, QStringLiteral("zebra"));
}

} // namespace

BENCHMARK(BM_SearchCommonWord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchRareWord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchTwoWords)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchPrefixWhileTyping)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchPhrase)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchAbsentWord)->Unit(benchmark::kMillisecond);

namespace Tessera::Bench {

void registerOpenConversationOnPostgres();

// The same queries on PostgreSQL's text search (tsvector with a GIN index).
void registerPostgresBenchmarks() {
    if (!postgresStore(QStringLiteral("tessera_bench_probe"))) {
        return;
    }
    const std::pair<const char*, QString> queries[] = {
        {"BM_PostgresSearchCommonWord", QStringLiteral("function")},
        {"BM_PostgresSearchRareWord", TextGenerator::rareWord()},
        {"BM_PostgresSearchTwoWords", QStringLiteral("database error")},
        {"BM_PostgresSearchPrefixWhileTyping", QStringLiteral("data")},
        {"BM_PostgresSearchPhrase", QStringLiteral("\"the code\"")},
        {"BM_PostgresSearchAbsentWord", QStringLiteral("zebra")},
    };
    for (const auto& [name, text] : queries) {
        benchmark::RegisterBenchmark(name, [text = text](benchmark::State& state) {
            searchIn(SearchStore::postgres(), state, text);
        })->Unit(benchmark::kMillisecond);
    }
    registerOpenConversationOnPostgres();
}

} // namespace Tessera::Bench
