// Datasets in the store, on both engines: stored all at once with their items in order, listed and read back (in
// pages) by their owner only, names unique whatever their case, checked against a template version, removed with
// their items; making and removing them needs experiments.run and is audited.
#include "experiments/Datasets.h"

#include "prompts/PromptLibrary.h"
#include "storage/AccountRepository.h"

#include "support/CoreFixture.h"
#include "support/QtPrinters.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;

namespace {

class DatasetServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        AccountRepository accounts(*core.db, core.clock);
        auto a = accounts.add(QStringLiteral("ada"), {}, qint64(BuiltInRole::Member));
        ASSERT_TRUE(a);
        ada = Actor::withRole(a->id, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
        auto b = accounts.add(QStringLiteral("aud"), {}, qint64(BuiltInRole::Auditor));
        ASSERT_TRUE(b);
        auditor = Actor::withRole(b->id, QStringLiteral("aud"), BuiltInRole::Auditor, ClientKind::Test);
        prompts = std::make_unique<PromptLibrary>(*core.db, core.clock, *core.audit);
        datasets = std::make_unique<DatasetService>(*core.db, core.clock, *core.audit, *prompts);
    }

    static DatasetContent cases(int count) {
        DatasetContent content;
        content.columns = {QStringLiteral("city"), QStringLiteral("days")};
        for (int i = 0; i < count; ++i) {
            DatasetItem item;
            item.row = i + 2;
            item.values.insert(QStringLiteral("city"), i % 5 == 4 ? QString() : QStringLiteral("City %1").arg(i));
            item.values.insert(QStringLiteral("days"), QString::number(i % 40));
            if (i % 2 == 0) {
                item.expected = QStringLiteral("answer %1").arg(i);
            }
            if (i == 0) {
                item.metadata.insert(QStringLiteral("source"), QStringLiteral("web"));
            }
            content.items.push_back(item);
        }
        return content;
    }

    QStringList audited(const QString& action) const {
        auto rows =
            core.db->exec(QStringLiteral("SELECT outcome FROM audit_log WHERE action = ? ORDER BY id"), {action});
        QStringList outcomes;
        while (rows && rows->next()) {
            outcomes << rows->value(0).toString();
        }
        return outcomes;
    }

    CoreFixture core;
    std::unique_ptr<PromptLibrary> prompts;
    std::unique_ptr<DatasetService> datasets;
    const Actor owner = Actor::owner(ClientKind::Test);
    Actor ada;
    Actor auditor;
};

} // namespace

TEST_F(DatasetServiceTest, ADatasetIsStoredReadBackInPagesAndRemovedWithItsItems) {
    const DatasetContent content = cases(1'200);
    auto made = datasets->create(ada, QStringLiteral("Cities"), content, QStringLiteral("cities.csv"));
    ASSERT_TRUE(made) << made.error().toLogString().toStdString();
    EXPECT_EQ(made->items, 1'200);
    EXPECT_EQ(made->withExpected, 600);
    EXPECT_EQ(made->columns, content.columns);

    auto listed = datasets->list(ada);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().name, QStringLiteral("Cities"));
    EXPECT_EQ(listed->front().source, QStringLiteral("cities.csv"));
    EXPECT_EQ(listed->front().columns, content.columns);

    auto all = datasets->items(ada, QStringLiteral("cities"));
    ASSERT_TRUE(all) << "found whatever the case";
    ASSERT_EQ(all->size(), 1'200u);
    for (std::size_t i = 0; i < all->size(); ++i) {
        ASSERT_EQ((*all)[i], content.items[i]) << "item " << i << " comes back as it went in";
    }
    auto page = datasets->items(ada, QStringLiteral("Cities"), 1'190, 50);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->size(), 10u);
    EXPECT_EQ(page->front(), content.items[1'190]);

    // Names are unique in the store, whatever their case; bad names and empty datasets are refused.
    auto again = datasets->create(owner, QStringLiteral(" CITIES "), content, {});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(datasets->create(ada, QString(), content, {}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(datasets->create(ada, QStringLiteral("x"), DatasetContent{}, {}).error().code,
              ErrorCode::InvalidArgument);

    ASSERT_TRUE(datasets->remove(ada, QStringLiteral("Cities")));
    EXPECT_EQ(datasets->get(ada, QStringLiteral("Cities")).error().code, ErrorCode::NotFound);
    auto left = core.db->exec(QStringLiteral("SELECT COUNT(*) FROM dataset_items"));
    ASSERT_TRUE(left && left->next());
    EXPECT_EQ(left->value(0).toLongLong(), 0) << "its items went with it";
    EXPECT_EQ(audited(QStringLiteral("dataset.import")), QStringList{QStringLiteral("success")});
    EXPECT_EQ(audited(QStringLiteral("dataset.remove")), QStringList{QStringLiteral("success")});
}

TEST_F(DatasetServiceTest, OnlyItsOwnerSeesADatasetAndExperimentsRunIsNeeded) {
    ASSERT_TRUE(datasets->create(ada, QStringLiteral("Mine"), cases(3), {}));
    EXPECT_EQ(datasets->get(owner, QStringLiteral("Mine")).error().code, ErrorCode::NotFound)
        << "another person's dataset reads as missing";
    EXPECT_TRUE(datasets->list(owner)->empty());
    EXPECT_EQ(datasets->remove(owner, QStringLiteral("Mine")).error().code, ErrorCode::NotFound);
    EXPECT_TRUE(datasets->get(ada, QStringLiteral("Mine")));

    ASSERT_FALSE(auditor.may(Permission::ExperimentsRun));
    auto refused = datasets->create(auditor, QStringLiteral("Theirs"), cases(3), {});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(datasets->list(auditor).error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(audited(QStringLiteral("dataset.import")),
              (QStringList{QStringLiteral("success"), QStringLiteral("denied")}));
}

TEST_F(DatasetServiceTest, ADatasetIsCheckedAgainstATemplateVersion) {
    ASSERT_TRUE(datasets->create(ada, QStringLiteral("Cities"), cases(10), {}));
    PromptDraft draft;
    draft.name = QStringLiteral("Trip");
    draft.userText = QStringLiteral("Plan {{days : number(1..30)}} days in {{city}}.");
    ASSERT_TRUE(prompts->create(ada, draft));
    auto problems = datasets->check(ada, QStringLiteral("Cities"), QStringLiteral("Trip"));
    ASSERT_TRUE(problems) << problems.error().toLogString().toStdString();
    ASSERT_EQ(problems->size(), 2u);
    EXPECT_EQ((*problems)[0].variable, QStringLiteral("days"));
    EXPECT_EQ((*problems)[0].rows, (std::vector<int>{2})) << "0 days is out of range";
    EXPECT_EQ((*problems)[1].variable, QStringLiteral("city"));
    EXPECT_EQ((*problems)[1].rows, (std::vector<int>{6, 11}));
    EXPECT_EQ(datasets->check(ada, QStringLiteral("Cities"), QStringLiteral("None")).error().code, ErrorCode::NotFound);
}

TEST_F(DatasetServiceTest, AFileIsImportedAllOrNothing) {
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.jsonl"));
    QFile file(good);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\"vars\": {\"city\": \"Oslo\"}, \"expected\": \"cold\"}\n{\"city\": \"Lima\"}\n");
    file.close();
    auto imported = datasets->importFile(ada, QStringLiteral("Two"), good);
    ASSERT_TRUE(imported) << imported.error().toLogString().toStdString();
    EXPECT_EQ(imported->items, 2);
    EXPECT_EQ(imported->withExpected, 1);
    EXPECT_EQ(imported->source, QStringLiteral("good.jsonl"));

    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    QFile broken(bad);
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("city\nOslo\n\"Lima\n");
    broken.close();
    auto refused = datasets->importFile(ada, QStringLiteral("Broken"), bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::ImportInvalid);
    EXPECT_EQ(refused.error().detail, QStringLiteral("bad.csv, line 3: a quoted cell is not closed"));
    EXPECT_EQ(datasets->list(ada)->size(), 1u) << "nothing of it was stored";
}
