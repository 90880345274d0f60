// Every guarded core operation, run as every built-in role, against one table of who may do what (the table in
// docs/admin-guide.md). A refused operation answers auth.forbidden and changes nothing: no successful audit entry
// appears and the store's rows stay as they were.
#include "accounts/AccountService.h"
#include "accounts/FeatureFlags.h"
#include "accounts/RoleService.h"
#include "app/SettingsService.h"
#include "audit/AuditLog.h"
#include "common/WaitFor.h"
#include "exchange/ConversationExchange.h"
#include "providers/ProviderService.h"

#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include "support/QtPrinters.h"

#include <QBuffer>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <functional>
#include <set>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");

struct World {
    CoreFixture core;
    FakeProviderServer server;
    AuditLog audit{*core.db, core.clock};
    FeatureFlags flags{*core.db, audit, core.clock};
    // A cheap hash: this test is about who may do what, and it makes many accounts.
    AccountService accounts{*core.db, *core.settings, audit, core.clock, PasswordCost{1, std::size_t(1) << 20}};
    RoleService roles{*core.db, audit, core.clock};
    ProviderService providers{*core.providers, core.secrets};
    ConversationExchange exchange{*core.db, *core.conversations, *core.messages, *core.providers, core.clock};
    SettingsService settings{*core.settings, *core.cache};
    ChatService chat{
        {*core.db, *core.providers, *core.conversations, *core.messages, *core.runner, core.clock, &flags}};
    std::map<BuiltInRole, Actor> actors;

    World() {
        EXPECT_TRUE(server.listen());
        core.addProvider(QStringLiteral("local"), server.baseUrl());
        providers.setAccessControl(&flags, &audit);
        exchange.setAccessControl(&flags, &audit);
        const Actor owner = Actor::owner(ClientKind::Test);
        EXPECT_TRUE(accounts.enableMultiUser(owner, QStringLiteral("boss"), kPassword));
        EXPECT_TRUE(accounts.addUser(owner, QStringLiteral("target"), QString(), QStringLiteral("Member"), kPassword));
        for (const RoleDefinition& role : builtInRoles()) {
            const QString name = role.name.toLower() + QStringLiteral("-actor");
            auto added = accounts.addUser(owner, name, QString(), role.name, kPassword);
            EXPECT_TRUE(added) << added.error().toLogString().toStdString();
            auto actor = accounts.actorFor(added->user.account.id, ClientKind::Test);
            actors[BuiltInRole(role.id)] = *actor;
        }
    }

    Status addProvider(const Actor& actor) {
        ProviderConfig config;
        config.name = QStringLiteral("added");
        config.kind = ProviderKind::OpenAiCompatible;
        config.baseUrl = server.baseUrl();
        config.keySource = KeySource::None;
        auto added = waitFor<Result<ProviderConfig>>([&](std::function<void(Result<ProviderConfig>)> done) {
            providers.add(actor, config, std::nullopt, std::move(done));
        });
        return added ? Status{} : fail(added.error());
    }

    Status updateProvider(const Actor& actor) {
        ProviderConfig config = *core.providers->findByName(QStringLiteral("local"));
        config.defaultModel = QStringLiteral("other-model");
        auto updated = waitFor<Result<ProviderConfig>>([&](std::function<void(Result<ProviderConfig>)> done) {
            providers.update(actor, config, std::nullopt, std::move(done));
        });
        return updated ? Status{} : fail(updated.error());
    }

    Status removeProvider(const Actor& actor) {
        auto removed = waitFor<Result<ProviderRemoval>>([&](std::function<void(Result<ProviderRemoval>)> done) {
            providers.remove(actor, QStringLiteral("local"), std::move(done));
        });
        return removed ? Status{} : fail(removed.error());
    }

    Status send(const Actor& actor) {
        auto started = chat.send(actor, QStringLiteral("hello"), {});
        if (!started) {
            return fail(started.error());
        }
        EXPECT_TRUE(waitUntil([&] { return !chat.isAnswering(started->conversationId); }));
        return {};
    }

    // Rows that a refused operation must leave alone, as one text.
    QString fingerprint() {
        QString text;
        for (const char* table :
             {"accounts", "roles", "providers", "conversations", "feature_flags", "api_tokens", "settings"}) {
            auto count = core.db->exec(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1StringView(table));
            text += QString::fromLatin1(table) + QLatin1Char('=') +
                    (count && count->next() ? count->value(0).toString() : QStringLiteral("?")) + QLatin1Char(' ');
        }
        auto models = core.db->exec(QStringLiteral("SELECT default_model FROM providers ORDER BY id"));
        while (models && models->next()) {
            text += models->value(0).toString() + QLatin1Char(' ');
        }
        auto target = core.db->exec(
            QStringLiteral("SELECT password_hash, status, role_id FROM accounts WHERE username_key = 'target'"));
        if (target && target->next()) {
            text += target->value(0).toString() + target->value(1).toString() + target->value(2).toString();
        }
        return text;
    }

    qint64 successes() {
        AuditFilter filter;
        filter.outcome = QStringLiteral("success");
        filter.limit = 10'000;
        return qint64(audit.list(Actor::owner(ClientKind::Test), filter)->size());
    }
};

using Operation = std::function<Status(World&, const Actor&)>;

template <typename T> Status status(const Result<T>& result) {
    return result ? Status{} : fail(result.error());
}

struct Row {
    const char* name;
    std::set<BuiltInRole> allowed;
    Operation run;
};

constexpr BuiltInRole Admin = BuiltInRole::Administrator;
constexpr BuiltInRole Manager = BuiltInRole::Manager;
constexpr BuiltInRole Member = BuiltInRole::Member;
constexpr BuiltInRole Auditor = BuiltInRole::Auditor;

// The one table: each guarded operation and the built-in roles that may run it.
const std::vector<Row>& matrix() {
    static const std::vector<Row> rows = {
        {"chat",
         {Admin, Manager, Member},
         [](World& w, const Actor& a) {
             return w.send(a);
         }},
        {"providers.add",
         {Admin},
         [](World& w, const Actor& a) {
             return w.addProvider(a);
         }},
        {"providers.update",
         {Admin},
         [](World& w, const Actor& a) {
             return w.updateProvider(a);
         }},
        {"providers.remove",
         {Admin},
         [](World& w, const Actor& a) {
             return w.removeProvider(a);
         }},
        {"users.list",
         {Admin, Manager, Auditor},
         [](World& w, const Actor& a) {
             return status(w.accounts.users(a));
         }},
        {"users.add member",
         {Admin, Manager},
         [](World& w, const Actor& a) {
             return status(w.accounts.addUser(a, QStringLiteral("newcomer"), {}, QStringLiteral("Member"), kPassword));
         }},
        {"users.add administrator",
         {Admin},
         [](World& w, const Actor& a) {
             return status(
                 w.accounts.addUser(a, QStringLiteral("newboss"), {}, QStringLiteral("Administrator"), kPassword));
         }},
        {"users.disable member",
         {Admin, Manager},
         [](World& w, const Actor& a) {
             return status(w.accounts.updateUser(a, QStringLiteral("target"),
                                                 {std::nullopt, std::nullopt, AccountStatus::Disabled}));
         }},
        {"users.change role",
         {Admin},
         [](World& w, const Actor& a) {
             return status(w.accounts.updateUser(a, QStringLiteral("target"),
                                                 {QStringLiteral("Auditor"), std::nullopt, std::nullopt}));
         }},
        {"users.reset password",
         {Admin, Manager},
         [](World& w, const Actor& a) {
             return status(w.accounts.resetPassword(a, QStringLiteral("target")));
         }},
        {"users.unlock",
         {Admin, Manager},
         [](World& w, const Actor& a) {
             return w.accounts.unlock(a, QStringLiteral("target"));
         }},
        {"users.remove",
         {Admin, Manager},
         [](World& w, const Actor& a) {
             return status(w.accounts.removeUser(a, QStringLiteral("target"), {}));
         }},
        {"sessions of others",
         {Admin, Manager},
         [](World& w, const Actor& a) {
             return status(w.accounts.sessions(a, -1));
         }},
        {"roles.list",
         {Admin, Manager},
         [](World& w, const Actor& a) {
             return status(w.roles.list(a));
         }},
        {"roles.add",
         {Admin},
         [](World& w, const Actor& a) {
             return status(w.roles.add(a, QStringLiteral("Custom"), PermissionSet{Permission::Chat}, {}));
         }},
        {"audit.list",
         {Admin, Manager, Auditor},
         [](World& w, const Actor& a) {
             return status(w.audit.list(a, {}));
         }},
        {"audit.verify",
         {Admin, Manager, Auditor},
         [](World& w, const Actor& a) {
             return status(w.audit.verify(a));
         }},
        {"audit.export",
         {Admin, Manager, Auditor},
         [](World& w, const Actor& a) {
             QBuffer out;
             out.open(QIODevice::WriteOnly);
             return status(w.audit.exportTo(a, AuditExportFormat::JsonLines, {}, out));
         }},
        {"audit.retention",
         {Admin},
         [](World& w, const Actor& a) {
             return status(w.audit.applyRetention(a, 30));
         }},
        {"flags.set",
         {Admin},
         [](World& w, const Actor& a) {
             return w.flags.set(a, Feature::Export, FlagScope::Default, 0, false);
         }},
        {"cache.settings",
         {Admin},
         [](World& w, const Actor& a) {
             CacheSettings on;
             on.interactive = true;
             return w.settings.setCacheSettings(a, on);
         }},
        {"cache.clear",
         {Admin},
         [](World& w, const Actor& a) {
             return status(w.settings.clearCache(a));
         }},
        {"data.export",
         {Admin, Manager, Member},
         [](World& w, const Actor& a) {
             return status(w.exchange.collectAll(a));
         }},
        {"data.import",
         {Admin, Manager, Member},
         [](World& w, const Actor& a) {
             return status(w.exchange.import(a, {}, QStringLiteral("tessera")));
         }},
    };
    return rows;
}

} // namespace

TEST(PermissionMatrixTest, EveryGuardedOperationAllowsExactlyTheRolesInTheTable) {
    for (const Row& row : matrix()) {
        for (const RoleDefinition& role : builtInRoles()) {
            const BuiltInRole which = BuiltInRole(role.id);
            World world; // a fresh store each time: one run cannot prepare the next
            const Actor& actor = world.actors.at(which);
            const QString before = world.fingerprint();
            const qint64 successesBefore = world.successes();
            const Status result = row.run(world, actor);
            const bool allowed = row.allowed.count(which) > 0;
            if (allowed) {
                EXPECT_TRUE(result) << row.name << " as " << role.name.toStdString() << ": "
                                    << result.error().toLogString().toStdString();
                continue;
            }
            ASSERT_FALSE(result) << row.name << " as " << role.name.toStdString() << " was allowed";
            EXPECT_EQ(result.error().code, ErrorCode::AuthForbidden)
                << row.name << " as " << role.name.toStdString() << ": " << result.error().toLogString().toStdString();
            EXPECT_EQ(world.fingerprint(), before)
                << row.name << " as " << role.name.toStdString() << " changed the store";
            EXPECT_EQ(world.successes(), successesBefore) << row.name << " as " << role.name.toStdString();
        }
    }
}
