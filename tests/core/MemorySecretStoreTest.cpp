#include "secrets/MemorySecretStore.h"
#include "logging/Redactor.h"
#include "secrets/ApiKeyResolver.h"
#include "support/TestHelpers.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::waitUntil;

TEST(ApiKeyResolver, ResolvedKeysAreRegisteredWithTheRedactor) {
    MemorySecretStore store;
    Redactor redactor;
    ApiKeyResolver resolver(store, &redactor);
    ProviderConfig config;
    config.name = QStringLiteral("p");
    config.keySource = KeySource::Keychain;
    bool written = false;
    store.write(config.keychainKey(), QStringLiteral("plain-looking-secret"), [&](Status) { written = true; });
    ASSERT_TRUE(waitUntil([&] { return written; }));
    std::optional<Result<QString>> key;
    resolver.resolve(config, [&](Result<QString> r) { key = r; });
    ASSERT_TRUE(waitUntil([&] { return key.has_value(); }));
    ASSERT_TRUE(key->has_value());
    EXPECT_EQ(redactor.redact(QStringLiteral("x plain-looking-secret y")), QStringLiteral("x [REDACTED] y"));
}

TEST(ApiKeyResolver, MissingKeychainEntryIsSecretNotFound) {
    MemorySecretStore store;
    ApiKeyResolver resolver(store, nullptr);
    ProviderConfig config;
    config.name = QStringLiteral("p");
    config.keySource = KeySource::Keychain;
    std::optional<Result<QString>> key;
    resolver.resolve(config, [&](Result<QString> r) { key = r; });
    ASSERT_TRUE(waitUntil([&] { return key.has_value(); }));
    ASSERT_FALSE(key->has_value());
    EXPECT_EQ(key->error().code, ErrorCode::SecretNotFound);
}

TEST(ApiKeyResolver, NoKeySourceGivesAnEmptyKey) {
    MemorySecretStore store;
    ApiKeyResolver resolver(store, nullptr);
    ProviderConfig config;
    config.keySource = KeySource::None;
    std::optional<Result<QString>> key;
    resolver.resolve(config, [&](Result<QString> r) { key = r; });
    ASSERT_TRUE(key.has_value()) << "no asynchronous step is needed";
    EXPECT_EQ(**key, QString());
}
