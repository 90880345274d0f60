// Runs against the real Secret Service. scripts/test.sh starts a private D-Bus session with an unlocked
// gnome-keyring and sets TESSERA_REQUIRE_KEYCHAIN=1, so there the keychain must work. Without a Secret
// Service, the store must say so (SecretStoreUnavailable) rather than fall back to plaintext.
#include "secrets/KeychainSecretStore.h"
#include "support/TestHelpers.h"

#include <QUuid>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::waitUntil;

namespace {

bool keychainRequired() {
    return qEnvironmentVariableIntValue("TESSERA_REQUIRE_KEYCHAIN") == 1;
}

Status probe(KeychainSecretStore& store) {
    std::optional<Status> result;
    store.probe([&](Status status) { result = status; });
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, 30'000));
    return result.value_or(Status(fail(ErrorCode::Internal)));
}

} // namespace

TEST(KeychainSecretStore, WritesReadsAndDeletesASecretOrReportsItUnavailable) {
    const QString service = QStringLiteral("Tessera-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    KeychainSecretStore store(service);
    const Status available = probe(store);
    if (!available) {
        ASSERT_FALSE(keychainRequired()) << "a Secret Service is required here: "
                                         << available.error().toLogString().toStdString();
        EXPECT_EQ(available.error().code, ErrorCode::SecretStoreUnavailable)
            << available.error().toLogString().toStdString();
        return;
    }
    const QString key = QStringLiteral("provider/test");
    std::optional<Status> written;
    store.write(key, QStringLiteral("s3cr3t-value"), [&](Status s) { written = s; });
    ASSERT_TRUE(waitUntil([&] { return written.has_value(); }, 30'000));
    ASSERT_TRUE(*written) << written->error().toLogString().toStdString();

    std::optional<Result<QString>> read;
    store.read(key, [&](Result<QString> r) { read = r; });
    ASSERT_TRUE(waitUntil([&] { return read.has_value(); }, 30'000));
    ASSERT_TRUE(read->has_value()) << read->error().toLogString().toStdString();
    EXPECT_EQ(**read, QStringLiteral("s3cr3t-value"));

    std::optional<Status> removed;
    store.remove(key, [&](Status s) { removed = s; });
    ASSERT_TRUE(waitUntil([&] { return removed.has_value(); }, 30'000));
    EXPECT_TRUE(*removed);

    read.reset();
    store.read(key, [&](Result<QString> r) { read = r; });
    ASSERT_TRUE(waitUntil([&] { return read.has_value(); }, 30'000));
    ASSERT_FALSE(read->has_value());
    EXPECT_EQ(read->error().code, ErrorCode::SecretNotFound);
}

TEST(KeychainSecretStore, QueuedJobsFinishInOrder) {
    KeychainSecretStore store(QStringLiteral("Tessera-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!probe(store)) {
        ASSERT_FALSE(keychainRequired());
        return; // covered by the test above: unavailability is reported as such
    }
    QStringList order;
    store.write(QStringLiteral("a"), QStringLiteral("1"), [&](Status) { order << QStringLiteral("write a"); });
    store.write(QStringLiteral("a"), QStringLiteral("2"), [&](Status) { order << QStringLiteral("write a again"); });
    QString value;
    store.read(QStringLiteral("a"), [&](Result<QString> r) {
        value = r.value_or(QString());
        order << QStringLiteral("read a");
    });
    store.remove(QStringLiteral("a"), [&](Status) { order << QStringLiteral("remove a"); });
    ASSERT_TRUE(waitUntil([&] { return order.size() == 4; }, 30'000));
    EXPECT_EQ(order, (QStringList{QStringLiteral("write a"), QStringLiteral("write a again"), QStringLiteral("read a"),
                                  QStringLiteral("remove a")}));
    EXPECT_EQ(value, QStringLiteral("2"));
}
