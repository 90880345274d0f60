#include "prompts/FineTuning.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "chat/Conversation.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "tokenizer/TokenCounter.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringList>

#include <algorithm>

namespace Tessera::Core {

namespace {

// OpenAI's guide: 3 epochs by default, aiming at 100 to 25,000 examples seen, between 1 and 25 epochs.
constexpr int targetEpochs = 3;
constexpr int minTargetExamples = 100;
constexpr int maxTargetExamples = 25'000;
constexpr int minEpochs = 1;
constexpr int maxEpochs = 25;

struct Turn {
    Message question;
    Message answer;
};

bool sameText(const QString& a, const QString& b) {
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

int fineTuneEpochs(int examples) {
    if (examples <= 0) {
        return 0;
    }
    if (examples * targetEpochs < minTargetExamples) {
        return std::min(maxEpochs, minTargetExamples / examples);
    }
    if (examples * targetEpochs > maxTargetExamples) {
        return std::max(minEpochs, maxTargetExamples / examples);
    }
    return targetEpochs;
}

qint64 fineTuneExampleTokens(const std::vector<std::pair<QString, QString>>& roleAndContent, Encoding encoding) {
    qint64 tokens = 3; // the reply's priming
    for (const auto& [role, content] : roleAndContent) {
        tokens += 3 + countTokens(role, encoding).tokens + countTokens(content, encoding).tokens;
    }
    return tokens;
}

FineTuningService::FineTuningService(const ConversationRepository& conversations, const MessageRepository& messages,
                                     const AuditLog& audit)
    : m_conversations(conversations)
    , m_messages(messages)
    , m_audit(audit) {
}

Result<FineTuneSummary> FineTuningService::build(const Actor& actor, const FineTuneFilter& filter) const {
    if (auto allowed = require(actor, Permission::DataExport); !allowed) {
        return fail(allowed.error());
    }
    auto all = m_conversations.list(ListScope::All, {}, actor.userId);
    if (!all) {
        return fail(all.error());
    }
    FineTuneSummary summary;
    std::vector<qint64> lengths;
    const bool weighDown = filter.rating != std::optional<bool>(false);
    for (const Conversation& conversation : *all) {
        if (filter.since.isValid() && conversation.updatedAt.toUTC().date() < filter.since) {
            continue;
        }
        auto branch = m_messages.path(conversation.id, ImageBytes::Later);
        if (!branch) {
            return fail(branch.error());
        }
        // The turns: each question with the answer that follows it on the branch.
        std::vector<Turn> turns;
        for (std::size_t i = 0; i + 1 < branch->size(); ++i) {
            const Message& q = (*branch)[i];
            const Message& a = (*branch)[i + 1];
            if (q.role == Role::User && a.role == Role::Assistant) {
                turns.push_back({q, a});
                ++i;
            }
        }
        // The filter, on the branch shown.
        bool rated = !filter.rating, tagged = filter.tag.isEmpty(), byModel = filter.model.isEmpty(),
             fromTemplate = filter.templateName.isEmpty();
        for (const QString& tag : conversation.tags) {
            tagged = tagged || sameText(tag, filter.tag);
        }
        for (const Turn& turn : turns) {
            if (turn.answer.feedback) {
                rated = rated || turn.answer.feedback->positive == *filter.rating;
                for (const QString& tag : turn.answer.feedback->tags) {
                    tagged = tagged || sameText(tag, filter.tag);
                }
            }
            byModel = byModel || sameText(turn.answer.model, filter.model);
            fromTemplate = fromTemplate || (turn.question.templateUse &&
                                            sameText(turn.question.templateUse->name, filter.templateName));
        }
        if (!rated || !tagged || !byModel || !fromTemplate) {
            continue;
        }
        ++summary.considered;
        // The example: the system prompt, then each turn whose answer finished with text.
        QJsonArray list;
        std::vector<std::pair<QString, QString>> counted;
        if (!conversation.systemPrompt.trimmed().isEmpty()) {
            list.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), conversation.systemPrompt}});
            counted.emplace_back(QStringLiteral("system"), conversation.systemPrompt);
        }
        int learned = 0;
        int downWeighted = 0;
        qint64 assistantTokens = 0;
        for (const Turn& turn : turns) {
            if (turn.answer.state != MessageState::Complete || turn.answer.content.trimmed().isEmpty() ||
                turn.question.content.trimmed().isEmpty()) {
                continue; // a failed, cut-off or empty answer goes with its question
            }
            list.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                    {QStringLiteral("content"), turn.question.content}});
            QJsonObject answer{{QStringLiteral("role"), QStringLiteral("assistant")},
                               {QStringLiteral("content"), turn.answer.content}};
            const bool disliked = weighDown && turn.answer.feedback && !turn.answer.feedback->positive;
            if (disliked) {
                answer.insert(QStringLiteral("weight"), 0); // context, not something to learn
                ++downWeighted;
            } else {
                ++learned;
                assistantTokens += countTokens(turn.answer.content, filter.encoding).tokens;
            }
            list.append(answer);
            counted.emplace_back(QStringLiteral("user"), turn.question.content);
            counted.emplace_back(QStringLiteral("assistant"), turn.answer.content);
        }
        if (learned == 0) {
            summary.skipped.push_back({conversation.id, QStringLiteral("no finished answer to learn from")});
            continue;
        }
        // The guide's checks, on what is written: known roles with text, and an answer last.
        const QJsonObject last = list.last().toObject();
        if (last.value(QLatin1StringView("role")).toString() != QLatin1StringView("assistant")) {
            summary.skipped.push_back({conversation.id, QStringLiteral("does not end with an answer")});
            continue;
        }
        const qint64 tokens = fineTuneExampleTokens(counted, filter.encoding);
        if (tokens > filter.maxTokensPerExample) {
            summary.skipped.push_back({conversation.id, QStringLiteral("%1 tokens, over the limit of %2 per example")
                                                            .arg(tokens)
                                                            .arg(filter.maxTokensPerExample)});
            continue;
        }
        summary.jsonl += QJsonDocument(QJsonObject{{QStringLiteral("messages"), list}}).toJson(QJsonDocument::Compact);
        summary.jsonl += '\n';
        ++summary.examples;
        summary.tokens += tokens;
        summary.assistantTokens += assistantTokens;
        summary.downWeighted += downWeighted;
        lengths.push_back(tokens);
    }
    if (!lengths.empty()) {
        summary.minTokens = *std::min_element(lengths.begin(), lengths.end());
        summary.maxTokens = *std::max_element(lengths.begin(), lengths.end());
    }
    summary.epochs = fineTuneEpochs(summary.examples);
    qint64 billed = 0;
    for (qint64 length : lengths) {
        billed += std::min(length, filter.maxTokensPerExample);
    }
    summary.trainingTokens = billed * summary.epochs;
    return summary;
}

QStringList checkFineTuneJsonl(const QByteArray& jsonl, Encoding encoding, qint64 maxTokensPerExample) {
    QStringList problems;
    const QList<QByteArray> lines = jsonl.split('\n');
    int number = 0;
    for (const QByteArray& line : lines) {
        ++number;
        if (line.trimmed().isEmpty()) {
            continue;
        }
        const QString at = QStringLiteral("line %1: ").arg(number);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            problems << at + QStringLiteral("not a JSON object");
            continue;
        }
        const QJsonValue list = document.object().value(QLatin1StringView("messages"));
        if (!list.isArray() || list.toArray().isEmpty()) {
            problems << at + QStringLiteral("no messages list");
            continue;
        }
        std::vector<std::pair<QString, QString>> counted;
        bool answered = false;
        QString lastRole;
        const QJsonArray messages = list.toArray();
        for (qsizetype i = 0; i < messages.size(); ++i) {
            const QString which = at + QStringLiteral("message %1 ").arg(i + 1);
            if (!messages[i].isObject()) {
                problems << which + QStringLiteral("is not an object");
                continue;
            }
            const QJsonObject message = messages[i].toObject();
            for (auto it = message.begin(); it != message.end(); ++it) {
                static const QStringList known = {QStringLiteral("role"), QStringLiteral("content"),
                                                  QStringLiteral("name"), QStringLiteral("weight")};
                if (!known.contains(it.key())) {
                    problems << which + QStringLiteral("has an unknown key %1").arg(it.key());
                }
            }
            const QString role = message.value(QLatin1StringView("role")).toString();
            if (role != QLatin1StringView("system") && role != QLatin1StringView("user") &&
                role != QLatin1StringView("assistant")) {
                problems << which + QStringLiteral("has an unknown role \"%1\"").arg(role.left(40));
            }
            const QJsonValue content = message.value(QLatin1StringView("content"));
            if (!content.isString() || content.toString().trimmed().isEmpty()) {
                problems << which + QStringLiteral("has no content");
            }
            if (message.contains(QLatin1StringView("weight"))) {
                const QJsonValue weight = message.value(QLatin1StringView("weight"));
                if (role != QLatin1StringView("assistant") || !weight.isDouble() ||
                    (weight.toDouble() != 0.0 && weight.toDouble() != 1.0)) {
                    problems << which + QStringLiteral("has a weight that is not 0 or 1 on an answer");
                }
            }
            answered = answered || role == QLatin1StringView("assistant");
            lastRole = role;
            counted.emplace_back(role, content.toString());
        }
        if (!answered) {
            problems << at + QStringLiteral("has no answer (assistant message)");
        } else if (lastRole != QLatin1StringView("assistant")) {
            problems << at + QStringLiteral("does not end with an answer");
        }
        if (const qint64 tokens = fineTuneExampleTokens(counted, encoding); tokens > maxTokensPerExample) {
            problems << at + QStringLiteral("%1 tokens, over the limit of %2").arg(tokens).arg(maxTokensPerExample);
        }
    }
    return problems;
}

Result<FineTuneSummary> FineTuningService::write(const Actor& actor, const FineTuneFilter& filter,
                                                 const QString& path) const {
    auto summary = build(actor, filter);
    if (!summary) {
        return summary;
    }
    // What was built is checked as the guide checks a file before it is written.
    if (const QStringList problems = checkFineTuneJsonl(summary->jsonl, filter.encoding, filter.maxTokensPerExample);
        !problems.isEmpty()) {
        return fail(makeError(ErrorCode::ExportFailed,
                              QStringLiteral("the fine-tuning data failed its check: %1").arg(problems.first())));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(summary->jsonl) != summary->jsonl.size() || !file.commit()) {
        return fail(
            makeError(ErrorCode::ExportFailed, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())));
    }
    summary->path = QFileInfo(path).absoluteFilePath();
    if (auto recorded = m_audit.record(
            actor, {QStringLiteral("data.export"),
                    QStringLiteral("finetune"),
                    AuditOutcome::Success,
                    QStringLiteral("%1 fine-tuning examples (%2 tokens)").arg(summary->examples).arg(summary->tokens),
                    {}});
        !recorded) {
        return fail(recorded.error());
    }
    return summary;
}

} // namespace Tessera::Core
