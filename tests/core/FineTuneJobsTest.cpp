// Fine-tuning jobs on both engines: submitting checks the file (as an export is checked), the provider's kind, the
// settings and the permissions before anything is made or sent, and makes a queued job of three steps with an audit
// entry; a run cut off after the provider made its job, before the job's id was kept, finds that job again by its
// training file instead of making a second; the status reads the steps' results and asks the provider.
#include "audit/AuditLog.h"
#include "jobs/JobRunner.h"
#include "jobs/JobStore.h"
#include "prompts/FineTuningJobs.h"
#include "providers/ProviderFactory.h"
#include "storage/ProviderRepository.h"
#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::waitUntil;

namespace {

class FineTuneJobsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        jobStore = std::make_unique<JobStore>(*core.db, core.clock);
        service = std::make_unique<FineTuneJobs>(*core.db, *core.providers, *core.keys, *core.factory, *jobStore,
                                                 *core.audit);
        core.addProvider(QStringLiteral("local"), server.baseUrl());
    }

    QString trainingFile(int examples, const QByteArray& extraLine = {}) {
        QByteArray jsonl;
        for (int i = 0; i < examples; ++i) {
            jsonl +=
                QJsonDocument(
                    QJsonObject{{QStringLiteral("messages"),
                                 QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                        {QStringLiteral("content"), QStringLiteral("Q%1").arg(i)}},
                                            QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                        {QStringLiteral("content"), QStringLiteral("A%1").arg(i)}}}}})
                    .toJson(QJsonDocument::Compact) +
                '\n';
        }
        jsonl += extraLine;
        const QString path = files.filePath(QStringLiteral("train-%1.jsonl").arg(++made));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(jsonl);
        return path;
    }

    FineTuneSubmission submission(const QString& path) const {
        FineTuneSubmission s;
        s.path = path;
        s.provider = QStringLiteral("local");
        s.baseModel = QStringLiteral("gpt-test-mini");
        s.pollMs = 100;
        return s;
    }

    // Runs the job in a runner of its own until it ends; its final state.
    JobState runToEnd(qint64 id) {
        JobRunner runner(*jobStore, core.clock);
        runner.registerKind(QStringLiteral("finetune"), service->handler(owner));
        std::optional<JobState> ended;
        QObject::connect(&runner, &JobRunner::ended, [&](qint64 jobId, JobState state) {
            if (jobId == id) {
                ended = state;
            }
        });
        EXPECT_TRUE(runner.start(owner, id));
        EXPECT_TRUE(waitUntil([&] { return ended.has_value(); }, 20'000));
        return ended.value_or(JobState::Running);
    }

    CoreFixture core;
    Tessera::Testing::FakeProviderServer server;
    std::unique_ptr<JobStore> jobStore;
    std::unique_ptr<FineTuneJobs> service;
    QTemporaryDir files;
    int made = 0;
    const Actor owner = Actor::owner(ClientKind::Test);
};

} // namespace

TEST_F(FineTuneJobsTest, SubmittingChecksEverythingBeforeAJobIsMadeAndRecordsIt) {
    const QString good = trainingFile(12);
    const Actor auditor = Actor::withRole(9, QStringLiteral("aud"), BuiltInRole::Auditor, ClientKind::Test);
    EXPECT_EQ(service->submit(auditor, submission(good)).error().code, ErrorCode::AuthForbidden);

    auto broken = service->submit(owner, submission(trainingFile(12, "{\"messages\": [{\"role\": \"robot\"}]}\n")));
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().code, ErrorCode::ImportInvalid);
    EXPECT_TRUE(broken.error().detail.contains(QStringLiteral("line 13"))) << broken.error().detail.toStdString();
    EXPECT_EQ(service->submit(owner, submission(files.filePath(QStringLiteral("none.jsonl")))).error().code,
              ErrorCode::NotFound);

    FineTuneSubmission bad = submission(good);
    bad.epochs = 0;
    EXPECT_EQ(service->submit(owner, bad).error().code, ErrorCode::InvalidArgument);
    bad = submission(good);
    bad.suffix = QStringLiteral("no spaces");
    EXPECT_EQ(service->submit(owner, bad).error().code, ErrorCode::InvalidArgument);
    bad = submission(good);
    bad.baseModel = QStringLiteral("  ");
    EXPECT_EQ(service->submit(owner, bad).error().code, ErrorCode::InvalidArgument);
    bad = submission(good);
    bad.provider = QStringLiteral("nobody");
    EXPECT_EQ(service->submit(owner, bad).error().code, ErrorCode::NotFound);

    // OpenAI itself needs 10 examples; an Anthropic provider has no fine-tuning API Tessera speaks.
    ProviderConfig openai;
    openai.name = QStringLiteral("openai");
    openai.kind = ProviderKind::OpenAi;
    openai.baseUrl = server.baseUrl();
    openai.defaultModel = QStringLiteral("gpt-test");
    ASSERT_TRUE(core.providers->add(openai));
    bad = submission(trainingFile(9));
    bad.provider = QStringLiteral("openai");
    auto few = service->submit(owner, bad);
    ASSERT_FALSE(few);
    EXPECT_TRUE(few.error().detail.contains(QStringLiteral("at least 10 examples")));
    ProviderConfig anthropic = openai;
    anthropic.name = QStringLiteral("claude");
    anthropic.kind = ProviderKind::Anthropic;
    ASSERT_TRUE(core.providers->add(anthropic));
    bad.provider = QStringLiteral("claude");
    EXPECT_EQ(service->submit(owner, bad).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(jobStore->list(owner, false)->size(), 0u) << "nothing made while refused";
    EXPECT_EQ(server.requests().size(), 0) << "nothing sent while refused";

    FineTuneSubmission ok = submission(good);
    ok.suffix = QStringLiteral("notes");
    ok.epochs = 4;
    auto job = service->submit(owner, ok);
    ASSERT_TRUE(job) << job.error().toLogString().toStdString();
    EXPECT_EQ(job->kind, QStringLiteral("finetune"));
    EXPECT_EQ(job->state, JobState::Queued);
    EXPECT_EQ(job->total, 3);
    EXPECT_EQ(job->params.value(QLatin1StringView("epochs")).toInt(), 4);
    EXPECT_EQ(job->params.value(QLatin1StringView("examples")).toInt(), 12);
    EXPECT_FALSE(itemsArePaced(*job)) << "no time left guessed from the steps' pace: the provider trains for long";
    AuditFilter filter;
    filter.action = QStringLiteral("finetune.submit");
    auto entries = core.audit->list(owner, filter);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 1u);
    EXPECT_EQ(entries->front().target, QStringLiteral("job:%1").arg(job->id));
    auto status = service->localStatus(owner, job->id);
    ASSERT_TRUE(status);
    EXPECT_EQ(status->fileName, QStringLiteral("train-1.jsonl"));
    EXPECT_TRUE(status->remoteJobId.isEmpty());
    // Only fine-tuning jobs, only one's own.
    const Actor other = Actor::withRole(7, QStringLiteral("eve"), BuiltInRole::Member, ClientKind::Test);
    EXPECT_EQ(service->localStatus(other, job->id).error().code, ErrorCode::NotFound);
}

TEST_F(FineTuneJobsTest, ARunCutOffAfterTheProviderMadeItsJobFindsThatJobAgain) {
    auto job = service->submit(owner, submission(trainingFile(12)));
    ASSERT_TRUE(job);
    // The upload step done, as a run would have done it.
    {
        auto api = core.factory->fineTuning(*core.providers->findByName(QStringLiteral("local")), QString());
        ASSERT_NE(api, nullptr);
        QObject context;
        std::optional<Result<QString>> uploaded;
        QFile file(job->params.value(QLatin1StringView("path")).toString());
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        api->uploadFile(file.readAll(), QStringLiteral("train.jsonl"), &context, QStringLiteral("cid"),
                        [&](Result<QString> id) { uploaded = id; });
        ASSERT_TRUE(waitUntil([&] { return uploaded.has_value(); }));
        ASSERT_TRUE(*uploaded);
        ASSERT_TRUE(jobStore->finishItem(job->id, 1, JobItemState::Done,
                                         QJsonObject{{QStringLiteral("file_id"), **uploaded}}, {}, 1));
        // The provider made the job from it, and then the process died before keeping its id.
        std::optional<Result<RemoteFineTuneJob>> created;
        api->createJob(**uploaded, QStringLiteral("gpt-test-mini"), {}, std::nullopt, &context, QStringLiteral("cid"),
                       [&](Result<RemoteFineTuneJob> remote) { created = remote; });
        ASSERT_TRUE(waitUntil([&] { return created.has_value(); }));
        ASSERT_TRUE(*created);
    }
    ASSERT_EQ(server.fineTuning().jobCount(), 1);
    EXPECT_EQ(runToEnd(job->id), JobState::Finished);
    EXPECT_EQ(server.fineTuning().jobCount(), 1) << "no second job at the provider";
    EXPECT_EQ(server.fineTuning().fileCount(), 1) << "no second upload";
    auto steps = jobStore->items(owner, job->id);
    ASSERT_TRUE(steps);
    EXPECT_TRUE((*steps)[1].result.value(QLatin1StringView("found_again")).toBool());

    std::optional<Result<FineTuneStatus>> status;
    QObject context;
    service->status(owner, job->id, &context, [&](Result<FineTuneStatus> s) { status = s; });
    ASSERT_TRUE(waitUntil([&] { return status.has_value(); }));
    ASSERT_TRUE(*status);
    ASSERT_TRUE((*status)->remote);
    EXPECT_EQ((*status)->remote->status, QStringLiteral("succeeded"));
    EXPECT_TRUE((*status)->remote->fineTunedModel.startsWith(QStringLiteral("ft:gpt-test-mini:")));
    EXPECT_FALSE((*status)->events.empty());
    EXPECT_FALSE((*status)->remoteError);
}

TEST_F(FineTuneJobsTest, AProviderThatCannotBeReachedLeavesTheStatusAsLastKnown) {
    auto job = service->submit(owner, submission(trainingFile(12)));
    ASSERT_TRUE(job);
    EXPECT_EQ(runToEnd(job->id), JobState::Finished);
    // The provider moves away: the status keeps what the steps kept and says why the provider was not asked.
    auto provider = core.providers->findByName(QStringLiteral("local"));
    ASSERT_TRUE(provider);
    provider->baseUrl = QStringLiteral("http://127.0.0.1:9/v1");
    ASSERT_TRUE(core.providers->update(*provider));
    std::optional<Result<FineTuneStatus>> status;
    QObject context;
    service->status(owner, job->id, &context, [&](Result<FineTuneStatus> s) { status = s; });
    ASSERT_TRUE(waitUntil([&] { return status.has_value(); }, 20'000));
    ASSERT_TRUE(*status);
    ASSERT_TRUE((*status)->remoteError);
    ASSERT_TRUE((*status)->remote);
    EXPECT_EQ((*status)->remote->status, QStringLiteral("succeeded"));
    EXPECT_FALSE((*status)->events.empty());
    EXPECT_EQ((*status)->toJson().value(QLatin1StringView("state")).toString(), QStringLiteral("finished"));
}
