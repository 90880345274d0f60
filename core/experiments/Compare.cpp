#include "experiments/Compare.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "common/CorrelationId.h"
#include "prompts/PromptLibrary.h"
#include "providers/ProviderService.h"
#include "providers/RequestRunner.h"
#include "storage/Database.h"
#include "tokenizer/TokenCounter.h"
#include "usage/BudgetGuard.h"
#include "usage/UsageLedger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace Tessera::Core {

namespace {

Error invalid(const QString& detail) {
    return makeError(ErrorCode::InvalidArgument, detail);
}

QString compact(const QJsonValue& value) {
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QJsonArray parsedArray(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

bool freePrompt(const ExperimentVariant& v) {
    return v.templateName.isEmpty() || v.templateName == QLatin1StringView("-");
}

} // namespace

CompareSession::~CompareSession() {
    for (const auto& reply : m_replies) {
        if (reply) {
            QObject::disconnect(reply.get(), nullptr, this, nullptr);
            reply->cancel();
        }
    }
}

bool CompareSession::isFinished() const {
    return std::all_of(m_answers.begin(), m_answers.end(), [](const CompareAnswer& a) { return a.done; });
}

void CompareSession::cancel() {
    const auto replies = m_replies;
    for (const auto& reply : replies) {
        if (reply) {
            reply->cancel();
        }
    }
}

Result<std::vector<PairOutcome>> voteOutcomes(const QString& choice, int count) {
    std::vector<PairOutcome> outcomes;
    const QString c = choice.trimmed().toLower();
    if (count == 2) {
        if (c == QLatin1StringView("1")) {
            outcomes.push_back({0, 1, PairOutcome::Result::FirstWins});
        } else if (c == QLatin1StringView("2")) {
            outcomes.push_back({0, 1, PairOutcome::Result::SecondWins});
        } else if (c == QLatin1StringView("tie") || c == QLatin1StringView("bad")) {
            outcomes.push_back({0, 1, PairOutcome::Result::Tie}); // both bad: neither is better
        } else {
            return fail(
                invalid(QStringLiteral("a vote between two answers is 1, 2, tie or bad, not \"%1\"").arg(choice)));
        }
        return outcomes;
    }
    if (!c.startsWith(QLatin1StringView("best:"))) {
        return fail(invalid(
            QStringLiteral("a vote among %1 answers is best:N (N from 1 to %1), not \"%2\"").arg(count).arg(choice)));
    }
    bool ok = false;
    const int best = c.mid(5).toInt(&ok);
    if (!ok || best < 1 || best > count) {
        return fail(invalid(
            QStringLiteral("a vote among %1 answers is best:N (N from 1 to %1), not \"%2\"").arg(count).arg(choice)));
    }
    for (int other = 0; other < count; ++other) {
        if (other == best - 1) {
            continue;
        }
        // The best beats each other answer; the others are not compared with each other.
        outcomes.push_back(other < best - 1 ? PairOutcome{other, best - 1, PairOutcome::Result::SecondWins}
                                            : PairOutcome{best - 1, other, PairOutcome::Result::FirstWins});
    }
    return outcomes;
}

CompareService::CompareService(const Database& db, const Clock& clock, const AuditLog& audit,
                               const PromptLibrary& prompts, const ProviderService& providers,
                               const RequestRunner& runner, const BudgetGuard* budgets, const UsageLedger* ledger)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_prompts(prompts)
    , m_providers(providers)
    , m_runner(runner)
    , m_budgets(budgets)
    , m_ledger(ledger) {
}

Result<std::unique_ptr<CompareSession>>
CompareService::start(const Actor& actor, const std::vector<ExperimentVariant>& variants, const QString& input,
                      const QHash<QString, QString>& values, bool stream) const {
    if (auto allowed = require(actor, Permission::ExperimentsRun); !allowed) {
        return fail(allowed.error());
    }
    if (int(variants.size()) < CompareLimits::minVariants || int(variants.size()) > CompareLimits::maxVariants) {
        return fail(invalid(QStringLiteral("compare takes 2 to 6 variants")));
    }
    if (input.trimmed().isEmpty()) {
        return fail(invalid(QStringLiteral("compare needs an input")));
    }
    QStringList labels;
    struct Prepared {
        ProviderConfig provider;
        ChatRequest request;
        qint64 reservation = 0;
    };
    std::vector<Prepared> prepared;
    for (const ExperimentVariant& v : variants) {
        if (v.label.trimmed().isEmpty() || labels.contains(v.label.toCaseFolded())) {
            return fail(invalid(QStringLiteral("each variant needs a label of its own (\"%1\")").arg(v.label)));
        }
        labels << v.label.toCaseFolded();
        auto provider = m_providers.find(actor, v.provider);
        if (!provider) {
            return fail(provider.error());
        }
        if (!actor.allowsModel(v.provider, v.model)) {
            return fail(ErrorCode::AuthForbidden,
                        QStringLiteral("variant %1: your role may not use %2 of %3").arg(v.label, v.model, v.provider));
        }
        Prepared p;
        p.provider = *provider;
        p.request.model = v.model;
        p.request.stream = stream;
        if (freePrompt(v)) {
            p.request.messages.push_back({Role::User, input});
        } else {
            auto version = m_prompts.version(actor, v.templateName, v.version);
            if (!version) {
                return fail(version.error());
            }
            auto parsed = parsePrompt(version->systemText, version->userText);
            if (!parsed) {
                return fail(parsed.error());
            }
            QHash<QString, QString> filled = values;
            filled.insert(QStringLiteral("input"), input);
            if (parsed->variables.size() == 1 && !values.contains(parsed->variables.front().name)) {
                filled.insert(parsed->variables.front().name, input); // the template's one variable takes the input
            }
            auto system = renderTemplateText(parsed->system, filled);
            auto user = renderTemplateText(parsed->user, filled);
            if (!system || !user) {
                const auto& problems = !system ? system.error() : user.error();
                return fail(invalid(
                    QStringLiteral("variant %1 (%2): %3")
                        .arg(v.label, v.templateName, problems.empty() ? QString() : problems.front().message)));
            }
            p.request.systemPrompt = *system;
            p.request.messages.push_back({Role::User, *user});
            p.request.temperature = version->settings.temperature;
            p.request.maxTokens = version->settings.maxTokens;
        }
        p.request.correlationId = newCorrelationId();
        prepared.push_back(std::move(p));
    }
    // Every answer within the budgets, or none started.
    if (m_budgets) {
        for (std::size_t i = 0; i < prepared.size(); ++i) {
            Prepared& p = prepared[i];
            const qint64 tokens =
                countTokens(QString(p.request.systemPrompt + p.request.messages.back().content), p.request.model)
                    .tokens;
            auto reserved = m_budgets->reserveForAccount(
                actor.userId, m_budgets->estimate(p.provider, p.request.model, tokens, p.request.maxTokens));
            if (!reserved) {
                for (std::size_t j = 0; j < i; ++j) {
                    (void)m_budgets->settle(prepared[j].reservation);
                }
                return fail(reserved.error());
            }
            p.reservation = reserved->id;
        }
    }
    std::unique_ptr<CompareSession> session(new CompareSession);
    session->m_variants = variants;
    session->m_input = input;
    session->m_answers.resize(variants.size());
    CompareSession* raw = session.get();
    for (std::size_t i = 0; i < prepared.size(); ++i) {
        Prepared& p = prepared[i];
        LedgerEntry entry;
        entry.accountId = actor.userId;
        entry.provider = p.provider.name;
        entry.model = p.request.model;
        entry.feature = QStringLiteral("compare");
        entry.correlationId = p.request.correlationId;
        const QString sent = p.request.systemPrompt + QLatin1Char('\n') + p.request.messages.back().content;
        RunSpec spec;
        spec.provider = p.provider;
        spec.request = p.request;
        spec.cache = CacheMode::Refresh; // people compare fresh answers
        spec.purpose = RequestPurpose::Chat;
        spec.requesterId = actor.userId;
        auto reply = std::shared_ptr<RunningRequest>(m_runner.run(std::move(spec)).release(),
                                                     [](RunningRequest* r) { r->deleteLater(); });
        raw->m_replies.push_back(reply);
        const int index = int(i);
        QObject::connect(reply.get(), &ProviderReply::deltaReceived, raw, [raw, index](const QString& piece) {
            raw->m_answers[std::size_t(index)].text += piece;
            Q_EMIT raw->delta(index, piece);
        });
        const qint64 reservation = p.reservation;
        QObject::connect(reply.get(), &ProviderReply::finished, raw,
                         [this, raw, index, entry, sent, reservation](const ChatResult& result) mutable {
                             CompareAnswer& answer = raw->m_answers[std::size_t(index)];
                             entry.setResult(result, sent);
                             if (result) {
                                 answer.text = result->text;
                                 answer.latencyMs = result->latencyMs;
                                 answer.inputTokens = result->usage.inputTokens;
                                 answer.outputTokens = result->usage.outputTokens;
                                 answer.model = result->model;
                             } else {
                                 answer.error = result.error();
                             }
                             if (m_ledger) {
                                 const LedgerEntry priced = m_ledger->priced(entry);
                                 answer.costMicros = priced.costMicros;
                                 (void)m_ledger->record(priced);
                             }
                             if (m_budgets) {
                                 (void)m_budgets->settle(reservation);
                             }
                             answer.done = true;
                             Q_EMIT raw->answered(index);
                             if (raw->isFinished()) {
                                 Q_EMIT raw->finished();
                             }
                         });
    }
    return session;
}

Result<VoteInfo> CompareService::vote(const Actor& actor, const VoteDraft& draft) const {
    if (auto allowed = require(actor, Permission::ExperimentsRun); !allowed) {
        return fail(allowed.error());
    }
    const int count = int(draft.answers.size());
    if (count < CompareLimits::minVariants || count > CompareLimits::maxVariants ||
        int(draft.variants.size()) != count) {
        return fail(invalid(QStringLiteral("a vote is between 2 to 6 answers, each with its variant")));
    }
    if (!draft.indices.empty() && int(draft.indices.size()) != count) {
        return fail(invalid(QStringLiteral("a vote names each answer's variant")));
    }
    auto outcomes = voteOutcomes(draft.choice, count);
    if (!outcomes) {
        return fail(outcomes.error());
    }
    if (draft.experimentId) {
        auto owned = m_db.exec(QStringLiteral("SELECT 1 FROM experiments WHERE id = ? AND owner_id = ?"),
                               {*draft.experimentId, actor.userId});
        if (!owned) {
            return fail(owned.error());
        }
        if (!owned->next()) {
            return fail(ErrorCode::NotFound, QStringLiteral("you have no experiment %1").arg(*draft.experimentId));
        }
    }
    // Outcomes over an experiment's variant indices when given, else over the answers' order.
    std::vector<int> indices = draft.indices;
    if (indices.empty()) {
        for (int i = 0; i < count; ++i) {
            indices.push_back(i);
        }
    }
    QJsonArray outcomeJson;
    for (const PairOutcome& o : *outcomes) {
        int a = indices[std::size_t(o.first)];
        int b = indices[std::size_t(o.second)];
        PairOutcome::Result result = o.result;
        if (a > b) {
            std::swap(a, b);
            result = result == PairOutcome::Result::FirstWins    ? PairOutcome::Result::SecondWins
                     : result == PairOutcome::Result::SecondWins ? PairOutcome::Result::FirstWins
                                                                 : result;
        }
        outcomeJson.append(QJsonObject{
            {QStringLiteral("a"), a},
            {QStringLiteral("b"), b},
            {QStringLiteral("outcome"), result == PairOutcome::Result::FirstWins    ? QStringLiteral("a")
                                        : result == PairOutcome::Result::SecondWins ? QStringLiteral("b")
                                                                                    : QStringLiteral("tie")}});
    }
    QJsonArray variants;
    for (std::size_t i = 0; i < draft.variants.size(); ++i) {
        const ExperimentVariant& v = draft.variants[i];
        variants.append(QJsonObject{{QStringLiteral("label"), v.label},
                                    {QStringLiteral("template"), v.templateName},
                                    {QStringLiteral("version"), v.version ? QJsonValue(*v.version) : QJsonValue()},
                                    {QStringLiteral("provider"), v.provider},
                                    {QStringLiteral("model"), v.model},
                                    {QStringLiteral("index"), indices[i]}});
    }
    qint64 id = 0;
    auto stored = m_db.transaction([&]() -> Status {
        {
            auto inserted = m_db.exec(
                QStringLiteral("INSERT INTO votes (owner_id, created_at, source, experiment_id, item, repeat_no, "
                               "input, variants, answers, blind, choice, outcomes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                               "?, ?, ?) RETURNING id"),
                {actor.userId, toStoredTime(m_clock.nowUtc()), draft.source,
                 draft.experimentId ? QVariant(*draft.experimentId) : QVariant(QMetaType(QMetaType::LongLong)),
                 draft.item, draft.repeat, draft.input, compact(variants),
                 compact(QJsonArray::fromStringList(draft.answers)), draft.blind ? 1 : 0, draft.choice.trimmed(),
                 compact(outcomeJson)});
            if (!inserted) {
                return fail(inserted.error());
            }
            if (!inserted->next()) {
                return fail(ErrorCode::StorageFailed, QStringLiteral("the vote has no id"));
            }
            id = inserted->value(0).toLongLong();
        }
        return m_audit.record(actor, {QStringLiteral("vote.record"),
                                      QStringLiteral("vote:%1").arg(id),
                                      AuditOutcome::Success,
                                      QStringLiteral("%1 vote, %2").arg(draft.source, draft.choice.trimmed()),
                                      {}});
    });
    if (!stored) {
        return fail(stored.error());
    }
    auto all = votes(actor, draft.experimentId, 1);
    if (!all || all->empty() || all->front().id != id) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("the vote was not read back"));
    }
    return all->front();
}

Result<std::vector<VoteInfo>> readVotes(const Database& db, qint64 ownerId, std::optional<qint64> experimentId,
                                        int limit) {
    auto query = db.exec(QStringLiteral("SELECT id, source, experiment_id, item, repeat_no, input, variants, answers, "
                                        "blind, choice, outcomes, created_at FROM votes WHERE owner_id = ?%1 ORDER "
                                        "BY id DESC LIMIT ?")
                             .arg(experimentId ? QStringLiteral(" AND experiment_id = ?") : QString()),
                         experimentId ? QVariantList{ownerId, *experimentId, qint64(std::max(limit, 1))}
                                      : QVariantList{ownerId, qint64(std::max(limit, 1))});
    if (!query) {
        return fail(query.error());
    }
    std::vector<VoteInfo> votes;
    while (query->next()) {
        VoteInfo v;
        v.id = query->value(0).toLongLong();
        v.source = query->value(1).toString();
        if (!query->value(2).isNull()) {
            v.experimentId = query->value(2).toLongLong();
        }
        v.item = query->value(3).toInt();
        v.repeat = query->value(4).toInt();
        v.input = query->value(5).toString();
        for (const QJsonValue& variant : parsedArray(query->value(6).toString())) {
            v.labels << variant.toObject().value(QLatin1StringView("label")).toString();
            v.indices.push_back(variant.toObject().value(QLatin1StringView("index")).toInt());
        }
        for (const QJsonValue& answer : parsedArray(query->value(7).toString())) {
            v.answers << answer.toString();
        }
        v.blind = query->value(8).toInt() == 1;
        v.choice = query->value(9).toString();
        for (const QJsonValue& outcome : parsedArray(query->value(10).toString())) {
            const QJsonObject o = outcome.toObject();
            const QString result = o.value(QLatin1StringView("outcome")).toString();
            v.outcomes.push_back({o.value(QLatin1StringView("a")).toInt(), o.value(QLatin1StringView("b")).toInt(),
                                  result == QLatin1StringView("a")   ? PairOutcome::Result::FirstWins
                                  : result == QLatin1StringView("b") ? PairOutcome::Result::SecondWins
                                                                     : PairOutcome::Result::Tie});
        }
        v.createdAt = fromStoredTime(query->value(11).toString());
        votes.push_back(std::move(v));
    }
    return votes;
}

Result<std::vector<VoteInfo>> CompareService::votes(const Actor& actor, std::optional<qint64> experimentId,
                                                    int limit) const {
    return readVotes(m_db, actor.userId, experimentId, limit);
}

} // namespace Tessera::Core
