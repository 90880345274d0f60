#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "prompts/PromptLibrary.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <vector>

namespace Tessera::Core {

class AuditLog;
class Database;

// How a library travels: Tessera JSON with every version, or a folder of Markdown files (PromptFiles.h), one per
// template (the version production points at, else the latest), so a team can keep its prompts in git.
enum class PromptFileFormat { Json, Markdown };

struct PromptImportLimits {
    static constexpr qint64 maxFileBytes = 64LL * 1024 * 1024; // a JSON file
    static constexpr qint64 maxMarkdownBytes = 1024LL * 1024;  // each Markdown file
    static constexpr int maxTemplates = 10'000;
    static constexpr int maxVersions = 1'000; // per template
};

// {"format": "tessera-prompts", "version": 1, "exported_at", "templates": [{name, description, tags, labels,
// versions: [{version, system, user, provider, model, temperature, max_tokens, author, created_at, message}]}]}
QByteArray toPromptJson(const std::vector<PromptExport>& templates, const QDateTime& exportedAt);
// Reads that form, checking all of it first (types, sizes, names, versions 1..n in order, labels that point at a
// version, every version's syntax). Errors: import.invalid naming the place ("templates[2].versions[0].user").
Result<std::vector<PromptExport>> readPromptJson(const QByteArray& bytes);

// What an import did.
struct PromptImportReport {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    QStringList names;
};

// What an export wrote.
struct PromptExportReport {
    QString path;
    PromptFileFormat format = PromptFileFormat::Json;
    int templates = 0;
    int versions = 0;
    QStringList files; // Markdown: the files written
};

// Export and import of the prompt library (core/prompts). Export needs data.export and import data.import; both
// are audited. An import is checked whole before anything is stored and runs in one transaction: a broken or
// hostile file imports nothing.
class PromptExchange final {
public:
    PromptExchange(const Database& db, PromptLibrary& library, const AuditLog& audit, const Clock& clock);

    // The templates named (all the actor may use when none) to a JSON file or into a folder of Markdown files
    // (created when missing; a file per template named after it). Errors: store.not_found, export.failed.
    Result<PromptExportReport> exportTo(const Actor& actor, const QStringList& names, const QString& path,
                                        PromptFileFormat format) const;
    // A JSON file, a Markdown file, or a folder of Markdown files (*.md, not its subfolders).
    Result<PromptImportReport> importFrom(const Actor& actor, const QString& path);
    // Templates already read (the GUI reads files first to show what will come in).
    Result<PromptImportReport> import(const Actor& actor, const std::vector<PromptExport>& templates);
    // Reads a path as importFrom does, storing nothing.
    static Result<std::vector<PromptExport>> read(const QString& path);

private:
    const Database& m_db;
    PromptLibrary& m_library;
    const AuditLog& m_audit;
    const Clock& m_clock;
};

} // namespace Tessera::Core
