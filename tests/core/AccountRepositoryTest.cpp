// The accounts table on both engines: the owner every store has, names unique without regard to case, roles,
// status and the password hash kept apart from the account.
#include "storage/AccountRepository.h"

#include "accounts/Permissions.h"

#include "support/CoreFixture.h"
#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;

TEST(AccountRepositoryTest, EveryStoreHasTheOwnerAsAnAdministratorWithoutAPassword) {
    CoreFixture core;
    AccountRepository accounts(*core.db, core.clock);
    auto owner = accounts.findById(AccountRepository::ownerId);
    ASSERT_TRUE(owner) << owner.error().toLogString().toStdString();
    EXPECT_EQ(owner->username, QStringLiteral("owner"));
    EXPECT_EQ(owner->roleId, qint64(BuiltInRole::Administrator));
    EXPECT_EQ(owner->status, AccountStatus::Active);
    EXPECT_FALSE(owner->hasPassword);
    EXPECT_TRUE(owner->createdAt.isValid());
    EXPECT_FALSE(owner->lockedUntil.isValid());
    EXPECT_EQ(accounts.list()->size(), 1U);
    EXPECT_EQ(accounts.passwordHash(AccountRepository::ownerId).value_or("x"), QByteArray());
}

TEST(AccountRepositoryTest, NamesAreCheckedAndUniqueWithoutRegardToCase) {
    CoreFixture core;
    AccountRepository accounts(*core.db, core.clock);
    auto added = accounts.add(QStringLiteral("  Ada.Lovelace "), QStringLiteral("Ada"), qint64(BuiltInRole::Member));
    ASSERT_TRUE(added) << added.error().toLogString().toStdString();
    EXPECT_EQ(added->username, QStringLiteral("Ada.Lovelace"));
    EXPECT_EQ(added->roleId, qint64(BuiltInRole::Member));
    EXPECT_GT(added->id, AccountRepository::ownerId);
    EXPECT_EQ(accounts.findByUsername(QStringLiteral("ada.lovelace"))->id, added->id);
    auto taken = accounts.add(QStringLiteral("ADA.LOVELACE"), QString(), qint64(BuiltInRole::Member));
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().code, ErrorCode::AlreadyExists);
    auto renamedOnto = accounts.setUsername(added->id, QStringLiteral("Owner"));
    ASSERT_FALSE(renamedOnto);
    EXPECT_EQ(renamedOnto.error().code, ErrorCode::AlreadyExists);
    for (const QString& bad : {QString(), QStringLiteral("two words"), QStringLiteral("semi;colon"),
                               QString(65, QLatin1Char('x')), QStringLiteral("tab\there")}) {
        auto refused = accounts.add(bad, QString(), qint64(BuiltInRole::Member));
        ASSERT_FALSE(refused) << bad.toStdString();
        EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    }
    EXPECT_TRUE(accounts.add(QStringLiteral("jürgen"), QString(), qint64(BuiltInRole::Member)))
        << "letters of any script";
    EXPECT_EQ(accounts.list()->size(), 3U) << "nothing was added by the refusals";
    auto unknownRole = accounts.add(QStringLiteral("ghost"), QString(), 999);
    ASSERT_FALSE(unknownRole) << "an account's role must exist";
    EXPECT_EQ(unknownRole.error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(accounts.findByUsername(QStringLiteral("ghost")));
}

TEST(AccountRepositoryTest, RoleStatusAndPasswordHashAreKeptAndAnUnknownAccountIsNotFound) {
    CoreFixture core;
    AccountRepository accounts(*core.db, core.clock);
    auto added = accounts.add(QStringLiteral("grace"), QStringLiteral("Grace"), qint64(BuiltInRole::Member));
    ASSERT_TRUE(added);
    ASSERT_TRUE(accounts.setRole(added->id, qint64(BuiltInRole::Auditor)));
    ASSERT_TRUE(accounts.setStatus(added->id, AccountStatus::Disabled));
    ASSERT_TRUE(accounts.setDisplayName(added->id, QStringLiteral("Grace H.")));
    ASSERT_TRUE(accounts.setPasswordHash(added->id, QByteArrayLiteral("$argon2id$v=19$m=19456,t=2,p=1$x$y"), true));
    auto read = accounts.findById(added->id);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->roleId, qint64(BuiltInRole::Auditor));
    EXPECT_EQ(read->status, AccountStatus::Disabled);
    EXPECT_EQ(read->displayName, QStringLiteral("Grace H."));
    EXPECT_TRUE(read->hasPassword);
    EXPECT_TRUE(read->mustChangePassword);
    EXPECT_EQ(*accounts.passwordHash(added->id), QByteArrayLiteral("$argon2id$v=19$m=19456,t=2,p=1$x$y"));
    EXPECT_EQ(accounts.setRole(added->id, 999).error().code, ErrorCode::InvalidArgument);
    for (const Status& status : {accounts.setRole(4242, 1), accounts.setStatus(4242, AccountStatus::Active),
                                 accounts.setPasswordHash(4242, QByteArray(), false)}) {
        ASSERT_FALSE(status);
        EXPECT_EQ(status.error().code, ErrorCode::NotFound);
    }
    EXPECT_EQ(accounts.findById(4242).error().code, ErrorCode::NotFound);
    EXPECT_EQ(accounts.findByUsername(QStringLiteral("nobody")).error().code, ErrorCode::NotFound);
}
