// Background jobs on both engines: every item run once within the job's concurrency and the provider's limit across
// jobs, each outcome written as it finishes, failures counted and kept, a budget reached pausing the job, pause,
// resume and cancel, and a job left running by a process that is gone resumed without repeating finished items.
#include "jobs/JobRunner.h"

#include "storage/Database.h"

#include "support/CoreFixture.h"
#include "support/QtPrinters.h"
#include "support/TestHelpers.h"

#include <QTimer>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::waitUntil;

namespace {

// Answers each item after a few milliseconds: "ok" (the default), "fail" (a provider error), "budget" (the budget
// is reached, until `budgetReached` is cleared). Counts what runs at once, in all and per provider.
class FakeHandler final : public JobHandler {
public:
    int delayMs = 3;
    bool budgetReached = true;
    int inFlight = 0;
    int maxInFlight = 0;
    QHash<QString, int> perProvider;
    int maxPerProvider = 0;
    std::map<std::pair<qint64, qint64>, int> runs; // (job, position) → times run
    QObject context;

    void run(const JobInfo& job, const JobItem& item, Done done) override {
        ++runs[{job.id, item.position}];
        maxInFlight = std::max(maxInFlight, ++inFlight);
        const QString provider = resource(job, item);
        maxPerProvider = std::max(maxPerProvider, ++perProvider[provider]);
        const QString mode = item.input.value(QLatin1StringView("mode")).toString();
        QTimer::singleShot(delayMs, &context, [this, provider, mode, item, done = std::move(done)] {
            --inFlight;
            --perProvider[provider];
            if (mode == QLatin1StringView("fail")) {
                done(fail(ErrorCode::ProviderUnavailable, QStringLiteral("the server answered 500")));
            } else if (mode == QLatin1StringView("budget") && budgetReached) {
                done(fail(ErrorCode::QuotaExceeded, QStringLiteral("the monthly budget is reached")));
            } else {
                done(QJsonObject{{QStringLiteral("answer"), QStringLiteral("answer %1").arg(item.position)}});
            }
        });
    }
    QString resource(const JobInfo&, const JobItem& item) const override {
        return item.input.value(QLatin1StringView("provider")).toString(QStringLiteral("p"));
    }
    // A cancel of a job nothing runs: noted, and answered when the test says.
    void callOff(const JobInfo& job, CalledOff done) override {
        calledOff.push_back(job.id);
        pendingCallOff = std::move(done);
    }
    std::vector<qint64> calledOff;
    CalledOff pendingCallOff;

    int timesRun(qint64 job, qint64 position) const {
        const auto found = runs.find({job, position});
        return found == runs.end() ? 0 : found->second;
    }
};

class JobRunnerTest : public ::testing::Test {
protected:
    void SetUp() override {
        store = std::make_unique<JobStore>(*core.db, core.clock);
        runner = std::make_unique<JobRunner>(*store, core.clock);
        handler = std::make_shared<FakeHandler>();
        runner->registerKind(QStringLiteral("test"), handler);
        QObject::connect(runner.get(), &JobRunner::ended, [this](qint64 id, JobState state, const QString& reason) {
            endings[id] = {state, reason};
        });
    }

    JobInfo job(int items, int concurrency, const std::function<QJsonObject(int)>& input = {}) {
        std::vector<QJsonObject> inputs;
        for (int i = 1; i <= items; ++i) {
            inputs.push_back(input ? input(i) : QJsonObject{{QStringLiteral("n"), i}});
        }
        auto made = store->create(owner, QStringLiteral("test"), QStringLiteral("a test"),
                                  QJsonObject{{QStringLiteral("concurrency"), concurrency}}, inputs);
        EXPECT_TRUE(made) << made.error().toLogString().toStdString();
        return made.value_or(JobInfo{});
    }

    bool ended(qint64 id) const { return endings.count(id) > 0; }

    CoreFixture core;
    std::unique_ptr<JobStore> store;
    std::unique_ptr<JobRunner> runner;
    std::shared_ptr<FakeHandler> handler;
    std::map<qint64, std::pair<JobState, QString>> endings;
    const Actor owner = Actor::owner(ClientKind::Test);
};

} // namespace

TEST_F(JobRunnerTest, EveryItemRunsOnceWithinTheJobsConcurrencyAndItsResultIsKept) {
    const JobInfo made = job(600, 3);
    EXPECT_EQ(made.state, JobState::Queued);
    EXPECT_EQ(made.total, 600);
    std::vector<JobProgress> seen;
    QObject::connect(runner.get(), &JobRunner::progressed,
                     [&seen](qint64, const JobProgress& progress) { seen.push_back(progress); });
    ASSERT_TRUE(runner->start(owner, made.id));
    EXPECT_TRUE(runner->isRunning(made.id));
    ASSERT_TRUE(waitUntil([&] { return ended(made.id); }, 30'000));
    EXPECT_EQ(endings[made.id].first, JobState::Finished);
    EXPECT_EQ(handler->maxInFlight, 3) << "never more than the job's concurrency, and all of it used";
    for (qint64 position = 1; position <= 600; ++position) {
        ASSERT_EQ(handler->timesRun(made.id, position), 1) << "item " << position;
    }
    auto finished = store->get(owner, made.id);
    ASSERT_TRUE(finished);
    EXPECT_EQ(finished->state, JobState::Finished);
    EXPECT_EQ(finished->done, 600);
    EXPECT_EQ(finished->failed, 0);
    EXPECT_TRUE(finished->runner.isEmpty());
    EXPECT_TRUE(finished->finishedAt.isValid());
    auto items = store->items(owner, made.id, false, 595);
    ASSERT_TRUE(items);
    ASSERT_EQ(items->size(), 5u);
    EXPECT_EQ(items->front().state, JobItemState::Done);
    EXPECT_EQ(items->front().result.value(QLatin1StringView("answer")).toString(), QStringLiteral("answer 596"));
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.back().done, 600);
    EXPECT_TRUE(seen[seen.size() / 2].secondsLeft.has_value()) << "an estimate once items have finished";
    EXPECT_FALSE(runner->isRunning(made.id));
    EXPECT_EQ(runner->start(owner, made.id).error().code, ErrorCode::InvalidArgument) << "a finished job is over";
}

TEST_F(JobRunnerTest, AProvidersLimitHoldsAcrossJobs) {
    runner->setResourceLimit(4);
    const JobInfo first = job(40, 8);
    const JobInfo second = job(40, 8, [](int i) {
        return QJsonObject{{QStringLiteral("provider"), i % 2 == 0 ? QStringLiteral("p") : QStringLiteral("q")}};
    });
    ASSERT_TRUE(runner->start(owner, first.id));
    ASSERT_TRUE(runner->start(owner, second.id));
    ASSERT_TRUE(waitUntil([&] { return ended(first.id) && ended(second.id); }, 30'000));
    EXPECT_EQ(handler->maxPerProvider, 4) << "at most 4 requests at once to one provider, whichever job sends them";
    EXPECT_GT(handler->maxInFlight, 4) << "another provider is not held up by the first";
    EXPECT_EQ(store->get(owner, first.id)->done, 40);
    EXPECT_EQ(store->get(owner, second.id)->done, 40);
}

TEST_F(JobRunnerTest, FailedItemsAreCountedWithTheirErrorAndTheJobGoesOn) {
    const JobInfo made = job(20, 4, [](int i) {
        return QJsonObject{{QStringLiteral("mode"), i % 5 == 0 ? QStringLiteral("fail") : QStringLiteral("ok")}};
    });
    ASSERT_TRUE(runner->start(owner, made.id));
    ASSERT_TRUE(waitUntil([&] { return ended(made.id); }, 30'000));
    EXPECT_EQ(endings[made.id].first, JobState::Finished);
    auto finished = store->get(owner, made.id);
    EXPECT_EQ(finished->done, 16);
    EXPECT_EQ(finished->failed, 4);
    auto items = store->items(owner, made.id, false, 4, 1);
    ASSERT_TRUE(items);
    ASSERT_EQ(items->size(), 1u);
    EXPECT_EQ(items->front().state, JobItemState::Failed);
    EXPECT_EQ(items->front().error, QStringLiteral("provider.unavailable: the server answered 500"));
}

TEST_F(JobRunnerTest, ABudgetReachedPausesTheJobInAClearStateAndResumingFinishesIt) {
    const JobInfo made = job(30, 2, [](int i) {
        return QJsonObject{{QStringLiteral("mode"), i == 10 ? QStringLiteral("budget") : QStringLiteral("ok")}};
    });
    ASSERT_TRUE(runner->start(owner, made.id));
    ASSERT_TRUE(waitUntil([&] { return ended(made.id); }, 30'000));
    EXPECT_EQ(endings[made.id].first, JobState::Paused);
    EXPECT_TRUE(endings[made.id].second.startsWith(QStringLiteral("quota.exceeded")))
        << endings[made.id].second.toStdString();
    auto paused = store->get(owner, made.id);
    EXPECT_EQ(paused->state, JobState::Paused);
    EXPECT_EQ(paused->reason, endings[made.id].second) << "the store says why";
    EXPECT_LT(paused->done, 30);
    EXPECT_EQ(store->items(owner, made.id, true)->front().position, 10) << "the item stays to do";

    handler->budgetReached = false; // a new month
    endings.clear();
    ASSERT_TRUE(runner->start(owner, made.id));
    ASSERT_TRUE(waitUntil([&] { return ended(made.id); }, 30'000));
    EXPECT_EQ(endings[made.id].first, JobState::Finished);
    EXPECT_EQ(store->get(owner, made.id)->done, 30);
    EXPECT_EQ(handler->timesRun(made.id, 10), 2) << "asked again after the budget allowed it";
    for (qint64 position = 1; position <= 30; ++position) {
        if (position != 10) {
            EXPECT_EQ(handler->timesRun(made.id, position), 1) << "item " << position;
        }
    }
}

TEST_F(JobRunnerTest, PauseResumeAndCancel) {
    handler->delayMs = 5;
    const JobInfo made = job(200, 2);
    ASSERT_TRUE(runner->start(owner, made.id));
    ASSERT_TRUE(waitUntil([&] { return store->get(owner, made.id)->done >= 10; }));
    ASSERT_TRUE(runner->pause(owner, made.id));
    ASSERT_TRUE(waitUntil([&] { return ended(made.id); }));
    EXPECT_EQ(endings[made.id].first, JobState::Paused);
    const qint64 doneWhenPaused = store->get(owner, made.id)->done;
    EXPECT_LT(doneWhenPaused, 200);
    EXPECT_EQ(store->get(owner, made.id)->reason, QStringLiteral("paused by owner"));

    endings.clear();
    ASSERT_TRUE(runner->start(owner, made.id)); // resume
    ASSERT_TRUE(waitUntil([&] { return store->get(owner, made.id)->done >= doneWhenPaused + 10; }));
    ASSERT_TRUE(runner->cancel(owner, made.id));
    ASSERT_TRUE(waitUntil([&] { return ended(made.id); }));
    EXPECT_EQ(endings[made.id].first, JobState::Cancelled);
    auto cancelled = store->get(owner, made.id);
    EXPECT_EQ(cancelled->state, JobState::Cancelled);
    EXPECT_LT(cancelled->done, 200);
    for (const auto& [key, times] : handler->runs) {
        EXPECT_EQ(times, 1) << "item " << key.second << " ran once, across the pause";
    }
    EXPECT_EQ(runner->start(owner, made.id).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(runner->pause(owner, made.id).error().code, ErrorCode::InvalidArgument);

    // Another person's job reads as missing.
    const Actor other = Actor::withRole(7, QStringLiteral("eve"), BuiltInRole::Member, ClientKind::Test);
    EXPECT_EQ(runner->cancel(other, made.id).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store->get(other, made.id).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(store->remove(owner, made.id));
    EXPECT_EQ(store->get(owner, made.id).error().code, ErrorCode::NotFound);
}

TEST_F(JobRunnerTest, ACancelOfAJobNothingRunsCallsOffWhatItLeftBehindAndSaysHowThatWent) {
    handler->delayMs = 5;
    const JobInfo made = job(100, 2);
    ASSERT_TRUE(runner->start(owner, made.id));
    ASSERT_TRUE(waitUntil([&] { return store->get(owner, made.id)->done >= 4; }));
    ASSERT_TRUE(runner->pause(owner, made.id));
    ASSERT_TRUE(waitUntil([&] { return ended(made.id); }));
    EXPECT_TRUE(handler->calledOff.empty()) << "a pause leaves everything for the resume";
    endings.clear();

    // Cancelled while paused: the store says so at once, the handler calls off the rest, and the job ends with
    // its note.
    ASSERT_TRUE(runner->cancel(owner, made.id));
    EXPECT_EQ(store->get(owner, made.id)->state, JobState::Cancelled);
    ASSERT_EQ(handler->calledOff, std::vector<qint64>{made.id});
    EXPECT_TRUE(runner->isCallingOff(made.id));
    EXPECT_FALSE(ended(made.id));
    ASSERT_TRUE(handler->pendingCallOff);
    handler->pendingCallOff(QStringLiteral("the provider's job ftjob-1 is cancelled"));
    EXPECT_FALSE(runner->isCallingOff(made.id));
    ASSERT_TRUE(ended(made.id));
    EXPECT_EQ(endings[made.id].first, JobState::Cancelled);
    const QString reason = QStringLiteral("cancelled by owner; the provider's job ftjob-1 is cancelled");
    EXPECT_EQ(endings[made.id].second, reason);
    EXPECT_EQ(store->get(owner, made.id)->reason, reason);

    // A queued job with nothing to say keeps its reason; a pause of a paused job calls nothing off.
    endings.clear();
    const JobInfo queued = job(3, 1);
    ASSERT_TRUE(runner->cancel(owner, queued.id));
    handler->pendingCallOff({});
    ASSERT_TRUE(ended(queued.id));
    EXPECT_EQ(store->get(owner, queued.id)->reason, QStringLiteral("cancelled by owner"));
    EXPECT_EQ(handler->calledOff.size(), 2U);
    EXPECT_EQ(runner->cancel(owner, queued.id).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(handler->calledOff.size(), 2U) << "a job that is over is not called off again";
}

TEST_F(JobRunnerTest, AJobLeftRunningByAProcessThatIsGoneResumesWithoutRepeatingFinishedItems) {
    const JobInfo made = job(50, 4);
    // Another process ran it, finished 20 items and died (kill -9): its row stays "running" under an owner that
    // no longer holds the store.
    for (qint64 position = 1; position <= 20; ++position) {
        ASSERT_TRUE(store->finishItem(made.id, position, JobItemState::Done, QJsonObject{{QStringLiteral("answer"), 1}},
                                      {}, 10));
    }
    ASSERT_TRUE(core.db->exec(QStringLiteral("UPDATE jobs SET state = 'running', runner = 'gone-process' WHERE id = ?"),
                              {made.id}));
    auto resumed = runner->resumeInterrupted(owner);
    ASSERT_TRUE(resumed);
    ASSERT_EQ(resumed->size(), 1u);
    EXPECT_EQ(resumed->front().id, made.id);
    ASSERT_TRUE(waitUntil([&] { return ended(made.id); }, 30'000));
    EXPECT_EQ(endings[made.id].first, JobState::Finished);
    EXPECT_EQ(store->get(owner, made.id)->done, 50);
    for (qint64 position = 1; position <= 50; ++position) {
        EXPECT_EQ(handler->timesRun(made.id, position), position <= 20 ? 0 : 1) << "item " << position;
    }
    // Finishing an item twice counts it once.
    ASSERT_TRUE(store->finishItem(made.id, 1, JobItemState::Failed, {}, QStringLiteral("late"), 1));
    EXPECT_EQ(store->get(owner, made.id)->done, 50);
    EXPECT_EQ(store->get(owner, made.id)->failed, 0);
}

TEST_F(JobRunnerTest, AJobAnotherLiveProcessRunsIsNotTakenAndAnUnknownKindIsRefused) {
    const JobInfo made = job(5, 1);
    // Another Tessera process holds the store and runs the job.
    const QString now = toStoredTime(core.clock.nowUtc());
    ASSERT_TRUE(core.db->exec(QStringLiteral("INSERT INTO store_owners (id, host, pid, started_at, heartbeat_at) "
                                             "VALUES ('other-process', 'host', 1, ?, ?)"),
                              {now, now}));
    ASSERT_TRUE(core.db->exec(
        QStringLiteral("UPDATE jobs SET state = 'running', runner = 'other-process' WHERE id = ?"), {made.id}));
    auto taken = runner->start(owner, made.id);
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().code, ErrorCode::StoreBusy) << "two processes never run one job";
    EXPECT_TRUE(runner->resumeInterrupted(owner)->empty()) << "a live process's job is not interrupted";
    // A pause is asked of the process running it, through the store: the row says so at once, and the job stays
    // that process's until it has stopped.
    ASSERT_TRUE(runner->pause(owner, made.id));
    EXPECT_EQ(store->get(owner, made.id)->state, JobState::Paused);
    EXPECT_EQ(store->get(owner, made.id)->runner, QStringLiteral("other-process"));
    EXPECT_EQ(runner->start(owner, made.id).error().code, ErrorCode::StoreBusy);
    // Once that process is gone, the job is free to take.
    ASSERT_TRUE(core.db->exec(QStringLiteral("DELETE FROM store_owners WHERE id = 'other-process'")));
    ASSERT_TRUE(runner->start(owner, made.id));
    ASSERT_TRUE(waitUntil([&] { return ended(made.id); }));

    auto other = store->create(owner, QStringLiteral("unknown-kind"), {}, {}, {QJsonObject{}});
    ASSERT_TRUE(other);
    EXPECT_EQ(runner->start(owner, other->id).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(store->create(owner, QStringLiteral("test"), {}, {}, {}).error().code, ErrorCode::InvalidArgument);
}

TEST_F(JobRunnerTest, APauseOrCancelAskedByAnotherProcessStopsTheRunningJob) {
    handler->delayMs = 20; // 400 items take 4 s: long enough to be running when the runner's watch looks
    const JobInfo made = job(400, 2);
    ASSERT_TRUE(runner->start(owner, made.id));
    ASSERT_TRUE(waitUntil([&] { return store->get(owner, made.id)->done >= 5; }));
    // What `tessera-cli jobs pause ID` does from another process: it writes the request, and this runner sees it.
    ASSERT_TRUE(store->request(made.id, JobState::Paused, QStringLiteral("paused by eve")).value_or(false));
    ASSERT_TRUE(waitUntil([&] { return ended(made.id); }, 10'000));
    EXPECT_EQ(endings[made.id].first, JobState::Paused);
    EXPECT_EQ(endings[made.id].second, QStringLiteral("paused by eve"));
    auto paused = store->get(owner, made.id);
    EXPECT_EQ(paused->state, JobState::Paused);
    EXPECT_TRUE(paused->runner.isEmpty()) << "free to resume anywhere";
    EXPECT_LT(paused->done, 400);
    EXPECT_FALSE(store->request(made.id, JobState::Cancelled, {}).value_or(true)) << "no process holds it now";

    // A second runner (as another window would) asks through the store too.
    endings.clear();
    ASSERT_TRUE(runner->start(owner, made.id));
    JobRunner elsewhere(*store, core.clock);
    ASSERT_TRUE(elsewhere.cancel(owner, made.id));
    ASSERT_TRUE(waitUntil([&] { return ended(made.id); }, 10'000));
    EXPECT_EQ(endings[made.id].first, JobState::Cancelled);
    EXPECT_EQ(store->get(owner, made.id)->state, JobState::Cancelled);
    EXPECT_LT(store->get(owner, made.id)->done, 400);
    for (const auto& [key, times] : handler->runs) {
        EXPECT_EQ(times, 1) << "item " << key.second;
    }
}
