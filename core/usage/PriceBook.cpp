#include "usage/PriceBook.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "storage/Database.h"
#include "storage/ProviderRepository.h"
#include "usage/ModelCatalog.h"
#include "usage/UsageLedger.h"

#include <QSqlQuery>
#include <QVariant>

namespace Tessera::Core {

namespace {

constexpr qsizetype maxModelLength = 200;

QString overrideSource(const QString& setBy, const QDateTime& from) {
    return QStringLiteral("set by %1 from %2").arg(setBy, from.toString(Qt::ISODate));
}

} // namespace

PriceBook::PriceBook(const Database& db, const ProviderRepository& providers, const UsageLedger& ledger,
                     const AuditLog& audit, const Clock& clock)
    : m_db(db)
    , m_providers(providers)
    , m_ledger(ledger)
    , m_audit(audit)
    , m_clock(clock) {
}

std::optional<Price> PriceBook::overrideFor(const QString& provider, const QString& model, const QDateTime& at) const {
    auto rows = m_db.exec(
        QStringLiteral("SELECT p.input_micros, p.cached_input_micros, p.cache_write_micros, p.output_micros, "
                       "p.reasoning_micros, p.effective_from, COALESCE(a.username, '') FROM price_overrides p "
                       "LEFT JOIN accounts a ON a.id = p.set_by WHERE p.provider = ? AND p.model = ? AND "
                       "p.effective_from <= ? ORDER BY p.effective_from DESC LIMIT 1"),
        {provider, model, toStoredTime(at)});
    if (!rows || !rows->next()) {
        return std::nullopt;
    }
    Price price;
    price.rates = {rows->value(0).toLongLong(), rows->value(1).toLongLong(), rows->value(2).toLongLong(),
                   rows->value(3).toLongLong(), rows->value(4).toLongLong()};
    price.source = overrideSource(rows->value(6).toString(), fromStoredTime(rows->value(5).toString()));
    return price;
}

std::optional<Price> PriceBook::priceFor(const QString& providerName, const QString& model,
                                         const QString& reportedModel, const QDateTime& at) const {
    auto provider = m_providers.findByName(providerName);
    if (!provider) {
        // A provider removed since: only an override can still price its requests.
        if (auto price = overrideFor(providerName, model, at)) {
            return price;
        }
        return reportedModel.isEmpty() ? std::nullopt : overrideFor(providerName, reportedModel, at);
    }
    return priceFor(*provider, model, reportedModel, at);
}

std::optional<Price> PriceBook::priceFor(const ProviderConfig& provider, const QString& model,
                                         const QString& reportedModel, const QDateTime& at) const {
    if (auto price = overrideFor(provider.name, model, at)) {
        return price;
    }
    if (!reportedModel.isEmpty() && reportedModel != model) {
        if (auto price = overrideFor(provider.name, reportedModel, at)) {
            return price;
        }
    }
    const QString vendor = priceVendorOf(provider);
    if (vendor == QLatin1StringView("local")) {
        return Price::free(QStringLiteral("local"));
    }
    if (vendor.isEmpty()) {
        return std::nullopt;
    }
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    const CatalogModel* entry = catalog.find(vendor, model);
    if (!entry && !reportedModel.isEmpty()) {
        entry = catalog.find(vendor, reportedModel);
    }
    if (!entry) {
        return std::nullopt;
    }
    return entry->price;
}

Result<std::vector<PriceListing>> PriceBook::list(const Actor& actor, const QString& provider) const {
    Q_UNUSED(actor) // prices are no secret: anyone signed in may read them
    auto providers = m_providers.list();
    if (!providers) {
        return fail(providers.error());
    }
    if (!provider.isEmpty() &&
        std::none_of(providers->begin(), providers->end(),
                     [&provider](const ProviderConfig& config) { return config.name == provider; })) {
        return fail(ErrorCode::NotFound, QStringLiteral("there is no provider named %1").arg(provider));
    }
    std::vector<PriceListing> result;
    for (const ProviderConfig& config : *providers) {
        if (!provider.isEmpty() && config.name != provider) {
            continue;
        }
        auto rows = m_db.exec(
            QStringLiteral("SELECT p.model, p.effective_from, p.input_micros, p.cached_input_micros, "
                           "p.cache_write_micros, p.output_micros, p.reasoning_micros, COALESCE(a.username, '') "
                           "FROM price_overrides p LEFT JOIN accounts a ON a.id = p.set_by WHERE p.provider = ? "
                           "ORDER BY p.model, p.effective_from"),
            {config.name});
        if (!rows) {
            return fail(rows.error());
        }
        while (rows->next()) {
            PriceListing listing;
            listing.provider = config.name;
            listing.model = rows->value(0).toString();
            listing.origin = QStringLiteral("override");
            listing.effectiveFrom = fromStoredTime(rows->value(1).toString());
            listing.setBy = rows->value(7).toString();
            Price price;
            price.rates = {rows->value(2).toLongLong(), rows->value(3).toLongLong(), rows->value(4).toLongLong(),
                           rows->value(5).toLongLong(), rows->value(6).toLongLong()};
            price.source = overrideSource(listing.setBy, *listing.effectiveFrom);
            listing.price = price;
            result.push_back(std::move(listing));
        }
        const QString vendor = priceVendorOf(config);
        if (vendor == QLatin1StringView("local") || vendor.isEmpty()) {
            PriceListing listing;
            listing.provider = config.name;
            listing.model = QStringLiteral("*");
            listing.origin = vendor.isEmpty() ? QStringLiteral("unknown") : QStringLiteral("local");
            if (!vendor.isEmpty()) {
                listing.price = Price::free(QStringLiteral("local"));
            }
            result.push_back(std::move(listing));
            continue;
        }
        for (const CatalogModel& model : ModelCatalog::builtIn().models()) {
            if (model.vendor != vendor) {
                continue;
            }
            PriceListing listing;
            listing.provider = config.name;
            listing.model = model.id;
            listing.origin = QStringLiteral("catalog");
            listing.price = model.price;
            listing.contextWindow = model.contextWindow;
            listing.maxOutput = model.maxOutput;
            result.push_back(std::move(listing));
        }
    }
    return result;
}

Status PriceBook::set(const Actor& actor, const QString& provider, const QString& model, const PriceRates& rates,
                      std::optional<QDate> from) const {
    const QString target = QStringLiteral("price:%1/%2").arg(provider, model);
    if (auto allowed = require(actor, Permission::ProvidersManage); !allowed) {
        (void)m_audit.record(actor, {QStringLiteral("price.set"), target, AuditOutcome::Denied,
                                     QStringLiteral("lacks providers.manage"), allowed.error().correlationId});
        return allowed;
    }
    if (model.trimmed().isEmpty() || model.size() > maxModelLength || model != model.trimmed()) {
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("give the model's name as the provider knows it (1 to %1 characters)").arg(maxModelLength));
    }
    if (rates.input < 0 || rates.cachedInput < 0 || rates.cacheWrite < 0 || rates.output < 0 || rates.reasoning < 0) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a price cannot be negative"));
    }
    if (auto found = m_providers.findByName(provider); !found) {
        return fail(found.error());
    }
    const QDateTime effective = from ? QDateTime(*from, QTime(0, 0), m_ledger.timeZone()).toUTC() : m_clock.nowUtc();
    if (!effective.isValid()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the date %1 is not valid").arg(from->toString()));
    }
    const Price price{rates, std::nullopt, {}, {}};
    return m_db.transaction([&]() -> Status {
        auto removed = m_db.exec(QStringLiteral("DELETE FROM price_overrides WHERE provider = ? AND model = ? AND "
                                                "effective_from = ?"),
                                 {provider, model, toStoredTime(effective)});
        if (!removed) {
            return fail(removed.error());
        }
        auto inserted = m_db.exec(
            QStringLiteral("INSERT INTO price_overrides (provider, model, effective_from, input_micros, "
                           "cached_input_micros, cache_write_micros, output_micros, reasoning_micros, set_by, set_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {provider, model, toStoredTime(effective), rates.input, rates.cachedInput, rates.cacheWrite, rates.output,
             rates.reasoning, actor.userId, toStoredTime(m_clock.nowUtc())});
        if (!inserted) {
            return fail(inserted.error());
        }
        return m_audit.record(actor, {QStringLiteral("price.set"),
                                      target,
                                      AuditOutcome::Success,
                                      price.describe() + QStringLiteral(" from ") + effective.toString(Qt::ISODate),
                                      {}});
    });
}

Result<int> PriceBook::reset(const Actor& actor, const QString& provider, const QString& model) const {
    const QString target = QStringLiteral("price:%1/%2").arg(provider, model);
    if (auto allowed = require(actor, Permission::ProvidersManage); !allowed) {
        (void)m_audit.record(actor, {QStringLiteral("price.reset"), target, AuditOutcome::Denied,
                                     QStringLiteral("lacks providers.manage"), allowed.error().correlationId});
        return fail(allowed.error());
    }
    int removed = 0;
    auto status = m_db.transaction([&]() -> Status {
        auto deleted = m_db.exec(QStringLiteral("DELETE FROM price_overrides WHERE provider = ? AND model = ?"),
                                 {provider, model});
        if (!deleted) {
            return fail(deleted.error());
        }
        removed = deleted->numRowsAffected();
        if (removed == 0) {
            return fail(ErrorCode::NotFound,
                        QStringLiteral("%1's model %2 has no price of its own to reset").arg(provider, model));
        }
        return m_audit.record(actor, {QStringLiteral("price.reset"),
                                      target,
                                      AuditOutcome::Success,
                                      QStringLiteral("%1 override(s) removed").arg(removed),
                                      {}});
    });
    if (!status) {
        return fail(status.error());
    }
    return removed;
}

Result<std::vector<UnpricedModel>> PriceBook::unpriced(const Actor& actor) const {
    QString sql = QStringLiteral("SELECT provider, model, COUNT(*), SUM(input_tokens), SUM(output_tokens), "
                                 "MIN(day), MAX(day) FROM usage_ledger WHERE cost_micros IS NULL");
    QVariantList values;
    if (!actor.may(Permission::UsageViewAll)) {
        sql += QStringLiteral(" AND account_id = ?");
        values << actor.userId;
    }
    sql += QStringLiteral(" GROUP BY provider, model ORDER BY provider, model");
    auto rows = m_db.exec(sql, values);
    if (!rows) {
        return fail(rows.error());
    }
    std::vector<UnpricedModel> result;
    while (rows->next()) {
        result.push_back({rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toLongLong(),
                          rows->value(3).toLongLong(), rows->value(4).toLongLong(), rows->value(5).toString(),
                          rows->value(6).toString()});
    }
    return result;
}

} // namespace Tessera::Core
