#include "resilience/RateLimiter.h"

#include <algorithm>

namespace Tessera::Core {

RateLimiter::RateLimiter(RateLimitSettings settings, const Clock& clock)
    : m_settings(settings)
    , m_clock(clock) {
}

void RateLimiter::expire(qint64 now) {
    while (!m_entries.empty() && m_entries.front().atMs + windowMs <= now) {
        m_tokens -= m_entries.front().tokens;
        m_entries.pop_front();
    }
}

int RateLimiter::requestsInWindow() {
    expire(m_clock.monotonicMs());
    return int(m_entries.size());
}

qint64 RateLimiter::tokensInWindow() {
    expire(m_clock.monotonicMs());
    return m_tokens;
}

Admission RateLimiter::tryAcquire(qint64 tokens) {
    tokens = std::max<qint64>(0, tokens);
    const qint64 now = m_clock.monotonicMs();
    expire(now);
    const int rpm = std::max(0, m_settings.requestsPerMinute);
    const qint64 tpm = std::max<qint64>(0, m_settings.tokensPerMinute);
    if (tpm > 0 && tokens > tpm) {
        return {false, 0, true};
    }
    if (now < m_blockedUntilMs) {
        return {false, m_blockedUntilMs - now, false};
    }
    const auto fits = [&](std::size_t dropped, qint64 droppedTokens) {
        const bool requestsFit = rpm == 0 || qint64(m_entries.size() - dropped) + 1 <= rpm;
        const bool tokensFit = tpm == 0 || m_tokens - droppedTokens + tokens <= tpm;
        return requestsFit && tokensFit;
    };
    if (fits(0, 0)) {
        m_entries.push_back({now, tokens});
        m_tokens += tokens;
        return {true, 0, false};
    }
    // Find how many of the oldest admissions must leave the window before this one fits.
    qint64 droppedTokens = 0;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        droppedTokens += m_entries[i].tokens;
        if (fits(i + 1, droppedTokens)) {
            return {false, m_entries[i].atMs + windowMs - now, false};
        }
    }
    return {false, windowMs, false}; // unreachable given the checks above; wait a whole window to be safe
}

void RateLimiter::settle(qint64 estimatedTokens, qint64 actualTokens) {
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->tokens == estimatedTokens) {
            m_tokens += actualTokens - estimatedTokens;
            it->tokens = actualTokens;
            return;
        }
    }
}

void RateLimiter::observeProviderRemaining(std::optional<qint64> remaining, std::optional<qint64> resetInMs) {
    if (remaining && *remaining <= 0 && resetInMs && *resetInMs > 0) {
        m_blockedUntilMs = std::max(m_blockedUntilMs, m_clock.monotonicMs() + std::min<qint64>(*resetInMs, windowMs));
    }
}

} // namespace Tessera::Core
