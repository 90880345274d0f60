#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "usage/Pricing.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class Clock;
class Database;
class ProviderRepository;
class UsageLedger;
struct ProviderConfig;

// A price as `prices list` shows it: an administrator's override (current or coming), the catalog's list price
// for a provider's models, or the provider's models being free (a local server) or unknown.
struct PriceListing {
    QString provider;
    QString model;  // "*": every model of the provider
    QString origin; // "override", "catalog", "local" (free), "unknown"
    std::optional<Price> price;
    std::optional<QDateTime> effectiveFrom; // overrides
    QString setBy;                          // overrides: who set it
    qint64 contextWindow = 0;               // catalog models
    qint64 maxOutput = 0;
};

// A provider's model whose requests had no price, from the usage rollups.
struct UnpricedModel {
    QString provider;
    QString model;
    qint64 requests = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    QString firstDay;
    QString lastDay;
};

// Prices: what a request to a provider's model costs at a moment. An administrator's override in effect then wins;
// else the catalog's list price for the provider's vendor (by the requested model, then the one the provider said
// answered); else nothing for a local server; else the price is unknown (and the cost shows as unknown, never $0).
// Setting and resetting prices needs providers.manage and is audited; anyone signed in may read them.
class PriceBook final {
public:
    PriceBook(const Database& db, const ProviderRepository& providers, const UsageLedger& ledger, const AuditLog& audit,
              const Clock& clock);

    std::optional<Price> priceFor(const QString& providerName, const QString& model, const QString& reportedModel,
                                  const QDateTime& at) const;
    std::optional<Price> priceFor(const ProviderConfig& provider, const QString& model, const QString& reportedModel,
                                  const QDateTime& at) const;

    // Every configured provider's prices (or one provider's): overrides first, then the catalog's.
    Result<std::vector<PriceListing>> list(const Actor& actor, const QString& provider = {}) const;
    // Sets a price from the start of `from` (a day in the usage time zone; now when unset). Rates missing from
    // `rates` follow the catalog's rule: cached input and cache writes at the input rate, reasoning at output's.
    Status set(const Actor& actor, const QString& provider, const QString& model, const PriceRates& rates,
               std::optional<QDate> from = std::nullopt) const;
    // Removes every override of the provider's model; the catalog's price applies again to new requests.
    Result<int> reset(const Actor& actor, const QString& provider, const QString& model) const;
    // The models whose requests were recorded without a price (only one's own without usage.view_all).
    Result<std::vector<UnpricedModel>> unpriced(const Actor& actor) const;

private:
    std::optional<Price> overrideFor(const QString& provider, const QString& model, const QDateTime& at) const;

    const Database& m_db;
    const ProviderRepository& m_providers;
    const UsageLedger& m_ledger;
    const AuditLog& m_audit;
    const Clock& m_clock;
};

} // namespace Tessera::Core
