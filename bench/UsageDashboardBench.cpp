// The usage dashboards' speed targets over 1,000,000 ledger entries in two years (the sample generator's team,
// scaled up): each chart's query under 50 ms, the Usage view showing data under 300 ms after it opens, and the
// memory of the open view under 50 MB above the app without it.
#include "BenchSupport.h"

#include "app/CoreServices.h"
#include "secrets/MemorySecretStore.h"
#include "usage/UsageDashboard.h"
#include "usage/UsageGenerator.h"
#include "usage/UsageLedger.h"
#include "usage/UsageReport.h"
#include "usage/UsageWindow.h"
#include "widgets/Dialogs.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>
#include <unistd.h>

namespace {

using namespace Tessera;

// A SQLite store with TESSERA_BENCH_MESSAGES sample entries (default 1,000,000) over the last two years.
struct DashboardStore {
    QTemporaryDir dir;
    Core::MemorySecretStore secrets;
    std::unique_ptr<Core::CoreServices> services;
    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Cli);
    QDate today;
    qint64 person = 0; // one of the generated people
    bool ready = false;

    DashboardStore() {
        auto opened = Core::CoreServices::open(dir.path(), secrets, nullptr);
        if (!opened) {
            return;
        }
        services = std::move(*opened);
        Core::UsageGeneration options;
        options.days = 730;
        options.entries = Bench::messageCount(1'000'000);
        auto made = services->usageGenerator().generate(owner, options);
        today = QDate::fromString(services->usage().dayOf(QDateTime::currentDateTimeUtc()), Qt::ISODate);
        // The person who used the most (a member's view of their own year).
        auto top = services->dashboards().top(owner, days(365), Core::UsageDimension::User, 1);
        if (top && !top->empty()) {
            person = top->front().key.toLongLong();
        }
        ready = made.has_value() && person != 0;
    }

    Core::UsageFilter days(int count) const {
        Core::UsageFilter filter;
        filter.from = today.addDays(-(count - 1));
        filter.to = today;
        return filter;
    }

    static DashboardStore& instance() {
        static DashboardStore store;
        return store;
    }
};

template <typename Query> void run(benchmark::State& state, Query query) {
    DashboardStore& store = DashboardStore::instance();
    if (!store.ready) {
        Bench::fail(state, "the sample usage was not generated");
        return;
    }
    for (auto _ : state) {
        if (!query(store)) {
            Bench::fail(state, "the query failed");
            return;
        }
    }
}

void BM_DashboardSummaryMonth(benchmark::State& state) {
    run(state, [](DashboardStore& s) { return s.services->dashboards().summary(s.owner, s.days(30)).has_value(); });
}
BENCHMARK(BM_DashboardSummaryMonth)->Unit(benchmark::kMillisecond);

void BM_DashboardCostByModelMonth(benchmark::State& state) {
    run(state, [](DashboardStore& s) {
        return s.services->dashboards().costOverTime(s.owner, s.days(30), Core::UsageDimension::Model).has_value();
    });
}
BENCHMARK(BM_DashboardCostByModelMonth)->Unit(benchmark::kMillisecond);

// The finer daily totals: a split by model reads every provider, model and feature of the year.
void BM_DashboardCostByModelYear(benchmark::State& state) {
    run(state, [](DashboardStore& s) {
        return s.services->dashboards().costOverTime(s.owner, s.days(365), Core::UsageDimension::Model).has_value();
    });
}
BENCHMARK(BM_DashboardCostByModelYear)->Unit(benchmark::kMillisecond);

void BM_DashboardTopModelsTwoYears(benchmark::State& state) {
    run(state, [](DashboardStore& s) {
        return s.services->dashboards().top(s.owner, s.days(730), Core::UsageDimension::Model).has_value();
    });
}
BENCHMARK(BM_DashboardTopModelsTwoYears)->Unit(benchmark::kMillisecond);

void BM_DashboardCostByPersonYear(benchmark::State& state) {
    run(state, [](DashboardStore& s) {
        return s.services->dashboards().costOverTime(s.owner, s.days(365), Core::UsageDimension::User).has_value();
    });
}
BENCHMARK(BM_DashboardCostByPersonYear)->Unit(benchmark::kMillisecond);

void BM_DashboardTokensTwoYears(benchmark::State& state) {
    run(state,
        [](DashboardStore& s) { return s.services->dashboards().tokensOverTime(s.owner, s.days(730)).has_value(); });
}
BENCHMARK(BM_DashboardTokensTwoYears)->Unit(benchmark::kMillisecond);

void BM_DashboardTopPeopleYear(benchmark::State& state) {
    run(state, [](DashboardStore& s) {
        return s.services->dashboards().top(s.owner, s.days(365), Core::UsageDimension::User).has_value();
    });
}
BENCHMARK(BM_DashboardTopPeopleYear)->Unit(benchmark::kMillisecond);

void BM_DashboardCostOfTwoDaysByHour(benchmark::State& state) {
    run(state, [](DashboardStore& s) {
        return s.services->dashboards().costOverTime(s.owner, s.days(2), Core::UsageDimension::Provider).has_value();
    });
}
BENCHMARK(BM_DashboardCostOfTwoDaysByHour)->Unit(benchmark::kMillisecond);

// The speed chart's p95 series: two years of everyone's latency bins by month.
void BM_DashboardLatencyTwoYears(benchmark::State& state) {
    run(state,
        [](DashboardStore& s) { return s.services->dashboards().latencyOverTime(s.owner, s.days(730)).has_value(); });
}
BENCHMARK(BM_DashboardLatencyTwoYears)->Unit(benchmark::kMillisecond);

// One person's: their own bins (what a member's view reads).
void BM_DashboardLatencyOfOnePersonYear(benchmark::State& state) {
    run(state, [](DashboardStore& s) {
        Core::UsageFilter filter = s.days(365);
        filter.accountId = s.person;
        return s.services->dashboards().latencyOverTime(s.owner, filter).has_value();
    });
}
BENCHMARK(BM_DashboardLatencyOfOnePersonYear)->Unit(benchmark::kMillisecond);

void BM_DashboardReliabilityTwoYears(benchmark::State& state) {
    run(state, [](DashboardStore& s) {
        return s.services->dashboards().reliabilityOverTime(s.owner, s.days(730)).has_value();
    });
}
BENCHMARK(BM_DashboardReliabilityTwoYears)->Unit(benchmark::kMillisecond);

// Requests over a year by provider (usage chart --metric requests): the requests sums of the finer daily totals.
void BM_DashboardRequestsByProviderYear(benchmark::State& state) {
    run(state, [](DashboardStore& s) {
        return s.services->dashboards()
            .overTime(s.owner, s.days(365), Core::UsageDimension::Provider, Core::UsageMetric::Requests)
            .has_value();
    });
}
BENCHMARK(BM_DashboardRequestsByProviderYear)->Unit(benchmark::kMillisecond);

// The whole dashboard of a month as a PDF report (usage pdf): every query, then every chart and table drawn.
void BM_UsageReportPdfMonth(benchmark::State& state) {
    QTemporaryDir out;
    run(state, [&out](DashboardStore& s) {
        Ui::UsageRequest request;
        request.filter = s.days(30);
        const Ui::UsageSnapshot snapshot =
            Ui::readUsageSnapshot(s.services->dashboards(), s.services->budgetPace(), s.owner, request);
        Ui::UsageReportHeader header;
        header.generated = QDateTime::currentDateTimeUtc();
        header.zone = s.services->usage().timeZone();
        return !snapshot.error &&
               Ui::writeUsageReportPdf(out.filePath(QStringLiteral("report.pdf")), snapshot, header).has_value();
    });
}
BENCHMARK(BM_UsageReportPdfMonth)->Unit(benchmark::kMillisecond);

long residentKilobytes() {
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLong() * (sysconf(_SC_PAGESIZE) / 1024) : 0;
}

// From opening View ▸ Usage to its tiles and charts showing the last 30 days (the queries on the worker thread,
// the charts drawn), and what the open view adds to the resident memory.
void BM_UsageViewShowsData(benchmark::State& state) {
    DashboardStore& store = DashboardStore::instance();
    if (!store.ready) {
        Bench::fail(state, "the sample usage was not generated");
        return;
    }
    long added = 0;
    Ui::QtDialogs dialogs;
    for (auto _ : state) {
        const long before = residentKilobytes();
        auto* window = new Ui::UsageWindow(*store.services, store.owner, dialogs);
        window->setAttribute(Qt::WA_DeleteOnClose, false);
        window->resize(1240, 1320);
        window->show();
        QElapsedTimer timer;
        timer.start();
        while (window->snapshot().generation == 0 && timer.elapsed() < 30'000) {
            QApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        window->grab(); // drawn, as a person would see it
        added = std::max(added, residentKilobytes() - before);
        if (window->snapshot().generation == 0 || window->snapshot().error) {
            Bench::fail(state, "the view showed no data");
            delete window;
            return;
        }
        state.PauseTiming();
        delete window;
        QApplication::processEvents();
        state.ResumeTiming();
    }
    state.counters["view_MB"] = double(added) / 1024.0;
}
BENCHMARK(BM_UsageViewShowsData)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
