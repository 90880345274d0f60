// Drives the real widgets offscreen, by object name, against a loopback OpenAI-compatible server.
#include "mainwindow/MainWindow.h"
#include "app/CoreServices.h"
#include "chat/ChatPanel.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/ConversationService.h"
#include "chat/MessageWidget.h"
#include "chat/ModelPicker.h"
#include "models/ConversationListModel.h"
#include "models/ProviderListModel.h"
#include "secrets/MemorySecretStore.h"
#include "settings/AddProviderDialog.h"
#include "settings/ProvidersDialog.h"
#include "settings/UiSettings.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"
#include "style/Theme.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"
#include "ui/UiFixture.h"
#include "welcome/WelcomePage.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorBanner.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;
using namespace Tessera::Testing;

TEST_F(MainWindowTest, FirstRunAddsProviderStreamsAnAnswerStopsAnotherAndBothSurviveReopening) {
    const QString key = QStringLiteral("sk-gui-test-0123456789");
    server.setApiKey(key);
    {
        Ui::MainWindow window(*services, dialogs);
        window.show();
        // The first run opens on the welcome page; a card opens the short form for that kind of provider.
        Ui::WelcomePage* welcome = window.showFirstRunIfNeeded();
        ASSERT_NE(welcome, nullptr) << "first run shows the welcome page";
        EXPECT_TRUE(welcome->isVisible());
        for (const char* preset :
             {"openai", "anthropic", "gemini", "ollama-native", "lmstudio", "openrouter", "custom"}) {
            ASSERT_NE(welcome->card(QString::fromLatin1(preset)), nullptr) << preset;
            EXPECT_FALSE(welcome->card(QString::fromLatin1(preset))->accessibleName().isEmpty()) << preset;
        }
        welcome->card(QStringLiteral("custom"))->click();
        auto* dialog = window.findChild<Ui::AddProviderDialog*>();
        ASSERT_NE(dialog, nullptr) << "the card opens the add-provider form";
        EXPECT_EQ(child<QComboBox>(dialog, "presetPicker")->currentData().toString(), QStringLiteral("custom"));
        EXPECT_TRUE(child<QWidget>(dialog, "advancedPanel")->isHidden()) << "retries and limits under Advanced";
        child<QToolButton>(dialog, "advancedToggle")->click();
        EXPECT_FALSE(child<QWidget>(dialog, "advancedPanel")->isHidden());
        child<QLineEdit>(dialog, "providerName")->setText(QStringLiteral("loopback"));
        child<QLineEdit>(dialog, "baseUrl")->setText(server.baseUrl());
        ASSERT_TRUE(waitUntil([&] { return dialog->keychainAvailable(); }));
        child<QRadioButton>(dialog, "useKeychain")->setChecked(true);
        child<QLineEdit>(dialog, "apiKey")->setText(key);

        QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
        auto* result = child<QLabel>(dialog, "testResult");
        ASSERT_TRUE(waitUntil([&] { return result->text().contains(QStringLiteral("model")); }))
            << result->text().toStdString();
        EXPECT_TRUE(result->text().contains(QStringLiteral("Reachable ✔ · Authenticated ✔")))
            << result->text().toStdString();
        EXPECT_EQ(child<QComboBox>(dialog, "defaultModel")->currentText(), QStringLiteral("gpt-test"));

        QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
        ASSERT_TRUE(
            waitUntil([&] { return services->store().providers.findByName(QStringLiteral("loopback")).has_value(); }));
        EXPECT_TRUE(secrets.contains(QStringLiteral("provider/loopback"))) << "the key went to the secret store";
        EXPECT_FALSE(welcome->isVisible()) << "the chat takes the welcome page's place";
        EXPECT_EQ(services->store().providers.findByName(QStringLiteral("loopback"))->keySource,
                  Core::KeySource::Keychain);
        EXPECT_EQ(child<QComboBox>(&window, "providerPicker")->currentText(), QStringLiteral("loopback"));

        // First prompt: Ctrl+Enter sends, the answer streams in place.
        auto* composer = child<Ui::Composer>(&window, "composer");
        composer->setPlainText(QStringLiteral("Hello GUI"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
        ASSERT_TRUE(waitUntil([&] {
            auto* last = lastMessage(window);
            return last && last->message().state == Core::MessageState::Complete &&
                   last->message().role == Core::Role::Assistant;
        }));
        EXPECT_EQ(lastMessage(window)->bodyText(), QStringLiteral("Echo: Hello GUI"));
        EXPECT_TRUE(composer->toPlainText().isEmpty());
        // The answer's facts are shown once, under the answer (not again under the composer).
        EXPECT_TRUE(child<QLabel>(lastMessage(window), "messageFooter")
                        ->text()
                        .contains(QStringLiteral("12 in / 3 out tokens")));
        EXPECT_EQ(window.findChild<QLabel*>(QStringLiteral("lastAnswerFacts")), nullptr);
        EXPECT_FALSE(child<Ui::ErrorBanner>(&window, "errorBanner")->isVisible());

        // Second conversation: stop mid-stream with the Stop button.
        window.newConversation();
        composer->setPlainText(QStringLiteral("[[slow]] tell me a long story with many words"));
        QTest::mouseClick(child<QPushButton>(&window, "sendButton"), Qt::LeftButton);
        auto* stop = child<QPushButton>(&window, "stopButton");
        EXPECT_TRUE(stop->isEnabled());
        ASSERT_TRUE(waitUntil([&] { return !lastMessage(window)->bodyText().isEmpty(); }));
        QTest::mouseClick(stop, Qt::LeftButton);
        ASSERT_TRUE(waitUntil([&] { return lastMessage(window)->message().state == Core::MessageState::Incomplete; }));
        EXPECT_FALSE(stop->isEnabled());
        EXPECT_FALSE(child<Ui::ErrorBanner>(&window, "errorBanner")->isVisible()) << "stopping is not an error";
        EXPECT_EQ(window.conversationModel()->rowCount(), 2);
    }

    // Reopen the store: both conversations are there, the stopped one keeps its partial answer.
    services.reset();
    openServices();
    auto conversations = services->store().conversations.list();
    ASSERT_EQ(conversations->size(), 2u);
    auto stopped = services->store().messages.listForConversation(conversations->at(0).id);
    ASSERT_EQ(stopped->size(), 2u);
    EXPECT_EQ(stopped->at(1).state, Core::MessageState::Incomplete);
    EXPECT_TRUE(stopped->at(1).content.startsWith(QStringLiteral("Echo: ")));
    auto answered = services->store().messages.listForConversation(conversations->at(1).id);
    EXPECT_EQ(answered->at(1).content, QStringLiteral("Echo: Hello GUI"));
    EXPECT_EQ(answered->at(1).state, Core::MessageState::Complete);

    Ui::MainWindow reopened(*services, dialogs);
    reopened.show();
    EXPECT_EQ(reopened.showFirstRunIfNeeded(), nullptr) << "no first-run dialog once a provider exists";
    EXPECT_EQ(reopened.conversationModel()->rowCount(), 2);
    EXPECT_EQ(reopened.chatPanel()->chatView()->messageCount(), 2) << "the newest conversation is shown";
    reopened.conversationList()->setCurrentIndex(reopened.conversationModel()->index(1));
    EXPECT_EQ(reopened.chatPanel()->chatView()->messageAt(1)->bodyText(), QStringLiteral("Echo: Hello GUI"));
}

TEST_F(MainWindowTest, ProviderErrorsShowABannerWithCodeAndCorrelationIdAndNoAnswerText) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("[[429]] hi"));
    QTest::mouseClick(child<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto* banner = child<Ui::ErrorBanner>(&window, "errorBanner");
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible(); }));
    EXPECT_TRUE(banner->text().contains(QStringLiteral("Error code: provider.rate_limited")))
        << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(QStringLiteral("Correlation id: "))) << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(QStringLiteral("Retry after 1 second"))) << banner->text().toStdString();
    EXPECT_TRUE(lastMessage(window)->bodyText().isEmpty()) << "error text never becomes answer text";
    EXPECT_EQ(lastMessage(window)->message().state, Core::MessageState::Failed);

    // Plain words first; the code and the correlation id behind Details, with Copy.
    auto* text = child<QLabel>(banner, "errorBannerText");
    EXPECT_FALSE(text->text().contains(QStringLiteral("provider.rate_limited"))) << text->text().toStdString();
    auto* details = child<QLabel>(banner, "errorBannerDetails");
    EXPECT_TRUE(details->isHidden());
    child<QToolButton>(banner, "errorDetailsToggle")->click();
    EXPECT_FALSE(details->isHidden());
    child<QToolButton>(banner, "errorCopyDetails")->click();
    EXPECT_TRUE(QApplication::clipboard()->text().contains(QStringLiteral("Correlation id: ")));

    // Retry answers the question again (the provider still refuses it): a second version of the answer.
    auto* retry = child<QPushButton>(banner, "errorRetry");
    ASSERT_TRUE(retry->isVisible());
    retry->click();
    EXPECT_FALSE(banner->isVisible());
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible() && lastMessage(window)->message().siblingCount == 2; }));
    EXPECT_EQ(lastMessage(window)->message().state, Core::MessageState::Failed);
}

TEST(ErrorBanner, FollowsTheThemeInLightAndDark) {
    for (const Ui::Theme theme : {Ui::Theme::Dark, Ui::Theme::Light}) {
        Ui::applyTheme(*qApp, theme);
        Ui::ErrorBanner banner;
        banner.showMessage(QStringLiteral("Something went wrong."));
        const Ui::Style::Colours& tokens = Ui::Style::tokens();
        EXPECT_TRUE(banner.styleSheet().contains(Ui::Style::css(tokens.dangerSurface)))
            << "the banner's background comes from the tokens: " << banner.styleSheet().toStdString();
        EXPECT_GE(Ui::Style::contrastRatio(tokens.text, tokens.dangerSurface), 4.5);
    }
}

TEST_F(MainWindowTest, WithoutAKeychainTheDialogSaysSoAndOffersTheEnvironmentVariable) {
    secrets.setAvailable(false);
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* dialog = qobject_cast<Ui::AddProviderDialog*>(window.openAddProvider());
    ASSERT_NE(dialog, nullptr);
    auto* notice = child<QLabel>(dialog, "keychainNotice");
    ASSERT_TRUE(waitUntil([&] { return notice->isVisible(); }));
    EXPECT_TRUE(notice->text().contains(QStringLiteral("environment variable")));
    EXPECT_FALSE(child<QRadioButton>(dialog, "useKeychain")->isEnabled());
    EXPECT_TRUE(child<QRadioButton>(dialog, "useEnvVar")->isChecked());

    child<QLineEdit>(dialog, "providerName")->setText(QStringLiteral("envprov"));
    child<QLineEdit>(dialog, "envVar")->setText(QStringLiteral("TESSERA_GUI_TEST_KEY"));
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    auto saved = services->store().providers.findByName(QStringLiteral("envprov"));
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->keySource, Core::KeySource::Environment);
    EXPECT_EQ(saved->keyEnvVar, QStringLiteral("TESSERA_GUI_TEST_KEY"));
}

TEST_F(MainWindowTest, InvalidProviderInputIsExplainedAndNothingIsSaved) {
    Ui::MainWindow window(*services, dialogs);
    auto* dialog = qobject_cast<Ui::AddProviderDialog*>(window.openAddProvider());
    child<QLineEdit>(dialog, "providerName")->setText(QStringLiteral("bad name!"));
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    auto* problem = child<QLabel>(dialog, "problem");
    EXPECT_FALSE(problem->isHidden());
    EXPECT_TRUE(problem->text().contains(QStringLiteral("name")));
    EXPECT_TRUE(services->store().providers.list()->empty());
}

TEST_F(MainWindowTest, RenameAndDeleteThroughTheDialogs) {
    auto conversation = services->store().conversations.create(QStringLiteral("old title"), std::nullopt, QString());
    Ui::MainWindow window(*services, dialogs);
    window.show();
    dialogs.nextText = QStringLiteral("new title");
    window.renameCurrentConversation();
    EXPECT_EQ(services->store().conversations.get(conversation->id)->title, QStringLiteral("new title"));
    EXPECT_EQ(window.conversationModel()->data(window.conversationModel()->index(0)).toString(),
              QStringLiteral("new title"));

    // Deleting asks nothing and can be undone.
    window.deleteCurrentConversation();
    EXPECT_EQ(window.conversationModel()->rowCount(), 0);
    auto* undoBar = window.findChild<QWidget*>(QStringLiteral("undoBar"));
    ASSERT_NE(undoBar, nullptr);
    EXPECT_FALSE(undoBar->isHidden());
    QTest::mouseClick(child<QPushButton>(undoBar, "undoDelete"), Qt::LeftButton);
    EXPECT_EQ(window.conversationModel()->rowCount(), 1) << "undone";
    EXPECT_EQ(window.chatPanel()->conversationId(), conversation->id) << "and shown again";
    EXPECT_TRUE(undoBar->isHidden());

    // Without undo, the deletion becomes final (here: at once, as after the undo time).
    window.deleteCurrentConversation();
    EXPECT_TRUE(services->store().conversations.get(conversation->id).has_value()) << "kept while undo is offered";
    window.finishDeletion();
    EXPECT_FALSE(services->store().conversations.get(conversation->id).has_value());
    window.undoDelete(); // nothing to undo any more
    EXPECT_EQ(window.conversationModel()->rowCount(), 0);
}

TEST_F(MainWindowTest, PinnedConversationsStayOnTopAndArchivedOnesLeaveTheList) {
    auto older = services->store().conversations.create(QStringLiteral("older"), std::nullopt, QString());
    auto newer = services->store().conversations.create(QStringLiteral("newer"), std::nullopt, QString());
    ASSERT_TRUE(services->store().conversations.touch(newer->id));
    Ui::MainWindow window(*services, dialogs);
    window.show();
    QAbstractItemModelTester tester(window.conversationModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(window.conversationModel()->idAt(0), newer->id);

    window.conversationList()->setCurrentIndex(window.conversationModel()->indexOfId(older->id));
    window.togglePinned();
    EXPECT_EQ(window.conversationModel()->idAt(0), older->id) << "pinned first";
    EXPECT_TRUE(window.conversationModel()->index(0).data(Ui::ConversationListModel::PinnedRole).toBool());
    EXPECT_EQ(window.conversationModel()->index(0).data(Qt::AccessibleTextRole).toString(),
              QStringLiteral("older (pinned)"));

    window.conversationList()->setCurrentIndex(window.conversationModel()->indexOfId(newer->id));
    window.toggleArchived();
    EXPECT_EQ(window.conversationModel()->rowCount(), 1);
    EXPECT_TRUE(services->store().conversations.get(newer->id)->archived);
    window.setShowArchived(true);
    ASSERT_EQ(window.conversationModel()->rowCount(), 1);
    EXPECT_EQ(window.conversationModel()->idAt(0), newer->id);
    window.toggleArchived(); // restore it
    EXPECT_EQ(window.conversationModel()->rowCount(), 0);
    window.setShowArchived(false);
    EXPECT_EQ(window.conversationModel()->rowCount(), 2);
    EXPECT_EQ(services->store().conversations.list(Core::ListScope::All)->size(), 2U);
}

TEST_F(MainWindowTest, ADeletionLeftUnfinishedIsFinishedAtTheNextStart) {
    auto kept = services->store().conversations.create(QStringLiteral("kept"), std::nullopt, QString());
    auto gone = services->store().conversations.create(QStringLiteral("gone"), std::nullopt, QString());
    ASSERT_TRUE(services->store().conversations.moveToTrash(gone->id)); // as if the app crashed during the undo time
    EXPECT_EQ(services->store().conversations.list()->size(), 1U) << "deleted conversations are not listed";
    services.reset();
    openServices();
    EXPECT_FALSE(services->store().conversations.get(gone->id).has_value());
    EXPECT_TRUE(services->store().conversations.get(kept->id).has_value());
}

TEST_F(MainWindowTest, ConversationListModelPassesTheModelTester) {
    ASSERT_TRUE(services->store().conversations.create(QStringLiteral("a"), std::nullopt, QString()));
    ASSERT_TRUE(services->store().conversations.create(QStringLiteral("b"), std::nullopt, QString()));
    Ui::ConversationListModel model(services->conversations(), Core::Actor::owner(Core::ClientKind::Test));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(model.refresh());
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.data(model.index(0)).toString(), QStringLiteral("b"));
    ASSERT_TRUE(services->store().conversations.create(QStringLiteral("c"), std::nullopt, QString()));
    ASSERT_TRUE(model.refresh());
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.idAt(99), 0);
}

TEST_F(MainWindowTest, TheListIsGroupedByDateWithAnInjectedClockAndFilteredByText) {
    auto older = services->store().conversations.create(QStringLiteral("Trip planning"), std::nullopt, QString());
    auto newer = services->store().conversations.create(QStringLiteral("Regex help"), std::nullopt, QString());
    auto pinned = services->store().conversations.create(QStringLiteral("Release checklist"), std::nullopt, QString());
    ASSERT_TRUE(older && newer && pinned);
    const Core::Actor actor = Core::Actor::owner(Core::ClientKind::Test);
    ASSERT_TRUE(services->conversations().setPinned(actor, pinned->id, true));
    ASSERT_TRUE(services->conversations().setTags(actor, older->id, {QStringLiteral("travel")}));
    Ui::ConversationListModel model(services->conversations(), actor);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QDateTime now = QDateTime::currentDateTime();
    const auto groups = [&model] {
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            names << index.data(Ui::ConversationListModel::GroupRole).toString() +
                         (index.data(Ui::ConversationListModel::GroupStartRole).toBool() ? QStringLiteral("*")
                                                                                         : QString());
        }
        return names;
    };
    model.setClock([now] { return now; });
    ASSERT_TRUE(model.refresh());
    EXPECT_EQ(groups(), QStringList({QStringLiteral("Pinned*"), QStringLiteral("Today*"), QStringLiteral("Today")}));
    model.setClock([now] { return now.addDays(1); });
    EXPECT_EQ(groups(),
              QStringList({QStringLiteral("Pinned*"), QStringLiteral("Yesterday*"), QStringLiteral("Yesterday")}));
    model.setClock([now] { return now.addDays(6); });
    EXPECT_EQ(groups().at(1), QStringLiteral("Previous 7 days*"));
    model.setClock([now] { return now.addDays(25); });
    EXPECT_EQ(groups().at(1), QStringLiteral("Previous 30 days*"));
    model.setClock([now] { return now.addDays(90); });
    const QString month =
        QLocale().standaloneMonthName(now.date().month()) + QLatin1Char(' ') + QString::number(now.date().year());
    EXPECT_EQ(groups().at(1), month + QLatin1Char('*'));

    // The filter narrows by title or tag, without case; the groups follow the rows that are left.
    model.setFilterText(QStringLiteral("TRAVEL"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.idAt(0), older->id);
    EXPECT_TRUE(model.index(0).data(Ui::ConversationListModel::GroupStartRole).toBool());
    model.setFilterText(QStringLiteral("regex"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.idAt(0), newer->id);
    model.setFilterText(QString());
    EXPECT_EQ(model.rowCount(), 3);
}

TEST(ConversationListModel, GroupBoundariesFollowTheCalendarDays) {
    const QDate today(2026, 11, 30);
    const auto groupFor = [&today](int daysAgo, bool pinned = false) {
        Core::Conversation conversation;
        conversation.updatedAt = QDateTime(today.addDays(-daysAgo), QTime(23, 59)).toUTC();
        conversation.pinned = pinned;
        return Ui::ConversationListModel::groupOf(conversation, today);
    };
    EXPECT_EQ(groupFor(0), QStringLiteral("Today"));
    EXPECT_EQ(groupFor(-1), QStringLiteral("Today")) << "a store clock ahead of the local one";
    EXPECT_EQ(groupFor(1), QStringLiteral("Yesterday"));
    EXPECT_EQ(groupFor(2), QStringLiteral("Previous 7 days"));
    EXPECT_EQ(groupFor(7), QStringLiteral("Previous 7 days"));
    EXPECT_EQ(groupFor(8), QStringLiteral("Previous 30 days"));
    EXPECT_EQ(groupFor(30), QStringLiteral("Previous 30 days"));
    EXPECT_EQ(groupFor(31), QLocale().standaloneMonthName(10) + QStringLiteral(" 2026"));
    EXPECT_EQ(groupFor(400), QLocale().standaloneMonthName(10) + QStringLiteral(" 2025"));
    EXPECT_EQ(groupFor(400, true), QStringLiteral("Pinned"));
}

TEST_F(MainWindowTest, TheSidebarHasNewChatAndAFilterThatKeepsTheSelection) {
    auto first = services->store().conversations.create(QStringLiteral("Alpha"), std::nullopt, QString());
    auto second = services->store().conversations.create(QStringLiteral("Beta"), std::nullopt, QString());
    ASSERT_TRUE(first && second);
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* filter = child<QLineEdit>(&window, "conversationFilter");
    window.conversationList()->setCurrentIndex(window.conversationModel()->indexOfId(first->id));
    filter->setText(QStringLiteral("alp"));
    EXPECT_EQ(window.conversationModel()->rowCount(), 1);
    EXPECT_EQ(window.chatPanel()->conversationId(), first->id) << "the conversation shown stays";
    filter->clear();
    EXPECT_EQ(window.conversationModel()->rowCount(), 2);
    auto* newChat = child<QPushButton>(&window, "newChatButton");
    EXPECT_FALSE(newChat->toolTip().isEmpty());
    newChat->click();
    EXPECT_FALSE(window.chatPanel()->conversationId().has_value()) << "an empty new conversation";
}

TEST(ChatView, DeltasAreCoalescedIntoFewRendersOfTheStreamingMessageOnly) {
    Ui::ChatView view;
    Core::Message user;
    user.id = 1;
    user.role = Core::Role::User;
    user.content = QStringLiteral("question");
    Core::Message answer;
    answer.id = 2;
    answer.role = Core::Role::Assistant;
    answer.state = Core::MessageState::Streaming;
    view.appendMessage(user);
    view.appendMessage(answer);
    for (int i = 0; i < 1000; ++i) {
        view.appendDelta(2, QStringLiteral("x"));
    }
    ASSERT_TRUE(waitUntil([&] { return view.streamRenderCount() > 0; }));
    EXPECT_EQ(view.streamRenderCount(), 1) << "1000 deltas in one frame render once";
    EXPECT_EQ(view.messageAt(1)->bodyText(), QString(1000, QLatin1Char('x')));
    EXPECT_EQ(view.messageAt(0)->bodyText(), QStringLiteral("question")) << "other messages untouched";
    view.appendDelta(99, QStringLiteral("ignored")); // unknown message: no crash, no render
}

TEST(ChatView, ALongConversationShowsItsNewestPageAndEarlierOnesWhenScrolledToTheTop) {
    std::vector<Core::Message> messages;
    for (int i = 1; i <= 200; ++i) {
        Core::Message message;
        message.id = i;
        message.role = i % 2 ? Core::Role::User : Core::Role::Assistant;
        message.content = QStringLiteral("message %1").arg(i);
        messages.push_back(message);
    }
    Ui::ChatView view;
    view.resize(600, 400);
    view.show();
    view.setMessages(messages);
    EXPECT_EQ(view.totalMessageCount(), 200);
    ASSERT_EQ(view.messageCount(), Ui::ChatView::pageSize) << "only the newest page gets widgets";
    EXPECT_EQ(view.messageAt(0)->bodyText(), QStringLiteral("message 161"));
    EXPECT_EQ(view.messageAt(view.messageCount() - 1)->bodyText(), QStringLiteral("message 200"));

    // Scrolling to the top shows the page before, in order, keeping the view where it was.
    ASSERT_TRUE(waitUntil([&] { return view.verticalScrollBar()->maximum() > 0; }));
    view.verticalScrollBar()->setValue(0);
    ASSERT_TRUE(waitUntil([&] { return view.messageCount() == 2 * Ui::ChatView::pageSize; }));
    EXPECT_EQ(view.messageAt(0)->bodyText(), QStringLiteral("message 121"));
    EXPECT_EQ(view.messageAt(Ui::ChatView::pageSize)->bodyText(), QStringLiteral("message 161"));
    EXPECT_GT(view.verticalScrollBar()->value(), 0) << "not left at the top, which would load everything";

    // Opening a message far back shows the pages down to it.
    ASSERT_TRUE(view.scrollToMessage(3));
    EXPECT_EQ(view.messageCount(), 200);
    EXPECT_EQ(view.messageAt(0)->bodyText(), QStringLiteral("message 1"));
    EXPECT_FALSE(view.scrollToMessage(999));
    EXPECT_FALSE(view.showEarlierMessages()) << "everything is shown";
}

TEST(Composer, EscapeAsksToStopAndPlainEnterAddsANewLine) {
    Ui::Composer composer;
    int stops = 0;
    int sends = 0;
    QObject::connect(&composer, &Ui::Composer::stopRequested, [&] { ++stops; });
    QObject::connect(&composer, &Ui::Composer::sendRequested, [&] { ++sends; });
    QTest::keyClicks(&composer, QStringLiteral("line"));
    QTest::keyClick(&composer, Qt::Key_Return);
    QTest::keyClick(&composer, Qt::Key_Escape);
    QTest::keyClick(&composer, Qt::Key_Enter, Qt::ControlModifier);
    EXPECT_EQ(stops, 1);
    EXPECT_EQ(sends, 1);
    EXPECT_EQ(composer.toPlainText(), QStringLiteral("line\n"));
}

TEST_F(MainWindowTest, ProvidersDialogListsTestsAndRemovesProvidersAndTheirKeys) {
    server.setApiKey(QStringLiteral("kc-provider-key-1"));
    Core::ProviderConfig config;
    config.name = QStringLiteral("kc");
    config.baseUrl = server.baseUrl();
    config.keySource = Core::KeySource::Keychain;
    auto added = services->store().providers.add(config);
    ASSERT_TRUE(added);
    bool written = false;
    secrets.write(added->keychainKey(), QStringLiteral("kc-provider-key-1"), [&](Core::Status) { written = true; });
    ASSERT_TRUE(waitUntil([&] { return written; }));
    auto conversation = services->store().conversations.create(QStringLiteral("kept"), added->id, QStringLiteral("m"));

    Ui::MainWindow window(*services, dialogs);
    auto* dialog = qobject_cast<Ui::ProvidersDialog*>(window.openProviders());
    ASSERT_NE(dialog, nullptr);
    QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(dialog->model()->rowCount(), 1);
    EXPECT_EQ(dialog->model()->index(0, Ui::ProviderListModel::KeyColumn).data().toString(),
              QStringLiteral("System keychain"));

    QTest::mouseClick(child<QPushButton>(dialog, "testProvider"), Qt::LeftButton);
    auto* result = child<QLabel>(dialog, "providerTestResult");
    ASSERT_TRUE(waitUntil([&] { return result->text().contains(QStringLiteral("ms")); }))
        << result->text().toStdString();
    EXPECT_TRUE(result->text().contains(QStringLiteral("authenticated, 2 model"))) << result->text().toStdString();

    dialogs.nextConfirm = true;
    QTest::mouseClick(child<QPushButton>(dialog, "removeProvider"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return dialog->model()->rowCount() == 0; }));
    ASSERT_TRUE(waitUntil([&] { return !secrets.contains(QStringLiteral("provider/kc")); })) << "key deleted";
    EXPECT_TRUE(services->store().conversations.get(conversation->id).has_value()) << "conversations are kept";
    EXPECT_EQ(child<QComboBox>(&window, "providerPicker")->count(), 0);
    EXPECT_FALSE(child<QPushButton>(dialog, "removeProvider")->isEnabled());
}

TEST_F(MainWindowTest, EditingAProviderKeepsTheStoredKeyUnlessANewOneIsTyped) {
    server.setApiKey(QStringLiteral("first-key-0001"));
    Core::ProviderConfig config;
    config.name = QStringLiteral("kc");
    config.baseUrl = server.baseUrl();
    config.defaultModel = QStringLiteral("gpt-test");
    config.keySource = Core::KeySource::Keychain;
    auto added = services->store().providers.add(config);
    ASSERT_TRUE(added);
    bool written = false;
    secrets.write(added->keychainKey(), QStringLiteral("first-key-0001"), [&](Core::Status) { written = true; });
    ASSERT_TRUE(waitUntil([&] { return written; }));

    Ui::AddProviderDialog keep(*services, Core::Actor::owner(Core::ClientKind::Test), *added);
    EXPECT_TRUE(child<QLineEdit>(&keep, "providerName")->isReadOnly());
    child<QComboBox>(&keep, "defaultModel")->setCurrentText(QStringLiteral("gpt-test-mini"));
    QTest::mouseClick(child<QPushButton>(&keep, "testButton"), Qt::LeftButton);
    auto* result = child<QLabel>(&keep, "testResult");
    ASSERT_TRUE(waitUntil([&] { return result->text().contains(QStringLiteral("ms")); }))
        << result->text().toStdString();
    EXPECT_TRUE(result->text().contains(QStringLiteral("Authenticated ✔"))) << "tested with the stored key";
    QTest::mouseClick(child<QPushButton>(&keep, "saveButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return keep.result() == QDialog::Accepted; }));
    EXPECT_EQ(services->store().providers.findByName(QStringLiteral("kc"))->defaultModel,
              QStringLiteral("gpt-test-mini"));

    // A rotated key replaces the stored one.
    server.setApiKey(QStringLiteral("second-key-0002"));
    Ui::AddProviderDialog rotate(*services, Core::Actor::owner(Core::ClientKind::Test),
                                 *services->store().providers.findByName(QStringLiteral("kc")));
    child<QLineEdit>(&rotate, "apiKey")->setText(QStringLiteral("second-key-0002"));
    QTest::mouseClick(child<QPushButton>(&rotate, "saveButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return rotate.result() == QDialog::Accepted; }));
    std::optional<Core::Result<QString>> stored;
    secrets.read(QStringLiteral("provider/kc"), [&](Core::Result<QString> r) { stored = r; });
    ASSERT_TRUE(waitUntil([&] { return stored.has_value(); }));
    EXPECT_EQ(stored->value_or(QString()), QStringLiteral("second-key-0002"));
}

TEST_F(MainWindowTest, ReturningToAConversationThatIsStillStreamingShowsEverythingSoFarAndCanStopIt) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("[[slow]] one two three four five six seven eight"));
    QTest::mouseClick(child<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    const qint64 streaming = *window.chatPanel()->conversationId();
    ASSERT_TRUE(waitUntil([&] { return lastMessage(window)->bodyText().size() > 10; }));

    window.newConversation();
    EXPECT_EQ(window.chatPanel()->chatView()->messageCount(), 0);
    QTest::qWait(400); // more words arrive while another conversation is shown
    window.conversationList()->setCurrentIndex(window.conversationModel()->indexOfId(streaming));
    const auto answerId = lastMessage(window)->messageId();
    const auto live = services->chat().liveText(answerId);
    ASSERT_TRUE(live.has_value());
    EXPECT_EQ(lastMessage(window)->bodyText(), *live) << "the view starts from the live text, not the last flush";
    auto* stop = child<QPushButton>(&window, "stopButton");
    EXPECT_TRUE(stop->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return lastMessage(window)->message().state == Core::MessageState::Incomplete; }));
}

TEST_F(MainWindowTest, AMissingKeyVariableFailsTheTurnCleanlyAndTheNextSendWorks) {
    addLoopbackProvider(QStringLiteral("env"), Core::KeySource::Environment, QStringLiteral("TESSERA_GUI_UNSET_KEY"));
    qunsetenv("TESSERA_GUI_UNSET_KEY");
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("hello"));
    QTest::mouseClick(child<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto* banner = child<Ui::ErrorBanner>(&window, "errorBanner");
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible(); }));
    EXPECT_TRUE(banner->text().contains(QStringLiteral("Error code: secrets.api_key_missing")))
        << banner->text().toStdString();
    EXPECT_TRUE(child<QPushButton>(&window, "sendButton")->isEnabled()) << "not stuck waiting for an answer";
    EXPECT_FALSE(child<QPushButton>(&window, "stopButton")->isEnabled());
    EXPECT_EQ(lastMessage(window)->message().state, Core::MessageState::Failed);

    qputenv("TESSERA_GUI_UNSET_KEY", "any-key");
    composer->setPlainText(QStringLiteral("again"));
    QTest::mouseClick(child<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return lastMessage(window)->message().state == Core::MessageState::Complete; }));
    EXPECT_EQ(lastMessage(window)->bodyText(), QStringLiteral("Echo: again"));
    qunsetenv("TESSERA_GUI_UNSET_KEY");
}

TEST(MessageWidget, RawHtmlInAnAnswerIsShownAsTextNotRendered) {
    Core::Message answer;
    answer.id = 1;
    answer.role = Core::Role::Assistant;
    answer.content = QStringLiteral("**bold** <img src=\"file:///etc/passwd\"> <a href=\"javascript:x\">y</a>");
    Ui::MessageWidget widget(answer);
    auto* body = widget.findChild<QLabel*>(QStringLiteral("messageBody"));
    ASSERT_NE(body, nullptr);
    const QString html = body->text();
    EXPECT_FALSE(html.contains(QStringLiteral("<img"))) << html.toStdString();
    EXPECT_FALSE(html.contains(QStringLiteral("href=\"javascript"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;img"))) << "shown as text: " << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("font-weight:700")) || html.contains(QStringLiteral("<b>")))
        << "Markdown still renders: " << html.toStdString();
}

TEST_F(MainWindowTest, AnHtmlErrorPageFromTheProviderIsShownAsPlainText) {
    for (int attempt = 0; attempt < 3; ++attempt) { // the first request and its two retries
        server.enqueue("/v1/chat/completions", Tessera::Testing::FakeResponse::json(
                                                   502, "<html><img src=\"file:///x.png\">Bad gateway</html>"));
    }
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    child<Ui::Composer>(&window, "composer")->setPlainText(QStringLiteral("hi"));
    QTest::mouseClick(child<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto* banner = child<Ui::ErrorBanner>(&window, "errorBanner");
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible(); }));
    auto* text = child<QLabel>(banner, "errorBannerText");
    EXPECT_EQ(text->textFormat(), Qt::PlainText);
    EXPECT_TRUE(text->text().contains(QStringLiteral("<img"))) << "shown literally, not rendered";
    EXPECT_FALSE(text->text().contains(QStringLiteral("provider.unavailable"))) << "plain words first";
    EXPECT_TRUE(banner->details().contains(QStringLiteral("Error code: provider.unavailable")));
}

TEST_F(MainWindowTest, WindowTitleFollowsTheConversationAndDeleteKeyWorksInTheList) {
    addLoopbackProvider();
    auto first = services->store().conversations.create(QStringLiteral("first topic"), std::nullopt, QString());
    auto second = services->store().conversations.create(QStringLiteral("second topic"), std::nullopt, QString());
    ASSERT_TRUE(first && second);
    Ui::MainWindow window(*services, dialogs);
    window.show();
    EXPECT_EQ(window.windowTitle(), QStringLiteral("second topic — Tessera"));
    window.conversationList()->setCurrentIndex(window.conversationModel()->indexOfId(first->id));
    EXPECT_EQ(window.windowTitle(), QStringLiteral("first topic — Tessera"));
    window.newConversation();
    EXPECT_EQ(window.windowTitle(), QStringLiteral("Tessera"));
    EXPECT_TRUE(child<QLabel>(&window, "emptyConversationHint")->isVisible())
        << "an empty conversation says what to do";

    window.conversationList()->setCurrentIndex(window.conversationModel()->indexOfId(first->id));
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.conversationList()->setFocus();
    QTest::keyClick(window.conversationList(), Qt::Key_Delete);
    EXPECT_EQ(window.conversationModel()->rowCount(), 1);
    window.finishDeletion();
    EXPECT_FALSE(services->store().conversations.get(first->id).has_value());
    EXPECT_EQ(window.conversationList()->actions().size(), 5)
        << "rename, pin, archive, tags and delete in the context menu";
}

TEST_F(MainWindowTest, EveryIconOnlyButtonHasATooltipAndAnAccessibleName) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("Show code:\n```python\nprint(1)\n```"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] {
        return window.chatPanel()->chatView()->messageCount() == 2 &&
               lastMessage(window)->message().state == Core::MessageState::Complete;
    }));
    window.chatPanel()->openModelPicker();
    int checked = 0;
    const QList<QWidget*> roots{static_cast<QWidget*>(&window), window.chatPanel()->modelPicker()};
    for (QWidget* root : roots) {
        for (QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
            const bool internal = button->objectName().startsWith(QLatin1StringView("qt_")) ||
                                  button->parentWidget()->inherits("QLineEdit");
            if (internal || !button->text().trimmed().isEmpty() || button->icon().isNull()) {
                continue; // a button with a word on it is named by it
            }
            ++checked;
            EXPECT_FALSE(button->toolTip().trimmed().isEmpty()) << button->objectName().toStdString();
            EXPECT_FALSE(button->accessibleName().trimmed().isEmpty()) << button->objectName().toStdString();
        }
    }
    EXPECT_GE(checked, 8) << "send, attach, settings, the message actions, the code copy button, reload models";
}

TEST_F(MainWindowTest, EveryControlHasAnAccessibleNameOrVisibleText) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* dialog = window.openAddProvider();
    auto* providers = window.openProviders();
    for (QWidget* root :
         {static_cast<QWidget*>(&window), static_cast<QWidget*>(dialog), static_cast<QWidget*>(providers)}) {
        for (QWidget* widget : root->findChildren<QWidget*>()) {
            const bool interactive = qobject_cast<QAbstractButton*>(widget) || qobject_cast<QComboBox*>(widget) ||
                                     qobject_cast<QLineEdit*>(widget) || qobject_cast<QPlainTextEdit*>(widget) ||
                                     qobject_cast<QAbstractItemView*>(widget);
            // Qt's own internals (toolbar overflow button, item-view headers, a combo box's editor) are skipped.
            const bool internal = widget->objectName().startsWith(QLatin1StringView("qt_")) ||
                                  widget->inherits("QHeaderView") || widget->parentWidget()->inherits("QComboBox") ||
                                  widget->parentWidget()->inherits("QLineEdit");
            if (!interactive || internal || !widget->isVisibleTo(root)) {
                continue;
            }
            QString name = widget->accessibleName();
            if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
                name += button->text() + button->toolTip();
            }
            if (auto* edit = qobject_cast<QLineEdit*>(widget)) {
                name += edit->placeholderText();
            }
            // A QFormLayout/QLabel buddy names the field too.
            for (QLabel* label : root->findChildren<QLabel*>()) {
                if (label->buddy() == widget) {
                    name += label->text();
                }
            }
            EXPECT_FALSE(name.trimmed().isEmpty())
                << widget->metaObject()->className() << " " << widget->objectName().toStdString() << " in "
                << root->objectName().toStdString() << " has no accessible name";
        }
    }
}
