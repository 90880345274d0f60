// Full-text search over a large store: the target is under 30 ms a query over 200,000 messages.
#include "BenchData.h"
#include "BenchSupport.h"

#include "storage/Database.h"
#include "storage/SearchRepository.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

namespace {

using namespace Tessera;

// One store for every search benchmark, seeded once (TESSERA_BENCH_MESSAGES sets its size).
struct SearchStore {
    QTemporaryDir dir;
    std::unique_ptr<Core::Database> db;
    std::unique_ptr<Core::SearchRepository> search;
    qint64 messages = 0;

    SearchStore() {
        db = std::move(*Core::Database::open(dir.filePath(QStringLiteral("bench.sqlite3"))));
        const qint64 total = Bench::messageCount(200'000);
        Bench::SeedSize size;
        size.messagesPerConversation = 100;
        size.conversations = int(std::max<qint64>(1, total / size.messagesPerConversation));
        messages = Bench::seedStore(*db, size);
        search = std::make_unique<Core::SearchRepository>(*db);
    }

    static SearchStore& instance() {
        static SearchStore store;
        return store;
    }
};

void runSearch(benchmark::State& state, const QString& text) {
    SearchStore& store = SearchStore::instance();
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
