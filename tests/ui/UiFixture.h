#pragma once

// The fixture the widget tests share: a core over a fresh data directory, an in-memory secret store, a loopback
// provider server, and dialogs the test answers.
#include "app/CoreServices.h"
#include "chat/ChatPanel.h"
#include "chat/ChatView.h"
#include "chat/MessageWidget.h"
#include "mainwindow/MainWindow.h"
#include "secrets/MemorySecretStore.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"
#include "support/FakeProviderServer.h"
#include "widgets/Dialogs.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace Tessera::Testing {

// Answers the UI's questions the way a test says.
class ScriptedDialogs final : public Ui::Dialogs {
public:
    std::optional<QString> nextText;
    bool nextConfirm = true;
    QStringList errors;
    std::optional<QString> askText(QWidget*, const QString&, const QString&, const QString&) override {
        return nextText;
    }
    QStringList confirmations; // the text of each question asked, and its action after " | "
    bool confirm(QWidget*, const QString&, const QString& text, const QString& action) override {
        confirmations << text + QStringLiteral(" | ") + action;
        return nextConfirm;
    }
    void showError(QWidget*, const QString&, const QString& text) override { errors << text; }
    void showInfo(QWidget*, const QString&, const QString&) override {}
    QStringList nextFiles;
    QStringList askOpenFiles(QWidget*, const QString&, const QString&) override { return nextFiles; }
    QString nextSavePath;
    QString nextSaveFilter;    // "" keeps the first filter offered
    QString lastSuggestedName; // the name the last save dialog offered
    QString askSaveFile(QWidget*, const QString&, const QString& suggestedName, const QString& filters,
                        QString* selectedFilter) override {
        lastSuggestedName = suggestedName;
        if (selectedFilter) {
            *selectedFilter = nextSaveFilter.isEmpty() ? filters.section(QStringLiteral(";;"), 0, 0) : nextSaveFilter;
        }
        return nextSavePath;
    }
    QString nextFolder;
    QString askFolder(QWidget*, const QString&) override { return nextFolder; }
};

template <typename T> T* child(QWidget* parent, const char* name) {
    T* found = parent->findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(found, nullptr) << "no widget named " << name;
    return found;
}

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        openServices();
    }

    void openServices() {
        auto opened = Core::CoreServices::open(dir.path(), secrets, nullptr);
        ASSERT_TRUE(opened) << opened.error().toLogString().toStdString();
        services = std::move(*opened);
    }

    // A provider on the loopback server with default model gpt-test.
    Core::ProviderConfig addLoopbackProvider(const QString& name = QStringLiteral("p"),
                                             Core::KeySource keySource = Core::KeySource::None,
                                             const QString& envVar = {}) {
        Core::ProviderConfig config;
        config.name = name;
        config.baseUrl = server.baseUrl();
        config.defaultModel = QStringLiteral("gpt-test");
        config.keySource = keySource;
        config.keyEnvVar = envVar;
        auto added = services->store().providers.add(config);
        EXPECT_TRUE(added) << added.error().toLogString().toStdString();
        return added.value_or(config);
    }

    // The question in a new conversation of the owner's, and an answer to it stored under it; the answer's id.
    qint64 storedAnswer(Core::Message question, const QString& answerText) {
        auto conversation = services->store().conversations.create(QStringLiteral("c"), std::nullopt, QString());
        EXPECT_TRUE(conversation);
        if (!conversation) {
            return 0;
        }
        question.conversationId = conversation->id;
        question.role = Core::Role::User;
        auto asked = services->store().messages.add(question);
        EXPECT_TRUE(asked);
        if (!asked) {
            return 0;
        }
        Core::Message answer;
        answer.conversationId = conversation->id;
        answer.parentId = asked->id;
        answer.role = Core::Role::Assistant;
        answer.content = answerText;
        auto answered = services->store().messages.add(answer);
        EXPECT_TRUE(answered);
        return answered ? answered->id : 0;
    }

    Ui::MessageWidget* lastMessage(Ui::MainWindow& window) {
        Ui::ChatView* view = window.chatPanel()->chatView();
        return view->messageAt(view->messageCount() - 1);
    }

    QTemporaryDir dir;
    Core::MemorySecretStore secrets;
    Tessera::Testing::FakeProviderServer server;
    ScriptedDialogs dialogs;
    std::unique_ptr<Core::CoreServices> services;
};

} // namespace Tessera::Testing
