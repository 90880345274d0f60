// Branches in the GUI: regenerate an answer, edit a question, step through the versions with "‹ ›", copy and
// delete a message.
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/MessageWidget.h"
#include "mainwindow/ShortcutsDialog.h"
#include "models/ConversationListModel.h"
#include "storage/DraftRepository.h"
#include "storage/MessageRepository.h"
#include "support/TestHelpers.h"
#include "ui/UiFixture.h"
#include "widgets/ErrorBanner.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QListView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera;
using namespace Tessera::Testing;

namespace {

Ui::MessageWidget* at(Ui::MainWindow& window, int index) {
    return window.chatPanel()->chatView()->messageAt(index);
}

bool settled(Ui::MainWindow& window) {
    Ui::ChatView* view = window.chatPanel()->chatView();
    const int count = view->messageCount();
    return count > 0 && view->messageAt(count - 1)->message().role == Core::Role::Assistant &&
           view->messageAt(count - 1)->message().state != Core::MessageState::Streaming;
}

// Delete sits under the message's "more" menu.
void deleteVia(QWidget* message) {
    auto* action = message->findChild<QAction*>(QStringLiteral("deleteMessage"));
    ASSERT_NE(action, nullptr);
    ASSERT_TRUE(action->isEnabled());
    action->trigger();
}

void click(QWidget* message, const char* button) {
    auto* found = message->findChild<QToolButton*>(QString::fromLatin1(button));
    ASSERT_NE(found, nullptr) << button;
    // Freshly shown messages become visible from the event loop.
    ASSERT_TRUE(waitUntil([&] { return found->isVisible() && found->isEnabled(); }, 2000)) << button;
    QTest::mouseClick(found, Qt::LeftButton);
}

} // namespace

TEST_F(MainWindowTest, RegenerateEditAndStepThroughVersions) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.resize(1000, 700);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("first question"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return settled(window); }));
    EXPECT_TRUE(at(window, 1)->findChild<QLabel*>(QStringLiteral("versionLabel"))->isHidden()) << "one version only";

    // Regenerate: a second version of the answer, shown as 2/2.
    click(at(window, 1), "regenerateMessage");
    ASSERT_TRUE(waitUntil([&] { return settled(window) && at(window, 1)->message().siblingCount == 2; }));
    EXPECT_EQ(window.chatPanel()->chatView()->messageCount(), 2);
    EXPECT_EQ(at(window, 1)->findChild<QLabel*>(QStringLiteral("versionLabel"))->text(), QStringLiteral("2/2"));
    const qint64 newer = at(window, 1)->messageId();

    // Step back to the first version, and forward again.
    click(at(window, 1), "previousVersion");
    EXPECT_EQ(at(window, 1)->findChild<QLabel*>(QStringLiteral("versionLabel"))->text(), QStringLiteral("1/2"));
    EXPECT_NE(at(window, 1)->messageId(), newer);
    click(at(window, 1), "nextVersion");
    EXPECT_EQ(at(window, 1)->messageId(), newer);

    // Edit the question: the composer takes its text; Send makes a new version of the question.
    click(at(window, 0), "editMessage");
    EXPECT_EQ(composer->toPlainText(), QStringLiteral("first question"));
    EXPECT_FALSE(child<QLabel>(&window, "editNotice")->isHidden());
    composer->setPlainText(QStringLiteral("first question, sharper"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return settled(window) && at(window, 0)->message().siblingCount == 2; }));
    EXPECT_TRUE(child<QLabel>(&window, "editNotice")->isHidden());
    EXPECT_EQ(at(window, 0)->bodyText(), QStringLiteral("first question, sharper"));
    EXPECT_EQ(at(window, 1)->bodyText(), QStringLiteral("Echo: first question, sharper"));
    click(at(window, 0), "previousVersion");
    EXPECT_EQ(at(window, 0)->bodyText(), QStringLiteral("first question"));
    EXPECT_EQ(at(window, 1)->messageId(), newer) << "the old branch comes back with its newest answer";

    // Ctrl+R regenerates the last answer, Ctrl+E edits the last question; Esc cancels an edit.
    window.chatPanel()->editLast();
    ASSERT_TRUE(window.chatPanel()->editing().has_value());
    QTest::keyClick(composer, Qt::Key_Escape);
    EXPECT_FALSE(window.chatPanel()->editing().has_value());
    EXPECT_TRUE(composer->toPlainText().isEmpty());
}

TEST_F(MainWindowTest, CopyAndDeleteAMessage) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("copy me"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return settled(window); }));
    click(at(window, 1), "copyMessage");
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("Echo: copy me"));

    dialogs.nextConfirm = false;
    deleteVia(at(window, 1));
    EXPECT_EQ(window.chatPanel()->chatView()->messageCount(), 2) << "not confirmed, nothing deleted";
    dialogs.nextConfirm = true;
    deleteVia(at(window, 1));
    EXPECT_EQ(window.chatPanel()->chatView()->messageCount(), 1);
    EXPECT_EQ(services->store().messages.listForConversation(*window.chatPanel()->conversationId())->size(), 1U);
}

TEST_F(MainWindowTest, ConversationChangesWaitWhileAnAnswerIsWritten) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("[[slow]] a long answer please"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return !at(window, 1)->bodyText().isEmpty(); }));
    auto* edit = at(window, 0)->findChild<QToolButton*>(QStringLiteral("editMessage"));
    EXPECT_FALSE(edit->isEnabled()) << "no edits while answering";
    window.chatPanel()->regenerateLast();
    EXPECT_TRUE(child<Ui::ErrorBanner>(&window, "errorBanner")->text().contains(QStringLiteral("Stop the answer")));
    QTest::keyClick(composer, Qt::Key_Escape);
    ASSERT_TRUE(waitUntil([&] { return settled(window); }));
    EXPECT_TRUE(at(window, 0)->findChild<QToolButton*>(QStringLiteral("editMessage"))->isEnabled());
}

TEST_F(MainWindowTest, WhatIsTypedSurvivesARestartAndFollowsEachConversation) {
    addLoopbackProvider();
    qint64 first = 0;
    {
        Ui::MainWindow window(*services, dialogs);
        window.show();
        auto* composer = child<Ui::Composer>(&window, "composer");
        composer->setPlainText(QStringLiteral("send this"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
        ASSERT_TRUE(waitUntil([&] { return settled(window); }));
        first = *window.chatPanel()->conversationId();
        EXPECT_TRUE(composer->toPlainText().isEmpty());

        // A draft for this conversation, written to the store shortly after typing (a crash would keep it).
        QTest::keyClicks(composer, QStringLiteral("half a thought"));
        ASSERT_TRUE(waitUntil([&] {
            return services->store().drafts.load(first).value_or(QString()) == QStringLiteral("half a thought");
        }));
        // Another, for a new conversation.
        window.newConversation();
        EXPECT_TRUE(composer->toPlainText().isEmpty());
        composer->setPlainText(QStringLiteral("a new idea"));
        window.conversationList()->setCurrentIndex(window.conversationModel()->indexOfId(first));
        EXPECT_EQ(composer->toPlainText(), QStringLiteral("half a thought")) << "each conversation has its own draft";
        // Editing an earlier question does not lose the draft.
        window.chatPanel()->editLast();
        EXPECT_EQ(composer->toPlainText(), QStringLiteral("send this"));
        window.chatPanel()->cancelEdit();
        EXPECT_EQ(composer->toPlainText(), QStringLiteral("half a thought"));
    } // the window closes

    Ui::MainWindow reopened(*services, dialogs);
    reopened.show();
    auto* composer = child<Ui::Composer>(&reopened, "composer");
    EXPECT_EQ(reopened.chatPanel()->conversationId(), first);
    EXPECT_EQ(composer->toPlainText(), QStringLiteral("half a thought"));
    reopened.newConversation();
    EXPECT_EQ(composer->toPlainText(), QStringLiteral("a new idea"));
    composer->setPlainText(QStringLiteral("a new idea, sent"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return settled(reopened); }));
    EXPECT_TRUE(services->store().drafts.load(Core::DraftRepository::newConversation)->isEmpty())
        << "sent drafts are gone";
}

TEST_F(MainWindowTest, KeyboardShortcutsAreListedAndConversationsAndCodeBlocksAreAKeyAway) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("Show code:\n```python\nprint('first')\n```\nand\n```\nlast = True\n```"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return settled(window); }));
    ASSERT_TRUE(window.chatPanel()->copyLastCodeBlock());
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("last = True"));
    window.newConversation();
    composer->setPlainText(QStringLiteral("no code here"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return settled(window); }));
    EXPECT_FALSE(window.chatPanel()->copyLastCodeBlock());

    // Next and previous conversation.
    const qint64 newest = *window.chatPanel()->conversationId();
    window.selectNeighbourConversation(+1);
    EXPECT_NE(window.chatPanel()->conversationId(), newest);
    window.selectNeighbourConversation(+1);
    EXPECT_NE(window.chatPanel()->conversationId(), newest) << "stays at the end of the list";
    window.selectNeighbourConversation(-1);
    EXPECT_EQ(window.chatPanel()->conversationId(), newest);

    auto* dialog = qobject_cast<Ui::ShortcutsDialog*>(window.openShortcuts());
    ASSERT_NE(dialog, nullptr);
    QStringList listed;
    for (int row = 0; row < dialog->table()->rowCount(); ++row) {
        listed << dialog->table()->item(row, 0)->text() + QStringLiteral(" = ") + dialog->table()->item(row, 1)->text();
    }
    const QString all = listed.join(QLatin1Char('\n'));
    for (const char* expected :
         {"New Conversation = Ctrl+N", "Search Conversations… = Ctrl+K", "Regenerate Answer = Ctrl+R",
          "Copy Last Code Block = Ctrl+Shift+C", "Next Conversation = Ctrl+PgDown", "Focus Message Box = Ctrl+L",
          "Send the message = Ctrl+Enter", "Stop the answer, or cancel an edit = Esc"}) {
        EXPECT_TRUE(all.contains(QString::fromUtf8(expected))) << expected << "\n" << all.toStdString();
    }
}
