#pragma once

#include "common/ErrorCode.h"

#include <QString>

#include <optional>

namespace Tessera::Core {

// An error as a value: a stable code, the detail for the log, and the correlation id of the request it belongs to.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString detail;        // English, for logs and --verbose output; never contains secrets
    QString correlationId; // empty when the error is not tied to a request
    std::optional<int> httpStatus;
    std::optional<qint64> retryAfterMs; // the provider's Retry-After, when it sent one
    QString providerMessage;            // the provider's own message, if any (shown as detail to users)
    std::optional<bool> shouldRetry;    // the provider's x-should-retry header, which overrides the usual rules
    QString subject; // what failed, for the user: "provider/model" of the request (empty when not tied to one)

    // Untranslated user message (see defaultMessage); UI code translates it.
    QString userMessage() const;
    // Translated user message through QCoreApplication::translate, usable by the CLI and UI.
    QString translatedMessage() const;
    // One line for logs: "provider.unauthorized cid=ab12… http=401: detail".
    QString toLogString() const;

    bool operator==(const Error&) const = default;
};

Error makeError(ErrorCode code, QString detail = {}, QString correlationId = {});

} // namespace Tessera::Core
