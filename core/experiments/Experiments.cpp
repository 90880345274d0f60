#include "experiments/Experiments.h"

#include "experiments/Judge.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "experiments/Datasets.h"
#include "prompts/PromptLibrary.h"
#include "providers/ProviderService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

namespace Tessera::Core {

namespace {

constexpr int maxNameLength = 100;
constexpr int maxLabelLength = 40;

QString nameKey(const QString& name) {
    return name.trimmed().toCaseFolded();
}

QString target(const QString& name) {
    return QStringLiteral("experiment:") + name;
}

Status invalid(const QString& why) {
    return fail(ErrorCode::InvalidArgument, why);
}

QString variantName(const ExperimentVariant& v) {
    return v.version ? QStringLiteral("%1@%2").arg(v.templateName).arg(*v.version) : v.templateName;
}

QJsonObject toJson(const ExperimentDefinition& d) {
    QJsonArray variants;
    for (const ExperimentVariant& v : d.variants) {
        QJsonObject object{{QStringLiteral("label"), v.label},
                           {QStringLiteral("template"), v.templateName},
                           {QStringLiteral("provider"), v.provider},
                           {QStringLiteral("model"), v.model}};
        if (v.version) {
            object.insert(QStringLiteral("version"), *v.version);
        }
        variants.append(object);
    }
    QJsonArray assertions;
    for (const Assertion& a : d.assertions) {
        assertions.append(QJsonObject{{QStringLiteral("type"), assertionName(a)},
                                      {QStringLiteral("value"), a.value},
                                      {QStringLiteral("weight"), a.weight}});
    }
    QJsonObject object{{QStringLiteral("dataset"), d.dataset},     {QStringLiteral("variants"), variants},
                       {QStringLiteral("assertions"), assertions}, {QStringLiteral("concurrency"), d.concurrency},
                       {QStringLiteral("repeats"), d.repeats},     {QStringLiteral("cache"), d.useCache}};
    if (d.costCapMicros) {
        object.insert(QStringLiteral("cost_cap_micros"), double(*d.costCapMicros));
    }
    if (d.threshold) {
        object.insert(QStringLiteral("threshold"), *d.threshold);
    }
    if (!d.judgeProvider.isEmpty()) {
        QJsonObject judge{{QStringLiteral("provider"), d.judgeProvider},
                          {QStringLiteral("model"), d.judgeModel},
                          {QStringLiteral("rubric"), d.rubric},
                          {QStringLiteral("pairwise"), d.pairwise}};
        if (!d.judgeTemplate.isEmpty()) {
            judge.insert(QStringLiteral("template"), d.judgeTemplate);
        }
        if (d.judgeTemplateVersion) {
            judge.insert(QStringLiteral("template_version"), *d.judgeTemplateVersion);
        }
        object.insert(QStringLiteral("judge"), judge);
    }
    return object;
}

ExperimentDefinition fromJson(const QString& name, const QJsonObject& object) {
    ExperimentDefinition d;
    d.name = name;
    d.dataset = object.value(QLatin1StringView("dataset")).toString();
    for (const QJsonValue& value : object.value(QLatin1StringView("variants")).toArray()) {
        const QJsonObject v = value.toObject();
        ExperimentVariant variant;
        variant.label = v.value(QLatin1StringView("label")).toString();
        variant.templateName = v.value(QLatin1StringView("template")).toString();
        if (v.contains(QLatin1StringView("version"))) {
            variant.version = v.value(QLatin1StringView("version")).toInt();
        }
        variant.provider = v.value(QLatin1StringView("provider")).toString();
        variant.model = v.value(QLatin1StringView("model")).toString();
        d.variants.push_back(variant);
    }
    for (const QJsonValue& value : object.value(QLatin1StringView("assertions")).toArray()) {
        const QJsonObject a = value.toObject();
        // Stored from a parsed assertion: it parses again the same way.
        auto assertion = parseAssertion(a.value(QLatin1StringView("type")).toString() + QLatin1Char(':') +
                                        a.value(QLatin1StringView("value")).toString() + QLatin1Char(':') +
                                        QString::number(a.value(QLatin1StringView("weight")).toDouble(1.0), 'g', 17));
        if (assertion) {
            d.assertions.push_back(*assertion);
        }
    }
    if (object.contains(QLatin1StringView("threshold"))) {
        d.threshold = object.value(QLatin1StringView("threshold")).toDouble();
    }
    const QJsonObject judge = object.value(QLatin1StringView("judge")).toObject();
    d.judgeProvider = judge.value(QLatin1StringView("provider")).toString();
    d.judgeModel = judge.value(QLatin1StringView("model")).toString();
    d.rubric = judge.value(QLatin1StringView("rubric")).toString();
    d.pairwise = judge.value(QLatin1StringView("pairwise")).toBool();
    d.judgeTemplate = judge.value(QLatin1StringView("template")).toString();
    if (judge.contains(QLatin1StringView("template_version"))) {
        d.judgeTemplateVersion = judge.value(QLatin1StringView("template_version")).toInt();
    }
    d.concurrency = object.value(QLatin1StringView("concurrency")).toInt(4);
    d.repeats = object.value(QLatin1StringView("repeats")).toInt(1);
    d.useCache = object.value(QLatin1StringView("cache")).toBool(true);
    if (object.contains(QLatin1StringView("cost_cap_micros"))) {
        d.costCapMicros = qint64(object.value(QLatin1StringView("cost_cap_micros")).toDouble());
    }
    return d;
}

constexpr const char* columns = "id, name, owner_id, definition, created_at, job_id";

ExperimentInfo readInfo(const QSqlQuery& q) {
    ExperimentInfo info;
    info.id = q.value(0).toLongLong();
    info.ownerId = q.value(2).toLongLong();
    info.definition = fromJson(q.value(1).toString(), QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object());
    info.createdAt = fromStoredTime(q.value(4).toString());
    if (!q.value(5).isNull()) {
        info.jobId = q.value(5).toLongLong();
    }
    return info;
}

} // namespace

Result<ExperimentVariant> parseExperimentVariant(const QString& text) {
    const QString usage = QStringLiteral("a variant is LABEL=TEMPLATE[@VERSION],PROVIDER,MODEL");
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals <= 0) {
        return fail(invalid(QStringLiteral("\"%1\": %2").arg(text, usage)).error());
    }
    ExperimentVariant variant;
    variant.label = text.left(equals).trimmed();
    const QStringList parts = text.mid(equals + 1).split(QLatin1Char(','));
    if (parts.size() != 3 || parts[0].trimmed().isEmpty() || parts[1].trimmed().isEmpty() ||
        parts[2].trimmed().isEmpty()) {
        return fail(invalid(QStringLiteral("\"%1\": %2").arg(text, usage)).error());
    }
    QString templateName = parts[0].trimmed();
    static const QRegularExpression pinned(QStringLiteral("^(.*)@(\\d+)$"));
    if (const QRegularExpressionMatch match = pinned.match(templateName); match.hasMatch()) {
        bool ok = false;
        const int version = match.captured(2).toInt(&ok);
        if (!ok || version < 1) {
            return fail(invalid(QStringLiteral("\"%1\": a version is a number from 1").arg(text)).error());
        }
        variant.version = version;
        templateName = match.captured(1).trimmed();
    }
    variant.templateName = templateName;
    variant.provider = parts[1].trimmed();
    variant.model = parts[2].trimmed();
    return variant;
}

ExperimentService::ExperimentService(const Database& db, const Clock& clock, const AuditLog& audit,
                                     const DatasetService& datasets, const PromptLibrary& prompts,
                                     const ProviderService& providers)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_datasets(datasets)
    , m_prompts(prompts)
    , m_providers(providers) {
}

Status ExperimentService::validate(const Actor& actor, const ExperimentDefinition& d) const {
    const QString name = d.name.trimmed();
    if (name.isEmpty() || name.size() > maxNameLength || name.contains(QLatin1Char('\n'))) {
        return invalid(QStringLiteral("an experiment's name has 1 to %1 characters on one line").arg(maxNameLength));
    }
    if (int(d.variants.size()) < ExperimentLimits::minVariants ||
        int(d.variants.size()) > ExperimentLimits::maxVariants) {
        return invalid(QStringLiteral("an experiment compares %1 to %2 variants; this one has %3")
                           .arg(ExperimentLimits::minVariants)
                           .arg(ExperimentLimits::maxVariants)
                           .arg(d.variants.size()));
    }
    if (d.concurrency < 1 || d.concurrency > 64) {
        return invalid(QStringLiteral("the concurrency is from 1 to 64"));
    }
    if (d.repeats < 1 || d.repeats > ExperimentLimits::maxRepeats) {
        return invalid(QStringLiteral("the repeats are from 1 to %1").arg(ExperimentLimits::maxRepeats));
    }
    if (d.costCapMicros && *d.costCapMicros <= 0) {
        return invalid(QStringLiteral("a cost cap is an amount above 0"));
    }
    if (d.threshold && (*d.threshold < 0.0 || *d.threshold > 1.0)) {
        return invalid(QStringLiteral("the threshold is a score from 0 to 1"));
    }
    if (int(d.assertions.size()) > ExperimentLimits::maxAssertions) {
        return invalid(QStringLiteral("an experiment has at most %1 assertions").arg(ExperimentLimits::maxAssertions));
    }
    if (d.rubric.size() > ExperimentLimits::maxRubricLength) {
        return invalid(QStringLiteral("a rubric has at most %1 characters").arg(ExperimentLimits::maxRubricLength));
    }
    auto dataset = m_datasets.get(actor, d.dataset);
    if (!dataset) {
        return fail(dataset.error());
    }
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 _.-]*$"));
    QStringList labels;
    for (const ExperimentVariant& v : d.variants) {
        if (v.label.size() > maxLabelLength || !label.match(v.label).hasMatch()) {
            return invalid(QStringLiteral("\"%1\": a variant's label has up to %2 letters, digits, spaces, _, . and -")
                               .arg(v.label)
                               .arg(maxLabelLength));
        }
        if (labels.contains(v.label.toCaseFolded())) {
            return invalid(QStringLiteral("two variants are labelled \"%1\"").arg(v.label));
        }
        labels << v.label.toCaseFolded();
        const QString where = QStringLiteral("variant %1 (%2)").arg(v.label, variantName(v));
        auto problems = m_datasets.check(actor, d.dataset, v.templateName, v.version);
        if (!problems) {
            Error error = problems.error();
            error.detail = where + QStringLiteral(": ") + error.detail;
            return fail(error);
        }
        if (!problems->empty()) {
            QStringList said;
            for (const DatasetProblem& p : *problems) {
                QStringList rows;
                for (const int row : p.rows) {
                    rows << QString::number(row);
                }
                const QString more = p.count > qint64(p.rows.size())
                                         ? QStringLiteral(" and %1 more").arg(p.count - qint64(p.rows.size()))
                                         : QString();
                said
                    << (p.message == QLatin1StringView("missing")
                            ? QStringLiteral("%1 is missing in rows %2%3")
                                  .arg(p.variable, rows.join(QStringLiteral(", ")), more)
                            : QStringLiteral("%1, in rows %2%3").arg(p.message, rows.join(QStringLiteral(", ")), more));
            }
            return invalid(QStringLiteral("%1: the dataset %2 cannot fill the template: %3")
                               .arg(where, dataset->name, said.join(QStringLiteral("; "))));
        }
        auto provider = m_providers.find(actor, v.provider);
        if (!provider) {
            Error error = provider.error();
            error.detail = where + QStringLiteral(": ") + error.detail;
            return fail(error);
        }
        if (!actor.allowsModel(v.provider, v.model)) {
            return fail(ErrorCode::AuthForbidden,
                        QStringLiteral("%1: your role may not use %2 of %3").arg(where, v.model, v.provider));
        }
    }
    if (!d.judgeProvider.isEmpty()) {
        if (auto judge = m_providers.find(actor, d.judgeProvider); !judge) {
            return fail(judge.error());
        }
        if (d.judgeModel.isEmpty() || !actor.allowsModel(d.judgeProvider, d.judgeModel)) {
            return fail(ErrorCode::AuthForbidden,
                        QStringLiteral("the judge: your role may not use %1 of %2").arg(d.judgeModel, d.judgeProvider));
        }
        if (!d.judgeTemplate.isEmpty()) {
            // The judge's own prompt: a template the owner may use, with no variables but the judge's.
            auto version = m_prompts.version(actor, d.judgeTemplate, d.judgeTemplateVersion);
            if (!version) {
                Error error = version.error();
                error.detail = QStringLiteral("the judge's template: ") + error.detail;
                return fail(error);
            }
            auto parsed = parsePrompt(version->systemText, version->userText);
            if (!parsed) {
                return fail(parsed.error());
            }
            for (const TemplateVariable& variable : parsed->variables) {
                if (!JudgePrompts::gradingVariables.contains(variable.name)) {
                    return invalid(QStringLiteral("the judge's template %1 uses {{%2}}; it may use only %3")
                                       .arg(d.judgeTemplate, variable.name,
                                            JudgePrompts::gradingVariables.join(QStringLiteral(", "))));
                }
            }
        }
    } else if (d.pairwise || !d.judgeTemplate.isEmpty() || !d.rubric.isEmpty()) {
        return invalid(QStringLiteral("a rubric, a judge's template and pairwise judging need a judge"));
    }
    return {};
}

Result<ExperimentInfo> ExperimentService::create(const Actor& actor, const ExperimentDefinition& definition) {
    const QString action = QStringLiteral("experiment.create");
    const QString name = definition.name.trimmed();
    if (auto allowed = require(actor, Permission::ExperimentsRun); !allowed) {
        (void)m_audit.record(actor, {action, target(name), AuditOutcome::Denied,
                                     QStringLiteral("lacks experiments.run"), allowed.error().correlationId});
        return fail(allowed.error());
    }
    if (auto valid = validate(actor, definition); !valid) {
        return fail(valid.error());
    }
    auto dataset = m_datasets.get(actor, definition.dataset);
    if (!dataset) {
        return fail(dataset.error());
    }
    ExperimentDefinition stored = definition;
    stored.name = name;
    stored.dataset = dataset->name;
    const QString now = toStoredTime(m_clock.nowUtc());
    auto saved = m_db.transaction([&]() -> Status {
        {
            auto taken = m_db.exec(QStringLiteral("SELECT 1 FROM experiments WHERE name_key = ?"), {nameKey(name)});
            if (!taken) {
                return fail(taken.error());
            }
            if (taken->next()) {
                return fail(ErrorCode::AlreadyExists, QStringLiteral("an experiment named \"%1\" exists").arg(name));
            }
        }
        {
            auto inserted =
                m_db.exec(QStringLiteral("INSERT INTO experiments (name, name_key, owner_id, dataset_id, "
                                         "definition, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                          {name, nameKey(name), actor.userId, dataset->id,
                           QString::fromUtf8(QJsonDocument(toJson(stored)).toJson(QJsonDocument::Compact)), now});
            if (!inserted) {
                return fail(inserted.error());
            }
        }
        QStringList variants;
        for (const ExperimentVariant& v : stored.variants) {
            variants << QStringLiteral("%1=%2,%3,%4").arg(v.label, variantName(v), v.provider, v.model);
        }
        return m_audit.record(actor,
                              {action,
                               target(name),
                               AuditOutcome::Success,
                               QStringLiteral("dataset %1; %2").arg(dataset->name, variants.join(QStringLiteral("; "))),
                               {}});
    });
    if (!saved) {
        return fail(saved.error());
    }
    return get(actor, name);
}

Result<std::vector<ExperimentInfo>> ExperimentService::list(const Actor& actor) const {
    if (auto allowed = require(actor, Permission::ExperimentsRun); !allowed) {
        return fail(allowed.error());
    }
    auto query = m_db.exec(QStringLiteral("SELECT %1 FROM experiments WHERE owner_id = ? ORDER BY name_key")
                               .arg(QLatin1StringView(columns)),
                           {actor.userId});
    if (!query) {
        return fail(query.error());
    }
    std::vector<ExperimentInfo> all;
    while (query->next()) {
        all.push_back(readInfo(*query));
    }
    return all;
}

Result<ExperimentInfo> ExperimentService::get(const Actor& actor, const QString& name) const {
    if (auto allowed = require(actor, Permission::ExperimentsRun); !allowed) {
        return fail(allowed.error());
    }
    auto query = m_db.exec(QStringLiteral("SELECT %1 FROM experiments WHERE name_key = ? AND owner_id = ?")
                               .arg(QLatin1StringView(columns)),
                           {nameKey(name), actor.userId});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("you have no experiment named \"%1\"").arg(name.trimmed()));
    }
    return readInfo(*query);
}

Status ExperimentService::remove(const Actor& actor, const QString& name) {
    auto found = get(actor, name);
    if (!found) {
        return fail(found.error());
    }
    return m_db.transaction([&]() -> Status {
        if (auto removed = m_db.exec(QStringLiteral("DELETE FROM experiments WHERE id = ?"), {found->id}); !removed) {
            return fail(removed.error());
        }
        return m_audit.record(
            actor,
            {QStringLiteral("experiment.remove"), target(found->definition.name), AuditOutcome::Success, {}, {}});
    });
}

} // namespace Tessera::Core
