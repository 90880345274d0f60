// Tags from the window: the Tags dialog (File ▸ Tags…), the filter above the list, a new conversation started while
// filtering, and renaming or deleting the tag filtered by.
#include "chat/Composer.h"
#include "mainwindow/ConversationDelegate.h"
#include "models/ConversationListModel.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/TagRepository.h"
#include "support/TestHelpers.h"
#include "tags/TagsDialog.h"
#include "ui/UiFixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenuBar>
#include <QTest>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera;
using namespace Tessera::Testing;

namespace {

QStringList comboTexts(const QComboBox* combo) {
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i) {
        texts << combo->itemText(i);
    }
    return texts;
}

// Chooses an entry of the filter the way a user does (activated, not just the current index).
void chooseFilter(QComboBox* combo, const QString& text) {
    const int index = combo->findText(text);
    ASSERT_GE(index, 0) << text.toStdString();
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
}

} // namespace

TEST_F(MainWindowTest, TheTagsDialogTagsTheConversationShownAndTheFilterNarrowsTheList) {
    auto plans = services->store().conversations.create(QStringLiteral("release plans"), std::nullopt, QString());
    auto trip = services->store().conversations.create(QStringLiteral("a trip"), std::nullopt, QString());
    Ui::MainWindow window(*services, dialogs);
    window.show();
    QAbstractItemModelTester tester(window.conversationModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto* filter = child<QComboBox>(&window, "tagFilter");
    EXPECT_TRUE(filter->isHidden()) << "no tags yet";

    window.conversationList()->setCurrentIndex(window.conversationModel()->indexOfId(plans->id));
    auto* dialog = qobject_cast<Ui::TagsDialog*>(window.openTags());
    ASSERT_NE(dialog, nullptr);
    auto* line = child<QLineEdit>(dialog, "newTag");
    QTest::keyClicks(line, QStringLiteral("Work, #rust"));
    QTest::keyClick(line, Qt::Key_Return);
    EXPECT_TRUE(dialog->isVisible()) << "Return in the line adds, it does not close the dialog";
    EXPECT_EQ(dialog->tags(), QStringList({QStringLiteral("Work"), QStringLiteral("rust")}));
    EXPECT_TRUE(line->text().isEmpty());
    dialog->accept();
    EXPECT_EQ(services->store().tags.tagsOf(plans->id).value(),
              QStringList({QStringLiteral("rust"), QStringLiteral("Work")}));

    const QModelIndex row = window.conversationModel()->indexOfId(plans->id);
    EXPECT_EQ(row.data(Ui::ConversationListModel::TagsRole).toStringList(),
              QStringList({QStringLiteral("rust"), QStringLiteral("Work")}));
    EXPECT_EQ(row.data(Qt::AccessibleTextRole).toString(), QStringLiteral("release plans, tagged rust, Work"));
    EXPECT_TRUE(row.data(Qt::ToolTipRole).toString().endsWith(QStringLiteral("Tags: rust, Work")));
    EXPECT_EQ(Ui::ConversationDelegate::tagText(row.data(Ui::ConversationListModel::TagsRole).toStringList()),
              QStringLiteral("#rust #Work"));
    EXPECT_FALSE(filter->isHidden());
    EXPECT_EQ(comboTexts(filter), QStringList({QStringLiteral("All conversations"), QStringLiteral("rust (1)"),
                                               QStringLiteral("Work (1)")}));

    // The second conversation: the dialog offers the existing tags; checking one reuses it.
    window.conversationList()->setCurrentIndex(window.conversationModel()->indexOfId(trip->id));
    dialog = qobject_cast<Ui::TagsDialog*>(window.openTags());
    ASSERT_NE(dialog, nullptr);
    auto* list = child<QListWidget>(dialog, "tagList");
    ASSERT_EQ(list->count(), 2);
    EXPECT_EQ(list->item(0)->checkState(), Qt::Unchecked);
    list->item(1)->setCheckState(Qt::Checked);
    dialog->accept();
    EXPECT_EQ(services->store().tags.tagsOf(trip->id).value(), QStringList({QStringLiteral("Work")}));
    EXPECT_EQ(filter->itemText(2), QStringLiteral("Work (2)"));

    chooseFilter(filter, QStringLiteral("rust (1)"));
    EXPECT_EQ(window.tagFilter(), QStringLiteral("rust"));
    ASSERT_EQ(window.conversationModel()->rowCount(), 1);
    EXPECT_EQ(window.conversationModel()->idAt(0), plans->id);
    EXPECT_EQ(window.chatPanel()->conversationId(), plans->id) << "the first conversation of the tag is shown";
    EXPECT_EQ(window.conversationList()->accessibleName(), QStringLiteral("Conversations tagged rust"));
    chooseFilter(filter, QStringLiteral("All conversations"));
    EXPECT_EQ(window.conversationModel()->rowCount(), 2);
    EXPECT_EQ(window.chatPanel()->conversationId(), plans->id) << "the conversation shown stays shown";

    // The filter counts what the list can show: archived conversations count in the archived view.
    window.toggleArchived(); // plans
    EXPECT_EQ(comboTexts(filter), QStringList({QStringLiteral("All conversations"), QStringLiteral("Work (1)")}));
    window.setShowArchived(true);
    EXPECT_EQ(comboTexts(filter), QStringList({QStringLiteral("All conversations"), QStringLiteral("rust (1)"),
                                               QStringLiteral("Work (1)")}));
    window.toggleArchived(); // plans back in use
    window.setShowArchived(false);
    EXPECT_EQ(filter->itemText(2), QStringLiteral("Work (2)"));
    window.conversationList()->setCurrentIndex(window.conversationModel()->indexOfId(plans->id));

    // Unchecking every tag takes them off.
    window.conversationList()->setCurrentIndex(window.conversationModel()->indexOfId(trip->id));
    dialog = qobject_cast<Ui::TagsDialog*>(window.openTags());
    ASSERT_NE(dialog, nullptr);
    list = child<QListWidget>(dialog, "tagList");
    for (int i = 0; i < list->count(); ++i) {
        list->item(i)->setCheckState(Qt::Unchecked);
    }
    dialog->accept();
    EXPECT_TRUE(services->store().tags.tagsOf(trip->id)->isEmpty());
    EXPECT_EQ(filter->itemText(2), QStringLiteral("Work (1)"));
    EXPECT_TRUE(dialogs.errors.isEmpty()) << dialogs.errors.join(u'\n').toStdString();
}

TEST_F(MainWindowTest, BadTagNamesAndTooManyTagsAreExplainedAndNothingChanges) {
    auto conversation = services->store().conversations.create(QStringLiteral("c"), std::nullopt, QString());
    ASSERT_TRUE(services->store().tags.setTags(conversation->id, {QStringLiteral("kept")}));
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* dialog = qobject_cast<Ui::TagsDialog*>(window.openTags());
    ASSERT_NE(dialog, nullptr);
    auto* line = child<QLineEdit>(dialog, "newTag");
    auto* error = child<QLabel>(dialog, "tagsError");

    line->setText(QStringLiteral("fine, bell") + QChar(0x07));
    EXPECT_FALSE(dialog->addTypedTags());
    EXPECT_FALSE(error->isHidden());
    EXPECT_TRUE(error->text().contains(QStringLiteral("without commas or control characters")))
        << error->text().toStdString();
    EXPECT_EQ(dialog->tags(), QStringList({QStringLiteral("kept")})) << "nothing of the line was added";
    EXPECT_EQ(line->text(), QStringLiteral("fine, bell") + QChar(0x07)) << "what was typed stays to be fixed";

    line->setText(QString(Core::TagRepository::maxNameLength + 1, QLatin1Char('x')));
    dialog->accept();
    EXPECT_TRUE(dialog->isVisible()) << "a bad name typed but not added keeps the dialog open";
    EXPECT_FALSE(error->isHidden());

    line->clear();
    EXPECT_TRUE(error->isHidden()) << "typing again clears the message";
    QStringList many;
    for (int i = 0; i <= Core::TagRepository::maxTagsPerConversation; ++i) {
        many << QStringLiteral("t%1").arg(i);
    }
    line->setText(many.join(QStringLiteral(", ")));
    EXPECT_TRUE(dialog->addTypedTags());
    dialog->accept();
    EXPECT_TRUE(dialog->isVisible()) << "too many tags are refused";
    EXPECT_TRUE(error->text().contains(QStringLiteral("at most 20 tags"))) << error->text().toStdString();
    dialog->reject();
    EXPECT_EQ(services->store().tags.tagsOf(conversation->id).value(), QStringList({QStringLiteral("kept")}));
}

TEST_F(MainWindowTest, ANewConversationStartedWhileFilteringCarriesTheTagAndTheFilterIsRemembered) {
    addLoopbackProvider();
    auto tagged = services->store().conversations.create(QStringLiteral("tagged"), std::nullopt, QString());
    ASSERT_TRUE(services->store().conversations.create(QStringLiteral("other"), std::nullopt, QString()));
    ASSERT_TRUE(services->store().tags.setTags(tagged->id, {QStringLiteral("ideas")}));
    {
        Ui::MainWindow window(*services, dialogs);
        window.show();
        chooseFilter(child<QComboBox>(&window, "tagFilter"), QStringLiteral("ideas (1)"));
        window.newConversation();
        auto* composer = child<Ui::Composer>(&window, "composer");
        composer->setPlainText(QStringLiteral("a fresh idea"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
        ASSERT_TRUE(waitUntil([&] { return window.chatPanel()->conversationId().has_value(); }));
        const qint64 id = *window.chatPanel()->conversationId();
        EXPECT_EQ(services->store().tags.tagsOf(id).value(), QStringList({QStringLiteral("ideas")}));
        EXPECT_EQ(window.conversationModel()->rowCount(), 2) << "it shows up under the tag";
        EXPECT_EQ(window.conversationList()->currentIndex().data(Ui::ConversationListModel::IdRole).toLongLong(), id);
        ASSERT_TRUE(waitUntil([&] {
            auto messages = services->store().messages.listForConversation(id);
            return messages && messages->size() == 2 && messages->back().state == Core::MessageState::Complete;
        }));

        // Tags chosen for a new conversation before its first message.
        window.newConversation();
        auto* dialog = qobject_cast<Ui::TagsDialog*>(window.openTags());
        ASSERT_NE(dialog, nullptr);
        EXPECT_EQ(dialog->tags(), QStringList({QStringLiteral("ideas")}));
        child<QLineEdit>(dialog, "newTag")->setText(QStringLiteral("later"));
        dialog->accept();
        EXPECT_EQ(window.chatPanel()->newConversationTags(),
                  QStringList({QStringLiteral("ideas"), QStringLiteral("later")}));
        EXPECT_TRUE(services->store().tags.list()->size() == 1) << "stored only with the first message";
    }
    // The next start shows the same tag.
    Ui::MainWindow window(*services, dialogs);
    EXPECT_EQ(window.tagFilter(), QStringLiteral("ideas"));
    EXPECT_EQ(child<QComboBox>(&window, "tagFilter")->currentText(), QStringLiteral("ideas (2)"));
    EXPECT_EQ(window.conversationModel()->rowCount(), 2);
    EXPECT_EQ(window.conversationList()->accessibleName(), QStringLiteral("Conversations tagged ideas"));
}

TEST_F(MainWindowTest, TheTagFilteredByCanBeRenamedMergedAndDeleted) {
    auto a = services->store().conversations.create(QStringLiteral("a"), std::nullopt, QString());
    auto b = services->store().conversations.create(QStringLiteral("b"), std::nullopt, QString());
    ASSERT_TRUE(services->store().tags.setTags(a->id, {QStringLiteral("draft")}));
    ASSERT_TRUE(services->store().tags.setTags(b->id, {QStringLiteral("Final")}));
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* filter = child<QComboBox>(&window, "tagFilter");
    QAction* rename = nullptr;
    QAction* remove = nullptr;
    for (QAction* action : filter->actions()) {
        (action->text().contains(QStringLiteral("Rena")) ? rename : remove) = action;
    }
    ASSERT_NE(rename, nullptr);
    ASSERT_NE(remove, nullptr);
    EXPECT_FALSE(rename->isEnabled()) << "only while the list is filtered by a tag";

    chooseFilter(filter, QStringLiteral("draft (1)"));
    EXPECT_TRUE(rename->isEnabled());
    dialogs.nextText = QStringLiteral("a,b");
    rename->trigger();
    ASSERT_EQ(dialogs.errors.size(), 1);
    EXPECT_TRUE(dialogs.errors.first().contains(QStringLiteral("without commas")));
    EXPECT_EQ(services->store().tags.tagsOf(a->id).value(), QStringList({QStringLiteral("draft")}));

    dialogs.nextText = QStringLiteral("final");
    rename->trigger();
    EXPECT_EQ(services->store().tags.tagsOf(a->id).value(), QStringList({QStringLiteral("Final")})) << "merged";
    EXPECT_EQ(filter->currentText(), QStringLiteral("Final (2)"));
    EXPECT_EQ(window.conversationModel()->rowCount(), 2);

    dialogs.nextConfirm = false;
    remove->trigger();
    EXPECT_EQ(services->store().tags.list()->size(), 1U) << "not confirmed: kept";
    dialogs.nextConfirm = true;
    remove->trigger();
    EXPECT_TRUE(services->store().tags.list()->empty());
    EXPECT_TRUE(window.tagFilter().isEmpty());
    EXPECT_TRUE(filter->isHidden());
    EXPECT_EQ(window.conversationModel()->rowCount(), 2);
    EXPECT_EQ(dialogs.errors.size(), 1);
}

TEST_F(MainWindowTest, TheTagsDialogAndTheFilterHaveAccessibleNames) {
    auto conversation = services->store().conversations.create(QStringLiteral("c"), std::nullopt, QString());
    ASSERT_TRUE(services->store().tags.setTags(conversation->id, {QStringLiteral("x")}));
    Ui::MainWindow window(*services, dialogs);
    window.show();
    EXPECT_EQ(child<QComboBox>(&window, "tagFilter")->accessibleName(), QStringLiteral("Filter by tag"));
    QDialog* dialog = window.openTags();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(child<QListWidget>(dialog, "tagList")->accessibleName(), QStringLiteral("Tags"));
    EXPECT_EQ(child<QLineEdit>(dialog, "newTag")->accessibleName(), QStringLiteral("New tag"));
    // Reachable from the menus with a shortcut, so the shortcuts dialog lists it.
    bool found = false;
    for (QAction* menu : window.menuBar()->actions()) {
        for (QAction* action : menu->menu()->actions()) {
            found = found || action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(MainWindowTest, TaggedRowsShowTheirTagsAfterTheTitle) {
    auto conversation = services->store().conversations.create(QStringLiteral("short"), std::nullopt, QString());
    Ui::MainWindow window(*services, dialogs);
    window.resize(900, 500);
    window.show();
    QListView* list = window.conversationList();
    list->doItemsLayout();
    const QRect row = list->visualRect(window.conversationModel()->index(0));
    // The right half of the row, where the tags go; the title is short and stays on the left.
    const auto rightHalf = [&] {
        list->doItemsLayout(); // laid out now rather than at the next event loop turn
        return list->viewport()->grab(QRect(row.center().x(), row.top(), row.width() / 2, row.height())).toImage();
    };
    list->selectionModel()->clear(); // as after the refresh below: both pictures unselected
    const QImage untagged = rightHalf();
    ASSERT_TRUE(services->store().tags.setTags(conversation->id, {QStringLiteral("alpha"), QStringLiteral("beta")}));
    window.conversationModel()->refresh();
    const QImage tagged = rightHalf();
    EXPECT_NE(tagged, untagged) << "the tags are drawn";
    list->setLayoutDirection(Qt::RightToLeft);
    EXPECT_NE(rightHalf(), tagged) << "right to left, the tags move to the left";
}
