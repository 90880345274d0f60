#pragma once

#include "common/Clock.h"

#include <QtGlobal>

#include <deque>
#include <optional>

namespace Tessera::Core {

// Client-side limits for one provider; 0 means no limit.
struct RateLimitSettings {
    int requestsPerMinute = 0;
    qint64 tokensPerMinute = 0;
    qint64 maxWaitMs = 30'000; // a request that would have to wait longer fails with provider.local_rate_limit

    bool operator==(const RateLimitSettings&) const = default;
};

struct Admission {
    bool admitted = false;
    qint64 waitMs = 0;       // when not admitted: how long until the request would fit
    bool impossible = false; // the request alone is larger than the per-minute token budget
};

// A sliding-window limiter over the last 60 seconds. Unlike a token bucket it never admits more than the
// budget in any 60-second window, which is what a provider's per-minute limit means. It also honours what the
// provider said: when its headers report no requests (or tokens) remaining, nothing is admitted until the reset.
class RateLimiter final {
public:
    static constexpr qint64 windowMs = 60'000;

    RateLimiter(RateLimitSettings settings, const Clock& clock);

    const RateLimitSettings& settings() const { return m_settings; }
    void setSettings(const RateLimitSettings& settings) { m_settings = settings; }

    // Admits a request of `tokens` estimated tokens now, or says how long to wait.
    Admission tryAcquire(qint64 tokens);
    // After the call: replaces the estimate of the most recent admission with the tokens actually used.
    void settle(qint64 estimatedTokens, qint64 actualTokens);
    // The provider reported its own remaining budget: block until resetInMs when nothing is left.
    void observeProviderRemaining(std::optional<qint64> remaining, std::optional<qint64> resetInMs);

    int requestsInWindow();
    qint64 tokensInWindow();

private:
    struct Entry {
        qint64 atMs;
        qint64 tokens;
    };
    void expire(qint64 now);

    RateLimitSettings m_settings;
    const Clock& m_clock;
    std::deque<Entry> m_entries;
    qint64 m_tokens = 0;
    qint64 m_blockedUntilMs = 0;
};

} // namespace Tessera::Core
