#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "providers/ChatRequest.h"
#include "providers/Usage.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class Clock;
class Database;
class PriceBook;
class SettingsRepository;

// One provider request that can cost money (an answer, a title, later judge and batch work), as the ledger keeps it.
struct LedgerEntry {
    qint64 id = 0;
    QDateTime at;
    QString day; // the day it counts in ("2026-12-01"), in the usage time zone
    qint64 accountId = 0;
    QString provider;
    QString model;         // as requested
    QString modelReported; // as the provider named it in its answer
    QString feature;       // "chat", "title", ...
    std::optional<qint64> conversationId;
    std::optional<qint64> messageId;
    qint64 inputTokens = 0;
    qint64 cachedInputTokens = 0; // within inputTokens
    qint64 cacheWriteTokens = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0;       // within outputTokens
    std::optional<qint64> costMicros; // US dollars × 1,000,000; nullopt: no price known (never shown as $0)
    QString price;                    // the price the cost used
    bool estimated = false;           // the provider reported no usage (a stream cut short): a local estimate
    std::optional<qint64> latencyMs;
    std::optional<qint64> firstTokenMs;
    QString outcome;          // "complete", "incomplete", "failed", "cached" (served from the cache at no cost)
    int retries = 0;          // requests sent again after a retryable failure (the switch to a fallback not counted)
    bool viaFallback = false; // answered (or failed) on the conversation's fallback model
    QString correlationId;

    // The provider's figures (normalised as in Usage: cached within input, reasoning within output).
    void setUsage(const Usage& usage);
    // No figures came (a stream cut short, a server without usage): what was sent and what came back, counted with
    // the tokenizer of the entry's model, marked as an estimate.
    void estimateUsage(QStringView sent, QStringView received);
    // How a request ended: an answer's model, usage (estimated from what was sent when none was reported), latency
    // and outcome ("complete", or "cached" when the response cache served it), or "failed".
    void setResult(const Result<ChatAnswer>& result, QStringView sent);
};

// How a usage report groups its rows.
enum class UsageGrouping { Day, Week, Month, User, Role, Provider, Model, Feature };
QString usageGroupingName(UsageGrouping grouping);
std::optional<UsageGrouping> parseUsageGrouping(const QString& name);

struct UsageQuery {
    std::optional<QDate> from; // inclusive days in the usage time zone
    std::optional<QDate> to;
    std::vector<UsageGrouping> by;
    std::optional<qint64> accountId;
    QString provider;
    QString model;
};

struct UsageRow {
    QStringList keys; // one value per grouping, in the query's order ("2026-12-01", "ada", ...)
    qint64 requests = 0;
    qint64 inputTokens = 0;
    qint64 cachedInputTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0;
    qint64 costMicros = 0; // of the priced requests
    qint64 unpriced = 0;   // requests whose cost is unknown: the cost is then a lower bound

    // Adds another row's figures to this one's (the keys stay).
    void add(const UsageRow& other);
    bool operator==(const UsageRow&) const = default;
};

// How usage is counted and spent, for the whole store.
struct UsageSettings {
    QString timeZone;          // the IANA id days, weeks and months are counted in; empty for UTC
    bool promptCaching = true; // mark the stable prefix of Anthropic requests for the provider's prompt cache

    bool operator==(const UsageSettings&) const = default;
};

// The usage ledger (core/usage): the one place that records what provider requests cost. Each entry is written
// with its daily rollup (day × person × provider × model × feature) in one transaction, the caller's when there is
// one, so totals read the rollups. Entries outlive their conversations.
class UsageLedger final {
public:
    static inline const QString timeZoneKey = QStringLiteral("usage.time_zone");
    static inline const QString promptCachingKey = QStringLiteral("usage.prompt_caching");

    UsageLedger(const Database& db, const SettingsRepository& settings, const Clock& clock);

    // The time zone days and windows are counted in (a store setting, an IANA id; UTC when unset).
    QTimeZone timeZone() const;
    QString dayOf(const QDateTime& time) const;

    // The store's usage settings; anyone signed in may read them.
    UsageSettings settings() const;
    bool promptCaching() const;
    // Changes them (providers.manage; audited as usage.settings). A new time zone counts every entry's day again
    // in it and rebuilds the daily totals in the same transaction; returns the totals rebuilt (0 when the zone
    // stays). An unknown zone is invalid_argument.
    Result<qint64> setSettings(const Actor& actor, const UsageSettings& settings) const;
    // Where changes to the settings are audited.
    void setAudit(const AuditLog* audit) { m_audit = audit; }

    // Where record() finds prices (none: entries keep the cost they bring, else an unknown one).
    void setPriceBook(const PriceBook* prices) { m_prices = prices; }
    // The entry with its time, day, cost and price filled in: a cost it brings stays; one served from the cache or
    // that used no tokens costs $0; else the price in effect at its time decides, and none known leaves it unknown.
    LedgerEntry priced(LedgerEntry entry) const;

    // Writes the entry (its time and day filled in when empty) and adds it to its rollup; returns its id. An entry
    // without a cost that used no tokens costs nothing (a request refused before any work).
    Result<qint64> record(LedgerEntry entry) const;

    // Totals by the query's groupings, from the rollups; a total row is the caller's to add. Without usage.view_all
    // an actor sees only their own usage (the query's account is then theirs, whatever it asked for).
    Result<std::vector<UsageRow>> report(const Actor& actor, UsageQuery query) const;
    // The entries of one conversation's answers, oldest first (the owner's, or anyone's with usage.view_all).
    Result<std::vector<LedgerEntry>> entriesOfConversation(const Actor& actor, qint64 conversationId) const;
    // What a conversation has cost so far (answers and titles; one's own without usage.view_all).
    struct ConversationCost {
        qint64 costMicros = 0; // of the priced requests
        qint64 unpriced = 0;   // requests whose cost is unknown: the total is then a lower bound
        qint64 requests = 0;
    };
    Result<ConversationCost> conversationCost(const Actor& actor, qint64 conversationId) const;
    // Recomputes every rollup from the ledger (usage.view_all): after a time zone change, or to repair.
    Result<qint64> rebuild(const Actor& actor) const;

private:
    // Each entry's day in the time zone set now, and every daily total from the entries; inside the caller's
    // transaction. Returns the totals written.
    Result<qint64> rebuildRollups() const;

    const Database& m_db;
    const SettingsRepository& m_settings;
    const Clock& m_clock;
    const PriceBook* m_prices = nullptr;
    const AuditLog* m_audit = nullptr;
};

} // namespace Tessera::Core
