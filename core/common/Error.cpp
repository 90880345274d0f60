#include "common/Error.h"

#include <QCoreApplication>

namespace Tessera::Core {

QString Error::userMessage() const {
    return QString::fromUtf8(defaultMessage(code));
}

QString Error::translatedMessage() const {
    return QCoreApplication::translate("Tessera::Core::Error", defaultMessage(code));
}

QString Error::toLogString() const {
    QString line = QString(codeName(code));
    if (!correlationId.isEmpty()) {
        line += QStringLiteral(" cid=") + correlationId;
    }
    if (httpStatus) {
        line += QStringLiteral(" http=") + QString::number(*httpStatus);
    }
    if (retryAfterMs) {
        line += QStringLiteral(" retry_after_ms=") + QString::number(*retryAfterMs);
    }
    if (!detail.isEmpty()) {
        line += QStringLiteral(": ") + detail;
    }
    return line;
}

Error makeError(ErrorCode code, QString detail, QString correlationId) {
    Error error;
    error.code = code;
    error.detail = std::move(detail);
    error.correlationId = std::move(correlationId);
    return error;
}

} // namespace Tessera::Core
