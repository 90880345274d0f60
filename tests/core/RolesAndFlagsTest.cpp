// Custom roles and feature flags on both engines: roles from the permission list with a provider allowlist, the
// built-in ones fixed; flags resolved user over role over store over built-in default, checked where the feature
// lives (chat attachments, export, import, the response cache, adding providers), applied at once.
#include "accounts/AccountService.h"
#include "accounts/FeatureFlags.h"
#include "accounts/RoleService.h"
#include "audit/AuditLog.h"
#include "common/WaitFor.h"
#include "exchange/ConversationExchange.h"
#include "providers/ProviderService.h"

#include "support/CoreFixture.h"
#include "support/FakeClock.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeClock;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

struct Fixture {
    CoreFixture core;
    FakeClock clock;
    AuditLog audit{*core.db, clock};
    RoleService roles{*core.db, audit, clock};
    FeatureFlags flags{*core.db, audit, clock};
    AccountService accounts{*core.db, *core.settings, audit, clock};
    Actor admin = Actor::owner(ClientKind::Test);
    Actor member = Actor::withRole(2, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
};

} // namespace

TEST(RolesTest, CustomRolesAreMadeFromThePermissionListAndBuiltInOnesStayFixed) {
    Fixture f;
    auto added = f.roles.add(f.admin, QStringLiteral("Reviewer"), {Permission::Chat, Permission::DataExport},
                             {QStringLiteral("local"), QStringLiteral("openai/gpt-4o")});
    ASSERT_TRUE(added) << added.error().toLogString().toStdString();
    EXPECT_FALSE(added->role.builtIn);
    EXPECT_TRUE(added->role.permissions.has(Permission::DataExport));
    EXPECT_FALSE(added->role.permissions.has(Permission::DataImport));
    EXPECT_EQ(added->role.providers, (QStringList{QStringLiteral("local"), QStringLiteral("openai/gpt-4o")}));
    EXPECT_EQ(f.roles.add(f.admin, QStringLiteral("reviewer"), {}, {}).error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(f.roles.add(f.member, QStringLiteral("Mine"), PermissionSet::all(), {}).error().code,
              ErrorCode::AuthForbidden);
    EXPECT_EQ(f.roles.update(f.admin, QStringLiteral("Member"), {std::nullopt, PermissionSet::all(), std::nullopt})
                  .error()
                  .code,
              ErrorCode::InvalidArgument)
        << "built-in roles cannot be edited";
    EXPECT_EQ(f.roles.remove(f.admin, QStringLiteral("Administrator")).error().code, ErrorCode::InvalidArgument);
    auto updated = f.roles.update(f.admin, QStringLiteral("Reviewer"),
                                  {QStringLiteral("Editor"), PermissionSet{Permission::Chat}, QStringList{}});
    ASSERT_TRUE(updated);
    EXPECT_EQ(updated->role.name, QStringLiteral("Editor"));
    EXPECT_TRUE(updated->role.providers.isEmpty());
    EXPECT_EQ(f.roles.list(f.admin)->size(), 5U);
    EXPECT_EQ(f.roles.list(f.member).error().code, ErrorCode::AuthForbidden);

    // A user with the role acts with its permissions and allowlist.
    ASSERT_TRUE(
        f.accounts.enableMultiUser(f.admin, QStringLiteral("boss"), QStringLiteral("correct horse battery staple")));
    ASSERT_TRUE(f.roles.update(f.admin, QStringLiteral("Editor"),
                               {std::nullopt, std::nullopt, QStringList{QStringLiteral("local")}}));
    auto user = f.accounts.addUser(f.admin, QStringLiteral("eve"), QString(), QStringLiteral("Editor"),
                                   QStringLiteral("violet lantern under snow"));
    ASSERT_TRUE(user) << user.error().toLogString().toStdString();
    auto actor = f.accounts.actorFor(user->user.account.id, ClientKind::Test);
    ASSERT_TRUE(actor);
    EXPECT_TRUE(actor->may(Permission::Chat));
    EXPECT_FALSE(actor->may(Permission::DataExport));
    EXPECT_EQ(actor->allowedProviders, QStringList{QStringLiteral("local")});
    EXPECT_EQ(user->user.permissions, PermissionSet{Permission::Chat});
    EXPECT_EQ(f.roles.remove(f.admin, QStringLiteral("Editor")).error().code, ErrorCode::InvalidArgument)
        << "a role someone has stays";
    ASSERT_TRUE(
        f.accounts.updateUser(f.admin, QStringLiteral("eve"), {QStringLiteral("Member"), std::nullopt, std::nullopt}));
    ASSERT_TRUE(f.roles.remove(f.admin, QStringLiteral("Editor")));
    AuditFilter filter;
    filter.action = QStringLiteral("role.*");
    EXPECT_EQ(f.audit.list(f.admin, filter)->size(), 6U) << "create, a refused create and list, two updates, remove";
}

TEST(RolesTest, TheAllowlistKeepsARoleToItsProvidersAndModels) {
    Fixture f;
    FakeProviderServer server;
    ASSERT_TRUE(server.listen());
    f.core.addProvider(QStringLiteral("local"), server.baseUrl());
    f.core.addProvider(QStringLiteral("other"), server.baseUrl());
    Actor limited = f.member;
    limited.allowedProviders = {QStringLiteral("local/gpt-test"), QStringLiteral("other/special")};
    SendOptions options;
    options.providerName = QStringLiteral("other");
    auto refused = f.core.chat->send(limited, QStringLiteral("hello"), options);
    ASSERT_FALSE(refused) << "other's default model is not on the list";
    EXPECT_EQ(refused.error().code, ErrorCode::AuthForbidden);
    options.providerName = QStringLiteral("local");
    auto allowed = f.core.chat->send(limited, QStringLiteral("hello"), options);
    ASSERT_TRUE(allowed) << allowed.error().toLogString().toStdString();
    EXPECT_TRUE(waitUntil([&] { return !f.core.chat->isAnswering(allowed->conversationId); }));
    const Actor auditor = Actor::withRole(4, QStringLiteral("aud"), BuiltInRole::Auditor, ClientKind::Test);
    EXPECT_EQ(f.core.chat->send(auditor, QStringLiteral("hello"), options).error().code, ErrorCode::AuthForbidden)
        << "an Auditor does not chat";
}

TEST(RolesTest, TheAllowlistNamesWholeProvidersOrSingleModels) {
    Actor everyone = Actor::withRole(3, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
    EXPECT_TRUE(everyone.allowsProvider(QStringLiteral("any")));
    EXPECT_TRUE(everyone.allowedModelsOf(QStringLiteral("any")).isEmpty()) << "an empty list allows everything";
    Actor limited = everyone;
    limited.allowedProviders = {QStringLiteral("Local"), QStringLiteral("openai/gpt-4o-mini"),
                                QStringLiteral("openai/o3"), QStringLiteral("openai-compatible/x")};
    EXPECT_TRUE(limited.allowsProvider(QStringLiteral("local")));
    EXPECT_TRUE(limited.allowsModel(QStringLiteral("local"), QStringLiteral("whatever")));
    EXPECT_TRUE(limited.allowedModelsOf(QStringLiteral("local")).isEmpty()) << "all of local's models";
    EXPECT_TRUE(limited.allowsProvider(QStringLiteral("openai")));
    EXPECT_EQ(limited.allowedModelsOf(QStringLiteral("openai")),
              (QStringList{QStringLiteral("gpt-4o-mini"), QStringLiteral("o3")}));
    EXPECT_TRUE(limited.allowsModel(QStringLiteral("OpenAI"), QStringLiteral("o3")));
    EXPECT_FALSE(limited.allowsModel(QStringLiteral("openai"), QStringLiteral("gpt-4o")));
    EXPECT_FALSE(limited.allowsProvider(QStringLiteral("anthropic")));
    EXPECT_FALSE(limited.allowsProvider(QStringLiteral("openai-")));
}

TEST(FlagsTest, AUserBeatsTheRoleWhichBeatsTheStoreWhichBeatsTheBuiltInDefault) {
    Fixture f;
    const Actor other = Actor::withRole(3, QStringLiteral("bob"), BuiltInRole::Member, ClientKind::Test);
    EXPECT_TRUE(f.flags.enabled(f.member, Feature::Export));
    EXPECT_FALSE(f.flags.enabled(f.member, Feature::MembersAddProviders)) << "off unless switched on";
    ASSERT_TRUE(f.flags.set(f.admin, Feature::Export, FlagScope::Default, 0, false));
    EXPECT_FALSE(f.flags.enabled(f.member, Feature::Export)) << "applies at once";
    ASSERT_TRUE(f.flags.set(f.admin, Feature::Export, FlagScope::Role, qint64(BuiltInRole::Member), true));
    EXPECT_TRUE(f.flags.enabled(f.member, Feature::Export));
    EXPECT_FALSE(f.flags.enabled(f.admin, Feature::Export)) << "the Administrator role has no override";
    ASSERT_TRUE(f.flags.set(f.admin, Feature::Export, FlagScope::User, f.member.userId, false));
    EXPECT_FALSE(f.flags.enabled(f.member, Feature::Export));
    EXPECT_TRUE(f.flags.enabled(other, Feature::Export)) << "another Member follows the role";
    auto refused = f.flags.require(f.member, Feature::Export);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::FeatureDisabled);
    ASSERT_TRUE(f.flags.unset(f.admin, Feature::Export, FlagScope::User, f.member.userId));
    EXPECT_TRUE(f.flags.enabled(f.member, Feature::Export));
    EXPECT_EQ(f.flags.unset(f.admin, Feature::Export, FlagScope::User, f.member.userId).error().code,
              ErrorCode::NotFound);
    EXPECT_EQ(f.flags.set(f.member, Feature::Export, FlagScope::Default, 0, true).error().code,
              ErrorCode::AuthForbidden);
    auto listed = f.flags.list(f.admin);
    ASSERT_TRUE(listed);
    const FlagState& exportState = listed->at(std::size_t(Feature::Export));
    EXPECT_EQ(exportState.storeDefault, std::optional<bool>(false));
    ASSERT_EQ(exportState.roles.size(), 1U);
    EXPECT_TRUE(f.flags.list(f.member)->at(std::size_t(Feature::Export)).roles.empty())
        << "overrides are for those who manage flags";
    AuditFilter filter;
    filter.action = QStringLiteral("flag.*");
    EXPECT_EQ(f.audit.list(f.admin, filter)->size(), 5U);
}

TEST(FlagsTest, AChangeByAnotherProcessAppliesWithinTheRefreshTime) {
    Fixture f;
    FeatureFlags elsewhere(*f.core.db, f.audit, f.clock); // another process's view of the same store
    EXPECT_TRUE(elsewhere.enabled(f.member, Feature::Import));
    ASSERT_TRUE(f.flags.set(f.admin, Feature::Import, FlagScope::Default, 0, false));
    EXPECT_TRUE(elsewhere.enabled(f.member, Feature::Import)) << "its snapshot is still fresh";
    f.clock.advance(FeatureFlags::refreshMs);
    EXPECT_FALSE(elsewhere.enabled(f.member, Feature::Import));
}

TEST(FlagsTest, CoreRefusesASwitchedOffFeatureWhereItLives) {
    Fixture f;
    FakeProviderServer server;
    ASSERT_TRUE(server.listen());
    f.core.addProvider(QStringLiteral("local"), server.baseUrl());
    ChatService chat({*f.core.db, *f.core.providers, *f.core.conversations, *f.core.messages, *f.core.runner,
                      f.core.clock, &f.flags});
    ConversationExchange exchange(*f.core.db, *f.core.conversations, *f.core.messages, *f.core.providers, f.core.clock);
    exchange.setAccessControl(&f.flags, &f.audit);
    ASSERT_TRUE(f.flags.set(f.admin, Feature::Attachments, FlagScope::User, f.member.userId, false));
    SendOptions withFile;
    withFile.files.push_back({QStringLiteral("notes.txt"), QStringLiteral("text")});
    auto refused = chat.send(f.member, QStringLiteral("look"), withFile);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::FeatureDisabled);
    EXPECT_TRUE(f.core.conversations->list(ListScope::All, {}, f.member.userId)->empty()) << "nothing stored";
    auto plain = chat.send(f.member, QStringLiteral("look"), {});
    ASSERT_TRUE(plain) << "without attachments the message goes";
    EXPECT_TRUE(waitUntil([&] { return !chat.isAnswering(plain->conversationId); }));

    ASSERT_TRUE(f.flags.set(f.admin, Feature::Export, FlagScope::Role, qint64(BuiltInRole::Member), false));
    EXPECT_EQ(exchange.collectAll(f.member).error().code, ErrorCode::FeatureDisabled);
    EXPECT_TRUE(exchange.collectAll(f.admin)) << "an Administrator's role has it";
    ASSERT_TRUE(f.flags.set(f.admin, Feature::Import, FlagScope::Default, 0, false));
    EXPECT_EQ(exchange.import(f.member, {}, QStringLiteral("tessera")).error().code, ErrorCode::FeatureDisabled);

    // Members may add providers only while the flag is on.
    ProviderService providers(*f.core.providers, f.core.secrets);
    providers.setAccessControl(&f.flags, &f.audit);
    ProviderConfig config;
    config.name = QStringLiteral("members-own");
    config.kind = ProviderKind::OpenAiCompatible;
    config.baseUrl = server.baseUrl();
    config.keySource = KeySource::None;
    const auto add = [&](const Actor& actor) {
        return Tessera::Core::waitFor<Result<ProviderConfig>>([&](std::function<void(Result<ProviderConfig>)> done) {
            providers.add(actor, config, std::nullopt, std::move(done));
        });
    };
    EXPECT_EQ(add(f.member).error().code, ErrorCode::AuthForbidden);
    ASSERT_TRUE(f.flags.set(f.admin, Feature::MembersAddProviders, FlagScope::Role, qint64(BuiltInRole::Member), true));
    auto added = add(f.member);
    ASSERT_TRUE(added) << added.error().toLogString().toStdString();
    AuditFilter filter;
    filter.action = QStringLiteral("provider.add");
    auto recorded = f.audit.list(f.admin, filter);
    ASSERT_EQ(recorded->size(), 2U) << "the refusal and the addition";
    EXPECT_EQ(recorded->front().actorName, QStringLiteral("ada"));
    filter.action = QStringLiteral("data.*");
    EXPECT_GE(f.audit.list(f.admin, filter)->size(), 1U) << "the administrator's export";
}
