#pragma once

#include "providers/Usage.h"

#include <QString>
#include <QtGlobal>

#include <optional>

namespace Tessera::Core {

// What a million tokens of each kind cost, in micro-dollars (US dollars × 1,000,000): $2.50 per million is
// 2'500'000. Integers throughout, so a cost is exact to the micro-dollar and the same on every machine.
struct PriceRates {
    qint64 input = 0;       // input read fresh
    qint64 cachedInput = 0; // input read from the provider's prompt cache
    qint64 cacheWrite = 0;  // input written to the provider's prompt cache
    qint64 output = 0;      // output, reasoning included unless reasoning has its own rate
    qint64 reasoning = 0;

    bool operator==(const PriceRates&) const = default;
};

// The tokens of one request, normalised the way Usage is: cached and cache-write tokens are counted inside input,
// reasoning inside output.
struct TokenCounts {
    qint64 input = 0;
    qint64 cachedInput = 0;
    qint64 cacheWrite = 0;
    qint64 output = 0;
    qint64 reasoning = 0;

    static TokenCounts of(const Usage& usage);
};

// A model's price: its rates, and the rates for a request whose input passes a threshold (long-context pricing).
struct Price {
    PriceRates rates;
    std::optional<qint64> aboveInputTokens; // when set, a request with more input tokens pays aboveRates
    PriceRates aboveRates;
    QString source; // where it came from, for people: "catalog 2026-11-30", "set by ada from 2026-12-01", "local"

    static Price free(const QString& source);
    const PriceRates& ratesFor(qint64 inputTokens) const;
    // The cost in micro-dollars, rounded half up once at the end.
    qint64 costMicros(const TokenCounts& tokens) const;
    // "$2.50 in, $0.25 cached, $15.00 out per 1M (catalog 2026-11-30)": kept with each ledger entry.
    QString describe() const;

    bool operator==(const Price&) const = default;
};

// Dollars per million tokens ("2.5", "0.075") to micro-dollars per million tokens; nullopt for a negative, too
// precise (beyond a micro-dollar), or malformed amount.
std::optional<qint64> parseUsdAmount(const QString& text);
// Micro-dollars as a decimal number of dollars: "0.000125", "3.20"; at least two decimals, more only as needed.
QString usdDecimal(qint64 micros);
// The same with the dollar sign: "$0.000125", "$3.20".
QString formatUsd(qint64 micros);
// Micro-dollars as a plain decimal for JSON and CSV: 0.000125, 3.2.
double usdValue(qint64 micros);

} // namespace Tessera::Core
