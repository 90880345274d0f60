// Import and export of the prompt library on both engines: Tessera JSON carries every version with its author, time,
// message and settings, and the labels; a folder of Markdown files carries what production says; importing again
// changes nothing, an edited file becomes a new version; broken or hostile files name the place and import nothing.
#include "prompts/PromptExchange.h"

#include "storage/AccountRepository.h"

#include "support/CoreFixture.h"
#include "support/QtPrinters.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;

namespace {

struct Store {
    CoreFixture core;
    PromptLibrary library{*core.db, core.clock, *core.audit};
    PromptExchange exchange{*core.db, library, *core.audit, core.clock};
    const Actor owner = Actor::owner(ClientKind::Test);

    int templateCount() {
        auto all = library.list(owner);
        return all ? int(all->size()) : -1;
    }
};

PromptDraft draft(const QString& name, const QString& user, const QString& system = {}) {
    PromptDraft d;
    d.name = name;
    d.userText = user;
    d.systemText = system;
    d.description = QStringLiteral("about ") + name;
    d.tags = {QStringLiteral("writing")};
    d.message = QStringLiteral("first");
    return d;
}

void write(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

TEST(PromptExchangeTest, JsonCarriesEveryVersionAndLabelAndImportingAgainChangesNothing) {
    Store source;
    PromptDraft summary =
        draft(QStringLiteral("Summary"), QStringLiteral("Summarise {{text}}"), QStringLiteral("Be {{tone = brief}}."));
    summary.settings.model = QStringLiteral("gpt-test");
    summary.settings.temperature = 0.3;
    ASSERT_TRUE(source.library.create(source.owner, summary));
    PromptDraft second = summary;
    second.userText = QStringLiteral("Summarise in {{n = 3}} points: {{text}}");
    second.message = QStringLiteral("points");
    ASSERT_TRUE(source.library.update(source.owner, QStringLiteral("Summary"), second));
    ASSERT_TRUE(source.library.setLabel(source.owner, QStringLiteral("Summary"), QStringLiteral("production"), 1));
    ASSERT_TRUE(source.library.setLabel(source.owner, QStringLiteral("Summary"), QStringLiteral("beta"), 2));
    ASSERT_TRUE(source.library.create(source.owner, draft(QStringLiteral("Mail"), QStringLiteral("Write to {{who}}"))));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.json"));
    auto exported = source.exchange.exportTo(source.owner, {}, path, PromptFileFormat::Json);
    ASSERT_TRUE(exported) << exported.error().toLogString().toStdString();
    EXPECT_EQ(exported->templates, 2);
    EXPECT_EQ(exported->versions, 3);

    Store target;
    auto imported = target.exchange.importFrom(target.owner, path);
    ASSERT_TRUE(imported) << imported.error().toLogString().toStdString();
    EXPECT_EQ(imported->created, 2);
    auto versions = target.library.versions(target.owner, QStringLiteral("Summary"));
    ASSERT_TRUE(versions);
    ASSERT_EQ(versions->size(), 2u);
    const auto original = *source.library.versions(source.owner, QStringLiteral("Summary"));
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ((*versions)[i].userText, original[i].userText);
        EXPECT_EQ((*versions)[i].systemText, original[i].systemText);
        EXPECT_EQ((*versions)[i].settings, original[i].settings);
        EXPECT_EQ((*versions)[i].message, original[i].message);
        EXPECT_EQ((*versions)[i].author, original[i].author);
        EXPECT_EQ((*versions)[i].createdAt, original[i].createdAt);
    }
    auto summaryIn = target.library.get(target.owner, QStringLiteral("Summary"));
    ASSERT_TRUE(summaryIn);
    EXPECT_EQ(summaryIn->defaultVersion(), 1) << "production came along";
    EXPECT_EQ(summaryIn->labels.value(QStringLiteral("beta")), 2);
    EXPECT_EQ(summaryIn->tags, QStringList{QStringLiteral("writing")});

    // Again: nothing changes. Then an edited file: production's text becomes a new version.
    auto again = target.exchange.importFrom(target.owner, path);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->unchanged, 1) << "Mail: its only version is the latest";
    EXPECT_EQ(again->updated, 1) << "Summary: production (version 1) differs from the latest (2)";
    EXPECT_EQ(target.library.get(target.owner, QStringLiteral("Summary"))->latestVersion, 3);
    auto third = target.exchange.importFrom(target.owner, path);
    ASSERT_TRUE(third);
    EXPECT_EQ(third->unchanged, 2);
}

TEST(PromptExchangeTest, AFolderOfMarkdownFilesRoundTripsAndChosenTemplatesOnly) {
    Store source;
    ASSERT_TRUE(
        source.library.create(source.owner, draft(QStringLiteral("Bug / report"), QStringLiteral("Bug in {{x}}"),
                                                  QStringLiteral("You triage."))));
    ASSERT_TRUE(source.library.create(source.owner, draft(QStringLiteral("Mail"), QStringLiteral("Write to {{who}}"))));
    ASSERT_TRUE(source.library.create(source.owner, draft(QStringLiteral("Other"), QStringLiteral("Other"))));
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("prompts"));
    auto exported = source.exchange.exportTo(source.owner, {QStringLiteral("Bug / report"), QStringLiteral("mail")},
                                             folder, PromptFileFormat::Markdown);
    ASSERT_TRUE(exported) << exported.error().toLogString().toStdString();
    EXPECT_EQ(exported->files, (QStringList{QStringLiteral("Bug - report.md"), QStringLiteral("Mail.md")}));
    EXPECT_EQ(source.exchange.exportTo(source.owner, {QStringLiteral("Nope")}, folder, PromptFileFormat::Markdown)
                  .error()
                  .code,
              ErrorCode::NotFound);

    Store target;
    auto imported = target.exchange.importFrom(target.owner, folder);
    ASSERT_TRUE(imported) << imported.error().toLogString().toStdString();
    EXPECT_EQ(imported->created, 2);
    auto bug = target.library.version(target.owner, QStringLiteral("Bug / report"));
    ASSERT_TRUE(bug);
    EXPECT_EQ(bug->systemText, QStringLiteral("You triage."));
    EXPECT_EQ(bug->userText, QStringLiteral("Bug in {{x}}"));
    EXPECT_EQ(target.library.get(target.owner, QStringLiteral("Mail"))->description, QStringLiteral("about Mail"));

    // Kept in git and edited: the import saves the new text as the next version.
    write(QDir(folder).filePath(QStringLiteral("Mail.md")),
          "---\nname: Mail\ndescription: about Mail\ntags: [writing]\n---\nWrite kindly to {{who}}\n");
    auto edited = target.exchange.importFrom(target.owner, folder);
    ASSERT_TRUE(edited);
    EXPECT_EQ(edited->updated, 1);
    EXPECT_EQ(edited->unchanged, 1);
    EXPECT_EQ(target.library.version(target.owner, QStringLiteral("Mail"))->userText,
              QStringLiteral("Write kindly to {{who}}"));
}

TEST(PromptExchangeTest, BrokenOrHostileFilesNameThePlaceAndImportNothing) {
    struct Case {
        const char* json;
        const char* place;
    };
    const Case cases[] = {
        {"not json", "file"},
        {R"({"format": "tessera-conversations", "version": 1})", "file"},
        {R"({"format": "tessera-prompts", "version": 9, "templates": []})", "version"},
        {R"({"format": "tessera-prompts", "version": 1})", "templates"},
        {R"({"format": "tessera-prompts", "version": 1, "templates": [{"versions": [{"user": "x"}]}]})",
         "templates[0].name"},
        {R"({"format": "tessera-prompts", "version": 1, "templates": [{"name": "a", "versions": []}]})",
         "templates[0].versions"},
        {R"({"format": "tessera-prompts", "version": 1, "templates": [{"name": "a", "versions": [{"user": 5}]}]})",
         "templates[0].versions[0].user"},
        {R"({"format": "tessera-prompts", "version": 1, "templates": [{"name": "a", "versions": [{"user": "Hi {{x"}]}]})",
         "templates[0].versions[0]"},
        {R"({"format": "tessera-prompts", "version": 1, "templates": [{"name": "a",
             "versions": [{"version": 2, "user": "x"}]}]})",
         "templates[0].versions[0].version"},
        {R"({"format": "tessera-prompts", "version": 1, "templates": [{"name": "a",
             "versions": [{"user": "x", "temperature": "hot"}]}]})",
         "templates[0].versions[0].temperature"},
        {R"({"format": "tessera-prompts", "version": 1, "templates": [{"name": "a", "labels": {"production": 3},
             "versions": [{"user": "x"}]}]})",
         "templates[0].labels.production"},
        {R"({"format": "tessera-prompts", "version": 1, "templates": [{"name": "a", "labels": {"Bad Label": 1},
             "versions": [{"user": "x"}]}]})",
         "templates[0].labels.Bad Label"},
        {R"({"format": "tessera-prompts", "version": 1, "templates": [{"name": "a", "tags": ["a,b"],
             "versions": [{"user": "x"}]}]})",
         "templates[0].tags[0]"},
        {R"({"format": "tessera-prompts", "version": 1, "templates": [{"name": "a", "versions": [{"user": "x"}]},
             {"name": "A", "versions": [{"user": "y"}]}]})",
         "A"},
    };
    for (const Case& test : cases) {
        auto read = readPromptJson(QByteArray(test.json));
        ASSERT_FALSE(read) << test.json;
        EXPECT_EQ(read.error().code, ErrorCode::ImportInvalid) << test.json;
        EXPECT_TRUE(read.error().subject.startsWith(QString::fromUtf8(test.place)))
            << test.json << " -> " << read.error().subject.toStdString();
    }

    // A folder with one broken file among good ones: nothing comes in, and the file and line are named.
    Store store;
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("a.md")), "Fine {{x}}\n");
    write(dir.filePath(QStringLiteral("b.md")), "---\nname: B\ncolour: red\n---\nText\n");
    auto refused = store.exchange.importFrom(store.owner, dir.path());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::ImportInvalid);
    EXPECT_TRUE(refused.error().detail.contains(QStringLiteral("b.md, line 3")))
        << refused.error().detail.toStdString();
    EXPECT_EQ(store.templateCount(), 0);

    // A template that fails while being stored (a name taken by a template its importer cannot see) undoes the rest.
    AccountRepository accounts(*store.core.db, store.core.clock);
    auto account = accounts.add(QStringLiteral("ada"), {}, qint64(BuiltInRole::Member));
    ASSERT_TRUE(account);
    const Actor ada = Actor::withRole(account->id, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
    ASSERT_TRUE(store.library.create(store.owner, draft(QStringLiteral("Secret"), QStringLiteral("s"))));
    write(dir.filePath(QStringLiteral("b.md")), "---\nname: Secret\n---\nMine\n");
    auto clash = store.exchange.importFrom(ada, dir.path());
    ASSERT_FALSE(clash);
    EXPECT_EQ(clash.error().code, ErrorCode::AlreadyExists);
    EXPECT_TRUE(clash.error().detail.contains(QStringLiteral("Secret")));
    auto adas = store.library.list(ada);
    ASSERT_TRUE(adas);
    EXPECT_TRUE(adas->empty()) << "a.md was not kept either";
    EXPECT_FALSE(store.exchange.importFrom(store.owner, dir.filePath(QStringLiteral("missing.json"))));
}
