// The main window's File menu work with files: exporting the conversation shown or all of them (all in a background
// job) and importing files (large ones in a background job).
#include "mainwindow/MainWindow.h"

#include "app/CoreServices.h"
#include "chat/ChatPanel.h"
#include "chat/ConversationService.h"
#include "jobs/JobsController.h"
#include "mainwindow/ConversationFiles.h"
#include "models/ConversationListModel.h"
#include "widgets/Dialogs.h"

#include <QListView>
#include <QRegularExpression>
#include <QStatusBar>

namespace Tessera::Ui {

void MainWindow::exportCurrentConversation() {
    const qint64 id = currentConversationId();
    if (id == 0) {
        m_dialogs.showInfo(this, tr("Export Conversation"), tr("Open a conversation to export first."));
        return;
    }
    auto conversation = m_services.conversations().get(m_actor, id);
    QString name = conversation ? conversation->title : QString();
    name.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]+")), QStringLiteral(" "));
    exportConversations({id}, name.simplified().left(60));
}

void MainWindow::exportAllConversations() {
    if (const auto started =
            ConversationFiles(m_services, m_actor, m_dialogs).exportAll(this, *m_jobs, tr("Tessera conversations"))) {
        statusBar()->showMessage(*started, 8000);
    }
}

void MainWindow::exportConversations(const std::vector<qint64>& ids, const QString& suggestedName) {
    if (const auto done =
            ConversationFiles(m_services, m_actor, m_dialogs).exportConversations(this, ids, suggestedName)) {
        statusBar()->showMessage(*done, 8000);
    }
}

void MainWindow::importConversations() {
    const auto imported = ConversationFiles(m_services, m_actor, m_dialogs).importConversations(this, *m_jobs);
    if (!imported) {
        return;
    }
    m_model->refresh();
    if (imported->lastId != 0) {
        m_list->setCurrentIndex(m_model->indexOfId(imported->lastId));
    }
    QString text = tr("Imported %n conversation(s).", nullptr, imported->conversations);
    if (imported->background > 0) {
        text += QLatin1Char(' ') + tr("%n large file(s) are imported in the background; View ▸ Background Jobs shows "
                                      "them.",
                                      nullptr, imported->background);
    }
    statusBar()->showMessage(text, 8000);
}

} // namespace Tessera::Ui
