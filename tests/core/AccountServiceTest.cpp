// Accounts on both engines: personal mode, switching accounts on, sign-in with the lockout (on an injected clock),
// sessions with their idle and absolute ends, refresh rotation with reuse detection, API tokens with scopes and
// expiry, user administration with the Manager's limits and the last-administrator rules, and the audit trail.
#include "accounts/AccountService.h"

#include "audit/AuditLog.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/DraftRepository.h"
#include "storage/SettingsRepository.h"
#include "storage/TagRepository.h"

#include "support/FakeClock.h"
#include "support/QtPrinters.h"
#include "support/TestStore.h"

#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::FakeClock;
using Tessera::Testing::TestStore;

namespace {

const QString kOwnerPassword = QStringLiteral("correct horse battery staple");
const QString kMemberPassword = QStringLiteral("violet lantern under snow");

constexpr qint64 kMinute = 60'000;

struct AccountsFixture {
    TestStore store;
    std::unique_ptr<Database> db = store.open();
    FakeClock clock;
    SettingsRepository settings{*db};
    AuditLog audit{*db, clock};
    AccountService accounts{*db, settings, audit, clock};
    Actor owner = Actor::owner(ClientKind::Test);

    // Accounts on, with "boss" as the administrator; returns the administrator's signed-in actor.
    Actor enable() {
        EXPECT_TRUE(accounts.enableMultiUser(owner, QStringLiteral("boss"), kOwnerPassword));
        auto signedIn = accounts.signIn(QStringLiteral("boss"), kOwnerPassword, ClientKind::Test);
        EXPECT_TRUE(signedIn) << signedIn.error().toLogString().toStdString();
        return signedIn ? signedIn->actor : owner;
    }

    Actor addAndSignIn(const Actor& by, const QString& name, const QString& role) {
        auto added = accounts.addUser(by, name, QString(), role, kMemberPassword);
        EXPECT_TRUE(added) << added.error().toLogString().toStdString();
        auto signedIn = accounts.signIn(name, kMemberPassword, ClientKind::Test);
        EXPECT_TRUE(signedIn) << signedIn.error().toLogString().toStdString();
        return signedIn ? signedIn->actor : Actor{};
    }

    std::vector<AuditEntry> audited(const QString& action) {
        AuditFilter filter;
        filter.action = action;
        filter.limit = 1000;
        return audit.list(owner, filter).value_or(std::vector<AuditEntry>{});
    }

    // Every value of a text column of a table, to look for secrets.
    QString dump(const QString& table) {
        QString text;
        auto query = db->exec(QStringLiteral("SELECT * FROM ") + table);
        while (query && query->next()) {
            for (int i = 0; i < query->record().count(); ++i) {
                text += query->value(i).toString() + QLatin1Char('|');
            }
        }
        return text;
    }
};

} // namespace

TEST(AccountServiceTest, PersonalModeIsTheOwnerAsAnAdministratorWithoutSignIn) {
    AccountsFixture f;
    EXPECT_EQ(f.accounts.mode(), AccountsMode::Personal);
    auto actor = f.accounts.personalActor(ClientKind::Gui);
    ASSERT_TRUE(actor) << actor.error().toLogString().toStdString();
    EXPECT_EQ(actor->userId, AccountRepository::ownerId);
    EXPECT_EQ(actor->roleId, qint64(BuiltInRole::Administrator));
    EXPECT_TRUE(actor->permissions == PermissionSet::all());
    auto signIn = f.accounts.signIn(QStringLiteral("owner"), kOwnerPassword, ClientKind::Gui);
    ASSERT_FALSE(signIn) << "there is nothing to sign in to";
    EXPECT_EQ(signIn.error().code, ErrorCode::InvalidArgument);
}

TEST(AccountServiceTest, SwitchingAccountsOnNeedsAStrongPasswordAndIsAudited) {
    AccountsFixture f;
    auto weak = f.accounts.enableMultiUser(f.owner, QStringLiteral("boss"), QStringLiteral("password1"));
    ASSERT_FALSE(weak);
    EXPECT_EQ(weak.error().code, ErrorCode::AuthWeakPassword);
    EXPECT_EQ(f.accounts.mode(), AccountsMode::Personal) << "nothing changed";
    const Actor member = Actor::withRole(1, QStringLiteral("owner"), BuiltInRole::Member, ClientKind::Test);
    EXPECT_EQ(f.accounts.enableMultiUser(member, QStringLiteral("boss"), kOwnerPassword).error().code,
              ErrorCode::AuthForbidden);
    ASSERT_TRUE(f.accounts.enableMultiUser(f.owner, QStringLiteral("boss"), kOwnerPassword));
    EXPECT_EQ(f.accounts.mode(), AccountsMode::MultiUser);
    EXPECT_EQ(f.accounts.personalActor(ClientKind::Gui).error().code, ErrorCode::AuthRequired);
    EXPECT_EQ(f.accounts.enableMultiUser(f.owner, QStringLiteral("boss"), kOwnerPassword).error().code,
              ErrorCode::AlreadyExists);
    const auto switched = f.audited(QStringLiteral("accounts.mode"));
    ASSERT_EQ(switched.size(), 2U) << "the refusal and the switch";
    EXPECT_EQ(switched.front().actorName, QStringLiteral("boss"));
    EXPECT_EQ(switched.front().outcome, QStringLiteral("success"));
    EXPECT_EQ(switched.back().outcome, QStringLiteral("denied"));
    auto signedIn = f.accounts.signIn(QStringLiteral("BOSS"), kOwnerPassword, ClientKind::Cli);
    ASSERT_TRUE(signedIn) << "names are compared without case";
    EXPECT_EQ(signedIn->actor.userId, AccountRepository::ownerId);
    EXPECT_EQ(signedIn->actor.client, ClientKind::Cli);
    EXPECT_GT(signedIn->actor.sessionId, 0);
    EXPECT_TRUE(signedIn->sessionToken.startsWith(QStringLiteral("tss_")));
    EXPECT_TRUE(signedIn->refreshToken.isEmpty());
    // No password or token reaches the store in clear.
    for (const QString& table : {QStringLiteral("accounts"), QStringLiteral("sessions"), QStringLiteral("audit_log"),
                                 QStringLiteral("settings")}) {
        const QString text = f.dump(table);
        EXPECT_FALSE(text.contains(kOwnerPassword)) << table.toStdString();
        EXPECT_FALSE(text.contains(signedIn->sessionToken)) << table.toStdString();
    }
}

TEST(AccountServiceTest, AnUnknownNameAndAWrongPasswordAnswerAlikeAndAreAudited) {
    AccountsFixture f;
    f.enable();
    auto unknown = f.accounts.signIn(QStringLiteral("nobody"), kOwnerPassword, ClientKind::Cli);
    auto wrong = f.accounts.signIn(QStringLiteral("boss"), QStringLiteral("not the password"), ClientKind::Cli);
    ASSERT_FALSE(unknown);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(unknown.error().code, ErrorCode::AuthFailed);
    EXPECT_EQ(wrong.error().code, ErrorCode::AuthFailed);
    EXPECT_EQ(unknown.error().detail, wrong.error().detail) << "the answer does not tell whether the name exists";
    const auto failures = f.audited(QStringLiteral("auth.sign_in"));
    ASSERT_GE(failures.size(), 3U);
    EXPECT_EQ(failures[0].outcome, QStringLiteral("failure"));
    EXPECT_EQ(failures[0].actorName, QStringLiteral("boss"));
    EXPECT_EQ(failures[1].actorId, 0) << "an unknown name belongs to nobody";
    EXPECT_EQ(failures[1].actorName, QStringLiteral("nobody"));
    EXPECT_FALSE(f.dump(QStringLiteral("audit_log")).contains(QStringLiteral("not the password")));
}

TEST(AccountServiceTest, FiveFailuresLockTheAccountForFifteenMinutesThenLongerAndAnAdministratorCanUnlock) {
    AccountsFixture f;
    const Actor boss = f.enable();
    f.addAndSignIn(boss, QStringLiteral("ada"), QStringLiteral("Member"));
    for (int i = 0; i < 5; ++i) {
        f.clock.advance(kMinute);
        EXPECT_EQ(
            f.accounts.signIn(QStringLiteral("ada"), QStringLiteral("guess %1").arg(i), ClientKind::Gui).error().code,
            ErrorCode::AuthFailed);
    }
    auto locked = f.accounts.signIn(QStringLiteral("ada"), kMemberPassword, ClientKind::Gui);
    ASSERT_FALSE(locked) << "even the right password waits for the lock";
    EXPECT_EQ(locked.error().code, ErrorCode::AuthLocked);
    ASSERT_TRUE(locked.error().retryAfterMs);
    EXPECT_EQ(*locked.error().retryAfterMs, 15 * kMinute);
    ASSERT_EQ(f.audited(QStringLiteral("auth.lockout")).size(), 1U);
    EXPECT_TRUE(f.accounts.user(boss, QStringLiteral("ada"))->locked);

    f.clock.advance(15 * kMinute);
    for (int i = 0; i < 5; ++i) {
        (void)f.accounts.signIn(QStringLiteral("ada"), QStringLiteral("again %1").arg(i), ClientKind::Gui);
    }
    locked = f.accounts.signIn(QStringLiteral("ada"), kMemberPassword, ClientKind::Gui);
    ASSERT_FALSE(locked);
    EXPECT_EQ(*locked.error().retryAfterMs, 30 * kMinute) << "the second lockout doubles";

    ASSERT_TRUE(f.accounts.unlock(boss, QStringLiteral("ada")));
    EXPECT_TRUE(f.accounts.signIn(QStringLiteral("ada"), kMemberPassword, ClientKind::Gui));
    EXPECT_EQ(f.audited(QStringLiteral("auth.unlock")).size(), 1U);
}

TEST(AccountServiceTest, FailuresFurtherApartThanTheWindowDoNotLock) {
    AccountsFixture f;
    f.enable();
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 4; ++i) {
            (void)f.accounts.signIn(QStringLiteral("boss"), QStringLiteral("nope"), ClientKind::Gui);
        }
        f.clock.advance(16 * kMinute);
    }
    EXPECT_TRUE(f.accounts.signIn(QStringLiteral("boss"), kOwnerPassword, ClientKind::Gui));
    EXPECT_TRUE(f.audited(QStringLiteral("auth.lockout")).empty());
}

TEST(AccountServiceTest, SessionsEndWhenIdleAtTheirAbsoluteLimitAndAtSignOut) {
    AccountsFixture f;
    f.enable();
    auto session = f.accounts.signIn(QStringLiteral("boss"), kOwnerPassword, ClientKind::Cli);
    ASSERT_TRUE(session);
    f.clock.advance(29 * kMinute);
    auto resumed = f.accounts.resume(session->sessionToken, ClientKind::Cli);
    ASSERT_TRUE(resumed) << resumed.error().toLogString().toStdString();
    EXPECT_EQ(resumed->sessionId, session->actor.sessionId);
    f.clock.advance(31 * kMinute);
    EXPECT_EQ(f.accounts.resume(session->sessionToken, ClientKind::Cli).error().code, ErrorCode::AuthRequired)
        << "idle for more than 30 minutes";

    auto busy = f.accounts.signIn(QStringLiteral("boss"), kOwnerPassword, ClientKind::Cli);
    for (int i = 0; i < 35; ++i) { // used every 20 minutes for 11 h 40 min
        f.clock.advance(20 * kMinute);
        ASSERT_TRUE(f.accounts.resume(busy->sessionToken, ClientKind::Cli)) << i;
    }
    f.clock.advance(20 * kMinute);
    EXPECT_EQ(f.accounts.resume(busy->sessionToken, ClientKind::Cli).error().code, ErrorCode::AuthRequired)
        << "12 hours at the most";

    auto signedIn = f.accounts.signIn(QStringLiteral("boss"), kOwnerPassword, ClientKind::Cli);
    ASSERT_TRUE(f.accounts.signOut(signedIn->actor));
    EXPECT_EQ(f.accounts.resume(signedIn->sessionToken, ClientKind::Cli).error().code, ErrorCode::AuthRequired);
    EXPECT_EQ(f.accounts.resume(QStringLiteral("tss_madeup"), ClientKind::Cli).error().code, ErrorCode::AuthRequired);
    EXPECT_EQ(f.audited(QStringLiteral("auth.sign_out")).size(), 1U);
}

TEST(AccountServiceTest, RefreshRotatesTheTokenAndAReusedTokenRevokesTheWholeFamily) {
    AccountsFixture f;
    f.enable();
    auto first = f.accounts.signIn(QStringLiteral("boss"), kOwnerPassword, ClientKind::Gui, true);
    ASSERT_TRUE(first);
    ASSERT_TRUE(first->refreshToken.startsWith(QStringLiteral("tsr_")));
    f.clock.advance(24 * 60 * kMinute); // the next day: the session is long gone
    EXPECT_FALSE(f.accounts.resume(first->sessionToken, ClientKind::Gui));
    auto second = f.accounts.refresh(first->refreshToken, ClientKind::Gui);
    ASSERT_TRUE(second) << second.error().toLogString().toStdString();
    EXPECT_NE(second->refreshToken, first->refreshToken) << "rotated";
    EXPECT_TRUE(f.accounts.resume(second->sessionToken, ClientKind::Gui));

    // Someone replays the first token: the family ends, the legitimate holder must sign in again.
    auto replay = f.accounts.refresh(first->refreshToken, ClientKind::Gui);
    ASSERT_FALSE(replay);
    EXPECT_EQ(replay.error().code, ErrorCode::AuthRequired);
    EXPECT_EQ(f.accounts.resume(second->sessionToken, ClientKind::Gui).error().code, ErrorCode::AuthRequired);
    EXPECT_EQ(f.accounts.refresh(second->refreshToken, ClientKind::Gui).error().code, ErrorCode::AuthRequired);
    const auto reuse = f.audited(QStringLiteral("auth.refresh_reuse"));
    ASSERT_EQ(reuse.size(), 1U);
    EXPECT_EQ(reuse.front().outcome, QStringLiteral("denied"));

    // A family ends 30 days after its sign-in however often it is used.
    auto family = f.accounts.signIn(QStringLiteral("boss"), kOwnerPassword, ClientKind::Gui, true);
    QString token = family->refreshToken;
    for (int day = 0; day < 29; ++day) {
        f.clock.advance(24 * 60 * kMinute);
        auto next = f.accounts.refresh(token, ClientKind::Gui);
        ASSERT_TRUE(next) << day;
        token = next->refreshToken;
    }
    f.clock.advance(24 * 60 * kMinute);
    EXPECT_EQ(f.accounts.refresh(token, ClientKind::Gui).error().code, ErrorCode::AuthRequired);
    EXPECT_FALSE(f.dump(QStringLiteral("refresh_tokens")).contains(token)) << "only hashes are kept";
}

TEST(AccountServiceTest, ApiTokensAreShownOnceNarrowerThanTheirUserAndEndAtExpiryOrRevocation) {
    AccountsFixture f;
    const Actor boss = f.enable();
    const Actor ada = f.addAndSignIn(boss, QStringLiteral("ada"), QStringLiteral("Member"));
    auto tooMuch = f.accounts.createApiToken(ada, QStringLiteral("ci"), std::nullopt,
                                             PermissionSet{Permission::Chat, Permission::UsersManage});
    ASSERT_FALSE(tooMuch);
    EXPECT_EQ(tooMuch.error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(f.accounts.createApiToken(ada, QStringLiteral("ci"), 7, PermissionSet{}).error().code,
              ErrorCode::InvalidArgument)
        << "a token that may do nothing is a mistake";
    auto created = f.accounts.createApiToken(ada, QStringLiteral("ci"), 7, PermissionSet{Permission::Chat});
    ASSERT_TRUE(created) << created.error().toLogString().toStdString();
    EXPECT_TRUE(created->token.startsWith(QStringLiteral("tsk_")));
    EXPECT_GE(created->token.size(), 4 + 43);
    EXPECT_FALSE(f.dump(QStringLiteral("api_tokens")).contains(created->token));
    EXPECT_EQ(f.accounts.createApiToken(ada, QStringLiteral("CI"), std::nullopt, std::nullopt).error().code,
              ErrorCode::AlreadyExists);

    auto actor = f.accounts.authenticateToken(created->token, ClientKind::Cli);
    ASSERT_TRUE(actor) << actor.error().toLogString().toStdString();
    EXPECT_EQ(actor->userName, QStringLiteral("ada"));
    EXPECT_TRUE(actor->may(Permission::Chat));
    EXPECT_FALSE(actor->may(Permission::DataExport)) << "narrower than the user";
    EXPECT_EQ(f.accounts.createApiToken(*actor, QStringLiteral("more"), std::nullopt, std::nullopt).error().code,
              ErrorCode::AuthForbidden)
        << "a token makes no tokens";
    auto listed = f.accounts.apiTokens(ada);
    ASSERT_EQ(listed->size(), 1U);
    EXPECT_TRUE(listed->front().lastUsedAt.isValid());

    f.clock.advance(8LL * 24 * 60 * kMinute);
    EXPECT_EQ(f.accounts.authenticateToken(created->token, ClientKind::Cli).error().code, ErrorCode::AuthRequired)
        << "expired";
    auto forever = f.accounts.createApiToken(ada, QStringLiteral("forever"), std::nullopt, std::nullopt);
    ASSERT_TRUE(f.accounts.authenticateToken(forever->token, ClientKind::Cli));
    EXPECT_TRUE(f.accounts.authenticateToken(forever->token, ClientKind::Cli)->may(Permission::DataExport));
    ASSERT_TRUE(f.accounts.revokeApiToken(ada, QStringLiteral("Forever")));
    EXPECT_EQ(f.accounts.authenticateToken(forever->token, ClientKind::Cli).error().code, ErrorCode::AuthRequired);
    EXPECT_EQ(f.accounts.revokeApiToken(boss, QStringLiteral("ci")).error().code, ErrorCode::NotFound)
        << "one's own tokens only";
    EXPECT_EQ(f.audited(QStringLiteral("api_token.create")).size(), 3U) << "two made, one refused";
    EXPECT_EQ(f.audited(QStringLiteral("api_token.revoke")).size(), 1U);
}

TEST(AccountServiceTest, ManagersManageMembersOnlyAndMembersManageNobody) {
    AccountsFixture f;
    const Actor boss = f.enable();
    const Actor manager = f.addAndSignIn(boss, QStringLiteral("mia"), QStringLiteral("Manager"));
    const Actor member = f.addAndSignIn(boss, QStringLiteral("ada"), QStringLiteral("Member"));

    auto byMember = f.accounts.addUser(member, QStringLiteral("eve"), QString(), QStringLiteral("Member"), {});
    ASSERT_FALSE(byMember);
    EXPECT_EQ(byMember.error().code, ErrorCode::AuthForbidden);
    EXPECT_FALSE(f.accounts.user(boss, QStringLiteral("eve"))) << "nothing was added";
    EXPECT_EQ(f.accounts.users(member).error().code, ErrorCode::AuthForbidden);

    auto byManager =
        f.accounts.addUser(manager, QStringLiteral("bob"), QStringLiteral("Bob"), QStringLiteral("member"), {});
    ASSERT_TRUE(byManager) << byManager.error().toLogString().toStdString();
    EXPECT_FALSE(byManager->temporaryPassword.isEmpty()) << "no password given: a temporary one, shown once";
    EXPECT_TRUE(byManager->user.account.mustChangePassword);
    EXPECT_EQ(f.accounts.addUser(manager, QStringLiteral("root2"), QString(), QStringLiteral("Administrator"), {})
                  .error()
                  .code,
              ErrorCode::AuthForbidden);
    EXPECT_EQ(
        f.accounts.updateUser(manager, QStringLiteral("boss"), {std::nullopt, std::nullopt, AccountStatus::Disabled})
            .error()
            .code,
        ErrorCode::AuthForbidden)
        << "a Manager cannot touch an Administrator";
    EXPECT_EQ(
        f.accounts.updateUser(manager, QStringLiteral("bob"), {QStringLiteral("Auditor"), std::nullopt, std::nullopt})
            .error()
            .code,
        ErrorCode::AuthForbidden)
        << "nor change roles";
    auto disabled = f.accounts.updateUser(manager, QStringLiteral("ada"),
                                          {std::nullopt, QStringLiteral("Ada L."), AccountStatus::Disabled});
    ASSERT_TRUE(disabled) << disabled.error().toLogString().toStdString();
    EXPECT_EQ(disabled->account.status, AccountStatus::Disabled);
    EXPECT_EQ(disabled->account.displayName, QStringLiteral("Ada L."));
    EXPECT_EQ(disabled->activeSessions, 0) << "disabling ends the sessions";
    EXPECT_EQ(f.accounts.resume(QStringLiteral("tss_x"), ClientKind::Gui).error().code, ErrorCode::AuthRequired);
    EXPECT_EQ(f.accounts.signIn(QStringLiteral("ada"), kMemberPassword, ClientKind::Gui).error().code,
              ErrorCode::AuthFailed);
    EXPECT_GE(f.audited(QStringLiteral("user.create")).size(), 5U);
    EXPECT_EQ(f.audited(QStringLiteral("user.disable")).size(), 1U);
}

TEST(AccountServiceTest, TheLastActiveAdministratorCannotBeDisabledOrDemoted) {
    AccountsFixture f;
    const Actor boss = f.enable();
    for (const UserChanges& change : {UserChanges{std::nullopt, std::nullopt, AccountStatus::Disabled},
                                      UserChanges{QStringLiteral("Member"), std::nullopt, std::nullopt}}) {
        auto refused = f.accounts.updateUser(boss, QStringLiteral("boss"), change);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
        EXPECT_TRUE(refused.error().detail.contains(QStringLiteral("last active Administrator")));
    }
    f.addAndSignIn(boss, QStringLiteral("second"), QStringLiteral("Administrator"));
    EXPECT_TRUE(
        f.accounts.updateUser(boss, QStringLiteral("boss"), {QStringLiteral("Member"), std::nullopt, std::nullopt}))
        << "with another Administrator it may";
    EXPECT_FALSE(
        f.accounts.updateUser(boss, QStringLiteral("second"), {std::nullopt, std::nullopt, AccountStatus::Disabled}))
        << "boss is a Member now, and second the last Administrator";
}

TEST(AccountServiceTest, AResetPasswordEndsTheSessionsAndMustBeChangedAndAChangeChecksTheOldOne) {
    AccountsFixture f;
    const Actor boss = f.enable();
    f.addAndSignIn(boss, QStringLiteral("ada"), QStringLiteral("Member"));
    auto session = f.accounts.signIn(QStringLiteral("ada"), kMemberPassword, ClientKind::Gui);
    auto reset = f.accounts.resetPassword(boss, QStringLiteral("ada"));
    ASSERT_TRUE(reset) << reset.error().toLogString().toStdString();
    EXPECT_EQ(reset->temporaryPassword.size(), 24);
    EXPECT_FALSE(f.accounts.resume(session->sessionToken, ClientKind::Gui));
    auto again = f.accounts.signIn(QStringLiteral("ada"), reset->temporaryPassword, ClientKind::Gui);
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->mustChangePassword);
    EXPECT_EQ(
        f.accounts
            .changePassword(again->actor, QStringLiteral("wrong"), QStringLiteral("a brand new phrase here"), false)
            .error()
            .code,
        ErrorCode::AuthFailed);
    EXPECT_EQ(f.accounts.changePassword(again->actor, reset->temporaryPassword, QStringLiteral("ada12345"), false)
                  .error()
                  .code,
              ErrorCode::AuthWeakPassword);
    auto other = f.accounts.signIn(QStringLiteral("ada"), reset->temporaryPassword, ClientKind::Cli);
    ASSERT_TRUE(f.accounts.changePassword(again->actor, reset->temporaryPassword,
                                          QStringLiteral("a brand new phrase here"), true));
    EXPECT_FALSE(f.accounts.resume(other->sessionToken, ClientKind::Cli)) << "the other session ended";
    EXPECT_TRUE(f.accounts.resume(again->sessionToken, ClientKind::Gui)) << "this one goes on";
    auto after = f.accounts.signIn(QStringLiteral("ada"), QStringLiteral("a brand new phrase here"), ClientKind::Gui);
    ASSERT_TRUE(after);
    EXPECT_FALSE(after->mustChangePassword);
}

TEST(AccountServiceTest, SessionsAreListedForTheirOwnerAndEndedByThemOrAnAdministrator) {
    AccountsFixture f;
    const Actor boss = f.enable();
    const Actor ada = f.addAndSignIn(boss, QStringLiteral("ada"), QStringLiteral("Member"));
    auto second = f.accounts.signIn(QStringLiteral("ada"), kMemberPassword, ClientKind::Cli, true);
    auto mine = f.accounts.sessions(ada, ada.userId);
    ASSERT_TRUE(mine);
    ASSERT_EQ(mine->size(), 2U);
    EXPECT_TRUE(std::any_of(mine->begin(), mine->end(), [](const SessionInfo& s) { return s.current; }));
    EXPECT_TRUE(std::any_of(mine->begin(), mine->end(), [](const SessionInfo& s) { return s.staySignedIn; }));
    EXPECT_EQ(f.accounts.sessions(ada, -1).error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(f.accounts.revokeSession(ada, boss.sessionId).error().code, ErrorCode::AuthForbidden);
    EXPECT_TRUE(f.accounts.resume(
        f.accounts.signIn(QStringLiteral("boss"), kOwnerPassword, ClientKind::Cli)->sessionToken, ClientKind::Cli));
    ASSERT_TRUE(f.accounts.revokeSession(ada, second->actor.sessionId));
    EXPECT_FALSE(f.accounts.refresh(second->refreshToken, ClientKind::Cli)) << "its stay-signed-in family ends too";
    EXPECT_EQ(f.accounts.sessions(boss, -1)->size(), 3U) << "boss twice, ada once";
    EXPECT_EQ(*f.accounts.revokeSessionsOf(boss, QStringLiteral("ada")), 1);
    EXPECT_TRUE(f.accounts.sessions(ada, ada.userId)->empty());
}

TEST(AccountServiceTest, RemovingAUserGivesTheirConversationsToAnotherOrDeletesThem) {
    AccountsFixture f;
    const Actor boss = f.enable();
    const Actor ada = f.addAndSignIn(boss, QStringLiteral("ada"), QStringLiteral("Member"));
    const Actor bob = f.addAndSignIn(boss, QStringLiteral("bob"), QStringLiteral("Member"));
    ConversationRepository conversations(*f.db, f.clock);
    TagRepository tags(*f.db);
    DraftRepository drafts(*f.db, f.clock);
    auto adas = conversations.create(QStringLiteral("ada's"), std::nullopt, QString(), QString(), ada.userId);
    auto bobs = conversations.create(QStringLiteral("bob's"), std::nullopt, QString(), QString(), bob.userId);
    ASSERT_TRUE(adas && bobs);
    ASSERT_TRUE(tags.setTags(adas->id, {QStringLiteral("Shared"), QStringLiteral("ada-only")}));
    ASSERT_TRUE(tags.setTags(bobs->id, {QStringLiteral("shared")}));
    ASSERT_TRUE(drafts.save(DraftRepository::newConversation, QStringLiteral("ada's idea"), ada.userId));
    auto token = f.accounts.createApiToken(ada, QStringLiteral("script"), std::nullopt, std::nullopt);
    ASSERT_TRUE(token);

    EXPECT_EQ(f.accounts.removeUser(ada, QStringLiteral("bob"), {}).error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(f.accounts.removeUser(boss, QStringLiteral("boss"), {}).error().code, ErrorCode::InvalidArgument)
        << "not oneself";
    EXPECT_EQ(f.accounts.removeUser(boss, QStringLiteral("ada"), QStringLiteral("ada")).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(f.accounts.removeUser(boss, QStringLiteral("ada"), QStringLiteral("nobody")).error().code,
              ErrorCode::NotFound);
    auto moved = f.accounts.removeUser(boss, QStringLiteral("ada"), QStringLiteral("bob"));
    ASSERT_TRUE(moved) << moved.error().toLogString().toStdString();
    EXPECT_EQ(*moved, 1);
    EXPECT_FALSE(f.accounts.user(boss, QStringLiteral("ada")));
    EXPECT_EQ(f.accounts.authenticateToken(token->token, ClientKind::Cli).error().code, ErrorCode::AuthRequired)
        << "the account's tokens went with it";
    EXPECT_EQ(f.accounts.resume(QStringLiteral("tss_gone"), ClientKind::Cli).error().code, ErrorCode::AuthRequired);
    auto inherited = conversations.get(adas->id, bob.userId);
    ASSERT_TRUE(inherited);
    EXPECT_EQ(inherited->tags, (QStringList{QStringLiteral("ada-only"), QStringLiteral("shared")}))
        << "tags merged by name into bob's";
    EXPECT_EQ(tags.list(ListScope::All, bob.userId)->size(), 2U);
    EXPECT_TRUE(tags.list(ListScope::All, ada.userId)->empty());
    EXPECT_EQ(*drafts.load(DraftRepository::newConversation, ada.userId), QString());

    auto deleted = f.accounts.removeUser(boss, QStringLiteral("bob"), {});
    ASSERT_TRUE(deleted);
    EXPECT_EQ(*deleted, 2);
    EXPECT_FALSE(conversations.get(adas->id));
    EXPECT_FALSE(conversations.get(bobs->id));
    const auto removals = f.audited(QStringLiteral("user.remove"));
    ASSERT_EQ(removals.size(), 3U) << "two removals and the Member's refused attempt";
    EXPECT_EQ(removals.back().outcome, QStringLiteral("denied"));
    EXPECT_TRUE(removals[1].detail.contains(QStringLiteral("given to bob")));
    EXPECT_TRUE(removals.front().detail.contains(QStringLiteral("deleted")));
}

TEST(AccountServiceTest, APasswordHashedAtAnOlderCostIsRehashedAtTheNextSignIn) {
    AccountsFixture f;
    const Actor boss = f.enable();
    AccountService older(*f.db, f.settings, f.audit, f.clock, PasswordCost{2, std::size_t(19) * 1024 * 1024});
    ASSERT_TRUE(older.addUser(boss, QStringLiteral("ada"), QString(), QStringLiteral("Member"),
                              QStringLiteral("violet lantern under snow")));
    AccountRepository repository(*f.db, f.clock);
    const qint64 id = repository.findByUsername(QStringLiteral("ada"))->id;
    EXPECT_TRUE(repository.passwordHash(id)->contains("m=19456,t=2"));
    ASSERT_TRUE(f.accounts.signIn(QStringLiteral("ada"), QStringLiteral("violet lantern under snow"), ClientKind::Gui));
    EXPECT_TRUE(repository.passwordHash(id)->contains("m=65536,t=2")) << "raised to today's cost";
    EXPECT_TRUE(f.accounts.signIn(QStringLiteral("ada"), QStringLiteral("violet lantern under snow"), ClientKind::Gui))
        << "and the new hash verifies";
}
