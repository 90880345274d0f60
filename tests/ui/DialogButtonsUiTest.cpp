// Dialog buttons follow the platform: Enter presses the button it should (Save, never Test or Remove), Escape
// cancels, and a connection test gives the keyboard focus back where it was.
#include "chat/ChatPanel.h"
#include "chat/ConversationSettingsDialog.h"
#include "chat/ModelPicker.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ShortcutsDialog.h"
#include "settings/AddProviderDialog.h"
#include "settings/ProvidersDialog.h"
#include "settings/SettingsDialog.h"
#include "storage/ConversationRepository.h"
#include "storage/ProviderRepository.h"
#include "support/TestHelpers.h"
#include "tags/TagsDialog.h"
#include "ui/UiFixture.h"
#include "welcome/WelcomePage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace Tessera;
using Tessera::Testing::child;
using Tessera::Testing::MainWindowTest;
using Tessera::Testing::waitUntil;

namespace {

// The button Enter presses in a dialog: its default button (a QDialog presses the default one on Enter).
QPushButton* defaultButton(QWidget* dialog) {
    for (QPushButton* button : dialog->findChildren<QPushButton*>()) {
        if (button->isDefault() && button->isVisibleTo(dialog)) {
            return button;
        }
    }
    return nullptr;
}

QPushButton* rejectButton(QWidget* dialog) {
    for (QDialogButtonBox* box : dialog->findChildren<QDialogButtonBox*>()) {
        for (QAbstractButton* button : box->buttons()) {
            if (box->buttonRole(button) == QDialogButtonBox::RejectRole) {
                return qobject_cast<QPushButton*>(button);
            }
        }
    }
    return nullptr;
}

} // namespace

TEST_F(MainWindowTest, EveryDialogHasTheRightDefaultAndCancelButtons) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    const Core::Actor actor = Core::Actor::owner(Core::ClientKind::Test);

    Ui::AddProviderDialog add(*services, actor);
    add.show();
    ASSERT_NE(defaultButton(&add), nullptr);
    EXPECT_EQ(defaultButton(&add)->objectName(), QStringLiteral("saveButton")) << "Enter saves";
    EXPECT_FALSE(child<QPushButton>(&add, "testButton")->autoDefault()) << "Test never becomes the default";
    ASSERT_NE(rejectButton(&add), nullptr) << "Cancel";

    Ui::ProvidersDialog providers(*services, actor, dialogs);
    providers.show();
    ASSERT_NE(defaultButton(&providers), nullptr);
    EXPECT_EQ(defaultButton(&providers), rejectButton(&providers)) << "Enter closes Manage Providers";
    for (const char* name : {"addProvider", "editProvider", "testProvider", "removeProvider"}) {
        EXPECT_FALSE(child<QPushButton>(&providers, name)->autoDefault()) << name;
    }

    Ui::SettingsDialog settings(*services, actor, Ui::UiSettings{});
    settings.show();
    ASSERT_NE(defaultButton(&settings), nullptr);
    EXPECT_NE(defaultButton(&settings), rejectButton(&settings)) << "Enter applies the settings";
    ASSERT_NE(rejectButton(&settings), nullptr);

    QDialog* shortcuts = window.openShortcuts();
    ASSERT_NE(rejectButton(shortcuts), nullptr) << "Close";
    QTest::keyClick(shortcuts, Qt::Key_Escape);
    EXPECT_FALSE(shortcuts->isVisible()) << "Escape closes";
}

TEST_F(MainWindowTest, EnterAfterTestConnectionSavesTheProviderAndNothingElse) {
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* dialog = qobject_cast<Ui::AddProviderDialog*>(window.openAddProvider());
    ASSERT_NE(dialog, nullptr);
    child<QLineEdit>(dialog, "providerName")->setText(QStringLiteral("tested"));
    child<QLineEdit>(dialog, "baseUrl")->setText(server.baseUrl());
    child<QRadioButton>(dialog, "useNoKey")->setChecked(true);
    auto* test = child<QPushButton>(dialog, "testButton");
    test->setFocus(Qt::TabFocusReason);
    QTest::keyClick(test, Qt::Key_Space); // the keyboard presses Test
    auto* result = child<QLabel>(dialog, "testResult");
    ASSERT_TRUE(waitUntil([&] { return result->text().contains(QStringLiteral("Reachable")); }))
        << result->text().toStdString();
    EXPECT_EQ(dialog->focusWidget(), test) << "the focus is back on Test, not on Cancel";
    EXPECT_TRUE(services->store().providers.list()->empty()) << "testing saves nothing";

    QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    ASSERT_TRUE(waitUntil([&] { return services->store().providers.findByName(QStringLiteral("tested")).has_value(); }))
        << "Enter saved the provider that was tested";
    EXPECT_EQ(services->store().providers.list()->size(), 1U);
}

TEST_F(MainWindowTest, EnterAfterTestingInManageProvidersNeverAsksToRemove) {
    addLoopbackProvider(QStringLiteral("kept"));
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* providers = window.openProviders();
    auto* test = child<QPushButton>(providers, "testProvider");
    test->setFocus(Qt::TabFocusReason);
    QTest::keyClick(test, Qt::Key_Space);
    auto* result = child<QLabel>(providers, "providerTestResult");
    ASSERT_TRUE(waitUntil([&] { return result->text().contains(QStringLiteral("kept:")); }))
        << result->text().toStdString();
    EXPECT_EQ(providers->focusWidget(), test) << "the focus is back on Test, not on Remove";
    dialogs.confirmations.clear();
    QTest::keyClick(providers->focusWidget(), Qt::Key_Return);
    EXPECT_TRUE(dialogs.confirmations.isEmpty()) << "no removal was asked for";
    EXPECT_TRUE(services->store().providers.findByName(QStringLiteral("kept")).has_value());
}

TEST_F(MainWindowTest, TheRemovalQuestionSaysWhatHappensToTheKey) {
    addLoopbackProvider(QStringLiteral("fromenv"), Core::KeySource::Environment, QStringLiteral("SOME_API_KEY"));
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* providers = window.openProviders();
    dialogs.nextConfirm = false;
    QTest::mouseClick(child<QPushButton>(providers, "removeProvider"), Qt::LeftButton);
    ASSERT_EQ(dialogs.confirmations.size(), 1);
    const QString question = dialogs.confirmations.first();
    EXPECT_TRUE(question.contains(QStringLiteral("SOME_API_KEY"))) << question.toStdString();
    EXPECT_FALSE(question.contains(QStringLiteral("deleted from the system keychain"))) << question.toStdString();
    EXPECT_TRUE(question.endsWith(QStringLiteral("| Remove"))) << "the button names the action";
    EXPECT_TRUE(services->store().providers.findByName(QStringLiteral("fromenv")).has_value()) << "not confirmed";
}

TEST_F(MainWindowTest, TheModelChipOpensASearchablePickerThatChoosesProviderAndModel) {
    addLoopbackProvider(QStringLiteral("first"));
    addLoopbackProvider(QStringLiteral("second"));
    Ui::MainWindow window(*services, dialogs);
    window.show();
    Ui::ChatPanel* panel = window.chatPanel();
    auto* chip = child<QToolButton>(&window, "modelChip");
    EXPECT_TRUE(chip->text().contains(QStringLiteral("gpt-test")));
    chip->click();
    Ui::ModelPicker* picker = panel->modelPicker();
    ASSERT_TRUE(picker->isVisible());
    EXPECT_EQ(picker->searchField()->hasFocus() || picker->focusWidget() == picker->searchField(), true);
    // The loopback server lists its models; both providers' lists arrive.
    ASSERT_TRUE(
        waitUntil([&] { return picker->list()->findItems(QStringLiteral("gpt-test"), Qt::MatchExactly).size() == 2; }));

    // Typing narrows the list; Enter takes the first match of the second provider.
    QTest::keyClicks(picker->searchField(), QStringLiteral("second"));
    int shown = 0;
    for (int i = 0; i < picker->list()->count(); ++i) {
        shown += picker->list()->item(i)->isHidden() ? 0 : 1;
    }
    EXPECT_GE(shown, 2) << "the provider's name and its models";
    QTest::keyClick(picker->searchField(), Qt::Key_Return);
    EXPECT_FALSE(picker->isVisible());
    EXPECT_EQ(child<QComboBox>(&window, "providerPicker")->currentText(), QStringLiteral("second"));
    EXPECT_TRUE(chip->text().startsWith(QStringLiteral("second · ")));

    // A model that is not listed can be used as typed, with the current provider.
    chip->click();
    QTest::keyClicks(picker->searchField(), QStringLiteral("my-own-model"));
    QTest::keyClick(picker->searchField(), Qt::Key_Return);
    EXPECT_EQ(child<QComboBox>(&window, "modelPicker")->currentText(), QStringLiteral("my-own-model"));
    EXPECT_EQ(chip->text(), QStringLiteral("second · my-own-model"));
}

TEST_F(MainWindowTest, WithoutAProviderTheEmptyChatIsTheWelcomePageAndStoredConversationsStayReadable) {
    auto stored = services->store().conversations.create(QStringLiteral("imported"), std::nullopt, QString());
    ASSERT_TRUE(stored);
    Ui::MainWindow window(*services, dialogs);
    window.show();
    EXPECT_EQ(window.showFirstRunIfNeeded(), nullptr) << "the stored conversation is shown, not the welcome page";
    EXPECT_TRUE(window.chatPanel()->isVisible());
    window.newConversation();
    ASSERT_TRUE(window.welcomePage()->isVisible()) << "the empty chat offers to add a provider";
    window.welcomePage()->card(QStringLiteral("lmstudio"))->click();
    auto* dialog = window.findChild<Ui::AddProviderDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(child<QComboBox>(dialog, "presetPicker")->currentData().toString(), QStringLiteral("lmstudio"));
    child<QLineEdit>(dialog, "providerName")->setText(QStringLiteral("studio"));
    child<QLineEdit>(dialog, "baseUrl")->setText(server.baseUrl());
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    ASSERT_TRUE(
        waitUntil([&] { return services->store().providers.findByName(QStringLiteral("studio")).has_value(); }));
    ASSERT_TRUE(waitUntil([&] { return window.chatPanel()->isVisible(); }));
    EXPECT_FALSE(window.welcomePage()->isVisible());
    EXPECT_EQ(child<QToolButton>(&window, "modelChip")->text().section(QStringLiteral(" · "), 0, 0),
              QStringLiteral("studio"));
}

TEST_F(MainWindowTest, SettingsSaysWhenTheCommandLineOverridesTheThemeOrTheLanguage) {
    const Core::Actor actor = Core::Actor::owner(Core::ClientKind::Test);
    {
        Ui::SettingsDialog plain(*services, actor, Ui::UiSettings{});
        EXPECT_EQ(plain.findChild<QLabel*>(QStringLiteral("themeOverridden")), nullptr);
        EXPECT_EQ(plain.findChild<QLabel*>(QStringLiteral("languageOverridden")), nullptr);
    }
    Ui::setCommandLineTheme(Ui::Theme::Dark);
    Ui::setCommandLineLanguage(QStringLiteral("de"));
    Ui::SettingsDialog overridden(*services, actor, Ui::UiSettings{});
    Ui::setCommandLineTheme(std::nullopt);
    Ui::setCommandLineLanguage(std::nullopt);
    auto* theme = overridden.findChild<QLabel*>(QStringLiteral("themeOverridden"));
    ASSERT_NE(theme, nullptr);
    EXPECT_TRUE(theme->text().contains(QStringLiteral("--theme")));
    EXPECT_TRUE(theme->text().contains(QStringLiteral("dark")));
    auto* language = overridden.findChild<QLabel*>(QStringLiteral("languageOverridden"));
    ASSERT_NE(language, nullptr);
    EXPECT_TRUE(language->text().contains(QStringLiteral("--language (de)")));
}
