#pragma once

#include "common/Actor.h"
#include "jobs/JobStore.h"

#include <QMainWindow>
#include <QPointer>

#include <vector>

class QComboBox;
class QListView;
class QSplitter;
class QStackedWidget;
class QLabel;
class QLineEdit;
class QPushButton;
class QSystemTrayIcon;
class QToolButton;

namespace Tessera::Core {
struct Alert;
class CoreServices;
class HealthChecker;
class HealthMonitor;
} // namespace Tessera::Core

namespace Tessera::Ui {

class AccessGate;
class ChatPanel;
class ConversationSidebar;
class UndoBar;
class WelcomePage;
class ConversationListModel;
class Dialogs;
class JobsController;

// Composes the conversation list and the chat panel, the menus and their shortcuts; remembers its
// geometry. The work happens in core services and in the panels.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(Core::CoreServices& services, Dialogs& dialogs,
               Core::Actor actor = Core::Actor::owner(Core::ClientKind::Gui), QWidget* parent = nullptr);
    ~MainWindow() override;

    // Without any provider, the welcome page takes the chat's place (and is returned); else nullptr.
    WelcomePage* showFirstRunIfNeeded();
    // The add-provider form, starting from a preset when one is given.
    QDialog* openAddProvider(const QString& preset = {});
    WelcomePage* welcomePage() const { return m_welcome; }
    QDialog* openProviders();
    QDialog* openProviderHealth();
    QDialog* openSearch();
    // Shows the conversation and brings the message into view.
    void openMessage(qint64 conversationId, qint64 messageId);
    Core::HealthMonitor& healthMonitor() const { return *m_healthMonitor; }

    ChatPanel* chatPanel() const { return m_chat; }
    // What the window offers the signed-in person (their role's permissions and the feature flags).
    AccessGate* accessGate() const { return m_gate; }
    ConversationListModel* conversationModel() const { return m_model; }
    QListView* conversationList() const { return m_list; }

    void newConversation();
    void renameCurrentConversation();
    // Deletes the conversation shown at once; "Undo" (or Ctrl+Z) brings it back for undoSeconds.
    void deleteCurrentConversation();
    void undoDelete();
    // Pin (keep at the top) or archive (out of the list) the conversation shown, or undo either.
    void togglePinned();
    void toggleArchived();
    void setShowArchived(bool archived);
    // Tags: choose the shown conversation's (or the new one's), narrow the list to one tag, and rename or delete
    // the tag the list is narrowed to.
    QDialog* openTags();
    void setTagFilter(const QString& tag);
    QString tagFilter() const;
    QComboBox* tagFilterBox() const { return m_tagFilter; }
    void renameFilteredTag();
    void deleteFilteredTag();
    // Makes a deletion waiting for its undo final (after undoSeconds, at the next deletion, and on close).
    void finishDeletion();
    static constexpr int undoSeconds = 10;
    void attachImages();
    void exportCurrentConversation();
    void exportAllConversations();
    // File ▸ Export Fine-Tuning Data (the dialog, open).
    QDialog* openFineTuneExport();
    // File ▸ Start Fine-Tuning Job, with the training file filled in when given.
    QDialog* openFineTuneSubmit(const QString& path = {});
    void importConversations();
    // step +1: the next conversation in the list, -1: the previous one.
    void selectNeighbourConversation(int step);
    QDialog* openShortcuts();
    // Tools ▸ Administration (nullptr, and no menu item, for a role without an administrative permission).
    QDialog* openAdministration();
    // View ▸ Usage (one window; asking again raises it).
    QWidget* openUsage();
    // View ▸ Prompts: the prompt library, one window.
    QWidget* openPrompts();
    // View ▸ Experiments (one window) and View ▸ Background Jobs (one panel), MainWindowJobs.cpp.
    QWidget* openExperiments();
    QDialog* openJobs();
    // View ▸ Compare: variants side by side on one input, with blind votes (a window each time).
    QWidget* openCompare();
    JobsController* jobs() const { return m_jobs; }

Q_SIGNALS:
    // From the Account menu of a store with accounts: the composition root closes the window and signs in again.
    void signOutRequested();
    void switchUserRequested();
    // Accounts were switched on (Settings ▸ Accounts): the app signs in again as that administrator.
    void accountsEnabled(const QString& administrator);

private:
    void buildMenus();
    void handleConversationsChanged(qint64 conversationId);
    // Fills the tag filter from the store (after every list refresh); falls back to every conversation when the
    // tag filtered by is gone.
    void refreshTagFilter();
    void selectFirstOrNew();
    // The list's accessible name says what it shows: a tag's conversations, the archived ones, or those in use.
    void updateListName();
    void updateWelcome();
    void updateConversationActions();
    void handleSelectionChanged();
    void updateWindowTitle();
    void openSettings();
    void showAbout();
    void showHealthSummary();
    // The active alerts in the status bar; a new one also as a desktop notification.
    void showAlerts();
    void notifyAlert(const Tessera::Core::Alert& alert);
    // The app's background jobs: those a quit or a crash cut off resume a moment after the window opens; an ending
    // is told in the status bar and as a desktop notification.
    void startJobs();
    void notifyJobEnded(qint64 jobId, Tessera::Core::JobState state, const QString& title, const QString& reason);
    // The status bar's budget standing (hidden when no budget applies), read again after each answer and every
    // minute (another process may have spent meanwhile).
    void showBudgetStanding();
    void exportConversations(const std::vector<qint64>& ids, const QString& suggestedName);
    qint64 currentConversationId() const;

    Core::CoreServices& m_services;
    QPointer<QWidget> m_usage;
    QPointer<QWidget> m_prompts;
    QPointer<QWidget> m_experiments;
    QPointer<QDialog> m_jobsPanel;
    JobsController* m_jobs = nullptr;
    Dialogs& m_dialogs;
    const Core::Actor m_actor;
    AccessGate* m_gate;
    ConversationListModel* m_model;
    ConversationSidebar* m_sidebar;
    QListView* m_list; // the sidebar's
    ChatPanel* m_chat;
    WelcomePage* m_welcome = nullptr;
    QStackedWidget* m_rightSide = nullptr;
    QSplitter* m_splitter;
    Core::HealthChecker* m_healthChecker;
    Core::HealthMonitor* m_healthMonitor;
    QToolButton* m_healthButton;
    QToolButton* m_alertsButton = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    QLabel* m_budgetStanding; // "$3.20 of $10.00 this month": the budget closest to its limit
    UndoBar* m_undoBar = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_pinAction = nullptr;
    QAction* m_archiveAction = nullptr;
    QAction* m_listPin = nullptr;
    QAction* m_listArchive = nullptr;
    QAction* m_showArchived = nullptr;
    QComboBox* m_tagFilter;
    QAction* m_renameTag = nullptr;
    QAction* m_deleteTag = nullptr;
    qint64 m_deletedId = 0; // waiting for its undo
};

} // namespace Tessera::Ui
