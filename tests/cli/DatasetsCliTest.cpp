// Datasets from the command line, against the real binary: a CSV and a JSONL file imported, listed, shown with
// their first items and checked against a template version (the rows it cannot use are exit 2), a broken file
// refused with its place named and nothing stored, and removed.
#include "CliFixture.h"

#include "support/QtPrinters.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <map>

namespace {

class ExperimentsCliTest : public CliTest {
protected:
    // A provider, the dataset Cities from `cities`, and the template Trip: version 1 "Plan a day in {{city}}.",
    // version 2 `second`.
    // Polls `jobs show ID` until the job is in `state` and no process holds it; its JSON.
    QJsonObject waitForJob(const QString& id, const QString& state) {
        QJsonObject json;
        const bool reached = waitUntil(
            [&] {
                json = cli({QStringLiteral("--json"), QStringLiteral("jobs"), QStringLiteral("show"), id}).json();
                return json.value(QLatin1StringView("state")).toString() == state &&
                       !json.value(QLatin1StringView("active")).toBool();
            },
            60'000);
        EXPECT_TRUE(reached) << "job " << id.toStdString() << " is "
                             << json.value(QLatin1StringView("state")).toString().toStdString();
        return json;
    }

    void setUpTrips(QTemporaryDir& files, const QByteArray& cities, const QByteArray& second) {
        addProvider();
        const QString csv = files.filePath(QStringLiteral("cities.csv"));
        writeFile(csv, cities);
        ASSERT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("import"), QStringLiteral("Cities"), csv}).exitCode,
                  0);
        const QString trip = files.filePath(QStringLiteral("trip.md"));
        writeFile(trip, "---\ndescription: A trip\n---\nPlan a day in {{city}}.\n");
        ASSERT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("add"), QStringLiteral("Trip"),
                       QStringLiteral("--file"), trip})
                      .exitCode,
                  0);
        writeFile(trip, "---\ndescription: A trip\n---\n" + second);
        ASSERT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("update"), QStringLiteral("Trip"),
                       QStringLiteral("--file"), trip})
                      .exitCode,
                  0);
    }
};

} // namespace

TEST_F(CliTest, DatasetsAreImportedListedShownCheckedAndRemoved) {
    QTemporaryDir files;
    const QString csv = files.filePath(QStringLiteral("trips.csv"));
    writeFile(csv,
              "city,days,expected,meta.source\r\nOslo,3,\"cold, dark\",web\r\n,2,warm,mail\r\nLima,many,mild,web\r\n");
    const CliRun imported = cli(
        {QStringLiteral("--json"), QStringLiteral("datasets"), QStringLiteral("import"), QStringLiteral("Trips"), csv});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    const QJsonObject made = imported.json();
    EXPECT_EQ(made.value(QLatin1StringView("items")).toInt(), 3);
    EXPECT_EQ(made.value(QLatin1StringView("with_expected")).toInt(), 3);
    EXPECT_EQ(made.value(QLatin1StringView("columns")).toArray(),
              (QJsonArray{QStringLiteral("city"), QStringLiteral("days")}));
    const QString jsonl = files.filePath(QStringLiteral("cities.jsonl"));
    writeFile(jsonl, "{\"vars\": {\"city\": \"Rome\"}, \"expected\": \"warm\"}\n{\"city\": \"Bergen\", \"days\": 4}\n");
    ASSERT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("import"), QStringLiteral("Cities"), jsonl}).exitCode, 0);
    EXPECT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("import"), QStringLiteral("trips"), csv}).exitCode, 9)
        << "the name is taken, whatever its case";

    const CliRun listed = cli({QStringLiteral("--json"), QStringLiteral("datasets"), QStringLiteral("list")});
    ASSERT_EQ(listed.exitCode, 0);
    ASSERT_EQ(listed.jsonArray().size(), 2);
    EXPECT_EQ(listed.jsonArray()[0].toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("Cities"));
    const CliRun table = cli({QStringLiteral("datasets"), QStringLiteral("list")});
    EXPECT_TRUE(table.out.contains(QStringLiteral("trips.csv")));

    const CliRun shown = cli({QStringLiteral("--json"), QStringLiteral("datasets"), QStringLiteral("show"),
                              QStringLiteral("Trips"), QStringLiteral("--items"), QStringLiteral("1")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    const QJsonArray first = shown.json().value(QLatin1StringView("first_items")).toArray();
    ASSERT_EQ(first.size(), 1);
    const QJsonObject item = first[0].toObject();
    EXPECT_EQ(item.value(QLatin1StringView("row")).toInt(), 2);
    EXPECT_EQ(item.value(QLatin1StringView("expected")).toString(), QStringLiteral("cold, dark"));
    EXPECT_EQ(item.value(QLatin1StringView("vars")).toObject().value(QLatin1StringView("city")).toString(),
              QStringLiteral("Oslo"));
    EXPECT_EQ(item.value(QLatin1StringView("metadata")).toObject().value(QLatin1StringView("source")).toString(),
              QStringLiteral("web"));

    // Checked against a template: the rows it cannot use, and exit 2.
    const QString trip = files.filePath(QStringLiteral("trip.md"));
    writeFile(trip, "---\ndescription: A trip\n---\nPlan {{days : number(1..30)}} days in {{city}}.\n");
    ASSERT_EQ(
        cli({QStringLiteral("prompts"), QStringLiteral("add"), QStringLiteral("Trip"), QStringLiteral("--file"), trip})
            .exitCode,
        0);
    const CliRun checked = cli({QStringLiteral("--json"), QStringLiteral("datasets"), QStringLiteral("show"),
                                QStringLiteral("Trips"), QStringLiteral("--template"), QStringLiteral("Trip@1")});
    EXPECT_EQ(checked.exitCode, 2);
    const QJsonArray problems = checked.json().value(QLatin1StringView("problems")).toArray();
    ASSERT_EQ(problems.size(), 2);
    EXPECT_EQ(problems[0].toObject().value(QLatin1StringView("variable")).toString(), QStringLiteral("days"));
    EXPECT_EQ(problems[0].toObject().value(QLatin1StringView("rows")).toArray(), QJsonArray{4});
    EXPECT_EQ(problems[1].toObject().value(QLatin1StringView("variable")).toString(), QStringLiteral("city"));
    EXPECT_EQ(problems[1].toObject().value(QLatin1StringView("problem")).toString(), QStringLiteral("missing"));
    EXPECT_EQ(problems[1].toObject().value(QLatin1StringView("rows")).toArray(), QJsonArray{3});
    const CliRun words = cli({QStringLiteral("datasets"), QStringLiteral("show"), QStringLiteral("Trips"),
                              QStringLiteral("--template"), QStringLiteral("Trip")});
    EXPECT_TRUE(words.out.contains(QStringLiteral("city is missing in rows 3"))) << words.out.toStdString();
    EXPECT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("show"), QStringLiteral("Cities"),
                   QStringLiteral("--template"), QStringLiteral("Trip")})
                  .exitCode,
              2)
        << "Rome has no days";

    // A broken file: its place named, exit 2, nothing stored.
    const QString broken = files.filePath(QStringLiteral("broken.csv"));
    writeFile(broken, "city,days\nOslo,3\nLima\n");
    const CliRun refused = cli({QStringLiteral("--json"), QStringLiteral("datasets"), QStringLiteral("import"),
                                QStringLiteral("Broken"), broken});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_EQ(refused.json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("detail")).toString(),
              QStringLiteral("broken.csv, line 3: 1 cells, the header has 2"));
    EXPECT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("show"), QStringLiteral("Broken")}).exitCode, 7);

    ASSERT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("remove"), QStringLiteral("Trips")}).exitCode, 0);
    EXPECT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("show"), QStringLiteral("Trips")}).exitCode, 7);
    EXPECT_EQ(cli({QStringLiteral("datasets")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("import"), QStringLiteral("OnlyAName")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("show"), QStringLiteral("Cities"),
                   QStringLiteral("--items"), QStringLiteral("-1")})
                  .exitCode,
              2);
}

TEST_F(ExperimentsCliTest, ExperimentsAreMadeFromADatasetAndVariantsCheckedWhenMadeAndShown) {
    QTemporaryDir files;
    setUpTrips(files, "city,expected\nOslo,museum\nLima,market\n", "Plan a short, cheap day in {{city}}.\n");

    const CliRun made = cli({QStringLiteral("--json"),        QStringLiteral("experiments"),
                             QStringLiteral("create"),        QStringLiteral("Short or long"),
                             QStringLiteral("--dataset"),     QStringLiteral("cities"),
                             QStringLiteral("--variant"),     QStringLiteral("A=Trip@1,local,gpt-test"),
                             QStringLiteral("--variant"),     QStringLiteral("B=Trip@2,local,gpt-test"),
                             QStringLiteral("--assert"),      QStringLiteral("icontains:museum:2"),
                             QStringLiteral("--assert"),      QStringLiteral("contains"),
                             QStringLiteral("--threshold"),   QStringLiteral("0.5"),
                             QStringLiteral("--judge"),       QStringLiteral("local,gpt-test"),
                             QStringLiteral("--rubric"),      QStringLiteral("Is the plan realistic?"),
                             QStringLiteral("--concurrency"), QStringLiteral("8"),
                             QStringLiteral("--repeats"),     QStringLiteral("3")});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    const QJsonObject json = made.json();
    EXPECT_EQ(json.value(QLatin1StringView("dataset")).toString(), QStringLiteral("Cities"));
    const QJsonArray variants = json.value(QLatin1StringView("variants")).toArray();
    ASSERT_EQ(variants.size(), 2);
    EXPECT_EQ(variants[1].toObject().value(QLatin1StringView("version")).toInt(), 2);
    const QJsonArray assertions = json.value(QLatin1StringView("assertions")).toArray();
    ASSERT_EQ(assertions.size(), 2);
    EXPECT_EQ(assertions[0].toObject().value(QLatin1StringView("type")).toString(), QStringLiteral("icontains"));
    EXPECT_EQ(assertions[0].toObject().value(QLatin1StringView("weight")).toDouble(), 2.0);
    EXPECT_EQ(json.value(QLatin1StringView("threshold")).toDouble(), 0.5);
    EXPECT_EQ(json.value(QLatin1StringView("judge")).toObject().value(QLatin1StringView("rubric")).toString(),
              QStringLiteral("Is the plan realistic?"));
    EXPECT_EQ(json.value(QLatin1StringView("repeats")).toInt(), 3);
    EXPECT_EQ(json.value(QLatin1StringView("state")).toString(), QStringLiteral("not run"));

    const CliRun status =
        cli({QStringLiteral("experiments"), QStringLiteral("status"), QStringLiteral("short or long")});
    ASSERT_EQ(status.exitCode, 0);
    EXPECT_TRUE(status.out.contains(QStringLiteral("B = Trip@2 on local / gpt-test"))) << status.out.toStdString();
    EXPECT_TRUE(status.out.contains(QStringLiteral("a score of 0.5 or more")));
    ASSERT_EQ(cli({QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("list")}).jsonArray().size(),
              1);

    // Bad definitions: usage errors before anything is stored, and core's checks.
    const auto exitOf = [&](const QStringList& extra) {
        return cli(QStringList{QStringLiteral("experiments"), QStringLiteral("create"), QStringLiteral("Other"),
                               QStringLiteral("--dataset"), QStringLiteral("Cities")} +
                   extra)
            .exitCode;
    };
    const QStringList two = {QStringLiteral("--variant"), QStringLiteral("A=Trip,local,gpt-test"),
                             QStringLiteral("--variant"), QStringLiteral("B=Trip@1,local,gpt-test")};
    EXPECT_EQ(exitOf({QStringLiteral("--variant"), QStringLiteral("A=Trip,local,gpt-test")}), 2) << "one variant";
    EXPECT_EQ(exitOf(two + QStringList{QStringLiteral("--assert"), QStringLiteral("regex:(")}), 2);
    EXPECT_EQ(exitOf(two + QStringList{QStringLiteral("--threshold"), QStringLiteral("2")}), 2);
    EXPECT_EQ(exitOf(two + QStringList{QStringLiteral("--repeats"), QStringLiteral("0")}), 2);
    EXPECT_EQ(exitOf(two + QStringList{QStringLiteral("--rubric"), QStringLiteral("x")}), 2)
        << "a rubric needs a judge";
    EXPECT_EQ(exitOf({QStringLiteral("--variant"), QStringLiteral("A=Trip,local,gpt-test"), QStringLiteral("--variant"),
                      QStringLiteral("B=Trip,nowhere,gpt-test")}),
              7)
        << "an unknown provider";
    EXPECT_EQ(exitOf({QStringLiteral("--variant"), QStringLiteral("A=Trip,local,gpt-test"), QStringLiteral("--variant"),
                      QStringLiteral("A=Trip@1,local,gpt-test")}),
              2)
        << "two variants labelled A";
    EXPECT_EQ(
        cli({QStringLiteral("experiments"), QStringLiteral("frobnicate"), QStringLiteral("Short or long")}).exitCode,
        2);
    EXPECT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("remove"), QStringLiteral("Cities")}).exitCode, 2)
        << "the experiment runs over it";
    ASSERT_EQ(cli({QStringLiteral("experiments"), QStringLiteral("remove"), QStringLiteral("Short or long")}).exitCode,
              0);
    EXPECT_EQ(cli({QStringLiteral("experiments"), QStringLiteral("status"), QStringLiteral("Short or long")}).exitCode,
              7);
    EXPECT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("remove"), QStringLiteral("Cities")}).exitCode, 0);
}

TEST_F(ExperimentsCliTest, AnExperimentRunsAsAJobAndItsResultsNameTheWinner) {
    QTemporaryDir files;
    setUpTrips(files, "city\nOslo\nLima\nRome\nCairo\nQuito\nHanoi\nPerth\nOsaka\n", "Plan a cheap day in {{city}}.\n");
    ASSERT_EQ(cli({QStringLiteral("experiments"), QStringLiteral("create"), QStringLiteral("Cheap"),
                   QStringLiteral("--dataset"), QStringLiteral("Cities"), QStringLiteral("--variant"),
                   QStringLiteral("A=Trip@1,local,gpt-test"), QStringLiteral("--variant"),
                   QStringLiteral("B=Trip@2,local,gpt-test"), QStringLiteral("--assert"),
                   QStringLiteral("icontains:cheap"), QStringLiteral("--assert"), QStringLiteral("max-length:200:0"),
                   QStringLiteral("--concurrency"), QStringLiteral("4")})
                  .exitCode,
              0);
    const int before = server.countRequests("/chat/completions");

    // --wait runs it here, its progress on stderr.
    const CliRun ran =
        cli({QStringLiteral("experiments"), QStringLiteral("run"), QStringLiteral("Cheap"), QStringLiteral("--wait")});
    ASSERT_EQ(ran.exitCode, 0) << ran.err.toStdString() << ran.out.toStdString();
    EXPECT_TRUE(ran.err.contains(QStringLiteral("16 of 16 done"))) << ran.err.toStdString();
    EXPECT_TRUE(ran.out.contains(QStringLiteral("finished"))) << ran.out.toStdString();
    EXPECT_EQ(server.countRequests("/chat/completions") - before, 16) << "one request per item and variant";

    const CliRun results = cli(
        {QStringLiteral("experiments"), QStringLiteral("results"), QStringLiteral("Cheap"), QStringLiteral("--json")});
    ASSERT_EQ(results.exitCode, 0) << results.err.toStdString();
    const QJsonObject json = results.json();
    EXPECT_EQ(json.value(QLatin1StringView("state")).toString(), QStringLiteral("finished"));
    const QJsonArray variants = json.value(QLatin1StringView("variants")).toArray();
    ASSERT_EQ(variants.size(), 2);
    const QJsonObject a = variants[0].toObject();
    const QJsonObject b = variants[1].toObject();
    EXPECT_EQ(a.value(QLatin1StringView("answers")).toInt(), 8);
    EXPECT_EQ(a.value(QLatin1StringView("pass_rate")).toDouble(), 0.0);
    EXPECT_EQ(b.value(QLatin1StringView("pass_rate")).toDouble(), 1.0);
    EXPECT_NEAR(b.value(QLatin1StringView("ci_low")).toDouble(), 0.676, 0.001) << "Wilson for 8 of 8";
    EXPECT_DOUBLE_EQ(b.value(QLatin1StringView("mean_score")).toDouble(), 1.0);
    ASSERT_TRUE(b.contains(QLatin1StringView("cost_usd")));
    const QJsonObject pair = json.value(QLatin1StringView("pairwise")).toArray().at(0).toObject();
    EXPECT_EQ(pair.value(QLatin1StringView("b_wins")).toInt(), 8);
    EXPECT_EQ(pair.value(QLatin1StringView("a_wins")).toInt(), 0);
    EXPECT_TRUE(json.value(QLatin1StringView("ranking")).isNull()) << "two variants: no ranking";
    EXPECT_TRUE(
        json.value(QLatin1StringView("verdict")).toString().startsWith(QStringLiteral("B beats A: 100 % against 0 %")))
        << json.value(QLatin1StringView("verdict")).toString().toStdString();

    const CliRun matrix = cli(
        {QStringLiteral("experiments"), QStringLiteral("results"), QStringLiteral("Cheap"), QStringLiteral("--csv")});
    ASSERT_EQ(matrix.exitCode, 0);
    const QStringList lines = matrix.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 17) << "a header and a line per answer";
    EXPECT_TRUE(lines[2].contains(QStringLiteral("Echo: Plan a cheap day in Oslo."))) << lines[2].toStdString();

    // The usage ledger has the experiment's requests as the feature "experiment".
    const CliRun usage = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("report"),
                              QStringLiteral("--by"), QStringLiteral("feature")});
    bool counted = false;
    for (const QJsonValue& row : usage.json().value(QLatin1StringView("rows")).toArray()) {
        if (row.toObject().value(QLatin1StringView("feature")).toString() == QLatin1StringView("experiment")) {
            counted = row.toObject().value(QLatin1StringView("requests")).toInt() == 16;
        }
    }
    EXPECT_TRUE(counted) << usage.out.toStdString();

    // Run again, without --wait: a finished run is not continued; a new one starts, in a tessera-cli of its own.
    const CliRun again =
        cli({QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("run"), QStringLiteral("Cheap")});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.json().value(QLatin1StringView("background")).toBool());
    EXPECT_EQ(again.json().value(QLatin1StringView("total")).toInt(), 16);
    const QString job = QString::number(again.json().value(QLatin1StringView("job")).toInt());
    const QJsonObject finished = waitForJob(job, QStringLiteral("finished"));
    EXPECT_EQ(finished.value(QLatin1StringView("done")).toInt(), 16);
    EXPECT_EQ(finished.value(QLatin1StringView("kind")).toString(), QStringLiteral("experiment"));
    EXPECT_EQ(server.countRequests("/chat/completions") - before, 16)
        << "the same prompts again: answered from the response cache, not paid for twice";

    // The winner's passing answers as fine-tuning data: one example per case, the prompt B asked and its answer.
    const QString jsonl = files.filePath(QStringLiteral("winners.jsonl"));
    const CliRun winners = cli({QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("winners"),
                                QStringLiteral("Cheap"), QStringLiteral("--output"), jsonl});
    ASSERT_EQ(winners.exitCode, 0) << winners.err.toStdString();
    EXPECT_EQ(winners.json().value(QLatin1StringView("variant")).toString(), QStringLiteral("B"));
    EXPECT_EQ(winners.json().value(QLatin1StringView("examples")).toInt(), 8);
    QFile examples(jsonl);
    ASSERT_TRUE(examples.open(QIODevice::ReadOnly));
    const QList<QByteArray> exampleLines = examples.readAll().trimmed().split('\n');
    ASSERT_EQ(exampleLines.size(), 8);
    const QJsonArray messages =
        QJsonDocument::fromJson(exampleLines.front()).object().value(QLatin1StringView("messages")).toArray();
    ASSERT_EQ(messages.size(), 2);
    EXPECT_EQ(messages[0].toObject().value(QLatin1StringView("content")).toString(),
              QStringLiteral("Plan a cheap day in Oslo."));
    EXPECT_EQ(messages[1].toObject().value(QLatin1StringView("content")).toString(),
              QStringLiteral("Echo: Plan a cheap day in Oslo."));
    EXPECT_EQ(cli({QStringLiteral("experiments"), QStringLiteral("winners"), QStringLiteral("Cheap"),
                   QStringLiteral("--output"), jsonl, QStringLiteral("--variant"), QStringLiteral("A")})
                  .exitCode,
              2)
        << "A passed nothing";

    // The winner is promoted: the template's production label moves to the version B ran with.
    const CliRun promoted = cli({QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("promote"),
                                 QStringLiteral("Cheap"), QStringLiteral("b")});
    ASSERT_EQ(promoted.exitCode, 0) << promoted.err.toStdString();
    EXPECT_EQ(promoted.json().value(QLatin1StringView("template")).toString(), QStringLiteral("Trip"));
    EXPECT_EQ(promoted.json().value(QLatin1StringView("version")).toInt(), 2);
    const CliRun shown =
        cli({QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("show"), QStringLiteral("Trip")});
    EXPECT_EQ(shown.json().value(QLatin1StringView("labels")).toObject().value(QLatin1StringView("production")).toInt(),
              2)
        << shown.out.toStdString();
    const CliRun audit = cli({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("list")});
    EXPECT_TRUE(audit.out.contains(QStringLiteral("experiment.promote")) &&
                audit.out.contains(QStringLiteral("variant B: Trip production → version 2")))
        << "the promotion is audited: " << audit.out.toStdString();
    EXPECT_EQ(
        cli({QStringLiteral("experiments"), QStringLiteral("promote"), QStringLiteral("Cheap"), QStringLiteral("Z")})
            .exitCode,
        7)
        << "no variant Z";
}

TEST_F(ExperimentsCliTest, ARunIsPausedResumedAndCancelledFromOtherProcesses) {
    QTemporaryDir files;
    setUpTrips(files, "city\nOslo\nLima\nRome\nCairo\nQuito\nHanoi\nPerth\nOsaka\nDakar\nTunis\n",
               "Plan a cheap day in {{city}}.\n");
    server.setAnswerDelay(250);
    ASSERT_EQ(cli({QStringLiteral("experiments"), QStringLiteral("create"), QStringLiteral("Slow"),
                   QStringLiteral("--dataset"), QStringLiteral("Cities"), QStringLiteral("--variant"),
                   QStringLiteral("A=Trip@1,local,gpt-test"), QStringLiteral("--variant"),
                   QStringLiteral("B=Trip@2,local,gpt-test"), QStringLiteral("--concurrency"), QStringLiteral("2"),
                   QStringLiteral("--no-cache")})
                  .exitCode,
              0);
    EXPECT_EQ(cli({QStringLiteral("experiments"), QStringLiteral("pause"), QStringLiteral("Slow")}).exitCode, 2)
        << "not run yet";
    const int before = server.countRequests("/chat/completions");
    const CliRun started =
        cli({QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("run"), QStringLiteral("Slow")});
    ASSERT_EQ(started.exitCode, 0) << started.err.toStdString();
    const QString job = QString::number(started.json().value(QLatin1StringView("job")).toInt());
    ASSERT_TRUE(waitUntil([&] { return server.countRequests("/chat/completions") - before >= 4; }, 30'000));

    // Paused from here while the background tessera-cli runs it: the answers in flight come in, nothing new starts.
    const CliRun paused = cli({QStringLiteral("experiments"), QStringLiteral("pause"), QStringLiteral("Slow")});
    ASSERT_EQ(paused.exitCode, 0) << paused.err.toStdString();
    const QJsonObject atPause = waitForJob(job, QStringLiteral("paused"));
    const int doneAtPause = atPause.value(QLatin1StringView("done")).toInt();
    EXPECT_LT(doneAtPause, 20);
    EXPECT_TRUE(atPause.value(QLatin1StringView("reason")).toString().startsWith(QStringLiteral("paused by")));
    // The answers in flight were cancelled (they are asked again on resume); nothing new was asked.
    const int askedAtPause = server.countRequests("/chat/completions") - before;
    EXPECT_GE(askedAtPause, doneAtPause);
    EXPECT_LE(askedAtPause, doneAtPause + 2);
    waitUntil([] { return false; }, 1500); // a while longer: the event loop turns, the server answers
    EXPECT_EQ(server.countRequests("/chat/completions") - before, askedAtPause) << "nothing asked after the pause";
    const CliRun listed = cli({QStringLiteral("--json"), QStringLiteral("jobs"), QStringLiteral("list")});
    ASSERT_EQ(listed.jsonArray().size(), 1) << listed.out.toStdString();
    EXPECT_EQ(listed.jsonArray().at(0).toObject().value(QLatin1StringView("state")).toString(),
              QStringLiteral("paused"));

    // Resumed here, to the end, without asking again what was answered.
    const CliRun resumed = cli(
        {QStringLiteral("experiments"), QStringLiteral("resume"), QStringLiteral("Slow"), QStringLiteral("--wait")});
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
    EXPECT_TRUE(resumed.out.contains(QStringLiteral("finished"))) << resumed.out.toStdString();
    EXPECT_EQ(server.countRequests("/chat/completions") - before, 20 + (askedAtPause - doneAtPause))
        << "each item answered once across the pause";

    // A new run, cancelled with the jobs commands; a cancelled job cannot run again, and is removed.
    const CliRun again = cli({QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("run"),
                              QStringLiteral("Slow"), QStringLiteral("--restart")});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    const QString second = QString::number(again.json().value(QLatin1StringView("job")).toInt());
    const int beforeSecond = server.countRequests("/chat/completions");
    ASSERT_TRUE(waitUntil([&] { return server.countRequests("/chat/completions") - beforeSecond >= 2; }, 30'000));
    ASSERT_EQ(cli({QStringLiteral("jobs"), QStringLiteral("cancel"), second}).exitCode, 0);
    const QJsonObject cancelled = waitForJob(second, QStringLiteral("cancelled"));
    EXPECT_LT(cancelled.value(QLatin1StringView("done")).toInt(), 20);
    EXPECT_EQ(cli({QStringLiteral("jobs"), QStringLiteral("resume"), second}).exitCode, 2) << "it is over";
    EXPECT_EQ(cli({QStringLiteral("jobs"), QStringLiteral("pause"), second}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("jobs"), QStringLiteral("pause"), QStringLiteral("abc")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("jobs"), QStringLiteral("show"), QStringLiteral("99999")}).exitCode, 7);
    ASSERT_EQ(cli({QStringLiteral("jobs"), QStringLiteral("remove"), second}).exitCode, 0);
    EXPECT_EQ(cli({QStringLiteral("jobs"), QStringLiteral("show"), second}).exitCode, 7);
    const CliRun all =
        cli({QStringLiteral("--json"), QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--all")});
    EXPECT_EQ(all.jsonArray().size(), 1) << "the finished run stays";
    const CliRun results = cli(
        {QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("results"), QStringLiteral("Slow")});
    EXPECT_EQ(results.json().value(QLatin1StringView("state")).toString(), QStringLiteral("not run"))
        << "its last run was removed";
}

TEST_F(ExperimentsCliTest, ARunKilledMidwayResumesWithoutAskingAgainWhatWasAnswered) {
    QTemporaryDir files;
    setUpTrips(files, "city\nOslo\nLima\nRome\nCairo\nQuito\nHanoi\nPerth\nOsaka\nDakar\nTunis\n",
               "Plan a cheap day in {{city}}.\n");
    server.setAnswerDelay(200);
    constexpr int concurrency = 3;
    ASSERT_EQ(
        cli({QStringLiteral("experiments"), QStringLiteral("create"), QStringLiteral("Killed"),
             QStringLiteral("--dataset"), QStringLiteral("Cities"), QStringLiteral("--variant"),
             QStringLiteral("A=Trip@1,local,gpt-test"), QStringLiteral("--variant"),
             QStringLiteral("B=Trip@2,local,gpt-test"), QStringLiteral("--concurrency"), QString::number(concurrency)})
            .exitCode,
        0);
    const qsizetype journalStart = server.requests().size();

    QProcess run;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TEST_PROVIDER_KEY"), kKey);
    run.setProcessEnvironment(env);
    run.start(QStringLiteral(TESSERA_CLI_PATH),
              {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("experiments"), QStringLiteral("run"),
               QStringLiteral("Killed"), QStringLiteral("--wait")});
    ASSERT_TRUE(run.waitForStarted());
    ASSERT_TRUE(waitUntil([&] { return server.countRequests("/chat/completions") >= 7; }, 30'000));
    run.kill(); // SIGKILL: no chance to write anything more
    ASSERT_TRUE(waitUntil([&] { return run.state() == QProcess::NotRunning; }));

    const CliRun resumed =
        cli({QStringLiteral("experiments"), QStringLiteral("run"), QStringLiteral("Killed"), QStringLiteral("--wait")});
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
    EXPECT_TRUE(resumed.out.contains(QStringLiteral("20 of 20 done"))) << resumed.out.toStdString();

    // The journal: every item asked for each variant, and only those in flight when the process died asked twice.
    std::map<QString, int> asked;
    for (qsizetype i = journalStart; i < server.requests().size(); ++i) {
        const auto& request = server.requests()[i];
        if (request.path.contains("/chat/completions")) {
            ++asked[FakeProviderServer::promptOf(Tessera::Testing::FakeProtocol::OpenAi, request.json())];
        }
    }
    EXPECT_EQ(asked.size(), 20u) << "10 cities × 2 versions";
    int twice = 0;
    for (const auto& [prompt, times] : asked) {
        EXPECT_LE(times, 2) << prompt.toStdString();
        twice += times == 2 ? 1 : 0;
    }
    EXPECT_LE(twice, concurrency) << "at most the items in flight at the kill";
    const CliRun results = cli(
        {QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("results"), QStringLiteral("Killed")});
    const QJsonArray variants = results.json().value(QLatin1StringView("variants")).toArray();
    ASSERT_EQ(variants.size(), 2);
    EXPECT_EQ(variants[0].toObject().value(QLatin1StringView("answers")).toInt(), 10);
    EXPECT_EQ(variants[1].toObject().value(QLatin1StringView("answers")).toInt(), 10);
}

TEST_F(ExperimentsCliTest, TheJudgeGradesEachAnswerAndComparesEachPairInBothOrders) {
    QTemporaryDir files;
    setUpTrips(files, "city\nOslo\nLima\nRome\nCairo\n", "Plan a cheap day in {{city}}.\n");
    const int before = server.countRequests("/chat/completions");
    // Three variants: A and C plan a day, B a cheap one; the judge's rubric asks for cheap.
    const CliRun made = cli({QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("create"),
                             QStringLiteral("Judged"), QStringLiteral("--dataset"), QStringLiteral("Cities"),
                             QStringLiteral("--variant"), QStringLiteral("A=Trip@1,local,gpt-test"),
                             QStringLiteral("--variant"), QStringLiteral("B=Trip@2,local,gpt-test"),
                             QStringLiteral("--variant"), QStringLiteral("C=Trip@1,local,gpt-test-mini"),
                             QStringLiteral("--judge"), QStringLiteral("local,gpt-test"), QStringLiteral("--rubric"),
                             QStringLiteral("The plan keeps the day cheap."), QStringLiteral("--pairwise"),
                             QStringLiteral("--no-cache")});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    EXPECT_TRUE(made.json().value(QLatin1StringView("judge")).toObject().value(QLatin1StringView("pairwise")).toBool());
    const CliRun ran =
        cli({QStringLiteral("experiments"), QStringLiteral("run"), QStringLiteral("Judged"), QStringLiteral("--wait")});
    ASSERT_EQ(ran.exitCode, 0) << ran.err.toStdString() << ran.out.toStdString();
    // 12 answers, 12 grades, and 4 items × 3 pairs × 2 orders, all asked afresh.
    EXPECT_EQ(server.countRequests("/chat/completions") - before, 12 + 12 + 24);

    const CliRun results = cli(
        {QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("results"), QStringLiteral("Judged")});
    ASSERT_EQ(results.exitCode, 0) << results.err.toStdString();
    const QJsonObject json = results.json();
    const QJsonArray variants = json.value(QLatin1StringView("variants")).toArray();
    ASSERT_EQ(variants.size(), 3);
    EXPECT_EQ(variants[0].toObject().value(QLatin1StringView("pass_rate")).toDouble(), 0.0);
    EXPECT_DOUBLE_EQ(variants[0].toObject().value(QLatin1StringView("mean_score")).toDouble(), 0.2)
        << "the judge's grade is the score when it is the only check";
    EXPECT_EQ(variants[1].toObject().value(QLatin1StringView("pass_rate")).toDouble(), 1.0);
    EXPECT_DOUBLE_EQ(variants[1].toObject().value(QLatin1StringView("mean_score")).toDouble(), 0.9);
    const QJsonArray pairs = json.value(QLatin1StringView("pairwise")).toArray();
    ASSERT_EQ(pairs.size(), 3);
    const QJsonObject ab = pairs[0].toObject();
    EXPECT_EQ(ab.value(QLatin1StringView("judged")).toInt(), 4);
    EXPECT_EQ(ab.value(QLatin1StringView("judge_b_wins")).toInt(), 4);
    const QJsonObject ac = pairs[1].toObject();
    EXPECT_EQ(ac.value(QLatin1StringView("judge_ties")).toInt(), 4) << "two plain plans: a tie";
    EXPECT_EQ(json.value(QLatin1StringView("ranked_by")).toString(), QStringLiteral("judge"));
    const QJsonArray ranking = json.value(QLatin1StringView("ranking")).toArray();
    ASSERT_EQ(ranking.size(), 3);
    EXPECT_GT(ranking[1].toObject().value(QLatin1StringView("rating")).toDouble(),
              ranking[0].toObject().value(QLatin1StringView("rating")).toDouble());
    EXPECT_GT(ranking[1].toObject().value(QLatin1StringView("rating")).toDouble(),
              ranking[2].toObject().value(QLatin1StringView("rating")).toDouble());
    const CliRun text = cli({QStringLiteral("experiments"), QStringLiteral("results"), QStringLiteral("Judged")});
    EXPECT_TRUE(text.out.contains(QStringLiteral("the judge (both orders): A 0, B 4, tie 0")))
        << text.out.toStdString();

    // The judge's requests count in the ledger as the feature "judge".
    const CliRun usage = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("report"),
                              QStringLiteral("--by"), QStringLiteral("feature")});
    int judged = 0;
    for (const QJsonValue& row : usage.json().value(QLatin1StringView("rows")).toArray()) {
        if (row.toObject().value(QLatin1StringView("feature")).toString() == QLatin1StringView("judge")) {
            judged = row.toObject().value(QLatin1StringView("requests")).toInt();
        }
    }
    EXPECT_EQ(judged, 36) << usage.out.toStdString();
}

TEST_F(ExperimentsCliTest, AJudgeThatFavoursAPlaceDecidesNothingAndItsPromptIsATemplate) {
    QTemporaryDir files;
    setUpTrips(files, "city\nOslo [[judge-first]]\nLima [[judge-first]]\n", "Plan a cheap day in {{city}}.\n");
    // The judge's prompt, edited: a template of the library with the judge's variables only.
    const QString strict = files.filePath(QStringLiteral("strict.md"));
    writeFile(strict,
              "---\ndescription: A strict judge\n---\n<!-- system -->\nYou grade one answer against a rubric, "
              "strictly. Reply with JSON only.\n<!-- user -->\nRubric: {{rubric}}\nAnswer to grade:\n{{answer}}\n");
    ASSERT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("add"), QStringLiteral("Strict judge"),
                   QStringLiteral("--file"), strict})
                  .exitCode,
              0);
    const QString wrong = files.filePath(QStringLiteral("wrong.md"));
    writeFile(wrong, "---\ndescription: Uses a city\n---\nIs {{answer}} right for {{city}}?\n");
    ASSERT_EQ(cli({QStringLiteral("prompts"), QStringLiteral("add"), QStringLiteral("City judge"),
                   QStringLiteral("--file"), wrong})
                  .exitCode,
              0);
    const auto create = [&](const QString& name, const QString& judgeTemplate) {
        return cli({QStringLiteral("experiments"), QStringLiteral("create"), name, QStringLiteral("--dataset"),
                    QStringLiteral("Cities"), QStringLiteral("--variant"), QStringLiteral("A=Trip@1,local,gpt-test"),
                    QStringLiteral("--variant"), QStringLiteral("B=Trip@2,local,gpt-test"), QStringLiteral("--judge"),
                    QStringLiteral("local,gpt-test"), QStringLiteral("--judge-template"), judgeTemplate,
                    QStringLiteral("--pairwise")});
    };
    const CliRun refused = create(QStringLiteral("Bad"), QStringLiteral("City judge"));
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("{{city}}"))) << refused.err.toStdString();
    ASSERT_EQ(create(QStringLiteral("Biased"), QStringLiteral("Strict judge@1")).exitCode, 0);
    EXPECT_EQ(cli({QStringLiteral("experiments"), QStringLiteral("create"), QStringLiteral("No judge"),
                   QStringLiteral("--dataset"), QStringLiteral("Cities"), QStringLiteral("--variant"),
                   QStringLiteral("A=Trip@1,local,gpt-test"), QStringLiteral("--variant"),
                   QStringLiteral("B=Trip@2,local,gpt-test"), QStringLiteral("--pairwise")})
                  .exitCode,
              2)
        << "pairwise needs a judge";

    const qsizetype journalStart = server.requests().size();
    ASSERT_EQ(
        cli({QStringLiteral("experiments"), QStringLiteral("run"), QStringLiteral("Biased"), QStringLiteral("--wait")})
            .exitCode,
        0);
    int graded = 0;
    for (qsizetype i = journalStart; i < server.requests().size(); ++i) {
        const QJsonObject body = server.requests()[i].json();
        if (FakeProviderServer::systemOf(Tessera::Testing::FakeProtocol::OpenAi, body)
                .startsWith(QStringLiteral("You grade one answer against a rubric, strictly."))) {
            ++graded;
            EXPECT_TRUE(FakeProviderServer::promptOf(Tessera::Testing::FakeProtocol::OpenAi, body)
                            .startsWith(QStringLiteral("Rubric: The answer does what the input asks")))
                << "the default rubric in the edited prompt";
        }
    }
    EXPECT_EQ(graded, 4) << "every answer graded with the edited prompt";

    // The judge always picks the first place: both orders never agree, so every pair is a tie although B is better.
    const CliRun results = cli(
        {QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("results"), QStringLiteral("Biased")});
    const QJsonObject pair = results.json().value(QLatin1StringView("pairwise")).toArray().at(0).toObject();
    EXPECT_EQ(pair.value(QLatin1StringView("judged")).toInt(), 2);
    EXPECT_EQ(pair.value(QLatin1StringView("judge_ties")).toInt(), 2);
    EXPECT_EQ(pair.value(QLatin1StringView("judge_b_wins")).toInt(), 0);
}

TEST_F(ExperimentsCliTest, CompareAnswersOneInputWithEveryVariantAndKeepsAVote) {
    QTemporaryDir files;
    setUpTrips(files, "city\nOslo\n", "Plan a cheap day in {{city}}.\n");
    const int before = server.countRequests("/chat/completions");
    const CliRun compared = cli({QStringLiteral("--json"), QStringLiteral("compare"), QStringLiteral("--variant"),
                                 QStringLiteral("A=Trip@1,local,gpt-test"), QStringLiteral("--variant"),
                                 QStringLiteral("B=Trip@2,local,gpt-test"), QStringLiteral("--variant"),
                                 QStringLiteral("C=-,local,gpt-test-mini"), QStringLiteral("--vote"),
                                 QStringLiteral("best:2"), QStringLiteral("Lima")});
    ASSERT_EQ(compared.exitCode, 0) << compared.err.toStdString();
    EXPECT_EQ(server.countRequests("/chat/completions") - before, 3) << "one request per variant";
    const QJsonObject json = compared.json();
    const QJsonArray answers = json.value(QLatin1StringView("answers")).toArray();
    ASSERT_EQ(answers.size(), 3);
    EXPECT_EQ(answers[0].toObject().value(QLatin1StringView("text")).toString(),
              QStringLiteral("Echo: Plan a day in Lima."))
        << "the template's one variable takes the input";
    EXPECT_EQ(answers[1].toObject().value(QLatin1StringView("text")).toString(),
              QStringLiteral("Echo: Plan a cheap day in Lima."));
    EXPECT_EQ(answers[2].toObject().value(QLatin1StringView("text")).toString(), QStringLiteral("Echo: Lima"))
        << "- sends the input as it is";
    EXPECT_EQ(answers[2].toObject().value(QLatin1StringView("model")).toString(), QStringLiteral("gpt-test-mini"));
    const QJsonObject vote = json.value(QLatin1StringView("vote")).toObject();
    EXPECT_EQ(vote.value(QLatin1StringView("choice")).toString(), QStringLiteral("best:2"));
    const QJsonArray outcomes = vote.value(QLatin1StringView("outcomes")).toArray();
    ASSERT_EQ(outcomes.size(), 2) << "the best beats each other answer";
    EXPECT_EQ(outcomes[0].toObject().value(QLatin1StringView("b")).toString(), QStringLiteral("B"));
    EXPECT_EQ(outcomes[0].toObject().value(QLatin1StringView("outcome")).toString(), QStringLiteral("b"));

    // Blind: the answers without their variants, the vote read from stdin, then the variants revealed.
    const CliRun blind = cli({QStringLiteral("compare"), QStringLiteral("--blind"), QStringLiteral("--variant"),
                              QStringLiteral("A=Trip@1,local,gpt-test"), QStringLiteral("--variant"),
                              QStringLiteral("B=Trip@2,local,gpt-test"), QStringLiteral("Rome")},
                             "tie\n");
    ASSERT_EQ(blind.exitCode, 0) << blind.err.toStdString();
    EXPECT_TRUE(blind.out.contains(QStringLiteral("── Answer 1")) && blind.out.contains(QStringLiteral("── Answer 2")));
    EXPECT_FALSE(blind.out.contains(QStringLiteral("── A:"))) << "no variant named before the vote";
    EXPECT_TRUE(blind.out.contains(QStringLiteral("was A (Trip@1 on local / gpt-test)"))) << blind.out.toStdString();
    EXPECT_TRUE(blind.out.contains(QStringLiteral("Your vote (tie) was kept.")));

    // The ledger has them as the feature "compare"; bad votes and variants are refused.
    const CliRun usage = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("report"),
                              QStringLiteral("--by"), QStringLiteral("feature")});
    EXPECT_TRUE(usage.out.contains(QStringLiteral("\"feature\":\"compare\""))) << usage.out.toStdString();
    EXPECT_EQ(cli({QStringLiteral("compare"), QStringLiteral("--variant"), QStringLiteral("A=Trip,local,gpt-test"),
                   QStringLiteral("--variant"), QStringLiteral("B=Trip,local,gpt-test"), QStringLiteral("--vote"),
                   QStringLiteral("3"), QStringLiteral("Rome")})
                  .exitCode,
              2);
    EXPECT_EQ(cli({QStringLiteral("compare"), QStringLiteral("--variant"), QStringLiteral("A=Trip,local,gpt-test"),
                   QStringLiteral("Rome")})
                  .exitCode,
              2)
        << "one variant is no comparison";
    EXPECT_EQ(cli({QStringLiteral("compare"), QStringLiteral("--variant"), QStringLiteral("A=Trip,local,gpt-test"),
                   QStringLiteral("--variant"), QStringLiteral("B=Nowhere,local,gpt-test"), QStringLiteral("Rome")})
                  .exitCode,
              7);
}

TEST_F(ExperimentsCliTest, ARunPausesAtItsCostCap) {
    QTemporaryDir files;
    setUpTrips(files, "city\nOslo\nLima\nRome\nCairo\nQuito\nHanoi\nPerth\nOsaka\n", "Plan a cheap day in {{city}}.\n");
    ASSERT_EQ(
        cli({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("local"), QStringLiteral("gpt-test"),
             QStringLiteral("--input"), QStringLiteral("1000"), QStringLiteral("--output"), QStringLiteral("1000")})
            .exitCode,
        0);
    const CliRun made =
        cli({QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("create"),
             QStringLiteral("Capped"), QStringLiteral("--dataset"), QStringLiteral("Cities"),
             QStringLiteral("--variant"), QStringLiteral("A=Trip@1,local,gpt-test"), QStringLiteral("--variant"),
             QStringLiteral("B=Trip@2,local,gpt-test"), QStringLiteral("--concurrency"), QStringLiteral("1"),
             QStringLiteral("--cost-cap"), QStringLiteral("0.05"), QStringLiteral("--no-cache")});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    EXPECT_DOUBLE_EQ(made.json().value(QLatin1StringView("cost_cap_usd")).toDouble(), 0.05);
    // About 2 cents an answer: the run pauses once 5 cents are spent, saying why (exit 13, as a budget).
    const CliRun ran =
        cli({QStringLiteral("experiments"), QStringLiteral("run"), QStringLiteral("Capped"), QStringLiteral("--wait")});
    EXPECT_EQ(ran.exitCode, 13) << ran.out.toStdString() << ran.err.toStdString();
    EXPECT_TRUE(ran.out.contains(QStringLiteral("cost cap of $0.05 is reached"))) << ran.out.toStdString();
    const CliRun status = cli(
        {QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("status"), QStringLiteral("Capped")});
    const QJsonObject job = status.json().value(QLatin1StringView("job")).toObject();
    EXPECT_EQ(job.value(QLatin1StringView("state")).toString(), QStringLiteral("paused"));
    EXPECT_GE(job.value(QLatin1StringView("done")).toInt(), 2);
    EXPECT_LE(job.value(QLatin1StringView("done")).toInt(), 4) << "never far past the cap";
    EXPECT_EQ(cli({QStringLiteral("experiments"), QStringLiteral("create"), QStringLiteral("Bad cap"),
                   QStringLiteral("--dataset"), QStringLiteral("Cities"), QStringLiteral("--variant"),
                   QStringLiteral("A=Trip@1,local,gpt-test"), QStringLiteral("--variant"),
                   QStringLiteral("B=Trip@2,local,gpt-test"), QStringLiteral("--cost-cap"), QStringLiteral("-1")})
                  .exitCode,
              2);
}

TEST_F(ExperimentsCliTest, ADatasetIsMadeFromConversations) {
    addProvider();
    askQuestions(3);
    const CliRun made = cli({QStringLiteral("--json"), QStringLiteral("datasets"), QStringLiteral("from-conversations"),
                             QStringLiteral("Past questions")});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    EXPECT_EQ(made.json().value(QLatin1StringView("items")).toInt(), 3);
    const CliRun shown = cli({QStringLiteral("--json"), QStringLiteral("datasets"), QStringLiteral("show"),
                              QStringLiteral("Past questions")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("\"input\":\"question 0\""))) << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("Echo: question 0"))) << "the answer is the expected output";
    EXPECT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("from-conversations"), QStringLiteral("None"),
                   QStringLiteral("--tag"), QStringLiteral("nothing-has-this")})
                  .exitCode,
              2)
        << "no conversation matches";
    EXPECT_EQ(cli({QStringLiteral("datasets"), QStringLiteral("from-conversations"), QStringLiteral("Bad"),
                   QStringLiteral("--rating"), QStringLiteral("sideways")})
                  .exitCode,
              2);
}
