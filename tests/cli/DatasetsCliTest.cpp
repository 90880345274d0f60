// Datasets from the command line, against the real binary: a CSV and a JSONL file imported, listed, shown with
// their first items and checked against a template version (the rows it cannot use are exit 2), a broken file
// refused with its place named and nothing stored, and removed.
#include "CliFixture.h"

#include "support/QtPrinters.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

namespace {

class ExperimentsCliTest : public CliTest {
protected:
    // A provider, the dataset Cities from `cities`, and the template Trip: version 1 "Plan a day in {{city}}.",
    // version 2 `second`.
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

    // Without --wait the run is prepared as a job; --wait runs it here, its progress on stderr.
    const CliRun queued =
        cli({QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("run"), QStringLiteral("Cheap")});
    ASSERT_EQ(queued.exitCode, 0) << queued.err.toStdString();
    EXPECT_EQ(queued.json().value(QLatin1StringView("total")).toInt(), 16);
    EXPECT_EQ(queued.json().value(QLatin1StringView("state")).toString(), QStringLiteral("queued"));
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

    // Run again: a finished run is not continued; a new one starts.
    const CliRun again =
        cli({QStringLiteral("--json"), QStringLiteral("experiments"), QStringLiteral("run"), QStringLiteral("Cheap")});
    EXPECT_NE(again.json().value(QLatin1StringView("job")).toInt(),
              queued.json().value(QLatin1StringView("job")).toInt());
}
