#pragma once

#include "common/Actor.h"
#include "common/Result.h"

#include <QDate>
#include <QString>

namespace Tessera::Core {

class AuditLog;
class BudgetGuard;
class Clock;
class Database;
class UsageLedger;

// What the usage generator is asked to make.
struct UsageGeneration {
    QDate last;          // the last day (today in the usage time zone when unset); nothing after now is made
    int days = 365;      // how many days back from the last
    qint64 entries = 0;  // about this many ledger entries in all; 0 for a team's realistic amount (~160 a workday)
    quint32 seed = 1;    // the same seed makes the same usage
    bool budgets = true; // also set the budgets that go with it (one about to run out)
    bool add = false;    // add to a store that has usage already (refused otherwise: already_exists)
};

// What the generator made.
struct UsageGenerated {
    qint64 entries = 0;
    qint64 people = 0;       // sample accounts made or found again
    qint64 costMicros = 0;   // of the priced entries
    QDate spikeDay;          // the day one person spent many times their usual
    QString failingProvider; // the provider with failures (and an outage week)
    QDate outageFrom;
    QDate outageTo;
    QString tightBudget; // the budget about to run out, in words ("the monthly budget of user amara")
};

// Fills a store with a realistic stretch of usage for the dashboards, their screenshots and their benchmarks
// (tessera-cli dev generate-usage, docs/usage-dashboards.md): a team of a dozen sample people in the Member and
// Manager roles, current OpenAI, Anthropic and Google models priced from the catalog and a free local one,
// weekday and working-hour rhythms with slow growth, a day of heavy spending, a provider with failures, retries,
// fallbacks and an outage week with slow answers, and a monthly budget about to run out. Entries are written in one
// transaction and the daily totals summed from them. Needs users.manage and usage.view_all; audited as
// usage.generate. Meant for development and demonstration stores, never a team's real one.
class UsageGenerator final {
public:
    UsageGenerator(const Database& db, const UsageLedger& ledger, const BudgetGuard& budgets, const AuditLog& audit,
                   const Clock& clock);

    Result<UsageGenerated> generate(const Actor& actor, UsageGeneration options) const;

private:
    const Database& m_db;
    const UsageLedger& m_ledger;
    const BudgetGuard& m_budgets;
    const AuditLog& m_audit;
    const Clock& m_clock;
};

} // namespace Tessera::Core
