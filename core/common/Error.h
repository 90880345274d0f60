#pragma once

#include "common/ErrorCode.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Tessera::Core {

// What a quota refusal is about: which budget or limit, how much is used, reserved and allowed, and when it resets.
struct QuotaDetail {
    QString limitName;   // "the monthly budget of user ada", "requests per minute of role Member" (English)
    QString scope;       // "user", "role", "global"
    QString subject;     // the user's or role's name; empty for global
    QString period;      // "day", "week", "month", "total"; "minute" or "at_once" for rate limits
    QString unit;        // "usd" (micro-dollars), "tokens", "requests_per_minute", "concurrent"
    qint64 used = 0;     // recorded in the window
    qint64 reserved = 0; // held by answers in flight
    qint64 limit = 0;
    qint64 requested = 0; // what this request needed
    QDateTime resetsAt;   // invalid for a total budget or a concurrency limit
    bool operator==(const QuotaDetail&) const = default;
};

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
    std::optional<QuotaDetail> quota; // quota.exceeded and quota.rate_limited: the budget or limit

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
