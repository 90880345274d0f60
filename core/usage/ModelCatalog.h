#pragma once

#include "common/Result.h"
#include "usage/Pricing.h"

#include <QByteArray>
#include <QDate>
#include <QRegularExpression>
#include <QString>

#include <optional>
#include <vector>

namespace Tessera::Core {

struct ProviderConfig;

// Whose list prices apply to a provider's models: the vendor's ("openai", "anthropic", "google"), "local" (nothing
// to pay: Ollama, or an OpenAI-compatible server on this machine), or empty (a gateway or other compatible service
// whose prices Tessera does not know: an administrator sets them).
QString priceVendorOf(const ProviderConfig& provider);

// One model in the catalog.
struct CatalogModel {
    QString id;                               // "gpt-5.4"
    QString vendor;                           // "openai", "anthropic", "google"
    std::vector<QRegularExpression> patterns; // dated snapshots and aliases: "gpt-5.4-2026-03-05", "-latest"
    qint64 contextWindow = 0;
    qint64 maxOutput = 0;
    QString encoding; // "o200k_base", "cl100k_base", or empty: the vendor's tokenizer is not public
    // The shortest prompt prefix the vendor's prompt cache takes for this model (Anthropic's minimum); 0 when the
    // catalog does not say, and defaultCacheMinTokens applies.
    qint64 cacheMinTokens = 0;
    Price price;

    static constexpr qint64 defaultCacheMinTokens = 1024;
    qint64 promptCacheMinimum() const { return cacheMinTokens > 0 ? cacheMinTokens : defaultCacheMinTokens; }
};

// The model catalog that ships with Tessera (resources/models/catalog.json): context windows, output limits,
// encodings and list prices with their sources and date. Looked up by a model's exact id first, then by pattern.
class ModelCatalog final {
public:
    // The built-in catalog, read once; a catalog that does not parse is a build defect, caught by the tests.
    static const ModelCatalog& builtIn();
    static Result<ModelCatalog> parse(const QByteArray& json);

    // The model of a vendor ("openai", ...) by exact id or pattern; any vendor's when vendor is empty.
    const CatalogModel* find(const QString& vendor, const QString& model) const;
    const std::vector<CatalogModel>& models() const { return m_models; }
    QDate date() const { return m_date; }
    QString sourceOf(const QString& vendor) const;

private:
    std::vector<CatalogModel> m_models;
    QDate m_date;
    std::vector<std::pair<QString, QString>> m_sources;
};

} // namespace Tessera::Core
