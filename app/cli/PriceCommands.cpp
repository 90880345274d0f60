#include "PriceCommands.h"

#include "app/CoreServices.h"
#include "usage/ModelCatalog.h"
#include "usage/PriceBook.h"
#include "usage/Pricing.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

QJsonValue perMillion(const std::optional<Price>& price, qint64 PriceRates::*rate) {
    return price ? QJsonValue(usdValue(price->rates.*rate)) : QJsonValue(QJsonValue::Null);
}

QJsonObject listingJson(const PriceListing& listing) {
    QJsonObject json{{QStringLiteral("provider"), listing.provider},
                     {QStringLiteral("model"), listing.model},
                     {QStringLiteral("origin"), listing.origin},
                     {QStringLiteral("input_usd"), perMillion(listing.price, &PriceRates::input)},
                     {QStringLiteral("cached_input_usd"), perMillion(listing.price, &PriceRates::cachedInput)},
                     {QStringLiteral("cache_write_usd"), perMillion(listing.price, &PriceRates::cacheWrite)},
                     {QStringLiteral("output_usd"), perMillion(listing.price, &PriceRates::output)},
                     {QStringLiteral("reasoning_usd"), perMillion(listing.price, &PriceRates::reasoning)},
                     {QStringLiteral("effective_from"),
                      listing.effectiveFrom ? timeJson(*listing.effectiveFrom) : QJsonValue(QJsonValue::Null)}};
    if (!listing.setBy.isEmpty()) {
        json.insert(QStringLiteral("set_by"), listing.setBy);
    }
    if (listing.price && listing.price->aboveInputTokens) {
        json.insert(QStringLiteral("above"),
                    QJsonObject{{QStringLiteral("input_tokens"), double(*listing.price->aboveInputTokens)},
                                {QStringLiteral("input_usd"), usdValue(listing.price->aboveRates.input)},
                                {QStringLiteral("cached_input_usd"), usdValue(listing.price->aboveRates.cachedInput)},
                                {QStringLiteral("cache_write_usd"), usdValue(listing.price->aboveRates.cacheWrite)},
                                {QStringLiteral("output_usd"), usdValue(listing.price->aboveRates.output)}});
    }
    if (listing.contextWindow > 0) {
        json.insert(QStringLiteral("context_window"), double(listing.contextWindow));
        json.insert(QStringLiteral("max_output"), double(listing.maxOutput));
    }
    return json;
}

int listPrices(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {QStringLiteral("provider")}, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("prices list takes --provider NAME only"));
    }
    auto listed = context.services.prices().list(context.actor, parsed->value(QStringLiteral("provider")));
    if (!listed) {
        return reportError(context, listed.error());
    }
    if (context.json) {
        QJsonArray array;
        for (const PriceListing& listing : *listed) {
            array.append(listingJson(listing));
        }
        printJson(array);
        return exitOk;
    }
    if (listed->empty()) {
        printOut(QStringLiteral("No providers yet: add one with `tessera-cli providers add`.\n"));
        return exitOk;
    }
    const auto usd = [](const std::optional<Price>& price, qint64 PriceRates::*rate) -> QString {
        return price ? usdDecimal(price->rates.*rate) : QStringLiteral("unknown");
    };
    std::vector<QStringList> lines;
    for (const PriceListing& listing : *listed) {
        QString origin = listing.origin;
        if (listing.effectiveFrom) {
            origin += QStringLiteral(" from ") + timeText(*listing.effectiveFrom);
        }
        lines.push_back({listing.provider, listing.model, origin, usd(listing.price, &PriceRates::input),
                         usd(listing.price, &PriceRates::cachedInput), usd(listing.price, &PriceRates::cacheWrite),
                         usd(listing.price, &PriceRates::output)});
    }
    printOut(tableText({QStringLiteral("provider"), QStringLiteral("model"), QStringLiteral("price"),
                        QStringLiteral("input"), QStringLiteral("cached_input"), QStringLiteral("cache_write"),
                        QStringLiteral("output")},
                       lines, 3) +
             QStringLiteral("US dollars per million tokens. Catalog prices as published on %1; set your own with "
                            "`tessera-cli prices set`.\n")
                 .arg(ModelCatalog::builtIn().date().toString(Qt::ISODate)));
    return exitOk;
}

int setPrice(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args,
                                     {QStringLiteral("input"), QStringLiteral("output"), QStringLiteral("cached-input"),
                                      QStringLiteral("cache-write"), QStringLiteral("from")},
                                     {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (parsed->positional.size() != 2) {
        return usageError(QStringLiteral("prices set takes PROVIDER MODEL --input USD --output USD"));
    }
    if (!parsed->has(QStringLiteral("input")) || !parsed->has(QStringLiteral("output"))) {
        return usageError(QStringLiteral("prices set needs --input and --output (US dollars per million tokens)"));
    }
    std::map<QString, qint64> amounts;
    for (const char* name : {"input", "output", "cached-input", "cache-write"}) {
        const QString option = QString::fromLatin1(name);
        if (!parsed->has(option)) {
            continue;
        }
        const auto amount = parseUsdAmount(parsed->value(option));
        if (!amount) {
            return usageError(QStringLiteral("--%1 takes US dollars per million tokens, such as 2.50 (at most six "
                                             "decimals, not negative)")
                                  .arg(option));
        }
        amounts[option] = *amount;
    }
    PriceRates rates;
    rates.input = amounts.at(QStringLiteral("input"));
    rates.output = amounts.at(QStringLiteral("output"));
    rates.cachedInput =
        amounts.count(QStringLiteral("cached-input")) ? amounts.at(QStringLiteral("cached-input")) : rates.input;
    rates.cacheWrite =
        amounts.count(QStringLiteral("cache-write")) ? amounts.at(QStringLiteral("cache-write")) : rates.input;
    rates.reasoning = rates.output;
    std::optional<QDate> from;
    if (parsed->has(QStringLiteral("from"))) {
        from = QDate::fromString(parsed->value(QStringLiteral("from")), Qt::ISODate);
        if (!from->isValid()) {
            return usageError(QStringLiteral("--from takes a date as YYYY-MM-DD"));
        }
    }
    const QString provider = parsed->positional.at(0);
    const QString model = parsed->positional.at(1);
    if (auto set = context.services.prices().set(context.actor, provider, model, rates, from); !set) {
        return reportError(context, set.error());
    }
    Price price;
    price.rates = rates;
    if (context.json) {
        PriceListing listing{provider, model, QStringLiteral("override"), price, std::nullopt, context.actor.userName};
        printJson(listingJson(listing));
    } else {
        printOut(QStringLiteral("%1's %2 now costs %3%4. Costs already recorded keep their price.\n")
                     .arg(provider, model, price.describe(),
                          from ? QStringLiteral(" from ") + from->toString(Qt::ISODate) : QString()));
    }
    return exitOk;
}

int resetPrice(Context& context, const QStringList& args) {
    if (args.size() != 2) {
        return usageError(QStringLiteral("prices reset takes PROVIDER MODEL"));
    }
    auto removed = context.services.prices().reset(context.actor, args.at(0), args.at(1));
    if (!removed) {
        return reportError(context, removed.error());
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("provider"), args.at(0)},
                              {QStringLiteral("model"), args.at(1)},
                              {QStringLiteral("removed"), *removed}});
    } else {
        printOut(QStringLiteral("Removed %1 price(s) of %2's %3: new requests use the catalog's price again.\n")
                     .arg(*removed)
                     .arg(args.at(0), args.at(1)));
    }
    return exitOk;
}

} // namespace

int runPrices(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(QStringLiteral("prices needs a subcommand: list, set or reset"));
    }
    const QString sub = args.first();
    if (sub == QLatin1StringView("list")) {
        return listPrices(context, args.mid(1));
    }
    if (sub == QLatin1StringView("set")) {
        return setPrice(context, args.mid(1));
    }
    if (sub == QLatin1StringView("reset")) {
        return resetPrice(context, args.mid(1));
    }
    return usageError(QStringLiteral("unknown prices subcommand '%1'").arg(sub));
}

int runUsageUnpriced(Context& context, const QStringList& args) {
    if (!args.isEmpty()) {
        return usageError(QStringLiteral("usage unpriced takes no arguments"));
    }
    auto models = context.services.prices().unpriced(context.actor);
    if (!models) {
        return reportError(context, models.error());
    }
    if (context.json) {
        QJsonArray array;
        for (const UnpricedModel& model : *models) {
            array.append(QJsonObject{{QStringLiteral("provider"), model.provider},
                                     {QStringLiteral("model"), model.model},
                                     {QStringLiteral("requests"), double(model.requests)},
                                     {QStringLiteral("input_tokens"), double(model.inputTokens)},
                                     {QStringLiteral("output_tokens"), double(model.outputTokens)},
                                     {QStringLiteral("first_day"), model.firstDay},
                                     {QStringLiteral("last_day"), model.lastDay}});
        }
        printJson(array);
        return exitOk;
    }
    if (models->empty()) {
        printOut(QStringLiteral("Every recorded request has a price.\n"));
        return exitOk;
    }
    std::vector<QStringList> lines;
    for (const UnpricedModel& model : *models) {
        lines.push_back({model.provider, model.model, QString::number(model.requests),
                         QString::number(model.inputTokens), QString::number(model.outputTokens), model.firstDay,
                         model.lastDay});
    }
    printOut(
        tableText({QStringLiteral("provider"), QStringLiteral("model"), QStringLiteral("requests"),
                   QStringLiteral("input"), QStringLiteral("output"), QStringLiteral("first"), QStringLiteral("last")},
                  lines, 2) +
        QStringLiteral("These requests' cost is unknown. Set a price with `tessera-cli prices set PROVIDER MODEL "
                       "--input USD --output USD`; it applies to new requests.\n"));
    return exitOk;
}

} // namespace Tessera::Cli
