#include "usage/ModelCatalog.h"

#include "providers/ProviderConfig.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <cmath>

namespace Tessera::Core {

namespace {

bool onThisMachine(const QString& baseUrl) {
    const QString host = QUrl(baseUrl).host();
    if (host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Dollars per million tokens from JSON to micro-dollars per million; nullopt when absent, negative or not a number.
std::optional<qint64> rateOf(const QJsonObject& object, const char* key) {
    const QJsonValue value = object.value(QLatin1StringView(key));
    if (!value.isDouble() || value.toDouble() < 0 || !std::isfinite(value.toDouble())) {
        return std::nullopt;
    }
    return std::llround(value.toDouble() * 1'000'000.0);
}

Result<PriceRates> ratesOf(const QJsonObject& object, const QString& model) {
    const auto input = rateOf(object, "input");
    const auto output = rateOf(object, "output");
    if (!input || !output) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the catalog's model %1 lacks an input or output price").arg(model));
    }
    PriceRates rates;
    rates.input = *input;
    rates.output = *output;
    rates.cachedInput = rateOf(object, "cached_input").value_or(rates.input);
    rates.cacheWrite = rateOf(object, "cache_write").value_or(rates.input);
    rates.reasoning = rateOf(object, "reasoning").value_or(rates.output);
    return rates;
}

} // namespace

QString priceVendorOf(const ProviderConfig& provider) {
    switch (provider.kind) {
    case ProviderKind::OpenAi:
    case ProviderKind::AzureOpenAi:
        return QStringLiteral("openai");
    case ProviderKind::Anthropic:
        return QStringLiteral("anthropic");
    case ProviderKind::Gemini:
        return QStringLiteral("google");
    case ProviderKind::Ollama:
        return QStringLiteral("local");
    case ProviderKind::OpenAiCompatible:
        return onThisMachine(provider.baseUrl) ? QStringLiteral("local") : QString();
    }
    return {};
}

const ModelCatalog& ModelCatalog::builtIn() {
    static const ModelCatalog catalog = [] {
        QFile file(QStringLiteral(":/models/catalog.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            return ModelCatalog{};
        }
        auto parsed = parse(file.readAll());
        return parsed ? std::move(*parsed) : ModelCatalog{};
    }();
    return catalog;
}

Result<ModelCatalog> ModelCatalog::parse(const QByteArray& json) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the model catalog is not a JSON object: %1").arg(error.errorString()));
    }
    const QJsonObject root = doc.object();
    ModelCatalog catalog;
    catalog.m_date = QDate::fromString(root.value(QLatin1StringView("date")).toString(), Qt::ISODate);
    if (!catalog.m_date.isValid()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the model catalog has no valid date"));
    }
    const QJsonObject sources = root.value(QLatin1StringView("sources")).toObject();
    for (auto it = sources.begin(); it != sources.end(); ++it) {
        catalog.m_sources.emplace_back(it.key(), it.value().toString());
    }
    const QString source = QStringLiteral("catalog ") + catalog.m_date.toString(Qt::ISODate);
    for (const QJsonValue& value : root.value(QLatin1StringView("models")).toArray()) {
        const QJsonObject object = value.toObject();
        CatalogModel model;
        model.id = object.value(QLatin1StringView("id")).toString();
        model.vendor = object.value(QLatin1StringView("vendor")).toString();
        if (model.id.isEmpty() || model.vendor.isEmpty()) {
            return fail(ErrorCode::InvalidArgument, QStringLiteral("a model in the catalog lacks its id or vendor"));
        }
        for (const QJsonValue& pattern : object.value(QLatin1StringView("patterns")).toArray()) {
            QRegularExpression expression(pattern.toString());
            if (!expression.isValid()) {
                return fail(
                    ErrorCode::InvalidArgument,
                    QStringLiteral("the catalog's pattern %1 for %2 is invalid").arg(pattern.toString(), model.id));
            }
            expression.optimize();
            model.patterns.push_back(std::move(expression));
        }
        model.contextWindow = object.value(QLatin1StringView("context_window")).toInteger();
        model.maxOutput = object.value(QLatin1StringView("max_output")).toInteger();
        model.cacheMinTokens = object.value(QLatin1StringView("cache_min_tokens")).toInteger();
        model.encoding = object.value(QLatin1StringView("encoding")).toString();
        auto rates = ratesOf(object.value(QLatin1StringView("price")).toObject(), model.id);
        if (!rates) {
            return fail(rates.error());
        }
        model.price.rates = *rates;
        model.price.source = source;
        if (const QJsonObject above = object.value(QLatin1StringView("above")).toObject(); !above.isEmpty()) {
            auto aboveRates = ratesOf(above, model.id);
            if (!aboveRates) {
                return fail(aboveRates.error());
            }
            model.price.aboveInputTokens = above.value(QLatin1StringView("input_tokens")).toInteger();
            model.price.aboveRates = *aboveRates;
        }
        catalog.m_models.push_back(std::move(model));
    }
    return catalog;
}

const CatalogModel* ModelCatalog::find(const QString& vendor, const QString& model) const {
    if (model.isEmpty()) {
        return nullptr;
    }
    for (const CatalogModel& entry : m_models) {
        if ((vendor.isEmpty() || entry.vendor == vendor) && entry.id == model) {
            return &entry;
        }
    }
    for (const CatalogModel& entry : m_models) {
        if (!vendor.isEmpty() && entry.vendor != vendor) {
            continue;
        }
        for (const QRegularExpression& pattern : entry.patterns) {
            if (pattern.match(model).hasMatch()) {
                return &entry;
            }
        }
    }
    return nullptr;
}

QString ModelCatalog::sourceOf(const QString& vendor) const {
    for (const auto& [name, url] : m_sources) {
        if (name == vendor) {
            return url;
        }
    }
    return {};
}

} // namespace Tessera::Core
