#pragma once

#include "chat/Message.h"
#include "common/Actor.h"
#include "common/Result.h"
#include "prompts/TemplateSyntax.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class Clock;
class Database;

// The model and parameters a version suggests (empty: the conversation's).
struct PromptSettings {
    QString provider;
    QString model;
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    bool operator==(const PromptSettings&) const = default;
};

// One saved state of a template's text and settings. Versions never change once saved.
struct PromptVersion {
    int number = 0; // 1, 2, 3, … per template
    QString systemText;
    QString userText;
    PromptSettings settings;
    QString author;
    QDateTime createdAt;
    QString message;
};

// Who a template is shared with: a role, to use it or also to edit it.
struct PromptShare {
    qint64 roleId = 0;
    QString roleName;
    bool canEdit = false;
    bool operator==(const PromptShare&) const = default;
};

struct PromptTemplate {
    qint64 id = 0;
    QString name;
    QString description;
    QStringList tags; // lower case, sorted
    qint64 ownerId = 0;
    QString ownerName;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastUsedAt; // invalid until first used
    qint64 useCount = 0;
    int latestVersion = 0;
    QMap<QString, int> labels; // production and custom labels → version ("latest" is latestVersion)
    std::vector<PromptShare> shares;
    bool canEdit = false; // for the actor who read it

    // The version used when none is named: production, else the latest.
    int defaultVersion() const { return labels.value(QStringLiteral("production"), latestVersion); }
};

// What a save writes: the template's description and tags, and a new version's text and settings.
struct PromptDraft {
    QString name;
    QString description;
    QStringList tags;
    QString systemText;
    QString userText;
    PromptSettings settings;
    QString message; // why this version
};

// A template ready to send: its version's parts with the values in, and what produced them.
struct RenderedPrompt {
    qint64 templateId = 0;
    QString templateName;
    int version = 0;
    QString systemText;
    QString userText;
    PromptSettings settings;
    QHash<QString, QString> values; // as given (defaults not included)

    // What a message sent from it records.
    TemplateUse use() const;
};

// A template with every version (oldest first), as export and import carry it.
struct PromptExport {
    PromptTemplate info; // name, description, tags and labels (owner, ids and counts are not carried)
    std::vector<PromptVersion> versions;
};

// What importing one template did.
enum class PromptImportOutcome { Created, Updated, Unchanged };

// How the list is sorted.
enum class PromptSort { Name, LastUsed, MostUsed };

struct PromptQuery {
    QString search; // words found in the name, description, tags or the latest text (all must be found)
    QString tag;
    std::optional<qint64> ownerId;
    PromptSort sort = PromptSort::Name;
};

// A version's parts parsed, with their shared variables; or the first syntax error, naming the part.
struct ParsedPrompt {
    TemplateText system;
    TemplateText user;
    std::vector<TemplateVariable> variables;
};
Result<ParsedPrompt> parsePrompt(const QString& systemText, const QString& userText);

// The prompt library (core/prompts): templates with immutable versions, labels and sharing by role. Everyone who
// may chat keeps templates of their own; a template shared with a role may be used (or also edited) by its
// members; sharing needs prompts.share. Changes to shared templates, sharing itself and removing are audited.
// In personal mode every template is simply the owner's. Names are unique in the store, whatever their case.
class PromptLibrary final {
public:
    static constexpr int maxNameLength = 100;
    static constexpr int maxTextLength = 200'000; // each part, in characters

    PromptLibrary(const Database& db, const Clock& clock, const AuditLog& audit);

    // The templates the actor may use: their own and those shared with their role.
    Result<std::vector<PromptTemplate>> list(const Actor& actor, const PromptQuery& query = {}) const;
    Result<PromptTemplate> get(const Actor& actor, const QString& name) const;
    // Every version, the newest first.
    Result<std::vector<PromptVersion>> versions(const Actor& actor, const QString& name) const;
    // One version: the one named, else production, else the latest.
    Result<PromptVersion> version(const Actor& actor, const QString& name, std::optional<int> number = {}) const;

    // A new template with its first version. Errors: input.invalid (a bad name, a syntax error naming the part, line
    // and column), store.already_exists (the name is taken).
    Result<PromptTemplate> create(const Actor& actor, const PromptDraft& draft);
    // Saves the draft as the next version (when its text or settings differ from the latest) and its description and
    // tags. Errors as create, and auth.forbidden without the right to edit.
    Result<PromptTemplate> update(const Actor& actor, const QString& name, const PromptDraft& draft);
    // Saves an old version again as the newest.
    Result<PromptTemplate> restore(const Actor& actor, const QString& name, int number, const QString& message = {});
    Status rename(const Actor& actor, const QString& name, const QString& newName);
    // Points a label at a version ("latest" moves by itself and cannot be set). Labels are lower-case letters,
    // digits, - and _.
    Status setLabel(const Actor& actor, const QString& name, const QString& label, int number);
    Status removeLabel(const Actor& actor, const QString& name, const QString& label);
    // Shares with a role (to use, or also to edit), or stops sharing (nullopt). Needs prompts.share and the right to
    // edit the template.
    Status share(const Actor& actor, const QString& name, qint64 roleId, std::optional<bool> canEdit);
    // The roles a template can be shared with (id and name, by name), for those with prompts.share.
    Result<std::vector<std::pair<qint64, QString>>> shareRoles(const Actor& actor) const;
    // Removes a template with all its versions; its owner (or an editor with prompts.share) only.
    Status remove(const Actor& actor, const QString& name);

    // Renders a version with values. Errors: input.invalid naming every missing or unfitting variable.
    Result<RenderedPrompt> render(const Actor& actor, const QString& name, std::optional<int> number,
                                  const QHash<QString, QString>& values) const;
    // Counts a use (the palette's "last used" and "most used").
    Status markUsed(const Actor& actor, const QString& name);

    // Every version of the templates named (all the actor may use when none), oldest version first.
    Result<std::vector<PromptExport>> exportTemplates(const Actor& actor, const QStringList& names) const;
    // Imports one template: a new name is created with all its versions (their authors, times and messages) and
    // labels; a name the actor may edit gets the version production points at (else the latest) as its next version
    // when that differs. The caller runs a whole import in one transaction. Errors as create and update.
    Result<PromptImportOutcome> importTemplate(const Actor& actor, const PromptExport& imported);

private:
    struct Access {
        PromptTemplate found;
        bool shared = false; // with any role: its changes are audited
    };
    Result<Access> find(const Actor& actor, const QString& name) const;
    Result<Access> findEditable(const Actor& actor, const QString& name, const QString& action) const;
    // Stores a version of a template with its author and time (stored form).
    Status insertVersion(qint64 templateId, int number, const PromptDraft& draft, const QString& author,
                         const QString& at) const;
    // The version named (else the default one) of a template read already.
    Result<PromptVersion> versionOf(const PromptTemplate& found, std::optional<int> number) const;
    Result<std::vector<PromptTemplate>> read(const Actor& actor, const QString& where,
                                             const QVariantList& values) const;
    Status validate(const PromptDraft& draft) const;
    Status audit(const Actor& actor, const QString& action, const QString& name, const QString& detail) const;
    Status denied(const Actor& actor, const QString& action, const QString& name, const QString& why) const;

    const Database& m_db;
    const Clock& m_clock;
    const AuditLog& m_audit;
};

} // namespace Tessera::Core
