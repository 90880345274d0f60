// View ▸ Prompts offscreen: a template written in the editor (its syntax checked as it is typed, the variables'
// form built from it, the preview rendered), saved, saved again as a new version, a version put in production and
// another restored, the list searched, and a template removed; the menu opens one window. In the composer, "/"
// opens the palette, a template's values are asked, and the message sent records the version and values.
#include "app/CoreServices.h"
#include "chat/ChatPanel.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/ConversationService.h"
#include "chat/MessageWidget.h"
#include "chat/PromptPalette.h"
#include "mainwindow/MainWindow.h"
#include "prompts/PromptLibrary.h"
#include "prompts/PromptSettingsEditor.h"
#include "prompts/PromptsWindow.h"
#include "prompts/ShareTemplateDialog.h"
#include "prompts/VariableForm.h"
#include "prompts/VersionCompareDialog.h"
#include "storage/AccountRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"

#include "UiFixture.h"
#include "support/TestHelpers.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Tessera;

namespace {

class PromptsUiTest : public Testing::MainWindowTest {
protected:
    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Test);
};

} // namespace

TEST_F(PromptsUiTest, ATemplateIsWrittenCheckedPreviewedSavedAndVersioned) {
    Ui::PromptsWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    EXPECT_EQ(window.list()->count(), 0);
    EXPECT_FALSE(window.canSave()) << "an empty library starts with a new template";

    window.nameField()->setText(QStringLiteral("Greeting"));
    window.userEdit()->setPlainText(QStringLiteral("Hi {{oops"));
    EXPECT_TRUE(window.syntaxText().contains(QStringLiteral("the user part, line 1, column 4")))
        << window.syntaxText().toStdString();
    EXPECT_FALSE(window.canSave()) << "a template with an error is not saved";
    EXPECT_FALSE(window.save());

    window.systemEdit()->setPlainText(QStringLiteral("Be {{tone : choice(warm, dry) = warm}}."));
    window.userEdit()->setPlainText(QStringLiteral("Hello {{name}}, {{n : number(1..3) = 2}} times."));
    EXPECT_EQ(window.syntaxText(), QStringLiteral("3 variables."));
    ASSERT_NE(window.variableForm()->field(QStringLiteral("name")), nullptr);
    ASSERT_NE(window.variableForm()->field(QStringLiteral("tone")), nullptr);
    EXPECT_TRUE(window.previewText().contains(QStringLiteral("name needs a value")))
        << window.previewText().toStdString();
    window.variableForm()->setValue(QStringLiteral("name"), QStringLiteral("Ada"));
    EXPECT_EQ(window.previewText(), QStringLiteral("System:\nBe warm.\n\nUser:\nHello Ada, 2 times."));
    window.variableForm()->setValue(QStringLiteral("n"), QStringLiteral("7"));
    EXPECT_TRUE(window.previewText().contains(QStringLiteral("n must be between 1 and 3")));
    window.variableForm()->setValue(QStringLiteral("n"), QString());

    ASSERT_TRUE(window.canSave());
    ASSERT_TRUE(window.save());
    EXPECT_EQ(window.list()->count(), 1);
    auto saved = services->prompts().get(owner, QStringLiteral("Greeting"));
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->latestVersion, 1);
    EXPECT_EQ(window.versionsList()->count(), 1);

    // A second version; the typed value stays in the form.
    window.userEdit()->setPlainText(QStringLiteral("Good day {{name}}."));
    EXPECT_EQ(window.previewText(), QStringLiteral("System:\nBe warm.\n\nUser:\nGood day Ada."));
    ASSERT_TRUE(window.save());
    ASSERT_EQ(window.versionsList()->count(), 2);
    EXPECT_TRUE(window.versionsList()->item(0)->text().contains(QStringLiteral("latest")));

    // The first version in production; then restored as the third.
    window.versionsList()->setCurrentRow(1);
    ASSERT_TRUE(window.useInProduction());
    EXPECT_EQ(services->prompts().get(owner, QStringLiteral("Greeting"))->defaultVersion(), 1);
    window.versionsList()->setCurrentRow(1);
    ASSERT_TRUE(window.restoreChosen());
    EXPECT_EQ(services->prompts().get(owner, QStringLiteral("Greeting"))->latestVersion, 3);
    EXPECT_EQ(window.userEdit()->toPlainText(), QStringLiteral("Hello {{name}}, {{n : number(1..3) = 2}} times."));
    ASSERT_EQ(window.versionsList()->count(), 3);
    EXPECT_TRUE(window.versionsList()->item(2)->text().contains(QStringLiteral("production")));
}

TEST_F(PromptsUiTest, TheListIsSearchedAndATemplateRemoved) {
    for (const char* name : {"Bug report", "Release notes"}) {
        Core::PromptDraft draft;
        draft.name = QString::fromUtf8(name);
        draft.userText = QStringLiteral("Write the %1 for {{thing}}").arg(draft.name.toLower());
        draft.tags = {QStringLiteral("engineering")};
        ASSERT_TRUE(services->prompts().create(owner, draft));
    }
    Ui::PromptsWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_EQ(window.list()->count(), 2);
    EXPECT_EQ(window.nameField()->text(), QStringLiteral("Bug report")) << "the first is shown";
    window.searchField()->setText(QStringLiteral("release"));
    ASSERT_EQ(window.list()->count(), 1);
    window.searchField()->clear();
    ASSERT_TRUE(window.select(QStringLiteral("Release notes")));
    dialogs.nextConfirm = false;
    EXPECT_FALSE(window.removeShown()) << "not without saying yes";
    dialogs.nextConfirm = true;
    ASSERT_TRUE(window.removeShown());
    EXPECT_EQ(window.list()->count(), 1);
    EXPECT_EQ(services->prompts().get(owner, QStringLiteral("Release notes")).error().code, Core::ErrorCode::NotFound);
    EXPECT_TRUE(dialogs.confirmations.last().contains(QStringLiteral("Release notes")));
}

TEST_F(PromptsUiTest, TheViewMenuOpensOnePromptsWindow) {
    Ui::MainWindow main(*services, dialogs);
    main.show();
    QAction* action = nullptr;
    for (QAction* menu : main.menuBar()->actions()) {
        for (QAction* item : menu->menu() ? menu->menu()->actions() : QList<QAction*>{}) {
            if (item->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)) {
                action = item;
            }
        }
    }
    ASSERT_NE(action, nullptr) << "View ▸ Prompts with Ctrl+Shift+L";
    action->trigger();
    auto* window = qobject_cast<Ui::PromptsWindow*>(main.openPrompts());
    ASSERT_NE(window, nullptr);
    EXPECT_EQ(main.openPrompts(), window) << "asking again raises the same window";
    window->close();
}

TEST_F(PromptsUiTest, SlashInAnEmptyMessageOpensThePaletteAndTheSentMessageRecordsTheTemplate) {
    addLoopbackProvider();
    for (const auto& [name, text, system] :
         {std::tuple{"Summarise a bug report",
                     "Summarise this report:\n{{report : multiline}}\nIn {{words = 50}} words.", "You triage bugs."},
          std::tuple{"Release notes", "Write release notes.", ""}, std::tuple{"Translate", "Translate {{text}}", ""}}) {
        Core::PromptDraft draft;
        draft.name = QString::fromUtf8(name);
        draft.userText = QString::fromUtf8(text);
        draft.systemText = QString::fromUtf8(system);
        ASSERT_TRUE(services->prompts().create(owner, draft));
    }
    Ui::MainWindow main(*services, dialogs);
    main.resize(1000, 700);
    main.show();
    Ui::ChatPanel* panel = main.chatPanel();
    auto* composer = Testing::child<Ui::Composer>(&main, "composer");
    composer->setFocus();

    // "/" opens the palette; Escape closes it and leaves the / typed.
    QTest::keyClicks(composer, QStringLiteral("/"));
    Ui::PromptPalette* palette = panel->promptPalette();
    ASSERT_TRUE(palette->isVisible());
    EXPECT_EQ(palette->shownNames().size(), 3);
    QTest::keyClick(palette->searchField(), Qt::Key_Escape);
    EXPECT_FALSE(palette->isVisible());
    EXPECT_EQ(composer->toPlainText(), QStringLiteral("/"));
    // Not at the start of a message: a / is just a /.
    QTest::keyClicks(composer, QStringLiteral("x/"));
    EXPECT_FALSE(palette->isVisible());
    composer->clear();

    // A template without variables goes straight in.
    QTest::keyClicks(composer, QStringLiteral("/"));
    ASSERT_TRUE(palette->isVisible());
    QTest::keyClicks(palette->searchField(), QStringLiteral("relnot"));
    EXPECT_EQ(palette->shownNames(), QStringList{QStringLiteral("Release notes")});
    QTest::keyClick(palette->searchField(), Qt::Key_Return);
    EXPECT_EQ(composer->toPlainText(), QStringLiteral("Write release notes."));
    ASSERT_TRUE(panel->pendingTemplate());
    composer->clear();
    EXPECT_FALSE(panel->pendingTemplate()) << "emptied: no longer the template's text";

    // Fuzzy: "sbr" finds the bug report first; its variables are asked in a form with the default filled in.
    QTest::keyClicks(composer, QStringLiteral("/"));
    QTest::keyClicks(palette->searchField(), QStringLiteral("sbr"));
    ASSERT_FALSE(palette->shownNames().isEmpty());
    EXPECT_EQ(palette->shownNames().front(), QStringLiteral("Summarise a bug report"));
    QTest::keyClick(palette->searchField(), Qt::Key_Return);
    auto* values = main.findChild<Ui::TemplateValuesDialog*>(QStringLiteral("templateValuesDialog"));
    ASSERT_NE(values, nullptr);
    ASSERT_NE(values->form()->field(QStringLiteral("report")), nullptr);
    values->accept();
    EXPECT_TRUE(values->isVisible()) << "a required value is missing";
    values->form()->setValue(QStringLiteral("report"), QStringLiteral("It crashes {{on start}}"));
    EXPECT_TRUE(values->previewText().contains(QStringLiteral("In 50 words."))) << values->previewText().toStdString();
    values->accept();
    EXPECT_EQ(composer->toPlainText(), QStringLiteral("Summarise this report:\nIt crashes {{on start}}\nIn 50 words."));

    // Sent: the question records the version and values; the template's system part goes with it.
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(Testing::waitUntil([&] {
        Ui::MessageWidget* last = lastMessage(main);
        return last && last->message().role == Core::Role::Assistant &&
               last->message().state != Core::MessageState::Streaming;
    }));
    const Core::Message question = panel->chatView()->messageAt(0)->message();
    ASSERT_TRUE(question.templateUse);
    EXPECT_EQ(question.templateUse->name, QStringLiteral("Summarise a bug report"));
    EXPECT_EQ(question.templateUse->version, 1);
    EXPECT_EQ(question.templateUse->values.value(QStringLiteral("report")), QStringLiteral("It crashes {{on start}}"));
    EXPECT_FALSE(question.templateUse->values.contains(QStringLiteral("words"))) << "defaults are not values given";
    auto conversation = services->conversations().get(owner, *panel->conversationId());
    ASSERT_TRUE(conversation);
    EXPECT_EQ(conversation->systemPrompt, QStringLiteral("You triage bugs."));
    auto* facts = panel->chatView()->messageAt(0)->findChild<QLabel*>(QStringLiteral("messageFooter"));
    EXPECT_TRUE(facts->text().contains(QStringLiteral("Summarise a bug report, version 1")))
        << facts->text().toStdString();
    EXPECT_TRUE(facts->toolTip().contains(QStringLiteral("report = It crashes")));
    EXPECT_EQ(services->prompts().get(owner, QStringLiteral("Summarise a bug report"))->useCount, 1);
    EXPECT_FALSE(panel->pendingTemplate());
}

TEST_F(PromptsUiTest, TheLibraryIsExportedAndImportedFromTheFilesMenu) {
    Core::PromptDraft draft;
    draft.name = QStringLiteral("Mail");
    draft.userText = QStringLiteral("Write to {{who}}");
    ASSERT_TRUE(services->prompts().create(owner, draft));
    Ui::PromptsWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    QTemporaryDir out;
    dialogs.nextSavePath = out.filePath(QStringLiteral("prompts.json"));
    ASSERT_TRUE(window.exportJson());
    dialogs.nextFolder = out.filePath(QStringLiteral("md"));
    ASSERT_TRUE(window.exportMarkdown());
    EXPECT_TRUE(QFile::exists(out.filePath(QStringLiteral("md/Mail.md"))));

    // Back into an empty library from the JSON file; a broken file imports nothing and says where.
    ASSERT_TRUE(services->prompts().remove(owner, QStringLiteral("Mail")));
    window.reload();
    ASSERT_EQ(window.list()->count(), 0);
    const QString broken = out.filePath(QStringLiteral("broken.md"));
    {
        QFile file(broken);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("---\nname: X\ncolour: red\n---\nText\n");
    }
    dialogs.nextFiles = {out.filePath(QStringLiteral("prompts.json")), broken};
    EXPECT_FALSE(window.importFiles());
    ASSERT_FALSE(dialogs.errors.isEmpty());
    EXPECT_TRUE(dialogs.errors.last().contains(QStringLiteral("broken.md, line 3")))
        << dialogs.errors.last().toStdString();
    EXPECT_EQ(window.list()->count(), 0) << "nothing was imported";
    dialogs.nextFiles = {out.filePath(QStringLiteral("prompts.json"))};
    ASSERT_TRUE(window.importFiles());
    EXPECT_EQ(window.list()->count(), 1);
    EXPECT_EQ(window.nameField()->text(), QStringLiteral("Mail"));
}

TEST_F(PromptsUiTest, TheEditorShowsTokensAndCostAndEachVersionItsQuality) {
    addLoopbackProvider();
    Core::PromptDraft draft;
    draft.name = QStringLiteral("Mail");
    draft.systemText = QStringLiteral("Be brief.");
    draft.userText = QStringLiteral("Write to {{who}} about the meeting.");
    draft.settings.model = QStringLiteral("gpt-4o-mini");
    auto created = services->prompts().create(owner, draft);
    ASSERT_TRUE(created);
    // An answer to a question sent from version 1, rated good.
    Core::Message question;
    question.content = QStringLiteral("Write to Ada about the meeting.");
    question.templateUse = Core::TemplateUse{created->id, QStringLiteral("Mail"), 1, {}};
    const qint64 answered = storedAnswer(question, QStringLiteral("Dear Ada…"));
    ASSERT_NE(answered, 0);
    ASSERT_TRUE(services->feedback().set(owner, answered, true, {}, {}));

    Ui::PromptsWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_TRUE(window.select(QStringLiteral("Mail")));
    EXPECT_TRUE(window.tokenText().contains(QStringLiteral("counted on the template's text")))
        << window.tokenText().toStdString();
    window.variableForm()->setValue(QStringLiteral("who"), QStringLiteral("Ada"));
    const QString tokens = window.tokenText();
    EXPECT_TRUE(tokens.contains(QStringLiteral("System "))) << tokens.toStdString();
    EXPECT_TRUE(tokens.contains(QStringLiteral("with gpt-4o-mini (input)")))
        << "the template's model: " << tokens.toStdString();
    EXPECT_TRUE(tokens.contains(QStringLiteral("$"))) << "a price is known for it";
    ASSERT_EQ(window.versionsList()->count(), 1);
    EXPECT_TRUE(window.versionsList()->item(0)->text().contains(QStringLiteral("1 answer, 100 % good of 1 rated")))
        << window.versionsList()->item(0)->text().toStdString();
}

TEST_F(PromptsUiTest, TwoVersionsAreComparedSideBySideWithTheDifferencesMarked) {
    Core::PromptDraft draft;
    draft.name = QStringLiteral("Mail");
    draft.systemText = QStringLiteral("Be brief.");
    draft.userText = QStringLiteral("Write to {{who}}.\nSign it.\nThanks.");
    ASSERT_TRUE(services->prompts().create(owner, draft));
    draft.userText = QStringLiteral("Write kindly to {{who}}.\nSign it.\nThanks.\nP.S. attach the notes.");
    draft.settings.model = QStringLiteral("gpt-test");
    ASSERT_TRUE(services->prompts().update(owner, QStringLiteral("Mail"), draft));
    Ui::PromptsWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_TRUE(window.select(QStringLiteral("Mail")));
    window.versionsList()->setCurrentRow(0); // version 2, the newest first
    auto* dialog = qobject_cast<Ui::VersionCompareDialog*>(window.compareChosen());
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->leftText().contains(QStringLiteral("−\nWrite to {{who}}.")))
        << dialog->leftText().toStdString();
    EXPECT_TRUE(dialog->rightText().contains(QStringLiteral("+\nWrite kindly to {{who}}.")))
        << dialog->rightText().toStdString();
    EXPECT_TRUE(dialog->rightText().contains(QStringLiteral("+\nP.S. attach the notes.")));
    EXPECT_TRUE(dialog->rightText().contains(QStringLiteral("model gpt-test"))) << "the settings differ too";
    EXPECT_EQ(dialog->summary(), QStringLiteral("Lines removed: 1, added: 3."));
    dialog->compare(2, 2);
    EXPECT_EQ(dialog->summary(), QStringLiteral("The two versions are the same."));
    dialog->close();
}

TEST_F(PromptsUiTest, WastedTokensAreFlaggedAndCompactingShowsWhatItSavesFirst) {
    Ui::PromptsWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    window.nameField()->setText(QStringLiteral("Loose"));
    window.userEdit()->setPlainText(QStringLiteral(
        "Answer in plain English please.   \n\n\n\nSummarise  {{text}}.\nAnswer in plain English please."));
    window.showWaste(); // as when typing pauses
    const QString waste = window.wasteText();
    EXPECT_TRUE(waste.contains(QStringLiteral("User part: 4 lines with extra spaces or blank lines")))
        << waste.toStdString();
    EXPECT_TRUE(waste.contains(QStringLiteral("line 6 says “Answer in plain English please.” again")));
    EXPECT_TRUE(waste.contains(QStringLiteral("Compacting saves")));
    dialogs.nextConfirm = false;
    EXPECT_FALSE(window.compactParts()) << "not without saying yes";
    EXPECT_TRUE(window.userEdit()->toPlainText().contains(QStringLiteral("\n\n\n")));
    dialogs.nextConfirm = true;
    ASSERT_TRUE(window.compactParts());
    EXPECT_TRUE(dialogs.confirmations.last().contains(QStringLiteral("fewer")))
        << dialogs.confirmations.last().toStdString();
    EXPECT_EQ(window.userEdit()->toPlainText(),
              QStringLiteral("Answer in plain English please.\n\nSummarise {{text}}."));
    EXPECT_TRUE(window.wasteText().isEmpty());
    window.userEdit()->undo();
    EXPECT_TRUE(window.userEdit()->toPlainText().contains(QStringLiteral("\n\n\n"))) << "Ctrl+Z brings it back";
}

TEST_F(PromptsUiTest, TheSuggestedModelAndParametersAreEditedSavedWithTheVersionAndPriceThePreview) {
    addLoopbackProvider();
    Core::PromptDraft draft;
    draft.name = QStringLiteral("Mail");
    draft.userText = QStringLiteral("Write to Ada about the meeting.");
    ASSERT_TRUE(services->prompts().create(owner, draft));
    draft.name = QStringLiteral("Elsewhere");
    draft.settings.provider = QStringLiteral("gone");
    draft.settings.model = QStringLiteral("m1");
    draft.settings.temperature = 0.25;
    ASSERT_TRUE(services->prompts().create(owner, draft));

    Ui::PromptsWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_TRUE(window.select(QStringLiteral("Mail")));
    Ui::PromptSettingsEditor* settings = window.settingsEditor();
    EXPECT_EQ(settings->settings(), Core::PromptSettings{}) << "none suggested: the conversation's";
    EXPECT_TRUE(window.tokenText().contains(QStringLiteral("with gpt-test (input)")))
        << "counted with the first provider's model: " << window.tokenText().toStdString();

    QComboBox* provider = settings->providerBox();
    provider->setCurrentIndex(provider->findData(QStringLiteral("p")));
    EXPECT_GE(settings->modelBox()->findText(QStringLiteral("gpt-test")), 0) << "the provider's default is offered";
    settings->modelBox()->setCurrentText(QStringLiteral("gpt-4o-mini"));
    EXPECT_TRUE(window.tokenText().contains(QStringLiteral("with gpt-4o-mini (input)")))
        << "the preview follows the model chosen: " << window.tokenText().toStdString();
    EXPECT_TRUE(window.tokenText().contains(QStringLiteral("$"))) << window.tokenText().toStdString();
    settings->temperatureBox()->setValue(0.7);
    settings->maxTokensBox()->setValue(800);
    ASSERT_TRUE(window.save());
    auto saved = services->prompts().version(owner, QStringLiteral("Mail"), 2);
    ASSERT_TRUE(saved) << "the settings changed: a new version";
    EXPECT_EQ(saved->settings.provider, QStringLiteral("p"));
    EXPECT_EQ(saved->settings.model, QStringLiteral("gpt-4o-mini"));
    ASSERT_TRUE(saved->settings.temperature);
    EXPECT_DOUBLE_EQ(*saved->settings.temperature, 0.7);
    EXPECT_EQ(saved->settings.maxTokens, 800);
    auto first = services->prompts().version(owner, QStringLiteral("Mail"), 1);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->settings, Core::PromptSettings{}) << "versions never change";

    // Back to the conversation's settings.
    settings->temperatureBox()->setValue(settings->temperatureBox()->minimum());
    settings->maxTokensBox()->setValue(0);
    provider->setCurrentIndex(0);
    settings->modelBox()->setCurrentText(QString());
    ASSERT_TRUE(window.save());
    auto cleared = services->prompts().version(owner, QStringLiteral("Mail"), 3);
    ASSERT_TRUE(cleared);
    EXPECT_EQ(cleared->settings, Core::PromptSettings{});

    // A provider that is not set up here is kept as the version has it, and saved again unchanged.
    ASSERT_TRUE(window.select(QStringLiteral("Elsewhere")));
    EXPECT_EQ(provider->currentText(), QStringLiteral("gone (not available)"));
    EXPECT_EQ(settings->settings().provider, QStringLiteral("gone"));
    EXPECT_EQ(settings->settings().model, QStringLiteral("m1"));
    ASSERT_TRUE(settings->settings().temperature);
    EXPECT_DOUBLE_EQ(*settings->settings().temperature, 0.25);
    window.userEdit()->setPlainText(QStringLiteral("Write to Ada about the meeting, briefly."));
    ASSERT_TRUE(window.save());
    auto kept = services->prompts().version(owner, QStringLiteral("Elsewhere"), 2);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->settings.provider, QStringLiteral("gone"));
    EXPECT_EQ(kept->settings.model, QStringLiteral("m1"));
}

TEST_F(PromptsUiTest, ATemplateIsSharedWithARoleAndLabelledFromTheView) {
    Core::PromptDraft draft;
    draft.name = QStringLiteral("Mail");
    draft.userText = QStringLiteral("Write to {{who}}");
    ASSERT_TRUE(services->prompts().create(owner, draft));
    draft.userText = QStringLiteral("Write kindly to {{who}}");
    ASSERT_TRUE(services->prompts().update(owner, QStringLiteral("Mail"), draft));
    Ui::PromptsWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_TRUE(window.select(QStringLiteral("Mail")));

    auto* share = qobject_cast<Ui::ShareTemplateDialog*>(window.shareShown());
    ASSERT_NE(share, nullptr);
    share->choose(qint64(Core::BuiltInRole::Member), 1);
    share->accept();
    auto shared = services->prompts().get(owner, QStringLiteral("Mail"));
    ASSERT_TRUE(shared);
    ASSERT_EQ(shared->shares.size(), 1u);
    EXPECT_EQ(shared->shares.front().roleId, qint64(Core::BuiltInRole::Member));
    EXPECT_FALSE(shared->shares.front().canEdit);

    window.versionsList()->setCurrentRow(1); // version 1
    ASSERT_TRUE(window.labelChosen(QStringLiteral("beta")));
    EXPECT_EQ(services->prompts().get(owner, QStringLiteral("Mail"))->labels.value(QStringLiteral("beta")), 1);
    EXPECT_FALSE(window.labelChosen(QStringLiteral("Not A Label"))) << "core refuses, the view says why";
    ASSERT_TRUE(window.unlabelChosen(QStringLiteral("beta")));
    EXPECT_FALSE(services->prompts().get(owner, QStringLiteral("Mail"))->labels.contains(QStringLiteral("beta")));
}

TEST_F(PromptsUiTest, TheListIsFilteredByOwnerWhenOthersShareTemplates) {
    const Core::SystemClock clock;
    Core::AccountRepository accounts(services->store().database, clock);
    auto account = accounts.add(QStringLiteral("bob"), {}, qint64(Core::BuiltInRole::Manager));
    ASSERT_TRUE(account);
    const Core::Actor bob =
        Core::Actor::withRole(account->id, QStringLiteral("bob"), Core::BuiltInRole::Manager, Core::ClientKind::Test);
    Core::PromptDraft draft;
    draft.name = QStringLiteral("Team reply");
    draft.userText = QStringLiteral("Reply to {{who}}");
    ASSERT_TRUE(services->prompts().create(bob, draft));
    ASSERT_TRUE(services->prompts().share(bob, QStringLiteral("Team reply"), owner.roleId, false));
    draft.name = QStringLiteral("Mine");
    ASSERT_TRUE(services->prompts().create(owner, draft));

    Ui::PromptsWindow window(*services, owner, dialogs);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    ASSERT_EQ(window.list()->count(), 2);
    QComboBox* owners = window.ownerFilter();
    ASSERT_FALSE(owners->isHidden()) << "someone shares templates with the owner's role";
    owners->setCurrentIndex(owners->findText(QStringLiteral("Shared by bob")));
    ASSERT_EQ(window.list()->count(), 1);
    EXPECT_TRUE(window.list()->item(0)->text().startsWith(QStringLiteral("Team reply")));
    ASSERT_TRUE(window.select(QStringLiteral("Team reply")));
    EXPECT_FALSE(window.settingsEditor()->providerBox()->isEnabled()) << "shared to use: the settings are shown only";
    EXPECT_TRUE(window.settingsEditor()->maxTokensBox()->isReadOnly());
    owners->setCurrentIndex(owners->findText(QStringLiteral("Mine")));
    ASSERT_EQ(window.list()->count(), 1);
    EXPECT_TRUE(window.list()->item(0)->text().startsWith(QStringLiteral("Mine")));
}
