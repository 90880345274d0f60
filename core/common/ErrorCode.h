#pragma once

#include <QLatin1StringView>
#include <QString>

namespace Tessera::Core {

// Stable error codes. The string form (codeName) is the contract: it appears in the UI, the CLI's
// stderr and JSON output, and logs. Every code is documented in docs/error-codes.md.
enum class ErrorCode {
    Internal,
    InvalidArgument,
    NotFound,
    AlreadyExists,
    StorageFailed,
    MigrationFailed,
    StoreBusy,
    StoreUnreachable,
    SecretStoreUnavailable,
    SecretNotFound,
    SecretStoreFailed,
    ApiKeyMissing,
    NetworkUnreachable,
    Timeout,
    TlsFailed,
    Cancelled,
    ProviderBadRequest,
    ProviderUnauthorized,
    ProviderForbidden,
    ProviderNotFound,
    ProviderRateLimited,
    ProviderQuotaExceeded,
    ProviderUnavailable,
    ProviderStreamError,
    StreamInterrupted,
    InvalidResponse,
    ResponseTooLarge,
    ProviderOverloaded,
    CircuitOpen,
    LocalRateLimited,
    AttachmentUnsupported,
    AttachmentTooLarge,
    ImportInvalid,
    ExportFailed,
    AuthForbidden,
    AuthWeakPassword,
    AuthRequired,
    AuthFailed,
    AuthLocked,
    FeatureDisabled,
    QuotaExceeded,
    QuotaRateLimited,
    ContextTooLong,
    FineTuneFailed,
};

// The last code above; keep it in step when adding one (the tests walk every code up to it).
inline constexpr ErrorCode lastErrorCode = ErrorCode::FineTuneFailed;

// "provider.unauthorized" etc.
QLatin1StringView codeName(ErrorCode code);

// Process exit status the CLI uses for this code (see docs/cli.md).
int cliExitCode(ErrorCode code);

// Untranslated (English) user-facing text for the code: what happened and what to do next.
// The UI passes it through QCoreApplication::translate("Tessera::Core::Error", ...).
const char* defaultMessage(ErrorCode code);

} // namespace Tessera::Core
