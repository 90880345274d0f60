// The CLI's accounting commands against the real binary: count-tokens, usage report, unpriced and rebuild, prices.
#include "CliFixture.h"

#include "support/QtPrinters.h"

#include <QFile>

TEST_F(CliTest, CountTokensCountsExactlyForOpenAiEncodingsAndSaysWhenItEstimates) {
    const CliRun stdinCount = cli({QStringLiteral("--json"), QStringLiteral("count-tokens")}, "hello world");
    ASSERT_EQ(stdinCount.exitCode, 0) << stdinCount.err.toStdString();
    EXPECT_EQ(stdinCount.json().value(QLatin1StringView("tokens")).toInt(), 2);
    EXPECT_EQ(stdinCount.json().value(QLatin1StringView("encoding")).toString(), QStringLiteral("o200k_base"));
    EXPECT_TRUE(stdinCount.json().value(QLatin1StringView("exact")).toBool());
    QFile file(dir.filePath(QStringLiteral("prompt.txt")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("I'm here, 'S it's");
    file.close();
    const CliRun fromFile = cli({QStringLiteral("--json"), QStringLiteral("count-tokens"), QStringLiteral("--encoding"),
                                 QStringLiteral("cl100k_base"), file.fileName()});
    ASSERT_EQ(fromFile.exitCode, 0) << fromFile.err.toStdString();
    EXPECT_EQ(fromFile.json().value(QLatin1StringView("tokens")).toInt(), 8);
    const CliRun model = cli({QStringLiteral("--json"), QStringLiteral("count-tokens"), QStringLiteral("--model"),
                              QStringLiteral("gpt-4-turbo"), file.fileName()});
    EXPECT_EQ(model.json().value(QLatin1StringView("encoding")).toString(), QStringLiteral("cl100k_base"));
    EXPECT_TRUE(model.json().value(QLatin1StringView("exact")).toBool());
    const CliRun estimate = cli({QStringLiteral("count-tokens"), QStringLiteral("--model"),
                                 QStringLiteral("claude-sonnet-4-5"), QStringLiteral("-")},
                                "hello world");
    ASSERT_EQ(estimate.exitCode, 0);
    EXPECT_TRUE(estimate.out.startsWith(QStringLiteral("≈2 tokens"))) << estimate.out.toStdString();
    const CliRun estimateJson = cli({QStringLiteral("--json"), QStringLiteral("count-tokens"),
                                     QStringLiteral("--model"), QStringLiteral("llama3.2")},
                                    "hello world");
    EXPECT_FALSE(estimateJson.json().value(QLatin1StringView("exact")).toBool());
    EXPECT_EQ(cli({QStringLiteral("count-tokens"), QStringLiteral("--encoding"), QStringLiteral("p50k_base")}).exitCode,
              2);
    EXPECT_EQ(cli({QStringLiteral("count-tokens"), QStringLiteral("--model"), QStringLiteral("x"),
                   QStringLiteral("--encoding"), QStringLiteral("o200k_base")})
                  .exitCode,
              2);
    EXPECT_EQ(cli({QStringLiteral("count-tokens")}, "\xff\xfe not utf-8").exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("count-tokens"), dir.filePath(QStringLiteral("missing.txt"))}).exitCode, 7);
}

TEST_F(CliTest, UsageReportSumsTheLedgerAnyWayAsTableJsonOrCsv) {
    addProvider(QStringLiteral("openai"), QStringLiteral("openai")); // gpt-test is in no catalog: no price
    for (const char* prompt : {"first question", "second question"}) {
        const CliRun chat = cli({QStringLiteral("chat"), QString::fromLatin1(prompt)});
        ASSERT_EQ(chat.exitCode, 0) << chat.err.toStdString();
    }
    const CliRun json =
        cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("report"), QStringLiteral("--by"),
             QStringLiteral("provider"), QStringLiteral("--by"), QStringLiteral("model")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonArray rows = json.json().value(QLatin1StringView("rows")).toArray();
    ASSERT_EQ(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    EXPECT_EQ(row.value(QLatin1StringView("provider")).toString(), QStringLiteral("openai"));
    EXPECT_EQ(row.value(QLatin1StringView("model")).toString(), QStringLiteral("gpt-test"));
    EXPECT_EQ(row.value(QLatin1StringView("requests")).toInt(), 2);
    EXPECT_EQ(row.value(QLatin1StringView("input_tokens")).toInt(), 24) << "12 reported for each";
    EXPECT_TRUE(row.value(QLatin1StringView("cost_usd")).isNull()) << "no price: unknown, not $0";
    EXPECT_EQ(row.value(QLatin1StringView("unpriced_requests")).toInt(), 2);
    EXPECT_EQ(json.json().value(QLatin1StringView("total")).toObject().value(QLatin1StringView("requests")).toInt(), 2);

    const CliRun table =
        cli({QStringLiteral("usage"), QStringLiteral("report"), QStringLiteral("--by"), QStringLiteral("day,feature")});
    ASSERT_EQ(table.exitCode, 0) << table.err.toStdString();
    EXPECT_TRUE(table.out.startsWith(QStringLiteral("day"))) << table.out.toStdString();
    EXPECT_TRUE(table.out.contains(QStringLiteral("chat")));
    EXPECT_TRUE(table.out.contains(QStringLiteral("total")));
    EXPECT_TRUE(table.out.contains(QStringLiteral("unknown")));

    const CliRun csv = cli({QStringLiteral("usage"), QStringLiteral("report"), QStringLiteral("--csv"),
                            QStringLiteral("--by"), QStringLiteral("month")});
    ASSERT_EQ(csv.exitCode, 0);
    const QStringList lines = csv.out.trimmed().split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 3) << "header, the month, the total";
    EXPECT_EQ(lines.first(), QStringLiteral("month,requests,input,cached_input,output,reasoning,cost"));
    EXPECT_TRUE(lines.last().startsWith(QStringLiteral("total,2,24,")));

    const CliRun empty =
        cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("report"), QStringLiteral("--from"),
             QStringLiteral("2000-01-01"), QStringLiteral("--to"), QStringLiteral("2000-12-31")});
    ASSERT_EQ(empty.exitCode, 0);
    EXPECT_TRUE(empty.json().value(QLatin1StringView("rows")).toArray().isEmpty());

    for (const QStringList& wrong :
         {QStringList{QStringLiteral("usage")}, QStringList{QStringLiteral("usage"), QStringLiteral("nonsense")},
          QStringList{QStringLiteral("usage"), QStringLiteral("report"), QStringLiteral("--by"),
                      QStringLiteral("year")},
          QStringList{QStringLiteral("usage"), QStringLiteral("report"), QStringLiteral("--from"),
                      QStringLiteral("May")},
          QStringList{QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("report"),
                      QStringLiteral("--csv")}}) {
        EXPECT_EQ(cli(wrong).exitCode, 2) << wrong.join(QLatin1Char(' ')).toStdString();
    }
    const CliRun rebuilt = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("rebuild")});
    ASSERT_EQ(rebuilt.exitCode, 0) << rebuilt.err.toStdString();
    EXPECT_EQ(rebuilt.json().value(QLatin1StringView("rollups")).toInt(), 1);
}

TEST_F(CliTest, PricesAreListedSetFromADateAndResetAndAnswersCarryTheirCost) {
    addProvider(QStringLiteral("openai"), QStringLiteral("openai"));
    const CliRun listed = cli({QStringLiteral("--json"), QStringLiteral("prices"), QStringLiteral("list")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    const QJsonArray rows = listed.jsonArray();
    const auto find = [](const QJsonArray& array, const QString& model, const QString& origin) {
        for (const QJsonValue& value : array) {
            const QJsonObject row = value.toObject();
            if (row.value(QLatin1StringView("model")).toString() == model &&
                row.value(QLatin1StringView("origin")).toString() == origin) {
                return row;
            }
        }
        return QJsonObject();
    };
    const QJsonObject catalog = find(rows, QStringLiteral("gpt-5.4"), QStringLiteral("catalog"));
    ASSERT_FALSE(catalog.isEmpty()) << listed.out.toStdString();
    EXPECT_DOUBLE_EQ(catalog.value(QLatin1StringView("input_usd")).toDouble(), 2.5);
    EXPECT_DOUBLE_EQ(catalog.value(QLatin1StringView("cached_input_usd")).toDouble(), 0.25);
    EXPECT_DOUBLE_EQ(catalog.value(QLatin1StringView("output_usd")).toDouble(), 15.0);
    EXPECT_GT(catalog.value(QLatin1StringView("context_window")).toDouble(), 0);

    // gpt-test has no price: the answer's cost is unknown (null), and usage unpriced lists it.
    const CliRun unknown = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("hello")});
    ASSERT_EQ(unknown.exitCode, 0) << unknown.err.toStdString();
    EXPECT_TRUE(unknown.json().value(QLatin1StringView("cost_usd")).isNull()) << unknown.out.toStdString();
    EXPECT_FALSE(unknown.json().value(QLatin1StringView("cost_exact")).toBool());
    const CliRun unpriced = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("unpriced")});
    ASSERT_EQ(unpriced.exitCode, 0) << unpriced.err.toStdString();
    ASSERT_EQ(unpriced.jsonArray().size(), 1);
    EXPECT_EQ(unpriced.jsonArray().first().toObject().value(QLatin1StringView("model")).toString(),
              QStringLiteral("gpt-test"));
    EXPECT_EQ(unpriced.jsonArray().first().toObject().value(QLatin1StringView("requests")).toInt(), 1);

    // An administrator's price applies to the next answer: 12 input tokens (4 cached) and 5 output, at $1 in,
    // $0.50 cached, $2 out per million: 8 + 2 + 10 = 20 micro-dollars.
    const CliRun set =
        cli({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("openai"), QStringLiteral("gpt-test"),
             QStringLiteral("--input"), QStringLiteral("1"), QStringLiteral("--output"), QStringLiteral("2.00"),
             QStringLiteral("--cached-input"), QStringLiteral("0.5")});
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    const CliRun priced = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("hi")});
    ASSERT_EQ(priced.exitCode, 0) << priced.err.toStdString();
    const QJsonObject usage = priced.json().value(QLatin1StringView("usage")).toObject();
    const double expected = (double(usage.value(QLatin1StringView("input_tokens")).toInt() -
                                    usage.value(QLatin1StringView("cached_input_tokens")).toInt()) *
                                 1.0 +
                             usage.value(QLatin1StringView("cached_input_tokens")).toInt() * 0.5 +
                             usage.value(QLatin1StringView("output_tokens")).toInt() * 2.0) /
                            1e6;
    EXPECT_NEAR(priced.json().value(QLatin1StringView("cost_usd")).toDouble(), expected, 1e-6)
        << priced.out.toStdString();
    EXPECT_TRUE(priced.json().value(QLatin1StringView("cost_exact")).toBool());
    const CliRun stillUnpriced = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("unpriced")});
    EXPECT_EQ(stillUnpriced.jsonArray().first().toObject().value(QLatin1StringView("requests")).toInt(), 1)
        << "the earlier answer keeps its unknown cost: a new price never rewrites the past";

    const CliRun overrideRow = cli({QStringLiteral("--json"), QStringLiteral("prices"), QStringLiteral("list"),
                                    QStringLiteral("--provider"), QStringLiteral("openai")});
    EXPECT_FALSE(find(overrideRow.jsonArray(), QStringLiteral("gpt-test"), QStringLiteral("override")).isEmpty());
    const CliRun future =
        cli({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("openai"), QStringLiteral("gpt-test"),
             QStringLiteral("--input"), QStringLiteral("9"), QStringLiteral("--output"), QStringLiteral("9"),
             QStringLiteral("--from"), QStringLiteral("2999-01-01")});
    ASSERT_EQ(future.exitCode, 0) << future.err.toStdString();
    const CliRun reset =
        cli({QStringLiteral("prices"), QStringLiteral("reset"), QStringLiteral("openai"), QStringLiteral("gpt-test")});
    ASSERT_EQ(reset.exitCode, 0) << reset.err.toStdString();
    EXPECT_TRUE(reset.out.contains(QStringLiteral("Removed 2"))) << reset.out.toStdString();
    EXPECT_EQ(
        cli({QStringLiteral("prices"), QStringLiteral("reset"), QStringLiteral("openai"), QStringLiteral("gpt-test")})
            .exitCode,
        7)
        << "nothing left to reset: not found";

    // Bad input: a usage error (2) that says what is wrong, and nothing stored.
    for (const QStringList& args :
         {QStringList{QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("openai"),
                      QStringLiteral("gpt-test"), QStringLiteral("--input"), QStringLiteral("-1"),
                      QStringLiteral("--output"), QStringLiteral("1")},
          QStringList{QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("openai"),
                      QStringLiteral("gpt-test"), QStringLiteral("--input"), QStringLiteral("1")},
          QStringList{QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("openai"),
                      QStringLiteral("gpt-test"), QStringLiteral("--input"), QStringLiteral("1"),
                      QStringLiteral("--output"), QStringLiteral("1"), QStringLiteral("--from"),
                      QStringLiteral("tomorrow")},
          QStringList{QStringLiteral("prices"), QStringLiteral("fly")}}) {
        const CliRun bad = cli(args);
        EXPECT_EQ(bad.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString();
        EXPECT_FALSE(bad.err.isEmpty());
    }
    EXPECT_EQ(cli({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("nobody"), QStringLiteral("m"),
                   QStringLiteral("--input"), QStringLiteral("1"), QStringLiteral("--output"), QStringLiteral("1")})
                  .exitCode,
              7);
    const CliRun table = cli({QStringLiteral("prices"), QStringLiteral("list")});
    EXPECT_TRUE(table.out.contains(QStringLiteral("gpt-5.4-mini"))) << table.out.toStdString();
    EXPECT_TRUE(table.out.contains(QStringLiteral("US dollars per million tokens")));
}
