#include "experiments/Datasets.h"

#include "prompts/FineTuning.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "exchange/ChatGptImport.h"
#include "prompts/PromptLibrary.h"
#include "storage/Database.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSqlQuery>
#include <QStringDecoder>

#include <map>

namespace Tessera::Core {

namespace {

const QString expectedColumn = QStringLiteral("expected");
const QString metadataPrefix = QStringLiteral("meta.");

QString nameKey(const QString& name) {
    return name.trimmed().toCaseFolded();
}

QString target(const QString& name) {
    return QStringLiteral("dataset:") + name;
}

Status invalid(const QString& why) {
    return fail(ErrorCode::InvalidArgument, why);
}

Status problem(const QString& place, const QString& what) {
    return fail(importProblem(place, what));
}

// UTF-8 without a byte-order mark, or an error naming the file.
Result<QString> decoded(const QByteArray& data, const QString& fileName) {
    if (data.size() > DatasetLimits::maxFileBytes) {
        return fail(problem(fileName, QStringLiteral("larger than 64 MB")).error());
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data);
    if (decoder.hasError()) {
        return fail(problem(fileName, QStringLiteral("not UTF-8 text")).error());
    }
    return text;
}

Status checkValue(const QString& value, const QString& place) {
    if (value.size() > DatasetLimits::maxValueLength) {
        return problem(place, QStringLiteral("a value has more than %1 characters").arg(DatasetLimits::maxValueLength));
    }
    return {};
}

// The header's columns: variables (their names checked), `expected`, and `meta.KEY`.
Status checkHeader(const QStringList& header, const QString& fileName) {
    if (header.size() > DatasetLimits::maxColumns) {
        return problem(fileName + QStringLiteral(", line 1"),
                       QStringLiteral("more than %1 columns").arg(DatasetLimits::maxColumns));
    }
    QStringList seen;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString& column = header[i];
        const QString place = QStringLiteral("%1, line 1, column %2").arg(fileName).arg(i + 1);
        if (seen.contains(column)) {
            return problem(place, QStringLiteral("\"%1\" is named twice").arg(column));
        }
        seen << column;
        if (column == expectedColumn) {
            continue;
        }
        if (column.startsWith(metadataPrefix)) {
            if (column.size() == metadataPrefix.size()) {
                return problem(place, QStringLiteral("a metadata column is named meta.KEY"));
            }
            continue;
        }
        if (!isTemplateVariableName(column)) {
            return problem(place, QStringLiteral("\"%1\" is not a variable's name (a letter or _ first, then letters, "
                                                 "digits and _), nor expected or meta.KEY")
                                      .arg(column));
        }
    }
    return {};
}

// RFC 4180 records: cells split at commas, quoted cells holding commas, "" and line breaks. Each record remembers
// the line it starts on.
struct CsvRecord {
    int line = 0;
    QStringList cells;
};

Result<std::vector<CsvRecord>> csvRecords(const QString& text, const QString& fileName) {
    std::vector<CsvRecord> records;
    CsvRecord current;
    QString cell;
    int line = 1;
    current.line = 1;
    bool quoted = false;     // inside a quoted cell
    bool cellQuoted = false; // the cell was quoted (only a separator may follow its closing quote)
    bool recordQuoted = false;
    bool any = false; // the record has begun
    const qsizetype size = text.size();
    const auto endRecord = [&] {
        current.cells << cell;
        // A blank line is no record.
        if (!(current.cells.size() == 1 && current.cells.front().isEmpty() && !recordQuoted)) {
            records.push_back(std::move(current));
        }
        current = CsvRecord{};
        cell.clear();
        cellQuoted = false;
        recordQuoted = false;
        any = false;
    };
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text[i];
        if (!any) {
            current.line = line;
            any = true;
        }
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < size && text[i + 1] == QLatin1Char('"')) {
                    cell += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n')) {
                    ++line;
                }
                cell += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (!cell.isEmpty() || cellQuoted) {
                return fail(problem(QStringLiteral("%1, line %2").arg(fileName).arg(line),
                                    QStringLiteral("a quote inside a cell that does not start with one (write \"\" "
                                                   "inside a quoted cell)"))
                                .error());
            }
            quoted = true;
            cellQuoted = true;
            recordQuoted = true;
        } else if (c == QLatin1Char(',')) {
            current.cells << cell;
            cell.clear();
            cellQuoted = false;
        } else if (c == QLatin1Char('\r') && i + 1 < size && text[i + 1] == QLatin1Char('\n')) {
            continue; // CRLF: the LF ends the record
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
        } else {
            if (cellQuoted) {
                return fail(problem(QStringLiteral("%1, line %2").arg(fileName).arg(line),
                                    QStringLiteral("text after a quoted cell's closing quote"))
                                .error());
            }
            cell += c;
        }
    }
    if (quoted) {
        return fail(problem(QStringLiteral("%1, line %2").arg(fileName).arg(current.line),
                            QStringLiteral("a quoted cell is not closed"))
                        .error());
    }
    if (any) {
        endRecord();
    }
    return records;
}

Status addItem(DatasetContent& content, DatasetItem item, const QString& place) {
    if (int(content.items.size()) >= DatasetLimits::maxItems) {
        return problem(place, QStringLiteral("more than %1 items").arg(DatasetLimits::maxItems));
    }
    if (item.expected) {
        if (auto checked = checkValue(*item.expected, place); !checked) {
            return checked;
        }
    }
    content.items.push_back(std::move(item));
    return {};
}

// A JSON value as a variable's text: strings as they are, numbers in the C locale, true/false as yes/no.
std::optional<QString> valueText(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return QString::number(number, 'g', 17) == QString::number(qint64(number)) ? QString::number(qint64(number))
                                                                                   : QString::number(number, 'g', 15);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QJsonValue::Null:
        return QString();
    default:
        return std::nullopt;
    }
}

QString toJson(const QJsonObject& object) {
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromJson(const QString& text) {
    return text.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(text.toUtf8()).object();
}

QString valuesJson(const QHash<QString, QString>& values) {
    QJsonObject object;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        object.insert(it.key(), it.value());
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QHash<QString, QString> valuesFromJson(const QString& text) {
    QHash<QString, QString> values;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        values.insert(it.key(), it.value().toString());
    }
    return values;
}

constexpr const char* infoColumns = "id, name, owner_id, source, columns, item_count, expected_count, created_at";

DatasetInfo readInfo(const QSqlQuery& q) {
    DatasetInfo info;
    info.id = q.value(0).toLongLong();
    info.name = q.value(1).toString();
    info.ownerId = q.value(2).toLongLong();
    info.source = q.value(3).toString();
    for (const QJsonValue& column : QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array()) {
        info.columns << column.toString();
    }
    info.items = q.value(5).toLongLong();
    info.withExpected = q.value(6).toLongLong();
    info.createdAt = fromStoredTime(q.value(7).toString());
    return info;
}

} // namespace

Result<DatasetContent> parseDatasetCsv(const QByteArray& data, const QString& fileName) {
    auto text = decoded(data, fileName);
    if (!text) {
        return fail(text.error());
    }
    auto records = csvRecords(*text, fileName);
    if (!records) {
        return fail(records.error());
    }
    if (records->empty()) {
        return fail(problem(fileName, QStringLiteral("empty: the first line names the columns")).error());
    }
    QStringList header;
    for (const QString& cell : records->front().cells) {
        header << cell.trimmed();
    }
    if (auto checked = checkHeader(header, fileName); !checked) {
        return fail(checked.error());
    }
    DatasetContent content;
    for (const QString& column : header) {
        if (column != expectedColumn && !column.startsWith(metadataPrefix)) {
            content.columns << column;
        }
    }
    for (std::size_t r = 1; r < records->size(); ++r) {
        const CsvRecord& record = (*records)[r];
        const QString place = QStringLiteral("%1, line %2").arg(fileName).arg(record.line);
        if (record.cells.size() != header.size()) {
            return fail(
                problem(place,
                        QStringLiteral("%1 cells, the header has %2").arg(record.cells.size()).arg(header.size()))
                    .error());
        }
        DatasetItem item;
        item.row = record.line;
        for (qsizetype c = 0; c < header.size(); ++c) {
            const QString& value = record.cells[c];
            if (auto checked = checkValue(value, place); !checked) {
                return fail(checked.error());
            }
            if (header[c] == expectedColumn) {
                item.expected = value;
            } else if (header[c].startsWith(metadataPrefix)) {
                item.metadata.insert(header[c].mid(metadataPrefix.size()), value);
            } else {
                item.values.insert(header[c], value);
            }
        }
        if (auto added = addItem(content, std::move(item), place); !added) {
            return fail(added.error());
        }
    }
    if (content.items.empty()) {
        return fail(problem(fileName, QStringLiteral("no items under the header")).error());
    }
    return content;
}

Result<DatasetContent> parseDatasetJsonl(const QByteArray& data, const QString& fileName) {
    auto text = decoded(data, fileName);
    if (!text) {
        return fail(text.error());
    }
    DatasetContent content;
    const QStringList lines = text->split(QLatin1Char('\n'));
    for (qsizetype l = 0; l < lines.size(); ++l) {
        const QString line = lines[l].trimmed();
        if (line.isEmpty()) {
            continue;
        }
        const QString place = QStringLiteral("%1, line %2").arg(fileName).arg(l + 1);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            return fail(
                problem(place,
                        QStringLiteral("not JSON (%1 at character %2)").arg(error.errorString()).arg(error.offset + 1))
                    .error());
        }
        if (!document.isObject()) {
            return fail(problem(place, QStringLiteral("each line is one JSON object")).error());
        }
        const QJsonObject object = document.object();
        DatasetItem item;
        item.row = int(l + 1);
        QJsonObject variables;
        if (object.contains(QLatin1StringView("vars"))) {
            if (!object.value(QLatin1StringView("vars")).isObject()) {
                return fail(problem(place, QStringLiteral("\"vars\" is an object of the variables' values")).error());
            }
            variables = object.value(QLatin1StringView("vars")).toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (it.key() != QLatin1StringView("vars") && it.key() != expectedColumn &&
                    it.key() != QLatin1StringView("metadata")) {
                    return fail(problem(place, QStringLiteral("\"%1\": beside vars, a line has only expected and "
                                                              "metadata")
                                                   .arg(it.key()))
                                    .error());
                }
            }
        } else {
            variables = object;
            variables.remove(expectedColumn);
            variables.remove(QStringLiteral("metadata"));
        }
        if (variables.size() > DatasetLimits::maxColumns) {
            return fail(
                problem(place, QStringLiteral("more than %1 variables").arg(DatasetLimits::maxColumns)).error());
        }
        for (auto it = variables.begin(); it != variables.end(); ++it) {
            if (!isTemplateVariableName(it.key())) {
                return fail(problem(place, QStringLiteral("\"%1\" is not a variable's name (a letter or _ first, then "
                                                          "letters, digits and _)")
                                               .arg(it.key()))
                                .error());
            }
            const std::optional<QString> value = valueText(it.value());
            if (!value) {
                return fail(problem(place, QStringLiteral("\"%1\" is a list or an object; a value is text, a number or "
                                                          "true/false")
                                               .arg(it.key()))
                                .error());
            }
            if (auto checked = checkValue(*value, place); !checked) {
                return fail(checked.error());
            }
            item.values.insert(it.key(), *value);
            if (!content.columns.contains(it.key())) {
                if (content.columns.size() >= DatasetLimits::maxColumns) {
                    return fail(
                        problem(place,
                                QStringLiteral("more than %1 variables in the file").arg(DatasetLimits::maxColumns))
                            .error());
                }
                content.columns << it.key();
            }
        }
        if (object.contains(expectedColumn)) {
            const std::optional<QString> expected = valueText(object.value(expectedColumn));
            if (!expected) {
                return fail(problem(place, QStringLiteral("\"expected\" is text, a number or true/false")).error());
            }
            item.expected = *expected;
        }
        if (object.contains(QLatin1StringView("metadata"))) {
            if (!object.value(QLatin1StringView("metadata")).isObject()) {
                return fail(problem(place, QStringLiteral("\"metadata\" is an object")).error());
            }
            item.metadata = object.value(QLatin1StringView("metadata")).toObject();
        }
        if (auto added = addItem(content, std::move(item), place); !added) {
            return fail(added.error());
        }
    }
    if (content.items.empty()) {
        return fail(problem(fileName, QStringLiteral("no items: each line is one JSON object")).error());
    }
    return content;
}

Result<DatasetContent> readDatasetFile(const QString& path) {
    const QFileInfo info(path);
    const QString name = info.fileName();
    const QString suffix = info.suffix().toLower();
    if (suffix != QLatin1StringView("csv") && suffix != QLatin1StringView("jsonl") &&
        suffix != QLatin1StringView("ndjson")) {
        return fail(problem(name, QStringLiteral("a dataset is a .csv or .jsonl file")).error());
    }
    if (!info.exists() || !info.isFile()) {
        return fail(problem(path, QStringLiteral("no such file")).error());
    }
    if (info.size() > DatasetLimits::maxFileBytes) {
        return fail(problem(name, QStringLiteral("larger than 64 MB")).error());
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(problem(path, QStringLiteral("cannot be read: %1").arg(file.errorString())).error());
    }
    const QByteArray data = file.read(DatasetLimits::maxFileBytes + 1);
    return suffix == QLatin1StringView("csv") ? parseDatasetCsv(data, name) : parseDatasetJsonl(data, name);
}

std::vector<DatasetProblem> checkDataset(const std::vector<DatasetItem>& items,
                                         const std::vector<TemplateVariable>& variables) {
    std::vector<DatasetProblem> problems;
    std::map<std::pair<std::size_t, QString>, std::size_t> index; // (variable's place, message) → problem
    for (const DatasetItem& item : items) {
        for (std::size_t v = 0; v < variables.size(); ++v) {
            const TemplateVariable& variable = variables[v];
            auto value = templateValue(variable, item.values);
            QString message;
            if (!value) {
                message = value.error().kind == TemplateValueProblem::Kind::Missing ? QStringLiteral("missing")
                                                                                    : value.error().message;
            } else if (value->isEmpty() && variable.required() && variable.type != TemplateVariableType::YesNo) {
                message = QStringLiteral("missing"); // an empty cell
            } else {
                continue;
            }
            const auto key = std::make_pair(v, message);
            auto found = index.find(key);
            if (found == index.end()) {
                found = index.emplace(key, problems.size()).first;
                problems.push_back(DatasetProblem{variable.name, message, {}, 0});
            }
            DatasetProblem& p = problems[found->second];
            ++p.count;
            if (p.rows.size() < DatasetProblem::maxRowsListed) {
                p.rows.push_back(item.row);
            }
        }
    }
    std::stable_sort(problems.begin(), problems.end(), [&](const DatasetProblem& a, const DatasetProblem& b) {
        const auto place = [&](const DatasetProblem& p) {
            return std::find_if(variables.begin(), variables.end(),
                                [&](const TemplateVariable& v) { return v.name == p.variable; }) -
                   variables.begin();
        };
        return place(a) < place(b);
    });
    return problems;
}

DatasetService::DatasetService(const Database& db, const Clock& clock, const AuditLog& audit,
                               const PromptLibrary& prompts)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_prompts(prompts) {
}

Result<DatasetInfo> DatasetService::create(const Actor& actor, const QString& asked, const DatasetContent& content,
                                           const QString& source) {
    const QString action = QStringLiteral("dataset.import");
    const QString name = asked.trimmed();
    if (auto allowed = require(actor, Permission::ExperimentsRun); !allowed) {
        (void)m_audit.record(actor, {action, target(name), AuditOutcome::Denied,
                                     QStringLiteral("lacks experiments.run"), allowed.error().correlationId});
        return fail(allowed.error());
    }
    if (name.isEmpty() || name.size() > DatasetLimits::maxNameLength || name.contains(QLatin1Char('\n'))) {
        return fail(
            invalid(
                QStringLiteral("a dataset's name has 1 to %1 characters on one line").arg(DatasetLimits::maxNameLength))
                .error());
    }
    if (content.items.empty()) {
        return fail(invalid(QStringLiteral("a dataset needs at least one item")).error());
    }
    if (content.items.size() > std::size_t(DatasetLimits::maxItems)) {
        return fail(invalid(QStringLiteral("a dataset has at most %1 items").arg(DatasetLimits::maxItems)).error());
    }
    qint64 withExpected = 0;
    for (const DatasetItem& item : content.items) {
        withExpected += item.expected ? 1 : 0;
    }
    DatasetInfo info;
    info.name = name;
    info.ownerId = actor.userId;
    info.source = source;
    info.columns = content.columns;
    info.items = qint64(content.items.size());
    info.withExpected = withExpected;
    info.createdAt = m_clock.nowUtc();
    auto stored = m_db.transaction([&]() -> Status {
        auto taken = m_db.exec(QStringLiteral("SELECT 1 FROM datasets WHERE name_key = ?"), {nameKey(name)});
        if (!taken) {
            return fail(taken.error());
        }
        if (taken->next()) {
            return fail(ErrorCode::AlreadyExists, QStringLiteral("a dataset named \"%1\" exists").arg(name));
        }
        taken->finish();
        auto inserted =
            m_db.exec(QStringLiteral("INSERT INTO datasets (name, name_key, owner_id, source, columns, item_count, "
                                     "expected_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                      {name, nameKey(name), actor.userId, source,
                       QString::fromUtf8(
                           QJsonDocument(QJsonArray::fromStringList(content.columns)).toJson(QJsonDocument::Compact)),
                       info.items, withExpected, toStoredTime(info.createdAt)});
        if (!inserted) {
            return fail(inserted.error());
        }
        if (!inserted->next()) {
            return fail(ErrorCode::StorageFailed, QStringLiteral("the new dataset has no id"));
        }
        info.id = inserted->value(0).toLongLong();
        inserted->finish(); // done with it before the items and the audit entry
        qint64 position = 0;
        for (const DatasetItem& item : content.items) {
            ++position;
            auto added = m_db.exec(QStringLiteral("INSERT INTO dataset_items (dataset_id, position, source_row, "
                                                  "variables, expected, metadata) VALUES (?, ?, ?, ?, ?, ?)"),
                                   {info.id, position, qint64(item.row), valuesJson(item.values),
                                    item.expected ? QVariant(*item.expected) : QVariant(QMetaType(QMetaType::QString)),
                                    toJson(item.metadata)});
            if (!added) {
                return fail(added.error());
            }
        }
        return m_audit.record(actor, {action,
                                      target(name),
                                      AuditOutcome::Success,
                                      QStringLiteral("%1 items from %2").arg(info.items).arg(source),
                                      {}});
    });
    if (!stored) {
        return fail(stored.error());
    }
    return info;
}

Result<DatasetContent> datasetFromChatExamples(const QByteArray& jsonl) {
    DatasetContent content;
    bool withSystem = false;
    int line = 0;
    for (const QByteArray& text : jsonl.split('\n')) {
        ++line;
        if (text.trimmed().isEmpty()) {
            continue;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            return fail(ErrorCode::ImportInvalid,
                        QStringLiteral("conversation example %1 is not a JSON object").arg(line));
        }
        const QJsonArray messages = document.object().value(QLatin1StringView("messages")).toArray();
        // The last answer, and the question before it.
        qsizetype answer = -1;
        for (qsizetype i = messages.size() - 1; i >= 0; --i) {
            if (messages[i].toObject().value(QLatin1StringView("role")).toString() == QLatin1StringView("assistant")) {
                answer = i;
                break;
            }
        }
        qsizetype question = -1;
        for (qsizetype i = answer - 1; i >= 0; --i) {
            if (messages[i].toObject().value(QLatin1StringView("role")).toString() == QLatin1StringView("user")) {
                question = i;
                break;
            }
        }
        if (answer < 0 || question < 0) {
            continue;
        }
        DatasetItem item;
        item.row = line;
        item.values.insert(QStringLiteral("input"),
                           messages[question].toObject().value(QLatin1StringView("content")).toString());
        item.expected = messages[answer].toObject().value(QLatin1StringView("content")).toString();
        const QJsonObject first = messages.isEmpty() ? QJsonObject() : messages[0].toObject();
        if (first.value(QLatin1StringView("role")).toString() == QLatin1StringView("system")) {
            item.values.insert(QStringLiteral("system"), first.value(QLatin1StringView("content")).toString());
            withSystem = true;
        }
        item.metadata.insert(QStringLiteral("source"), QStringLiteral("conversation"));
        content.items.push_back(std::move(item));
    }
    content.columns = {QStringLiteral("input")};
    if (withSystem) {
        content.columns << QStringLiteral("system");
        for (DatasetItem& item : content.items) {
            if (!item.values.contains(QStringLiteral("system"))) {
                item.values.insert(QStringLiteral("system"), QString());
            }
        }
    }
    return content;
}

Result<DatasetInfo> DatasetService::createFromConversations(const Actor& actor, const QString& name,
                                                            const FineTuningService& conversations,
                                                            const FineTuneFilter& filter) {
    auto examples = conversations.build(actor, filter);
    if (!examples) {
        return fail(examples.error());
    }
    auto content = datasetFromChatExamples(examples->jsonl);
    if (!content) {
        return fail(content.error());
    }
    if (content->items.empty()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("no conversation matches (%1 looked at): nothing to make a dataset of")
                        .arg(examples->considered));
    }
    return create(actor, name, *content, QStringLiteral("conversations"));
}

Result<DatasetInfo> DatasetService::importFile(const Actor& actor, const QString& name, const QString& path) {
    if (auto allowed = require(actor, Permission::ExperimentsRun); !allowed) {
        (void)m_audit.record(actor, {QStringLiteral("dataset.import"), target(name.trimmed()), AuditOutcome::Denied,
                                     QStringLiteral("lacks experiments.run"), allowed.error().correlationId});
        return fail(allowed.error());
    }
    auto content = readDatasetFile(path);
    if (!content) {
        return fail(content.error());
    }
    return create(actor, name, *content, QFileInfo(path).fileName());
}

Result<std::vector<DatasetInfo>> DatasetService::list(const Actor& actor) const {
    if (auto allowed = require(actor, Permission::ExperimentsRun); !allowed) {
        return fail(allowed.error());
    }
    auto query = m_db.exec(QStringLiteral("SELECT %1 FROM datasets WHERE owner_id = ? ORDER BY name_key")
                               .arg(QLatin1StringView(infoColumns)),
                           {actor.userId});
    if (!query) {
        return fail(query.error());
    }
    std::vector<DatasetInfo> all;
    while (query->next()) {
        all.push_back(readInfo(*query));
    }
    return all;
}

Result<DatasetInfo> DatasetService::find(const Actor& actor, const QString& name) const {
    if (auto allowed = require(actor, Permission::ExperimentsRun); !allowed) {
        return fail(allowed.error());
    }
    auto query = m_db.exec(QStringLiteral("SELECT %1 FROM datasets WHERE name_key = ? AND owner_id = ?")
                               .arg(QLatin1StringView(infoColumns)),
                           {nameKey(name), actor.userId});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("you have no dataset named \"%1\"").arg(name.trimmed()));
    }
    return readInfo(*query);
}

Result<DatasetInfo> DatasetService::get(const Actor& actor, const QString& name) const {
    return find(actor, name);
}

Result<std::vector<DatasetItem>> DatasetService::items(const Actor& actor, const QString& name, qint64 offset,
                                                       qint64 limit) const {
    auto info = find(actor, name);
    if (!info) {
        return fail(info.error());
    }
    auto query = m_db.exec(
        QStringLiteral("SELECT source_row, variables, expected, metadata FROM dataset_items WHERE "
                       "dataset_id = ? AND position > ? AND position <= ? ORDER BY position"),
        {info->id, std::max<qint64>(offset, 0), limit < 0 ? info->items : std::max<qint64>(offset, 0) + limit});
    if (!query) {
        return fail(query.error());
    }
    std::vector<DatasetItem> items;
    while (query->next()) {
        DatasetItem item;
        item.row = query->value(0).toInt();
        item.values = valuesFromJson(query->value(1).toString());
        if (!query->value(2).isNull()) {
            item.expected = query->value(2).toString();
        }
        item.metadata = fromJson(query->value(3).toString());
        items.push_back(std::move(item));
    }
    return items;
}

Result<std::vector<DatasetProblem>> DatasetService::check(const Actor& actor, const QString& name,
                                                          const QString& templateName,
                                                          std::optional<int> version) const {
    auto chosen = m_prompts.version(actor, templateName, version);
    if (!chosen) {
        return fail(chosen.error());
    }
    auto parsed = parsePrompt(chosen->systemText, chosen->userText);
    if (!parsed) {
        return fail(parsed.error());
    }
    auto all = items(actor, name);
    if (!all) {
        return fail(all.error());
    }
    return checkDataset(*all, parsed->variables);
}

Status DatasetService::remove(const Actor& actor, const QString& name) {
    const QString action = QStringLiteral("dataset.remove");
    auto info = find(actor, name);
    if (!info) {
        if (info.error().code == ErrorCode::AuthForbidden) {
            (void)m_audit.record(actor, {action, target(name.trimmed()), AuditOutcome::Denied,
                                         QStringLiteral("lacks experiments.run"), info.error().correlationId});
        }
        return fail(info.error());
    }
    {
        auto inUse = m_db.exec(QStringLiteral("SELECT name FROM experiments WHERE dataset_id = ? ORDER BY name_key"),
                               {info->id});
        if (!inUse) {
            return fail(inUse.error());
        }
        if (inUse->next()) {
            return invalid(QStringLiteral("the experiment \"%1\" runs over %2: remove the experiment first")
                               .arg(inUse->value(0).toString(), info->name));
        }
    }
    return m_db.transaction([&]() -> Status {
        if (auto removed = m_db.exec(QStringLiteral("DELETE FROM datasets WHERE id = ?"), {info->id}); !removed) {
            return fail(removed.error());
        }
        return m_audit.record(
            actor,
            {action, target(info->name), AuditOutcome::Success, QStringLiteral("%1 items").arg(info->items), {}});
    });
}

} // namespace Tessera::Core
