#include "prompts/PromptLibrary.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "storage/Database.h"

#include <QCollator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>

namespace Tessera::Core {

namespace {

constexpr int maxTags = 20;
constexpr int maxTagLength = 40;
constexpr int maxDescriptionLength = 2'000;
constexpr int maxMessageLength = 2'000;

QString nameKey(const QString& name) {
    return name.trimmed().toCaseFolded();
}

QString target(const QString& name) {
    return QStringLiteral("prompt:") + name;
}

QVariant optionalDouble(const std::optional<double>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

QVariant optionalInt(const std::optional<int>& value) {
    return value ? QVariant(qint64(*value)) : QVariant(QMetaType(QMetaType::LongLong));
}

// Tags as stored: lower case, trimmed, unique, sorted.
QStringList normalisedTags(const QStringList& tags) {
    QStringList result;
    for (const QString& tag : tags) {
        const QString clean = tag.trimmed().toLower();
        if (!clean.isEmpty() && !result.contains(clean)) {
            result << clean;
        }
    }
    result.sort();
    return result;
}

Status invalid(const QString& why) {
    return fail(ErrorCode::InvalidArgument, why);
}

// Why a name cannot be a template's name, or "" when it can.
QString nameProblem(const QString& name) {
    if (name.isEmpty()) {
        return QStringLiteral("a template needs a name");
    }
    if (name.size() > PromptLibrary::maxNameLength) {
        return QStringLiteral("a template's name has at most %1 characters").arg(PromptLibrary::maxNameLength);
    }
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || c == QLatin1Char('@')) {
            return QStringLiteral("a template's name has no line breaks, control characters or @ (which names a "
                                  "version: NAME@3)");
        }
    }
    return {};
}

constexpr const char* versionColumns =
    "version, system_text, user_text, provider, model, temperature, max_tokens, author, created_at, message";

PromptVersion readVersion(const QSqlQuery& query) {
    PromptVersion v;
    v.number = query.value(0).toInt();
    v.systemText = query.value(1).toString();
    v.userText = query.value(2).toString();
    v.settings.provider = query.value(3).toString();
    v.settings.model = query.value(4).toString();
    if (!query.value(5).isNull()) {
        v.settings.temperature = query.value(5).toDouble();
    }
    if (!query.value(6).isNull()) {
        v.settings.maxTokens = query.value(6).toInt();
    }
    v.author = query.value(7).toString();
    v.createdAt = fromStoredTime(query.value(8).toString());
    v.message = query.value(9).toString();
    return v;
}

} // namespace

Result<ParsedPrompt> parsePrompt(const QString& systemText, const QString& userText) {
    ParsedPrompt parsed;
    auto system = parseTemplateText(systemText);
    if (!system) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the system part, %1").arg(system.error().toString()));
    }
    auto user = parseTemplateText(userText);
    if (!user) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the user part, %1").arg(user.error().toString()));
    }
    parsed.system = std::move(*system);
    parsed.user = std::move(*user);
    parsed.variables = parsed.system.variables;
    if (auto merged = mergeTemplateVariables(parsed.variables, parsed.user.variables); !merged) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the user part, %1").arg(merged.error().toString()));
    }
    // Each part renders with the variables as the whole template declares them.
    parsed.system.variables = parsed.variables;
    parsed.user.variables = parsed.variables;
    return parsed;
}

PromptLibrary::PromptLibrary(const Database& db, const Clock& clock, const AuditLog& audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit) {
}

Result<std::vector<PromptTemplate>> PromptLibrary::read(const Actor& actor, const QString& where,
                                                        const QVariantList& values) const {
    // What the actor may see: their own, and what is shared with their role.
    const QString visible =
        QStringLiteral("(t.owner_id = ? OR EXISTS (SELECT 1 FROM prompt_shares s WHERE s.template_id = t.id AND "
                       "s.role_id = ?))");
    QVariantList all{actor.userId, actor.roleId};
    all += values;
    auto query = m_db.exec(
        QStringLiteral("SELECT t.id, t.name, t.description, t.tags, t.owner_id, a.username, t.created_at, "
                       "t.updated_at, t.last_used_at, t.use_count, (SELECT MAX(v.version) FROM prompt_versions v "
                       "WHERE v.template_id = t.id) FROM prompt_templates t LEFT JOIN accounts a ON a.id = t.owner_id "
                       "WHERE ") +
            visible + where + QStringLiteral(" ORDER BY t.id"),
        all);
    if (!query) {
        return fail(query.error());
    }
    std::vector<PromptTemplate> found;
    std::map<qint64, std::size_t> byId;
    while (query->next()) {
        PromptTemplate t;
        t.id = query->value(0).toLongLong();
        t.name = query->value(1).toString();
        t.description = query->value(2).toString();
        t.tags = query->value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        t.ownerId = query->value(4).toLongLong();
        t.ownerName = query->value(5).toString();
        t.createdAt = fromStoredTime(query->value(6).toString());
        t.updatedAt = fromStoredTime(query->value(7).toString());
        if (!query->value(8).isNull()) {
            t.lastUsedAt = fromStoredTime(query->value(8).toString());
        }
        t.useCount = query->value(9).toLongLong();
        t.latestVersion = query->value(10).toInt();
        t.canEdit = t.ownerId == actor.userId;
        byId[t.id] = found.size();
        found.push_back(std::move(t));
    }
    if (found.empty()) {
        return found;
    }
    // Their labels and shares, in one query each.
    auto labels = m_db.exec(QStringLiteral("SELECT l.template_id, l.label, l.version FROM prompt_labels l JOIN "
                                           "prompt_templates t ON t.id = l.template_id WHERE ") +
                                visible + where,
                            all);
    if (!labels) {
        return fail(labels.error());
    }
    while (labels->next()) {
        const auto at = byId.find(labels->value(0).toLongLong());
        if (at != byId.end()) {
            found[at->second].labels.insert(labels->value(1).toString(), labels->value(2).toInt());
        }
    }
    auto shares = m_db.exec(QStringLiteral("SELECT p.template_id, p.role_id, r.name, p.can_edit FROM prompt_shares p "
                                           "JOIN prompt_templates t ON t.id = p.template_id LEFT JOIN roles r ON "
                                           "r.id = p.role_id WHERE ") +
                                visible + where + QStringLiteral(" ORDER BY r.name"),
                            all);
    if (!shares) {
        return fail(shares.error());
    }
    while (shares->next()) {
        const auto at = byId.find(shares->value(0).toLongLong());
        if (at == byId.end()) {
            continue;
        }
        PromptTemplate& t = found[at->second];
        PromptShare share{shares->value(1).toLongLong(), shares->value(2).toString(), shares->value(3).toInt() != 0};
        if (share.roleId == actor.roleId && share.canEdit) {
            t.canEdit = true;
        }
        t.shares.push_back(std::move(share));
    }
    return found;
}

Result<std::vector<PromptTemplate>> PromptLibrary::list(const Actor& actor, const PromptQuery& query) const {
    QString where;
    QVariantList values;
    if (query.ownerId) {
        where += QStringLiteral(" AND t.owner_id = ?");
        values << *query.ownerId;
    }
    auto found = read(actor, where, values);
    if (!found) {
        return fail(found.error());
    }
    std::vector<PromptTemplate> kept;
    const QString tag = query.tag.trimmed().toLower();
    const QStringList words = query.search.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (PromptTemplate& t : *found) {
        if (!tag.isEmpty() && !t.tags.contains(tag)) {
            continue;
        }
        if (!words.isEmpty()) {
            QString haystack =
                QString(t.name + QLatin1Char('\n') + t.description + QLatin1Char('\n') + t.tags.join(QLatin1Char(' ')))
                    .toCaseFolded();
            const bool inMeta = std::all_of(words.begin(), words.end(),
                                            [&haystack](const QString& word) { return haystack.contains(word); });
            if (!inMeta) {
                auto latest = m_db.exec(QStringLiteral("SELECT system_text, user_text FROM prompt_versions WHERE "
                                                       "template_id = ? AND version = ?"),
                                        {t.id, t.latestVersion});
                if (!latest) {
                    return fail(latest.error());
                }
                if (latest->next()) {
                    haystack += QLatin1Char('\n') +
                                QString(latest->value(0).toString() + QLatin1Char('\n') + latest->value(1).toString())
                                    .toCaseFolded();
                }
                if (!std::all_of(words.begin(), words.end(),
                                 [&haystack](const QString& word) { return haystack.contains(word); })) {
                    continue;
                }
            }
        }
        kept.push_back(std::move(t));
    }
    // Names compare by their collation keys, made once (comparing with the collator itself is the slow part of a
    // long list).
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::vector<std::size_t> order(kept.size());
    std::vector<QCollatorSortKey> keys;
    keys.reserve(kept.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        order[i] = i;
        // Folded first: without ICU a collation key ignores the collator's case setting.
        keys.push_back(collator.sortKey(kept[i].name.toCaseFolded()));
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t ia, std::size_t ib) {
        const PromptTemplate& a = kept[ia];
        const PromptTemplate& b = kept[ib];
        switch (query.sort) {
        case PromptSort::LastUsed:
            if (a.lastUsedAt != b.lastUsedAt) {
                return !b.lastUsedAt.isValid() || (a.lastUsedAt.isValid() && a.lastUsedAt > b.lastUsedAt);
            }
            break;
        case PromptSort::MostUsed:
            if (a.useCount != b.useCount) {
                return a.useCount > b.useCount;
            }
            break;
        case PromptSort::Name:
            break;
        }
        return keys[ia].compare(keys[ib]) < 0;
    });
    std::vector<PromptTemplate> sorted;
    sorted.reserve(kept.size());
    for (std::size_t i : order) {
        sorted.push_back(std::move(kept[i]));
    }
    return sorted;
}

Result<PromptLibrary::Access> PromptLibrary::find(const Actor& actor, const QString& name) const {
    auto found = read(actor, QStringLiteral(" AND t.name_key = ?"), {nameKey(name)});
    if (!found) {
        return fail(found.error());
    }
    if (found->empty()) {
        // Another person's template that is not shared reads as missing: its name is not told.
        return fail(ErrorCode::NotFound, QStringLiteral("no template named \"%1\"").arg(name.trimmed()));
    }
    Access access;
    access.found = std::move(found->front());
    access.shared = !access.found.shares.empty();
    return access;
}

Result<PromptLibrary::Access> PromptLibrary::findEditable(const Actor& actor, const QString& name,
                                                          const QString& action) const {
    auto access = find(actor, name);
    if (!access) {
        return fail(access.error());
    }
    if (!access->found.canEdit) {
        (void)denied(actor, action, access->found.name, QStringLiteral("shared with the role to use, not to edit"));
        return fail(ErrorCode::AuthForbidden,
                    QStringLiteral("%1 may use \"%2\" but not change it").arg(actor.userName, access->found.name));
    }
    return access;
}

Result<PromptTemplate> PromptLibrary::get(const Actor& actor, const QString& name) const {
    auto access = find(actor, name);
    if (!access) {
        return fail(access.error());
    }
    return access->found;
}

Result<std::vector<PromptVersion>> PromptLibrary::versions(const Actor& actor, const QString& name) const {
    auto access = find(actor, name);
    if (!access) {
        return fail(access.error());
    }
    auto query = m_db.exec(QStringLiteral("SELECT ") + QLatin1StringView(versionColumns) +
                               QStringLiteral(" FROM prompt_versions WHERE template_id = ? ORDER BY version DESC"),
                           {access->found.id});
    if (!query) {
        return fail(query.error());
    }
    std::vector<PromptVersion> all;
    while (query->next()) {
        all.push_back(readVersion(*query));
    }
    return all;
}

Result<PromptVersion> PromptLibrary::version(const Actor& actor, const QString& name, std::optional<int> number) const {
    auto access = find(actor, name);
    if (!access) {
        return fail(access.error());
    }
    return versionOf(access->found, number);
}

Result<PromptVersion> PromptLibrary::versionOf(const PromptTemplate& found, std::optional<int> number) const {
    const int wanted = number.value_or(found.defaultVersion());
    auto query = m_db.exec(QStringLiteral("SELECT ") + QLatin1StringView(versionColumns) +
                               QStringLiteral(" FROM prompt_versions WHERE template_id = ? AND version = ?"),
                           {found.id, wanted});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("\"%1\" has no version %2 (the latest is %3)")
                                             .arg(found.name)
                                             .arg(wanted)
                                             .arg(found.latestVersion));
    }
    return readVersion(*query);
}

Status PromptLibrary::validate(const PromptDraft& draft) const {
    if (const QString problem = nameProblem(draft.name.trimmed()); !problem.isEmpty()) {
        return invalid(problem);
    }
    if (draft.userText.trimmed().isEmpty()) {
        return invalid(QStringLiteral("a template needs a user part"));
    }
    if (draft.userText.size() > maxTextLength || draft.systemText.size() > maxTextLength) {
        return invalid(QStringLiteral("each part of a template has at most %1 characters").arg(maxTextLength));
    }
    if (draft.description.size() > maxDescriptionLength || draft.message.size() > maxMessageLength) {
        return invalid(QStringLiteral("a description or message has at most %1 characters").arg(maxDescriptionLength));
    }
    const QStringList tags = normalisedTags(draft.tags);
    if (tags.size() > maxTags) {
        return invalid(QStringLiteral("a template has at most %1 tags").arg(maxTags));
    }
    for (const QString& tag : tags) {
        if (tag.size() > maxTagLength || tag.contains(QLatin1Char(','))) {
            return invalid(QStringLiteral("a tag has at most %1 characters and no comma").arg(maxTagLength));
        }
    }
    if (draft.settings.temperature && (*draft.settings.temperature < 0 || *draft.settings.temperature > 2)) {
        return invalid(QStringLiteral("the temperature is between 0 and 2"));
    }
    if (draft.settings.maxTokens && *draft.settings.maxTokens < 1) {
        return invalid(QStringLiteral("the most tokens of an answer is at least 1"));
    }
    auto parsed = parsePrompt(draft.systemText, draft.userText);
    if (!parsed) {
        return fail(parsed.error());
    }
    return {};
}

Status PromptLibrary::audit(const Actor& actor, const QString& action, const QString& name,
                            const QString& detail) const {
    return m_audit.record(actor, {action, target(name), AuditOutcome::Success, detail, {}});
}

Status PromptLibrary::denied(const Actor& actor, const QString& action, const QString& name, const QString& why) const {
    return m_audit.record(actor, {action, target(name), AuditOutcome::Denied, why, {}});
}

Result<PromptTemplate> PromptLibrary::create(const Actor& actor, const PromptDraft& draft) {
    if (auto allowed = require(actor, Permission::Chat); !allowed) {
        return fail(allowed.error());
    }
    if (auto valid = validate(draft); !valid) {
        return fail(valid.error());
    }
    const QString name = draft.name.trimmed();
    const QString now = toStoredTime(m_clock.nowUtc());
    auto status = m_db.transaction([&]() -> Status {
        auto taken = m_db.exec(QStringLiteral("SELECT 1 FROM prompt_templates WHERE name_key = ?"), {nameKey(name)});
        if (!taken) {
            return fail(taken.error());
        }
        if (taken->next()) {
            return fail(ErrorCode::AlreadyExists, QStringLiteral("a template named \"%1\" exists already").arg(name));
        }
        auto inserted = m_db.exec(
            QStringLiteral("INSERT INTO prompt_templates (name, name_key, description, tags, owner_id, created_at, "
                           "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {name, nameKey(name), draft.description.trimmed(), normalisedTags(draft.tags).join(QLatin1Char(',')),
             actor.userId, now, now});
        if (!inserted) {
            return fail(inserted.error());
        }
        if (!inserted->next()) {
            return fail(ErrorCode::StorageFailed, QStringLiteral("the new template has no id"));
        }
        const qint64 id = inserted->value(0).toLongLong();
        return insertVersion(id, 1, draft, actor.userName, now);
    });
    if (!status) {
        return fail(status.error());
    }
    return get(actor, name);
}

Result<PromptTemplate> PromptLibrary::update(const Actor& actor, const QString& name, const PromptDraft& asked) {
    const QString action = QStringLiteral("prompt.update");
    auto access = findEditable(actor, name, action);
    if (!access) {
        return fail(access.error());
    }
    PromptDraft draft = asked;
    draft.name = access->found.name;
    if (auto valid = validate(draft); !valid) {
        return fail(valid.error());
    }
    auto latest = version(actor, name, access->found.latestVersion);
    if (!latest) {
        return fail(latest.error());
    }
    const bool changed =
        latest->systemText != draft.systemText || latest->userText != draft.userText ||
        latest->settings != PromptSettings{draft.settings.provider.trimmed(), draft.settings.model.trimmed(),
                                           draft.settings.temperature, draft.settings.maxTokens};
    const QString now = toStoredTime(m_clock.nowUtc());
    const int next = access->found.latestVersion + 1;
    auto status = m_db.transaction([&]() -> Status {
        auto meta = m_db.exec(
            QStringLiteral("UPDATE prompt_templates SET description = ?, tags = ?, updated_at = ? WHERE id = ?"),
            {draft.description.trimmed(), normalisedTags(draft.tags).join(QLatin1Char(',')), now, access->found.id});
        if (!meta) {
            return fail(meta.error());
        }
        if (changed) {
            if (auto saved = insertVersion(access->found.id, next, draft, actor.userName, now); !saved) {
                return saved;
            }
        }
        if (access->shared) {
            return audit(actor, action, access->found.name,
                         changed ? QStringLiteral("version %1").arg(next) : QStringLiteral("description and tags"));
        }
        return {};
    });
    if (!status) {
        return fail(status.error());
    }
    return get(actor, name);
}

Result<PromptTemplate> PromptLibrary::restore(const Actor& actor, const QString& name, int number,
                                              const QString& message) {
    auto old = version(actor, name, number);
    if (!old) {
        return fail(old.error());
    }
    auto current = get(actor, name);
    if (!current) {
        return fail(current.error());
    }
    PromptDraft draft;
    draft.name = current->name;
    draft.description = current->description;
    draft.tags = current->tags;
    draft.systemText = old->systemText;
    draft.userText = old->userText;
    draft.settings = old->settings;
    draft.message = message.isEmpty() ? QStringLiteral("restored version %1").arg(number) : message;
    return update(actor, name, draft);
}

Status PromptLibrary::rename(const Actor& actor, const QString& name, const QString& newName) {
    const QString action = QStringLiteral("prompt.rename");
    auto access = findEditable(actor, name, action);
    if (!access) {
        return fail(access.error());
    }
    const QString clean = newName.trimmed();
    if (const QString problem = nameProblem(clean); !problem.isEmpty()) {
        return invalid(problem);
    }
    return m_db.transaction([&]() -> Status {
        auto taken = m_db.exec(QStringLiteral("SELECT id FROM prompt_templates WHERE name_key = ?"), {nameKey(clean)});
        if (!taken) {
            return fail(taken.error());
        }
        if (taken->next() && taken->value(0).toLongLong() != access->found.id) {
            return fail(ErrorCode::AlreadyExists, QStringLiteral("a template named \"%1\" exists already").arg(clean));
        }
        auto renamed =
            m_db.exec(QStringLiteral("UPDATE prompt_templates SET name = ?, name_key = ?, updated_at = ? WHERE id = ?"),
                      {clean, nameKey(clean), toStoredTime(m_clock.nowUtc()), access->found.id});
        if (!renamed) {
            return fail(renamed.error());
        }
        // Messages sent from it, and so statistics by template, follow the new name.
        if (auto followed = m_db.exec(QStringLiteral("UPDATE messages SET template_name = ? WHERE template_id = ?"),
                                      {clean, access->found.id});
            !followed) {
            return fail(followed.error());
        }
        return access->shared ? audit(actor, action, clean, QStringLiteral("was %1").arg(access->found.name))
                              : Status{};
    });
}

Status PromptLibrary::setLabel(const Actor& actor, const QString& name, const QString& label, int number) {
    const QString action = QStringLiteral("prompt.label");
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,39}$"));
    const QString clean = label.trimmed();
    if (clean == QLatin1StringView("latest")) {
        return invalid(QStringLiteral("latest always names the newest version: it cannot be moved"));
    }
    if (!pattern.match(clean).hasMatch()) {
        return invalid(QStringLiteral("a label is 1 to 40 lower-case letters, digits, - and _, starting with a letter "
                                      "or digit"));
    }
    auto access = findEditable(actor, name, action);
    if (!access) {
        return fail(access.error());
    }
    if (number < 1 || number > access->found.latestVersion) {
        return fail(
            ErrorCode::NotFound,
            QStringLiteral("\"%1\" has versions 1 to %2").arg(access->found.name).arg(access->found.latestVersion));
    }
    return m_db.transaction([&]() -> Status {
        auto cleared = m_db.exec(QStringLiteral("DELETE FROM prompt_labels WHERE template_id = ? AND label = ?"),
                                 {access->found.id, clean});
        if (!cleared) {
            return fail(cleared.error());
        }
        auto set = m_db.exec(QStringLiteral("INSERT INTO prompt_labels (template_id, label, version, moved_by, "
                                            "moved_at) VALUES (?, ?, ?, ?, ?)"),
                             {access->found.id, clean, number, actor.userName, toStoredTime(m_clock.nowUtc())});
        if (!set) {
            return fail(set.error());
        }
        return access->shared
                   ? audit(actor, action, access->found.name, QStringLiteral("%1 → version %2").arg(clean).arg(number))
                   : Status{};
    });
}

Status PromptLibrary::removeLabel(const Actor& actor, const QString& name, const QString& label) {
    const QString action = QStringLiteral("prompt.label");
    auto access = findEditable(actor, name, action);
    if (!access) {
        return fail(access.error());
    }
    if (!access->found.labels.contains(label.trimmed())) {
        return fail(ErrorCode::NotFound,
                    QStringLiteral("\"%1\" has no label %2").arg(access->found.name, label.trimmed()));
    }
    return m_db.transaction([&]() -> Status {
        auto cleared = m_db.exec(QStringLiteral("DELETE FROM prompt_labels WHERE template_id = ? AND label = ?"),
                                 {access->found.id, label.trimmed()});
        if (!cleared) {
            return fail(cleared.error());
        }
        return access->shared
                   ? audit(actor, action, access->found.name, QStringLiteral("%1 removed").arg(label.trimmed()))
                   : Status{};
    });
}

Status PromptLibrary::share(const Actor& actor, const QString& name, qint64 roleId, std::optional<bool> canEdit) {
    const QString action = QStringLiteral("prompt.share");
    if (auto allowed = require(actor, Permission::PromptsShare); !allowed) {
        (void)denied(actor, action, name.trimmed(), QStringLiteral("lacks prompts.share"));
        return allowed;
    }
    auto access = findEditable(actor, name, action);
    if (!access) {
        return fail(access.error());
    }
    auto role = m_db.exec(QStringLiteral("SELECT name FROM roles WHERE id = ?"), {roleId});
    if (!role) {
        return fail(role.error());
    }
    if (!role->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("no role %1").arg(roleId));
    }
    const QString roleName = role->value(0).toString();
    return m_db.transaction([&]() -> Status {
        auto cleared = m_db.exec(QStringLiteral("DELETE FROM prompt_shares WHERE template_id = ? AND role_id = ?"),
                                 {access->found.id, roleId});
        if (!cleared) {
            return fail(cleared.error());
        }
        if (canEdit) {
            auto shared =
                m_db.exec(QStringLiteral("INSERT INTO prompt_shares (template_id, role_id, can_edit) VALUES (?, ?, ?)"),
                          {access->found.id, roleId, *canEdit ? 1 : 0});
            if (!shared) {
                return fail(shared.error());
            }
        }
        return audit(actor, action, access->found.name,
                     !canEdit   ? QStringLiteral("no longer shared with %1").arg(roleName)
                     : *canEdit ? QStringLiteral("shared with %1 to edit").arg(roleName)
                                : QStringLiteral("shared with %1 to use").arg(roleName));
    });
}

Status PromptLibrary::remove(const Actor& actor, const QString& name) {
    const QString action = QStringLiteral("prompt.remove");
    auto access = find(actor, name);
    if (!access) {
        return fail(access.error());
    }
    const bool owner = access->found.ownerId == actor.userId;
    if (!owner && !(access->found.canEdit && actor.may(Permission::PromptsShare))) {
        (void)denied(actor, action, access->found.name, QStringLiteral("not the owner"));
        return fail(ErrorCode::AuthForbidden,
                    QStringLiteral("only the owner of \"%1\" removes it").arg(access->found.name));
    }
    return m_db.transaction([&]() -> Status {
        // Versions, labels and shares go with it (ON DELETE CASCADE).
        auto removed = m_db.exec(QStringLiteral("DELETE FROM prompt_templates WHERE id = ?"), {access->found.id});
        if (!removed) {
            return fail(removed.error());
        }
        return access->shared ? audit(actor, action, access->found.name,
                                      QStringLiteral("%1 versions").arg(access->found.latestVersion))
                              : Status{};
    });
}

TemplateUse RenderedPrompt::use() const {
    TemplateUse use;
    use.templateId = templateId;
    use.name = templateName;
    use.version = version;
    for (auto it = values.begin(); it != values.end(); ++it) {
        use.values.insert(it.key(), it.value());
    }
    return use;
}

Result<RenderedPrompt> PromptLibrary::render(const Actor& actor, const QString& name, std::optional<int> number,
                                             const QHash<QString, QString>& values) const {
    auto access = find(actor, name);
    if (!access) {
        return fail(access.error());
    }
    auto chosen = versionOf(access->found, number);
    if (!chosen) {
        return fail(chosen.error());
    }
    auto parsed = parsePrompt(chosen->systemText, chosen->userText);
    if (!parsed) {
        return fail(parsed.error());
    }
    RenderedPrompt rendered;
    rendered.templateId = access->found.id;
    rendered.templateName = access->found.name;
    rendered.version = chosen->number;
    rendered.settings = chosen->settings;
    rendered.values = values;
    std::vector<TemplateValueProblem> problems;
    for (auto [text, into] :
         {std::pair{&parsed->system, &rendered.systemText}, std::pair{&parsed->user, &rendered.userText}}) {
        auto out = renderTemplateText(*text, values);
        if (out) {
            *into = *out;
            continue;
        }
        for (const TemplateValueProblem& problem : out.error()) {
            if (std::none_of(problems.begin(), problems.end(),
                             [&problem](const auto& known) { return known.variable == problem.variable; })) {
                problems.push_back(problem);
            }
        }
    }
    if (!problems.empty()) {
        QStringList messages;
        for (const TemplateValueProblem& problem : problems) {
            messages << problem.message; // each names its variable
        }
        return fail(ErrorCode::InvalidArgument, messages.join(QStringLiteral("; ")));
    }
    return rendered;
}

Status PromptLibrary::markUsed(const Actor& actor, const QString& name) {
    auto access = find(actor, name);
    if (!access) {
        return fail(access.error());
    }
    auto counted = m_db.exec(
        QStringLiteral("UPDATE prompt_templates SET use_count = use_count + 1, last_used_at = ? WHERE id = ?"),
        {toStoredTime(m_clock.nowUtc()), access->found.id});
    if (!counted) {
        return fail(counted.error());
    }
    return {};
}

Status PromptLibrary::insertVersion(qint64 templateId, int number, const PromptDraft& draft, const QString& author,
                                    const QString& at) const {
    auto saved =
        m_db.exec(QStringLiteral(
                      "INSERT INTO prompt_versions (template_id, version, system_text, user_text, provider, model, "
                      "temperature, max_tokens, author, created_at, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {templateId, number, draft.systemText, draft.userText, draft.settings.provider.trimmed(),
                   draft.settings.model.trimmed(), optionalDouble(draft.settings.temperature),
                   optionalInt(draft.settings.maxTokens), author, at, draft.message.trimmed()});
    return saved ? Status{} : fail(saved.error());
}

} // namespace Tessera::Core
