// The main window's menus and their shortcuts, with what each offers the signed-in person (MainWindow.cpp holds
// the rest of the window).
#include "mainwindow/MainWindow.h"

#include "accounts/AccountService.h"
#include "accounts/SignInFlow.h"
#include "admin/AdministrationWindow.h"
#include "app/CoreServices.h"
#include "chat/ChatPanel.h"
#include "mainwindow/AccessGate.h"
#include "prompts/FineTuneDialog.h"
#include "prompts/FineTuneSubmitDialog.h"
#include "prompts/PromptsWindow.h"
#include "style/Icons.h"
#include "widgets/ErrorText.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QListView>
#include <QMenuBar>
#include <QStatusBar>

namespace Tessera::Ui {

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = file->addAction(tr("&New Conversation"), this, &MainWindow::newConversation);
    newAction->setShortcut(QKeySequence::New);
    QAction* rename = file->addAction(tr("&Rename Conversation…"), this, &MainWindow::renameCurrentConversation);
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    QAction* search = file->addAction(tr("&Search Conversations…"), this, &MainWindow::openSearch);
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    QAction* conversationSettings =
        file->addAction(tr("Conversation Se&ttings…"), m_chat, &ChatPanel::openConversationSettings);
    conversationSettings->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Comma));
    QAction* remove = file->addAction(tr("&Delete Conversation"), this, &MainWindow::deleteCurrentConversation);
    QAction* pin = file->addAction(tr("&Pin Conversation"), this, &MainWindow::togglePinned);
    m_pinAction = pin;
    pin->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    QAction* archive = file->addAction(tr("Ar&chive Conversation"), this, &MainWindow::toggleArchived);
    m_archiveAction = archive;
    archive->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QAction* tags = file->addAction(tr("Ta&gs…"), this, &MainWindow::openTags);
    tags->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_undoAction = file->addAction(tr("&Undo Delete"), this, &MainWindow::undoDelete);
    m_undoAction->setShortcut(QKeySequence::Undo);
    remove->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    // In the list itself: a context menu, and the Delete key while the list has focus.
    auto* listRename = new QAction(tr("Rename…"), m_list);
    connect(listRename, &QAction::triggered, this, &MainWindow::renameCurrentConversation);
    auto* listDelete = new QAction(tr("Delete"), m_list);
    listDelete->setShortcut(QKeySequence::Delete);
    listDelete->setShortcutContext(Qt::WidgetShortcut);
    connect(listDelete, &QAction::triggered, this, &MainWindow::deleteCurrentConversation);
    auto* listPin = new QAction(tr("Pin"), m_list);
    m_listPin = listPin;
    connect(listPin, &QAction::triggered, this, &MainWindow::togglePinned);
    auto* listArchive = new QAction(tr("Archive"), m_list);
    m_listArchive = listArchive;
    connect(listArchive, &QAction::triggered, this, &MainWindow::toggleArchived);
    auto* listTags = new QAction(tr("Tags…"), m_list);
    connect(listTags, &QAction::triggered, this, &MainWindow::openTags);
    m_list->addActions({listRename, listPin, listArchive, listTags, listDelete});
    file->addSeparator();
    QAction* exportOne = file->addAction(tr("&Export Conversation…"), this, &MainWindow::exportCurrentConversation);
    exportOne->setObjectName(QStringLiteral("exportConversation"));
    exportOne->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction* exportAll = file->addAction(tr("Export &All Conversations…"), this, &MainWindow::exportAllConversations);
    exportAll->setObjectName(QStringLiteral("exportAll"));
    QAction* importAction = file->addAction(tr("&Import Conversations…"), this, &MainWindow::importConversations);
    importAction->setObjectName(QStringLiteral("importConversations"));
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_gate->guard(exportOne, Core::Permission::DataExport, Core::Feature::Export);
    m_gate->guard(exportAll, Core::Permission::DataExport, Core::Feature::Export);
    m_gate->guard(importAction, Core::Permission::DataImport, Core::Feature::Import);
    QAction* fineTune = file->addAction(tr("Export &Fine-Tuning Data…"), this, &MainWindow::openFineTuneExport);
    fineTune->setObjectName(QStringLiteral("exportFineTuning"));
    m_gate->guard(fineTune, Core::Permission::DataExport, Core::Feature::Export);
    QAction* fineTuneJob = file->addAction(tr("Start Fine-Tuning &Job…"), this, [this] { openFineTuneSubmit(); });
    fineTuneJob->setObjectName(QStringLiteral("startFineTuning"));
    m_gate->guard(fineTuneJob, Core::Permission::ExperimentsRun, Core::Feature::Export);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* providers = menuBar()->addMenu(tr("&Providers"));
    QAction* addProvider = providers->addAction(tr("&Add Provider…"), this, [this] { openAddProvider(); });
    addProvider->setObjectName(QStringLiteral("addProvider"));
    m_gate->guard(
        addProvider,
        [this] {
            return m_actor.may(Core::Permission::ProvidersManage) || m_actor.may(Core::Permission::ProvidersUse);
        },
        [this] { return m_gate->mayAddProviders(); }, switchedOffText());
    QAction* manageProviders = providers->addAction(tr("&Manage Providers…"), this, &MainWindow::openProviders);
    manageProviders->setObjectName(QStringLiteral("manageProviders"));
    m_gate->guard(manageProviders, Core::Permission::ProvidersManage);
    QAction* health = providers->addAction(tr("Provider &Health…"), this, &MainWindow::openProviderHealth);
    health->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* next = view->addAction(tr("&Next Conversation"), this, [this] { selectNeighbourConversation(+1); });
    next->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::ALT | Qt::Key_Down)});
    QAction* previous =
        view->addAction(tr("&Previous Conversation"), this, [this] { selectNeighbourConversation(-1); });
    previous->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_PageUp), QKeySequence(Qt::ALT | Qt::Key_Up)});

    m_showArchived = view->addAction(tr("Show &Archived Conversations"));
    m_showArchived->setCheckable(true);
    m_showArchived->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    connect(m_showArchived, &QAction::toggled, this, &MainWindow::setShowArchived);
    view->addSeparator();
    QAction* filter = view->addAction(tr("Filter by &Tag"), this, [this] {
        if (m_tagFilter->isHidden()) {
            statusBar()->showMessage(tr("No tags yet: tag a conversation with File ▸ Tags…"), 6000);
            return;
        }
        m_tagFilter->setFocus(Qt::ShortcutFocusReason);
        m_tagFilter->showPopup();
    });
    filter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_renameTag = view->addAction(tr("Rena&me Tag…"), this, &MainWindow::renameFilteredTag);
    m_deleteTag = view->addAction(tr("&Delete Tag…"), this, &MainWindow::deleteFilteredTag);
    m_renameTag->setEnabled(false);
    m_deleteTag->setEnabled(false);
    m_renameTag->setStatusTip(tr("Renames the tag the list is filtered by"));
    m_deleteTag->setStatusTip(tr("Takes the tag the list is filtered by off every conversation"));
    m_tagFilter->addActions({m_renameTag, m_deleteTag});
    view->addSeparator();
    QAction* usage = view->addAction(tr("&Usage"), this, &MainWindow::openUsage);
    usage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    usage->setStatusTip(tr("What the AI has cost and used, over time, by model, provider and person"));
    QAction* prompts = view->addAction(tr("P&rompts"), this, &MainWindow::openPrompts);
    prompts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    prompts->setStatusTip(tr("The prompt library: templates with variables, versions and labels"));
    m_gate->guard(prompts, Core::Permission::Chat);
    QAction* experiments = view->addAction(tr("E&xperiments"), this, &MainWindow::openExperiments);
    experiments->setObjectName(QStringLiteral("openExperiments"));
    experiments->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    experiments->setStatusTip(tr("A/B prompt experiments: variants run over a dataset, checked and compared"));
    m_gate->guard(experiments, Core::Permission::ExperimentsRun);
    QAction* compare = view->addAction(tr("&Compare"), this, &MainWindow::openCompare);
    compare->setObjectName(QStringLiteral("openCompare"));
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    compare->setStatusTip(tr("Variants of a prompt answer one input side by side; vote blind for the better one"));
    m_gate->guard(compare, Core::Permission::ExperimentsRun);
    QAction* jobs = view->addAction(tr("Background &Jobs"), this, &MainWindow::openJobs);
    jobs->setObjectName(QStringLiteral("openJobs"));
    jobs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    jobs->setStatusTip(tr("Long work running in the background: progress, pause, resume and cancel"));

    QMenu* message = menuBar()->addMenu(tr("&Message"));
    QAction* regenerate = message->addAction(tr("&Regenerate Answer"), m_chat, &ChatPanel::regenerateLast);
    regenerate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction* edit = message->addAction(tr("&Edit Last Question"), m_chat, &ChatPanel::editLast);
    edit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_gate->guard(regenerate, Core::Permission::Chat);
    m_gate->guard(edit, Core::Permission::Chat);
    QAction* copyCode = message->addAction(tr("&Copy Last Code Block"), this, [this] {
        statusBar()->showMessage(m_chat->copyLastCodeBlock() ? tr("The code block was copied.")
                                                             : tr("This conversation has no code block."),
                                 4000);
    });
    copyCode->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    message->addSeparator();
    QAction* rateUp = message->addAction(Style::icon(Style::Icon::ThumbsUp), tr("Rate Answer &Good"), m_chat,
                                         [this] { m_chat->rateLast(true); });
    rateUp->setObjectName(QStringLiteral("rateLastUp"));
    rateUp->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up));
    QAction* rateDown = message->addAction(Style::icon(Style::Icon::ThumbsDown), tr("Rate Answer &Bad"), m_chat,
                                           [this] { m_chat->rateLast(false); });
    rateDown->setObjectName(QStringLiteral("rateLastDown"));
    rateDown->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    QAction* feedback = message->addAction(tr("Answer &Feedback…"), m_chat, [this] { m_chat->openFeedbackOnLast(); });
    feedback->setObjectName(QStringLiteral("feedbackLast"));
    feedback->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    QAction* focus = tools->addAction(tr("&Focus Message Box"), m_chat, &ChatPanel::focusComposer);
    focus->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction* attach = tools->addAction(tr("&Attach Files…"), this, &MainWindow::attachImages);
    attach->setObjectName(QStringLiteral("attachFiles"));
    attach->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_gate->guard(attach, Core::Permission::Chat, Core::Feature::Attachments);
    if (AdministrationWindow::mayOpen(m_actor)) {
        QAction* administration = tools->addAction(tr("A&dministration…"), this, &MainWindow::openAdministration);
        administration->setObjectName(QStringLiteral("openAdministration"));
    }
    QAction* settings = tools->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Comma), QKeySequence::Preferences});

    if (m_services.accounts().mode() == Core::AccountsMode::MultiUser) {
        auto* account = new AccountMenu(m_services, m_actor, m_dialogs, this);
        menuBar()->addMenu(account->menu());
        connect(account, &AccountMenu::signOutRequested, this, &MainWindow::signOutRequested);
        connect(account, &AccountMenu::switchUserRequested, this, &MainWindow::switchUserRequested);
    }

    // A flag switched elsewhere shows when a menu opens.
    for (QMenu* menu : {file, providers, message, tools}) {
        connect(menu, &QMenu::aboutToShow, m_gate, &AccessGate::refresh);
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::openShortcuts);
    shortcuts->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Slash), QKeySequence::HelpContents});
    help->addAction(tr("&About Tessera"), this, &MainWindow::showAbout);
}

QWidget* MainWindow::openPrompts() {
    // One Prompts window: asking again brings it to the front.
    if (m_prompts) {
        m_prompts->raise();
        m_prompts->activateWindow();
        return m_prompts;
    }
    m_prompts = new PromptsWindow(m_services, m_actor, m_dialogs, this);
    m_prompts->show();
    return m_prompts;
}

QDialog* MainWindow::openFineTuneExport() {
    auto* dialog = new FineTuneDialog(m_services, m_actor, m_dialogs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FineTuneDialog::startJobAsked, this, [this](const QString& path) { openFineTuneSubmit(path); });
    dialog->open();
    return dialog;
}

QDialog* MainWindow::openFineTuneSubmit(const QString& path) {
    auto* dialog = new FineTuneSubmitDialog(m_services, m_actor, *m_jobs, m_dialogs, this, path);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FineTuneSubmitDialog::submitted, this, [this] { openJobs(); });
    dialog->open();
    return dialog;
}

} // namespace Tessera::Ui
