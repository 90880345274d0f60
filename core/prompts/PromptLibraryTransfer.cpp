// The prompt library's transfers: every version of templates for export, a template imported with its versions and
// labels, and the roles a template can be shared with.
#include "prompts/PromptLibrary.h"

#include "accounts/Authorization.h"
#include "common/Clock.h"
#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace Tessera::Core {

Result<std::vector<std::pair<qint64, QString>>> PromptLibrary::shareRoles(const Actor& actor) const {
    if (auto allowed = require(actor, Permission::PromptsShare); !allowed) {
        return fail(allowed.error());
    }
    auto query = m_db.exec(QStringLiteral("SELECT id, name FROM roles ORDER BY name"));
    if (!query) {
        return fail(query.error());
    }
    std::vector<std::pair<qint64, QString>> roles;
    while (query->next()) {
        roles.emplace_back(query->value(0).toLongLong(), query->value(1).toString());
    }
    return roles;
}

Result<std::vector<PromptExport>> PromptLibrary::exportTemplates(const Actor& actor, const QStringList& names) const {
    std::vector<PromptTemplate> chosen;
    if (names.isEmpty()) {
        auto all = list(actor);
        if (!all) {
            return fail(all.error());
        }
        chosen = std::move(*all);
    } else {
        for (const QString& name : names) {
            auto one = get(actor, name);
            if (!one) {
                return fail(one.error());
            }
            chosen.push_back(std::move(*one));
        }
    }
    std::vector<PromptExport> out;
    out.reserve(chosen.size());
    for (PromptTemplate& info : chosen) {
        auto all = versions(actor, info.name);
        if (!all) {
            return fail(all.error());
        }
        std::reverse(all->begin(), all->end()); // oldest first
        out.push_back({std::move(info), std::move(*all)});
    }
    return out;
}

Result<PromptImportOutcome> PromptLibrary::importTemplate(const Actor& actor, const PromptExport& imported) {
    if (imported.versions.empty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("\"%1\" has no version").arg(imported.info.name));
    }
    const auto draftOf = [&imported](const PromptVersion& v) {
        PromptDraft draft;
        draft.name = imported.info.name;
        draft.description = imported.info.description;
        draft.tags = imported.info.tags;
        draft.systemText = v.systemText;
        draft.userText = v.userText;
        draft.settings = v.settings;
        draft.message = v.message;
        return draft;
    };
    auto existing = find(actor, imported.info.name);
    if (existing) {
        // Known here: what production (else the latest) says becomes its next version, when it differs.
        const int wanted = imported.info.labels.value(QStringLiteral("production"), int(imported.versions.size()));
        const PromptVersion& chosen =
            imported.versions[std::size_t(std::clamp<int>(wanted, 1, int(imported.versions.size())) - 1)];
        PromptDraft draft = draftOf(chosen);
        draft.message = chosen.message.isEmpty() ? QStringLiteral("imported") : chosen.message;
        const int before = existing->found.latestVersion;
        auto updated = update(actor, existing->found.name, draft);
        if (!updated) {
            return fail(updated.error());
        }
        return updated->latestVersion > before ? PromptImportOutcome::Updated : PromptImportOutcome::Unchanged;
    }
    if (existing.error().code != ErrorCode::NotFound) {
        return fail(existing.error());
    }
    for (const PromptVersion& v : imported.versions) {
        if (auto valid = validate(draftOf(v)); !valid) {
            return fail(ErrorCode::InvalidArgument, QStringLiteral("\"%1\" version %2: %3")
                                                        .arg(imported.info.name)
                                                        .arg(v.number)
                                                        .arg(valid.error().detail));
        }
    }
    auto status = m_db.transaction([&]() -> Status {
        auto created = create(actor, draftOf(imported.versions.front()));
        if (!created) {
            return fail(created.error());
        }
        const QString now = toStoredTime(m_clock.nowUtc());
        for (std::size_t i = 0; i < imported.versions.size(); ++i) {
            const PromptVersion& v = imported.versions[i];
            const QString author = v.author.trimmed().isEmpty() ? actor.userName : v.author.trimmed().left(200);
            const QString at = v.createdAt.isValid() ? toStoredTime(v.createdAt) : now;
            if (i == 0) {
                auto kept = m_db.exec(QStringLiteral("UPDATE prompt_versions SET author = ?, created_at = ? WHERE "
                                                     "template_id = ? AND version = 1"),
                                      {author, at, created->id});
                if (!kept) {
                    return fail(kept.error());
                }
                continue;
            }
            if (auto saved = insertVersion(created->id, int(i + 1), draftOf(v), author, at); !saved) {
                return saved;
            }
        }
        for (auto it = imported.info.labels.begin(); it != imported.info.labels.end(); ++it) {
            if (it.key() == QLatin1StringView("latest")) {
                continue;
            }
            if (auto labelled = setLabel(actor, created->name, it.key(), it.value()); !labelled) {
                return labelled;
            }
        }
        return {};
    });
    if (!status) {
        return fail(status.error());
    }
    return PromptImportOutcome::Created;
}

} // namespace Tessera::Core
