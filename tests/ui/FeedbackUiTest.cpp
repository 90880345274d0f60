// Feedback on answers in the GUI: the thumbs under an answer rate it (the same thumb again takes it back), a bad
// rating asks what was wrong in a dialog with the administrators' tags and a comment, the rating shows on the
// message and is stored through core; Message ▸ Rate acts on the newest answer from the keyboard. File ▸ Export
// Fine-Tuning Data writes the rated conversations.
#include "admin/AdministrationWindow.h"
#include "admin/FeedbackTagsPage.h"
#include "chat/ChatPanel.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/FeedbackDialog.h"
#include "chat/MessageWidget.h"
#include "prompts/Feedback.h"
#include "prompts/FineTuneDialog.h"
#include "prompts/FineTuneSubmitDialog.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "support/TestHelpers.h"
#include "ui/UiFixture.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera;
using namespace Tessera::Testing;

namespace {

Ui::MessageWidget* answerOf(Ui::MainWindow& window) {
    Ui::ChatView* view = window.chatPanel()->chatView();
    const int count = view->messageCount();
    if (count == 0) {
        return nullptr;
    }
    Ui::MessageWidget* last = view->messageAt(count - 1);
    return last->message().role == Core::Role::Assistant && last->message().state != Core::MessageState::Streaming
               ? last
               : nullptr;
}

std::optional<Core::Feedback> stored(Core::CoreServices& services, qint64 id) {
    auto read = services.feedback().get(Core::Actor::owner(Core::ClientKind::Test), id);
    return read ? *read : std::nullopt;
}

Ui::FeedbackDialog* openDialog(QWidget& window) {
    Ui::FeedbackDialog* found = nullptr;
    waitUntil(
        [&] {
            found = window.findChild<Ui::FeedbackDialog*>(QStringLiteral("feedbackDialog"));
            return found != nullptr && found->isVisible();
        },
        2000);
    return found;
}

} // namespace

TEST_F(MainWindowTest, AnswersAreRatedWithThumbsTagsAndACommentAndTheRatingShows) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.resize(1000, 700);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("a question"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return answerOf(window) != nullptr; }));
    Ui::MessageWidget* answer = answerOf(window);
    const qint64 id = answer->messageId();
    auto* up = answer->findChild<QToolButton*>(QStringLiteral("rateUp"));
    auto* down = answer->findChild<QToolButton*>(QStringLiteral("rateDown"));
    ASSERT_NE(up, nullptr);
    ASSERT_NE(down, nullptr);
    EXPECT_EQ(window.chatPanel()->chatView()->messageAt(0)->findChild<QToolButton*>(QStringLiteral("rateUp")), nullptr)
        << "questions are not rated";

    // Thumbs up: stored and shown; pressed again, taken back.
    QTest::mouseClick(up, Qt::LeftButton);
    ASSERT_TRUE(stored(*services, id));
    EXPECT_TRUE(stored(*services, id)->positive);
    EXPECT_TRUE(up->isChecked());
    auto* facts = answer->findChild<QLabel*>(QStringLiteral("messageFooter"));
    EXPECT_TRUE(facts->text().contains(QStringLiteral("rated good"))) << facts->text().toStdString();
    QTest::mouseClick(up, Qt::LeftButton);
    EXPECT_FALSE(stored(*services, id)) << "the same thumb again takes the rating back";
    EXPECT_FALSE(up->isChecked());
    EXPECT_FALSE(facts->text().contains(QStringLiteral("rated")));

    // Thumbs down: stored at once, then the dialog asks what was wrong.
    QTest::mouseClick(down, Qt::LeftButton);
    ASSERT_TRUE(stored(*services, id));
    EXPECT_FALSE(stored(*services, id)->positive);
    Ui::FeedbackDialog* dialog = openDialog(window);
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->findChild<QRadioButton*>(QStringLiteral("feedbackBad"))->isChecked());
    const auto boxes = dialog->findChildren<QCheckBox*>(QStringLiteral("feedbackTag"));
    ASSERT_EQ(boxes.size(), 6) << "the default tags";
    for (QCheckBox* box : boxes) {
        if (box->property("tag").toString() == QLatin1StringView("too long")) {
            box->setChecked(true);
        }
    }
    dialog->findChild<QPlainTextEdit*>(QStringLiteral("feedbackComment"))->setPlainText(QStringLiteral("rambles"));
    // A comment over the limit is refused in the dialog, which stays open.
    dialog->findChild<QPlainTextEdit*>(QStringLiteral("feedbackComment"))
        ->setPlainText(QString(Ui::FeedbackDialog::maxCommentLength + 1, QLatin1Char('x')));
    dialog->accept();
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->findChild<QLabel*>(QStringLiteral("feedbackError"))->isHidden());
    dialog->findChild<QPlainTextEdit*>(QStringLiteral("feedbackComment"))->setPlainText(QStringLiteral("rambles"));
    dialog->accept();
    ASSERT_TRUE(waitUntil([&] { return stored(*services, id) && !stored(*services, id)->tags.isEmpty(); }));
    EXPECT_EQ(stored(*services, id)->tags, QStringList{QStringLiteral("too long")});
    EXPECT_EQ(stored(*services, id)->comment, QStringLiteral("rambles"));
    EXPECT_TRUE(down->isChecked());
    EXPECT_TRUE(facts->text().contains(QStringLiteral("rated bad: too long"))) << facts->text().toStdString();
    EXPECT_TRUE(facts->text().contains(QStringLiteral("rambles")));

    // The rating is read back with the conversation.
    window.chatPanel()->showConversation(window.chatPanel()->conversationId());
    ASSERT_TRUE(answerOf(window));
    EXPECT_TRUE(answerOf(window)->findChild<QToolButton*>(QStringLiteral("rateDown"))->isChecked());

    // From the keyboard: Message ▸ Rate Answer Good (Ctrl+Shift+Up) with the focus in the composer.
    composer->setFocus();
    QTest::keyClick(composer, Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(waitUntil([&] { return stored(*services, id) && stored(*services, id)->positive; }));
    EXPECT_EQ(stored(*services, id)->tags, QStringList{QStringLiteral("too long")}) << "what was said is kept";

    // Answer Feedback… (Ctrl+Shift+B) opens the dialog; Remove Rating takes it back.
    child<QAction>(&window, "feedbackLast")->trigger();
    dialog = openDialog(window);
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->findChild<QRadioButton*>(QStringLiteral("feedbackGood"))->isChecked());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("feedbackRemove")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return !stored(*services, id); }));
    EXPECT_FALSE(answerOf(window)->findChild<QToolButton*>(QStringLiteral("rateDown"))->isChecked());
}

TEST_F(MainWindowTest, FineTuningDataIsExportedFromTheFileMenu) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("a question worth learning"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return answerOf(window) != nullptr; }));
    window.chatPanel()->rateLast(true);
    ASSERT_TRUE(stored(*services, answerOf(window)->messageId()));

    child<QAction>(&window, "exportFineTuning")->trigger();
    auto* dialog = window.findChild<Ui::FineTuneDialog*>(QStringLiteral("fineTuneDialog"));
    ASSERT_NE(dialog, nullptr);
    QTemporaryDir out;
    dialogs.nextSavePath = out.filePath(QStringLiteral("train.jsonl"));
    ASSERT_TRUE(dialog->exportTo());
    EXPECT_TRUE(dialog->resultText().contains(QStringLiteral("Wrote 1 example"))) << dialog->resultText().toStdString();
    EXPECT_TRUE(dialog->resultText().contains(QStringLiteral("at least 10 examples")));
    QFile file(dialogs.nextSavePath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.readAll().contains("a question worth learning"));

    EXPECT_FALSE(dialog->startJobButton()->isHidden()) << "the file written can be fine-tuned on at once";

    // Only conversations answered by another model: none.
    dialog->modelField()->setText(QStringLiteral("no-such-model"));
    ASSERT_TRUE(dialog->exportTo());
    EXPECT_TRUE(dialog->resultText().contains(QStringLiteral("Wrote 0 examples")));
    EXPECT_TRUE(dialog->startJobButton()->isHidden());
    dialogs.nextSavePath = QStringLiteral("/no/such/folder/train.jsonl");
    EXPECT_FALSE(dialog->exportTo());
    EXPECT_FALSE(dialogs.errors.isEmpty());

    // Start Fine-Tuning Job hands the file written to its dialog.
    dialogs.nextSavePath = out.filePath(QStringLiteral("again.jsonl"));
    dialog->modelField()->clear();
    ASSERT_TRUE(dialog->exportTo());
    dialog->startJobButton()->click();
    auto* submit = window.findChild<Ui::FineTuneSubmitDialog*>(QStringLiteral("fineTuneSubmitDialog"));
    ASSERT_NE(submit, nullptr);
    EXPECT_EQ(submit->fileField()->text(), QDir::toNativeSeparators(dialogs.nextSavePath));
}

TEST_F(MainWindowTest, AdministratorsEditTheFeedbackTagsAndAnswersKeepTheTagsTheyWereGiven) {
    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Test);
    Core::Message question;
    question.content = QStringLiteral("q");
    const qint64 answered = storedAnswer(question, QStringLiteral("a"));
    ASSERT_NE(answered, 0);
    ASSERT_TRUE(services->feedback().set(owner, answered, true, {QStringLiteral("great")}, {}));

    Ui::AdministrationWindow administration(*services, owner, dialogs);
    Ui::FeedbackTagsPage* page = administration.feedbackTagsPage();
    ASSERT_NE(page, nullptr);
    const QStringList defaults = *services->feedback().tags();
    ASSERT_EQ(page->list()->count(), 6);
    EXPECT_EQ(page->tags(), defaults);

    page->newTagField()->setText(QStringLiteral("Outdated "));
    ASSERT_TRUE(page->addTyped());
    EXPECT_EQ(services->feedback().tags()->last(), QStringLiteral("outdated")) << "stored through core, lower case";
    EXPECT_TRUE(page->newTagField()->text().isEmpty());
    page->list()->item(6)->setText(QStringLiteral("stale")); // renamed in place
    EXPECT_EQ(services->feedback().tags()->value(6), QStringLiteral("stale"));
    page->list()->setCurrentRow(6);
    ASSERT_TRUE(page->moveChosen(-1));
    EXPECT_EQ(services->feedback().tags()->value(5), QStringLiteral("stale"));
    EXPECT_EQ(page->list()->currentRow(), 5) << "the moved tag stays chosen";
    EXPECT_FALSE(page->moveChosen(-10));

    page->newTagField()->setText(QStringLiteral("a,b"));
    EXPECT_FALSE(page->addTyped()) << "core refuses a comma";
    ASSERT_EQ(dialogs.errors.size(), 1);
    EXPECT_TRUE(dialogs.errors.first().contains(QStringLiteral("comma"))) << dialogs.errors.first().toStdString();
    EXPECT_EQ(page->list()->count(), 7) << "nothing changed";

    // Removing a tag leaves it on the answers that have it.
    page->list()->setCurrentRow(int(page->tags().indexOf(QStringLiteral("great"))));
    ASSERT_TRUE(page->removeChosen());
    EXPECT_FALSE(services->feedback().tags()->contains(QStringLiteral("great")));
    auto kept = services->feedback().get(owner, answered);
    ASSERT_TRUE(kept && *kept);
    EXPECT_EQ((*kept)->tags, QStringList{QStringLiteral("great")});

    dialogs.nextConfirm = true;
    ASSERT_TRUE(page->restoreDefaults());
    EXPECT_EQ(*services->feedback().tags(), defaults);
    EXPECT_EQ(dialogs.confirmations.size(), 1);

    // Only those who may manage roles see the section; core refuses the rest.
    const Core::Actor manager =
        Core::Actor::withRole(8, QStringLiteral("m"), Core::BuiltInRole::Manager, Core::ClientKind::Gui);
    ASSERT_FALSE(manager.may(Core::Permission::RolesManage));
    Ui::AdministrationWindow managerWindow(*services, manager, dialogs);
    EXPECT_EQ(managerWindow.feedbackTagsPage(), nullptr);
    EXPECT_FALSE(services->feedback().setTags(manager, {QStringLiteral("x")}));
}
