// datasets import NAME PATH | from-conversations NAME [filter] | list | show NAME [--items N] [--template NAME[@V]]
// | remove NAME (docs/cli.md).
#include "DatasetCommands.h"

#include "FeedbackCommands.h"

#include "PromptCommands.h"
#include "app/CoreServices.h"
#include "experiments/Datasets.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

QJsonObject datasetJson(const DatasetInfo& info) {
    return QJsonObject{{QStringLiteral("name"), info.name},
                       {QStringLiteral("source"), info.source},
                       {QStringLiteral("columns"), QJsonArray::fromStringList(info.columns)},
                       {QStringLiteral("items"), info.items},
                       {QStringLiteral("with_expected"), info.withExpected},
                       {QStringLiteral("created_at"), timeJson(info.createdAt)}};
}

QJsonObject itemJson(const DatasetItem& item) {
    QJsonObject values;
    for (auto it = item.values.cbegin(); it != item.values.cend(); ++it) {
        values.insert(it.key(), it.value());
    }
    QJsonObject json{{QStringLiteral("row"), item.row}, {QStringLiteral("vars"), values}};
    json.insert(QStringLiteral("expected"), item.expected ? QJsonValue(*item.expected) : QJsonValue());
    if (!item.metadata.isEmpty()) {
        json.insert(QStringLiteral("metadata"), item.metadata);
    }
    return json;
}

QString rowsText(const DatasetProblem& problem) {
    QStringList rows;
    for (const int row : problem.rows) {
        rows << QString::number(row);
    }
    QString text = rows.join(QStringLiteral(", "));
    if (problem.count > qint64(problem.rows.size())) {
        text += QStringLiteral(" and %1 more").arg(problem.count - qint64(problem.rows.size()));
    }
    return text;
}

int runImport(Context& context, const CommandArgs& parsed, bool fromConversations) {
    if (!fromConversations && parsed.positional.size() != 2) {
        return usageError(QStringLiteral("datasets import takes NAME and PATH (a .csv or .jsonl file)"));
    }
    if (fromConversations && parsed.positional.size() != 1) {
        return usageError(QStringLiteral("datasets from-conversations takes one NAME and filter options"));
    }
    FineTuneFilter filter;
    if (const auto bad = readConversationFilter(parsed, filter)) {
        return *bad;
    }
    auto made = fromConversations
                    ? context.services.datasets().createFromConversations(context.actor, parsed.positional[0],
                                                                          context.services.fineTuning(), filter)
                    : context.services.datasets().importFile(context.actor, parsed.positional[0], parsed.positional[1]);
    if (!made) {
        return reportError(context, made.error());
    }
    if (context.json) {
        printJson(datasetJson(*made));
    } else {
        printOut(QStringLiteral("Imported %1: %2 items (%3 with an expected output), variables %4.\n")
                     .arg(printable(made->name))
                     .arg(made->items)
                     .arg(made->withExpected)
                     .arg(made->columns.isEmpty() ? QStringLiteral("none") : made->columns.join(QStringLiteral(", "))));
    }
    return exitOk;
}

int runList(Context& context) {
    auto listed = context.services.datasets().list(context.actor);
    if (!listed) {
        return reportError(context, listed.error());
    }
    if (!context.json && listed->empty()) {
        printOut(QStringLiteral("No datasets. Import one with: tessera-cli datasets import NAME PATH\n"));
        return exitOk;
    }
    if (context.json) {
        QJsonArray array;
        for (const DatasetInfo& info : *listed) {
            array.append(datasetJson(info));
        }
        printJson(array);
        return exitOk;
    }
    std::vector<QStringList> lines;
    for (const DatasetInfo& info : *listed) {
        lines.push_back({info.name, info.columns.join(QStringLiteral(", ")), info.source, QString::number(info.items),
                         QString::number(info.withExpected)});
    }
    printOut(tableText({QStringLiteral("NAME"), QStringLiteral("VARIABLES"), QStringLiteral("FROM"),
                        QStringLiteral("ITEMS"), QStringLiteral("EXPECTED")},
                       lines, 3));
    return exitOk;
}

int runShow(Context& context, const CommandArgs& parsed) {
    if (parsed.positional.size() != 1) {
        return usageError(QStringLiteral("datasets show takes one NAME"));
    }
    const QString name = parsed.positional.front();
    qint64 shown = 5;
    if (parsed.has(QStringLiteral("items"))) {
        bool ok = false;
        shown = parsed.value(QStringLiteral("items")).toLongLong(&ok);
        if (!ok || shown < 0) {
            return usageError(QStringLiteral("--items takes how many items to show (0 or more)"));
        }
    }
    DatasetService& datasets = context.services.datasets();
    auto info = datasets.get(context.actor, name);
    if (!info) {
        return reportError(context, info.error());
    }
    auto items = datasets.items(context.actor, name, 0, shown);
    if (!items) {
        return reportError(context, items.error());
    }
    // Checked against a template version: the rows its variables cannot take.
    std::optional<std::vector<DatasetProblem>> problems;
    QString templateName = parsed.value(QStringLiteral("template"));
    if (!templateName.isEmpty()) {
        QString problem;
        const std::optional<int> version = splitTemplateVersion(templateName, parsed, &problem);
        if (!problem.isEmpty()) {
            return usageError(problem);
        }
        auto checked = datasets.check(context.actor, name, templateName, version);
        if (!checked) {
            return reportError(context, checked.error());
        }
        problems = std::move(*checked);
    }
    if (context.json) {
        QJsonObject json = datasetJson(*info);
        QJsonArray first;
        for (const DatasetItem& item : *items) {
            first.append(itemJson(item));
        }
        json.insert(QStringLiteral("first_items"), first);
        if (problems) {
            QJsonArray list;
            for (const DatasetProblem& p : *problems) {
                QJsonArray rows;
                for (const int row : p.rows) {
                    rows.append(row);
                }
                list.append(QJsonObject{{QStringLiteral("variable"), p.variable},
                                        {QStringLiteral("problem"), p.message},
                                        {QStringLiteral("rows"), rows},
                                        {QStringLiteral("count"), p.count}});
            }
            json.insert(QStringLiteral("problems"), list);
        }
        printJson(json);
        return problems && !problems->empty() ? exitUsage : exitOk;
    }
    printOut(QStringLiteral("%1\nFrom: %2\nItems: %3 (%4 with an expected output)\nVariables: %5\nImported: %6\n")
                 .arg(printable(info->name), printable(info->source))
                 .arg(info->items)
                 .arg(info->withExpected)
                 .arg(info->columns.join(QStringLiteral(", ")), timeText(info->createdAt)));
    for (const DatasetItem& item : *items) {
        QStringList values;
        for (const QString& column : info->columns) {
            values << QStringLiteral("%1=%2").arg(column, item.values.value(column).left(60));
        }
        printOut(QStringLiteral("  row %1: %2%3\n")
                     .arg(item.row)
                     .arg(printable(values.join(QStringLiteral("  "))))
                     .arg(item.expected ? QStringLiteral("  → ") + printable(item.expected->left(60)) : QString()));
    }
    if (problems) {
        if (problems->empty()) {
            printOut(QStringLiteral("Every item gives %1 the values it needs.\n").arg(printable(templateName)));
        }
        for (const DatasetProblem& p : *problems) {
            printOut(p.message == QLatin1StringView("missing")
                         ? QStringLiteral("%1 is missing in rows %2\n").arg(p.variable, rowsText(p))
                         : QStringLiteral("%1, in rows %2\n").arg(printable(p.message), rowsText(p)));
        }
    }
    // A dataset the template cannot use is a usage problem of the pair, as `chat --prompt` treats a missing value.
    return problems && !problems->empty() ? exitUsage : exitOk;
}

} // namespace

int runDatasets(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(
            QStringLiteral("datasets needs a subcommand: import, from-conversations, list, show or remove"));
    }
    const QString sub = args.first();
    QString problem;
    auto parsed = CommandArgs::parse(args.mid(1),
                                     {QStringLiteral("items"), QStringLiteral("template"), QStringLiteral("rating"),
                                      QStringLiteral("tag"), QStringLiteral("model"), QStringLiteral("since")},
                                     {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (sub == QLatin1StringView("import") || sub == QLatin1StringView("from-conversations")) {
        return runImport(context, *parsed, sub == QLatin1StringView("from-conversations"));
    }
    if (sub == QLatin1StringView("list")) {
        return parsed->positional.isEmpty() ? runList(context)
                                            : usageError(QStringLiteral("datasets list takes no arguments"));
    }
    if (sub == QLatin1StringView("show")) {
        return runShow(context, *parsed);
    }
    if (sub == QLatin1StringView("remove")) {
        if (parsed->positional.size() != 1) {
            return usageError(QStringLiteral("datasets remove takes one NAME"));
        }
        if (auto removed = context.services.datasets().remove(context.actor, parsed->positional.front()); !removed) {
            return reportError(context, removed.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("removed"), parsed->positional.front()}});
        } else {
            printOut(QStringLiteral("Removed %1.\n").arg(printable(parsed->positional.front())));
        }
        return exitOk;
    }
    return usageError(
        QStringLiteral("unknown datasets subcommand \"%1\": import, from-conversations, list, show or remove")
            .arg(sub));
}

} // namespace Tessera::Cli
