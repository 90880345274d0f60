// The usage ledger's speed targets: recording an answer's entry (with its rollup, in its own transaction) adds
// under 0.5 ms; a year's report by day over 1,000,000 entries takes under 50 ms; the budget check with its
// reservation (and the settling after) takes under 100 µs.
#include "BenchSupport.h"

#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "storage/Database.h"
#include "storage/ProviderRepository.h"
#include "storage/SettingsRepository.h"
#include "usage/BudgetGuard.h"
#include "usage/PriceBook.h"
#include "usage/UsageLedger.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

namespace {

using namespace Tessera;

// A SQLite store with TESSERA_BENCH_MESSAGES ledger entries (default 1,000,000) over the last year: 50 people, two
// providers, four models, two features; the rollups summed from them.
struct UsageStore {
    QTemporaryDir dir;
    Core::SystemClock clock;
    std::unique_ptr<Core::Database> db;
    std::unique_ptr<Core::SettingsRepository> settings;
    std::unique_ptr<Core::UsageLedger> ledger;
    std::unique_ptr<Core::ProviderRepository> providers;
    std::unique_ptr<Core::AuditLog> audit;
    std::unique_ptr<Core::PriceBook> prices;
    std::unique_ptr<Core::BudgetGuard> budgets;
    Core::Actor admin = Core::Actor::owner(Core::ClientKind::Test);
    bool ready = false;

    UsageStore() {
        auto opened = Core::Database::open(dir.filePath(QStringLiteral("bench.sqlite3")));
        if (!opened) {
            return;
        }
        db = std::move(*opened);
        settings = std::make_unique<Core::SettingsRepository>(*db);
        ledger = std::make_unique<Core::UsageLedger>(*db, *settings, clock);
        providers = std::make_unique<Core::ProviderRepository>(*db, clock);
        audit = std::make_unique<Core::AuditLog>(*db, clock);
        prices = std::make_unique<Core::PriceBook>(*db, *providers, *ledger, *audit, clock);
        budgets = std::make_unique<Core::BudgetGuard>(*db, *ledger, *prices, *audit, clock);
        ready = seed(Bench::messageCount(1'000'000)) && ledger->rebuild(admin).has_value();
    }

    // The budgets a Member meets: their own monthly one, their role's daily one.
    bool setBudgets(bool global) {
        if (!db->exec(QStringLiteral("INSERT INTO accounts (id, username, username_key, display_name, role_id, "
                                     "created_at) VALUES (7, 'ada', 'ada', '', 3, '2026-01-01T00:00:00.000Z') "
                                     "ON CONFLICT DO NOTHING"))) {
            return false;
        }
        Core::Budget own;
        own.scope = Core::BudgetScope::User;
        own.subjectName = QStringLiteral("ada");
        own.period = Core::BudgetPeriod::Month;
        own.limitMicros = 1'000'000'000;
        Core::Budget role = own;
        role.scope = Core::BudgetScope::Role;
        role.subjectName = QStringLiteral("Member");
        role.period = Core::BudgetPeriod::Day;
        role.limitTokens = 1'000'000'000;
        Core::Budget everyone = own;
        everyone.scope = Core::BudgetScope::Global;
        everyone.subjectName.clear();
        if (!budgets->set(admin, own) || !budgets->set(admin, role)) {
            return false;
        }
        if (global) {
            return bool(budgets->set(admin, everyone));
        }
        (void)budgets->remove(admin, Core::BudgetScope::Global, {}, std::nullopt); // none yet is fine
        return true;
    }

    bool seed(qint64 count) {
        const Core::Status done = db->transaction([&]() -> Core::Status {
            QSqlQuery insert(db->connection());
            insert.prepare(QStringLiteral(
                "INSERT INTO usage_ledger (at, day, account_id, provider, model, model_reported, feature, "
                "conversation_id, message_id, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, "
                "cost_micros, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-365);
            const QStringList models = {QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"),
                                        QStringLiteral("claude-sonnet-4-5"), QStringLiteral("llama3.2")};
            const qint64 step = 365LL * 24 * 3600 * 1000 / std::max<qint64>(count, 1);
            for (qint64 i = 0; i < count; ++i) {
                const QDateTime at = start.addMSecs(i * step);
                const QString& model = models.at(int(i % models.size()));
                const QVariantList values = {Core::toStoredTime(at),
                                             at.date().toString(Qt::ISODate),
                                             1 + i % 50,
                                             i % 4 < 2 ? QStringLiteral("openai") : QStringLiteral("other"),
                                             model,
                                             model,
                                             i % 10 == 0 ? QStringLiteral("title") : QStringLiteral("chat"),
                                             i / 8,
                                             i,
                                             500 + i % 3000,
                                             i % 7 == 0 ? 256 : 0,
                                             100 + i % 900,
                                             i % 5 == 0 ? 50 : 0,
                                             i % 4 == 3 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(i % 9000),
                                             QStringLiteral("complete")};
                for (int v = 0; v < values.size(); ++v) {
                    insert.bindValue(v, values[v]);
                }
                if (!insert.exec()) {
                    return Core::fail(Core::ErrorCode::StorageFailed, QStringLiteral("seed the ledger"));
                }
            }
            return {};
        });
        return bool(done);
    }

    static UsageStore& instance() {
        static UsageStore store;
        return store;
    }
};

void BM_LedgerRecord(benchmark::State& state) {
    UsageStore& store = UsageStore::instance();
    if (!store.ready) {
        Bench::fail(state, "the ledger was not seeded");
        return;
    }
    Core::LedgerEntry entry;
    entry.accountId = 7;
    entry.provider = QStringLiteral("openai");
    entry.model = QStringLiteral("gpt-4o-mini");
    entry.feature = QStringLiteral("chat");
    entry.inputTokens = 1200;
    entry.cachedInputTokens = 256;
    entry.outputTokens = 340;
    entry.costMicros = 384;
    entry.outcome = QStringLiteral("complete");
    for (auto _ : state) {
        entry.at = QDateTime();
        entry.day.clear();
        if (!store.ledger->record(entry)) {
            Bench::fail(state, "record failed");
            return;
        }
    }
}
BENCHMARK(BM_LedgerRecord)->Unit(benchmark::kMicrosecond);

void BM_UsageReportYearByDay(benchmark::State& state) {
    UsageStore& store = UsageStore::instance();
    if (!store.ready) {
        Bench::fail(state, "the ledger was not seeded");
        return;
    }
    Core::UsageQuery query;
    query.from = QDate::currentDate().addDays(-366);
    query.to = QDate::currentDate();
    query.by = {Core::UsageGrouping::Day};
    std::size_t rows = 0;
    for (auto _ : state) {
        auto report = store.ledger->report(store.admin, query);
        if (!report) {
            Bench::fail(state, "report failed");
            return;
        }
        rows = report->size();
    }
    state.counters["rows"] = double(rows);
}
BENCHMARK(BM_UsageReportYearByDay)->Unit(benchmark::kMillisecond);

// The check before a request: reserve (rate limits, then every budget that applies against the per-day totals and
// the answers in flight). Settling, which happens with the answer's ledger entry, is left out of the timing.
void budgetCheck(benchmark::State& state, bool global) {
    UsageStore& store = UsageStore::instance();
    if (!store.ready || !store.setBudgets(global)) {
        Bench::fail(state, "the ledger or the budgets were not set up");
        return;
    }
    const Core::Actor ada =
        Core::Actor::withRole(7, QStringLiteral("ada"), Core::BuiltInRole::Member, Core::ClientKind::Test);
    Core::RequestEstimate estimate;
    estimate.inputTokens = 1'200;
    estimate.maxOutputTokens = 1'000;
    estimate.costMicros = 18'000;
    for (auto _ : state) {
        auto reserved = store.budgets->reserve(ada, estimate);
        state.PauseTiming();
        const bool settled = reserved && store.budgets->settle(reserved->id);
        state.ResumeTiming();
        if (!settled) {
            Bench::fail(state, "reserve failed");
            return;
        }
    }
}

void BM_BudgetCheckUserAndRole(benchmark::State& state) {
    budgetCheck(state, false);
}
BENCHMARK(BM_BudgetCheckUserAndRole)->Unit(benchmark::kMicrosecond);

void BM_BudgetCheckWithGlobalMonth(benchmark::State& state) {
    budgetCheck(state, true);
}
BENCHMARK(BM_BudgetCheckWithGlobalMonth)->Unit(benchmark::kMicrosecond);

} // namespace
