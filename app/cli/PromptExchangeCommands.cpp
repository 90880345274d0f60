// prompts export [NAME...] --output PATH [--format json|markdown] and prompts import PATH (docs/cli.md).
#include "PromptCommands.h"

#include "app/CoreServices.h"
#include "prompts/PromptExchange.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Tessera::Cli {

using namespace Tessera::Core;

int runPromptsExport(Context& context, const CommandArgs& parsed) {
    const QString path = parsed.value(QStringLiteral("output"));
    if (path.isEmpty()) {
        return usageError(
            QStringLiteral("prompts export needs --output PATH (a .json file, or a folder for Markdown)"));
    }
    // The format: as asked, else JSON for a .json path and Markdown files for a folder.
    QString format = parsed.value(QStringLiteral("format"));
    if (format.isEmpty()) {
        format = path.endsWith(QLatin1StringView(".json"), Qt::CaseInsensitive) ? QStringLiteral("json")
                                                                                : QStringLiteral("markdown");
    }
    if (format != QLatin1StringView("json") && format != QLatin1StringView("markdown")) {
        return usageError(QStringLiteral("--format takes json or markdown"));
    }
    const PromptFileFormat chosen =
        format == QLatin1StringView("json") ? PromptFileFormat::Json : PromptFileFormat::Markdown;
    if (chosen == PromptFileFormat::Json && QFileInfo(path).isDir()) {
        return usageError(QStringLiteral("%1 is a folder: give a file for JSON").arg(path));
    }
    auto report = context.services.promptExchange().exportTo(context.actor, parsed.positional, path, chosen);
    if (!report) {
        return reportError(context, report.error());
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("path"), report->path},
                              {QStringLiteral("format"), format},
                              {QStringLiteral("templates"), report->templates},
                              {QStringLiteral("versions"), report->versions},
                              {QStringLiteral("files"), QJsonArray::fromStringList(report->files)}});
    } else if (chosen == PromptFileFormat::Json) {
        printOut(QStringLiteral("Wrote %1 templates (%2 versions) to %3.\n")
                     .arg(report->templates)
                     .arg(report->versions)
                     .arg(report->path));
    } else {
        printOut(QStringLiteral("Wrote %1 Markdown files to %2.\n").arg(report->templates).arg(report->path));
    }
    return exitOk;
}

int runPromptsImport(Context& context, const CommandArgs& parsed) {
    if (parsed.positional.size() != 1) {
        return usageError(
            QStringLiteral("prompts import takes one PATH: a Tessera JSON file, a Markdown file or a folder of them"));
    }
    auto report = context.services.promptExchange().importFrom(context.actor, parsed.positional.first());
    if (!report) {
        return reportError(context, report.error());
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("created"), report->created},
                              {QStringLiteral("updated"), report->updated},
                              {QStringLiteral("unchanged"), report->unchanged},
                              {QStringLiteral("templates"), QJsonArray::fromStringList(report->names)}});
    } else {
        printOut(QStringLiteral("Imported %1 templates: %2 new, %3 with a new version, %4 unchanged.\n")
                     .arg(report->names.size())
                     .arg(report->created)
                     .arg(report->updated)
                     .arg(report->unchanged));
    }
    return exitOk;
}

} // namespace Tessera::Cli
