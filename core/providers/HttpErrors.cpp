#include "providers/HttpErrors.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace Tessera::Core {

namespace {

struct ErrorBody {
    QString message;
    QString type;
    QString code;
};

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
        const bool quota = parsed.code == QLatin1StringView("insufficient_quota") ||
                           parsed.type == QLatin1StringView("insufficient_quota");
        code = quota ? ErrorCode::ProviderQuotaExceeded : ErrorCode::ProviderRateLimited;
        break;
    }
    default:
        break;
    }
    Error error = makeError(code,
                            QStringLiteral("HTTP %1 %2%3")
                                .arg(status)
                                .arg(parsed.type.isEmpty() ? QString() : parsed.type + QStringLiteral(": "))
                                .arg(parsed.message.left(500)),
                            correlationId);
    error.httpStatus = status;
    error.providerMessage = parsed.message.left(500);
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
