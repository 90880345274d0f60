#include "PromptCommands.h"

#include "app/CoreServices.h"
#include "chat/Attachments.h"
#include "prompts/PromptFiles.h"
#include "prompts/PromptLibrary.h"
#include "prompts/TextDiff.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <iostream>
#include <iterator>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

// A template file or stdin ("-"): at most the two parts and their front matter.
constexpr qint64 maxFileBytes = qint64(PromptLibrary::maxTextLength) * 2 * 4 + 64 * 1024;

QJsonObject labelsJson(const PromptTemplate& t) {
    QJsonObject labels{{QStringLiteral("latest"), t.latestVersion}};
    for (auto it = t.labels.cbegin(); it != t.labels.cend(); ++it) {
        labels.insert(it.key(), it.value());
    }
    return labels;
}

QJsonObject templateJson(const PromptTemplate& t) {
    QJsonArray shares;
    for (const PromptShare& share : t.shares) {
        shares.append(QJsonObject{{QStringLiteral("role"), share.roleName}, {QStringLiteral("edit"), share.canEdit}});
    }
    return {{QStringLiteral("name"), t.name},
            {QStringLiteral("description"), t.description},
            {QStringLiteral("tags"), QJsonArray::fromStringList(t.tags)},
            {QStringLiteral("owner"), t.ownerName},
            {QStringLiteral("latest_version"), t.latestVersion},
            {QStringLiteral("default_version"), t.defaultVersion()},
            {QStringLiteral("labels"), labelsJson(t)},
            {QStringLiteral("shared_with"), shares},
            {QStringLiteral("can_edit"), t.canEdit},
            {QStringLiteral("use_count"), double(t.useCount)},
            {QStringLiteral("last_used_at"), timeJson(t.lastUsedAt)},
            {QStringLiteral("updated_at"), timeJson(t.updatedAt)}};
}

QJsonValue optionalJson(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonArray variablesJson(const std::vector<TemplateVariable>& variables) {
    QJsonArray out;
    for (const TemplateVariable& v : variables) {
        QJsonObject json{
            {QStringLiteral("name"), v.name},
            {QStringLiteral("type"), templateVariableTypeName(v.type)},
            {QStringLiteral("required"), v.required()},
            {QStringLiteral("default"), v.defaultValue ? QJsonValue(*v.defaultValue) : QJsonValue(QJsonValue::Null)}};
        if (v.type == TemplateVariableType::Number) {
            json.insert(QStringLiteral("min"), optionalJson(v.minimum));
            json.insert(QStringLiteral("max"), optionalJson(v.maximum));
        }
        if (v.type == TemplateVariableType::Choice) {
            json.insert(QStringLiteral("choices"), QJsonArray::fromStringList(v.choices));
        }
        out.append(json);
    }
    return out;
}

// Reads a template file (or stdin for "-") into a draft named `name`.
std::optional<int> readDraft(Context& context, const QString& path, const QString& name, const QString& message,
                             PromptDraft& draft) {
    QByteArray bytes;
    if (path == QLatin1StringView("-")) {
        std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
        if (qint64(input.size()) > maxFileBytes) {
            return usageError(QStringLiteral("the template on stdin is larger than %1 bytes").arg(maxFileBytes));
        }
        bytes = QByteArray::fromStdString(input);
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return reportError(context, makeError(ErrorCode::NotFound,
                                                  QStringLiteral("cannot read %1: %2").arg(path, file.errorString())));
        }
        if (file.size() > maxFileBytes) {
            return usageError(QStringLiteral("%1 is larger than %2 bytes").arg(path).arg(maxFileBytes));
        }
        bytes = file.readAll();
    }
    auto read =
        readPromptMarkdown(QString::fromUtf8(bytes), path == QLatin1StringView("-") ? QStringLiteral("stdin") : path);
    if (!read) {
        return reportError(context, read.error());
    }
    draft = std::move(*read);
    draft.name = name;
    if (!message.isEmpty()) {
        draft.message = message;
    }
    return std::nullopt;
}

int printTemplate(Context& context, const PromptTemplate& t, const QString& done) {
    if (context.json) {
        printJson(templateJson(t));
    } else {
        printOut(QStringLiteral("%1 \"%2\": version %3.\n").arg(done, t.name).arg(t.latestVersion));
    }
    return exitOk;
}

int runList(Context& context, const CommandArgs& parsed) {
    PromptQuery query;
    query.tag = parsed.value(QStringLiteral("tag"));
    query.search = parsed.value(QStringLiteral("search"));
    const QString sort = parsed.value(QStringLiteral("sort"));
    if (sort == QLatin1StringView("recent")) {
        query.sort = PromptSort::LastUsed;
    } else if (sort == QLatin1StringView("used")) {
        query.sort = PromptSort::MostUsed;
    } else if (!sort.isEmpty() && sort != QLatin1StringView("name")) {
        return usageError(QStringLiteral("--sort takes name, recent or used"));
    }
    auto listed = context.services.prompts().list(context.actor, query);
    if (!listed) {
        return reportError(context, listed.error());
    }
    if (context.json) {
        QJsonArray array;
        for (const PromptTemplate& t : *listed) {
            array.append(templateJson(t));
        }
        printJson(array);
        return exitOk;
    }
    if (listed->empty()) {
        printOut(QStringLiteral("No templates. Add one with: tessera-cli prompts add NAME --file PATH\n"));
        return exitOk;
    }
    for (const PromptTemplate& t : *listed) {
        QStringList labels;
        for (auto it = t.labels.cbegin(); it != t.labels.cend(); ++it) {
            labels << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        }
        printOut(QStringLiteral("%1\tv%2%3\t%4\t%5\n")
                     .arg(t.name)
                     .arg(t.latestVersion)
                     .arg(labels.isEmpty()
                              ? QString()
                              : QStringLiteral(" (") + labels.join(QStringLiteral(", ")) + QLatin1Char(')'))
                     .arg(t.tags.join(QLatin1Char(',')), t.ownerName));
    }
    return exitOk;
}

int runShow(Context& context, const CommandArgs& parsed) {
    if (parsed.positional.size() != 1) {
        return usageError(QStringLiteral("prompts show takes a template's name"));
    }
    QString name = parsed.positional.first();
    QString problem;
    const auto number = splitTemplateVersion(name, parsed, &problem);
    if (!problem.isEmpty()) {
        return usageError(problem);
    }
    auto t = context.services.prompts().get(context.actor, name);
    if (!t) {
        return reportError(context, t.error());
    }
    auto v = context.services.prompts().version(context.actor, name, number);
    if (!v) {
        return reportError(context, v.error());
    }
    if (!context.json) {
        printOut(writePromptMarkdown(*t, *v));
        return exitOk;
    }
    auto parsedPrompt = parsePrompt(v->systemText, v->userText);
    QJsonObject json = templateJson(*t);
    json.insert(QStringLiteral("version"), v->number);
    json.insert(QStringLiteral("system"), v->systemText);
    json.insert(QStringLiteral("user"), v->userText);
    json.insert(QStringLiteral("provider"), v->settings.provider);
    json.insert(QStringLiteral("model"), v->settings.model);
    json.insert(QStringLiteral("temperature"), optionalJson(v->settings.temperature));
    json.insert(QStringLiteral("max_tokens"),
                v->settings.maxTokens ? QJsonValue(*v->settings.maxTokens) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("author"), v->author);
    json.insert(QStringLiteral("created_at"), timeJson(v->createdAt));
    json.insert(QStringLiteral("message"), v->message);
    json.insert(QStringLiteral("variables"), parsedPrompt ? variablesJson(parsedPrompt->variables) : QJsonArray());
    printJson(json);
    return exitOk;
}

int runVersions(Context& context, const CommandArgs& parsed) {
    if (parsed.positional.size() != 1) {
        return usageError(QStringLiteral("prompts versions takes a template's name"));
    }
    auto t = context.services.prompts().get(context.actor, parsed.positional.first());
    if (!t) {
        return reportError(context, t.error());
    }
    auto versions = context.services.prompts().versions(context.actor, t->name);
    if (!versions) {
        return reportError(context, versions.error());
    }
    const auto labelsAt = [&t](int number) {
        QStringList labels;
        if (number == t->latestVersion) {
            labels << QStringLiteral("latest");
        }
        for (auto it = t->labels.cbegin(); it != t->labels.cend(); ++it) {
            if (it.value() == number) {
                labels << it.key();
            }
        }
        return labels;
    };
    if (context.json) {
        QJsonArray array;
        for (const PromptVersion& v : *versions) {
            array.append(QJsonObject{{QStringLiteral("version"), v.number},
                                     {QStringLiteral("author"), v.author},
                                     {QStringLiteral("created_at"), timeJson(v.createdAt)},
                                     {QStringLiteral("message"), v.message},
                                     {QStringLiteral("labels"), QJsonArray::fromStringList(labelsAt(v.number))}});
        }
        printJson(array);
        return exitOk;
    }
    for (const PromptVersion& v : *versions) {
        const QStringList labels = labelsAt(v.number);
        printOut(QStringLiteral("%1\t%2\t%3\t%4%5\n")
                     .arg(v.number)
                     .arg(timeText(v.createdAt), v.author, v.message,
                          labels.isEmpty()
                              ? QString()
                              : QStringLiteral(" [") + labels.join(QStringLiteral(", ")) + QLatin1Char(']')));
    }
    return exitOk;
}

int runDiff(Context& context, const CommandArgs& parsed) {
    if (parsed.positional.size() != 3) {
        return usageError(QStringLiteral("prompts diff takes a template's name and two versions"));
    }
    const QString name = parsed.positional[0];
    bool okA = false;
    bool okB = false;
    const int a = parsed.positional[1].toInt(&okA);
    const int b = parsed.positional[2].toInt(&okB);
    if (!okA || !okB || a < 1 || b < 1) {
        return usageError(QStringLiteral("the versions are numbers from 1"));
    }
    auto before = context.services.prompts().version(context.actor, name, a);
    if (!before) {
        return reportError(context, before.error());
    }
    auto after = context.services.prompts().version(context.actor, name, b);
    if (!after) {
        return reportError(context, after.error());
    }
    struct Part {
        QString name;
        std::vector<DiffLine> lines;
    };
    const std::vector<Part> parts{{QStringLiteral("system"), diffLines(before->systemText, after->systemText)},
                                  {QStringLiteral("user"), diffLines(before->userText, after->userText)}};
    const auto mark = [](DiffLine::Kind kind) {
        return kind == DiffLine::Kind::Same      ? QStringLiteral(" ")
               : kind == DiffLine::Kind::Removed ? QStringLiteral("-")
                                                 : QStringLiteral("+");
    };
    if (context.json) {
        QJsonObject json{{QStringLiteral("name"), name}, {QStringLiteral("from"), a}, {QStringLiteral("to"), b}};
        for (const Part& part : parts) {
            QJsonArray lines;
            for (const DiffLine& line : part.lines) {
                lines.append(QJsonObject{{QStringLiteral("op"), mark(line.kind)}, {QStringLiteral("text"), line.text}});
            }
            json.insert(part.name, lines);
        }
        printJson(json);
        return exitOk;
    }
    QString out = QStringLiteral("--- %1 version %2\n+++ %1 version %3\n").arg(name).arg(a).arg(b);
    for (const Part& part : parts) {
        if (part.lines.empty()) {
            continue;
        }
        out += QStringLiteral("@@ %1 part\n").arg(part.name);
        for (const DiffLine& line : part.lines) {
            out += mark(line.kind) + line.text + QLatin1Char('\n');
        }
    }
    printOut(out);
    return exitOk;
}

int runRender(Context& context, const CommandArgs& parsed) {
    if (parsed.positional.size() != 1) {
        return usageError(QStringLiteral("prompts render takes a template's name"));
    }
    QString name = parsed.positional.first();
    QString problem;
    const auto number = splitTemplateVersion(name, parsed, &problem);
    if (!problem.isEmpty()) {
        return usageError(problem);
    }
    QHash<QString, QString> values;
    if (const auto failed = readTemplateValues(context, parsed, values)) {
        return *failed;
    }
    auto rendered = context.services.prompts().render(context.actor, name, number, values);
    if (!rendered) {
        return reportError(context, rendered.error());
    }
    if (context.json) {
        QJsonObject given;
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            given.insert(it.key(), it.value());
        }
        printJson(QJsonObject{{QStringLiteral("name"), rendered->templateName},
                              {QStringLiteral("version"), rendered->version},
                              {QStringLiteral("system"), rendered->systemText},
                              {QStringLiteral("user"), rendered->userText},
                              {QStringLiteral("provider"), rendered->settings.provider},
                              {QStringLiteral("model"), rendered->settings.model},
                              {QStringLiteral("values"), given}});
    } else if (rendered->systemText.isEmpty()) {
        printOut(rendered->userText + QLatin1Char('\n'));
    } else {
        printOut(QStringLiteral("[system]\n%1\n\n[user]\n%2\n").arg(rendered->systemText, rendered->userText));
    }
    return exitOk;
}

} // namespace

std::optional<int> readTemplateValues(Context& context, const CommandArgs& parsed, QHash<QString, QString>& values) {
    for (const QString& pair : parsed.values(QStringLiteral("var"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            return usageError(QStringLiteral("--var takes KEY=VALUE"));
        }
        values.insert(pair.left(eq), pair.mid(eq + 1));
    }
    for (const QString& pair : parsed.values(QStringLiteral("file-var"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            return usageError(QStringLiteral("--file-var takes KEY=PATH"));
        }
        auto file = loadTextFile(pair.mid(eq + 1));
        if (!file) {
            return reportError(context, file.error());
        }
        values.insert(pair.left(eq), file->content);
    }
    return std::nullopt;
}

std::optional<int> splitTemplateVersion(QString& name, const CommandArgs& parsed, QString* problem) {
    std::optional<int> version;
    const qsizetype at = name.lastIndexOf(QLatin1Char('@'));
    if (at > 0) {
        bool ok = false;
        version = name.mid(at + 1).toInt(&ok);
        if (!ok || *version < 1) {
            *problem = QStringLiteral("a version after @ is a number from 1");
            return std::nullopt;
        }
        name.truncate(at);
    }
    if (parsed.has(QStringLiteral("version"))) {
        bool ok = false;
        version = parsed.value(QStringLiteral("version")).toInt(&ok);
        if (!ok || *version < 1) {
            *problem = QStringLiteral("--version takes a number from 1");
            return std::nullopt;
        }
    }
    return version;
}

int runPrompts(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(QStringLiteral("prompts needs a subcommand: list, show, add, update, versions, diff, label, "
                                         "render, remove, export or import"));
    }
    const QString sub = args.first();
    QString problem;
    auto parsed = CommandArgs::parse(args.mid(1),
                                     {QStringLiteral("tag"), QStringLiteral("search"), QStringLiteral("sort"),
                                      QStringLiteral("version"), QStringLiteral("file"), QStringLiteral("message"),
                                      QStringLiteral("var"), QStringLiteral("file-var"), QStringLiteral("output"),
                                      QStringLiteral("format")},
                                     {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    PromptLibrary& library = context.services.prompts();
    if (sub == QLatin1StringView("list")) {
        return parsed->positional.isEmpty() ? runList(context, *parsed)
                                            : usageError(QStringLiteral("prompts list takes options only"));
    }
    if (sub == QLatin1StringView("show")) {
        return runShow(context, *parsed);
    }
    if (sub == QLatin1StringView("versions")) {
        return runVersions(context, *parsed);
    }
    if (sub == QLatin1StringView("diff")) {
        return runDiff(context, *parsed);
    }
    if (sub == QLatin1StringView("render")) {
        return runRender(context, *parsed);
    }
    if (sub == QLatin1StringView("export")) {
        return runPromptsExport(context, *parsed);
    }
    if (sub == QLatin1StringView("import")) {
        return runPromptsImport(context, *parsed);
    }
    if (sub == QLatin1StringView("add") || sub == QLatin1StringView("update")) {
        if (parsed->positional.size() != 1 || !parsed->has(QStringLiteral("file"))) {
            return usageError(QStringLiteral("prompts %1 takes a name and --file PATH (- for stdin)").arg(sub));
        }
        PromptDraft draft;
        if (const auto failed = readDraft(context, parsed->value(QStringLiteral("file")), parsed->positional.first(),
                                          parsed->value(QStringLiteral("message")), draft)) {
            return *failed;
        }
        auto saved = sub == QLatin1StringView("add") ? library.create(context.actor, draft)
                                                     : library.update(context.actor, draft.name, draft);
        if (!saved) {
            return reportError(context, saved.error());
        }
        return printTemplate(context, *saved,
                             sub == QLatin1StringView("add") ? QStringLiteral("Added") : QStringLiteral("Saved"));
    }
    if (sub == QLatin1StringView("label")) {
        bool ok = false;
        const int number = parsed->positional.value(2).toInt(&ok);
        if (parsed->positional.size() != 3 || !ok) {
            return usageError(QStringLiteral("prompts label takes a name, a label and a version number"));
        }
        if (auto set = library.setLabel(context.actor, parsed->positional[0], parsed->positional[1], number); !set) {
            return reportError(context, set.error());
        }
        auto t = library.get(context.actor, parsed->positional[0]);
        if (!t) {
            return reportError(context, t.error());
        }
        if (context.json) {
            printJson(templateJson(*t));
        } else {
            printOut(QStringLiteral("%1 of \"%2\" is version %3.\n").arg(parsed->positional[1], t->name).arg(number));
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("remove")) {
        if (parsed->positional.size() != 1) {
            return usageError(QStringLiteral("prompts remove takes a template's name"));
        }
        if (auto removed = library.remove(context.actor, parsed->positional.first()); !removed) {
            return reportError(context, removed.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("removed"), parsed->positional.first()}});
        } else {
            printOut(QStringLiteral("Removed \"%1\" with all its versions.\n").arg(parsed->positional.first()));
        }
        return exitOk;
    }
    return usageError(QStringLiteral("unknown prompts subcommand '%1'").arg(sub));
}

} // namespace Tessera::Cli
