// The GUI side of provider failures and observability: images attached to messages, a conversation's fallback
// model, the response cache settings, and the provider health view.
#include "app/SettingsService.h"
#include "cache/ResponseCache.h"
#include "chat/AttachmentStrip.h"
#include "chat/Attachments.h"
#include "chat/Composer.h"
#include "chat/ConversationSettingsDialog.h"
#include "chat/ImageImport.h"
#include "chat/TitleService.h"
#include "health/ProviderHealthDialog.h"
#include "observability/HealthMonitor.h"
#include "settings/AddProviderDialog.h"
#include "settings/SettingsDialog.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/SettingsRepository.h"
#include "support/TestHelpers.h"
#include "ui/UiFixture.h"
#include "widgets/ErrorBanner.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera;
using namespace Tessera::Testing;

namespace {

QImage checkerboard(int side) {
    QImage picture(side, side, QImage::Format_RGB32);
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            picture.setPixel(x, y, ((x / 8 + y / 8) % 2) ? 0xff2060a0 : 0xffffffff);
        }
    }
    return picture;
}

QString writePng(const QTemporaryDir& dir, const QString& name, const QImage& picture) {
    const QString path = dir.filePath(name);
    EXPECT_TRUE(picture.save(path, "PNG"));
    return path;
}

Ui::MessageWidget* messageAt(Ui::MainWindow& window, int index) {
    return window.chatPanel()->chatView()->messageAt(index);
}

bool answered(Ui::MainWindow& window) {
    Ui::ChatView* view = window.chatPanel()->chatView();
    if (view->messageCount() == 0) {
        return false;
    }
    const Core::Message& last = view->messageAt(view->messageCount() - 1)->message();
    return last.role == Core::Role::Assistant && last.state != Core::MessageState::Streaming;
}

} // namespace

TEST_F(MainWindowTest, ImagesArePickedPastedShownSentAndStored) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    Ui::ChatPanel* panel = window.chatPanel();
    auto* strip = panel->attachments();
    EXPECT_TRUE(strip->isHidden()) << "nothing attached yet";

    dialogs.nextFiles = {writePng(dir, QStringLiteral("diagram.png"), checkerboard(64))};
    window.attachImages();
    ASSERT_EQ(strip->images().size(), 1U);
    EXPECT_FALSE(strip->isHidden());
    EXPECT_EQ(strip->images()[0].name, QStringLiteral("diagram.png"));

    QApplication::clipboard()->setImage(checkerboard(32));
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->paste();
    ASSERT_EQ(strip->images().size(), 2U) << "a pasted picture becomes an attachment, not text";
    EXPECT_EQ(strip->images()[1].mimeType, QStringLiteral("image/png"));
    EXPECT_TRUE(composer->toPlainText().isEmpty());

    // Removing one with its button.
    QTest::mouseClick(child<QToolButton>(strip, "attachment1"), Qt::LeftButton);
    ASSERT_EQ(strip->images().size(), 1U);

    composer->setPlainText(QStringLiteral("What does this diagram show?"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return answered(window); }));
    EXPECT_TRUE(strip->images().empty()) << "sent images leave the strip";
    EXPECT_TRUE(strip->isHidden());
    const QByteArray sent = server.requests().last().body;
    EXPECT_TRUE(sent.contains("data:image/png;base64,")) << sent.left(300).toStdString();
    Ui::MessageWidget* user = messageAt(window, 0);
    ASSERT_NE(user, nullptr);
    EXPECT_EQ(user->findChildren<QLabel*>(QStringLiteral("messageImage")).size(), 1);
    auto stored = services->store().messages.get(user->messageId());
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->images.size(), 1U);
    EXPECT_EQ(stored->images[0].name, QStringLiteral("diagram.png"));

    // Opened again: the branch is read without image bytes, and the message's widget reads its own.
    window.chatPanel()->showConversation(window.chatPanel()->conversationId());
    user = messageAt(window, 0);
    ASSERT_NE(user, nullptr);
    const QList<QLabel*> thumbnails = user->findChildren<QLabel*>(QStringLiteral("messageImage"));
    ASSERT_EQ(thumbnails.size(), 1);
    EXPECT_FALSE(thumbnails.first()->pixmap().isNull()) << "the picture is shown, not a placeholder";
    EXPECT_EQ(user->message().images.front().data, stored->images.front().data);
    EXPECT_TRUE(window.chatPanel()->chatView()->messages().front().images.front().data.isEmpty())
        << "the branch kept for the view holds no bytes";
}

TEST_F(MainWindowTest, AFileThatIsNeitherAnImageNorTextIsExplainedAndNotAttached) {
    addLoopbackProvider();
    Ui::MainWindow window(*services, dialogs);
    window.show();
    const QString path = dir.filePath(QStringLiteral("notes.png"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\x00\x01binary pretending to be a picture", 34)); // neither an image nor text
    file.close();
    dialogs.nextFiles = {path};
    window.attachImages();
    EXPECT_TRUE(window.chatPanel()->attachments()->images().empty());
    auto* banner = child<Ui::ErrorBanner>(&window, "errorBanner");
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("Error code: attachment.unsupported")))
        << banner->text().toStdString();
}

TEST_F(MainWindowTest, TooManyImagesAreRefusedWithAClearMessage) {
    Ui::MainWindow window(*services, dialogs);
    window.show();
    const QString path = writePng(dir, QStringLiteral("a.png"), checkerboard(16));
    dialogs.nextFiles = QStringList(Core::ImageLimits::maxPerMessage + 2, path);
    window.attachImages();
    EXPECT_EQ(window.chatPanel()->attachments()->images().size(), std::size_t(Core::ImageLimits::maxPerMessage));
    EXPECT_TRUE(
        child<Ui::ErrorBanner>(&window, "errorBanner")->text().contains(QStringLiteral("attachment.too_large")));
}

TEST(ImageImportTest, APictureTooLargeForTheLimitIsMadeSmallerUntilItFits) {
    // Noise does not compress: as PNG this is far beyond the limit.
    QImage noise(1800, 1800, QImage::Format_RGB32);
    auto* random = QRandomGenerator::global();
    for (int y = 0; y < noise.height(); ++y) {
        auto* line = reinterpret_cast<quint32*>(noise.scanLine(y));
        for (int x = 0; x < noise.width(); ++x) {
            line[x] = 0xff000000U | (random->generate() & 0xffffffU);
        }
    }
    auto image = Ui::imageFromPicture(noise, QStringLiteral("noise.png"));
    ASSERT_TRUE(image) << image.error().toLogString().toStdString();
    EXPECT_LE(image->data.size(), Core::ImageLimits::maxBytes);
    EXPECT_EQ(image->mimeType, QStringLiteral("image/jpeg"));
    EXPECT_EQ(image->name, QStringLiteral("noise.jpg"));
    EXPECT_TRUE(Core::validateImages({*image})) << "the result is a valid attachment";

    auto small = Ui::imageFromPicture(checkerboard(40));
    ASSERT_TRUE(small);
    EXPECT_EQ(small->mimeType, QStringLiteral("image/png")) << "small pictures stay lossless";
    EXPECT_FALSE(Ui::imageFromPicture(QImage()));
}

TEST_F(MainWindowTest, AConversationsFallbackModelIsSetInItsSettingsAndAnswersWhenTheMainModelFails) {
    addLoopbackProvider(QStringLiteral("main"));
    Core::ProviderConfig backup;
    backup.name = QStringLiteral("backup");
    backup.kind = Core::ProviderKind::Ollama;
    backup.baseUrl = server.rootUrl();
    backup.defaultModel = QStringLiteral("llama-test");
    ASSERT_TRUE(services->store().providers.add(backup));
    Ui::MainWindow window(*services, dialogs);
    window.show();
    Ui::ChatPanel* panel = window.chatPanel();
    auto* picker = child<QComboBox>(&window, "providerPicker");
    picker->setCurrentIndex(picker->findText(QStringLiteral("main")));
    ASSERT_EQ(picker->currentText(), QStringLiteral("main"));

    // A new conversation: the settings are kept until its first message.
    auto* dialog = qobject_cast<Ui::ConversationSettingsDialog*>(panel->openConversationSettings());
    ASSERT_NE(dialog, nullptr);
    child<QPlainTextEdit>(dialog, "systemPrompt")->setPlainText(QStringLiteral("Answer briefly."));
    EXPECT_EQ(child<QDoubleSpinBox>(dialog, "temperature")->text(), QStringLiteral("Provider default"));
    child<QDoubleSpinBox>(dialog, "temperature")->setValue(0.4);
    child<QSpinBox>(dialog, "maxTokens")->setValue(512);
    auto* fallbackProvider = child<QComboBox>(dialog, "fallbackProvider");
    fallbackProvider->setCurrentIndex(fallbackProvider->findText(QStringLiteral("backup")));
    EXPECT_EQ(child<QComboBox>(dialog, "fallbackModel")->currentText(), QStringLiteral("llama-test"));
    dialog->accept();
    auto* label = child<QLabel>(&window, "fallbackLabel");
    EXPECT_TRUE(label->text().contains(QStringLiteral("backup / llama-test"))) << label->text().toStdString();

    server.enqueue("/v1/chat/completions", Testing::FakeResponse::openAiError(401, QStringLiteral("bad key"),
                                                                              QStringLiteral("invalid_request_error")));
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("hello"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return answered(window); }));
    const Core::Message answer = messageAt(window, 1)->message();
    EXPECT_EQ(answer.state, Core::MessageState::Complete);
    EXPECT_TRUE(answer.viaFallback);
    EXPECT_EQ(answer.providerName, QStringLiteral("backup"));
    EXPECT_FALSE(child<Ui::ErrorBanner>(&window, "errorBanner")->isVisible());
    EXPECT_TRUE(
        child<QLabel>(messageAt(window, 1), "messageModel")->text().contains(QStringLiteral("(fallback: backup)")));

    auto conversation = services->store().conversations.get(*panel->conversationId());
    ASSERT_TRUE(conversation);
    EXPECT_EQ(conversation->systemPrompt, QStringLiteral("Answer briefly."));
    EXPECT_DOUBLE_EQ(conversation->temperature.value_or(-1), 0.4) << "a new conversation keeps its settings";
    EXPECT_EQ(conversation->maxTokens.value_or(-1), 512);
    EXPECT_TRUE(conversation->fallbackProviderId.has_value());

    // Clearing it for the stored conversation.
    dialog = qobject_cast<Ui::ConversationSettingsDialog*>(panel->openConversationSettings());
    EXPECT_EQ(child<QComboBox>(dialog, "fallbackProvider")->currentText(), QStringLiteral("backup"));
    child<QComboBox>(dialog, "fallbackProvider")->setCurrentIndex(0);
    dialog->accept();
    EXPECT_FALSE(services->store().conversations.get(*panel->conversationId())->fallbackProviderId.has_value());
    EXPECT_TRUE(label->isHidden());
}

TEST_F(MainWindowTest, AFallbackProviderWithoutAModelIsExplainedInTheDialog) {
    Core::ProviderConfig bare;
    bare.name = QStringLiteral("bare");
    bare.baseUrl = server.baseUrl();
    ASSERT_TRUE(services->store().providers.add(bare));
    Ui::ConversationSettingsDialog dialog({}, *services->store().providers.list());
    auto* provider = child<QComboBox>(&dialog, "fallbackProvider");
    provider->setCurrentIndex(provider->findText(QStringLiteral("bare")));
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected) << "the dialog stays open";
    EXPECT_FALSE(child<QLabel>(&dialog, "conversationSettingsError")->isHidden());
}

TEST_F(MainWindowTest, SettingsChooseAPostgresqlStoreAndKeepItsPasswordInTheKeychain) {
    Ui::SettingsDialog dialog(*services, Core::Actor::owner(Core::ClientKind::Test), Ui::UiSettings{});
    dialog.show();
    EXPECT_TRUE(child<QLabel>(&dialog, "databaseInUse")->text().endsWith(QStringLiteral("tessera.sqlite3")));
    auto* url = child<QLineEdit>(&dialog, "databaseUrl");
    auto* password = child<QLineEdit>(&dialog, "databasePassword");
    EXPECT_FALSE(password->isEnabled()) << "a SQLite store has no password";

    url->setText(QStringLiteral("postgresql://team:secret@db.example:5432/tessera"));
    dialog.accept();
    EXPECT_NE(dialog.result(), QDialog::Accepted) << "a password in the URL is refused";
    EXPECT_FALSE(child<QLabel>(&dialog, "settingsError")->isHidden());
    EXPECT_FALSE(child<QLabel>(&dialog, "settingsError")->text().contains(QStringLiteral("secret")));

    url->setText(QStringLiteral("postgresql://team@db.example:5432/tessera"));
    ASSERT_TRUE(password->isEnabled());
    password->setText(QStringLiteral("s3cret-pw"));
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.settings().databaseUrl, QStringLiteral("postgresql://team@db.example:5432/tessera"));
    EXPECT_TRUE(secrets.contains(QStringLiteral("database/postgresql://team@db.example:5432/tessera")))
        << "the password went to the keychain, not to the settings";
    EXPECT_TRUE(password->text().isEmpty());
}

TEST_F(MainWindowTest, CacheSettingsAreSavedAndTheCacheCanBeCleared) {
    addLoopbackProvider();
    Ui::SettingsDialog dialog(*services, Core::Actor::owner(Core::ClientKind::Test), Ui::UiSettings{});
    EXPECT_FALSE(child<QCheckBox>(&dialog, "cacheChat")->isChecked()) << "off for chat by default";
    EXPECT_TRUE(child<QCheckBox>(&dialog, "cacheBatch")->isChecked()) << "on for batch work by default";
    child<QCheckBox>(&dialog, "cacheChat")->setChecked(true);
    child<QSpinBox>(&dialog, "cacheHours")->setValue(2);
    dialog.accept();
    const Core::CacheSettings saved = Core::CacheSettings::load(services->store().settings);
    EXPECT_TRUE(saved.interactive);
    EXPECT_EQ(saved.ttlSeconds, 2 * 3600);

    // With the cache on, the same question is answered from it.
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    for (int i = 0; i < 2; ++i) {
        window.newConversation();
        composer->setPlainText(QStringLiteral("same question"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
        ASSERT_TRUE(waitUntil([&] { return answered(window); }));
    }
    EXPECT_TRUE(messageAt(window, 1)->message().cacheHit);
    EXPECT_TRUE(
        child<QLabel>(messageAt(window, 1), "messageFooter")->text().contains(QStringLiteral("from the cache")));

    Ui::SettingsDialog again(*services, Core::Actor::owner(Core::ClientKind::Test), Ui::UiSettings{});
    EXPECT_TRUE(child<QCheckBox>(&again, "cacheChat")->isChecked());
    EXPECT_TRUE(child<QLabel>(&again, "cacheStats")->text().startsWith(QStringLiteral("1 stored answer")))
        << child<QLabel>(&again, "cacheStats")->text().toStdString();
    auto* clear = child<QPushButton>(&again, "clearCache");
    ASSERT_TRUE(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    EXPECT_EQ(services->settings().cacheStats(Core::Actor::owner(Core::ClientKind::Test))->entries, 0);
    EXPECT_FALSE(clear->isEnabled());
}

TEST_F(MainWindowTest, HealthViewShowsEachProviderItsBreakerAndTraffic) {
    addLoopbackProvider(QStringLiteral("good"));
    Core::ProviderConfig gone;
    gone.name = QStringLiteral("gone");
    gone.kind = Core::ProviderKind::Ollama;
    gone.baseUrl = QStringLiteral("http://127.0.0.1:9");
    gone.defaultModel = QStringLiteral("llama");
    ASSERT_TRUE(services->store().providers.add(gone));
    Ui::MainWindow window(*services, dialogs);
    window.show();

    // Some traffic first, so there is something to count.
    auto* picker = child<QComboBox>(&window, "providerPicker");
    picker->setCurrentIndex(picker->findText(QStringLiteral("good")));
    ASSERT_EQ(picker->currentText(), QStringLiteral("good"));
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("[[500-once]] count me"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return answered(window); }));

    auto* dialog = qobject_cast<Ui::ProviderHealthDialog*>(window.openProviderHealth());
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(window.openProviderHealth(), dialog) << "one health view at a time";
    ASSERT_TRUE(waitUntil([&] { return window.healthMonitor().lastCheckedAt().isValid(); }, 20'000));
    QTreeWidget* health = dialog->healthTable();
    ASSERT_EQ(health->topLevelItemCount(), 2);
    // Rows in the providers' order (by name).
    QTreeWidgetItem* bad = health->topLevelItem(0);
    QTreeWidgetItem* good = health->topLevelItem(1);
    ASSERT_EQ(good->text(0), QStringLiteral("good"));
    EXPECT_TRUE(good->text(1).startsWith(QStringLiteral("Healthy"))) << good->text(1).toStdString();
    EXPECT_TRUE(good->text(4).contains(QStringLiteral("gpt-test: closed"))) << good->text(4).toStdString();
    EXPECT_TRUE(bad->text(1).startsWith(QStringLiteral("Unhealthy"))) << bad->text(1).toStdString();
    EXPECT_TRUE(bad->text(6).contains(QStringLiteral("network.unreachable"))) << bad->text(6).toStdString();
    EXPECT_TRUE(good->text(6).contains(QStringLiteral("provider.unavailable")))
        << "the last error stays visible after a retry succeeded: " << good->text(6).toStdString();
    EXPECT_TRUE(child<QToolButton>(&window, "healthSummary")->text().contains(QStringLiteral("1 provider unhealthy")));

    QTreeWidget* traffic = dialog->trafficTable();
    ASSERT_EQ(traffic->topLevelItemCount(), 2);
    QTreeWidgetItem* goodTraffic = traffic->topLevelItem(1);
    EXPECT_EQ(goodTraffic->text(1), QStringLiteral("2")) << "requests, the retry included";
    EXPECT_EQ(goodTraffic->text(2), QStringLiteral("1")) << "failures";
    EXPECT_EQ(goodTraffic->text(3), QStringLiteral("1")) << "retries";
    EXPECT_EQ(traffic->topLevelItem(0)->text(1), QStringLiteral("0"));

    // An administrator stops a provider: the next check says so.
    Core::ProviderConfig stopped = *services->store().providers.findByName(QStringLiteral("good"));
    stopped.resilience.breaker.forcedOpen = true;
    ASSERT_TRUE(services->store().providers.update(stopped));
    const QDateTime before = window.healthMonitor().lastCheckedAt();
    QTest::mouseClick(child<QPushButton>(dialog, "checkNow"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil(
        [&] { return !window.healthMonitor().isChecking() && window.healthMonitor().lastCheckedAt() != before; },
        20'000));
    EXPECT_TRUE(health->topLevelItem(1)->text(1).startsWith(QStringLiteral("Unhealthy")));
    // Sending to it now fails at once and the banner names the provider and model.
    composer->setPlainText(QStringLiteral("anyone there?"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    auto* banner = child<Ui::ErrorBanner>(&window, "errorBanner");
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible(); }));
    EXPECT_TRUE(banner->text().contains(QStringLiteral("(good/gpt-test)"))) << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(QStringLiteral("Error code: provider.circuit_open")));
    EXPECT_TRUE(health->topLevelItem(1)->text(4).contains(QStringLiteral("stopped by an administrator")))
        << health->topLevelItem(1)->text(4).toStdString();
}

TEST_F(MainWindowTest, EveryResilienceSettingIsEditedInTheProviderDialogAndKept) {
    Core::ProviderConfig config;
    config.name = QStringLiteral("claude");
    config.kind = Core::ProviderKind::Anthropic;
    config.baseUrl = QStringLiteral("https://api.anthropic.com/v1");
    config.defaultModel = QStringLiteral("claude-test");
    auto added = services->store().providers.add(config);
    ASSERT_TRUE(added);

    Ui::AddProviderDialog edit(*services, Core::Actor::owner(Core::ClientKind::Test), *added);
    EXPECT_EQ(child<QComboBox>(&edit, "presetPicker")->currentData().toString(), QStringLiteral("anthropic"))
        << "the preset it matches is shown";
    EXPECT_EQ(child<QSpinBox>(&edit, "maxRetries")->value(), 2);
    EXPECT_EQ(child<QSpinBox>(&edit, "connectTimeout")->value(), 15);
    EXPECT_EQ(child<QSpinBox>(&edit, "idleTimeout")->value(), 120);
    EXPECT_EQ(child<QSpinBox>(&edit, "rateLimitWait")->value(), 30);
    EXPECT_EQ(child<QSpinBox>(&edit, "breakerPause")->value(), 30);
    child<QSpinBox>(&edit, "maxRetries")->setValue(4);
    child<QSpinBox>(&edit, "requestsPerMinute")->setValue(50);
    child<QSpinBox>(&edit, "tokensPerMinute")->setValue(40'000);
    child<QSpinBox>(&edit, "rateLimitWait")->setValue(10);
    child<QSpinBox>(&edit, "connectTimeout")->setValue(5);
    child<QSpinBox>(&edit, "firstTokenTimeout")->setValue(60);
    child<QSpinBox>(&edit, "idleTimeout")->setValue(0);
    child<QSpinBox>(&edit, "breakerPause")->setValue(90);
    child<QCheckBox>(&edit, "breakerForcedOpen")->setChecked(true);
    QTest::mouseClick(child<QPushButton>(&edit, "saveButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return edit.result() == QDialog::Accepted; }));

    const Core::ResilienceSettings saved = services->store().providers.findByName(QStringLiteral("claude"))->resilience;
    EXPECT_EQ(saved.retry.maxRetries, 4);
    EXPECT_EQ(saved.rateLimit.requestsPerMinute, 50);
    EXPECT_EQ(saved.rateLimit.tokensPerMinute, 40'000);
    EXPECT_EQ(saved.rateLimit.maxWaitMs, 10'000);
    EXPECT_EQ(saved.timeouts.connectMs, 5'000);
    EXPECT_EQ(saved.timeouts.firstTokenMs, 60'000);
    EXPECT_EQ(saved.timeouts.idleMs, 0) << "no limit";
    EXPECT_EQ(saved.breaker.openMs, 90'000);
    EXPECT_TRUE(saved.breaker.forcedOpen);

    Ui::AddProviderDialog again(*services, Core::Actor::owner(Core::ClientKind::Test),
                                *services->store().providers.findByName(QStringLiteral("claude")));
    EXPECT_EQ(child<QSpinBox>(&again, "breakerPause")->value(), 90);
    EXPECT_EQ(child<QSpinBox>(&again, "idleTimeout")->text(), QStringLiteral("no limit"));
    child<QCheckBox>(&again, "breakerEnabled")->setChecked(false);
    EXPECT_FALSE(child<QSpinBox>(&again, "breakerPause")->isEnabled()) << "no pause without the breaker";
}

TEST_F(MainWindowTest, TheFontSizeIsChosenInSettingsKeptAndApplied) {
    const QFont before = QApplication::font();
    Ui::SettingsDialog dialog(*services, Core::Actor::owner(Core::ClientKind::Test), Ui::UiSettings{});
    auto* size = child<QSpinBox>(&dialog, "fontSize");
    EXPECT_EQ(size->text(), QStringLiteral("System size"));
    size->setValue(15);
    EXPECT_EQ(dialog.settings().fontPointSize, 15);
    auto* autoTitle = child<QCheckBox>(&dialog, "autoTitle");
    EXPECT_FALSE(autoTitle->isChecked()) << "automatic titles are off until asked for";
    autoTitle->setChecked(true);
    dialog.accept();
    EXPECT_TRUE(services->titles().enabled(Core::Actor::owner(Core::ClientKind::Gui)));
    dialog.settings().save();
    EXPECT_EQ(Ui::UiSettings::load().fontPointSize, 15);
    Ui::applyFontSize(*qApp, 15);
    EXPECT_EQ(QApplication::font().pointSize(), 15);
    Ui::applyFontSize(*qApp, 0);
    EXPECT_EQ(QApplication::font().pointSize(), before.pointSize()) << "back to the system's size";
    Ui::UiSettings reset = Ui::UiSettings::load();
    reset.fontPointSize = 0;
    reset.save();
}

TEST_F(MainWindowTest, TheStatusBarAndTheHealthViewFollowFailuresInRealTrafficAtOnce) {
    addLoopbackProvider(QStringLiteral("flaky"));
    Ui::MainWindow window(*services, dialogs);
    window.show();
    window.healthMonitor().checkNow();
    ASSERT_TRUE(waitUntil([&] { return window.healthMonitor().lastCheckedAt().isValid(); }, 20'000));
    auto* summary = child<QToolButton>(&window, "healthSummary");
    EXPECT_EQ(summary->text(), QStringLiteral("All providers healthy"));
    auto* dialog = qobject_cast<Ui::ProviderHealthDialog*>(window.openProviderHealth());
    ASSERT_NE(dialog, nullptr);
    const QDateTime checked = window.healthMonitor().lastCheckedAt();

    // Every attempt fails (the first request and its retries): no new check is needed to say so.
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("[[500]] fail please"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return child<Ui::ErrorBanner>(&window, "errorBanner")->isVisible(); }));
    EXPECT_EQ(summary->text(), QStringLiteral("1 provider unhealthy")) << summary->text().toStdString();
    EXPECT_EQ(window.healthMonitor().lastCheckedAt(), checked) << "from the traffic, not from a new check";
    QTreeWidgetItem* row = dialog->healthTable()->topLevelItem(0);
    ASSERT_NE(row, nullptr);
    EXPECT_TRUE(row->text(1).startsWith(QStringLiteral("Unhealthy"))) << "the open health view updated itself";
    EXPECT_FALSE(row->text(6).contains(QStringLiteral("none"))) << "the last error is shown";

    // The next answer succeeds: healthy again, at once.
    composer->setPlainText(QStringLiteral("all good now"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return summary->text() == QStringLiteral("All providers healthy"); }))
        << summary->text().toStdString();
}
