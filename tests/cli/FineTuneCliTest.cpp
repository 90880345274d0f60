// Fine-tuning jobs from the command line, against the real binary and the test server's Files and fine-tuning
// endpoints: a checked file uploaded, the provider's job made and followed until its model is listed; its failures
// (a file refused before anything is sent, too few examples, a failed training, an unknown model, a wrong key, a
// provider without the API) told with their exit statuses; passing failures retried; a cancel that reaches the
// provider; and a run killed while following that resumes without uploading or creating again.
#include "CliFixture.h"

#include "support/QtPrinters.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

namespace {

using Tessera::Testing::FakeResponse;
using Tessera::Testing::RecordedRequest;

class FineTuneCliTest : public CliTest {
protected:
    // A chat-format training file of `examples` examples (the marker goes into every answer).
    QString trainingFile(int examples, const QString& marker = {}) {
        QByteArray jsonl;
        for (int i = 0; i < examples; ++i) {
            const QJsonObject example{
                {QStringLiteral("messages"),
                 QJsonArray{
                     QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                 {QStringLiteral("content"), QStringLiteral("Question %1").arg(i)}},
                     QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                 {QStringLiteral("content"), QStringLiteral("Answer %1 %2").arg(i).arg(marker)}}}}};
            jsonl += QJsonDocument(example).toJson(QJsonDocument::Compact) + '\n';
        }
        const QString path = files.filePath(QStringLiteral("train-%1.jsonl").arg(++m_files));
        writeFile(path, jsonl);
        return path;
    }

    CliRun submitAndWait(const QString& path, const QString& model = QStringLiteral("gpt-test-mini"),
                         const QString& provider = QStringLiteral("local")) {
        return cli({QStringLiteral("--json"), QStringLiteral("finetune"), QStringLiteral("submit"), path,
                    QStringLiteral("--provider"), provider, QStringLiteral("--model"), model,
                    QStringLiteral("--poll-seconds"), QStringLiteral("0.1"), QStringLiteral("--wait")});
    }

    // Polls `finetune status ID` until the job is in `state`; its JSON.
    QJsonObject waitForState(qint64 id, const QString& state) {
        QJsonObject json;
        const bool reached = waitUntil(
            [&] {
                json =
                    cli({QStringLiteral("--json"), QStringLiteral("jobs"), QStringLiteral("show"), QString::number(id)})
                        .json();
                return json.value(QLatin1StringView("state")).toString() == state &&
                       !json.value(QLatin1StringView("active")).toBool();
            },
            30'000);
        EXPECT_TRUE(reached) << "job " << id << " is "
                             << json.value(QLatin1StringView("state")).toString().toStdString();
        return json;
    }

    QTemporaryDir files;

private:
    int m_files = 0;
};

const RecordedRequest* lastRequest(const FakeProviderServer& server, const QByteArray& method, const QByteArray& path) {
    const RecordedRequest* found = nullptr;
    for (const RecordedRequest& request : server.requests()) {
        if (request.method == method && request.path.split('?').value(0).endsWith(path)) {
            found = &request;
        }
    }
    return found;
}

} // namespace

TEST_F(FineTuneCliTest, AJobUploadsTheFileMakesTheProvidersJobAndFollowsItUntilTheModelIsListed) {
    addProvider();
    const QString path = trainingFile(12);
    const CliRun run = cli({QStringLiteral("--json"), QStringLiteral("finetune"), QStringLiteral("submit"), path,
                            QStringLiteral("--provider"), QStringLiteral("local"), QStringLiteral("--model"),
                            QStringLiteral("gpt-test-mini"), QStringLiteral("--suffix"), QStringLiteral("support"),
                            QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--poll-seconds"),
                            QStringLiteral("0.1"), QStringLiteral("--wait")});
    ASSERT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
    const QJsonObject status = run.json();
    EXPECT_EQ(status.value(QLatin1StringView("state")).toString(), QStringLiteral("finished"));
    EXPECT_EQ(status.value(QLatin1StringView("status")).toString(), QStringLiteral("succeeded"));
    EXPECT_EQ(status.value(QLatin1StringView("examples")).toInt(), 12);
    const QString model = status.value(QLatin1StringView("fine_tuned_model")).toString();
    EXPECT_TRUE(model.startsWith(QStringLiteral("ft:gpt-test-mini:org-test:support:"))) << model.toStdString();
    const QJsonArray events = status.value(QLatin1StringView("events")).toArray();
    ASSERT_FALSE(events.isEmpty());
    EXPECT_EQ(events.last().toObject().value(QLatin1StringView("message")).toString(),
              QStringLiteral("The job has successfully completed"));
    // The provider's states on stderr as they came.
    EXPECT_TRUE(run.err.contains(QStringLiteral("Provider's job: running"))) << run.err.toStdString();

    // On the wire: one multipart upload for fine-tuning with the key, one job with the settings.
    EXPECT_EQ(server.fineTuning().fileCount(), 1);
    EXPECT_EQ(server.fineTuning().jobCount(), 1);
    const RecordedRequest* upload = lastRequest(server, "POST", "/v1/files");
    ASSERT_NE(upload, nullptr);
    EXPECT_TRUE(upload->headers.value("content-type").startsWith("multipart/form-data; boundary="));
    EXPECT_EQ(upload->headers.value("authorization"), "Bearer " + kKey.toUtf8());
    EXPECT_TRUE(upload->body.contains("name=\"purpose\"\r\n\r\nfine-tune\r\n"));
    EXPECT_TRUE(upload->body.contains("filename=\"train-1.jsonl\""));
    const RecordedRequest* create = lastRequest(server, "POST", "/v1/fine_tuning/jobs");
    ASSERT_NE(create, nullptr);
    const QJsonObject body = create->json();
    EXPECT_EQ(body.value(QLatin1StringView("model")).toString(), QStringLiteral("gpt-test-mini"));
    EXPECT_EQ(body.value(QLatin1StringView("suffix")).toString(), QStringLiteral("support"));
    EXPECT_EQ(body.value(QLatin1StringView("training_file")).toString(),
              status.value(QLatin1StringView("file_id")).toString());
    EXPECT_EQ(body.value(QLatin1StringView("method"))
                  .toObject()
                  .value(QLatin1StringView("supervised"))
                  .toObject()
                  .value(QLatin1StringView("hyperparameters"))
                  .toObject()
                  .value(QLatin1StringView("n_epochs"))
                  .toInt(),
              2);

    // The new model is in the provider's model list.
    const CliRun models = cli({QStringLiteral("models"), QStringLiteral("local")});
    ASSERT_EQ(models.exitCode, 0) << models.err.toStdString();
    EXPECT_TRUE(models.out.contains(model)) << models.out.toStdString();

    // finetune status asks the provider again and shows the same.
    const qint64 id = status.value(QLatin1StringView("job_id")).toInteger();
    const CliRun again =
        cli({QStringLiteral("--json"), QStringLiteral("finetune"), QStringLiteral("status"), QString::number(id)});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(again.json().value(QLatin1StringView("fine_tuned_model")).toString(), model);
    EXPECT_EQ(again.json().value(QLatin1StringView("remote_job_id")).toString(),
              status.value(QLatin1StringView("remote_job_id")).toString());
    const CliRun text = cli({QStringLiteral("finetune"), QStringLiteral("status"), QString::number(id)});
    EXPECT_TRUE(text.out.contains(QStringLiteral("Fine-tuned model: ") + model)) << text.out.toStdString();
    // Submitting is in the audit log.
    const CliRun audit = cli({QStringLiteral("audit"), QStringLiteral("list")});
    EXPECT_TRUE(audit.out.contains(QStringLiteral("finetune.submit"))) << audit.out.toStdString();
    // Not a fine-tuning job, and no job at all.
    EXPECT_EQ(cli({QStringLiteral("finetune"), QStringLiteral("status"), QStringLiteral("999")}).exitCode, 7);
    EXPECT_EQ(cli({QStringLiteral("finetune"), QStringLiteral("status"), QStringLiteral("x")}).exitCode, 2);
}

TEST_F(FineTuneCliTest, EachFailureIsToldWithItsReasonAndExitStatus) {
    addProvider();
    // A file that is not chat-format JSONL is refused before anything is sent (exit 2).
    const QString bad = files.filePath(QStringLiteral("bad.jsonl"));
    writeFile(bad, "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\nnot json\n");
    const CliRun refused = submitAndWait(bad);
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("import.invalid"))) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("line 2"))) << refused.err.toStdString();
    EXPECT_EQ(server.fineTuning().fileCount(), 0);
    EXPECT_EQ(cli({QStringLiteral("finetune"), QStringLiteral("submit"), files.filePath(QStringLiteral("none.jsonl")),
                   QStringLiteral("--provider"), QStringLiteral("local"), QStringLiteral("--model"),
                   QStringLiteral("gpt-test-mini")})
                  .exitCode,
              7);
    EXPECT_EQ(cli({QStringLiteral("finetune"), QStringLiteral("submit"), trainingFile(12)}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("finetune"), QStringLiteral("submit"), trainingFile(12), QStringLiteral("--provider"),
                   QStringLiteral("local"), QStringLiteral("--model"), QStringLiteral("gpt-test-mini"),
                   QStringLiteral("--epochs"), QStringLiteral("0")})
                  .exitCode,
              2);

    // Too few examples: the provider fails its job while validating (exit 1, finetune.failed, its reason told).
    const CliRun few = submitAndWait(trainingFile(3));
    EXPECT_EQ(few.exitCode, 1) << few.out.toStdString();
    EXPECT_EQ(few.json().value(QLatin1StringView("state")).toString(), QStringLiteral("failed"));
    EXPECT_TRUE(few.json().value(QLatin1StringView("reason")).toString().startsWith(QStringLiteral("finetune.failed")));
    EXPECT_TRUE(
        few.json().value(QLatin1StringView("reason")).toString().contains(QStringLiteral("at least 10 examples")))
        << few.out.toStdString();

    // A training that fails at the provider.
    const CliRun training = submitAndWait(trainingFile(12, QStringLiteral("[[ft-fail]]")));
    EXPECT_EQ(training.exitCode, 1);
    EXPECT_TRUE(
        training.json().value(QLatin1StringView("reason")).toString().contains(QStringLiteral("training_failed")))
        << training.out.toStdString();

    // A base model the provider does not fine-tune: its 400 fails the job with the provider's words.
    const CliRun unknown = submitAndWait(trainingFile(12), QStringLiteral("gpt-unknown"));
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.json()
                    .value(QLatin1StringView("reason"))
                    .toString()
                    .contains(QStringLiteral("not available for fine-tuning")))
        << unknown.out.toStdString();

    // A wrong key: exit 3, as for an answer.
    ASSERT_EQ(cli({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("wrongkey"),
                   QStringLiteral("--kind"), QStringLiteral("openai-compatible"), QStringLiteral("--base-url"),
                   server.baseUrl(), QStringLiteral("--api-key-env"), QStringLiteral("WRONG_KEY")},
                  {}, {QStringLiteral("WRONG_KEY=sk-wrong")})
                  .exitCode,
              0);
    const CliRun wrong = cli({QStringLiteral("finetune"), QStringLiteral("submit"), trainingFile(12),
                              QStringLiteral("--provider"), QStringLiteral("wrongkey"), QStringLiteral("--model"),
                              QStringLiteral("gpt-test-mini"), QStringLiteral("--wait")},
                             {}, {QStringLiteral("WRONG_KEY=sk-wrong")});
    EXPECT_EQ(wrong.exitCode, 3) << wrong.out.toStdString() << wrong.err.toStdString();

    // A provider whose kind has no fine-tuning API Tessera speaks.
    addProvider(QStringLiteral("claude"), QStringLiteral("anthropic"));
    const CliRun anthropic = submitAndWait(trainingFile(12), QStringLiteral("claude-test"), QStringLiteral("claude"));
    EXPECT_EQ(anthropic.exitCode, 2);
    EXPECT_TRUE(anthropic.err.contains(QStringLiteral("OpenAI's API"))) << anthropic.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("finetune"), QStringLiteral("submit"), trainingFile(12), QStringLiteral("--provider"),
                   QStringLiteral("nobody"), QStringLiteral("--model"), QStringLiteral("gpt-test-mini")})
                  .exitCode,
              7);
}

TEST_F(FineTuneCliTest, PassingFailuresAreRetriedAndNothingIsMadeTwice) {
    addProvider();
    // The upload meets a 500 once, the job's creation a 429 with Retry-After twice (the first looks for a job
    // made before, the second makes it): each is tried again and one file and one job are made.
    server.enqueue("/v1/files", FakeResponse::openAiError(500, QStringLiteral("The server had an error"),
                                                          QStringLiteral("server_error")));
    FakeResponse limited = FakeResponse::openAiError(429, QStringLiteral("Rate limit reached"),
                                                     QStringLiteral("requests"), QStringLiteral("rate_limit_exceeded"));
    limited.headers.append(qMakePair(QByteArray("retry-after-ms"), QByteArray("100")));
    server.enqueue("/v1/fine_tuning/jobs", limited);
    server.enqueue("/v1/fine_tuning/jobs", limited);
    const CliRun run = submitAndWait(trainingFile(12));
    EXPECT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
    EXPECT_EQ(server.fineTuning().fileCount(), 1);
    EXPECT_EQ(server.fineTuning().jobCount(), 1);
    EXPECT_EQ(server.countRequests("/v1/files"), 2);
}

TEST_F(FineTuneCliTest, ACancelReachesTheProvidersJob) {
    addProvider();
    // Looked at every 30 s: the provider's job stays queued while the background process follows it.
    const CliRun started =
        cli({QStringLiteral("--json"), QStringLiteral("finetune"), QStringLiteral("submit"), trainingFile(12),
             QStringLiteral("--provider"), QStringLiteral("local"), QStringLiteral("--model"),
             QStringLiteral("gpt-test-mini"), QStringLiteral("--poll-seconds"), QStringLiteral("30")});
    ASSERT_EQ(started.exitCode, 0) << started.err.toStdString();
    const qint64 id = started.json().value(QLatin1StringView("job")).toInteger();
    ASSERT_TRUE(waitUntil([&] { return server.countRequests("/v1/fine_tuning/jobs/ftjob-") > 0; }, 30'000));
    EXPECT_EQ(cli({QStringLiteral("jobs"), QStringLiteral("cancel"), QString::number(id)}).exitCode, 0);
    waitForState(id, QStringLiteral("cancelled"));
    const RecordedRequest* cancel = lastRequest(server, "POST", "/cancel");
    ASSERT_NE(cancel, nullptr);
    const CliRun status =
        cli({QStringLiteral("--json"), QStringLiteral("finetune"), QStringLiteral("status"), QString::number(id)});
    EXPECT_EQ(status.json().value(QLatin1StringView("status")).toString(), QStringLiteral("cancelled"));
    EXPECT_EQ(status.json().value(QLatin1StringView("state")).toString(), QStringLiteral("cancelled"));
}

TEST_F(FineTuneCliTest, ACancelOfAPausedJobOrOfOneWhoseProcessIsGoneStillReachesTheProvidersJob) {
    addProvider();
    // Paused while it follows the provider's job, which trains on: the cancel must still reach it.
    const CliRun started =
        cli({QStringLiteral("--json"), QStringLiteral("finetune"), QStringLiteral("submit"), trainingFile(12),
             QStringLiteral("--provider"), QStringLiteral("local"), QStringLiteral("--model"),
             QStringLiteral("gpt-test-mini"), QStringLiteral("--poll-seconds"), QStringLiteral("30")});
    ASSERT_EQ(started.exitCode, 0) << started.err.toStdString();
    const QString id = QString::number(started.json().value(QLatin1StringView("job")).toInteger());
    ASSERT_TRUE(waitUntil([&] { return server.countRequests("/v1/fine_tuning/jobs/ftjob-") > 0; }, 30'000));
    EXPECT_EQ(cli({QStringLiteral("jobs"), QStringLiteral("pause"), id}).exitCode, 0);
    waitForState(id.toLongLong(), QStringLiteral("paused"));
    ASSERT_EQ(lastRequest(server, "POST", "/cancel"), nullptr) << "a pause leaves the provider's job alone";

    const CliRun cancelled = cli({QStringLiteral("--json"), QStringLiteral("jobs"), QStringLiteral("cancel"), id});
    EXPECT_EQ(cancelled.exitCode, 0) << cancelled.err.toStdString();
    EXPECT_EQ(cancelled.json().value(QLatin1StringView("state")).toString(), QStringLiteral("cancelled"));
    EXPECT_TRUE(
        cancelled.json().value(QLatin1StringView("reason")).toString().endsWith(QLatin1StringView("is cancelled")))
        << cancelled.out.toStdString();
    EXPECT_NE(lastRequest(server, "POST", "/cancel"), nullptr);
    const CliRun status = cli({QStringLiteral("--json"), QStringLiteral("finetune"), QStringLiteral("status"), id});
    EXPECT_EQ(status.json().value(QLatin1StringView("status")).toString(), QStringLiteral("cancelled"));

    // Its process killed while it follows: nothing runs the job, and the cancel still reaches the provider.
    const int looksBefore = server.countRequests("/events");
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TEST_PROVIDER_KEY"), kKey);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TESSERA_CLI_PATH),
                  {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--json"), QStringLiteral("finetune"),
                   QStringLiteral("submit"), trainingFile(12), QStringLiteral("--provider"), QStringLiteral("local"),
                   QStringLiteral("--model"), QStringLiteral("gpt-test-mini"), QStringLiteral("--poll-seconds"),
                   QStringLiteral("30"), QStringLiteral("--wait")});
    ASSERT_TRUE(process.waitForStarted());
    ASSERT_TRUE(waitUntil(
        [&] { return server.fineTuning().jobCount() == 2 && server.countRequests("/events") > looksBefore; }, 30'000));
    process.kill();
    ASSERT_TRUE(process.waitForFinished(10'000));
    const QString second = QString::number(id.toLongLong() + 1);
    const CliRun gone = cli({QStringLiteral("--json"), QStringLiteral("jobs"), QStringLiteral("cancel"), second});
    EXPECT_EQ(gone.exitCode, 0) << gone.err.toStdString();
    EXPECT_EQ(server.countRequests("/cancel"), 2);
    const CliRun secondStatus =
        cli({QStringLiteral("--json"), QStringLiteral("finetune"), QStringLiteral("status"), second});
    EXPECT_EQ(secondStatus.json().value(QLatin1StringView("status")).toString(), QStringLiteral("cancelled"));
}

TEST_F(FineTuneCliTest, ARunKilledWhileFollowingResumesWithoutUploadingOrCreatingAgain) {
    addProvider();
    const QString path = trainingFile(12);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TEST_PROVIDER_KEY"), kKey);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TESSERA_CLI_PATH),
                  {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("finetune"), QStringLiteral("submit"), path,
                   QStringLiteral("--provider"), QStringLiteral("local"), QStringLiteral("--model"),
                   QStringLiteral("gpt-test-mini"), QStringLiteral("--poll-seconds"), QStringLiteral("1"),
                   QStringLiteral("--wait")});
    ASSERT_TRUE(process.waitForStarted());
    // Killed once it follows the provider's job (its first look made).
    ASSERT_TRUE(waitUntil([&] { return server.countRequests("/events") > 0; }, 30'000));
    process.kill();
    ASSERT_TRUE(process.waitForFinished(10'000));
    const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("jobs"), QStringLiteral("list")});
    const QJsonArray jobs = list.out.startsWith(QLatin1Char('['))
                                ? QJsonDocument::fromJson(list.out.toUtf8()).array()
                                : list.json().value(QLatin1StringView("jobs")).toArray();
    ASSERT_EQ(jobs.size(), 1) << list.out.toStdString();
    const QString id = QString::number(jobs.first().toObject().value(QLatin1StringView("id")).toInteger());
    const CliRun resumed = cli({QStringLiteral("jobs"), QStringLiteral("resume"), id, QStringLiteral("--wait")});
    EXPECT_EQ(resumed.exitCode, 0) << resumed.out.toStdString() << resumed.err.toStdString();
    EXPECT_EQ(server.fineTuning().fileCount(), 1);
    EXPECT_EQ(server.fineTuning().jobCount(), 1);
    const CliRun status = cli({QStringLiteral("--json"), QStringLiteral("finetune"), QStringLiteral("status"), id});
    EXPECT_EQ(status.json().value(QLatin1StringView("status")).toString(), QStringLiteral("succeeded"));
}
