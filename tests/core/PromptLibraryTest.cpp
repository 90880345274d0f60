// The prompt library on both engines: versions are immutable and numbered, labels move, latest follows the newest,
// production is used unless a version is named, restoring saves a new version; names are unique whatever their
// case; sharing by role lets members use (or edit) a template, needs prompts.share and is audited; a template that is
// not shared with someone does not exist for them; rendering lists every missing or unfitting value.
#include "prompts/PromptLibrary.h"

#include "storage/AccountRepository.h"

#include "support/CoreFixture.h"
#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;

namespace {

class PromptLibraryTest : public ::testing::Test {
protected:
    void SetUp() override {
        AccountRepository accounts(*core.db, core.clock);
        auto a = accounts.add(QStringLiteral("ada"), {}, qint64(BuiltInRole::Member));
        auto b = accounts.add(QStringLiteral("bob"), {}, qint64(BuiltInRole::Manager));
        ASSERT_TRUE(a && b);
        ada = Actor::withRole(a->id, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
        bob = Actor::withRole(b->id, QStringLiteral("bob"), BuiltInRole::Manager, ClientKind::Test);
        library = std::make_unique<PromptLibrary>(*core.db, core.clock, *core.audit);
    }

    static PromptDraft draft(const QString& name, const QString& user, const QString& system = {}) {
        PromptDraft d;
        d.name = name;
        d.userText = user;
        d.systemText = system;
        d.description = QStringLiteral("about ") + name;
        d.tags = {QStringLiteral("Writing"), QStringLiteral(" email "), QStringLiteral("writing")};
        d.message = QStringLiteral("first");
        return d;
    }

    // The audit entries about a template: "action outcome" each, oldest first.
    QStringList audited(const QString& name) const {
        auto query = core.db->exec(QStringLiteral("SELECT action, outcome FROM audit_log WHERE target = ? ORDER BY id"),
                                   {QVariant(QStringLiteral("prompt:") + name)});
        QStringList entries;
        while (query && query->next()) {
            entries << query->value(0).toString() + QLatin1Char(' ') + query->value(1).toString();
        }
        return entries;
    }

    CoreFixture core;
    std::unique_ptr<PromptLibrary> library;
    const Actor owner = Actor::owner(ClientKind::Test);
    Actor ada;
    Actor bob;
};

} // namespace

TEST_F(PromptLibraryTest, EverySaveIsANewVersionAndLabelsChooseWhichIsUsed) {
    auto made = library->create(owner, draft(QStringLiteral("Summary"), QStringLiteral("Summarise {{text}}"),
                                             QStringLiteral("You write for {{audience = everyone}}.")));
    ASSERT_TRUE(made) << made.error().toLogString().toStdString();
    EXPECT_EQ(made->latestVersion, 1);
    EXPECT_EQ(made->tags, (QStringList{QStringLiteral("email"), QStringLiteral("writing")}));
    EXPECT_EQ(made->ownerName, QStringLiteral("owner"));
    EXPECT_TRUE(made->canEdit);
    EXPECT_EQ(made->defaultVersion(), 1);

    PromptDraft second = draft(QStringLiteral("Summary"),
                               QStringLiteral("Summarise {{text}} in {{words : number(10..300) = 100}} words"));
    second.message = QStringLiteral("a length");
    second.settings.model = QStringLiteral("gpt-5.4");
    second.settings.temperature = 0.2;
    auto updated = library->update(owner, QStringLiteral("summary"), second);
    ASSERT_TRUE(updated) << updated.error().toLogString().toStdString();
    EXPECT_EQ(updated->latestVersion, 2);
    // The same text and settings again: no new version, only the description and tags.
    second.description = QStringLiteral("shorter");
    auto same = library->update(owner, QStringLiteral("Summary"), second);
    ASSERT_TRUE(same);
    EXPECT_EQ(same->latestVersion, 2);
    EXPECT_EQ(same->description, QStringLiteral("shorter"));

    auto versions = library->versions(owner, QStringLiteral("Summary"));
    ASSERT_TRUE(versions);
    ASSERT_EQ(versions->size(), 2u);
    EXPECT_EQ((*versions)[0].number, 2) << "the newest first";
    EXPECT_EQ((*versions)[0].message, QStringLiteral("a length"));
    EXPECT_EQ((*versions)[0].author, QStringLiteral("owner"));
    EXPECT_EQ((*versions)[0].settings.model, QStringLiteral("gpt-5.4"));
    EXPECT_EQ((*versions)[0].settings.temperature, 0.2);
    EXPECT_EQ((*versions)[1].systemText, QStringLiteral("You write for {{audience = everyone}}."));

    // Production wins over latest; a named version wins over both.
    ASSERT_TRUE(library->setLabel(owner, QStringLiteral("Summary"), QStringLiteral("production"), 1));
    ASSERT_TRUE(library->setLabel(owner, QStringLiteral("Summary"), QStringLiteral("review-2"), 2));
    auto labelled = library->get(owner, QStringLiteral("SUMMARY"));
    ASSERT_TRUE(labelled);
    EXPECT_EQ(labelled->defaultVersion(), 1);
    EXPECT_EQ(labelled->labels.value(QStringLiteral("review-2")), 2);
    auto rendered = library->render(owner, QStringLiteral("Summary"), std::nullopt,
                                    {{QStringLiteral("text"), QStringLiteral("X")}});
    ASSERT_TRUE(rendered) << rendered.error().toLogString().toStdString();
    EXPECT_EQ(rendered->version, 1);
    EXPECT_EQ(rendered->userText, QStringLiteral("Summarise X"));
    EXPECT_EQ(rendered->systemText, QStringLiteral("You write for everyone."));
    auto named = library->render(owner, QStringLiteral("Summary"), 2, {{QStringLiteral("text"), QStringLiteral("X")}});
    ASSERT_TRUE(named);
    EXPECT_EQ(named->userText, QStringLiteral("Summarise X in 100 words"));
    EXPECT_EQ(named->settings.model, QStringLiteral("gpt-5.4"));

    // Labels: latest cannot be moved, a bad name or version is refused, a label can go.
    EXPECT_EQ(library->setLabel(owner, QStringLiteral("Summary"), QStringLiteral("latest"), 1).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(library->setLabel(owner, QStringLiteral("Summary"), QStringLiteral("Not OK"), 1).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(library->setLabel(owner, QStringLiteral("Summary"), QStringLiteral("later"), 3).error().code,
              ErrorCode::NotFound);
    ASSERT_TRUE(library->removeLabel(owner, QStringLiteral("Summary"), QStringLiteral("production")));
    EXPECT_EQ(library->get(owner, QStringLiteral("Summary"))->defaultVersion(), 2) << "the latest again";

    // Restoring saves the old text as the newest version.
    auto restored = library->restore(owner, QStringLiteral("Summary"), 1);
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored->latestVersion, 3);
    auto third = library->version(owner, QStringLiteral("Summary"), 3);
    ASSERT_TRUE(third);
    EXPECT_EQ(third->userText, QStringLiteral("Summarise {{text}}"));
    EXPECT_EQ(third->message, QStringLiteral("restored version 1"));
    EXPECT_EQ(library->version(owner, QStringLiteral("Summary"), 9).error().code, ErrorCode::NotFound);

    // Renamed; the old name is free, no name is taken twice whatever its case.
    ASSERT_TRUE(library->rename(owner, QStringLiteral("Summary"), QStringLiteral("Short summary")));
    EXPECT_EQ(library->get(owner, QStringLiteral("Summary")).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(library->create(owner, draft(QStringLiteral("Summary"), QStringLiteral("again"))));
    EXPECT_EQ(library->create(owner, draft(QStringLiteral("short SUMMARY"), QStringLiteral("x"))).error().code,
              ErrorCode::AlreadyExists);
    EXPECT_EQ(library->rename(owner, QStringLiteral("Summary"), QStringLiteral("Short Summary")).error().code,
              ErrorCode::AlreadyExists);
    EXPECT_TRUE(audited(QStringLiteral("Short summary")).isEmpty()) << "a personal template's changes are its own";
}

TEST_F(PromptLibraryTest, BadTemplatesAreRefusedWithWhereAndWhy) {
    const auto refused = [this](const PromptDraft& d) {
        return library->create(owner, d).error();
    };
    EXPECT_EQ(refused(draft(QString(), QStringLiteral("x"))).code, ErrorCode::InvalidArgument);
    EXPECT_EQ(refused(draft(QStringLiteral("a@b"), QStringLiteral("x"))).code, ErrorCode::InvalidArgument);
    EXPECT_EQ(refused(draft(QStringLiteral("two\nlines"), QStringLiteral("x"))).code, ErrorCode::InvalidArgument);
    EXPECT_EQ(refused(draft(QString(101, QLatin1Char('n')), QStringLiteral("x"))).code, ErrorCode::InvalidArgument);
    EXPECT_EQ(refused(draft(QStringLiteral("empty"), QStringLiteral("  "))).code, ErrorCode::InvalidArgument);
    const Error syntax = refused(draft(QStringLiteral("broken"), QStringLiteral("fine\nbut {{not closed")));
    EXPECT_EQ(syntax.code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(syntax.detail.startsWith(QStringLiteral("the user part, line 2, column 5: ")))
        << syntax.detail.toStdString();
    const Error system =
        refused(draft(QStringLiteral("broken"), QStringLiteral("ok"), QStringLiteral("{{x : colour}}")));
    EXPECT_TRUE(system.detail.startsWith(QStringLiteral("the system part, line 1, column 7")))
        << system.detail.toStdString();
    const Error clash =
        refused(draft(QStringLiteral("clash"), QStringLiteral("{{n : number}}"), QStringLiteral("{{n : date}}")));
    EXPECT_TRUE(clash.detail.contains(QStringLiteral("declared differently"))) << clash.detail.toStdString();
    PromptDraft hot = draft(QStringLiteral("hot"), QStringLiteral("x"));
    hot.settings.temperature = 3.0;
    EXPECT_EQ(refused(hot).code, ErrorCode::InvalidArgument);
    PromptDraft tags = draft(QStringLiteral("tags"), QStringLiteral("x"));
    tags.tags = {QStringLiteral("a,b")};
    EXPECT_EQ(refused(tags).code, ErrorCode::InvalidArgument);
    auto all = library->list(owner);
    ASSERT_TRUE(all);
    EXPECT_TRUE(all->empty()) << "nothing was saved";
}

TEST_F(PromptLibraryTest, RenderingListsEveryMissingOrUnfittingValueByName) {
    ASSERT_TRUE(library->create(owner, draft(QStringLiteral("Mail"),
                                             QStringLiteral("To {{to}} about {{topic}}, {{n : number(1..3)}} "
                                                            "points.{{?ps}} PS: {{ps}}{{/ps}}"),
                                             QStringLiteral("Tone: {{tone : choice(warm, dry) = warm}}"))));
    auto missing =
        library->render(owner, QStringLiteral("Mail"), std::nullopt,
                        {{QStringLiteral("n"), QStringLiteral("5")}, {QStringLiteral("tone"), QStringLiteral("loud")}});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(missing.error().detail, QStringLiteral("tone must be one of warm, dry; to needs a value; topic needs a "
                                                     "value; n must be between 1 and 3"));
    EXPECT_TRUE(missing.error().detail.contains(QStringLiteral("to needs a value")));
    EXPECT_TRUE(missing.error().detail.contains(QStringLiteral("n must be between 1 and 3")));
    auto fine = library->render(owner, QStringLiteral("Mail"), std::nullopt,
                                {{QStringLiteral("to"), QStringLiteral("Ada")},
                                 {QStringLiteral("topic"), QStringLiteral("{{secret}}")},
                                 {QStringLiteral("n"), QStringLiteral("2")}});
    ASSERT_TRUE(fine) << fine.error().toLogString().toStdString();
    EXPECT_EQ(fine->userText, QStringLiteral("To Ada about {{secret}}, 2 points."));
    EXPECT_EQ(fine->systemText, QStringLiteral("Tone: warm"));
    EXPECT_EQ(fine->templateName, QStringLiteral("Mail"));
    EXPECT_EQ(fine->values.value(QStringLiteral("to")), QStringLiteral("Ada"));
}

TEST_F(PromptLibraryTest, SharingByRoleLetsMembersUseOrEditAndIsAudited) {
    ASSERT_TRUE(library->create(ada, draft(QStringLiteral("Ada's own"), QStringLiteral("mine {{x}}"))));
    ASSERT_TRUE(library->create(bob, draft(QStringLiteral("Team reply"), QStringLiteral("Dear {{name}}"))));
    // Nobody sees another's personal template: it reads as missing.
    EXPECT_EQ(library->get(bob, QStringLiteral("Ada's own")).error().code, ErrorCode::NotFound);
    EXPECT_EQ(library->get(ada, QStringLiteral("Team reply")).error().code, ErrorCode::NotFound);
    EXPECT_EQ(library->list(ada)->size(), 1u);
    // A member cannot share (no prompts.share), and the refusal is audited.
    EXPECT_EQ(library->share(ada, QStringLiteral("Ada's own"), qint64(BuiltInRole::Manager), false).error().code,
              ErrorCode::AuthForbidden);
    EXPECT_EQ(audited(QStringLiteral("Ada's own")), QStringList{QStringLiteral("prompt.share denied")});

    // Shared with members to use: ada lists and renders it, but may not change, label or remove it.
    ASSERT_TRUE(library->share(bob, QStringLiteral("Team reply"), qint64(BuiltInRole::Member), false));
    auto seen = library->get(ada, QStringLiteral("Team reply"));
    ASSERT_TRUE(seen);
    EXPECT_FALSE(seen->canEdit);
    ASSERT_EQ(seen->shares.size(), 1u);
    EXPECT_EQ(seen->shares.front().roleName, QStringLiteral("Member"));
    EXPECT_EQ(library->list(ada)->size(), 2u);
    EXPECT_TRUE(library->render(ada, QStringLiteral("Team reply"), std::nullopt,
                                {{QStringLiteral("name"), QStringLiteral("Eve")}}));
    EXPECT_EQ(
        library
            ->update(ada, QStringLiteral("Team reply"), draft(QStringLiteral("Team reply"), QStringLiteral("changed")))
            .error()
            .code,
        ErrorCode::AuthForbidden);
    EXPECT_EQ(library->setLabel(ada, QStringLiteral("Team reply"), QStringLiteral("production"), 1).error().code,
              ErrorCode::AuthForbidden);
    EXPECT_EQ(library->remove(ada, QStringLiteral("Team reply")).error().code, ErrorCode::AuthForbidden);
    ASSERT_TRUE(library->markUsed(ada, QStringLiteral("Team reply")));
    EXPECT_EQ(library->get(bob, QStringLiteral("Team reply"))->useCount, 1);

    // To edit: ada's change is a new version, audited because the template is shared.
    ASSERT_TRUE(library->share(bob, QStringLiteral("Team reply"), qint64(BuiltInRole::Member), true));
    auto edited = library->update(ada, QStringLiteral("Team reply"),
                                  draft(QStringLiteral("Team reply"), QStringLiteral("Hello {{name}}")));
    ASSERT_TRUE(edited) << edited.error().toLogString().toStdString();
    EXPECT_EQ(edited->latestVersion, 2);
    EXPECT_EQ(library->versions(bob, QStringLiteral("Team reply"))->front().author, QStringLiteral("ada"));
    ASSERT_TRUE(library->setLabel(ada, QStringLiteral("Team reply"), QStringLiteral("production"), 2));
    EXPECT_EQ(library->remove(ada, QStringLiteral("Team reply")).error().code, ErrorCode::AuthForbidden)
        << "an editor without prompts.share cannot remove";

    // Shared no longer: gone for ada.
    ASSERT_TRUE(library->share(bob, QStringLiteral("Team reply"), qint64(BuiltInRole::Member), std::nullopt));
    EXPECT_EQ(library->get(ada, QStringLiteral("Team reply")).error().code, ErrorCode::NotFound);
    EXPECT_EQ(audited(QStringLiteral("Team reply")),
              (QStringList{QStringLiteral("prompt.share success"), QStringLiteral("prompt.update denied"),
                           QStringLiteral("prompt.label denied"), QStringLiteral("prompt.remove denied"),
                           QStringLiteral("prompt.share success"), QStringLiteral("prompt.update success"),
                           QStringLiteral("prompt.label success"), QStringLiteral("prompt.remove denied"),
                           QStringLiteral("prompt.share success")}));
    EXPECT_EQ(library->share(bob, QStringLiteral("Team reply"), 999, true).error().code, ErrorCode::NotFound);

    // The owner removes it with its versions and labels; removing a shared template is audited.
    ASSERT_TRUE(library->share(bob, QStringLiteral("Team reply"), qint64(BuiltInRole::Member), false));
    ASSERT_TRUE(library->remove(bob, QStringLiteral("Team reply")));
    EXPECT_EQ(audited(QStringLiteral("Team reply")).last(), QStringLiteral("prompt.remove success"));
    auto left = core.db->exec(QStringLiteral("SELECT COUNT(*) FROM prompt_versions"));
    ASSERT_TRUE(left && left->next());
    EXPECT_EQ(left->value(0).toInt(), 1) << "only ada's own version is left";
}

TEST_F(PromptLibraryTest, TheListSearchesFiltersAndSorts) {
    PromptDraft a = draft(QStringLiteral("Bug report"), QStringLiteral("Describe the {{bug}} with steps"));
    a.tags = {QStringLiteral("engineering")};
    PromptDraft b = draft(QStringLiteral("alpha note"), QStringLiteral("A note about {{thing}}"));
    b.tags = {QStringLiteral("writing")};
    PromptDraft c = draft(QStringLiteral("Changelog"), QStringLiteral("List the changes"));
    c.description = QStringLiteral("release notes for engineering");
    c.tags = {QStringLiteral("writing"), QStringLiteral("engineering")};
    for (const PromptDraft& d : {a, b, c}) {
        ASSERT_TRUE(library->create(owner, d));
    }
    const auto names = [this](const PromptQuery& q) {
        QStringList out;
        const auto listed = library->list(owner, q);
        EXPECT_TRUE(listed);
        for (const PromptTemplate& t : listed.value_or(std::vector<PromptTemplate>{})) {
            out << t.name;
        }
        return out;
    };
    EXPECT_EQ(names({}),
              (QStringList{QStringLiteral("alpha note"), QStringLiteral("Bug report"), QStringLiteral("Changelog")}));
    EXPECT_EQ(names({QStringLiteral("STEPS"), {}, {}, PromptSort::Name}), QStringList{QStringLiteral("Bug report")})
        << "the text is searched";
    EXPECT_EQ(names({QStringLiteral("release engineering"), {}, {}, PromptSort::Name}),
              QStringList{QStringLiteral("Changelog")});
    EXPECT_EQ(names({{}, QStringLiteral("Writing"), {}, PromptSort::Name}),
              (QStringList{QStringLiteral("alpha note"), QStringLiteral("Changelog")}));
    EXPECT_EQ(names({{}, {}, qint64(999), PromptSort::Name}), QStringList{});
    ASSERT_TRUE(library->markUsed(owner, QStringLiteral("Changelog")));
    ASSERT_TRUE(library->markUsed(owner, QStringLiteral("Changelog")));
    ASSERT_TRUE(library->markUsed(owner, QStringLiteral("Bug report")));
    EXPECT_EQ(names({{}, {}, {}, PromptSort::MostUsed}),
              (QStringList{QStringLiteral("Changelog"), QStringLiteral("Bug report"), QStringLiteral("alpha note")}));
    EXPECT_EQ(names({{}, {}, {}, PromptSort::LastUsed}).last(), QStringLiteral("alpha note")) << "never used: last";
}
