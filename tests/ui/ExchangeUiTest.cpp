// Export and import from the File menu: the conversation shown to Markdown or JSON, all of them, and imports
// that add conversations or explain why a file was refused.
#include "chat/AttachmentStrip.h"
#include "chat/Composer.h"
#include "exchange/ImportJobs.h"
#include "models/ConversationListModel.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "support/TestHelpers.h"
#include "ui/UiFixture.h"
#include "widgets/ErrorBanner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QStatusBar>
#include <QTest>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera;
using namespace Tessera::Testing;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST_F(MainWindowTest, ExportTheConversationShownAndImportItBack) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("worth keeping"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] {
        auto messages =
            services->store().messages.listForConversation(window.chatPanel()->conversationId().value_or(0));
        return messages && messages->size() == 2 && messages->back().state == Core::MessageState::Complete;
    }));

    dialogs.nextSavePath = dir.filePath(QStringLiteral("kept.md"));
    window.exportCurrentConversation();
    EXPECT_TRUE(readAll(dialogs.nextSavePath).startsWith("# worth keeping\n"));

    dialogs.nextSavePath = dir.filePath(QStringLiteral("kept.md"));
    dialogs.nextSaveFilter = QStringLiteral("Tessera JSON, every version and image (*.json)");
    window.exportCurrentConversation();
    const QString json = dir.filePath(QStringLiteral("kept.json"));
    EXPECT_TRUE(readAll(json).contains("\"tessera-conversations\"")) << "the JSON filter gives a .json file";

    dialogs.nextFiles = {json};
    window.importConversations();
    EXPECT_EQ(window.conversationModel()->rowCount(), 2);
    EXPECT_TRUE(dialogs.errors.isEmpty());

    // A file that is not an export: explained, nothing added.
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    {
        QFile file(bad);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("{\"hello\": ");
    }
    dialogs.nextFiles = {bad};
    window.importConversations();
    ASSERT_EQ(dialogs.errors.size(), 1);
    EXPECT_TRUE(dialogs.errors.first().contains(QStringLiteral("bad.json was not imported")));
    EXPECT_TRUE(dialogs.errors.first().contains(QStringLiteral("[import.invalid]")));
    EXPECT_EQ(window.conversationModel()->rowCount(), 2);

    // As a PDF.
    dialogs.nextSavePath = dir.filePath(QStringLiteral("kept.md"));
    dialogs.nextSaveFilter = QStringLiteral("PDF (*.pdf)");
    window.exportCurrentConversation();
    EXPECT_TRUE(readAll(dir.filePath(QStringLiteral("kept.pdf"))).startsWith("%PDF-"));

    // Everything at once, as a background job: written whole when it ends, its parts gone.
    dialogs.nextSavePath = dir.filePath(QStringLiteral("all.md"));
    dialogs.nextSaveFilter.clear();
    window.exportAllConversations();
    ASSERT_TRUE(waitUntil([&] { return QFile::exists(dialogs.nextSavePath); }));
    EXPECT_EQ(readAll(dialogs.nextSavePath).count("# worth keeping"), 2);
    dialogs.nextSavePath = dir.filePath(QStringLiteral("all.json"));
    window.exportAllConversations();
    ASSERT_TRUE(waitUntil([&] { return QFile::exists(dialogs.nextSavePath); }));
    const QJsonObject all = QJsonDocument::fromJson(readAll(dialogs.nextSavePath)).object();
    EXPECT_EQ(all.value(QLatin1StringView("conversations")).toArray().size(), 2);
    EXPECT_TRUE(QDir(dir.path()).entryList({QStringLiteral(".*.part")}, QDir::Hidden | QDir::Files).isEmpty());

    // A large file is imported by a background job; its conversations join the list when it ends.
    const QString large = dir.filePath(QStringLiteral("large.json"));
    {
        QFile file(large);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(readAll(dialogs.nextSavePath));
        file.write(QByteArray(int(Core::ImportJobs::backgroundFromBytes), ' ')); // still one JSON document
    }
    const int before = window.conversationModel()->rowCount();
    dialogs.nextFiles = {large};
    window.importConversations();
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("in the background")))
        << window.statusBar()->currentMessage().toStdString();
    ASSERT_TRUE(waitUntil([&] { return window.conversationModel()->rowCount() == before + 2; }, 20'000));
}

TEST_F(MainWindowTest, TextFilesAreAttachedAsContextAndBinaryOnesRefused) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    const QString source = dir.filePath(QStringLiteral("util.py"));
    {
        QFile file(source);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("def add(a, b):\n    return a + b\n");
    }
    dialogs.nextFiles = {source};
    window.attachImages();
    auto* strip = window.chatPanel()->attachments();
    ASSERT_EQ(strip->files().size(), 1U);
    EXPECT_EQ(strip->files()[0].name, QStringLiteral("util.py"));

    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("Is this right?"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] {
        auto messages =
            services->store().messages.listForConversation(window.chatPanel()->conversationId().value_or(0));
        return messages && messages->size() == 2 && messages->back().state == Core::MessageState::Complete;
    }));
    const auto stored = services->store().messages.listForConversation(*window.chatPanel()->conversationId());
    EXPECT_EQ(stored->front().content,
              QStringLiteral("Is this right?\n\n**util.py**\n```py\ndef add(a, b):\n    return a + b\n```"));
    EXPECT_TRUE(strip->files().empty());

    const QString binary = dir.filePath(QStringLiteral("data.bin"));
    {
        QFile file(binary);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x01\x00\x02", 3));
    }
    dialogs.nextFiles = {binary};
    window.attachImages();
    EXPECT_TRUE(strip->files().empty());
    EXPECT_TRUE(
        child<Ui::ErrorBanner>(&window, "errorBanner")->text().contains(QStringLiteral("attachment.unsupported")));
}
