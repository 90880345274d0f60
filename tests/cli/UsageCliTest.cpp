// The CLI's accounting commands against the real binary: count-tokens, usage report, unpriced and rebuild, prices,
// the usage charts and the PDF report (read back).
#include "CliFixture.h"

#include "support/PdfText.h"
#include "support/QtPrinters.h"

#include <QColor>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>

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

TEST_F(CliTest, BudgetsAndLimitsRefuseWithExitThirteenBeforeAnythingIsSent) {
    const CliRun added =
        cli({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("openai"), QStringLiteral("--kind"),
             QStringLiteral("openai"), QStringLiteral("--base-url"), server.baseUrl(), QStringLiteral("--api-key-env"),
             QStringLiteral("TEST_PROVIDER_KEY"), QStringLiteral("--default-model"), QStringLiteral("gpt-5.4")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const CliRun set = cli({QStringLiteral("budgets"), QStringLiteral("set"), QStringLiteral("--user"),
                            QStringLiteral("owner"), QStringLiteral("--usd"), QStringLiteral("0.01")});
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    EXPECT_TRUE(set.out.contains(QStringLiteral("the monthly budget of user owner"))) << set.out.toStdString();

    // No maximum answer length: up to gpt-5.4's 128,000 output tokens ($1.92) cannot fit in $0.01.
    const CliRun refused = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("hello")});
    EXPECT_EQ(refused.exitCode, 13) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("quota.exceeded")));
    const QJsonObject quota =
        refused.json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("quota")).toObject();
    EXPECT_EQ(quota.value(QLatin1StringView("limit_name")).toString(),
              QStringLiteral("the monthly budget of user owner"));
    EXPECT_DOUBLE_EQ(quota.value(QLatin1StringView("limit")).toDouble(), 0.01);
    EXPECT_FALSE(quota.value(QLatin1StringView("resets_at")).toString().isEmpty());
    EXPECT_EQ(server.countRequests("/chat/completions"), 0) << "nothing was sent";
    EXPECT_TRUE(
        cli({QStringLiteral("--json"), QStringLiteral("conversations"), QStringLiteral("list")}).jsonArray().isEmpty())
        << "and nothing was stored";

    // With a maximum it fits; past the soft limit (10 %) the CLI warns on stderr, once.
    ASSERT_EQ(
        cli({QStringLiteral("budgets"), QStringLiteral("set"), QStringLiteral("--user"), QStringLiteral("owner"),
             QStringLiteral("--usd"), QStringLiteral("0.01"), QStringLiteral("--soft-percent"), QStringLiteral("10")})
            .exitCode,
        0);
    const CliRun warned =
        cli({QStringLiteral("chat"), QStringLiteral("--max-tokens"), QStringLiteral("200"), QStringLiteral("hello")});
    ASSERT_EQ(warned.exitCode, 0) << warned.err.toStdString();
    EXPECT_TRUE(warned.err.contains(QStringLiteral("warning: the monthly budget of user owner is")))
        << warned.err.toStdString();
    const CliRun quiet =
        cli({QStringLiteral("chat"), QStringLiteral("--max-tokens"), QStringLiteral("200"), QStringLiteral("again")});
    ASSERT_EQ(quiet.exitCode, 0) << quiet.err.toStdString();
    EXPECT_FALSE(quiet.err.contains(QStringLiteral("warning"))) << "once per window";

    const CliRun status = cli({QStringLiteral("--json"), QStringLiteral("budgets"), QStringLiteral("status")});
    ASSERT_EQ(status.exitCode, 0) << status.err.toStdString();
    ASSERT_EQ(status.jsonArray().size(), 1);
    const QJsonObject standing = status.jsonArray().first().toObject();
    EXPECT_GT(standing.value(QLatin1StringView("used")).toObject().value(QLatin1StringView("usd")).toDouble(), 0);
    EXPECT_DOUBLE_EQ(
        standing.value(QLatin1StringView("reserved")).toObject().value(QLatin1StringView("usd")).toDouble(), 0);
    EXPECT_DOUBLE_EQ(standing.value(QLatin1StringView("limit")).toObject().value(QLatin1StringView("usd")).toDouble(),
                     0.01);
    EXPECT_TRUE(standing.value(QLatin1StringView("limit")).toObject().value(QLatin1StringView("tokens")).isNull());
    EXPECT_FALSE(standing.value(QLatin1StringView("resets_at")).toString().isEmpty());
    EXPECT_FALSE(standing.value(QLatin1StringView("soft_reached")).toBool())
        << "the answers cost far less than was reserved for them: 12 input and a few output tokens";

    // One request per minute: the third of this minute is refused with when to retry.
    ASSERT_EQ(cli({QStringLiteral("limits"), QStringLiteral("set"), QStringLiteral("--user"), QStringLiteral("owner"),
                   QStringLiteral("--rpm"), QStringLiteral("2")})
                  .exitCode,
              0);
    const CliRun limited = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("--max-tokens"),
                                QStringLiteral("10"), QStringLiteral("more")});
    EXPECT_EQ(limited.exitCode, 13) << limited.err.toStdString();
    const QJsonObject error = limited.json().value(QLatin1StringView("error")).toObject();
    EXPECT_EQ(error.value(QLatin1StringView("code")).toString(), QStringLiteral("quota.rate_limited"));
    EXPECT_GT(error.value(QLatin1StringView("retry_after_ms")).toDouble(), 0);
    const CliRun limits = cli({QStringLiteral("--json"), QStringLiteral("limits"), QStringLiteral("list")});
    ASSERT_EQ(limits.jsonArray().size(), 1);
    EXPECT_EQ(limits.jsonArray().first().toObject().value(QLatin1StringView("rpm")).toInt(), 2);
    EXPECT_TRUE(limits.jsonArray().first().toObject().value(QLatin1StringView("concurrent")).isNull());
    ASSERT_EQ(cli({QStringLiteral("limits"), QStringLiteral("set"), QStringLiteral("--user"), QStringLiteral("owner")})
                  .exitCode,
              0)
        << "no values: no limits";
    EXPECT_TRUE(
        cli({QStringLiteral("--json"), QStringLiteral("limits"), QStringLiteral("list")}).jsonArray().isEmpty());

    const CliRun listed = cli({QStringLiteral("--json"), QStringLiteral("budgets"), QStringLiteral("list")});
    ASSERT_EQ(listed.jsonArray().size(), 1);
    EXPECT_EQ(listed.jsonArray().first().toObject().value(QLatin1StringView("soft_percent")).toInt(), 10);
    EXPECT_EQ(cli({QStringLiteral("budgets"), QStringLiteral("remove"), QStringLiteral("--user"),
                   QStringLiteral("owner"), QStringLiteral("--window"), QStringLiteral("day")})
                  .exitCode,
              7)
        << "no daily budget to remove";
    EXPECT_EQ(
        cli({QStringLiteral("budgets"), QStringLiteral("remove"), QStringLiteral("--user"), QStringLiteral("owner")})
            .exitCode,
        0);
    for (const QStringList& args :
         {QStringList{QStringLiteral("budgets"), QStringLiteral("set"), QStringLiteral("--usd"), QStringLiteral("1")},
          QStringList{QStringLiteral("budgets"), QStringLiteral("set"), QStringLiteral("--global"),
                      QStringLiteral("--usd"), QStringLiteral("1"), QStringLiteral("--tokens"), QStringLiteral("5")},
          QStringList{QStringLiteral("budgets"), QStringLiteral("set"), QStringLiteral("--global"),
                      QStringLiteral("--usd"), QStringLiteral("lots")},
          QStringList{QStringLiteral("budgets"), QStringLiteral("set"), QStringLiteral("--global"),
                      QStringLiteral("--usd"), QStringLiteral("1"), QStringLiteral("--window"), QStringLiteral("year")},
          QStringList{QStringLiteral("limits"), QStringLiteral("set"), QStringLiteral("--global"),
                      QStringLiteral("--rpm"), QStringLiteral("1")},
          QStringList{QStringLiteral("limits"), QStringLiteral("set"), QStringLiteral("--user"),
                      QStringLiteral("owner"), QStringLiteral("--rpm"), QStringLiteral("0")}}) {
        const CliRun bad = cli(args);
        EXPECT_EQ(bad.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString();
        EXPECT_FALSE(bad.err.isEmpty());
    }
}

TEST_F(CliTest, UsageSettingsSetTheTimeZoneAndPromptCachingAndRecountTheDays) {
    const CliRun shown = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("settings")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_EQ(shown.json().value(QLatin1StringView("time_zone")).toString(), QStringLiteral("UTC"));
    EXPECT_TRUE(shown.json().value(QLatin1StringView("prompt_caching")).toBool()) << "on by default";
    EXPECT_FALSE(shown.json().contains(QLatin1StringView("rollups_rebuilt"))) << "nothing changed";

    addProvider();
    ASSERT_EQ(cli({QStringLiteral("chat"), QStringLiteral("hello")}).exitCode, 0);
    const CliRun set = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("settings"),
                            QStringLiteral("--time-zone"), QStringLiteral("Pacific/Auckland"),
                            QStringLiteral("--prompt-caching"), QStringLiteral("off")});
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    EXPECT_EQ(set.json().value(QLatin1StringView("time_zone")).toString(), QStringLiteral("Pacific/Auckland"));
    EXPECT_FALSE(set.json().value(QLatin1StringView("prompt_caching")).toBool());
    EXPECT_EQ(set.json().value(QLatin1StringView("rollups_rebuilt")).toInt(), 1) << "the day's totals, counted again";
    const CliRun text = cli({QStringLiteral("usage"), QStringLiteral("settings")});
    EXPECT_TRUE(text.out.contains(QStringLiteral("Time zone: Pacific/Auckland"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("prompt caching: off"))) << text.out.toStdString();

    const CliRun utc = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("settings"),
                            QStringLiteral("--time-zone"), QStringLiteral("utc")});
    ASSERT_EQ(utc.exitCode, 0) << utc.err.toStdString();
    EXPECT_EQ(utc.json().value(QLatin1StringView("time_zone")).toString(), QStringLiteral("UTC"));

    const CliRun unknown = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("settings"),
                                QStringLiteral("--time-zone"), QStringLiteral("Atlantis/Capital")});
    EXPECT_EQ(unknown.exitCode, 2) << unknown.err.toStdString();
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("input.invalid"))) << unknown.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("usage"), QStringLiteral("settings"), QStringLiteral("--prompt-caching"),
                   QStringLiteral("maybe")})
                  .exitCode,
              2);
    EXPECT_EQ(cli({QStringLiteral("usage"), QStringLiteral("settings"), QStringLiteral("extra")}).exitCode, 2);
}

TEST_F(CliTest, UsageGenerateSampleFillsAnEmptyStoreOnceAndReportsWhatItMade) {
    const CliRun made =
        cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("generate-sample"),
             QStringLiteral("--days"), QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("3")});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    const QJsonObject json = made.json();
    const qint64 entries = json.value(QLatin1StringView("entries")).toInteger();
    EXPECT_GT(entries, 500);
    EXPECT_EQ(json.value(QLatin1StringView("people")).toInt(), 12);
    EXPECT_GT(json.value(QLatin1StringView("cost_usd")).toDouble(), 0.0);
    EXPECT_EQ(json.value(QLatin1StringView("failing_provider")).toString(), QStringLiteral("google"));
    EXPECT_TRUE(QDate::fromString(json.value(QLatin1StringView("spike_day")).toString(), Qt::ISODate).isValid());
    EXPECT_TRUE(json.value(QLatin1StringView("tight_budget")).toString().startsWith(QStringLiteral("the monthly")));
    // The report sees every entry.
    const CliRun report = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("report")});
    ASSERT_EQ(report.exitCode, 0) << report.err.toStdString();
    EXPECT_EQ(
        report.json().value(QLatin1StringView("total")).toObject().value(QLatin1StringView("requests")).toInteger(),
        entries);

    // Once: a store with usage gets more only with --add.
    const CliRun again = cli(
        {QStringLiteral("usage"), QStringLiteral("generate-sample"), QStringLiteral("--days"), QStringLiteral("2")});
    EXPECT_EQ(again.exitCode, 9) << again.err.toStdString();
    EXPECT_TRUE(again.err.contains(QStringLiteral("store.already_exists"))) << again.err.toStdString();
    const CliRun added = cli({QStringLiteral("usage"), QStringLiteral("generate-sample"), QStringLiteral("--days"),
                              QStringLiteral("2"), QStringLiteral("--add"), QStringLiteral("--no-budgets")});
    EXPECT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_TRUE(added.out.contains(QStringLiteral("sample ledger entries"))) << added.out.toStdString();

    for (const QStringList& bad :
         {QStringList{QStringLiteral("--days"), QStringLiteral("0"), QStringLiteral("--add")},
          QStringList{QStringLiteral("--days"), QStringLiteral("many")},
          QStringList{QStringLiteral("--last"), QStringLiteral("yesterday")}, QStringList{QStringLiteral("extra")}}) {
        const CliRun refused = cli(QStringList{QStringLiteral("usage"), QStringLiteral("generate-sample")} + bad);
        EXPECT_EQ(refused.exitCode, 2) << bad.join(QLatin1Char(' ')).toStdString() << ": " << refused.err.toStdString();
    }
}

TEST_F(CliTest, AlertRulesAreAddedListedCheckedWithFourteenWhileActiveAndRemoved) {
    ASSERT_EQ(cli({QStringLiteral("usage"), QStringLiteral("generate-sample"), QStringLiteral("--days"),
                   QStringLiteral("10"), QStringLiteral("--entries"), QStringLiteral("2000")})
                  .exitCode,
              0);
    const CliRun none = cli({QStringLiteral("alerts"), QStringLiteral("check")});
    EXPECT_EQ(none.exitCode, 0) << none.err.toStdString();
    EXPECT_EQ(none.out, QStringLiteral("No active alerts.\n"));

    // The sample's last 48 hours cost more than a cent: a spend alert.
    const CliRun added =
        cli({QStringLiteral("--json"), QStringLiteral("alerts"), QStringLiteral("add"), QStringLiteral("spend"),
             QStringLiteral("--above"), QStringLiteral("0.01"), QStringLiteral("--window"), QStringLiteral("48h")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const QJsonObject rule = added.json();
    EXPECT_EQ(rule.value(QLatin1StringView("kind")).toString(), QStringLiteral("spend"));
    EXPECT_EQ(rule.value(QLatin1StringView("above_usd")).toDouble(), 0.01);
    EXPECT_EQ(rule.value(QLatin1StringView("window")).toString(), QStringLiteral("48h"));
    const qint64 id = qint64(rule.value(QLatin1StringView("id")).toDouble());
    const CliRun failing =
        cli({QStringLiteral("--json"), QStringLiteral("alerts"), QStringLiteral("add"), QStringLiteral("failure-rate"),
             QStringLiteral("--above"), QStringLiteral("25%"), QStringLiteral("--minutes"), QStringLiteral("30"),
             QStringLiteral("--provider"), QStringLiteral("google")});
    ASSERT_EQ(failing.exitCode, 0) << failing.err.toStdString();
    EXPECT_EQ(failing.json().value(QLatin1StringView("above_share")).toDouble(), 0.25);

    const CliRun rules = cli({QStringLiteral("--json"), QStringLiteral("alerts"), QStringLiteral("rules")});
    ASSERT_EQ(rules.exitCode, 0);
    EXPECT_EQ(rules.jsonArray().size(), 2);

    const CliRun check = cli({QStringLiteral("--json"), QStringLiteral("alerts"), QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 14) << check.err.toStdString();
    const QJsonArray active = check.json().value(QLatin1StringView("active")).toArray();
    ASSERT_EQ(active.size(), 1);
    EXPECT_EQ(active.first().toObject().value(QLatin1StringView("rule_id")).toDouble(), double(id));
    EXPECT_TRUE(active.first()
                    .toObject()
                    .value(QLatin1StringView("message"))
                    .toString()
                    .startsWith(QStringLiteral("Spend in the last 48 hours is $")));
    EXPECT_EQ(check.json().value(QLatin1StringView("raised")).toArray().size(), 1);
    const CliRun again = cli({QStringLiteral("--json"), QStringLiteral("alerts"), QStringLiteral("check")});
    EXPECT_EQ(again.exitCode, 14) << "still active";
    EXPECT_TRUE(again.json().value(QLatin1StringView("raised")).toArray().isEmpty()) << "raised once";
    const CliRun list = cli({QStringLiteral("alerts"), QStringLiteral("list")});
    EXPECT_EQ(list.exitCode, 0);
    EXPECT_TRUE(list.out.contains(QStringLiteral("ACTIVE"))) << list.out.toStdString();

    // Bad input is a usage error; an unknown rule is not found.
    for (const QStringList& bad :
         {QStringList{QStringLiteral("alerts"), QStringLiteral("add"), QStringLiteral("spend"),
                      QStringLiteral("--above"), QStringLiteral("10")},
          QStringList{QStringLiteral("alerts"), QStringLiteral("add"), QStringLiteral("unhealthy"),
                      QStringLiteral("--minutes"), QStringLiteral("5"), QStringLiteral("--above"), QStringLiteral("3")},
          QStringList{QStringLiteral("alerts"), QStringLiteral("add"), QStringLiteral("comet")},
          QStringList{QStringLiteral("alerts"), QStringLiteral("remove"), QStringLiteral("one")},
          QStringList{QStringLiteral("alerts")}}) {
        EXPECT_EQ(cli(bad).exitCode, 2) << bad.join(QLatin1Char(' ')).toStdString();
    }
    EXPECT_EQ(cli({QStringLiteral("alerts"), QStringLiteral("add"), QStringLiteral("spend"), QStringLiteral("--above"),
                   QStringLiteral("10"), QStringLiteral("--window"), QStringLiteral("fortnight")})
                  .exitCode,
              2)
        << "an invalid window: invalid_argument";
    EXPECT_EQ(cli({QStringLiteral("alerts"), QStringLiteral("remove"), QStringLiteral("999")}).exitCode, 7);

    ASSERT_EQ(cli({QStringLiteral("alerts"), QStringLiteral("remove"), QString::number(id)}).exitCode, 0);
    EXPECT_EQ(cli({QStringLiteral("alerts"), QStringLiteral("check")}).exitCode, 0) << "resolved with its rule";
    const CliRun history =
        cli({QStringLiteral("--json"), QStringLiteral("alerts"), QStringLiteral("list"), QStringLiteral("--all")});
    ASSERT_EQ(history.jsonArray().size(), 1);
    EXPECT_FALSE(history.jsonArray().first().toObject().value(QLatin1StringView("active")).toBool());
    EXPECT_TRUE(history.jsonArray().first().toObject().value(QLatin1StringView("rule_id")).isNull());
}

TEST_F(CliTest, UsageChartDrawsEachMetricAsPngOrSvgWithTheTotalsOfTheLedger) {
    ASSERT_EQ(cli({QStringLiteral("usage"), QStringLiteral("generate-sample"), QStringLiteral("--days"),
                   QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("5")})
                  .exitCode,
              0);
    const QJsonObject total = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("report")})
                                  .json()
                                  .value(QLatin1StringView("total"))
                                  .toObject();
    ASSERT_GT(total.value(QLatin1StringView("requests")).toInteger(), 0);
    QTemporaryDir out;
    const auto chart = [&](const QString& metric, const QString& by, const QString& file) {
        return cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("chart"),
                    QStringLiteral("--metric"), metric, QStringLiteral("--by"), by, QStringLiteral("--output"),
                    out.filePath(file)},
                   {}, {QStringLiteral("QT_QPA_PLATFORM=")}); // offscreen by itself, without a display
    };
    const auto seriesSum = [](const QJsonObject& json) {
        double sum = 0;
        for (const QJsonValue& series : json.value(QLatin1StringView("series")).toArray()) {
            sum += series.toObject().value(QLatin1StringView("total")).toDouble();
        }
        return sum;
    };

    // Cost by model as PNG: the picture, and the series that add up to the ledger's cost.
    const CliRun cost = chart(QStringLiteral("cost"), QStringLiteral("model"), QStringLiteral("cost.png"));
    ASSERT_EQ(cost.exitCode, 0) << cost.err.toStdString();
    const QJsonObject costJson = cost.json();
    EXPECT_EQ(costJson.value(QLatin1StringView("format")).toString(), QStringLiteral("png"));
    EXPECT_EQ(costJson.value(QLatin1StringView("metric")).toString(), QStringLiteral("cost"));
    EXPECT_EQ(costJson.value(QLatin1StringView("by")).toString(), QStringLiteral("model"));
    EXPECT_EQ(costJson.value(QLatin1StringView("step")).toString(), QStringLiteral("day"));
    EXPECT_EQ(QDate::fromString(costJson.value(QLatin1StringView("from")).toString(), Qt::ISODate)
                  .daysTo(QDate::fromString(costJson.value(QLatin1StringView("to")).toString(), Qt::ISODate)),
              29)
        << "the last 30 days unless told";
    EXPECT_NEAR(seriesSum(costJson), total.value(QLatin1StringView("cost_usd")).toDouble(), 1e-4);
    const QImage image(out.filePath(QStringLiteral("cost.png")));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1280, 640));
    // Drawn, not blank: the bars' first colour (Okabe–Ito blue) is in the picture.
    bool blue = false;
    for (int y = 0; y < image.height() && !blue; y += 2) {
        for (int x = 0; x < image.width() && !blue; x += 2) {
            blue = image.pixelColor(x, y) == QColor(0x00, 0x72, 0xB2);
        }
    }
    EXPECT_TRUE(blue);

    // Tokens by user and requests by provider as SVG, each summing to the ledger.
    const CliRun tokens = chart(QStringLiteral("tokens"), QStringLiteral("user"), QStringLiteral("tokens.svg"));
    ASSERT_EQ(tokens.exitCode, 0) << tokens.err.toStdString();
    EXPECT_EQ(qint64(seriesSum(tokens.json())), total.value(QLatin1StringView("input_tokens")).toInteger() +
                                                    total.value(QLatin1StringView("output_tokens")).toInteger());
    QFile svg(out.filePath(QStringLiteral("tokens.svg")));
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QByteArray drawing = svg.readAll();
    EXPECT_TRUE(drawing.contains("<svg"));
    EXPECT_TRUE(drawing.contains("Tokens by person")) << "the title is in the drawing";
    const CliRun requests = chart(QStringLiteral("requests"), QStringLiteral("provider"), QStringLiteral("r.svg"));
    ASSERT_EQ(requests.exitCode, 0) << requests.err.toStdString();
    EXPECT_EQ(qint64(seriesSum(requests.json())), total.value(QLatin1StringView("requests")).toInteger());

    // A period of its own, with words for people.
    const CliRun words = cli({QStringLiteral("usage"), QStringLiteral("chart"), QStringLiteral("--metric"),
                              QStringLiteral("requests"), QStringLiteral("--by"), QStringLiteral("feature"),
                              QStringLiteral("--from"), QDate::currentDate().addDays(-400).toString(Qt::ISODate),
                              QStringLiteral("--output"), out.filePath(QStringLiteral("year.png"))});
    ASSERT_EQ(words.exitCode, 0) << words.err.toStdString();
    EXPECT_TRUE(words.out.contains(QStringLiteral("of a month"))) << words.out.toStdString();

    // Wrong options are usage errors, and nothing is written.
    for (const QStringList& bad :
         {QStringList{QStringLiteral("--metric"), QStringLiteral("latency"), QStringLiteral("--by"),
                      QStringLiteral("model"), QStringLiteral("--output"), out.filePath(QStringLiteral("a.png"))},
          QStringList{QStringLiteral("--metric"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("day"),
                      QStringLiteral("--output"), out.filePath(QStringLiteral("a.png"))},
          QStringList{QStringLiteral("--metric"), QStringLiteral("cost"), QStringLiteral("--by"),
                      QStringLiteral("model"), QStringLiteral("--output"), out.filePath(QStringLiteral("a.jpg"))},
          QStringList{QStringLiteral("--metric"), QStringLiteral("cost"), QStringLiteral("--by"),
                      QStringLiteral("model")},
          QStringList{QStringLiteral("--metric"), QStringLiteral("cost"), QStringLiteral("--by"),
                      QStringLiteral("model"), QStringLiteral("--from"), QStringLiteral("2026-12-01"),
                      QStringLiteral("--to"), QStringLiteral("2026-11-01"), QStringLiteral("--output"),
                      out.filePath(QStringLiteral("a.png"))},
          QStringList{QStringLiteral("--metric"), QStringLiteral("cost"), QStringLiteral("--by"),
                      QStringLiteral("model"), QStringLiteral("--size"), QStringLiteral("10x10"),
                      QStringLiteral("--output"), out.filePath(QStringLiteral("a.png"))}}) {
        const CliRun refused = cli(QStringList{QStringLiteral("usage"), QStringLiteral("chart")} + bad);
        EXPECT_EQ(refused.exitCode, 2) << bad.join(QLatin1Char(' ')).toStdString() << ": " << refused.err.toStdString();
    }
    EXPECT_FALSE(QFile::exists(out.filePath(QStringLiteral("a.png"))));
    EXPECT_FALSE(QFile::exists(out.filePath(QStringLiteral("a.jpg"))));
    // A folder that is not there: a clear error.
    const CliRun unwritable = cli({QStringLiteral("usage"), QStringLiteral("chart"), QStringLiteral("--metric"),
                                   QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("model"),
                                   QStringLiteral("--output"), out.filePath(QStringLiteral("missing/folder/a.png"))});
    EXPECT_EQ(unwritable.exitCode, 9) << unwritable.err.toStdString(); // a local file, like the store
    EXPECT_TRUE(unwritable.err.contains(QStringLiteral("export.failed"))) << unwritable.err.toStdString();
}

TEST_F(CliTest, UsagePdfWritesTheWholeDashboardForAPeriodAsAReport) {
    ASSERT_EQ(cli({QStringLiteral("usage"), QStringLiteral("generate-sample"), QStringLiteral("--days"),
                   QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("5")})
                  .exitCode,
              0);
    const QJsonArray models = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("report"),
                                   QStringLiteral("--by"), QStringLiteral("model")})
                                  .json()
                                  .value(QLatin1StringView("rows"))
                                  .toArray();
    ASSERT_FALSE(models.isEmpty());
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("report.pdf"));
    const QDate today = QDate::currentDate();
    const CliRun made = cli({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("pdf"),
                             QStringLiteral("--from"), today.addDays(-29).toString(Qt::ISODate), QStringLiteral("--to"),
                             today.toString(Qt::ISODate), QStringLiteral("--output"), path},
                            {}, {QStringLiteral("QT_QPA_PLATFORM=")});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    const QJsonObject json = made.json();
    EXPECT_EQ(json.value(QLatin1StringView("path")).toString(), QFileInfo(path).absoluteFilePath());
    EXPECT_EQ(json.value(QLatin1StringView("from")).toString(), today.addDays(-29).toString(Qt::ISODate));
    EXPECT_GT(json.value(QLatin1StringView("bytes")).toInteger(), 10'000);
    const QStringList pages = Tessera::Testing::pdfPages(path);
    ASSERT_GE(pages.size(), 3) << "tiles and charts, budgets and top lists, speed and reliability";
    EXPECT_EQ(json.value(QLatin1StringView("pages")).toInt(), pages.size());
    const QString text = pages.join(QLatin1Char('\n')).simplified(); // words a line apart read as one
    for (const QString& part :
         {QStringLiteral("Usage report"), QStringLiteral("Everyone"), QStringLiteral("Cost over time, by model"),
          QStringLiteral("Tokens over time"), QStringLiteral("Budget pace"), QStringLiteral("Top people"),
          QStringLiteral("Top models"), QStringLiteral("Speed by provider"), QStringLiteral("Reliability by provider"),
          QStringLiteral("Average cost per request"), QStringLiteral("Failed requests")}) {
        EXPECT_TRUE(text.contains(part)) << part.toStdString();
    }
    // The top models' table names the model that cost the most.
    QString top;
    double most = -1;
    for (const QJsonValue& row : models) {
        const double cost = row.toObject().value(QLatin1StringView("cost_usd")).toDouble();
        if (cost > most) {
            most = cost;
            top = row.toObject().value(QLatin1StringView("model")).toString();
        }
    }
    EXPECT_TRUE(text.contains(top)) << top.toStdString();
    EXPECT_TRUE(pages.first().contains(QStringLiteral("Page 1")));

    // Narrowed to a provider, split by person; without --output it is a usage error.
    const CliRun narrowed = cli({QStringLiteral("usage"), QStringLiteral("pdf"), QStringLiteral("--provider"),
                                 QStringLiteral("openai"), QStringLiteral("--split"), QStringLiteral("user"),
                                 QStringLiteral("--output"), out.filePath(QStringLiteral("openai.pdf"))});
    ASSERT_EQ(narrowed.exitCode, 0) << narrowed.err.toStdString();
    const QString openai =
        Tessera::Testing::pdfPages(out.filePath(QStringLiteral("openai.pdf"))).join(QLatin1Char('\n'));
    EXPECT_TRUE(openai.contains(QStringLiteral("Provider: openai")));
    EXPECT_TRUE(openai.contains(QStringLiteral("Cost over time, by person")));
    EXPECT_EQ(cli({QStringLiteral("usage"), QStringLiteral("pdf")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("usage"), QStringLiteral("pdf"), QStringLiteral("--split"), QStringLiteral("day"),
                   QStringLiteral("--output"), path})
                  .exitCode,
              2);
    EXPECT_EQ(cli({QStringLiteral("usage"), QStringLiteral("pdf"), QStringLiteral("--quality-by"),
                   QStringLiteral("person"), QStringLiteral("--output"), path})
                  .exitCode,
              2);
}

TEST_F(CliTest, UsagePdfHasTheQualityOfTheAnswersOfThePeriod) {
    addProvider();
    const std::vector<qint64> answers = askQuestions(3);
    ASSERT_EQ(answers.size(), 3u);
    ASSERT_EQ(
        cli({QStringLiteral("feedback"), QStringLiteral("set"), QString::number(answers[0]), QStringLiteral("up")})
            .exitCode,
        0);
    ASSERT_EQ(cli({QStringLiteral("feedback"), QStringLiteral("set"), QString::number(answers[1]),
                   QStringLiteral("down"), QStringLiteral("--tag"), QStringLiteral("unhelpful")})
                  .exitCode,
              0);
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("quality.pdf"));
    const CliRun made = cli({QStringLiteral("usage"), QStringLiteral("pdf"), QStringLiteral("--quality-by"),
                             QStringLiteral("provider"), QStringLiteral("--output"), path});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    const QString text = Tessera::Testing::pdfPages(path).join(QLatin1Char('\n')).simplified();
    EXPECT_TRUE(text.contains(QStringLiteral("Quality of answers by provider"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("2 (67 %)"))) << "two of the three answers were rated";
    EXPECT_TRUE(text.contains(QStringLiteral("unhelpful (1)")));
    EXPECT_TRUE(text.contains(QStringLiteral("50 % of 2 rated"))) << "the chart names each group's share";
}
