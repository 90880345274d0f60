#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

class QNetworkReply;

namespace Tessera::Core {

// What a provider said about its own rate limits in the response headers: OpenAI's
// x-ratelimit-{limit,remaining,reset}-{requests,tokens} (reset as a duration like "6m0s") and Anthropic's
// anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset} (reset as an RFC 3339 time).
struct ProviderRateLimits {
    std::optional<qint64> limitRequests;
    std::optional<qint64> remainingRequests;
    std::optional<qint64> resetRequestsMs;
    std::optional<qint64> limitTokens;
    std::optional<qint64> remainingTokens;
    std::optional<qint64> resetTokensMs;
    QDateTime observedAt;

    bool isEmpty() const { return !limitRequests && !remainingRequests && !limitTokens && !remainingTokens; }
    // "requests 59/60 (reset 1s), tokens 149000/150000 (reset 6m0s)"
    QString summary() const;
    bool operator==(const ProviderRateLimits&) const = default;
};

ProviderRateLimits parseRateLimitHeaders(const QNetworkReply& reply, const QDateTime& now);
// "1s", "12ms", "6m0s", "1h2m3.5s" -> milliseconds.
std::optional<qint64> parseResetDuration(const QString& text);

} // namespace Tessera::Core
