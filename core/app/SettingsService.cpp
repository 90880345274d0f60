#include "app/SettingsService.h"

#include "accounts/Authorization.h"
#include "storage/SettingsRepository.h"

namespace Tessera::Core {

SettingsService::SettingsService(const SettingsRepository& settings, const ResponseCache& cache)
    : m_settings(settings)
    , m_cache(cache) {
}

QString SettingsService::value(const Actor& actor, const QString& key, const QString& fallback) const {
    return m_settings.personalValue(actor.userId, key, fallback);
}

Status SettingsService::setValue(const Actor& actor, const QString& key, const QString& value) const {
    if (key.trimmed().isEmpty() || key.size() > maxKeyLength) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a setting's name must have 1 to %1 characters").arg(maxKeyLength));
    }
    if (value.size() > maxValueLength) {
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("the value of %1 is longer than %2 characters").arg(key.left(40)).arg(maxValueLength));
    }
    return m_settings.setPersonalValue(actor.userId, key, value);
}

CacheSettings SettingsService::cacheSettings(const Actor& /*actor*/) const {
    return CacheSettings::load(m_settings);
}

Status SettingsService::setCacheSettings(const Actor& actor, const CacheSettings& settings) const {
    if (auto allowed = require(actor, Permission::ProvidersManage); !allowed) {
        return allowed;
    }
    return settings.save(m_settings);
}

Result<CacheStats> SettingsService::cacheStats(const Actor& actor) const {
    if (auto allowed = require(actor, Permission::ProvidersManage); !allowed) {
        return fail(allowed.error());
    }
    return m_cache.stats();
}

Result<qint64> SettingsService::clearCache(const Actor& actor, const QString& providerName,
                                           const QString& model) const {
    if (auto allowed = require(actor, Permission::ProvidersManage); !allowed) {
        return fail(allowed.error());
    }
    if (!model.isEmpty() && providerName.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a model is cleared together with its provider"));
    }
    return m_cache.invalidate(providerName, model);
}

Result<qint64> SettingsService::clearExpiredCache(const Actor& actor) const {
    if (auto allowed = require(actor, Permission::ProvidersManage); !allowed) {
        return fail(allowed.error());
    }
    return m_cache.purgeExpired();
}

} // namespace Tessera::Core
