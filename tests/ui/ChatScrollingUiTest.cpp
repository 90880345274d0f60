// Scrolling that never surprises: the conversation opens at its end, follows an answer while the reader is at the
// bottom, stays put once they scroll up (with a button back to the latest), shows the whole last message with no
// gap when an answer ends, and keeps its place when older messages are paged in.
#include "chat/ChatView.h"
#include "chat/MessageWidget.h"
#include "style/Tokens.h"

#include "support/QtPrinters.h"
#include "support/TestHelpers.h"

#include <QApplication>
#include <QLayout>
#include <QScrollBar>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace Tessera;
using Tessera::Testing::waitUntil;

namespace {

Core::Message message(qint64 id, Core::Role role, const QString& text) {
    Core::Message m;
    m.id = id;
    m.conversationId = 1;
    m.role = role;
    m.content = text;
    m.state = Core::MessageState::Complete;
    return m;
}

std::vector<Core::Message> conversation(int count) {
    std::vector<Core::Message> messages;
    for (int i = 1; i <= count; ++i) {
        const bool question = i % 2 == 1;
        messages.push_back(message(i, question ? Core::Role::User : Core::Role::Assistant,
                                   question ? QStringLiteral("Question %1?").arg(i)
                                            : QStringLiteral("Answer %1: ").arg(i) +
                                                  QStringLiteral("a line of text that wraps. ").repeated(i % 7 + 1)));
    }
    return messages;
}

class ChatScrollingTest : public ::testing::Test {
protected:
    void SetUp() override {
        view.resize(900, 600);
        view.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    }

    // Lets the layout settle (widgets appear and wrap from the event loop).
    void settle() {
        for (int i = 0; i < 5; ++i) {
            QApplication::processEvents();
            QTest::qWait(10);
        }
    }

    QScrollBar* bar() { return view.verticalScrollBar(); }

    // Where a message is, in the viewport's coordinates.
    QRect placeOf(const Ui::MessageWidget* widget) {
        return QRect(widget->mapTo(view.viewport(), QPoint(0, 0)), widget->size());
    }

    Ui::MessageWidget* last() { return view.messageAt(view.messageCount() - 1); }

    // The last message is entirely in view (its end, when it is taller than the view), and what is below it is
    // only the column's bottom margin.
    void expectLastMessageFullyShownWithoutGap() {
        const QRect place = placeOf(last());
        const int viewport = view.viewport()->height();
        if (place.height() <= viewport) {
            EXPECT_GE(place.top(), 0) << "the last message starts in view";
        }
        EXPECT_LE(place.bottom(), viewport) << "the last message ends in view";
        EXPECT_LE(viewport - place.bottom(), 40) << "no blank gap below the last message";
        EXPECT_EQ(bar()->value(), bar()->maximum()) << "the scroll bar says the view is at the end";
    }

    Ui::ChatView view;
};

} // namespace

TEST_F(ChatScrollingTest, AConversationOpensAtItsEndWithTheLastMessageFullyShown) {
    view.setMessages(conversation(30));
    settle();
    ASSERT_GT(bar()->maximum(), 0) << "the conversation is taller than the view";
    expectLastMessageFullyShownWithoutGap();
    EXPECT_TRUE(view.followsLatest());
    EXPECT_FALSE(view.findChild<QToolButton*>(QStringLiteral("jumpToLatest"))->isVisible());
}

TEST_F(ChatScrollingTest, AStreamingAnswerIsFollowedWhileTheReaderIsAtTheBottom) {
    view.setMessages(conversation(20));
    settle();
    Core::Message answer = message(100, Core::Role::Assistant, {});
    answer.state = Core::MessageState::Streaming;
    view.appendMessage(answer);
    for (int i = 0; i < 30; ++i) {
        view.appendDelta(100, QStringLiteral("Line %1 of a long answer that keeps coming.\n\n").arg(i));
        view.flushNow();
        settle();
        ASSERT_EQ(bar()->value(), bar()->maximum()) << "after line " << i;
    }
    Core::Message finished = answer;
    finished.state = Core::MessageState::Complete;
    finished.content = view.messageById(100)->message().content;
    finished.usage = Core::Usage{.inputTokens = 12, .outputTokens = 340};
    finished.latencyMs = 1200;
    view.finishMessage(finished);
    settle();
    expectLastMessageFullyShownWithoutGap();
}

TEST_F(ChatScrollingTest, AReaderWhoScrolledUpStaysPutAndCanJumpBackToTheLatest) {
    view.setMessages(conversation(30));
    settle();
    bar()->setValue(bar()->maximum() / 2); // the reader scrolls up
    settle();
    EXPECT_FALSE(view.followsLatest());
    auto* jump = view.findChild<QToolButton*>(QStringLiteral("jumpToLatest"));
    ASSERT_NE(jump, nullptr);
    EXPECT_TRUE(jump->isVisible());
    EXPECT_FALSE(jump->toolTip().isEmpty());
    EXPECT_FALSE(jump->accessibleName().isEmpty());

    // What the reader looks at: the message at the top of the view.
    Ui::MessageWidget* anchor = nullptr;
    for (int i = 0; i < view.messageCount() && !anchor; ++i) {
        if (placeOf(view.messageAt(i)).bottom() > 0) {
            anchor = view.messageAt(i);
        }
    }
    ASSERT_NE(anchor, nullptr);
    const int before = placeOf(anchor).top();
    const int value = bar()->value();

    Core::Message answer = message(100, Core::Role::Assistant, {});
    answer.state = Core::MessageState::Streaming;
    view.appendMessage(answer);
    for (int i = 0; i < 20; ++i) {
        view.appendDelta(100, QStringLiteral("More text arriving below.\n\n"));
        view.flushNow();
        settle();
    }
    EXPECT_EQ(placeOf(anchor).top(), before) << "what the reader looks at does not move";
    EXPECT_EQ(bar()->value(), value);
    EXPECT_LT(bar()->value(), bar()->maximum());

    jump->click();
    settle();
    EXPECT_TRUE(view.followsLatest());
    EXPECT_EQ(bar()->value(), bar()->maximum());
    EXPECT_FALSE(jump->isVisible());
    view.appendDelta(100, QStringLiteral("And the end.\n"));
    view.flushNow();
    settle();
    EXPECT_EQ(bar()->value(), bar()->maximum()) << "following again";
}

TEST_F(ChatScrollingTest, PagingOlderMessagesKeepsTheReadersPlace) {
    view.setMessages(conversation(3 * Ui::ChatView::pageSize));
    settle();
    ASSERT_EQ(view.messageCount(), Ui::ChatView::pageSize);
    Ui::MessageWidget* first = view.messageAt(0);
    bar()->setValue(1); // just below the top: the first message shown is in view
    settle();
    const int before = placeOf(first).top();
    bar()->setValue(0); // reaching the top pages in the older messages
    ASSERT_TRUE(waitUntil([&] { return view.messageCount() == 2 * Ui::ChatView::pageSize; }, 2000));
    settle();
    EXPECT_EQ(view.messageAt(Ui::ChatView::pageSize), first);
    EXPECT_NEAR(placeOf(first).top(), before, 1) << "the message the reader saw stays where it was";
    EXPECT_GT(bar()->value(), 0);
    EXPECT_FALSE(view.followsLatest());
}

TEST_F(ChatScrollingTest, ResizingTheWindowKeepsTheEndInViewWhenFollowing) {
    view.setMessages(conversation(30));
    settle();
    view.resize(600, 500);
    settle();
    expectLastMessageFullyShownWithoutGap();
    view.resize(1400, 800);
    settle();
    expectLastMessageFullyShownWithoutGap();
}

TEST_F(ChatScrollingTest, TheConversationIsAReadableColumnAtAnyWidth) {
    view.setMessages(conversation(6));
    view.resize(1600, 700);
    settle();
    QWidget* column = view.findChild<QWidget*>(QStringLiteral("conversationColumn"));
    ASSERT_NE(column, nullptr);
    const QRect place(column->mapTo(view.viewport(), QPoint(0, 0)), column->size());
    EXPECT_LE(place.width(), Ui::Style::readableWidth + 2 * Ui::Style::Space::three);
    EXPECT_NEAR(place.center().x(), view.viewport()->width() / 2, 2) << "centred";
    // A question is a bubble on the right, an answer on the left.
    const QRect question = placeOf(view.messageAt(0));
    QWidget* bubble = view.messageAt(0)->findChild<QWidget*>(QStringLiteral("questionBubble"));
    ASSERT_NE(bubble, nullptr);
    const int bubbleRight = bubble->mapTo(view.viewport(), QPoint(bubble->width(), 0)).x();
    EXPECT_NEAR(bubbleRight, question.right() + 1, 2) << "questions sit on the right";
    EXPECT_LT(bubble->width(), question.width() / 2) << "a short question makes a small bubble";
}

TEST_F(ChatScrollingTest, MessageActionsShowOnHoverAndKeyboardFocusAndAlwaysOnTheNewest) {
    view.setMessages(conversation(6));
    settle();
    Ui::MessageWidget* older = view.messageAt(1);
    EXPECT_FALSE(older->actionsShown());
    EXPECT_TRUE(last()->actionsShown()) << "the newest message shows its actions";
    QEnterEvent enter(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5));
    QApplication::sendEvent(older, &enter);
    EXPECT_TRUE(older->actionsShown());
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(older, &leave);
    EXPECT_FALSE(older->actionsShown());
    auto* copy = older->findChild<QToolButton*>(QStringLiteral("copyMessage"));
    ASSERT_NE(copy, nullptr);
    EXPECT_EQ(copy->focusPolicy(), Qt::TabFocus) << "reachable with the keyboard while hidden";
    copy->setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(waitUntil([&] { return older->actionsShown(); }, 1000));
}
