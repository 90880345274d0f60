#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QNetworkReply>

#include <optional>

namespace Tessera::Core {

// Maps an HTTP error response (status, body in the OpenAI error shape or close to it) to a typed error.
Error errorFromHttpResponse(int status, const QByteArray& body, const QString& correlationId);
// Maps a transport failure (no HTTP status) to a typed error.
Error errorFromNetworkError(QNetworkReply::NetworkError code, const QString& text, const QString& correlationId);
// retry-after-ms, then retry-after (seconds or HTTP date), in milliseconds.
std::optional<qint64> retryAfterMs(const QNetworkReply& reply);

// Upper bound for a whole non-streamed body or an error body.
inline constexpr qsizetype maxResponseBytes = qsizetype(16) * 1024 * 1024;

} // namespace Tessera::Core
