// Accounts' building blocks that need no store: the permission list and the built-in roles, and password hashing
// with Argon2id (parameters in the hash, rehash when they grow).
#include "accounts/PasswordHasher.h"
#include "accounts/PasswordPolicy.h"
#include "accounts/Permissions.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

TEST(Permissions, EveryPermissionHasANameThatParsesBack) {
    QStringList names;
    for (const Permission permission : allPermissions()) {
        const QString name = permissionName(permission);
        EXPECT_FALSE(name.isEmpty());
        EXPECT_FALSE(names.contains(name)) << "names are unique: " << name.toStdString();
        names << name;
        EXPECT_EQ(parsePermission(name), permission);
    }
    EXPECT_EQ(names.size(), permissionCount);
    for (const char* required : {"chat", "providers.use", "providers.manage", "users.manage", "roles.manage",
                                 "quotas.manage", "usage.view_all", "audit.view", "flags.manage", "prompts.share",
                                 "experiments.run", "data.export", "data.import"}) {
        EXPECT_TRUE(parsePermission(QString::fromLatin1(required)).has_value()) << required;
    }
    EXPECT_FALSE(parsePermission(QStringLiteral("Chat")).has_value()) << "names are exact";
    EXPECT_FALSE(parsePermission(QStringLiteral("everything")).has_value());
}

TEST(Permissions, ASetReadsAndWritesItsTextAndNamesAnUnknownPermission) {
    const PermissionSet set{Permission::DataExport, Permission::Chat};
    EXPECT_EQ(set.toText(), QStringLiteral("chat,data.export"));
    EXPECT_EQ(PermissionSet::fromText(QStringLiteral(" data.export , chat")), set);
    EXPECT_EQ(PermissionSet::fromText(QString()), PermissionSet());
    QString unknown;
    EXPECT_FALSE(PermissionSet::fromText(QStringLiteral("chat,root"), &unknown).has_value());
    EXPECT_EQ(unknown, QStringLiteral("root"));
    EXPECT_TRUE(PermissionSet::all().contains(set));
    EXPECT_FALSE(set.contains(PermissionSet::all()));
    EXPECT_EQ(set.intersected(PermissionSet{Permission::Chat, Permission::AuditView}), PermissionSet{Permission::Chat});
}

TEST(Permissions, TheBuiltInRolesGrantWhatTheAdminGuideSays) {
    const auto& administrator = builtInRole(BuiltInRole::Administrator);
    const auto& manager = builtInRole(BuiltInRole::Manager);
    const auto& member = builtInRole(BuiltInRole::Member);
    const auto& auditor = builtInRole(BuiltInRole::Auditor);
    EXPECT_EQ(administrator.permissions, PermissionSet::all());
    EXPECT_EQ(administrator.id, 1);
    for (const auto* role : {&administrator, &manager, &member, &auditor}) {
        EXPECT_TRUE(role->builtIn);
    }
    // Managers: Members and their quotas, everyone's usage and the audit log; never roles, providers or flags.
    for (const Permission p : {Permission::UsersManage, Permission::QuotasManage, Permission::UsageViewAll,
                               Permission::AuditView, Permission::Chat}) {
        EXPECT_TRUE(manager.permissions.has(p)) << permissionName(p).toStdString();
    }
    for (const Permission p : {Permission::RolesManage, Permission::ProvidersManage, Permission::FlagsManage}) {
        EXPECT_FALSE(manager.permissions.has(p)) << permissionName(p).toStdString();
    }
    // Members chat; they manage nothing and see only their own usage.
    EXPECT_TRUE(member.permissions.has(Permission::Chat));
    EXPECT_TRUE(member.permissions.has(Permission::ProvidersUse));
    for (const Permission p :
         {Permission::UsersManage, Permission::RolesManage, Permission::ProvidersManage, Permission::UsageViewAll,
          Permission::AuditView, Permission::FlagsManage, Permission::QuotasManage}) {
        EXPECT_FALSE(member.permissions.has(p)) << permissionName(p).toStdString();
    }
    // Auditors read usage and the audit log, nothing else.
    EXPECT_EQ(auditor.permissions, (PermissionSet{Permission::UsageViewAll, Permission::AuditView}));
}

TEST(PasswordHasher, HashesWithArgon2idAndTheParametersInTheHash) {
    const PasswordHasher hasher;
    const auto hash = hasher.hash(QStringLiteral("correct horse battery staple"));
    ASSERT_TRUE(hash) << hash.error().toLogString().toStdString();
    EXPECT_TRUE(hash->startsWith("$argon2id$v=19$m=65536,t=2,p=1$")) << hash->constData();
    EXPECT_TRUE(hasher.verify(*hash, QStringLiteral("correct horse battery staple")));
    EXPECT_FALSE(hasher.verify(*hash, QStringLiteral("correct horse battery stapl")));
    EXPECT_FALSE(hasher.verify(*hash, QStringLiteral("Correct horse battery staple")));
    EXPECT_FALSE(hasher.verify(QByteArray(), QStringLiteral("anything")));
    EXPECT_FALSE(hasher.verify(QByteArrayLiteral("not a hash"), QStringLiteral("anything")));
    const auto again = hasher.hash(QStringLiteral("correct horse battery staple"));
    ASSERT_TRUE(again);
    EXPECT_NE(*again, *hash) << "a new salt every time";
}

TEST(PasswordHasher, AnyUnicodeIsAcceptedWithoutTruncation) {
    const PasswordHasher hasher;
    const QString unicode = QStringLiteral("Grüße 🐧 пароль 密码");
    const auto hash = hasher.hash(unicode);
    ASSERT_TRUE(hash);
    EXPECT_TRUE(hasher.verify(*hash, unicode));
    EXPECT_FALSE(hasher.verify(*hash, QStringLiteral("Grüße 🐧 пароль 密")));
    // A long password and the same one with its last character changed hash differently (no truncation).
    const QString longOne = QString(127, QLatin1Char('a')) + QLatin1Char('b');
    const auto longHash = hasher.hash(longOne);
    ASSERT_TRUE(longHash);
    EXPECT_FALSE(hasher.verify(*longHash, QString(127, QLatin1Char('a')) + QLatin1Char('c')));
}

TEST(PasswordHasher, TheLengthRuleCountsCharactersAsPeopleDo) {
    EXPECT_FALSE(PasswordHasher::lengthAllowed(QStringLiteral("seven77")));
    EXPECT_TRUE(PasswordHasher::lengthAllowed(QStringLiteral("eight888")));
    EXPECT_TRUE(PasswordHasher::lengthAllowed(QString(128, QLatin1Char('x'))));
    EXPECT_FALSE(PasswordHasher::lengthAllowed(QString(129, QLatin1Char('x'))));
    // Eight emoji are eight characters (sixteen UTF-16 units).
    QString emoji;
    for (int i = 0; i < 8; ++i) {
        emoji += QStringLiteral("🐧");
    }
    EXPECT_TRUE(PasswordHasher::lengthAllowed(emoji));
    EXPECT_FALSE(PasswordHasher::lengthAllowed(emoji.left(14)));
}

TEST(PasswordHasher, AHashWithWeakerParametersIsUpgraded) {
    const PasswordHasher weak(PasswordCost{1, std::size_t(8) * 1024 * 1024});
    const PasswordHasher current;
    const auto old = weak.hash(QStringLiteral("an older password"));
    ASSERT_TRUE(old);
    EXPECT_TRUE(current.verify(*old, QStringLiteral("an older password"))) << "old hashes still verify";
    EXPECT_TRUE(current.needsRehash(*old));
    const auto fresh = current.hash(QStringLiteral("an older password"));
    ASSERT_TRUE(fresh);
    EXPECT_FALSE(current.needsRehash(*fresh));
    EXPECT_TRUE(current.needsRehash(QByteArrayLiteral("$2b$10$notargon")));
}

TEST(PasswordPolicy, CommonAndGuessablePasswordsAreRefusedWithTheReason) {
    EXPECT_EQ(ratePassword(QStringLiteral("short1!")).weakness, PasswordWeakness::TooShort);
    EXPECT_EQ(ratePassword(QString(129, QLatin1Char('q'))).weakness, PasswordWeakness::TooLong);
    const PasswordRating common = ratePassword(QStringLiteral("password123"));
    EXPECT_FALSE(common.acceptable());
    EXPECT_LT(common.score, minimumPasswordScore);
    EXPECT_EQ(common.weakness, PasswordWeakness::CommonWord);
    EXPECT_FALSE(ratePassword(QStringLiteral("qwertyuiop")).acceptable()) << "a keyboard row";
    EXPECT_EQ(ratePassword(QStringLiteral("abcdefghijk")).weakness, PasswordWeakness::Pattern);
    EXPECT_FALSE(ratePassword(QStringLiteral("19841984")).acceptable());
    // The account's own words count as easy, whatever their case.
    EXPECT_EQ(ratePassword(QStringLiteral("Fridolinxx"), {QStringLiteral("fridolin")}).weakness,
              PasswordWeakness::PersonalWord);
    // Long, unrelated words pass without any composition rule; so does a long Unicode phrase.
    const PasswordRating strong = ratePassword(QStringLiteral("violet tractor sandwich harbour"));
    EXPECT_TRUE(strong.acceptable()) << strong.score;
    EXPECT_GE(strong.score, 3);
    EXPECT_TRUE(ratePassword(QStringLiteral("Grüße aus dem Schwarzwald 🐧")).acceptable());
    for (PasswordWeakness weakness : {PasswordWeakness::TooShort, PasswordWeakness::TooLong,
                                      PasswordWeakness::CommonWord, PasswordWeakness::PersonalWord,
                                      PasswordWeakness::Pattern, PasswordWeakness::Date, PasswordWeakness::Guessable}) {
        EXPECT_NE(QString::fromLatin1(weaknessMessage(weakness)), QString()) << int(weakness);
    }
    const Status refused = checkNewPassword(QStringLiteral("password123"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::AuthWeakPassword);
    EXPECT_FALSE(refused.error().detail.contains(QStringLiteral("password123"))) << "the password is never echoed";
    EXPECT_TRUE(checkNewPassword(QStringLiteral("violet tractor sandwich harbour")));
}
