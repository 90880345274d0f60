#include "providers/RateLimitHeaders.h"

#include <QNetworkReply>
#include <QRegularExpression>

namespace Tessera::Core {

namespace {

std::optional<qint64> headerInt(const QNetworkReply& reply, const QByteArray& name) {
    const QByteArray value = reply.rawHeader(name).trimmed();
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    return ok ? std::optional(number) : std::nullopt;
}

std::optional<qint64> headerReset(const QNetworkReply& reply, const QByteArray& name, const QDateTime& now) {
    const QString value = QString::fromLatin1(reply.rawHeader(name).trimmed());
    if (value.isEmpty()) {
        return std::nullopt;
    }
    if (auto duration = parseResetDuration(value)) {
        return duration;
    }
    const QDateTime at = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (at.isValid()) {
        return std::max<qint64>(0, now.msecsTo(at));
    }
    return std::nullopt;
}

QString part(const char* what, std::optional<qint64> remaining, std::optional<qint64> limit,
             std::optional<qint64> resetMs) {
    if (!remaining && !limit) {
        return {};
    }
    QString text = QLatin1StringView(what) + QLatin1Char(' ') +
                   (remaining ? QString::number(*remaining) : QStringLiteral("?")) + QLatin1Char('/') +
                   (limit ? QString::number(*limit) : QStringLiteral("?"));
    if (resetMs) {
        text += QStringLiteral(" (reset in %1 s)").arg(double(*resetMs) / 1000.0, 0, 'f', 1);
    }
    return text;
}

} // namespace

std::optional<qint64> parseResetDuration(const QString& text) {
    static const QRegularExpression whole(
        QStringLiteral(R"re(^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$)re"));
    const QRegularExpressionMatch match = whole.match(text);
    if (!match.hasMatch() || text.isEmpty()) {
        return std::nullopt;
    }
    const double ms = match.captured(1).toDouble() * 3'600'000 + match.captured(2).toDouble() * 60'000 +
                      match.captured(3).toDouble() * 1000 + match.captured(4).toDouble();
    return qint64(ms);
}

ProviderRateLimits parseRateLimitHeaders(const QNetworkReply& reply, const QDateTime& now) {
    ProviderRateLimits limits;
    if (reply.hasRawHeader("anthropic-ratelimit-requests-limit") ||
        reply.hasRawHeader("anthropic-ratelimit-tokens-limit")) {
        limits.limitRequests = headerInt(reply, "anthropic-ratelimit-requests-limit");
        limits.remainingRequests = headerInt(reply, "anthropic-ratelimit-requests-remaining");
        limits.resetRequestsMs = headerReset(reply, "anthropic-ratelimit-requests-reset", now);
        limits.limitTokens = headerInt(reply, "anthropic-ratelimit-tokens-limit");
        limits.remainingTokens = headerInt(reply, "anthropic-ratelimit-tokens-remaining");
        limits.resetTokensMs = headerReset(reply, "anthropic-ratelimit-tokens-reset", now);
    } else {
        limits.limitRequests = headerInt(reply, "x-ratelimit-limit-requests");
        limits.remainingRequests = headerInt(reply, "x-ratelimit-remaining-requests");
        limits.resetRequestsMs = headerReset(reply, "x-ratelimit-reset-requests", now);
        limits.limitTokens = headerInt(reply, "x-ratelimit-limit-tokens");
        limits.remainingTokens = headerInt(reply, "x-ratelimit-remaining-tokens");
        limits.resetTokensMs = headerReset(reply, "x-ratelimit-reset-tokens", now);
    }
    if (!limits.isEmpty()) {
        limits.observedAt = now;
    }
    return limits;
}

QString ProviderRateLimits::summary() const {
    QStringList parts;
    if (QString requests = part("requests", remainingRequests, limitRequests, resetRequestsMs); !requests.isEmpty()) {
        parts << requests;
    }
    if (QString tokens = part("tokens", remainingTokens, limitTokens, resetTokensMs); !tokens.isEmpty()) {
        parts << tokens;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace Tessera::Core
