#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "providers/ChatRequest.h"

#include <optional>

namespace Tessera::Core {

class Database;
class SettingsRepository;
struct ProviderConfig;

// When answers are cached. Interactive chat is off by default (people regenerate to get a different answer);
// batch work is on by default (the same dataset row should not be paid for twice).
struct CacheSettings {
    bool interactive = false;
    bool batch = true;
    qint64 ttlSeconds = 24 * 3600;

    static CacheSettings load(const SettingsRepository& settings);
    Status save(const SettingsRepository& settings) const;
    bool operator==(const CacheSettings&) const = default;
};

// Per request: use the settings, force a fresh answer (and store it), or neither read nor store.
enum class CacheMode { Default, Refresh, NoStore };

struct CacheStats {
    qint64 entries = 0;
    qint64 expired = 0;
    qint64 hits = 0;
};

// An exact-match cache of complete answers, keyed by a SHA-256 of the normalised request (provider, endpoint,
// model, system prompt, every message and image, and the parameters that change the answer). Errors and partial
// answers are never stored. A hit is an answer with zero tokens, marked as a cache hit.
class ResponseCache final {
public:
    ResponseCache(const Database& db, const Clock& clock);

    // requesterId keeps accounts apart: the same request by two accounts has two keys.
    static QString keyFor(const ProviderConfig& provider, const ChatRequest& request, qint64 requesterId = 0);

    Result<std::optional<ChatAnswer>> lookup(const QString& key) const;
    Status store(const QString& key, const QString& providerName, const QString& model, const ChatAnswer& answer,
                 qint64 ttlSeconds) const;
    // Removes entries for a provider, a provider's model, or (both empty) everything; returns how many.
    Result<qint64> invalidate(const QString& providerName = {}, const QString& model = {}) const;
    Result<qint64> purgeExpired() const;
    Result<CacheStats> stats() const;

private:
    const Database& m_db;
    const Clock& m_clock;
};

} // namespace Tessera::Core
