// Search across conversations in the GUI: the result model (checked by QAbstractItemModelTester, paging with
// fetchMore) and Ctrl+K, which opens the conversation at the chosen message.
#include "chat/ChatView.h"
#include "chat/MessageWidget.h"
#include "models/ConversationListModel.h"
#include "models/SearchResultModel.h"
#include "search/SearchDialog.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/SearchRepository.h"
#include "support/TestHelpers.h"
#include "ui/UiFixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTest>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera;
using namespace Tessera::Testing;

namespace {

qint64 addConversation(Core::CoreServices& services, const QString& title, const QStringList& texts) {
    const qint64 id = services.store().conversations.create(title, std::nullopt, {}, {})->id;
    bool user = true;
    std::optional<qint64> parent;
    for (const QString& text : texts) {
        Core::Message message;
        message.conversationId = id;
        message.parentId = parent;
        message.role = user ? Core::Role::User : Core::Role::Assistant;
        message.content = text;
        auto added = services.store().messages.add(message);
        EXPECT_TRUE(added);
        parent = added ? std::optional(added->id) : std::nullopt;
        user = !user;
    }
    return id;
}

} // namespace

TEST_F(MainWindowTest, SearchResultModelPagesAndPassesTheModelTester) {
    QStringList texts;
    for (int i = 0; i < 120; ++i) {
        texts << QStringLiteral("needle <%1> & more").arg(i);
    }
    addConversation(*services, QStringLiteral("haystack"), texts);
    Ui::SearchResultModel model(services->conversations(), Core::Actor::owner(Core::ClientKind::Test));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_FALSE(model.setQuery(QStringLiteral("needle")).has_value());
    EXPECT_EQ(model.rowCount(), Ui::SearchResultModel::pageSize);
    // Scrolling asks for more, one page at a time, until every match is there.
    ASSERT_TRUE(waitUntil([&] {
        if (model.canFetchMore({})) {
            model.fetchMore({});
            EXPECT_FALSE(model.canFetchMore({})) << "one page at a time";
        }
        return model.rowCount() == 120;
    }));
    EXPECT_FALSE(model.canFetchMore({}));
    const QString html = model.index(0).data(Ui::SearchResultModel::SnippetHtmlRole).toString();
    EXPECT_EQ(html, QStringLiteral("<b>needle</b> &lt;119&gt; &amp; more")) << html.toStdString();
    EXPECT_EQ(model.index(0).data(Ui::SearchResultModel::TitleRole).toString(), QStringLiteral("haystack"));
    EXPECT_FALSE(model.setQuery(QString()).has_value());
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(MainWindowTest, CtrlKFindsAMessageAndOpensItsConversationThere) {
    QStringList filler;
    for (int i = 0; i < 40; ++i) {
        filler << QStringLiteral("filler line %1").arg(i);
    }
    const qint64 target = addConversation(*services, QStringLiteral("Old notes"),
                                          filler + QStringList{QStringLiteral("the platypus lays eggs")} + filler);
    addConversation(*services, QStringLiteral("Newer chat"), {QStringLiteral("nothing to see")});
    Ui::MainWindow window(*services, dialogs);
    window.resize(900, 600);
    window.show();
    QApplication::setActiveWindow(&window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    EXPECT_NE(window.chatPanel()->conversationId(), target) << "the newest conversation is shown first";

    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    auto* dialog = window.findChild<Ui::SearchDialog*>();
    ASSERT_NE(dialog, nullptr) << "Ctrl+K opens search";
    QTest::keyClicks(dialog->queryEdit(), QStringLiteral("platyp"));
    ASSERT_TRUE(waitUntil([&] { return dialog->model()->rowCount() == 1; }));
    EXPECT_TRUE(child<QLabel>(dialog, "searchStatus")->text().contains(QStringLiteral("1 matching message")));
    QTest::keyClick(dialog->queryEdit(), Qt::Key_Return);

    ASSERT_EQ(window.chatPanel()->conversationId(), target);
    EXPECT_EQ(window.conversationModel()->idAt(window.conversationList()->currentIndex().row()), target);
    Ui::ChatView* view = window.chatPanel()->chatView();
    Ui::MessageWidget* found = nullptr;
    for (int i = 0; i < view->messageCount(); ++i) {
        if (view->messageAt(i)->bodyText() == QStringLiteral("the platypus lays eggs")) {
            found = view->messageAt(i);
        }
    }
    ASSERT_NE(found, nullptr);
    EXPECT_TRUE(found->isHighlighted());
    ASSERT_TRUE(waitUntil([&] {
        const QRect visible(QPoint(0, 0), view->viewport()->size());
        return visible.intersects(QRect(found->mapTo(view->viewport(), QPoint(0, 0)), found->size()));
    })) << "the message is scrolled into view";

    // No match: said so, and Enter does nothing.
    auto* again = qobject_cast<Ui::SearchDialog*>(window.openSearch());
    again->queryEdit()->setText(QStringLiteral("zebra"));
    again->searchNow();
    EXPECT_EQ(child<QLabel>(again, "searchStatus")->text(), QStringLiteral("No messages match."));
    QTest::keyClick(again->queryEdit(), Qt::Key_Return);
    EXPECT_TRUE(again->isVisible());
}
