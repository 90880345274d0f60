#pragma once

#include "chat/Message.h"
#include "common/Actor.h"
#include "common/Result.h"
#include "common/Statistics.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class Clock;
class Database;

// What quality statistics are grouped by.
enum class FeedbackGrouping { Model, Provider, Template };
std::optional<FeedbackGrouping> parseFeedbackGrouping(const QString& name);

// Quality of one model, provider or template version: the answers given, how many were rated and how many of those up,
// the positive rate with its 95 % Wilson interval, and the tags chosen most often (most first, ties by name).
struct FeedbackStats {
    QString key;     // the model, the provider, or the template's name
    int version = 0; // by template: the template's version
    qint64 answers = 0;
    qint64 rated = 0;
    qint64 positive = 0;
    std::optional<double> positiveRate; // unset without ratings
    Interval interval{0.0, 1.0};
    std::vector<std::pair<QString, qint64>> topTags;

    double ratedShare() const { return answers > 0 ? double(rated) / double(answers) : 0.0; }
};

// Which answers statistics count: written in a period (UTC days, both ends included; unset: no bound) and in one
// person's conversations (unset: the actor's, or everyone's with usage.view_all).
struct FeedbackScope {
    QDate from;
    QDate to;
    std::optional<qint64> accountId;
};

// One rating as it is exported: the answer it belongs to and what was said.
struct FeedbackRecord {
    Feedback feedback;
    qint64 conversationId = 0;
    QString provider;
    QString model;
    QString rater;
    QString templateName; // the template its question came from ("" for none)
    int templateVersion = 0;
};

// Feedback on answers (core/prompts). Only the owner of a conversation rates its answers (another person's answer
// reads as missing); the tags come from a list administrators (roles.manage) edit, audited. Statistics and export
// cover one's own conversations, or everyone's with usage.view_all.
class FeedbackService final {
public:
    static constexpr int maxCommentLength = 2'000;
    static constexpr int maxTagCount = 30;
    static constexpr int maxTagLength = 30;

    FeedbackService(const Database& db, const Clock& clock, const AuditLog& audit);

    // Rates an answer (again: replaces the rating). Errors: store.not_found (no such answer of the actor's),
    // input.invalid (not an answer, a tag not in the list, a comment too long).
    Result<Feedback> set(const Actor& actor, qint64 messageId, bool positive, const QStringList& tags,
                         const QString& comment);
    Status clear(const Actor& actor, qint64 messageId);
    Result<std::optional<Feedback>> get(const Actor& actor, qint64 messageId) const;

    // The tags people may choose, in their order.
    Result<QStringList> tags() const;
    Status setTags(const Actor& actor, const QStringList& tags);

    Result<std::vector<FeedbackStats>> stats(const Actor& actor, FeedbackGrouping by,
                                             const FeedbackScope& scope = {}) const;
    Result<std::vector<FeedbackRecord>> records(const Actor& actor) const;

private:
    const Database& m_db;
    const Clock& m_clock;
    const AuditLog& m_audit;
};

} // namespace Tessera::Core
