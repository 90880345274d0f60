// Reading datasets: CSV by RFC 4180 (quoted commas, quotes and line breaks, CRLF, a byte-order mark), the expected
// and meta.KEY columns; JSONL with "vars" or flat objects; every broken file refused with its place named; and the
// check that lists the rows a template cannot use.
#include "experiments/Datasets.h"

#include "support/QtPrinters.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tessera::Core;

namespace {

QString errorOf(const Result<DatasetContent>& result) {
    return result ? QString() : result.error().detail;
}

std::vector<TemplateVariable> variablesOf(const QString& text) {
    auto parsed = parseTemplateText(text);
    EXPECT_TRUE(parsed) << text.toStdString();
    return parsed ? parsed->variables : std::vector<TemplateVariable>{};
}

} // namespace

TEST(DatasetParsingTest, CsvReadsQuotedCellsExpectedOutputsAndMetadata) {
    const QByteArray csv = "\xEF\xBB\xBF"
                           "question,tone,expected,meta.source\r\n"
                           "\"Hello, world\",warm,\"He said \"\"hi\"\"\",web\r\n"
                           "\r\n"
                           "\"Two\nlines\",dry,,mail\n";
    auto read = parseDatasetCsv(csv, QStringLiteral("cases.csv"));
    ASSERT_TRUE(read) << read.error().detail.toStdString();
    EXPECT_EQ(read->columns, (QStringList{QStringLiteral("question"), QStringLiteral("tone")}));
    ASSERT_EQ(read->items.size(), 2u) << "the blank line is skipped";
    const DatasetItem& first = read->items[0];
    EXPECT_EQ(first.row, 2);
    EXPECT_EQ(first.values.value(QStringLiteral("question")), QStringLiteral("Hello, world"));
    EXPECT_EQ(first.expected, QStringLiteral("He said \"hi\""));
    EXPECT_EQ(first.metadata.value(QLatin1StringView("source")).toString(), QStringLiteral("web"));
    const DatasetItem& second = read->items[1];
    EXPECT_EQ(second.row, 4) << "the line it starts on";
    EXPECT_EQ(second.values.value(QStringLiteral("question")), QStringLiteral("Two\nlines"));
    EXPECT_EQ(second.expected, QString()) << "an empty expected cell is an empty expected output";
    EXPECT_FALSE(second.values.contains(QStringLiteral("expected")));
}

TEST(DatasetParsingTest, JsonlReadsVarsOrFlatObjects) {
    const QByteArray jsonl = "{\"vars\": {\"city\": \"Oslo\", \"days\": 3}, \"expected\": \"cold\", "
                             "\"metadata\": {\"id\": 7}}\n"
                             "\n"
                             "{\"city\": \"Lima\", \"days\": 2.5, \"rain\": true}\n";
    auto read = parseDatasetJsonl(jsonl, QStringLiteral("cases.jsonl"));
    ASSERT_TRUE(read) << read.error().detail.toStdString();
    EXPECT_EQ(read->columns, (QStringList{QStringLiteral("city"), QStringLiteral("days"), QStringLiteral("rain")}));
    ASSERT_EQ(read->items.size(), 2u);
    EXPECT_EQ(read->items[0].values.value(QStringLiteral("days")), QStringLiteral("3"));
    EXPECT_EQ(read->items[0].expected, QStringLiteral("cold"));
    EXPECT_EQ(read->items[0].metadata.value(QLatin1StringView("id")).toInt(), 7);
    EXPECT_EQ(read->items[1].row, 3);
    EXPECT_EQ(read->items[1].values.value(QStringLiteral("days")), QStringLiteral("2.5"));
    EXPECT_EQ(read->items[1].values.value(QStringLiteral("rain")), QStringLiteral("yes"));
    EXPECT_FALSE(read->items[1].expected);
}

TEST(DatasetParsingTest, BrokenFilesAreRefusedWithTheirPlaceNamed) {
    const QString csv = QStringLiteral("c.csv");
    EXPECT_EQ(errorOf(parseDatasetCsv("a,b\n1,2,3\n", csv)),
              QStringLiteral("c.csv, line 2: 3 cells, the header has 2"));
    EXPECT_EQ(errorOf(parseDatasetCsv("a,b\n\"open,2\n", csv)),
              QStringLiteral("c.csv, line 2: a quoted cell is not closed"));
    EXPECT_TRUE(errorOf(parseDatasetCsv("a,b\nx\"y\",2\n", csv)).startsWith(QStringLiteral("c.csv, line 2: a quote")));
    EXPECT_TRUE(errorOf(parseDatasetCsv("a,b\n\"x\"y,2\n", csv)).contains(QStringLiteral("after a quoted cell")));
    EXPECT_TRUE(errorOf(parseDatasetCsv("a,a\n1,2\n", csv)).contains(QStringLiteral("column 2: \"a\" is named twice")));
    EXPECT_TRUE(errorOf(parseDatasetCsv("first name\nAda\n", csv)).contains(QStringLiteral("not a variable's name")));
    EXPECT_TRUE(errorOf(parseDatasetCsv("a,meta.\n1,2\n", csv)).contains(QStringLiteral("meta.KEY")));
    EXPECT_TRUE(errorOf(parseDatasetCsv("a\n", csv)).contains(QStringLiteral("no items")));
    EXPECT_TRUE(errorOf(parseDatasetCsv("", csv)).contains(QStringLiteral("empty")));
    EXPECT_TRUE(errorOf(parseDatasetCsv("a\n\xff\xfe\n", csv)).contains(QStringLiteral("not UTF-8")));
    const QString jsonl = QStringLiteral("j.jsonl");
    EXPECT_TRUE(errorOf(parseDatasetJsonl("{\"a\": 1}\n{\"a\": \n", jsonl))
                    .startsWith(QStringLiteral("j.jsonl, line 2: not JSON")));
    EXPECT_EQ(errorOf(parseDatasetJsonl("[1, 2]\n", jsonl)),
              QStringLiteral("j.jsonl, line 1: each line is one JSON object"));
    EXPECT_TRUE(errorOf(parseDatasetJsonl("{\"a\": [1]}\n", jsonl)).contains(QStringLiteral("a list or an object")));
    EXPECT_TRUE(errorOf(parseDatasetJsonl("{\"vars\": 3}\n", jsonl)).contains(QStringLiteral("\"vars\" is an object")));
    EXPECT_TRUE(errorOf(parseDatasetJsonl("{\"vars\": {}, \"x\": 1}\n", jsonl)).contains(QStringLiteral("\"x\"")));
    EXPECT_TRUE(
        errorOf(parseDatasetJsonl("{\"bad key\": 1}\n", jsonl)).contains(QStringLiteral("not a variable's name")));
    EXPECT_TRUE(errorOf(parseDatasetJsonl("\n\n", jsonl)).contains(QStringLiteral("no items")));
    // A value too long to be a case.
    const QByteArray huge = "a\n" + QByteArray(DatasetLimits::maxValueLength + 1, 'x') + "\n";
    EXPECT_TRUE(errorOf(parseDatasetCsv(huge, csv)).contains(QStringLiteral("more than")));
}

TEST(DatasetParsingTest, FilesAreReadByTheirExtension) {
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("a.csv"));
    QFile csv(csvPath);
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write("x\n1\n");
    csv.close();
    EXPECT_TRUE(readDatasetFile(csvPath));
    EXPECT_TRUE(
        errorOf(readDatasetFile(dir.filePath(QStringLiteral("a.txt")))).contains(QStringLiteral(".csv or .jsonl")));
    EXPECT_TRUE(errorOf(readDatasetFile(dir.filePath(QStringLiteral("missing.jsonl"))))
                    .contains(QStringLiteral("no such file")));
    EXPECT_EQ(readDatasetFile(dir.filePath(QStringLiteral("missing.jsonl"))).error().code, ErrorCode::ImportInvalid);
}

TEST(DatasetParsingTest, TheCheckListsTheRowsATemplateCannotUse) {
    DatasetContent content =
        *parseDatasetCsv("city,days,mode\nOslo,3,fast\n,2,slow\nLima,many,fast\n,40,walk\n", QStringLiteral("c.csv"));
    const auto variables =
        variablesOf(QStringLiteral("{{city}} for {{days : number(1..30)}} days, {{mode : choice(fast, slow)}}, "
                                   "{{note = \"none\"}}"));
    const std::vector<DatasetProblem> problems = checkDataset(content.items, variables);
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(problems[0].variable, QStringLiteral("city"));
    EXPECT_EQ(problems[0].message, QStringLiteral("missing"));
    EXPECT_EQ(problems[0].rows, (std::vector<int>{3, 5})) << "rows as the file numbers its lines";
    EXPECT_EQ(problems[1].variable, QStringLiteral("days"));
    EXPECT_EQ(problems[1].rows, (std::vector<int>{4}));
    EXPECT_EQ(problems[2].variable, QStringLiteral("days"));
    EXPECT_EQ(problems[2].rows, (std::vector<int>{5}));
    EXPECT_EQ(problems[3].variable, QStringLiteral("mode"));
    EXPECT_EQ(problems[3].rows, (std::vector<int>{5}));
    // Everything fits: no problems; many bad rows: 20 listed, all counted.
    EXPECT_TRUE(checkDataset(content.items, variablesOf(QStringLiteral("{{mode}}"))).empty());
    std::vector<DatasetItem> many(50);
    for (int i = 0; i < 50; ++i) {
        many[std::size_t(i)].row = i + 2;
    }
    const auto missing = checkDataset(many, variablesOf(QStringLiteral("{{city}}")));
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].rows.size(), DatasetProblem::maxRowsListed);
    EXPECT_EQ(missing[0].count, 50);
}
