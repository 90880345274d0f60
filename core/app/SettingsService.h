#pragma once

#include "cache/ResponseCache.h"
#include "common/Actor.h"
#include "common/Result.h"

#include <QString>

namespace Tessera::Core {

class SettingsRepository;

// The one door to the settings kept in the store (shared by the app and the CLI) and to the response cache's
// settings and contents.
class SettingsService final {
public:
    SettingsService(const SettingsRepository& settings, const ResponseCache& cache);

    static constexpr qsizetype maxKeyLength = 200;
    static constexpr qsizetype maxValueLength = 100'000;

    // The actor's own settings: each person has theirs (the owner also reads a store's settings from before
    // accounts).
    QString value(const Actor& actor, const QString& key, const QString& fallback = {}) const;
    [[nodiscard]] Status setValue(const Actor& actor, const QString& key, const QString& value) const;

    // The response cache is the store's: its settings are read by everyone; changing them, its statistics and
    // clearing it need providers.manage (auth.forbidden otherwise). Cached answers are kept per person.
    CacheSettings cacheSettings(const Actor& actor) const;
    [[nodiscard]] Status setCacheSettings(const Actor& actor, const CacheSettings& settings) const;
    Result<CacheStats> cacheStats(const Actor& actor) const;
    // Every cached answer, or a provider's (and a model's); returns how many were removed.
    Result<qint64> clearCache(const Actor& actor, const QString& providerName = {}, const QString& model = {}) const;
    Result<qint64> clearExpiredCache(const Actor& actor) const;

private:
    const SettingsRepository& m_settings;
    const ResponseCache& m_cache;
};

} // namespace Tessera::Core
