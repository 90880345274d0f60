#include "prompts/PromptExchange.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "exchange/ChatGptImport.h"
#include "prompts/PromptFiles.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <cmath>

namespace Tessera::Core {

namespace {

const QString kFormat = QStringLiteral("tessera-prompts");
constexpr int kVersion = 1;

// A place in the file and what is wrong there.
Status problem(const QString& place, const QString& what) {
    return fail(importProblem(place, what));
}

Result<QString> text(const QJsonObject& object, const QString& place, const char* key, bool required,
                     qsizetype maxLength) {
    const QJsonValue value = object.value(QLatin1StringView(key));
    const QString at = place + QLatin1Char('.') + QLatin1StringView(key);
    if (value.isUndefined() || value.isNull()) {
        if (required) {
            return fail(problem(at, QStringLiteral("missing")).error());
        }
        return QString();
    }
    if (!value.isString()) {
        return fail(problem(at, QStringLiteral("not text")).error());
    }
    if (value.toString().size() > maxLength) {
        return fail(problem(at, QStringLiteral("longer than %1 characters").arg(maxLength)).error());
    }
    return value.toString();
}

Result<std::optional<double>> number(const QJsonObject& object, const QString& place, const char* key) {
    const QJsonValue value = object.value(QLatin1StringView(key));
    if (value.isUndefined() || value.isNull()) {
        return std::optional<double>();
    }
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        return fail(problem(place + QLatin1Char('.') + QLatin1StringView(key), QStringLiteral("not a number")).error());
    }
    return std::optional<double>(value.toDouble());
}

Result<PromptVersion> readVersion(const QJsonValue& value, const QString& place, int expected) {
    if (!value.isObject()) {
        return fail(problem(place, QStringLiteral("not an object")).error());
    }
    const QJsonObject object = value.toObject();
    PromptVersion v;
    auto numbered = number(object, place, "version");
    if (!numbered) {
        return fail(numbered.error());
    }
    if (*numbered && **numbered != double(expected)) {
        return fail(problem(place + QStringLiteral(".version"),
                            QStringLiteral("versions are numbered 1, 2, 3… in order; expected %1").arg(expected))
                        .error());
    }
    v.number = expected;
    auto system = text(object, place, "system", false, PromptLibrary::maxTextLength);
    auto user = text(object, place, "user", true, PromptLibrary::maxTextLength);
    auto provider = text(object, place, "provider", false, 200);
    auto model = text(object, place, "model", false, 200);
    auto author = text(object, place, "author", false, 200);
    auto message = text(object, place, "message", false, 2'000);
    auto created = text(object, place, "created_at", false, 64);
    auto temperature = number(object, place, "temperature");
    auto maxTokens = number(object, place, "max_tokens");
    for (const auto* r : {&system, &user, &provider, &model, &author, &message, &created}) {
        if (!*r) {
            return fail(r->error());
        }
    }
    if (!temperature || !maxTokens) {
        return fail(!temperature ? temperature.error() : maxTokens.error());
    }
    v.systemText = *system;
    v.userText = *user;
    v.settings.provider = *provider;
    v.settings.model = *model;
    v.author = *author;
    v.message = *message;
    if (!created->isEmpty()) {
        v.createdAt = QDateTime::fromString(*created, Qt::ISODateWithMs);
        if (!v.createdAt.isValid()) {
            return fail(problem(place + QStringLiteral(".created_at"), QStringLiteral("not a date")).error());
        }
    }
    if (*temperature) {
        if (**temperature < 0.0 || **temperature > 2.0) {
            return fail(problem(place + QStringLiteral(".temperature"), QStringLiteral("not between 0 and 2")).error());
        }
        v.settings.temperature = **temperature;
    }
    if (*maxTokens) {
        if (**maxTokens != std::floor(**maxTokens) || **maxTokens < 1 || **maxTokens > 10'000'000) {
            return fail(
                problem(place + QStringLiteral(".max_tokens"), QStringLiteral("not a whole number of tokens")).error());
        }
        v.settings.maxTokens = int(**maxTokens);
    }
    if (auto parsed = parsePrompt(v.systemText, v.userText); !parsed) {
        return fail(problem(place, parsed.error().detail).error());
    }
    return v;
}

Result<PromptExport> readTemplate(const QJsonValue& value, const QString& place) {
    if (!value.isObject()) {
        return fail(problem(place, QStringLiteral("not an object")).error());
    }
    const QJsonObject object = value.toObject();
    PromptExport out;
    auto name = text(object, place, "name", true, PromptLibrary::maxNameLength);
    auto description = text(object, place, "description", false, 2'000);
    if (!name || !description) {
        return fail(!name ? name.error() : description.error());
    }
    if (name->trimmed().isEmpty()) {
        return fail(problem(place + QStringLiteral(".name"), QStringLiteral("empty")).error());
    }
    out.info.name = name->trimmed();
    out.info.description = *description;
    const QJsonValue tags = object.value(QLatin1StringView("tags"));
    if (!tags.isUndefined() && !tags.isArray()) {
        return fail(problem(place + QStringLiteral(".tags"), QStringLiteral("not a list")).error());
    }
    const QJsonArray tagList = tags.toArray();
    if (tagList.size() > 50) {
        return fail(problem(place + QStringLiteral(".tags"), QStringLiteral("more than 50 tags")).error());
    }
    for (qsizetype i = 0; i < tagList.size(); ++i) {
        if (!tagList[i].isString() || tagList[i].toString().size() > 50 ||
            tagList[i].toString().contains(QLatin1Char(','))) {
            return fail(problem(place + QStringLiteral(".tags[%1]").arg(i),
                                QStringLiteral("not a tag (text of at most 50 characters, no comma)"))
                            .error());
        }
        out.info.tags << tagList[i].toString();
    }
    const QJsonValue versions = object.value(QLatin1StringView("versions"));
    if (!versions.isArray() || versions.toArray().isEmpty()) {
        return fail(
            problem(place + QStringLiteral(".versions"), QStringLiteral("missing, empty or not a list")).error());
    }
    const QJsonArray versionList = versions.toArray();
    if (versionList.size() > PromptImportLimits::maxVersions) {
        return fail(problem(place + QStringLiteral(".versions"),
                            QStringLiteral("more than %1 versions").arg(PromptImportLimits::maxVersions))
                        .error());
    }
    for (qsizetype i = 0; i < versionList.size(); ++i) {
        auto v = readVersion(versionList[i], place + QStringLiteral(".versions[%1]").arg(i), int(i) + 1);
        if (!v) {
            return fail(v.error());
        }
        out.versions.push_back(std::move(*v));
    }
    const QJsonValue labels = object.value(QLatin1StringView("labels"));
    if (!labels.isUndefined() && !labels.isObject()) {
        return fail(problem(place + QStringLiteral(".labels"), QStringLiteral("not an object")).error());
    }
    static const QRegularExpression labelPattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,39}$"));
    const QJsonObject labelObject = labels.toObject();
    for (auto it = labelObject.begin(); it != labelObject.end(); ++it) {
        const QString at = place + QStringLiteral(".labels.") + it.key().left(40);
        if (!labelPattern.match(it.key()).hasMatch()) {
            return fail(problem(at, QStringLiteral("not a label (lower-case letters, digits, - and _)")).error());
        }
        const double target = it.value().toDouble(-1);
        if (!it.value().isDouble() || target != std::floor(target) || target < 1 ||
            target > double(out.versions.size())) {
            return fail(problem(at, QStringLiteral("points at no version of the file")).error());
        }
        if (it.key() != QLatin1StringView("latest")) {
            out.info.labels.insert(it.key(), int(target));
        }
    }
    out.info.latestVersion = int(out.versions.size());
    return out;
}

// A file name for a template: its name with what file systems refuse replaced, and a number when taken.
QString fileNameFor(const QString& name, QSet<QString>& taken) {
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]"));
    QString base = QString(name).replace(unsafe, QStringLiteral("-")).trimmed();
    while (base.startsWith(QLatin1Char('.'))) {
        base.remove(0, 1);
    }
    if (base.isEmpty()) {
        base = QStringLiteral("template");
    }
    base = base.left(120);
    QString candidate = base + QStringLiteral(".md");
    for (int n = 2; taken.contains(candidate.toLower()); ++n) {
        candidate = QStringLiteral("%1 (%2).md").arg(base).arg(n);
    }
    taken.insert(candidate.toLower());
    return candidate;
}

Result<PromptExport> readMarkdownFile(const QString& path, const QString& where) {
    QFile file(path);
    if (file.size() > PromptImportLimits::maxMarkdownBytes) {
        return fail(problem(where, QStringLiteral("larger than 1 MB")).error());
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(problem(where, QStringLiteral("cannot be read: %1").arg(file.errorString())).error());
    }
    const QByteArray bytes = file.read(PromptImportLimits::maxMarkdownBytes + 1);
    auto draft = readPromptMarkdown(QString::fromUtf8(bytes), where);
    if (!draft) {
        Error error = importProblem(where, draft.error().detail);
        error.detail = draft.error().detail; // it names the file and line already
        error.subject = error.detail;
        return fail(error);
    }
    PromptExport out;
    out.info.name = draft->name.trimmed().isEmpty() ? QFileInfo(path).completeBaseName() : draft->name.trimmed();
    out.info.description = draft->description;
    out.info.tags = draft->tags;
    PromptVersion v;
    v.number = 1;
    v.systemText = draft->systemText;
    v.userText = draft->userText;
    v.settings = draft->settings;
    v.message = draft->message;
    out.versions.push_back(std::move(v));
    out.info.latestVersion = 1;
    return out;
}

Status checkNames(const std::vector<PromptExport>& templates) {
    QSet<QString> seen;
    for (const PromptExport& t : templates) {
        const QString key = t.info.name.trimmed().toCaseFolded();
        if (seen.contains(key)) {
            return problem(t.info.name, QStringLiteral("the name comes twice in what is imported"));
        }
        seen.insert(key);
    }
    if (templates.size() > std::size_t(PromptImportLimits::maxTemplates)) {
        return problem(QStringLiteral("templates"),
                       QStringLiteral("more than %1 templates").arg(PromptImportLimits::maxTemplates));
    }
    return {};
}

} // namespace

QByteArray toPromptJson(const std::vector<PromptExport>& templates, const QDateTime& exportedAt) {
    QJsonArray list;
    for (const PromptExport& t : templates) {
        QJsonArray versions;
        for (const PromptVersion& v : t.versions) {
            QJsonObject object{{QStringLiteral("version"), v.number},
                               {QStringLiteral("user"), v.userText},
                               {QStringLiteral("author"), v.author},
                               {QStringLiteral("created_at"), toStoredTime(v.createdAt)},
                               {QStringLiteral("message"), v.message}};
            if (!v.systemText.isEmpty()) {
                object.insert(QStringLiteral("system"), v.systemText);
            }
            if (!v.settings.provider.isEmpty()) {
                object.insert(QStringLiteral("provider"), v.settings.provider);
            }
            if (!v.settings.model.isEmpty()) {
                object.insert(QStringLiteral("model"), v.settings.model);
            }
            if (v.settings.temperature) {
                object.insert(QStringLiteral("temperature"), *v.settings.temperature);
            }
            if (v.settings.maxTokens) {
                object.insert(QStringLiteral("max_tokens"), *v.settings.maxTokens);
            }
            versions.append(object);
        }
        QJsonObject labels;
        for (auto it = t.info.labels.begin(); it != t.info.labels.end(); ++it) {
            labels.insert(it.key(), it.value());
        }
        list.append(QJsonObject{{QStringLiteral("name"), t.info.name},
                                {QStringLiteral("description"), t.info.description},
                                {QStringLiteral("tags"), QJsonArray::fromStringList(t.info.tags)},
                                {QStringLiteral("labels"), labels},
                                {QStringLiteral("versions"), versions}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), kFormat},
                                     {QStringLiteral("version"), kVersion},
                                     {QStringLiteral("exported_at"), toStoredTime(exportedAt)},
                                     {QStringLiteral("templates"), list}})
        .toJson(QJsonDocument::Indented);
}

Result<std::vector<PromptExport>> readPromptJson(const QByteArray& bytes) {
    if (bytes.size() > PromptImportLimits::maxFileBytes) {
        return fail(problem(QStringLiteral("file"), QStringLiteral("larger than 64 MB")).error());
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(
            problem(QStringLiteral("file"),
                    QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset))
                .error());
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(QLatin1StringView("format")).toString() != kFormat) {
        return fail(
            problem(QStringLiteral("file"), QStringLiteral("not a Tessera prompt library (format %1)").arg(kFormat))
                .error());
    }
    if (root.value(QLatin1StringView("version")).toInt(-1) != kVersion) {
        return fail(
            problem(QStringLiteral("version"),
                    QStringLiteral("not a version this Tessera reads (it reads %1); a newer Tessera may").arg(kVersion))
                .error());
    }
    const QJsonValue list = root.value(QLatin1StringView("templates"));
    if (!list.isArray()) {
        return fail(problem(QStringLiteral("templates"), QStringLiteral("missing or not a list")).error());
    }
    const QJsonArray array = list.toArray();
    if (array.size() > PromptImportLimits::maxTemplates) {
        return fail(problem(QStringLiteral("templates"),
                            QStringLiteral("more than %1 templates").arg(PromptImportLimits::maxTemplates))
                        .error());
    }
    std::vector<PromptExport> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto t = readTemplate(array[i], QStringLiteral("templates[%1]").arg(i));
        if (!t) {
            return fail(t.error());
        }
        out.push_back(std::move(*t));
    }
    if (auto unique = checkNames(out); !unique) {
        return fail(unique.error());
    }
    return out;
}

PromptExchange::PromptExchange(const Database& db, PromptLibrary& library, const AuditLog& audit, const Clock& clock)
    : m_db(db)
    , m_library(library)
    , m_audit(audit)
    , m_clock(clock) {
}

Result<PromptExportReport> PromptExchange::exportTo(const Actor& actor, const QStringList& names, const QString& path,
                                                    PromptFileFormat format) const {
    if (auto allowed = require(actor, Permission::DataExport); !allowed) {
        return fail(allowed.error());
    }
    auto templates = m_library.exportTemplates(actor, names);
    if (!templates) {
        return fail(templates.error());
    }
    PromptExportReport report;
    report.format = format;
    report.templates = int(templates->size());
    for (const PromptExport& t : *templates) {
        report.versions += int(t.versions.size());
    }
    const auto failed = [&path](const QString& why) {
        return fail(makeError(ErrorCode::ExportFailed, QStringLiteral("cannot write %1: %2").arg(path, why)));
    };
    if (format == PromptFileFormat::Json) {
        const QByteArray bytes = toPromptJson(*templates, m_clock.nowUtc());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            return failed(file.errorString());
        }
        report.path = QFileInfo(path).absoluteFilePath();
    } else {
        QDir folder(path);
        if (!folder.exists() && !QDir().mkpath(path)) {
            return failed(QStringLiteral("the folder cannot be made"));
        }
        report.path = folder.absolutePath();
        QSet<QString> taken;
        for (const PromptExport& t : *templates) {
            const int chosen = t.info.defaultVersion();
            const PromptVersion& v = t.versions[std::size_t(std::clamp<int>(chosen, 1, int(t.versions.size())) - 1)];
            const QString name = fileNameFor(t.info.name, taken);
            QSaveFile file(folder.filePath(name));
            const QByteArray bytes = writePromptMarkdown(t.info, v).toUtf8();
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
                return failed(QStringLiteral("%1: %2").arg(name, file.errorString()));
            }
            report.files << name;
        }
    }
    if (auto recorded = m_audit.record(
            actor, {QStringLiteral("data.export"),
                    QStringLiteral("prompts"),
                    AuditOutcome::Success,
                    QStringLiteral("%1 templates (%2 versions) as %3")
                        .arg(report.templates)
                        .arg(report.versions)
                        .arg(format == PromptFileFormat::Json ? QStringLiteral("JSON") : QStringLiteral("Markdown")),
                    {}});
        !recorded) {
        return fail(recorded.error());
    }
    return report;
}

Result<std::vector<PromptExport>> PromptExchange::read(const QString& path) {
    const QFileInfo info(path);
    if (info.isDir()) {
        const QStringList files =
            QDir(path).entryList({QStringLiteral("*.md")}, QDir::Files | QDir::Readable, QDir::Name);
        if (files.isEmpty()) {
            return fail(problem(path, QStringLiteral("holds no Markdown (*.md) files")).error());
        }
        if (files.size() > PromptImportLimits::maxTemplates) {
            return fail(
                problem(path, QStringLiteral("more than %1 files").arg(PromptImportLimits::maxTemplates)).error());
        }
        std::vector<PromptExport> out;
        for (const QString& name : files) {
            auto t = readMarkdownFile(QDir(path).filePath(name), name);
            if (!t) {
                return fail(t.error());
            }
            out.push_back(std::move(*t));
        }
        if (auto unique = checkNames(out); !unique) {
            return fail(unique.error());
        }
        return out;
    }
    if (!info.isFile()) {
        return fail(problem(path, QStringLiteral("no such file or folder")).error());
    }
    if (info.suffix().compare(QLatin1StringView("md"), Qt::CaseInsensitive) == 0) {
        auto t = readMarkdownFile(path, info.fileName());
        if (!t) {
            return fail(t.error());
        }
        return std::vector<PromptExport>{std::move(*t)};
    }
    if (info.size() > PromptImportLimits::maxFileBytes) {
        return fail(problem(path, QStringLiteral("larger than 64 MB")).error());
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(problem(path, QStringLiteral("cannot be read: %1").arg(file.errorString())).error());
    }
    return readPromptJson(file.read(PromptImportLimits::maxFileBytes + 1));
}

Result<PromptImportReport> PromptExchange::importFrom(const Actor& actor, const QString& path) {
    if (auto allowed = require(actor, Permission::DataImport); !allowed) {
        return fail(allowed.error());
    }
    auto templates = read(path);
    if (!templates) {
        return fail(templates.error());
    }
    return import(actor, *templates);
}

Result<PromptImportReport> PromptExchange::import(const Actor& actor, const std::vector<PromptExport>& templates) {
    if (auto allowed = require(actor, Permission::DataImport); !allowed) {
        return fail(allowed.error());
    }
    if (auto unique = checkNames(templates); !unique) {
        return fail(unique.error());
    }
    PromptImportReport report;
    auto status = m_db.transaction([&]() -> Status {
        for (const PromptExport& t : templates) {
            auto outcome = m_library.importTemplate(actor, t);
            if (!outcome) {
                // Named, so the person knows which template stopped the import.
                Error error = outcome.error();
                error.detail = QStringLiteral("\"%1\": %2").arg(t.info.name, error.detail);
                return fail(error);
            }
            report.names << t.info.name;
            switch (*outcome) {
            case PromptImportOutcome::Created:
                ++report.created;
                break;
            case PromptImportOutcome::Updated:
                ++report.updated;
                break;
            case PromptImportOutcome::Unchanged:
                ++report.unchanged;
                break;
            }
        }
        return m_audit.record(actor, {QStringLiteral("data.import"),
                                      QStringLiteral("prompts"),
                                      AuditOutcome::Success,
                                      QStringLiteral("%1 templates: %2 new, %3 updated, %4 unchanged")
                                          .arg(templates.size())
                                          .arg(report.created)
                                          .arg(report.updated)
                                          .arg(report.unchanged),
                                      {}});
    });
    if (!status) {
        return fail(status.error());
    }
    return report;
}

} // namespace Tessera::Core
