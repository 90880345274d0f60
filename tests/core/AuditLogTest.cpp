// The audit log on both engines: the hash chain, verification naming the first bad entry after a change, a removal,
// an insertion or a reordering made directly in the store, retention behind a checkpoint, export, and who may read.
#include "audit/AuditLog.h"

#include "storage/Database.h"

#include "support/FakeClock.h"
#include "support/QtPrinters.h"
#include "support/TestStore.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::FakeClock;
using Tessera::Testing::TestStore;

namespace {

struct AuditFixture {
    TestStore store;
    std::unique_ptr<Database> db = store.open();
    FakeClock clock;
    AuditLog audit{*db, clock};
    Actor admin = Actor::owner(ClientKind::Test);

    // Appends n entries a minute apart.
    void append(int n, const QString& action = QStringLiteral("user.update")) {
        for (int i = 0; i < n; ++i) {
            clock.advance(60'000);
            ASSERT_TRUE(audit.record(admin, {action,
                                             QStringLiteral("user:u%1").arg(i),
                                             AuditOutcome::Success,
                                             QStringLiteral("change %1").arg(i),
                                             {}}));
        }
    }

    AuditVerification verify() {
        auto result = audit.verify(admin);
        EXPECT_TRUE(result) << result.error().toLogString().toStdString();
        return result.value_or(AuditVerification{});
    }

    void sql(const QString& statement) {
        auto done = db->exec(statement);
        ASSERT_TRUE(done) << statement.toStdString() << ": " << done.error().toLogString().toStdString();
    }
};

} // namespace

TEST(AuditLogTest, EntriesAreChainedAndAnUntouchedLogVerifies) {
    AuditFixture f;
    EXPECT_TRUE(f.verify().ok) << "an empty log verifies";
    f.append(5);
    auto entries = f.audit.list(f.admin, {});
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 5U);
    EXPECT_EQ(entries->front().id, 5) << "newest first";
    EXPECT_EQ(entries->back().prevHash, AuditRepository::genesisHash());
    for (size_t i = 0; i + 1 < entries->size(); ++i) {
        EXPECT_EQ(entries->at(i).prevHash, entries->at(i + 1).hash) << "each entry follows the one before";
        EXPECT_EQ(entries->at(i).hash, AuditRepository::chainHash(entries->at(i).prevHash, entries->at(i)));
    }
    EXPECT_EQ(entries->front().client, QStringLiteral("test"));
    EXPECT_EQ(entries->front().outcome, QStringLiteral("success"));
    EXPECT_EQ(entries->front().correlationId.size(), 16);
    const AuditVerification result = f.verify();
    EXPECT_TRUE(result.ok) << result.problem.toStdString();
    EXPECT_EQ(result.entries, 5);
}

TEST(AuditLogTest, VerificationNamesAChangedEntry) {
    AuditFixture f;
    f.append(6);
    f.sql(QStringLiteral("UPDATE audit_log SET detail = 'nothing happened' WHERE id = 3"));
    const AuditVerification result = f.verify();
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.firstBadId, 3);
    EXPECT_TRUE(result.problem.contains(QStringLiteral("changed"))) << result.problem.toStdString();
}

TEST(AuditLogTest, VerificationNamesAnEntryRewrittenWithAFreshHash) {
    AuditFixture f;
    f.append(6);
    auto entries = f.audit.list(f.admin, {});
    AuditEntry forged = entries->at(6 - 4); // id 4
    ASSERT_EQ(forged.id, 4);
    forged.actorName = QStringLiteral("someone else");
    const QString hash = AuditRepository::chainHash(forged.prevHash, forged);
    f.sql(QStringLiteral("UPDATE audit_log SET actor_name = 'someone else', hash = '%1' WHERE id = 4").arg(hash));
    const AuditVerification result = f.verify();
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.firstBadId, 4) << result.problem.toStdString();
}

TEST(AuditLogTest, VerificationNamesARemovedEntryAndARemovedNewestEntry) {
    AuditFixture f;
    f.append(6);
    f.sql(QStringLiteral("DELETE FROM audit_log WHERE id = 2"));
    AuditVerification result = f.verify();
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.firstBadId, 2);
    EXPECT_TRUE(result.problem.contains(QStringLiteral("missing"))) << result.problem.toStdString();

    AuditFixture tail;
    tail.append(4);
    tail.sql(QStringLiteral("DELETE FROM audit_log WHERE id = 4"));
    result = tail.verify();
    EXPECT_FALSE(result.ok) << "the head remembers the newest entry";
    EXPECT_EQ(result.firstBadId, 4) << result.problem.toStdString();
}

TEST(AuditLogTest, VerificationNamesAnInsertedEntry) {
    AuditFixture f;
    f.append(3);
    // A row slipped in after the newest, with a chain link that looks right.
    auto newest = f.audit.list(f.admin, {});
    AuditEntry fake = newest->front();
    fake.id = 4;
    fake.prevHash = newest->front().hash;
    fake.detail = QStringLiteral("granted everything");
    fake.hash = AuditRepository::chainHash(fake.prevHash, fake);
    f.sql(
        QStringLiteral("INSERT INTO audit_log (id, at, actor_id, actor_name, action, target, client, outcome, "
                       "correlation_id, detail, prev_hash, hash) SELECT 4, at, actor_id, actor_name, action, target, "
                       "client, outcome, correlation_id, 'granted everything', '%1', '%2' FROM audit_log WHERE id = 3")
            .arg(fake.prevHash, fake.hash));
    AuditVerification result = f.verify();
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.firstBadId, 4) << result.problem.toStdString();

    // One put between two others (the ids moved up to make room) breaks the link of the one after it.
    AuditFixture middle;
    middle.append(3);
    middle.sql(QStringLiteral("UPDATE audit_log SET id = id + 10 WHERE id = 3"));
    middle.sql(QStringLiteral("INSERT INTO audit_log (id, at, actor_id, actor_name, action, target, client, outcome, "
                              "correlation_id, detail, prev_hash, hash) SELECT 3, at, actor_id, actor_name, action, "
                              "target, client, outcome, correlation_id, 'inserted', prev_hash, hash FROM audit_log "
                              "WHERE id = 2"));
    result = middle.verify();
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.firstBadId, 3) << result.problem.toStdString();
}

TEST(AuditLogTest, VerificationNamesReorderedEntries) {
    AuditFixture f;
    f.append(5);
    // Entries 2 and 4 swap places: each keeps its content and hashes but takes the other's id.
    f.sql(QStringLiteral("UPDATE audit_log SET id = 100 WHERE id = 2"));
    f.sql(QStringLiteral("UPDATE audit_log SET id = 2 WHERE id = 4"));
    f.sql(QStringLiteral("UPDATE audit_log SET id = 4 WHERE id = 100"));
    const AuditVerification result = f.verify();
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.firstBadId, 2) << result.problem.toStdString();
}

TEST(AuditLogTest, RetentionRemovesOldEntriesBehindACheckpointAndTheChainStillVerifies) {
    AuditFixture f;
    f.append(3);
    f.clock.advance(40LL * 86'400'000); // 40 days later
    f.append(2);
    auto removed = f.audit.applyRetention(f.admin, 30);
    ASSERT_TRUE(removed) << removed.error().toLogString().toStdString();
    EXPECT_EQ(*removed, 3);
    auto entries = f.audit.list(f.admin, {});
    ASSERT_EQ(entries->size(), 3U);
    EXPECT_EQ(entries->front().action, QStringLiteral("audit.checkpoint"));
    EXPECT_TRUE(entries->front().detail.contains(QStringLiteral("removed 3 entries")))
        << entries->front().detail.toStdString();
    AuditVerification result = f.verify();
    EXPECT_TRUE(result.ok) << result.problem.toStdString();
    EXPECT_EQ(result.entries, 3);
    EXPECT_EQ(*f.audit.applyRetention(f.admin, 30), 0) << "nothing more is old enough";
    f.append(1);
    EXPECT_TRUE(f.verify().ok);

    // The oldest kept entry is still checked against the checkpoint's hash.
    f.sql(QStringLiteral("UPDATE audit_log SET detail = 'x' WHERE id = 4"));
    result = f.verify();
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.firstBadId, 4);
    EXPECT_FALSE(f.audit.applyRetention(f.admin, 0)) << "at least a day";
}

TEST(AuditLogTest, ListFiltersAndPagesByKey) {
    AuditFixture f;
    f.append(3, QStringLiteral("user.update"));
    f.append(2, QStringLiteral("auth.sign_in"));
    Actor other = Actor::withRole(7, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Cli);
    ASSERT_TRUE(f.audit.record(other, {QStringLiteral("auth.sign_out"), {}, AuditOutcome::Failure, {}, {}}));
    AuditFilter filter;
    filter.action = QStringLiteral("auth.*");
    EXPECT_EQ(f.audit.list(f.admin, filter)->size(), 3U);
    filter.action = QStringLiteral("auth.sign_in");
    EXPECT_EQ(f.audit.list(f.admin, filter)->size(), 2U);
    filter = {};
    filter.actorId = 7;
    auto mine = f.audit.list(f.admin, filter);
    ASSERT_EQ(mine->size(), 1U);
    EXPECT_EQ(mine->front().client, QStringLiteral("cli"));
    filter = {};
    filter.outcome = QStringLiteral("failure");
    EXPECT_EQ(f.audit.list(f.admin, filter)->size(), 1U);
    filter = {};
    filter.limit = 4;
    auto first = f.audit.list(f.admin, filter);
    ASSERT_EQ(first->size(), 4U);
    filter.beforeId = first->back().id;
    auto second = f.audit.list(f.admin, filter);
    ASSERT_EQ(second->size(), 2U);
    EXPECT_EQ(second->front().id, first->back().id - 1);
    filter = {};
    filter.since = f.clock.nowUtc().addSecs(-150);
    EXPECT_EQ(f.audit.list(f.admin, filter)->size(), 4U) << "the last two minutes and a half";
    filter.until = f.clock.nowUtc();
    EXPECT_EQ(f.audit.list(f.admin, filter)->size(), 2U) << "until is exclusive";
}

TEST(AuditLogTest, ExportWritesCsvAndJsonLinesAndIsItselfRecorded) {
    AuditFixture f;
    f.append(2);
    ASSERT_TRUE(f.audit.record(f.admin, {QStringLiteral("user.update"),
                                         QStringLiteral("=HYPERLINK(\"x\")"),
                                         AuditOutcome::Success,
                                         QStringLiteral("line one\nline two, \"quoted\""),
                                         {}}));
    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    auto written = f.audit.exportTo(f.admin, AuditExportFormat::Csv, {}, csv);
    ASSERT_TRUE(written) << written.error().toLogString().toStdString();
    EXPECT_EQ(*written, 3);
    const QString text = QString::fromUtf8(csv.data());
    const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 4) << text.toStdString();
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("id,at,actor_id,actor,action")));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("1,"))) << "oldest first";
    EXPECT_TRUE(lines[3].contains(QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\""))) << "no formula reaches a spreadsheet";
    EXPECT_TRUE(lines[3].contains(QStringLiteral("line one line two"))) << "control characters are not kept";

    QBuffer jsonl;
    jsonl.open(QIODevice::WriteOnly);
    ASSERT_TRUE(f.audit.exportTo(f.admin, AuditExportFormat::JsonLines, {}, jsonl));
    const QList<QByteArray> rows = jsonl.data().split('\n');
    ASSERT_EQ(rows.size(), 5) << "four entries (the CSV export's own entry too) and a final newline";
    const QJsonObject last = QJsonDocument::fromJson(rows[3]).object();
    EXPECT_EQ(last.value(QStringLiteral("action")).toString(), QStringLiteral("audit.export"));
    EXPECT_EQ(last.value(QStringLiteral("id")).toInteger(), 4);
    EXPECT_EQ(last.value(QStringLiteral("hash")).toString().size(), 64);
    EXPECT_TRUE(f.verify().ok);
}

TEST(AuditLogTest, OnlyRolesWithAuditViewReadVerifyOrExport) {
    AuditFixture f;
    f.append(1);
    const Actor member = Actor::withRole(5, QStringLiteral("m"), BuiltInRole::Member, ClientKind::Test);
    const Actor auditor = Actor::withRole(6, QStringLiteral("a"), BuiltInRole::Auditor, ClientKind::Test);
    auto listed = f.audit.list(member, {});
    ASSERT_FALSE(listed);
    EXPECT_EQ(listed.error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(f.audit.verify(member).error().code, ErrorCode::AuthForbidden);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    EXPECT_EQ(f.audit.exportTo(member, AuditExportFormat::Csv, {}, out).error().code, ErrorCode::AuthForbidden);
    EXPECT_TRUE(out.data().isEmpty());
    EXPECT_TRUE(f.audit.list(auditor, {}));
    EXPECT_TRUE(f.audit.verify(auditor));
    EXPECT_EQ(f.audit.applyRetention(auditor, 30).error().code, ErrorCode::AuthForbidden)
        << "retention removes entries: administrators only";
}
