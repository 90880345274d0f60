#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "prompts/TemplateSyntax.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class Clock;
class Database;
class FineTuningService;
class PromptLibrary;
struct FineTuneFilter;

// One case of a dataset: the values of the template's variables, what the answer should be (optional) and any
// metadata. `row` is where it came from: the CSV line or the JSONL line (1-based), or the item's number.
struct DatasetItem {
    int row = 0;
    QHash<QString, QString> values;
    std::optional<QString> expected;
    QJsonObject metadata;
    bool operator==(const DatasetItem&) const = default;
};

// A dataset as read from a file, before it is stored: its variable columns (in order) and items.
struct DatasetContent {
    QStringList columns;
    std::vector<DatasetItem> items;
};

// A stored dataset.
struct DatasetInfo {
    qint64 id = 0;
    QString name;
    qint64 ownerId = 0;
    QString source; // the file it came from, or how it was made
    QStringList columns;
    qint64 items = 0;
    qint64 withExpected = 0; // items with an expected output
    QDateTime createdAt;
};

// Rows whose values a template cannot use: a variable and what is wrong, with the rows (1-based, as the file had
// them; at most `maxRowsListed` listed, `count` all of them).
struct DatasetProblem {
    QString variable;
    QString message; // "missing", "number must be between 1 and 10"
    std::vector<int> rows;
    qint64 count = 0;
    static constexpr std::size_t maxRowsListed = 20;
};

namespace DatasetLimits {
inline constexpr qint64 maxFileBytes = 64LL * 1024 * 1024;
inline constexpr int maxItems = 100'000;
inline constexpr int maxColumns = 200;
inline constexpr int maxValueLength = 200'000; // characters of one value or expected output
inline constexpr int maxNameLength = 100;
} // namespace DatasetLimits

// Reading datasets (docs/experiments.md). CSV: a header row names the columns; `expected` holds the expected
// output, `meta.KEY` columns go to the metadata, every other column is a template variable (its name a variable's
// name). Quoted cells may hold commas, quotes ("") and line breaks (RFC 4180); a UTF-8 byte-order mark is skipped.
// JSONL: one JSON object a line, either {"vars": {...}, "expected": "...", "metadata": {...}} or flat, every key
// but expected and metadata a variable; values are strings, numbers or true/false; blank lines are skipped.
// Errors name the file and place ("cases.csv, line 7: 3 cells, the header has 4"): import.invalid.
Result<DatasetContent> parseDatasetCsv(const QByteArray& data, const QString& fileName);
Result<DatasetContent> parseDatasetJsonl(const QByteArray& data, const QString& fileName);
// Reads a .csv, .jsonl or .ndjson file. Errors as above (a file that cannot be read too).
Result<DatasetContent> readDatasetFile(const QString& path);

// The rows whose values the template's variables cannot take (missing where required, not a number, not one of
// the choices, ...), grouped by variable and problem, in the variables' order.
std::vector<DatasetProblem> checkDataset(const std::vector<DatasetItem>& items,
                                         const std::vector<TemplateVariable>& variables);

// Cases from fine-tuning examples (OpenAI chat-format JSONL, as FineTuningService builds them from conversations):
// each example gives one case, the last question its `input` and the answer after it the expected output; a system
// prompt becomes the `system` column when any example has one. Examples without a question and an answer after it
// are left out. Errors: import.invalid naming the line.
Result<DatasetContent> datasetFromChatExamples(const QByteArray& jsonl);

// Datasets in the store (core/experiments). Each belongs to the person who made it; names are unique in the store
// (whatever their case). Making and removing one needs experiments.run and is audited.
class DatasetService final {
public:
    DatasetService(const Database& db, const Clock& clock, const AuditLog& audit, const PromptLibrary& prompts);

    // Stores a dataset, all or nothing. Errors: input.invalid (a bad name, no items, too many), store.already_exists.
    Result<DatasetInfo> create(const Actor& actor, const QString& name, const DatasetContent& content,
                               const QString& source);
    // Reads a file (readDatasetFile) and stores it.
    Result<DatasetInfo> importFile(const Actor& actor, const QString& name, const QString& path);
    // Cases from the actor's conversations (those the filter picks, as fine-tuning data picks them; reading them
    // needs data.export): each conversation's last question as `input` and its answer as the expected output.
    Result<DatasetInfo> createFromConversations(const Actor& actor, const QString& name,
                                                const FineTuningService& conversations, const FineTuneFilter& filter);
    Result<std::vector<DatasetInfo>> list(const Actor& actor) const;
    // Errors: store.not_found (none of the actor's by that name).
    Result<DatasetInfo> get(const Actor& actor, const QString& name) const;
    // Items in order, from `offset` (0-based), at most `limit` (all when negative).
    Result<std::vector<DatasetItem>> items(const Actor& actor, const QString& name, qint64 offset = 0,
                                           qint64 limit = -1) const;
    // The rows a template version (production, else the latest, unless named) cannot use.
    Result<std::vector<DatasetProblem>> check(const Actor& actor, const QString& name, const QString& templateName,
                                              std::optional<int> version = {}) const;
    // Removes a dataset with its items; refused (input.invalid) while an experiment runs over it.
    Status remove(const Actor& actor, const QString& name);

private:
    Result<DatasetInfo> find(const Actor& actor, const QString& name) const;

    const Database& m_db;
    const Clock& m_clock;
    const AuditLog& m_audit;
    const PromptLibrary& m_prompts;
};

} // namespace Tessera::Core
