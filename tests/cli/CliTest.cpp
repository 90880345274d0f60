// Runs the real tessera-cli binary against a loopback OpenAI-compatible server started by the test.
#include "CliFixture.h"

#include "support/QtPrinters.h"

#include <QDir>
#include <QFile>

#include <csignal>

TEST_F(CliTest, VersionAndHelp) {
    const CliRun version = cli({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(QStringLiteral("tessera-cli "))) << version.out.toStdString();
    const CliRun help = cli({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("providers add NAME")));
}

TEST_F(CliTest, UsageErrorsExitWithTwoAndSayWhatIsWrong) {
    for (const QStringList& args :
         {QStringList{}, QStringList{QStringLiteral("fly")}, QStringList{QStringLiteral("chat")},
          QStringList{QStringLiteral("chat"), QStringLiteral("--bogus"), QStringLiteral("x")},
          QStringList{QStringLiteral("chat"), QStringLiteral("--temperature"), QStringLiteral("hot"),
                      QStringLiteral("x")},
          QStringList{QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("p"), QStringLiteral("--kind"),
                      QStringLiteral("carrier-pigeon")},
          QStringList{QStringLiteral("conversations"), QStringLiteral("show"), QStringLiteral("abc")},
          QStringList{QStringLiteral("--log-level"), QStringLiteral("loud"), QStringLiteral("doctor")}}) {
        const CliRun run = cli(args);
        EXPECT_EQ(run.exitCode, 2) << args.join(u' ').toStdString() << ": " << run.err.toStdString();
        EXPECT_FALSE(run.err.isEmpty());
    }
}

TEST_F(CliTest, ProvidersAddListTestModelsRemove) {
    addProvider();
    const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("providers"), QStringLiteral("list")});
    ASSERT_EQ(list.exitCode, 0);
    ASSERT_EQ(list.jsonArray().size(), 1);
    const QJsonObject provider = list.jsonArray().first().toObject();
    EXPECT_EQ(provider.value(QLatin1StringView("name")).toString(), QStringLiteral("local"));
    EXPECT_EQ(provider.value(QLatin1StringView("key_source")).toString(), QStringLiteral("env"));
    EXPECT_FALSE(list.out.contains(kKey)) << "the key itself is never printed";

    const CliRun duplicate = cli({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("LOCAL"),
                                  QStringLiteral("--kind"), QStringLiteral("openai")});
    EXPECT_EQ(duplicate.exitCode, 9);
    EXPECT_TRUE(duplicate.err.contains(QStringLiteral("store.already_exists")));

    const CliRun test =
        cli({QStringLiteral("--json"), QStringLiteral("providers"), QStringLiteral("test"), QStringLiteral("local")});
    ASSERT_EQ(test.exitCode, 0) << test.err.toStdString();
    EXPECT_TRUE(test.json().value(QLatin1StringView("authenticated")).toBool());
    EXPECT_EQ(test.json().value(QLatin1StringView("model_count")).toInt(), 2);

    const CliRun models = cli({QStringLiteral("models"), QStringLiteral("local")});
    EXPECT_EQ(models.exitCode, 0);
    EXPECT_EQ(models.out, QStringLiteral("gpt-test\ngpt-test-mini\n"));

    const CliRun remove = cli({QStringLiteral("providers"), QStringLiteral("remove"), QStringLiteral("local")});
    EXPECT_EQ(remove.exitCode, 0);
    EXPECT_EQ(cli({QStringLiteral("providers"), QStringLiteral("test"), QStringLiteral("local")}).exitCode, 7);
}

TEST_F(CliTest, ChatStreamsToStdoutAndJsonReportsEverything) {
    addProvider();
    const CliRun plain = cli({QStringLiteral("chat"), QStringLiteral("Hello CLI")});
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    EXPECT_EQ(plain.out, QStringLiteral("Echo: Hello CLI\n"));

    const CliRun json = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("--conversation"),
                             QStringLiteral("1"), QStringLiteral("--max-tokens"), QStringLiteral("50"),
                             QStringLiteral("--temperature"), QStringLiteral("0.2"), QStringLiteral("Second")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonObject object = json.json();
    EXPECT_EQ(object.value(QLatin1StringView("conversation_id")).toInt(), 1);
    EXPECT_GT(object.value(QLatin1StringView("message_id")).toInt(), 0);
    EXPECT_EQ(object.value(QLatin1StringView("text")).toString(), QStringLiteral("Echo: Second"));
    EXPECT_EQ(object.value(QLatin1StringView("model")).toString(), QStringLiteral("gpt-test"));
    EXPECT_EQ(object.value(QLatin1StringView("finish_reason")).toString(), QStringLiteral("stop"));
    EXPECT_TRUE(object.value(QLatin1StringView("complete")).toBool());
    const QJsonObject usage = object.value(QLatin1StringView("usage")).toObject();
    EXPECT_EQ(usage.value(QLatin1StringView("input_tokens")).toInt(), 12);
    EXPECT_EQ(usage.value(QLatin1StringView("cached_input_tokens")).toInt(), 4);
    EXPECT_EQ(usage.value(QLatin1StringView("reasoning_tokens")).toInt(), 2);
    EXPECT_TRUE(object.contains(QLatin1StringView("ttft_ms")));
    EXPECT_TRUE(object.contains(QLatin1StringView("latency_ms")));
    // The second turn carried the first exchange.
    EXPECT_EQ(server.requests().last().json().value(QLatin1StringView("messages")).toArray().size(), 3);

    const CliRun fromStdin =
        cli({QStringLiteral("chat"), QStringLiteral("--no-stream"), QStringLiteral("-")}, "piped prompt");
    EXPECT_EQ(fromStdin.exitCode, 0);
    EXPECT_EQ(fromStdin.out, QStringLiteral("Echo: piped prompt\n"));
}

TEST_F(CliTest, ProviderFailuresMapToDocumentedExitCodes) {
    addProvider();
    struct Case {
        QString prompt;
        int exitCode;
        const char* code;
    };
    for (const Case& c : {Case{QStringLiteral("[[401]]"), 3, "provider.unauthorized"},
                          Case{QStringLiteral("[[429]]"), 4, "provider.rate_limited"},
                          Case{QStringLiteral("[[quota]]"), 4, "provider.quota_exceeded"},
                          Case{QStringLiteral("[[500]]"), 5, "provider.unavailable"},
                          Case{QStringLiteral("[[cut]] x y"), 6, "provider.stream_interrupted"},
                          Case{QStringLiteral("[[error-in-stream]]"), 6, "provider.stream_error"},
                          Case{QStringLiteral("[[404]]"), 7, "provider.not_found"}}) {
        const CliRun run = cli({QStringLiteral("chat"), c.prompt});
        EXPECT_EQ(run.exitCode, c.exitCode) << c.prompt.toStdString() << ": " << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(QLatin1StringView(c.code))) << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(QStringLiteral("correlation id: "))) << run.err.toStdString();
        EXPECT_FALSE(run.out.contains(QStringLiteral("overloaded"))) << "errors never appear as answer text";
    }
    const CliRun missingKey =
        cli({QStringLiteral("chat"), QStringLiteral("hi")}, {}, {QStringLiteral("TEST_PROVIDER_KEY=")});
    EXPECT_EQ(missingKey.exitCode, 3);
    EXPECT_TRUE(missingKey.err.contains(QStringLiteral("secrets.api_key_missing")));
}

TEST_F(CliTest, InterruptedAnswerIsKeptAndMarkedIncomplete) {
    addProvider();
    const CliRun cut = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("[[cut]] a b c")});
    EXPECT_EQ(cut.exitCode, 6);
    EXPECT_FALSE(cut.json().value(QLatin1StringView("complete")).toBool());
    const int conversation = cut.json().value(QLatin1StringView("conversation_id")).toInt();
    const CliRun show = cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("show"),
                             QString::number(conversation)});
    ASSERT_EQ(show.exitCode, 0);
    const QJsonArray messages = show.json().value(QLatin1StringView("messages")).toArray();
    ASSERT_EQ(messages.size(), 2);
    const QJsonObject answer = messages[1].toObject();
    EXPECT_EQ(answer.value(QLatin1StringView("state")).toString(), QStringLiteral("incomplete"));
    EXPECT_EQ(answer.value(QLatin1StringView("content")).toString(), QStringLiteral("Echo: [[cut]] "));
    EXPECT_EQ(answer.value(QLatin1StringView("error_code")).toString(), QStringLiteral("provider.stream_interrupted"));
}

TEST_F(CliTest, UnreachableProviderExitsWithFive) {
    const CliRun add =
        cli({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("gone"), QStringLiteral("--kind"),
             QStringLiteral("openai-compatible"), QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:1/v1"),
             QStringLiteral("--default-model"), QStringLiteral("m")});
    ASSERT_EQ(add.exitCode, 0);
    const CliRun run = cli({QStringLiteral("chat"), QStringLiteral("hi")});
    EXPECT_EQ(run.exitCode, 5);
    EXPECT_TRUE(run.err.contains(QStringLiteral("network.unreachable")));
}

TEST_F(CliTest, ConversationsListShowDelete) {
    addProvider();
    ASSERT_EQ(cli({QStringLiteral("chat"), QStringLiteral("first")}).exitCode, 0);
    const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("list")});
    ASSERT_EQ(list.jsonArray().size(), 1);
    EXPECT_EQ(list.jsonArray().first().toObject().value(QLatin1StringView("title")).toString(),
              QStringLiteral("first"));
    const CliRun show = cli({QStringLiteral("conversations"), QStringLiteral("show"), QStringLiteral("1")});
    EXPECT_TRUE(show.out.contains(QStringLiteral("Echo: first")));
    EXPECT_EQ(cli({QStringLiteral("conversations"), QStringLiteral("delete"), QStringLiteral("1")}).exitCode, 0);
    EXPECT_EQ(cli({QStringLiteral("conversations"), QStringLiteral("show"), QStringLiteral("1")}).exitCode, 7);
    EXPECT_EQ(cli({QStringLiteral("conversations"), QStringLiteral("delete"), QStringLiteral("1")}).exitCode, 7);
}

TEST_F(CliTest, TagsOrganiseConversationsFromChatListAndTagCommands) {
    addProvider();
    const auto q = [](const char* text) {
        return QString::fromUtf8(text);
    };
    ASSERT_EQ(cli({q("chat"), q("--tag"), q("Work"), q("--tag"), q("#rust"), q("plan the release")}).exitCode, 0);
    ASSERT_EQ(cli({q("chat"), q("a holiday")}).exitCode, 0);

    CliRun run = cli({q("conversations"), q("tag"), q("2"), q("travel"), q("work")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(q("Conversation 2 is tagged: travel, Work"))) << run.out.toStdString();

    run = cli({q("--json"), q("conversations"), q("list"), q("--tag"), q("RUST")});
    ASSERT_EQ(run.jsonArray().size(), 1);
    EXPECT_EQ(run.jsonArray().first().toObject().value(q("tags")).toArray(), QJsonArray({q("rust"), q("Work")}));
    run = cli({q("conversations"), q("list")});
    EXPECT_TRUE(run.out.contains(q("plan the release #rust #Work"))) << run.out.toStdString();
    EXPECT_TRUE(cli({q("conversations"), q("show"), q("1")}).out.contains(q("Tags: rust, Work")));

    run = cli({q("--json"), q("tags")});
    ASSERT_EQ(run.exitCode, 0);
    const QJsonArray tags = run.jsonArray();
    ASSERT_EQ(tags.size(), 3);
    EXPECT_EQ(tags[2].toObject().value(q("name")).toString(), q("Work"));
    EXPECT_EQ(tags[2].toObject().value(q("conversations")).toInt(), 2);

    EXPECT_EQ(cli({q("tags"), q("rename"), q("travel"), q("work")}).exitCode, 0) << "merges into Work";
    EXPECT_EQ(cli({q("--json"), q("tags"), q("list")}).jsonArray().size(), 2);
    run = cli({q("--json"), q("tags"), q("delete"), q("work")});
    ASSERT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.json().value(q("conversations")).toInt(), 2);
    EXPECT_EQ(cli({q("conversations"), q("untag"), q("1"), q("rust")}).exitCode, 0);
    EXPECT_TRUE(cli({q("tags")}).out.contains(q("No tags yet.")));
    EXPECT_TRUE(cli({q("conversations"), q("list"), q("--tag"), q("rust")}).out.contains(q("No conversations tagged")));

    // Mistakes are refused with the documented statuses and change nothing.
    EXPECT_EQ(cli({q("conversations"), q("tag"), q("1"), q("a,b")}).exitCode, 2);
    EXPECT_EQ(cli({q("conversations"), q("tag"), q("1")}).exitCode, 2);
    EXPECT_EQ(cli({q("conversations"), q("tag"), q("99"), q("x")}).exitCode, 7);
    EXPECT_EQ(cli({q("chat"), q("--tag"), q(""), q("hi")}).exitCode, 2);
    EXPECT_EQ(cli({q("tags"), q("rename"), q("nothing"), q("x")}).exitCode, 7);
    EXPECT_EQ(cli({q("tags"), q("delete"), q("nothing")}).exitCode, 7);
    EXPECT_EQ(cli({q("tags"), q("frobnicate")}).exitCode, 2);
    EXPECT_EQ(cli({q("conversations"), q("list"), q("extra")}).exitCode, 2);
    EXPECT_EQ(cli({q("--json"), q("conversations"), q("list")}).jsonArray().size(), 2);
}

TEST_F(CliTest, DoctorChecksStoreKeychainAndProviders) {
    addProvider();
    const CliRun doctor = cli({QStringLiteral("--json"), QStringLiteral("doctor")});
    const QJsonArray checks = doctor.json().value(QLatin1StringView("checks")).toArray();
    QStringList names;
    for (const QJsonValue& check : checks) {
        names << check.toObject().value(QLatin1StringView("check")).toString();
        if (names.last() != QLatin1StringView("keychain")) {
            EXPECT_TRUE(check.toObject().value(QLatin1StringView("ok")).toBool()) << names.last().toStdString();
        }
    }
    EXPECT_TRUE(names.contains(QStringLiteral("database")));
    EXPECT_TRUE(names.contains(QStringLiteral("keychain")));
    EXPECT_TRUE(names.contains(QStringLiteral("provider local")));
}

TEST_F(CliTest, ApiKeyFromStdinGoesToTheKeychainOrIsRefusedWithoutStoringAnything) {
    const QString name = QStringLiteral("kc%1").arg(QCoreApplication::applicationPid());
    const CliRun add =
        cli({QStringLiteral("providers"), QStringLiteral("add"), name, QStringLiteral("--kind"),
             QStringLiteral("openai-compatible"), QStringLiteral("--base-url"), server.baseUrl(),
             QStringLiteral("--api-key-stdin"), QStringLiteral("--default-model"), QStringLiteral("gpt-test")},
            kKey.toUtf8() + "\n");
    if (add.exitCode == 8) {
        ASSERT_NE(qEnvironmentVariableIntValue("TESSERA_REQUIRE_KEYCHAIN"), 1) << add.err.toStdString();
        EXPECT_TRUE(add.err.contains(QStringLiteral("secrets.unavailable"))) << add.err.toStdString();
        EXPECT_TRUE(add.err.contains(QStringLiteral("environment variable"))) << "offers the env-var route";
        EXPECT_EQ(cli({QStringLiteral("providers"), QStringLiteral("test"), name}).exitCode, 7) << "nothing stored";
        return;
    }
    ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();
    const CliRun chat =
        cli({QStringLiteral("chat"), QStringLiteral("--provider"), name, QStringLiteral("from keychain")});
    EXPECT_EQ(chat.exitCode, 0) << chat.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("providers"), QStringLiteral("remove"), name}).exitCode, 0);
    // The key never reaches the database or the logs.
    for (const QString& file : {QDir(dir.path()).filePath(QStringLiteral("tessera.sqlite3")),
                                QDir(dir.path()).filePath(QStringLiteral("logs/tessera.log"))}) {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << file.toStdString();
        EXPECT_FALSE(f.readAll().contains(kKey.toUtf8())) << file.toStdString();
    }
}

TEST_F(CliTest, KeyNeverReachesLogsEvenAtTraceLevel) {
    addProvider();
    const CliRun run =
        cli({QStringLiteral("--log-level"), QStringLiteral("trace"), QStringLiteral("chat"), QStringLiteral("hi")});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_FALSE(run.err.contains(kKey));
    QFile log(QDir(dir.path()).filePath(QStringLiteral("logs/tessera.log")));
    ASSERT_TRUE(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    EXPECT_FALSE(text.contains(kKey.toUtf8()));
    EXPECT_TRUE(text.contains("cid="));
}

TEST_F(CliTest, ProvidersUpdateChangesOnlyWhatIsGiven) {
    addProvider();
    const CliRun update =
        cli({QStringLiteral("--json"), QStringLiteral("providers"), QStringLiteral("update"), QStringLiteral("local"),
             QStringLiteral("--default-model"), QStringLiteral("gpt-test-mini")});
    ASSERT_EQ(update.exitCode, 0) << update.err.toStdString();
    EXPECT_EQ(update.json().value(QLatin1StringView("default_model")).toString(), QStringLiteral("gpt-test-mini"));
    EXPECT_EQ(update.json().value(QLatin1StringView("base_url")).toString(), server.baseUrl());
    EXPECT_EQ(update.json().value(QLatin1StringView("key_source")).toString(), QStringLiteral("env"));
    ASSERT_EQ(cli({QStringLiteral("chat"), QStringLiteral("hi")}).exitCode, 0);
    EXPECT_EQ(server.requests().last().json().value(QLatin1StringView("model")).toString(),
              QStringLiteral("gpt-test-mini"));

    EXPECT_EQ(cli({QStringLiteral("providers"), QStringLiteral("update"), QStringLiteral("local"),
                   QStringLiteral("--base-url"), QStringLiteral("not a url")})
                  .exitCode,
              2);
    EXPECT_EQ(cli({QStringLiteral("providers"), QStringLiteral("update"), QStringLiteral("nobody"),
                   QStringLiteral("--default-model"), QStringLiteral("m")})
                  .exitCode,
              7);
    const CliRun noKey = cli({QStringLiteral("providers"), QStringLiteral("update"), QStringLiteral("local"),
                              QStringLiteral("--no-api-key")});
    EXPECT_EQ(noKey.exitCode, 0);
    EXPECT_EQ(cli({QStringLiteral("chat"), QStringLiteral("hi")}).exitCode, 3) << "the server wants a key";
}

TEST_F(CliTest, CtrlCStopsTheAnswerAndKeepsWhatArrived) {
    addProvider();
    QProcess process;
    ASSERT_TRUE(startSlowAnswer(process, [](const QByteArray& out) { return out.contains("Echo: [[slow]]"); }));
    ::kill(pid_t(process.processId()), SIGINT);
    ASSERT_TRUE(waitUntil([&] { return process.state() == QProcess::NotRunning; }, 30'000));
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit) << "the signal is handled, not fatal";
    EXPECT_EQ(process.exitCode(), 6);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    EXPECT_TRUE(err.contains(QStringLiteral("request.cancelled"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("partial answer was saved"))) << err.toStdString();

    const CliRun show =
        cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("show"), QStringLiteral("1")});
    const QJsonObject answer = show.json().value(QLatin1StringView("messages")).toArray().at(1).toObject();
    EXPECT_EQ(answer.value(QLatin1StringView("state")).toString(), QStringLiteral("incomplete"));
    EXPECT_TRUE(answer.value(QLatin1StringView("content")).toString().startsWith(QStringLiteral("Echo: [[slow]]")));
}

TEST_F(CliTest, OversizedOrEmptyStdinPromptIsRefusedAndNothingIsStored) {
    addProvider();
    const CliRun huge = cli({QStringLiteral("chat"), QStringLiteral("-")}, QByteArray(4'000'001, 'x'));
    EXPECT_EQ(huge.exitCode, 2);
    EXPECT_TRUE(huge.err.contains(QStringLiteral("larger than"))) << huge.err.toStdString();
    const CliRun tooManyCharacters = cli({QStringLiteral("chat"), QStringLiteral("-")}, QByteArray(1'000'001, 'x'));
    EXPECT_EQ(tooManyCharacters.exitCode, 2);
    EXPECT_TRUE(tooManyCharacters.err.contains(QStringLiteral("input.invalid"))) << tooManyCharacters.err.toStdString();
    const CliRun empty = cli({QStringLiteral("chat"), QStringLiteral("-")}, QByteArray("  \n"));
    EXPECT_EQ(empty.exitCode, 2);
    const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("list")});
    EXPECT_TRUE(list.jsonArray().isEmpty());
    EXPECT_TRUE(server.requests().isEmpty());
}

TEST_F(CliTest, ImagesAreAttachedStoredAndBadOnesRefused) {
    addProvider();
    const QString imagePath = dir.filePath(QStringLiteral("screenshot.png"));
    {
        QFile file(imagePath);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x89PNG\r\n\x1a\n-pixels-", 17));
    }
    const CliRun sent = cli({QStringLiteral("chat"), QStringLiteral("--image"), imagePath, QStringLiteral("--image"),
                             imagePath, QStringLiteral("what is this?")});
    ASSERT_EQ(sent.exitCode, 0) << sent.err.toStdString();
    const QJsonArray messages = server.requests().last().json().value(QLatin1StringView("messages")).toArray();
    const QJsonArray parts = messages.last().toObject().value(QLatin1StringView("content")).toArray();
    EXPECT_EQ(parts.size(), 3) << "the text and both images";

    const CliRun shown =
        cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("show"), QStringLiteral("1")});
    ASSERT_EQ(shown.exitCode, 0);
    const QJsonArray stored = shown.json().value(QLatin1StringView("messages")).toArray();
    const QJsonArray images = stored.first().toObject().value(QLatin1StringView("images")).toArray();
    ASSERT_EQ(images.size(), 2);
    EXPECT_EQ(images.first().toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("screenshot.png"));
    EXPECT_EQ(images.first().toObject().value(QLatin1StringView("mime_type")).toString(), QStringLiteral("image/png"));

    const QString textPath = dir.filePath(QStringLiteral("notes.png"));
    {
        QFile file(textPath);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("not an image at all");
    }
    const int requestsBefore = int(server.requests().size());
    const CliRun refused = cli({QStringLiteral("chat"), QStringLiteral("--image"), textPath, QStringLiteral("look")});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("attachment.unsupported"))) << refused.err.toStdString();
    EXPECT_EQ(server.requests().size(), requestsBefore) << "nothing was sent";
    const CliRun missing = cli({QStringLiteral("chat"), QStringLiteral("--image"),
                                dir.filePath(QStringLiteral("no.png")), QStringLiteral("look")});
    EXPECT_EQ(missing.exitCode, 2);
    const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("list")});
    EXPECT_EQ(list.jsonArray().size(), 1) << "refused prompts stored nothing";
}

TEST_F(CliTest, MetricsAddUpAcrossRunsInPrometheusFormat) {
    addProvider();
    ASSERT_EQ(cli({QStringLiteral("chat"), QStringLiteral("one")}).exitCode, 0);
    ASSERT_EQ(cli({QStringLiteral("chat"), QStringLiteral("[[500-once]] two")}).exitCode, 0);
    const CliRun metrics = cli({QStringLiteral("metrics")});
    ASSERT_EQ(metrics.exitCode, 0) << metrics.err.toStdString();
    EXPECT_TRUE(metrics.out.contains(QStringLiteral("# TYPE tessera_requests_total counter")));
    EXPECT_TRUE(
        metrics.out.contains(QStringLiteral("tessera_requests_total{provider=\"local\",model=\"gpt-test\"} 3\n")))
        << metrics.out.toStdString();
    EXPECT_TRUE(
        metrics.out.contains(QStringLiteral("tessera_retries_total{provider=\"local\",model=\"gpt-test\"} 1\n")));
    EXPECT_TRUE(metrics.out.contains(QStringLiteral("code=\"provider.unavailable\"} 1\n")));
    EXPECT_TRUE(metrics.out.contains(
        QStringLiteral("tessera_request_latency_seconds_count{provider=\"local\",model=\"gpt-test\"} 2\n")));
}

TEST_F(CliTest, HealthExitsFiveWhenAProviderIsUnhealthy) {
    addProvider();
    const CliRun healthy = cli({QStringLiteral("--json"), QStringLiteral("health")});
    ASSERT_EQ(healthy.exitCode, 0) << healthy.out.toStdString() << healthy.err.toStdString();
    const QJsonObject report = healthy.jsonArray().first().toObject();
    EXPECT_TRUE(report.value(QLatin1StringView("healthy")).toBool());
    EXPECT_EQ(report.value(QLatin1StringView("models")).toInt(), 2);

    const CliRun broken =
        cli({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("gone"), QStringLiteral("--kind"),
             QStringLiteral("ollama"), QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9"),
             QStringLiteral("--default-model"), QStringLiteral("llama")});
    ASSERT_EQ(broken.exitCode, 0) << broken.err.toStdString();
    const CliRun unhealthy = cli({QStringLiteral("health")});
    EXPECT_EQ(unhealthy.exitCode, 5);
    EXPECT_TRUE(unhealthy.out.contains(QStringLiteral("UNHEALTHY  gone"))) << unhealthy.out.toStdString();
    EXPECT_TRUE(unhealthy.out.contains(QStringLiteral("network.unreachable")));
    EXPECT_EQ(cli({QStringLiteral("health"), QStringLiteral("local")}).exitCode, 0) << "one provider can be checked";

    ASSERT_EQ(cli({QStringLiteral("providers"), QStringLiteral("update"), QStringLiteral("local"),
                   QStringLiteral("--breaker"), QStringLiteral("forced-open")})
                  .exitCode,
              0);
    EXPECT_EQ(cli({QStringLiteral("health"), QStringLiteral("local")}).exitCode, 5)
        << "a provider an administrator stopped is not healthy";
    const CliRun stopped =
        cli({QStringLiteral("chat"), QStringLiteral("--provider"), QStringLiteral("local"), QStringLiteral("anyone?")});
    EXPECT_EQ(stopped.exitCode, 5);
    EXPECT_TRUE(stopped.err.contains(QStringLiteral("provider.circuit_open"))) << stopped.err.toStdString();
}

TEST_F(CliTest, CacheServesRepeatsWhenSwitchedOnAndCanBeCleared) {
    addProvider();
    ASSERT_EQ(cli({QStringLiteral("cache"), QStringLiteral("settings"), QStringLiteral("--chat"), QStringLiteral("on"),
                   QStringLiteral("--ttl"), QStringLiteral("600")})
                  .exitCode,
              0);
    ASSERT_EQ(cli({QStringLiteral("chat"), QStringLiteral("same question")}).exitCode, 0);
    const int requests = server.countRequests("/chat/completions");
    const CliRun hit = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("same question")});
    ASSERT_EQ(hit.exitCode, 0);
    EXPECT_TRUE(hit.json().value(QLatin1StringView("cache_hit")).toBool());
    EXPECT_EQ(hit.json().value(QLatin1StringView("usage")).toObject().value(QLatin1StringView("input_tokens")).toInt(),
              0);
    EXPECT_EQ(server.countRequests("/chat/completions"), requests);
    const CliRun refresh = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("--refresh"),
                                QStringLiteral("same question")});
    EXPECT_FALSE(refresh.json().value(QLatin1StringView("cache_hit")).toBool());

    const CliRun stats = cli({QStringLiteral("--json"), QStringLiteral("cache"), QStringLiteral("stats")});
    EXPECT_EQ(stats.json().value(QLatin1StringView("entries")).toInt(), 1);
    EXPECT_EQ(stats.json().value(QLatin1StringView("hits")).toInt(), 1);
    EXPECT_EQ(stats.json().value(QLatin1StringView("ttl_seconds")).toInt(), 600);
    const CliRun cleared = cli({QStringLiteral("--json"), QStringLiteral("cache"), QStringLiteral("clear"),
                                QStringLiteral("--provider"), QStringLiteral("local")});
    EXPECT_EQ(cleared.json().value(QLatin1StringView("removed")).toInt(), 1);
    EXPECT_EQ(
        cli({QStringLiteral("cache"), QStringLiteral("settings"), QStringLiteral("--chat"), QStringLiteral("maybe")})
            .exitCode,
        2);
    EXPECT_EQ(cli({QStringLiteral("cache"), QStringLiteral("clear"), QStringLiteral("--model"), QStringLiteral("m")})
                  .exitCode,
              2);
}

TEST_F(CliTest, FallbackAnswersWhenThePrimaryFailsAndIsRemembered) {
    addProvider();
    ASSERT_EQ(cli({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("backup"),
                   QStringLiteral("--kind"), QStringLiteral("ollama"), QStringLiteral("--base-url"), server.rootUrl(),
                   QStringLiteral("--default-model"), QStringLiteral("llama-test")})
                  .exitCode,
              0);
    const auto rejectPrimaryOnce = [this] {
        server.enqueue("/v1/chat/completions",
                       Tessera::Testing::FakeResponse::openAiError(401, QStringLiteral("bad key"),
                                                                   QStringLiteral("invalid_request_error")));
    };
    rejectPrimaryOnce();
    const CliRun first =
        cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("--provider"), QStringLiteral("local"),
             QStringLiteral("--fallback"), QStringLiteral("backup:llama-test"), QStringLiteral("hello")});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.json().value(QLatin1StringView("via_fallback")).toBool());
    EXPECT_EQ(first.json().value(QLatin1StringView("provider")).toString(), QStringLiteral("backup"));
    EXPECT_EQ(first.json().value(QLatin1StringView("model")).toString(), QStringLiteral("llama-test"));
    rejectPrimaryOnce();
    const CliRun again = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("--conversation"),
                              QStringLiteral("1"), QStringLiteral("still failing")});
    EXPECT_EQ(again.json().value(QLatin1StringView("provider")).toString(), QStringLiteral("backup"))
        << "the conversation remembers its fallback";
    rejectPrimaryOnce();
    const CliRun cleared = cli({QStringLiteral("chat"), QStringLiteral("--conversation"), QStringLiteral("1"),
                                QStringLiteral("--fallback"), QString(), QStringLiteral("no fallback now")});
    EXPECT_EQ(cleared.exitCode, 3);
}

TEST_F(CliTest, SearchFindsMessagesAcrossConversationsWithHighlightsAndPages) {
    addProvider();
    ASSERT_EQ(cli({QStringLiteral("chat"), QStringLiteral("Explain the WAL journal")}).exitCode, 0);
    ASSERT_EQ(cli({QStringLiteral("chat"), QStringLiteral("Tell me about rollback journals")}).exitCode, 0);

    const CliRun plain = cli({QStringLiteral("conversations"), QStringLiteral("search"), QStringLiteral("journal")});
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    EXPECT_TRUE(plain.out.contains(QStringLiteral("the WAL **journal**"))) << plain.out.toStdString();
    EXPECT_TRUE(plain.out.contains(QStringLiteral("conversation 2 \"Tell me about rollback journals\"")));

    const CliRun json = cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("search"),
                             QStringLiteral("wal"), QStringLiteral("--limit"), QStringLiteral("1")});
    ASSERT_EQ(json.exitCode, 0);
    const QJsonArray hits = json.jsonArray();
    ASSERT_EQ(hits.size(), 1) << "the newest of the two (the echoed answer)";
    const QJsonObject hit = hits.first().toObject();
    EXPECT_EQ(hit.value(QLatin1StringView("conversation_id")).toInt(), 1);
    EXPECT_EQ(hit.value(QLatin1StringView("role")).toString(), QStringLiteral("assistant"));
    const QJsonArray range = hit.value(QLatin1StringView("highlights")).toArray().first().toArray();
    EXPECT_EQ(hit.value(QLatin1StringView("snippet")).toString().mid(range[0].toInt(), range[1].toInt()),
              QStringLiteral("WAL"));
    const CliRun next =
        cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("search"), QStringLiteral("wal"),
             QStringLiteral("--before"), QString::number(hit.value(QLatin1StringView("message_id")).toInt())});
    ASSERT_EQ(next.jsonArray().size(), 1) << "the next page holds the user's message";
    EXPECT_EQ(next.jsonArray().first().toObject().value(QLatin1StringView("role")).toString(), QStringLiteral("user"));

    EXPECT_EQ(cli({QStringLiteral("conversations"), QStringLiteral("search"), QStringLiteral("\"(NEAR OR")}).exitCode,
              0)
        << "no input is a syntax error";
    EXPECT_EQ(cli({QStringLiteral("conversations"), QStringLiteral("search")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("conversations"), QStringLiteral("search"), QStringLiteral("x"),
                   QStringLiteral("--limit"), QStringLiteral("0")})
                  .exitCode,
              2);
    EXPECT_TRUE(cli({QStringLiteral("conversations"), QStringLiteral("search"), QStringLiteral("zebra")})
                    .out.contains(QStringLiteral("No messages match.")));
}

TEST_F(CliTest, ExportAndImportRoundTripAndBadFilesImportNothing) {
    addProvider();
    ASSERT_EQ(cli({QStringLiteral("chat"), QStringLiteral("Export me")}).exitCode, 0);
    ASSERT_EQ(cli({QStringLiteral("chat"), QStringLiteral("And me too")}).exitCode, 0);

    const CliRun markdown = cli({QStringLiteral("conversations"), QStringLiteral("export"), QStringLiteral("1")});
    ASSERT_EQ(markdown.exitCode, 0) << markdown.err.toStdString();
    EXPECT_TRUE(markdown.out.startsWith(QStringLiteral("# Export me\n"))) << markdown.out.toStdString();
    EXPECT_TRUE(markdown.out.contains(QStringLiteral("## Assistant (gpt-test)\n\nEcho: Export me")));

    const QString path = dir.filePath(QStringLiteral("all.json"));
    const CliRun json = cli({QStringLiteral("conversations"), QStringLiteral("export"), QStringLiteral("--all"),
                             QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), path});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    EXPECT_TRUE(json.out.contains(QStringLiteral("Exported 2 conversation(s)")));

    // Into a second store.
    QTemporaryDir other;
    const auto inOther = [&](const QStringList& args) {
        return cli(QStringList{QStringLiteral("--data-dir"), other.path()} + args);
    };
    const CliRun imported =
        inOther({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("import"), path});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_EQ(imported.json().value(QLatin1StringView("conversations")).toInt(), 2);
    EXPECT_EQ(imported.json().value(QLatin1StringView("messages")).toInt(), 4);
    EXPECT_EQ(imported.json().value(QLatin1StringView("format")).toString(), QStringLiteral("tessera"));
    const CliRun listed = inOther({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("list")});
    EXPECT_EQ(listed.jsonArray().size(), 2);

    // A damaged file: refused, the place named, nothing imported.
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    {
        QFile file(broken);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "tessera-conversations", "version": 1, "conversations": [
            {"title": "ok", "messages": [{"key": 1, "role": "user", "content": "fine"}]},
            {"title": "bad", "messages": [{"key": 1, "role": "robot", "content": "x"}]}]})");
    }
    const CliRun refused = inOther({QStringLiteral("conversations"), QStringLiteral("import"), broken});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("import.invalid")));
    EXPECT_TRUE(refused.err.contains(QStringLiteral("conversations[1].messages[0].role"))) << refused.err.toStdString();
    EXPECT_EQ(
        inOther({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("list")}).jsonArray().size(),
        2)
        << "the valid first conversation was not imported either";

    EXPECT_EQ(cli({QStringLiteral("conversations"), QStringLiteral("export")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("conversations"), QStringLiteral("export"), QStringLiteral("1"),
                   QStringLiteral("--format"), QStringLiteral("docx")})
                  .exitCode,
              2);
    EXPECT_EQ(cli({QStringLiteral("conversations"), QStringLiteral("export"), QStringLiteral("1"),
                   QStringLiteral("--output"), dir.filePath(QStringLiteral("missing/dir/x.md"))})
                  .exitCode,
              9);
    EXPECT_EQ(cli({QStringLiteral("conversations"), QStringLiteral("export"), QStringLiteral("99")}).exitCode, 7);

    // PDF, laid out without a display.
    const QString pdf = dir.filePath(QStringLiteral("one.pdf"));
    const CliRun printed = cli({QStringLiteral("conversations"), QStringLiteral("export"), QStringLiteral("1"),
                                QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--output"), pdf},
                               {}, {QStringLiteral("QT_QPA_PLATFORM=")});
    ASSERT_EQ(printed.exitCode, 0) << printed.err.toStdString();
    QFile written(pdf);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    EXPECT_TRUE(written.read(5) == "%PDF-");
    EXPECT_GT(written.size(), 1000);
    EXPECT_EQ(cli({QStringLiteral("conversations"), QStringLiteral("export"), QStringLiteral("1"),
                   QStringLiteral("--format"), QStringLiteral("pdf")})
                  .exitCode,
              2)
        << "a PDF goes to a file";
}

TEST_F(CliTest, ANewConversationKeepsTheSettingsItWasStartedWithAsInTheApp) {
    addProvider();
    const CliRun chat = cli({QStringLiteral("chat"), QStringLiteral("--temperature"), QStringLiteral("0.4"),
                             QStringLiteral("--max-tokens"), QStringLiteral("256"), QStringLiteral("--system"),
                             QStringLiteral("be brief"), QStringLiteral("hello")});
    ASSERT_EQ(chat.exitCode, 0) << chat.err.toStdString();
    const CliRun show =
        cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("show"), QStringLiteral("1")});
    const QJsonObject conversation = show.json();
    EXPECT_DOUBLE_EQ(conversation.value(QLatin1StringView("temperature")).toDouble(-1), 0.4) << show.out.toStdString();
    EXPECT_EQ(conversation.value(QLatin1StringView("max_tokens")).toInt(), 256);
    EXPECT_EQ(conversation.value(QLatin1StringView("system_prompt")).toString(), QStringLiteral("be brief"));

    // The limits are core's: the CLI gives the same answer the app's settings dialog would.
    const CliRun tooHot =
        cli({QStringLiteral("chat"), QStringLiteral("--temperature"), QStringLiteral("2.5"), QStringLiteral("hi")});
    EXPECT_EQ(tooHot.exitCode, 2);
    EXPECT_TRUE(tooHot.err.contains(QStringLiteral("input.invalid"))) << tooHot.err.toStdString();
    EXPECT_TRUE(tooHot.err.contains(QStringLiteral("from 0 to 2"))) << tooHot.err.toStdString();
    const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("list")});
    EXPECT_EQ(list.jsonArray().size(), 1) << "nothing was stored";
}

TEST_F(CliTest, StoreCopyMakesAVerifiedCopyThatOpensWithDatabase) {
    addProvider();
    ASSERT_EQ(cli({QStringLiteral("chat"), QStringLiteral("--tag"), QStringLiteral("work"), QStringLiteral("hello")})
                  .exitCode,
              0);
    const QString copy = QDir(dir.path()).filePath(QStringLiteral("copy/tessera.sqlite3"));
    const CliRun copied =
        cli({QStringLiteral("--json"), QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--to"), copy});
    ASSERT_EQ(copied.exitCode, 0) << copied.err.toStdString();
    EXPECT_TRUE(copied.json().value(QLatin1StringView("verified")).toBool());
    EXPECT_GE(copied.json().value(QLatin1StringView("rows")).toInt(), 5);
    const QJsonArray tables = copied.json().value(QLatin1StringView("tables")).toArray();
    EXPECT_EQ(tables.size(), 41) << "every table of the store";
    bool ownerCopied = false;
    for (const QJsonValue& table : tables) {
        ownerCopied = ownerCopied ||
                      (table.toObject().value(QLatin1StringView("table")).toString() == QLatin1StringView("accounts") &&
                       table.toObject().value(QLatin1StringView("rows")).toInt() == 1);
    }
    EXPECT_TRUE(ownerCopied) << "the owner's account goes with the store";

    const CliRun listed = cli({QStringLiteral("--database"), copy, QStringLiteral("--json"),
                               QStringLiteral("conversations"), QStringLiteral("list")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    ASSERT_EQ(listed.jsonArray().size(), 1);
    EXPECT_EQ(listed.jsonArray().at(0).toObject().value(QLatin1StringView("tags")).toArray().at(0).toString(),
              QStringLiteral("work"));

    const CliRun again = cli({QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--to"), copy});
    EXPECT_EQ(again.exitCode, 2) << "the copy is not empty any more";
    EXPECT_TRUE(again.err.contains(QStringLiteral("not empty"))) << again.err.toStdString();

    const CliRun secret = cli({QStringLiteral("--database"), QStringLiteral("postgresql://me:hunter2@127.0.0.1/db"),
                               QStringLiteral("conversations"), QStringLiteral("list")});
    EXPECT_EQ(secret.exitCode, 2);
    EXPECT_FALSE(secret.err.contains(QStringLiteral("hunter2"))) << secret.err.toStdString();
    EXPECT_TRUE(secret.err.contains(QStringLiteral("PGPASSWORD"))) << secret.err.toStdString();

    const CliRun unreachable = cli({QStringLiteral("--json"), QStringLiteral("--database"),
                                    QStringLiteral("postgresql://me@127.0.0.1:1/db"), QStringLiteral("doctor")});
    EXPECT_EQ(unreachable.exitCode, 1);
    bool databaseChecked = false;
    for (const QJsonValue& check : unreachable.json().value(QLatin1StringView("checks")).toArray()) {
        if (check.toObject().value(QLatin1StringView("check")).toString() == QStringLiteral("database")) {
            databaseChecked = true;
            EXPECT_FALSE(check.toObject().value(QLatin1StringView("ok")).toBool());
            EXPECT_TRUE(check.toObject()
                            .value(QLatin1StringView("detail"))
                            .toString()
                            .contains(QStringLiteral("store.unreachable")));
        }
    }
    EXPECT_TRUE(databaseChecked) << unreachable.out.toStdString();
}

TEST_F(CliTest, ASecondProcessOpeningTheStoreLeavesALiveAnswerStreaming) {
    addProvider();
    QProcess process;
    ASSERT_TRUE(startSlowAnswer(process, [](const QByteArray& out) { return out.count(' ') >= 3; }));
    // Another process opens the same store while the first one streams.
    const CliRun show =
        cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("show"), QStringLiteral("1")});
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    const QJsonObject during = show.json().value(QLatin1StringView("messages")).toArray().at(1).toObject();
    EXPECT_EQ(during.value(QLatin1StringView("state")).toString(), QStringLiteral("streaming"))
        << "the answer of a live process is not taken for interrupted";
    ASSERT_TRUE(waitUntil([&] { return process.state() == QProcess::NotRunning; }, 60'000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const CliRun after =
        cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("show"), QStringLiteral("1")});
    const QJsonObject answer = after.json().value(QLatin1StringView("messages")).toArray().at(1).toObject();
    EXPECT_EQ(answer.value(QLatin1StringView("state")).toString(), QStringLiteral("complete"));
    EXPECT_TRUE(answer.value(QLatin1StringView("error_code")).toString().isEmpty());
}

TEST_F(CliTest, KillingTheProcessMidStreamKeepsThePartialAnswerAndAnIntactStore) {
    addProvider();
    QProcess process;
    ASSERT_TRUE(startSlowAnswer(process, [](const QByteArray& out) { return out.count(' ') >= 4; }))
        << "a few words arrived";
    const QDeadlineTimer flushed(700); // at least one write of the streamed text to the store
    waitUntil([&] { return flushed.hasExpired(); });
    ::kill(pid_t(process.processId()), SIGKILL); // no chance to clean up
    ASSERT_TRUE(waitUntil([&] { return process.state() == QProcess::NotRunning; }, 30'000));
    EXPECT_EQ(process.exitStatus(), QProcess::CrashExit);

    // Reopened: the store is intact and the answer keeps what had arrived, marked incomplete.
    const CliRun doctor = cli({QStringLiteral("--json"), QStringLiteral("doctor")});
    bool integrityChecked = false;
    for (const QJsonValue& check : doctor.json().value(QLatin1StringView("checks")).toArray()) {
        if (check.toObject().value(QLatin1StringView("check")).toString().contains(QStringLiteral("database"))) {
            integrityChecked = true;
            EXPECT_TRUE(check.toObject().value(QLatin1StringView("ok")).toBool()) << doctor.out.toStdString();
        }
    }
    EXPECT_TRUE(integrityChecked) << doctor.out.toStdString();
    const CliRun show =
        cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("show"), QStringLiteral("1")});
    const QJsonArray messages = show.json().value(QLatin1StringView("messages")).toArray();
    ASSERT_EQ(messages.size(), 2);
    EXPECT_EQ(messages[0].toObject().value(QLatin1StringView("content")).toString(),
              QStringLiteral("[[slow]] a long answer with many many words in it"));
    const QJsonObject answer = messages[1].toObject();
    EXPECT_EQ(answer.value(QLatin1StringView("state")).toString(), QStringLiteral("incomplete"));
    EXPECT_EQ(answer.value(QLatin1StringView("error_code")).toString(), QStringLiteral("provider.stream_interrupted"));
    EXPECT_TRUE(answer.value(QLatin1StringView("content")).toString().startsWith(QStringLiteral("Echo: [[slow]]")))
        << answer.value(QLatin1StringView("content")).toString().toStdString();
}
