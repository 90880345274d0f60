#include "providers/HttpErrors.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Tessera::Core {

namespace {

struct ErrorBody {
    QString message;
    QString type;                       // OpenAI error.type, Anthropic error.type, Gemini error.status
    QString code;                       // OpenAI error.code, Anthropic error.details.error_code
    std::optional<qint64> retryDelayMs; // Gemini RetryInfo.retryDelay
    bool perDayQuota = false;           // Gemini QuotaFailure with a per-day quota id
};

// Gemini's google.rpc details: RetryInfo {retryDelay: "58s"} and QuotaFailure {violations: [{quotaId}]}.
void readGoogleDetails(const QJsonArray& details, ErrorBody& parsed) {
    for (const auto& value : details) {
        const QJsonObject detail = value.toObject();
        const QString type = detail.value(QLatin1StringView("@type")).toString();
        if (type.endsWith(QLatin1StringView("google.rpc.RetryInfo"))) {
            QString delay = detail.value(QLatin1StringView("retryDelay")).toString().trimmed();
            if (delay.endsWith(QLatin1Char('s'))) {
                delay.chop(1);
                bool ok = false;
                const double seconds = delay.toDouble(&ok);
                if (ok && seconds >= 0) {
                    parsed.retryDelayMs = qint64(seconds * 1000);
                }
            }
        } else if (type.endsWith(QLatin1StringView("google.rpc.QuotaFailure"))) {
            for (const auto& violation : detail.value(QLatin1StringView("violations")).toArray()) {
                const QString quotaId = violation.toObject().value(QLatin1StringView("quotaId")).toString();
                if (quotaId.contains(QLatin1StringView("PerDay"), Qt::CaseInsensitive)) {
                    parsed.perDayQuota = true;
                }
            }
        }
    }
}

ErrorBody parseErrorBody(const QByteArray& body) {
    ErrorBody parsed;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject()) {
        parsed.message = QString::fromUtf8(body.left(300)).simplified();
        return parsed;
    }
    const QJsonValue error = doc.object().value(QLatin1StringView("error"));
    if (error.isObject()) {
        const QJsonObject object = error.toObject();
        parsed.message = object.value(QLatin1StringView("message")).toString();
        parsed.type = object.value(QLatin1StringView("type")).toString();
        const QJsonValue code = object.value(QLatin1StringView("code"));
        parsed.code = code.isString() ? code.toString() : QString();
        if (const QJsonValue status = object.value(QLatin1StringView("status")); status.isString()) {
            parsed.type = status.toString(); // Gemini: RESOURCE_EXHAUSTED, UNAVAILABLE, ...
        }
        const QJsonValue details = object.value(QLatin1StringView("details"));
        if (details.isArray()) {
            readGoogleDetails(details.toArray(), parsed);
        } else if (details.isObject()) {
            parsed.code = details.toObject().value(QLatin1StringView("error_code")).toString(parsed.code);
        }
    } else if (error.isString()) {
        parsed.message = error.toString(); // Ollama-style {"error": "..."}
    } else {
        parsed.message = doc.object().value(QLatin1StringView("message")).toString();
    }
    return parsed;
}

} // namespace

Error errorFromHttpResponse(int status, const QByteArray& body, const QString& correlationId) {
    const ErrorBody parsed = parseErrorBody(body);
    // 5xx and anything unexpected: the provider is unavailable; other 4xx: the request was rejected.
    ErrorCode code = status >= 400 && status < 500 ? ErrorCode::ProviderBadRequest : ErrorCode::ProviderUnavailable;
    switch (status) {
    case 401:
        code = ErrorCode::ProviderUnauthorized;
        break;
    case 403:
        code = ErrorCode::ProviderForbidden;
        break;
    case 404:
        code = ErrorCode::ProviderNotFound;
        break;
    case 408:
        code = ErrorCode::Timeout;
        break;
    case 429: {
        // Not retryable: OpenAI's insufficient_quota, Anthropic's spend limit, Gemini's per-day quota.
        const bool quota = parsed.code == QLatin1StringView("insufficient_quota") ||
                           parsed.type == QLatin1StringView("insufficient_quota") ||
                           parsed.code == QLatin1StringView("enforced_spend_limit_reached") || parsed.perDayQuota;
        code = quota ? ErrorCode::ProviderQuotaExceeded : ErrorCode::ProviderRateLimited;
        break;
    }
    case 529:
        code = ErrorCode::ProviderOverloaded;
        break;
    default:
        break;
    }
    if (parsed.type == QLatin1StringView("overloaded_error")) {
        code = ErrorCode::ProviderOverloaded;
    } else if (parsed.type == QLatin1StringView("billing_error")) {
        code = ErrorCode::ProviderQuotaExceeded;
    }
    Error error = makeError(code,
                            QStringLiteral("HTTP %1 %2%3")
                                .arg(status)
                                .arg(parsed.type.isEmpty() ? QString() : parsed.type + QStringLiteral(": "))
                                .arg(parsed.message.left(500)),
                            correlationId);
    error.httpStatus = status;
    error.providerMessage = parsed.message.left(500);
    error.retryAfterMs = parsed.retryDelayMs;
    return error;
}

Error errorFromNetworkError(QNetworkReply::NetworkError code, const QString& text, const QString& correlationId) {
    ErrorCode mapped = ErrorCode::NetworkUnreachable;
    switch (code) {
    case QNetworkReply::TimeoutError:
        mapped = ErrorCode::Timeout;
        break;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::UnknownProxyError:
        mapped = code == QNetworkReply::SslHandshakeFailedError ? ErrorCode::TlsFailed : ErrorCode::NetworkUnreachable;
        break;
    case QNetworkReply::OperationCanceledError:
        mapped = ErrorCode::Cancelled;
        break;
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::InsecureRedirectError: // redirected to another origin: the base URL is likely wrong
    case QNetworkReply::TooManyRedirectsError:
        mapped = ErrorCode::InvalidResponse;
        break;
    default:
        mapped = ErrorCode::NetworkUnreachable;
        break;
    }
    return makeError(mapped, QStringLiteral("network error %1: %2").arg(int(code)).arg(text), correlationId);
}

std::optional<qint64> retryAfterMs(const QNetworkReply& reply) {
    bool ok = false;
    const QByteArray ms = reply.rawHeader("retry-after-ms");
    if (!ms.isEmpty()) {
        const double value = ms.trimmed().toDouble(&ok);
        if (ok && value >= 0) {
            return qint64(value);
        }
    }
    const QByteArray after = reply.rawHeader("retry-after").trimmed();
    if (after.isEmpty()) {
        return std::nullopt;
    }
    const double seconds = after.toDouble(&ok);
    if (ok && seconds >= 0) {
        return qint64(seconds * 1000);
    }
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(after), Qt::RFC2822Date);
    if (date.isValid()) {
        return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(date));
    }
    return std::nullopt;
}

} // namespace Tessera::Core
