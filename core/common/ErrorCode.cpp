#include "common/ErrorCode.h"

#include <QtGlobal>

namespace Tessera::Core {

QLatin1StringView codeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::Internal:
        return QLatin1StringView("internal");
    case ErrorCode::InvalidArgument:
        return QLatin1StringView("input.invalid");
    case ErrorCode::NotFound:
        return QLatin1StringView("store.not_found");
    case ErrorCode::AlreadyExists:
        return QLatin1StringView("store.already_exists");
    case ErrorCode::StorageFailed:
        return QLatin1StringView("store.failed");
    case ErrorCode::MigrationFailed:
        return QLatin1StringView("store.migration_failed");
    case ErrorCode::StoreBusy:
        return QLatin1StringView("store.busy");
    case ErrorCode::StoreUnreachable:
        return QLatin1StringView("store.unreachable");
    case ErrorCode::SecretStoreUnavailable:
        return QLatin1StringView("secrets.unavailable");
    case ErrorCode::SecretNotFound:
        return QLatin1StringView("secrets.not_found");
    case ErrorCode::SecretStoreFailed:
        return QLatin1StringView("secrets.failed");
    case ErrorCode::ApiKeyMissing:
        return QLatin1StringView("secrets.api_key_missing");
    case ErrorCode::NetworkUnreachable:
        return QLatin1StringView("network.unreachable");
    case ErrorCode::Timeout:
        return QLatin1StringView("network.timeout");
    case ErrorCode::TlsFailed:
        return QLatin1StringView("network.tls");
    case ErrorCode::Cancelled:
        return QLatin1StringView("request.cancelled");
    case ErrorCode::ProviderBadRequest:
        return QLatin1StringView("provider.bad_request");
    case ErrorCode::ProviderUnauthorized:
        return QLatin1StringView("provider.unauthorized");
    case ErrorCode::ProviderForbidden:
        return QLatin1StringView("provider.forbidden");
    case ErrorCode::ProviderNotFound:
        return QLatin1StringView("provider.not_found");
    case ErrorCode::ProviderRateLimited:
        return QLatin1StringView("provider.rate_limited");
    case ErrorCode::ProviderQuotaExceeded:
        return QLatin1StringView("provider.quota_exceeded");
    case ErrorCode::ProviderUnavailable:
        return QLatin1StringView("provider.unavailable");
    case ErrorCode::ProviderStreamError:
        return QLatin1StringView("provider.stream_error");
    case ErrorCode::StreamInterrupted:
        return QLatin1StringView("provider.stream_interrupted");
    case ErrorCode::InvalidResponse:
        return QLatin1StringView("provider.invalid_response");
    case ErrorCode::ResponseTooLarge:
        return QLatin1StringView("provider.response_too_large");
    case ErrorCode::ProviderOverloaded:
        return QLatin1StringView("provider.overloaded");
    case ErrorCode::CircuitOpen:
        return QLatin1StringView("provider.circuit_open");
    case ErrorCode::LocalRateLimited:
        return QLatin1StringView("provider.local_rate_limit");
    case ErrorCode::AttachmentUnsupported:
        return QLatin1StringView("attachment.unsupported");
    case ErrorCode::AttachmentTooLarge:
        return QLatin1StringView("attachment.too_large");
    case ErrorCode::ImportInvalid:
        return QLatin1StringView("import.invalid");
    case ErrorCode::ExportFailed:
        return QLatin1StringView("export.failed");
    case ErrorCode::AuthForbidden:
        return QLatin1StringView("auth.forbidden");
    case ErrorCode::AuthWeakPassword:
        return QLatin1StringView("auth.weak_password");
    case ErrorCode::AuthRequired:
        return QLatin1StringView("auth.required");
    case ErrorCode::AuthFailed:
        return QLatin1StringView("auth.failed");
    case ErrorCode::AuthLocked:
        return QLatin1StringView("auth.locked");
    case ErrorCode::FeatureDisabled:
        return QLatin1StringView("feature.disabled");
    case ErrorCode::QuotaExceeded:
        return QLatin1StringView("quota.exceeded");
    case ErrorCode::QuotaRateLimited:
        return QLatin1StringView("quota.rate_limited");
    case ErrorCode::ContextTooLong:
        return QLatin1StringView("context.too_long");
    case ErrorCode::FineTuneFailed:
        return QLatin1StringView("finetune.failed");
    }
    return QLatin1StringView("internal");
}

int cliExitCode(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::ContextTooLong:
    case ErrorCode::AttachmentUnsupported:
    case ErrorCode::AttachmentTooLarge:
    case ErrorCode::ImportInvalid:
    case ErrorCode::AuthWeakPassword:
        return 2;
    case ErrorCode::ProviderUnauthorized:
    case ErrorCode::ProviderForbidden:
    case ErrorCode::ApiKeyMissing:
        return 3;
    case ErrorCode::ProviderRateLimited:
    case ErrorCode::ProviderQuotaExceeded:
    case ErrorCode::LocalRateLimited:
        return 4;
    case ErrorCode::NetworkUnreachable:
    case ErrorCode::Timeout:
    case ErrorCode::TlsFailed:
    case ErrorCode::ProviderUnavailable:
    case ErrorCode::ProviderOverloaded:
    case ErrorCode::CircuitOpen:
        return 5;
    case ErrorCode::StreamInterrupted:
    case ErrorCode::ProviderStreamError:
    case ErrorCode::Cancelled:
        return 6;
    case ErrorCode::NotFound:
    case ErrorCode::ProviderNotFound:
        return 7;
    case ErrorCode::SecretStoreUnavailable:
    case ErrorCode::SecretNotFound:
    case ErrorCode::SecretStoreFailed:
        return 8;
    case ErrorCode::StorageFailed:
    case ErrorCode::MigrationFailed:
    case ErrorCode::AlreadyExists:
    case ErrorCode::ExportFailed:
    case ErrorCode::StoreBusy:
    case ErrorCode::StoreUnreachable:
        return 9;
    case ErrorCode::AuthRequired:
        return 10;
    case ErrorCode::AuthForbidden:
    case ErrorCode::FeatureDisabled:
        return 11;
    case ErrorCode::AuthFailed:
    case ErrorCode::AuthLocked:
        return 12;
    case ErrorCode::QuotaExceeded:
    case ErrorCode::QuotaRateLimited:
        return 13;
    case ErrorCode::ProviderBadRequest:
    case ErrorCode::InvalidResponse:
    case ErrorCode::ResponseTooLarge:
    case ErrorCode::Internal:
    case ErrorCode::FineTuneFailed:
        return 1;
    }
    return 1;
}

const char* defaultMessage(ErrorCode code) {
    switch (code) {
    case ErrorCode::Internal:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "Something went wrong inside Tessera. Please report it with the log file.");
    case ErrorCode::InvalidArgument:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error", "The input is not valid. Check it and try again.");
    case ErrorCode::NotFound:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error", "The requested item does not exist.");
    case ErrorCode::AlreadyExists:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error", "An item with this name already exists. Choose another name.");
    case ErrorCode::StorageFailed:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The local database could not be read or written. Check the disk and run "
                                 "'tessera-cli doctor'.");
    case ErrorCode::MigrationFailed:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The database could not be upgraded. Nothing was changed; restore a backup or "
                                 "report the problem.");
    case ErrorCode::StoreBusy:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The database is busy with another program's change. Nothing was changed; try "
                                 "again in a moment.");
    case ErrorCode::StoreUnreachable:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The database server could not be reached or refused the sign-in. Check that it "
                                 "is running, the address and user in the database URL, and the password "
                                 "(PGPASSWORD or the keychain).");
    case ErrorCode::SecretStoreUnavailable:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "No system keychain (Secret Service) is available. Start your keyring, or give "
                                 "the provider an environment variable that holds the API key.");
    case ErrorCode::SecretNotFound:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The API key for this provider is not in the keychain. Edit the provider and "
                                 "enter the key again.");
    case ErrorCode::SecretStoreFailed:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The keychain refused the request. Unlock your keyring and try again.");
    case ErrorCode::ApiKeyMissing:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "No API key is available: the environment variable named for this provider is "
                                 "not set. Set it, or store the key in the keychain.");
    case ErrorCode::NetworkUnreachable:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The provider could not be reached. Check the base URL and your network "
                                 "connection.");
    case ErrorCode::Timeout:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error", "The provider did not answer in time. Try again later.");
    case ErrorCode::TlsFailed:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "A secure connection to the provider could not be established. Check the base "
                                 "URL and the system's certificates.");
    case ErrorCode::Cancelled:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error", "The request was stopped.");
    case ErrorCode::ProviderBadRequest:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The provider rejected the request. Check the model name and the parameters.");
    case ErrorCode::ProviderUnauthorized:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The provider rejected the API key. Check the key in the provider settings.");
    case ErrorCode::ProviderForbidden:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The API key is not allowed to use this model or endpoint. Check your account's "
                                 "permissions.");
    case ErrorCode::ProviderNotFound:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The provider does not know this model or endpoint. Check the model name and the "
                                 "base URL.");
    case ErrorCode::ProviderRateLimited:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The provider is limiting requests. Wait a moment and try again.");
    case ErrorCode::ProviderQuotaExceeded:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "Your provider account has no quota left. Check your plan and billing details.");
    case ErrorCode::ProviderUnavailable:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error", "The provider is having problems right now. Try again later.");
    case ErrorCode::ProviderStreamError:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The provider reported an error while answering. The partial answer was kept.");
    case ErrorCode::StreamInterrupted:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The answer stopped before it was complete. The partial answer was kept; "
                                 "regenerate to try again.");
    case ErrorCode::InvalidResponse:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The provider sent a response Tessera cannot read. Check that the base URL points "
                                 "to a compatible server.");
    case ErrorCode::ResponseTooLarge:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error", "The provider's response exceeded Tessera's size limits.");
    case ErrorCode::ProviderOverloaded:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The provider is overloaded right now. Tessera retried; try again in a minute or "
                                 "use a fallback model.");
    case ErrorCode::CircuitOpen:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "This provider failed repeatedly, so Tessera pauses requests to it for a while. It "
                                 "will be tried again automatically; the details say when.");
    case ErrorCode::LocalRateLimited:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "This request would exceed the rate limit set for the provider. Wait a moment, or "
                                 "raise the limit in the provider's settings.");
    case ErrorCode::AttachmentUnsupported:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "This file cannot be attached. Images must be PNG, JPEG, WebP or GIF, and other "
                                 "files must be text (UTF-8); convert the file or pick another one.");
    case ErrorCode::AttachmentTooLarge:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The attachment is too large. An image may have at most 5 MB, a text file 256 KB, "
                                 "and a message at most 8 images; make it smaller or send fewer.");
    case ErrorCode::ImportInvalid:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The file cannot be imported: it is damaged or not in a form Tessera reads. Nothing "
                                 "was imported; the details say where and what is wrong.");
    case ErrorCode::ExportFailed:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The export could not be written. Check that the folder exists, that you may "
                                 "write there, and that the disk has room.");
    case ErrorCode::AuthForbidden:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "Your role does not allow this. Ask an administrator if you need it.");
    case ErrorCode::AuthWeakPassword:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The password was refused: it is too short or too easy to guess. The details say "
                                 "why; a few unrelated words make a strong one.");
    case ErrorCode::AuthRequired:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "You are not signed in, or your session has ended. Sign in again (tessera-cli "
                                 "login, or set TESSERA_TOKEN to an API token).");
    case ErrorCode::AuthFailed:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The username or password is wrong. Check both and try again; after five wrong "
                                 "tries the account is locked for a while.");
    case ErrorCode::AuthLocked:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "This account is locked after too many wrong passwords. Try again when the lock "
                                 "ends, or ask an administrator to unlock it.");
    case ErrorCode::FeatureDisabled:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "An administrator has switched this feature off for you. Ask them if you need it.");
    case ErrorCode::QuotaExceeded:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "This request would go over a spending budget, so nothing was sent. Wait until the "
                                 "budget resets, choose a cheaper model or a lower answer length, or ask an "
                                 "administrator for more.");
    case ErrorCode::QuotaRateLimited:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "You have sent as many requests as an administrator allows for now, so nothing was "
                                 "sent. Try again when the time shown has passed or an answer has finished.");
    case ErrorCode::ContextTooLong:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The conversation no longer fits the model's context window, so nothing was sent. "
                                 "Leave out the oldest turns, start a new conversation, or pick a model with a "
                                 "larger window.");
    case ErrorCode::FineTuneFailed:
        return QT_TRANSLATE_NOOP("Tessera::Core::Error",
                                 "The provider's fine-tuning job failed or was cancelled there. Its reason is shown; "
                                 "fix the training file or the settings and submit it again.");
    }
    return "";
}

} // namespace Tessera::Core
