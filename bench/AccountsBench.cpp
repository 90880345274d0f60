// Accounts' speed targets: a permission check and a flag lookup each under 1 µs; a sign-in between 50 and 500 ms
// (Argon2id's cost, stated in docs/performance.md); the newest page of a 1,000,000-entry audit log under 20 ms;
// verifying 1,000,000 entries under 5 s.
#include "BenchSupport.h"

#include "accounts/AccountService.h"
#include "accounts/Authorization.h"
#include "accounts/FeatureFlags.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/SettingsRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

namespace {

using namespace Tessera;

const QString kPassword = QStringLiteral("correct horse battery staple");

// One SQLite store with accounts switched on and an audit log of TESSERA_BENCH_MESSAGES entries (default
// 1,000,000), seeded once with a valid chain.
struct AccountsStore {
    QTemporaryDir dir;
    Core::SystemClock clock;
    std::unique_ptr<Core::Database> db;
    std::unique_ptr<Core::SettingsRepository> settings;
    std::unique_ptr<Core::AuditLog> audit;
    std::unique_ptr<Core::FeatureFlags> flags;
    std::unique_ptr<Core::AccountService> accounts;
    Core::Actor admin = Core::Actor::owner(Core::ClientKind::Test);
    qint64 entries = 0;
    bool ready = false;

    AccountsStore() {
        auto opened = Core::Database::open(dir.filePath(QStringLiteral("bench.sqlite3")));
        if (!opened) {
            return;
        }
        db = std::move(*opened);
        settings = std::make_unique<Core::SettingsRepository>(*db);
        audit = std::make_unique<Core::AuditLog>(*db, clock);
        flags = std::make_unique<Core::FeatureFlags>(*db, *audit, clock);
        accounts = std::make_unique<Core::AccountService>(*db, *settings, *audit, clock);
        if (!accounts->enableMultiUser(admin, QStringLiteral("boss"), kPassword)) {
            return;
        }
        for (int i = 0; i < 50; ++i) {
            (void)accounts->addUser(admin, QStringLiteral("user%1").arg(i), QString(), QStringLiteral("Member"),
                                    kPassword);
        }
        (void)flags->set(admin, Core::Feature::Export, Core::FlagScope::Role, 3, false);
        (void)flags->set(admin, Core::Feature::Export, Core::FlagScope::User, 7, true);
        ready = seedAudit(Bench::messageCount(1'000'000));
    }

    // Appends entries in one transaction with prepared statements, chaining them exactly as AuditRepository does.
    bool seedAudit(qint64 count) {
        const Core::Status done = db->transaction([&]() -> Core::Status {
            auto head = db->exec(QStringLiteral("SELECT last_id, last_hash FROM audit_head WHERE id = 1"));
            if (!head || !head->next()) {
                return Core::fail(Core::ErrorCode::StorageFailed, QStringLiteral("no audit head"));
            }
            qint64 id = head->value(0).toLongLong();
            QString previous =
                head->value(1).toString().isEmpty() ? Core::AuditRepository::genesisHash() : head->value(1).toString();
            QSqlQuery insert(db->connection());
            insert.prepare(
                QStringLiteral("INSERT INTO audit_log (id, at, actor_id, actor_name, action, target, client, "
                               "outcome, correlation_id, detail, prev_hash, hash) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-365);
            const QStringList actions = {QStringLiteral("auth.sign_in"), QStringLiteral("auth.sign_out"),
                                         QStringLiteral("data.export"), QStringLiteral("user.update"),
                                         QStringLiteral("conversation.delete")};
            for (qint64 i = 0; i < count; ++i) {
                Core::AuditEntry entry;
                entry.id = ++id;
                entry.at = start.addMSecs(i * 30'000);
                entry.actorId = 1 + i % 52;
                entry.actorName = QStringLiteral("user%1").arg(entry.actorId);
                entry.action = actions.at(int(i % actions.size()));
                entry.target = QStringLiteral("user:user%1").arg(i % 50);
                entry.client = i % 3 == 0 ? QStringLiteral("cli") : QStringLiteral("gui");
                entry.outcome = i % 17 == 0 ? QStringLiteral("failure") : QStringLiteral("success");
                entry.correlationId = QStringLiteral("%1").arg(i, 16, 16, QLatin1Char('0'));
                entry.detail = QStringLiteral("session %1").arg(i);
                entry.prevHash = previous;
                entry.hash = Core::AuditRepository::chainHash(previous, entry);
                const QVariantList values = {entry.id,
                                             Core::toStoredTime(entry.at),
                                             entry.actorId,
                                             entry.actorName,
                                             entry.action,
                                             entry.target,
                                             entry.client,
                                             entry.outcome,
                                             entry.correlationId,
                                             entry.detail,
                                             entry.prevHash,
                                             entry.hash};
                for (int v = 0; v < values.size(); ++v) {
                    insert.bindValue(v, values[v]);
                }
                if (!insert.exec()) {
                    return Core::fail(Core::ErrorCode::StorageFailed, QStringLiteral("seed the audit log"));
                }
                previous = entry.hash;
            }
            auto moved = db->exec(QStringLiteral("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1"),
                                  {id, previous});
            return moved ? Core::Status{} : Core::fail(moved.error());
        });
        if (!done) {
            return false;
        }
        auto total = db->exec(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        entries = total && total->next() ? total->value(0).toLongLong() : 0;
        return entries >= count;
    }

    static AccountsStore& instance() {
        static AccountsStore store;
        return store;
    }
};

void BM_PermissionCheck(benchmark::State& state) {
    const Core::Actor actor =
        Core::Actor::withRole(3, QStringLiteral("m"), Core::BuiltInRole::Member, Core::ClientKind::Test);
    for (auto _ : state) {
        benchmark::DoNotOptimize(Core::require(actor, Core::Permission::DataExport));
    }
}
BENCHMARK(BM_PermissionCheck);

void BM_FlagLookup(benchmark::State& state) {
    AccountsStore& store = AccountsStore::instance();
    if (!store.ready) {
        Bench::fail(state, "the store could not be seeded");
        return;
    }
    const Core::Actor actor =
        Core::Actor::withRole(7, QStringLiteral("m"), Core::BuiltInRole::Member, Core::ClientKind::Test);
    for (auto _ : state) {
        benchmark::DoNotOptimize(store.flags->enabled(actor, Core::Feature::Export));
    }
}
BENCHMARK(BM_FlagLookup);

void BM_SignIn(benchmark::State& state) {
    AccountsStore& store = AccountsStore::instance();
    if (!store.ready) {
        Bench::fail(state, "the store could not be seeded");
        return;
    }
    for (auto _ : state) {
        auto signedIn = store.accounts->signIn(QStringLiteral("user7"), kPassword, Core::ClientKind::Test);
        if (!signedIn) {
            Bench::fail(state, "sign-in failed");
            return;
        }
    }
}
BENCHMARK(BM_SignIn)->Unit(benchmark::kMillisecond);

void BM_AuditNewestPage(benchmark::State& state) {
    AccountsStore& store = AccountsStore::instance();
    if (!store.ready) {
        Bench::fail(state, "the store could not be seeded");
        return;
    }
    Core::AuditFilter filter;
    filter.limit = 100;
    if (state.range(0) == 1) {
        filter.actorId = 7; // one person's entries
    } else if (state.range(0) == 2) {
        filter.action = QStringLiteral("auth.*");
    }
    for (auto _ : state) {
        auto page = store.audit->list(store.admin, filter);
        if (!page || page->empty()) {
            Bench::fail(state, "the page is empty");
            return;
        }
    }
    state.counters["entries"] = double(store.entries);
}
BENCHMARK(BM_AuditNewestPage)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_AuditVerify(benchmark::State& state) {
    AccountsStore& store = AccountsStore::instance();
    if (!store.ready) {
        Bench::fail(state, "the store could not be seeded");
        return;
    }
    for (auto _ : state) {
        auto result = store.audit->verify(store.admin);
        if (!result || !result->ok) {
            Bench::fail(state, "the chain does not verify");
            return;
        }
    }
    state.counters["entries"] = double(store.entries);
}
BENCHMARK(BM_AuditVerify)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace
