// The prompt library from the command line, against the real binary: a template file added, versioned, labelled,
// compared, shown, rendered with its variables (a missing one is exit 2 naming it) and removed; feedback on answers
// set, exported and summed into quality statistics; the library exported as JSON or Markdown and imported again.
#include "CliFixture.h"

#include "support/QtPrinters.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

TEST_F(CliTest, PromptTemplatesAreAddedVersionedLabelledRenderedAndRemoved) {
    QTemporaryDir files;
    const QString path = files.filePath(QStringLiteral("summary.md"));
    writeFile(path, "---\ndescription: A summary\ntags: [writing, Email]\nmodel: gpt-5.4\ntemperature: 0.3\n---\n"
                    "<!-- system -->\nYou write for {{audience = \"a general reader\"}}.\n\n<!-- user -->\n"
                    "Summarise this.\n{{?words : number(20..300)}}\nUse at most {{words}} words.\n{{/words}}\n"
                    "{{text : multiline}}\n");
    const CliRun added = cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("add"),
                              QStringLiteral("Summary"), QStringLiteral("--file"), path});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_EQ(added.json().value(QLatin1StringView("latest_version")).toInt(), 1);
    EXPECT_EQ(added.json().value(QLatin1StringView("tags")).toArray().size(), 2);
    EXPECT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("add"), QStringLiteral("summary"),
                   QStringLiteral("--file"), path})
                  .exitCode,
              9)
        << "the name is taken, whatever its case";

    // Rendered: defaults filled, the optional section left out, values as they are.
    const CliRun plain = cli({QStringLiteral("prompts"), QStringLiteral("render"), QStringLiteral("Summary"),
                              QStringLiteral("--var"), QStringLiteral("text={{not a tag}}")});
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    EXPECT_EQ(plain.out, QStringLiteral("[system]\nYou write for a general reader.\n\n[user]\nSummarise this.\n"
                                        "{{not a tag}}\n"));
    const CliRun missing = cli({QStringLiteral("prompts"), QStringLiteral("render"), QStringLiteral("Summary")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("text needs a value"))) << missing.err.toStdString();
    const CliRun range =
        cli({QStringLiteral("prompts"), QStringLiteral("render"), QStringLiteral("Summary"), QStringLiteral("--var"),
             QStringLiteral("text=x"), QStringLiteral("--var"), QStringLiteral("words=5")});
    EXPECT_EQ(range.exitCode, 2);
    EXPECT_TRUE(range.err.contains(QStringLiteral("words must be between 20 and 300"))) << range.err.toStdString();
    const QString source = files.filePath(QStringLiteral("text.txt"));
    writeFile(source, "from a file");
    const CliRun json = cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("render"),
                             QStringLiteral("Summary"), QStringLiteral("--file-var"), QStringLiteral("text=") + source,
                             QStringLiteral("--var"), QStringLiteral("words=50")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    EXPECT_EQ(json.json().value(QLatin1StringView("user")).toString(),
              QStringLiteral("Summarise this.\nUse at most 50 words.\nfrom a file"));
    EXPECT_EQ(json.json().value(QLatin1StringView("model")).toString(), QStringLiteral("gpt-5.4"));

    // A second version, production kept on the first, the two compared.
    writeFile(path, "Summarise this in {{words : number(20..300) = 100}} words.\n{{text : multiline}}\n");
    const CliRun updated =
        cli({QStringLiteral("prompts"), QStringLiteral("update"), QStringLiteral("Summary"), QStringLiteral("--file"),
             path, QStringLiteral("--message"), QStringLiteral("shorter")});
    ASSERT_EQ(updated.exitCode, 0) << updated.err.toStdString();
    ASSERT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("label"), QStringLiteral("Summary"),
                   QStringLiteral("production"), QStringLiteral("1")})
                  .exitCode,
              0);
    const CliRun versions = cli(
        {QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("versions"), QStringLiteral("Summary")});
    ASSERT_EQ(versions.exitCode, 0);
    const QJsonArray list = versions.jsonArray();
    ASSERT_EQ(list.size(), 2);
    EXPECT_EQ(list[0].toObject().value(QLatin1StringView("message")).toString(), QStringLiteral("shorter"));
    EXPECT_EQ(list[0].toObject().value(QLatin1StringView("labels")).toArray().first().toString(),
              QStringLiteral("latest"));
    EXPECT_EQ(list[1].toObject().value(QLatin1StringView("labels")).toArray().first().toString(),
              QStringLiteral("production"));
    const CliRun shown =
        cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("show"), QStringLiteral("Summary")});
    EXPECT_EQ(shown.json().value(QLatin1StringView("version")).toInt(), 1) << "production unless a version is named";
    const QJsonArray variables = shown.json().value(QLatin1StringView("variables")).toArray();
    ASSERT_EQ(variables.size(), 3);
    EXPECT_EQ(variables[1].toObject().value(QLatin1StringView("type")).toString(), QStringLiteral("number"));
    EXPECT_EQ(variables[1].toObject().value(QLatin1StringView("min")).toDouble(), 20.0);
    EXPECT_FALSE(variables[1].toObject().value(QLatin1StringView("required")).toBool());
    EXPECT_TRUE(variables[2].toObject().value(QLatin1StringView("required")).toBool());
    const CliRun latest = cli({QStringLiteral("prompts"), QStringLiteral("render"), QStringLiteral("Summary@2"),
                               QStringLiteral("--var"), QStringLiteral("text=t")});
    EXPECT_EQ(latest.out, QStringLiteral("Summarise this in 100 words.\nt\n"));
    const CliRun diff = cli({QStringLiteral("prompts"), QStringLiteral("diff"), QStringLiteral("Summary"),
                             QStringLiteral("1"), QStringLiteral("2")});
    ASSERT_EQ(diff.exitCode, 0);
    EXPECT_TRUE(diff.out.contains(QStringLiteral("-Summarise this.\n"))) << diff.out.toStdString();
    EXPECT_TRUE(diff.out.contains(QStringLiteral("+Summarise this in {{words : number(20..300) = 100}} words.\n")));
    EXPECT_TRUE(diff.out.contains(QStringLiteral(" {{text : multiline}}\n")));
    // The Markdown form reads back as the same template.
    const CliRun markdown = cli({QStringLiteral("prompts"), QStringLiteral("show"), QStringLiteral("Summary")});
    const QString copy = files.filePath(QStringLiteral("copy.md"));
    writeFile(copy, markdown.out.toUtf8());
    ASSERT_EQ(
        cli({QStringLiteral("prompts"), QStringLiteral("add"), QStringLiteral("Copy"), QStringLiteral("--file"), copy})
            .exitCode,
        0);
    const CliRun copied =
        cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("show"), QStringLiteral("Copy")});
    EXPECT_EQ(copied.json().value(QLatin1StringView("system")), shown.json().value(QLatin1StringView("system")));
    EXPECT_EQ(copied.json().value(QLatin1StringView("user")), shown.json().value(QLatin1StringView("user")));
    EXPECT_EQ(copied.json().value(QLatin1StringView("temperature")).toDouble(), 0.3);

    // Broken input: a clear error with the place, nothing saved.
    const CliRun broken = cli({QStringLiteral("prompts"), QStringLiteral("add"), QStringLiteral("Broken"),
                               QStringLiteral("--file"), QStringLiteral("-")},
                              "Hi {{who\n");
    EXPECT_EQ(broken.exitCode, 2);
    EXPECT_TRUE(broken.err.contains(QStringLiteral("stdin: the user part, line 1, column 4")))
        << broken.err.toStdString();
    writeFile(path, "---\ncolour: red\n---\nx");
    const CliRun unknown = cli(
        {QStringLiteral("prompts"), QStringLiteral("add"), QStringLiteral("Broken"), QStringLiteral("--file"), path});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("line 2: unknown key colour"))) << unknown.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("show"), QStringLiteral("Broken")}).exitCode, 7);
    EXPECT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("label"), QStringLiteral("Summary"),
                   QStringLiteral("latest"), QStringLiteral("1")})
                  .exitCode,
              2);
    EXPECT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("render"), QStringLiteral("Summary@0")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("frobnicate")}).exitCode, 2);

    ASSERT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("remove"), QStringLiteral("Summary")}).exitCode, 0);
    const CliRun left = cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("list")});
    ASSERT_EQ(left.jsonArray().size(), 1);
    EXPECT_EQ(left.jsonArray()[0].toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("Copy"));
}

TEST_F(CliTest, FeedbackRatesAnswersExportsThemAndGivesQualityStatistics) {
    addProvider();
    const std::vector<qint64> answers = askQuestions(3);
    ASSERT_EQ(answers.size(), 3u);
    const CliRun up =
        cli({QStringLiteral("--json"), QStringLiteral("feedback"), QStringLiteral("set"), QString::number(answers[0]),
             QStringLiteral("up"), QStringLiteral("--tag"), QStringLiteral("great")});
    ASSERT_EQ(up.exitCode, 0) << up.err.toStdString();
    EXPECT_EQ(up.json().value(QLatin1StringView("rating")).toString(), QStringLiteral("up"));
    ASSERT_EQ(cli({QStringLiteral("feedback"), QStringLiteral("set"), QString::number(answers[1]),
                   QStringLiteral("down"), QStringLiteral("--tag"), QStringLiteral("too long"),
                   QStringLiteral("--comment"), QStringLiteral("=SUM(A1) shorter")})
                  .exitCode,
              0);
    // Bad input: a clear error and nothing changed.
    EXPECT_EQ(
        cli({QStringLiteral("feedback"), QStringLiteral("set"), QString::number(answers[2]), QStringLiteral("meh")})
            .exitCode,
        2);
    const CliRun unknownTag = cli({QStringLiteral("feedback"), QStringLiteral("set"), QString::number(answers[2]),
                                   QStringLiteral("up"), QStringLiteral("--tag"), QStringLiteral("brilliant")});
    EXPECT_EQ(unknownTag.exitCode, 2);
    EXPECT_TRUE(unknownTag.err.contains(QStringLiteral("not a feedback tag"))) << unknownTag.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("feedback"), QStringLiteral("set"), QStringLiteral("99999"), QStringLiteral("up")})
                  .exitCode,
              7);
    EXPECT_EQ(cli({QStringLiteral("feedback"), QStringLiteral("clear"), QString::number(answers[2])}).exitCode, 7)
        << "nothing to clear";

    const CliRun stats = cli({QStringLiteral("--json"), QStringLiteral("feedback"), QStringLiteral("stats"),
                              QStringLiteral("--by"), QStringLiteral("provider")});
    ASSERT_EQ(stats.exitCode, 0) << stats.err.toStdString();
    const QJsonArray rows = stats.jsonArray();
    ASSERT_EQ(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    EXPECT_EQ(row.value(QLatin1StringView("provider")).toString(), QStringLiteral("local"));
    EXPECT_EQ(row.value(QLatin1StringView("answers")).toInt(), 3);
    EXPECT_EQ(row.value(QLatin1StringView("rated")).toInt(), 2);
    EXPECT_DOUBLE_EQ(row.value(QLatin1StringView("positive_rate")).toDouble(), 0.5);
    EXPECT_NEAR(row.value(QLatin1StringView("interval_low")).toDouble(), 0.0945, 0.0005) << "Wilson of 1 in 2";
    EXPECT_NEAR(row.value(QLatin1StringView("interval_high")).toDouble(), 0.9055, 0.0005);
    EXPECT_EQ(cli({QStringLiteral("feedback"), QStringLiteral("stats"), QStringLiteral("--by"), QStringLiteral("mood")})
                  .exitCode,
              2);

    // Exported as JSON lines and as CSV (formula-safe), read back.
    const CliRun lines = cli({QStringLiteral("feedback"), QStringLiteral("export")});
    ASSERT_EQ(lines.exitCode, 0);
    const QStringList records = lines.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(records.size(), 2);
    const QJsonObject second = QJsonDocument::fromJson(records[1].toUtf8()).object();
    EXPECT_EQ(second.value(QLatin1StringView("message_id")).toInteger(), answers[1]);
    EXPECT_EQ(second.value(QLatin1StringView("comment")).toString(), QStringLiteral("=SUM(A1) shorter"));
    EXPECT_EQ(second.value(QLatin1StringView("tags")).toArray().first().toString(), QStringLiteral("too long"));
    QTemporaryDir out;
    const QString csv = out.filePath(QStringLiteral("feedback.csv"));
    const CliRun written = cli({QStringLiteral("--json"), QStringLiteral("feedback"), QStringLiteral("export"),
                                QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), csv});
    ASSERT_EQ(written.exitCode, 0) << written.err.toStdString();
    EXPECT_EQ(written.json().value(QLatin1StringView("records")).toInt(), 2);
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(text.startsWith(QStringLiteral("message_id,conversation_id,provider,model,rating,tags,comment")));
    EXPECT_TRUE(text.contains(QStringLiteral("'=SUM(A1) shorter"))) << text.toStdString();

    // Cleared; the tag list is shown and edited by the administrator (the owner of a personal store).
    ASSERT_EQ(cli({QStringLiteral("feedback"), QStringLiteral("clear"), QString::number(answers[1])}).exitCode, 0);
    const CliRun tags = cli({QStringLiteral("--json"), QStringLiteral("feedback"), QStringLiteral("tags"),
                             QStringLiteral("--set"), QStringLiteral("great,off topic")});
    ASSERT_EQ(tags.exitCode, 0) << tags.err.toStdString();
    EXPECT_EQ(tags.jsonArray().size(), 2);
}

TEST_F(CliTest, ChatSendsARenderedTemplateAndRefusesAMissingVariableBeforeSending) {
    addProvider();
    QTemporaryDir files;
    const QString path = files.filePath(QStringLiteral("translate.md"));
    writeFile(path, "---\ntemperature: 0.2\n---\n<!-- system -->\nAnswer in {{lang = German}}.\n<!-- user -->\n"
                    "Translate: {{text}}\n");
    ASSERT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("add"), QStringLiteral("Translate"),
                   QStringLiteral("--file"), path})
                  .exitCode,
              0);
    const CliRun missing = cli({QStringLiteral("chat"), QStringLiteral("--prompt"), QStringLiteral("Translate")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("text needs a value"))) << missing.err.toStdString();
    EXPECT_TRUE(server.requests().isEmpty()) << "nothing is sent";
    EXPECT_EQ(
        cli({QStringLiteral("chat"), QStringLiteral("--prompt"), QStringLiteral("Translate"), QStringLiteral("also")})
            .exitCode,
        2)
        << "a template or a prompt, not both";
    EXPECT_EQ(
        cli({QStringLiteral("chat"), QStringLiteral("--var"), QStringLiteral("text=x"), QStringLiteral("hi")}).exitCode,
        2);

    const CliRun sent =
        cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("--prompt"),
             QStringLiteral("Translate@1"), QStringLiteral("--var"), QStringLiteral("text=good morning")});
    ASSERT_EQ(sent.exitCode, 0) << sent.err.toStdString();
    ASSERT_FALSE(server.requests().isEmpty());
    const QJsonObject request = server.requests().last().json();
    const QJsonArray messages = request.value(QLatin1StringView("messages")).toArray();
    ASSERT_EQ(messages.size(), 2);
    EXPECT_EQ(messages[0].toObject().value(QLatin1StringView("content")).toString(),
              QStringLiteral("Answer in German."));
    EXPECT_EQ(messages[1].toObject().value(QLatin1StringView("content")).toString(),
              QStringLiteral("Translate: good morning"));
    EXPECT_DOUBLE_EQ(request.value(QLatin1StringView("temperature")).toDouble(), 0.2);
    const CliRun listed = cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("list")});
    EXPECT_EQ(listed.jsonArray()[0].toObject().value(QLatin1StringView("use_count")).toInt(), 1);

    // The question records the template version and values; its answer's rating counts for that version.
    const qint64 answer = sent.json().value(QLatin1StringView("message_id")).toInteger();
    ASSERT_EQ(cli({QStringLiteral("feedback"), QStringLiteral("set"), QString::number(answer), QStringLiteral("up")})
                  .exitCode,
              0);
    const CliRun byTemplate = cli({QStringLiteral("--json"), QStringLiteral("feedback"), QStringLiteral("stats"),
                                   QStringLiteral("--by"), QStringLiteral("template")});
    ASSERT_EQ(byTemplate.exitCode, 0) << byTemplate.err.toStdString();
    ASSERT_EQ(byTemplate.jsonArray().size(), 1);
    const QJsonObject row = byTemplate.jsonArray()[0].toObject();
    EXPECT_EQ(row.value(QLatin1StringView("template")).toString(), QStringLiteral("Translate"));
    EXPECT_EQ(row.value(QLatin1StringView("version")).toInt(), 1);
    EXPECT_EQ(row.value(QLatin1StringView("positive")).toInt(), 1);
    const CliRun text =
        cli({QStringLiteral("feedback"), QStringLiteral("stats"), QStringLiteral("--by"), QStringLiteral("template")});
    EXPECT_TRUE(text.out.contains(QStringLiteral("Translate@1\t1\t1 (100%)"))) << text.out.toStdString();
    const qint64 conversation = sent.json().value(QLatin1StringView("conversation_id")).toInteger();
    const CliRun exported = cli({QStringLiteral("conversations"), QStringLiteral("export"),
                                 QString::number(conversation), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_TRUE(exported.out.contains(QStringLiteral("\"template\"")) &&
                exported.out.contains(QStringLiteral("\"feedback\"")))
        << "the Tessera export keeps both";
}

TEST_F(CliTest, PromptsAreExportedAsJsonOrMarkdownAndImportedAllOrNothing) {
    QTemporaryDir files;
    const QString source = files.filePath(QStringLiteral("mail.md"));
    writeFile(source, "---\ndescription: Letters\n---\nWrite to {{who}}\n");
    ASSERT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("add"), QStringLiteral("Mail"), QStringLiteral("--file"),
                   source})
                  .exitCode,
              0);
    writeFile(source, "Write kindly to {{who}}\n");
    ASSERT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("update"), QStringLiteral("Mail"),
                   QStringLiteral("--file"), source})
                  .exitCode,
              0);

    const QString json = files.filePath(QStringLiteral("library.json"));
    const CliRun exported = cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("export"),
                                 QStringLiteral("--output"), json});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_EQ(exported.json().value(QLatin1StringView("format")).toString(), QStringLiteral("json"));
    EXPECT_EQ(exported.json().value(QLatin1StringView("versions")).toInt(), 2);
    const QString folder = files.filePath(QStringLiteral("git"));
    const CliRun markdown = cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("export"),
                                 QStringLiteral("Mail"), QStringLiteral("--output"), folder});
    ASSERT_EQ(markdown.exitCode, 0) << markdown.err.toStdString();
    EXPECT_EQ(markdown.json().value(QLatin1StringView("files")).toArray().first().toString(),
              QStringLiteral("Mail.md"));
    EXPECT_TRUE(QFile::exists(folder + QStringLiteral("/Mail.md")));
    EXPECT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("export")}).exitCode, 2) << "--output is needed";
    EXPECT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("export"), QStringLiteral("Nope"),
                   QStringLiteral("--output"), json})
                  .exitCode,
              7);

    // Into an empty store: both versions come back. Importing again changes nothing.
    ASSERT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("remove"), QStringLiteral("Mail")}).exitCode, 0);
    const CliRun imported = cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("import"), json});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_EQ(imported.json().value(QLatin1StringView("created")).toInt(), 1);
    const CliRun versions =
        cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("versions"), QStringLiteral("Mail")});
    EXPECT_EQ(versions.jsonArray().size(), 2);
    const CliRun again = cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("import"), folder});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(again.json().value(QLatin1StringView("unchanged")).toInt(), 1);

    // A broken file: exit 2 (import.invalid) naming the place; nothing imported.
    const QString broken = files.filePath(QStringLiteral("broken.json"));
    writeFile(
        broken,
        R"({"format": "tessera-prompts", "version": 1, "templates": [{"name": "New", "versions": [{"user": "ok"}]},
                     {"name": "Bad", "versions": [{"user": "Hi {{x"}]}]})");
    const CliRun refused = cli({QStringLiteral("prompts"), QStringLiteral("import"), broken});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("templates[1].versions[0]"))) << refused.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("show"), QStringLiteral("New")}).exitCode, 7)
        << "nothing imported";
}

TEST_F(CliTest, FineTuningDataIsExportedFromTheAnswersPeopleLiked) {
    addProvider();
    std::vector<qint64> answers;
    for (int i = 0; i < 2; ++i) {
        const CliRun chat = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("--system"),
                                 QStringLiteral("Be kind."), QStringLiteral("question %1").arg(i)});
        ASSERT_EQ(chat.exitCode, 0) << chat.err.toStdString();
        answers.push_back(chat.json().value(QLatin1StringView("message_id")).toInteger());
    }
    ASSERT_EQ(
        cli({QStringLiteral("feedback"), QStringLiteral("set"), QString::number(answers[0]), QStringLiteral("up")})
            .exitCode,
        0);
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("train.jsonl"));
    const CliRun exported = cli({QStringLiteral("--json"), QStringLiteral("finetune"), QStringLiteral("export"),
                                 QStringLiteral("--rating"), QStringLiteral("up"), QStringLiteral("--output"), path});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_EQ(exported.json().value(QLatin1StringView("examples")).toInt(), 1);
    EXPECT_EQ(exported.json().value(QLatin1StringView("epochs")).toInt(), 25);
    EXPECT_GT(exported.json().value(QLatin1StringView("training_tokens")).toInteger(), 0);
    EXPECT_EQ(exported.json().value(QLatin1StringView("encoding")).toString(), QStringLiteral("o200k_base"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    ASSERT_EQ(lines.size(), 1);
    const QJsonArray messages =
        QJsonDocument::fromJson(lines[0]).object().value(QLatin1StringView("messages")).toArray();
    ASSERT_EQ(messages.size(), 3);
    EXPECT_EQ(messages[0].toObject().value(QLatin1StringView("content")).toString(), QStringLiteral("Be kind."));
    EXPECT_EQ(messages[1].toObject().value(QLatin1StringView("content")).toString(), QStringLiteral("question 0"));
    EXPECT_EQ(messages[2].toObject().value(QLatin1StringView("role")).toString(), QStringLiteral("assistant"));

    const CliRun text = cli({QStringLiteral("finetune"), QStringLiteral("export"), QStringLiteral("--output"), path});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("Wrote 2 examples"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("at least 10 examples")));
    EXPECT_EQ(cli({QStringLiteral("finetune"), QStringLiteral("export"), QStringLiteral("--rating"),
                   QStringLiteral("meh"), QStringLiteral("--output"), path})
                  .exitCode,
              2);
    EXPECT_EQ(cli({QStringLiteral("finetune"), QStringLiteral("export"), QStringLiteral("--since"),
                   QStringLiteral("yesterday"), QStringLiteral("--output"), path})
                  .exitCode,
              2);
    EXPECT_EQ(cli({QStringLiteral("finetune"), QStringLiteral("export")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("finetune"), QStringLiteral("export"), QStringLiteral("--output"),
                   QStringLiteral("/no/such/folder/x.jsonl")})
                  .exitCode,
              9);
}
