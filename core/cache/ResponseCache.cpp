#include "cache/ResponseCache.h"

#include "providers/ProviderConfig.h"
#include "storage/Database.h"
#include "storage/SettingsRepository.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace Tessera::Core {

namespace {

const QString kInteractive = QStringLiteral("cache.interactive");
const QString kBatch = QStringLiteral("cache.batch");
const QString kTtl = QStringLiteral("cache.ttl_seconds");

} // namespace

CacheSettings CacheSettings::load(const SettingsRepository& settings) {
    CacheSettings result;
    result.interactive = settings.value(kInteractive, QStringLiteral("0")) == QLatin1StringView("1");
    result.batch = settings.value(kBatch, QStringLiteral("1")) == QLatin1StringView("1");
    bool ok = false;
    const qint64 ttl = settings.value(kTtl).toLongLong(&ok);
    if (ok && ttl > 0) {
        result.ttlSeconds = ttl;
    }
    return result;
}

Status CacheSettings::save(const SettingsRepository& settings) const {
    if (ttlSeconds <= 0 || ttlSeconds > qint64(366) * 24 * 3600) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the cache lifetime must be between 1 second and a year"));
    }
    for (const auto& [key, value] :
         {std::pair{kInteractive, QString::number(int(interactive))}, std::pair{kBatch, QString::number(int(batch))},
          std::pair{kTtl, QString::number(ttlSeconds)}}) {
        if (auto status = settings.setValue(key, value); !status) {
            return status;
        }
    }
    return {};
}

ResponseCache::ResponseCache(const Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {
}

QString ResponseCache::keyFor(const ProviderConfig& provider, const ChatRequest& request, qint64 requesterId) {
    QJsonArray messages;
    for (const ChatTurn& turn : request.messages) {
        QJsonArray images;
        for (const ImageAttachment& image : turn.images) {
            images.append(
                QString::fromLatin1(QCryptographicHash::hash(image.data, QCryptographicHash::Sha256).toHex()));
        }
        messages.append(QJsonArray{QString(roleName(turn.role)), turn.content, images});
    }
    QJsonObject normalised{
        {QStringLiteral("provider"), provider.name.toLower()},
        {QStringLiteral("kind"), QString(kindName(provider.kind))},
        {QStringLiteral("endpoint"), provider.baseUrl},
        {QStringLiteral("model"), request.model},
        {QStringLiteral("system"), request.systemPrompt},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("max_tokens"), request.maxTokens ? QJsonValue(*request.maxTokens) : QJsonValue()},
        {QStringLiteral("temperature"), request.temperature ? QJsonValue(*request.temperature) : QJsonValue()},
    };
    if (requesterId != 0) {
        normalised.insert(QStringLiteral("requester"), requesterId);
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(normalised).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
            .toHex());
}

Result<std::optional<ChatAnswer>> ResponseCache::lookup(const QString& key) const {
    const QString now = toStoredTime(m_clock.nowUtc());
    auto query =
        m_db.exec(QStringLiteral("SELECT answer FROM response_cache WHERE key = ? AND expires_at > ?"), {key, now});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return std::optional<ChatAnswer>();
    }
    const QJsonObject stored = QJsonDocument::fromJson(query->value(0).toString().toUtf8()).object();
    if (auto hit = m_db.exec(QStringLiteral("UPDATE response_cache SET hits = hits + 1 WHERE key = ?"), {key}); !hit) {
        return fail(hit.error());
    }
    ChatAnswer answer;
    answer.text = stored.value(QLatin1StringView("text")).toString();
    answer.model = stored.value(QLatin1StringView("model")).toString();
    answer.finishReason = stored.value(QLatin1StringView("finishReason")).toString();
    answer.providerName = stored.value(QLatin1StringView("provider")).toString();
    answer.usageReported = true; // zero tokens, exactly: nothing was sent
    answer.ttftMs = 0;
    answer.attempts = 0;
    answer.cacheHit = true;
    return std::optional<ChatAnswer>(answer);
}

Status ResponseCache::store(const QString& key, const QString& providerName, const QString& model,
                            const ChatAnswer& answer, qint64 ttlSeconds) const {
    if (answer.text.isEmpty() || answer.cacheHit) {
        return {};
    }
    const QJsonObject stored{{QStringLiteral("text"), answer.text},
                             {QStringLiteral("model"), answer.model},
                             {QStringLiteral("finishReason"), answer.finishReason},
                             {QStringLiteral("provider"), providerName}};
    const QDateTime now = m_clock.nowUtc();
    auto query = m_db.exec(
        QStringLiteral("INSERT INTO response_cache (key, provider_name, model, answer, created_at, expires_at) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET answer = excluded.answer, "
                       "created_at = excluded.created_at, expires_at = excluded.expires_at"),
        {key, providerName, model, QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)),
         toStoredTime(now), toStoredTime(now.addSecs(ttlSeconds))});
    if (!query) {
        return fail(query.error());
    }
    return {};
}

Result<qint64> ResponseCache::invalidate(const QString& providerName, const QString& model) const {
    Result<QSqlQuery> query = providerName.isEmpty() ? m_db.exec(QStringLiteral("DELETE FROM response_cache"))
                              : model.isEmpty()
                                  ? m_db.exec(QStringLiteral("DELETE FROM response_cache WHERE lower(provider_name) = "
                                                             "lower(?)"),
                                              {providerName})
                                  : m_db.exec(QStringLiteral("DELETE FROM response_cache WHERE lower(provider_name) = "
                                                             "lower(?) AND model = ?"),
                                              {providerName, model});
    if (!query) {
        return fail(query.error());
    }
    return qint64(query->numRowsAffected());
}

Result<qint64> ResponseCache::purgeExpired() const {
    auto query =
        m_db.exec(QStringLiteral("DELETE FROM response_cache WHERE expires_at <= ?"), {toStoredTime(m_clock.nowUtc())});
    if (!query) {
        return fail(query.error());
    }
    return qint64(query->numRowsAffected());
}

Result<CacheStats> ResponseCache::stats() const {
    auto query = m_db.exec(
        QStringLiteral(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN expires_at <= ? THEN 1 ELSE 0 END), 0), COALESCE(SUM(hits), 0) "
            "FROM response_cache"),
        {toStoredTime(m_clock.nowUtc())});
    if (!query) {
        return fail(query.error());
    }
    CacheStats stats;
    if (query->next()) {
        stats.entries = query->value(0).toLongLong();
        stats.expired = query->value(1).toLongLong();
        stats.hits = query->value(2).toLongLong();
    }
    return stats;
}

} // namespace Tessera::Core
