// Exporting all conversations as a background job, on both engines: the file is the same as an export made at once
// (Markdown byte for byte, JSON conversation for conversation), a run paused midway and resumed renders only what
// was left and gives the same file, a cancelled run leaves no parts, and the permission is checked before a job is
// made.
#include "exchange/ExportJobs.h"
#include "exchange/ConversationExchange.h"
#include "jobs/JobRunner.h"
#include "jobs/JobStore.h"
#include "support/CoreFixture.h"
#include "support/TestHelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::waitUntil;

namespace {

class ExportJobsTest : public ::testing::Test {
protected:
    void SetUp() override {
        exchange = std::make_unique<ConversationExchange>(*core.db, *core.conversations, *core.messages,
                                                          *core.providers, core.clock);
        jobStore = std::make_unique<JobStore>(*core.db, core.clock);
        exports = std::make_unique<ExportJobs>(*exchange, *core.conversations, *jobStore);
        // 25 conversations: three batches.
        for (int i = 0; i < 25; ++i) {
            auto conversation =
                core.conversations->create(QStringLiteral("Conversation %1").arg(i), std::nullopt, QString());
            ASSERT_TRUE(conversation);
            Message question;
            question.conversationId = conversation->id;
            question.role = Role::User;
            question.content = QStringLiteral("Question %1").arg(i);
            auto asked = core.messages->add(question);
            ASSERT_TRUE(asked);
            Message answer;
            answer.conversationId = conversation->id;
            answer.parentId = asked->id;
            answer.role = Role::Assistant;
            answer.content = QStringLiteral("Answer %1").arg(i);
            ASSERT_TRUE(core.messages->add(answer));
        }
    }

    QByteArray readAll(const QString& path) const {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QStringList parts() const {
        return QDir(files.path()).entryList({QStringLiteral(".*.part")}, QDir::Hidden | QDir::Files);
    }

    CoreFixture core;
    std::unique_ptr<ConversationExchange> exchange;
    std::unique_ptr<JobStore> jobStore;
    std::unique_ptr<ExportJobs> exports;
    QTemporaryDir files;
    const Actor owner = Actor::owner(ClientKind::Test);
};

} // namespace

TEST_F(ExportJobsTest, TheFileIsTheSameAsAnExportMadeAtOnce) {
    JobRunner runner(*jobStore, core.clock);
    runner.registerKind(QStringLiteral("export"), exports->handler(owner));
    const auto exportAs = [&](const QString& name, ExportFormat format) {
        const QString path = files.filePath(name);
        auto job = exports->submit(owner, path, format);
        EXPECT_TRUE(job);
        EXPECT_EQ(job->total, 4) << "three batches of at most 10, then the file";
        std::optional<JobState> ended;
        QObject::connect(&runner, &JobRunner::ended, &runner, [&](qint64 id, JobState state) {
            if (id == job->id) {
                ended = state;
            }
        });
        EXPECT_TRUE(runner.start(owner, job->id));
        EXPECT_TRUE(waitUntil([&] { return ended.has_value(); }));
        EXPECT_EQ(ended, JobState::Finished);
        return path;
    };
    const auto all = exchange->collectAll(owner);
    ASSERT_TRUE(all);
    const QString markdown = exportAs(QStringLiteral("all.md"), ExportFormat::Markdown);
    EXPECT_EQ(readAll(markdown), exchange->render(*all, ExportFormat::Markdown));
    const QString json = exportAs(QStringLiteral("all.json"), ExportFormat::Json);
    EXPECT_EQ(QJsonDocument::fromJson(readAll(json)).object().value(QLatin1StringView("conversations")),
              QJsonDocument::fromJson(exchange->render(*all, ExportFormat::Json))
                  .object()
                  .value(QLatin1StringView("conversations")));
    EXPECT_TRUE(parts().isEmpty());
}

TEST_F(ExportJobsTest, APausedRunResumesWithTheSameFileAndACancelledOneLeavesNoParts) {
    const QString path = files.filePath(QStringLiteral("all.md"));
    auto job = exports->submit(owner, path, ExportFormat::Markdown);
    ASSERT_TRUE(job);
    // The first batch done (as a run cut off after it would leave it), then the rest on resume.
    {
        JobRunner runner(*jobStore, core.clock);
        runner.registerKind(QStringLiteral("export"), exports->handler(owner));
        QObject::connect(&runner, &JobRunner::progressed, &runner, [&](qint64 id, const JobProgress& progress) {
            if (id == job->id && progress.done == 1) {
                (void)runner.pause(owner, id);
            }
        });
        std::optional<JobState> ended;
        QObject::connect(&runner, &JobRunner::ended, &runner, [&](qint64, JobState state) { ended = state; });
        ASSERT_TRUE(runner.start(owner, job->id));
        ASSERT_TRUE(waitUntil([&] { return ended.has_value(); }));
        ASSERT_EQ(ended, JobState::Paused);
    }
    const qint64 doneAtPause = jobStore->get(owner, job->id)->done;
    EXPECT_GE(doneAtPause, 1);
    EXPECT_LT(doneAtPause, 4);
    EXPECT_FALSE(QFile::exists(path)) << "nothing written before the end";
    EXPECT_FALSE(parts().isEmpty());
    {
        JobRunner runner(*jobStore, core.clock);
        runner.registerKind(QStringLiteral("export"), exports->handler(owner));
        std::optional<JobState> ended;
        QObject::connect(&runner, &JobRunner::ended, &runner, [&](qint64, JobState state) { ended = state; });
        ASSERT_TRUE(runner.start(owner, job->id));
        ASSERT_TRUE(waitUntil([&] { return ended.has_value(); }));
        ASSERT_EQ(ended, JobState::Finished);
    }
    EXPECT_EQ(readAll(path), exchange->render(*exchange->collectAll(owner), ExportFormat::Markdown));
    EXPECT_TRUE(parts().isEmpty());

    // A run cancelled midway removes its parts and writes nothing.
    const QString second = files.filePath(QStringLiteral("second.md"));
    auto again = exports->submit(owner, second, ExportFormat::Markdown);
    ASSERT_TRUE(again);
    JobRunner runner(*jobStore, core.clock);
    runner.registerKind(QStringLiteral("export"), exports->handler(owner));
    QObject::connect(&runner, &JobRunner::progressed, &runner, [&](qint64 id, const JobProgress& progress) {
        if (id == again->id && progress.done == 1) {
            (void)runner.cancel(owner, id);
        }
    });
    std::optional<JobState> ended;
    QObject::connect(&runner, &JobRunner::ended, &runner, [&](qint64, JobState state) { ended = state; });
    ASSERT_TRUE(runner.start(owner, again->id));
    ASSERT_TRUE(waitUntil([&] { return ended.has_value(); }));
    EXPECT_EQ(ended, JobState::Cancelled);
    EXPECT_FALSE(QFile::exists(second));
    EXPECT_TRUE(parts().isEmpty());

    // So does a paused one cancelled later, when nothing runs it.
    const QString third = files.filePath(QStringLiteral("third.md"));
    auto paused = exports->submit(owner, third, ExportFormat::Markdown);
    ASSERT_TRUE(paused);
    {
        JobRunner first(*jobStore, core.clock);
        first.registerKind(QStringLiteral("export"), exports->handler(owner));
        QObject::connect(&first, &JobRunner::progressed, &first, [&](qint64 id, const JobProgress& progress) {
            if (id == paused->id && progress.done == 1) {
                (void)first.pause(owner, id);
            }
        });
        std::optional<JobState> stopped;
        QObject::connect(&first, &JobRunner::ended, &first, [&](qint64, JobState state) { stopped = state; });
        ASSERT_TRUE(first.start(owner, paused->id));
        ASSERT_TRUE(waitUntil([&] { return stopped.has_value(); }));
    }
    ASSERT_FALSE(parts().isEmpty());
    JobRunner later(*jobStore, core.clock);
    later.registerKind(QStringLiteral("export"), exports->handler(owner));
    ASSERT_TRUE(later.cancel(owner, paused->id));
    EXPECT_EQ(jobStore->get(owner, paused->id)->state, JobState::Cancelled);
    EXPECT_TRUE(parts().isEmpty());
    EXPECT_FALSE(QFile::exists(third));
}

TEST_F(ExportJobsTest, WithoutTheRightToExportNoJobIsMade) {
    const Actor auditor = Actor::withRole(9, QStringLiteral("aud"), BuiltInRole::Auditor, ClientKind::Test);
    EXPECT_EQ(exports->submit(auditor, files.filePath(QStringLiteral("x.md")), ExportFormat::Markdown).error().code,
              ErrorCode::AuthForbidden);
    EXPECT_EQ(exports->submit(owner, QString(), ExportFormat::Markdown).error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(jobStore->list(owner, false)->empty());
}
