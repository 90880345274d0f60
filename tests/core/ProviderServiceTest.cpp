// The one door to providers: every add, update and remove keeps the keychain and the store in step, on both
// engines.
#include "providers/ProviderService.h"
#include "secrets/MemorySecretStore.h"
#include "storage/ProviderRepository.h"

#include "support/CoreFixture.h"
#include "support/QtPrinters.h"
#include "support/TestHelpers.h"
#include "support/TestStore.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::TestStore;
using Tessera::Testing::waitUntil;

namespace {

class ProviderServiceTest : public ::testing::Test {
protected:
    ProviderConfig keychainConfig(const QString& name) {
        ProviderConfig config;
        config.name = name;
        config.kind = ProviderKind::OpenAiCompatible;
        config.baseUrl = QStringLiteral("http://127.0.0.1:9/v1");
        config.defaultModel = QStringLiteral("m");
        config.keySource = KeySource::Keychain;
        return config;
    }

    template <typename T, typename Start> T wait(Start start) {
        std::optional<T> result;
        start([&](T value) { result = std::move(value); });
        EXPECT_TRUE(waitUntil([&] { return result.has_value(); }));
        return result ? std::move(*result) : T(fail(ErrorCode::Internal, QStringLiteral("no answer")));
    }

    Result<ProviderConfig> add(const ProviderConfig& config, std::optional<QString> key) {
        return wait<Result<ProviderConfig>>(
            [&](ProviderService::ConfigDone done) { service.add(core.actor, config, key, std::move(done)); });
    }
    Result<ProviderConfig> update(const ProviderConfig& config, std::optional<QString> key) {
        return wait<Result<ProviderConfig>>(
            [&](ProviderService::ConfigDone done) { service.update(core.actor, config, key, std::move(done)); });
    }
    QString storedKey(const QString& name) {
        return wait<Result<QString>>([&](SecretStore::ReadCallback done) {
                   core.secrets.read(QStringLiteral("provider/") + name, std::move(done));
               })
            .value_or(QString());
    }

    CoreFixture core;
    ProviderService service{*core.providers, core.secrets};
};

} // namespace

TEST_F(ProviderServiceTest, AKeyGoesToTheKeychainAndTheProviderToTheStore) {
    auto added = add(keychainConfig(QStringLiteral("cloud")), QStringLiteral("sk-first"));
    ASSERT_TRUE(added) << added.error().toLogString().toStdString();
    EXPECT_EQ(storedKey(QStringLiteral("cloud")), QStringLiteral("sk-first"));
    EXPECT_TRUE(service.find(core.actor, QStringLiteral("CLOUD"))) << "names are compared without case";

    auto again = add(keychainConfig(QStringLiteral("Cloud")), QStringLiteral("sk-other"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(storedKey(QStringLiteral("cloud")), QStringLiteral("sk-first")) << "the first key is untouched";

    auto noKey = add(keychainConfig(QStringLiteral("empty")), QString());
    ASSERT_FALSE(noKey);
    EXPECT_EQ(noKey.error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(service.find(core.actor, QStringLiteral("empty")));
}

TEST_F(ProviderServiceTest, AStoreWriteThatFailsTakesTheNewKeyBack) {
    ASSERT_TRUE(TestStore::refuseInserts(*core.db, QStringLiteral("providers")));
    auto added = add(keychainConfig(QStringLiteral("cloud")), QStringLiteral("sk-lost"));
    ASSERT_FALSE(added);
    ASSERT_TRUE(waitUntil([&] { return !core.secrets.contains(QStringLiteral("provider/cloud")); }))
        << "the key written first is removed again";
    EXPECT_FALSE(service.find(core.actor, QStringLiteral("cloud")));
}

TEST_F(ProviderServiceTest, AFailedUpdatePutsTheOldKeyBack) {
    auto added = add(keychainConfig(QStringLiteral("cloud")), QStringLiteral("sk-old"));
    ASSERT_TRUE(added);
    ProviderConfig renamed = *added;
    renamed.name = QStringLiteral("other");
    auto rename = update(renamed, QStringLiteral("sk-new"));
    ASSERT_FALSE(rename) << "a provider keeps its name (its key is filed under it)";
    EXPECT_EQ(rename.error().code, ErrorCode::InvalidArgument);

    // The store refuses the change after the new key was written: the old key comes back.
    ASSERT_TRUE(TestStore::refuseUpdates(*core.db, QStringLiteral("providers")));
    auto updated = update(*added, QStringLiteral("sk-new"));
    ASSERT_FALSE(updated);
    ASSERT_TRUE(waitUntil([&] { return storedKey(QStringLiteral("cloud")) == QStringLiteral("sk-old"); }))
        << storedKey(QStringLiteral("cloud")).toStdString();
    ASSERT_TRUE(QSqlQuery(core.db->connection())
                    .exec(QStringLiteral("DROP TRIGGER refuse") +
                          (core.store.isPostgres() ? QStringLiteral(" ON providers") : QString())));

    // A key that replaces the stored one, and one that leaves the keychain.
    ProviderConfig rotated = *added;
    ASSERT_TRUE(update(rotated, QStringLiteral("sk-rotated")));
    EXPECT_EQ(storedKey(QStringLiteral("cloud")), QStringLiteral("sk-rotated"));
    ProviderConfig toEnvironment = *added;
    toEnvironment.keySource = KeySource::Environment;
    toEnvironment.keyEnvVar = QStringLiteral("CLOUD_KEY");
    ASSERT_TRUE(update(toEnvironment, std::nullopt));
    ASSERT_TRUE(waitUntil([&] { return !core.secrets.contains(QStringLiteral("provider/cloud")); }))
        << "a key that left the keychain is deleted there";
}

TEST_F(ProviderServiceTest, AKeychainThatRefusesStoresNothing) {
    core.secrets.setAvailable(false);
    auto added = add(keychainConfig(QStringLiteral("cloud")), QStringLiteral("sk-x"));
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().code, ErrorCode::SecretStoreUnavailable);
    EXPECT_FALSE(service.find(core.actor, QStringLiteral("cloud")));
}

TEST_F(ProviderServiceTest, RemovingAProviderRemovesItsKeyAndKeepsItsConversations) {
    auto added = add(keychainConfig(QStringLiteral("cloud")), QStringLiteral("sk-gone"));
    ASSERT_TRUE(added);
    auto conversation = core.conversations->create(QStringLiteral("kept"), added->id, QStringLiteral("m"));
    ASSERT_TRUE(conversation);
    auto removed = wait<Result<ProviderRemoval>>([&](ProviderService::RemovalDone done) {
        service.remove(core.actor, QStringLiteral("cloud"), std::move(done));
    });
    ASSERT_TRUE(removed);
    EXPECT_FALSE(removed->keyError);
    EXPECT_FALSE(core.secrets.contains(QStringLiteral("provider/cloud")));
    EXPECT_TRUE(core.conversations->get(conversation->id));
    auto unknown = wait<Result<ProviderRemoval>>([&](ProviderService::RemovalDone done) {
        service.remove(core.actor, QStringLiteral("cloud"), std::move(done));
    });
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
}

TEST_F(ProviderServiceTest, OnlyARoleThatManagesProvidersAddsChangesOrRemovesThem) {
    auto added = add(keychainConfig(QStringLiteral("cloud")), QStringLiteral("sk-admin"));
    ASSERT_TRUE(added);
    for (const BuiltInRole role : {BuiltInRole::Manager, BuiltInRole::Member, BuiltInRole::Auditor}) {
        const Actor actor = Actor::withRole(7, QStringLiteral("someone"), role, ClientKind::Test);
        auto refused = wait<Result<ProviderConfig>>([&](ProviderService::ConfigDone done) {
            service.add(actor, keychainConfig(QStringLiteral("sneaky")), QStringLiteral("sk-x"), std::move(done));
        });
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::AuthForbidden);
        EXPECT_FALSE(core.providers->findByName(QStringLiteral("sneaky"))) << "nothing stored";
        EXPECT_FALSE(core.secrets.contains(QStringLiteral("provider/sneaky"))) << "no key written";

        ProviderConfig changed = *added;
        changed.defaultModel = QStringLiteral("other");
        auto notChanged = wait<Result<ProviderConfig>>([&](ProviderService::ConfigDone done) {
            service.update(actor, changed, QStringLiteral("sk-stolen"), std::move(done));
        });
        ASSERT_FALSE(notChanged);
        EXPECT_EQ(notChanged.error().code, ErrorCode::AuthForbidden);
        EXPECT_EQ(core.providers->findByName(QStringLiteral("cloud"))->defaultModel, QStringLiteral("m"));
        EXPECT_EQ(storedKey(QStringLiteral("cloud")), QStringLiteral("sk-admin")) << "the key is untouched";

        auto notRemoved = wait<Result<ProviderRemoval>>([&](ProviderService::RemovalDone done) {
            service.remove(actor, QStringLiteral("cloud"), std::move(done));
        });
        ASSERT_FALSE(notRemoved);
        EXPECT_EQ(notRemoved.error().code, ErrorCode::AuthForbidden);
        EXPECT_TRUE(core.providers->findByName(QStringLiteral("cloud")));
    }
    // Members still see and use the providers (their role's allowlist comes with sign-in).
    const Actor member = Actor::withRole(8, QStringLiteral("member"), BuiltInRole::Member, ClientKind::Test);
    ASSERT_TRUE(service.list(member));
    EXPECT_EQ(service.list(member)->size(), 1U);
}
