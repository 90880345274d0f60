// Importing a large file as a background job, on both engines: the file's conversations are added on a worker thread
// and the job's note that they are in lands in the same transaction, so a run cut off after the import (before the
// runner heard of it) finishes on resume without importing twice; a damaged file or one changed since it was chosen
// fails the job with nothing added; the permission is checked before a job is made.
#include "exchange/ImportJobs.h"
#include "exchange/ConversationExchange.h"
#include "jobs/JobRunner.h"
#include "jobs/JobStore.h"
#include "support/CoreFixture.h"
#include "support/TestHelpers.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::waitUntil;

namespace {

class ImportJobsTest : public ::testing::Test {
protected:
    void SetUp() override {
        exchange = std::make_unique<ConversationExchange>(*core.db, *core.conversations, *core.messages,
                                                          *core.providers, core.clock);
        jobStore = std::make_unique<JobStore>(*core.db, core.clock);
        imports = std::make_unique<ImportJobs>(*core.db, *exchange, *jobStore);
        // A Tessera export of three conversations, made from this store.
        for (int i = 0; i < 3; ++i) {
            auto conversation = core.conversations->create(QStringLiteral("Kept %1").arg(i), std::nullopt, QString());
            ASSERT_TRUE(conversation);
            Message question;
            question.conversationId = conversation->id;
            question.role = Role::User;
            question.content = QStringLiteral("Question %1").arg(i);
            ASSERT_TRUE(core.messages->add(question));
        }
        path = files.filePath(QStringLiteral("export.json"));
        write(path, exchange->render(*exchange->collectAll(owner), ExportFormat::Json));
    }

    static void write(const QString& file, const QByteArray& bytes) {
        QFile out(file);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(bytes);
    }

    qsizetype conversationCount() const { return core.conversations->list(ListScope::All)->size(); }

    JobState runToEnd(qint64 id) {
        JobRunner runner(*jobStore, core.clock);
        runner.registerKind(QStringLiteral("import"), imports->handler(owner));
        std::optional<JobState> ended;
        QObject::connect(&runner, &JobRunner::ended, &runner, [&](qint64, JobState state) { ended = state; });
        EXPECT_TRUE(runner.start(owner, id));
        EXPECT_TRUE(waitUntil([&] { return ended.has_value(); }, 20'000));
        return ended.value_or(JobState::Running);
    }

    CoreFixture core;
    std::unique_ptr<ConversationExchange> exchange;
    std::unique_ptr<JobStore> jobStore;
    std::unique_ptr<ImportJobs> imports;
    QTemporaryDir files;
    QString path;
    const Actor owner = Actor::owner(ClientKind::Test);
};

} // namespace

TEST_F(ImportJobsTest, TheFileIsImportedOnceEvenWhenTheRunIsCutOffAfterTheImport) {
    ASSERT_EQ(conversationCount(), 3);
    auto job = imports->submit(owner, path);
    ASSERT_TRUE(job) << job.error().toLogString().toStdString();
    EXPECT_EQ(job->total, 1);
    // The handler imports, but the runner never hears of it (the process died): the note is in the store already.
    {
        auto handler = imports->handler(owner);
        auto items = jobStore->items(owner, job->id);
        ASSERT_TRUE(items);
        bool called = false;
        handler->run(*job, items->front(), [&](Result<QJsonObject>) { called = true; });
        ASSERT_TRUE(waitUntil([&] { return called; }, 20'000));
    }
    EXPECT_EQ(conversationCount(), 6);
    auto items = jobStore->items(owner, job->id);
    ASSERT_TRUE(items);
    EXPECT_EQ(items->front().state, JobItemState::Done);
    EXPECT_EQ(items->front().result.value(QLatin1StringView("conversations")).toInt(), 3);
    EXPECT_EQ(items->front().result.value(QLatin1StringView("conversation_ids")).toArray().size(), 3);
    // Resumed: nothing is left to do, and nothing is imported again.
    EXPECT_EQ(runToEnd(job->id), JobState::Finished);
    EXPECT_EQ(conversationCount(), 6);
}

TEST_F(ImportJobsTest, ADamagedOrChangedFileFailsTheJobWithNothingAdded) {
    auto changed = imports->submit(owner, path);
    ASSERT_TRUE(changed);
    write(path, "{\"format\": \"tessera\", \"conversations\": [");
    EXPECT_EQ(runToEnd(changed->id), JobState::Failed);
    EXPECT_TRUE(jobStore->get(owner, changed->id)->reason.contains(QStringLiteral("changed since it was chosen")));
    auto damaged = imports->submit(owner, path);
    ASSERT_TRUE(damaged);
    EXPECT_EQ(runToEnd(damaged->id), JobState::Failed);
    EXPECT_TRUE(jobStore->get(owner, damaged->id)->reason.startsWith(QStringLiteral("import.invalid")));
    EXPECT_EQ(conversationCount(), 3);
}

TEST_F(ImportJobsTest, WithoutTheRightToImportNoJobIsMade) {
    const Actor auditor = Actor::withRole(9, QStringLiteral("aud"), BuiltInRole::Auditor, ClientKind::Test);
    EXPECT_EQ(imports->submit(auditor, path).error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(imports->submit(owner, files.filePath(QStringLiteral("none.json"))).error().code,
              ErrorCode::ImportInvalid);
    EXPECT_TRUE(jobStore->list(owner, false)->empty());
}
