#include "mainwindow/MainWindow.h"
#include "widgets/Money.h"

#include "accounts/AccountService.h"
#include "accounts/SignInFlow.h"
#include "admin/AdministrationWindow.h"
#include "mainwindow/ConversationDelegate.h"
#include "mainwindow/ConversationFiles.h"
#include "mainwindow/ConversationSidebar.h"
#include "mainwindow/ShortcutsDialog.h"
#include "usage/UsageWindow.h"

#include "admin/AlertsPage.h"
#include "app/CoreServices.h"
#include "app/SettingsService.h"
#include "chat/ChatPanel.h"
#include "chat/ChatService.h"
#include "chat/ChatView.h"
#include "chat/ConversationService.h"
#include "chat/TitleService.h"
#include "health/ProviderHealthDialog.h"
#include "mainwindow/AccessGate.h"
#include "models/ConversationListModel.h"
#include "observability/HealthMonitor.h"
#include "providers/ProviderService.h"
#include "search/SearchDialog.h"
#include "settings/AddProviderDialog.h"
#include "settings/ProvidersDialog.h"
#include "settings/SettingsDialog.h"
#include "style/Icons.h"
#include "style/Theme.h"
#include "tags/TagsDialog.h"
#include "usage/Alerts.h"
#include "welcome/WelcomePage.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"
#include "widgets/UndoBar.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

namespace Tessera::Ui {

namespace {
constexpr const char* tagFilterKey = "ui.tag_filter"; // in the store's settings
} // namespace

MainWindow::MainWindow(Core::CoreServices& services, Dialogs& dialogs, Core::Actor actor, QWidget* parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_dialogs(dialogs)
    , m_actor(std::move(actor))
    , m_gate(new AccessGate(services, m_actor, this))
    , m_model(new ConversationListModel(services.conversations(), m_actor, this))
    , m_sidebar(new ConversationSidebar(m_model, this))
    , m_list(m_sidebar->list())
    , m_chat(new ChatPanel(services, m_actor, this))
    , m_splitter(new QSplitter(this))
    , m_healthChecker(new Core::HealthChecker(services.probe(), services.resilience(), this))
    , m_healthMonitor(new Core::HealthMonitor(
          *m_healthChecker, [&services, this] { return services.providers().list(m_actor); }, services.clock(), this))
    , m_healthButton(new QToolButton(this))
    , m_budgetStanding(new QLabel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Tessera"));
    m_tagFilter = m_sidebar->tagFilter();
    connect(m_sidebar->newChatButton(), &QPushButton::clicked, this, &MainWindow::newConversation);
    connect(m_sidebar->filterField(), &QLineEdit::textChanged, this, [this](const QString& text) {
        const qint64 current = currentConversationId();
        m_model->setFilterText(text);
        if (const QModelIndex index = m_model->indexOfId(current); index.isValid()) {
            m_list->setCurrentIndex(index);
        }
    });
    connect(m_tagFilter, &QComboBox::activated, this,
            [this](int index) { setTagFilter(m_tagFilter->itemData(index).toString()); });

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    // Right of the list: the chat, or the welcome page (made when first needed) while no provider exists.
    m_rightSide = new QStackedWidget(this);
    m_rightSide->addWidget(m_chat);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_rightSide);
    updateWelcome();
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({280, 760});
    setCentralWidget(m_splitter);
    buildMenus();

    // After a deletion: what was deleted and an Undo button, for a few seconds.
    m_undoBar = new UndoBar(m_undoAction, undoSeconds, this);
    statusBar()->addWidget(m_undoBar);
    connect(m_undoBar, &UndoBar::undoRequested, this, &MainWindow::undoDelete);
    connect(m_undoBar, &UndoBar::expired, this, &MainWindow::finishDeletion);

    // Provider health: a summary in the status bar that opens the health view, refreshed in the background.
    m_healthButton->setObjectName(QStringLiteral("healthSummary"));
    m_healthButton->setAutoRaise(true);
    m_healthButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_healthButton->setToolTip(tr("Open the provider health view"));
    m_budgetStanding->setObjectName(QStringLiteral("budgetStanding"));
    m_budgetStanding->setAccessibleName(tr("Budget"));
    statusBar()->addPermanentWidget(m_budgetStanding);
    connect(m_chat, &ChatPanel::budgetChanged, this, &MainWindow::showBudgetStanding);
    auto* budgetTimer = new QTimer(this);
    budgetTimer->setInterval(60'000);
    connect(budgetTimer, &QTimer::timeout, this, &MainWindow::showBudgetStanding);
    budgetTimer->start();
    showBudgetStanding();
    statusBar()->addPermanentWidget(m_healthButton);
    connect(m_healthButton, &QToolButton::clicked, this, &MainWindow::openProviderHealth);
    connect(m_healthMonitor, &Core::HealthMonitor::checkStarted, this, &MainWindow::showHealthSummary);
    connect(m_healthMonitor, &Core::HealthMonitor::reportsChanged, this, &MainWindow::showHealthSummary);
    const int healthMinutes = UiSettings::load().healthCheckMinutes;
    m_healthMonitor->setIntervalSeconds(healthMinutes * 60);
    if (healthMinutes > 0) {
        // The first check waits until the window is up, so starting stays quick.
        QTimer::singleShot(3000, m_healthMonitor, &Core::HealthMonitor::checkNow);
    }
    showHealthSummary();
    // Alerts for those who may see them: the status bar says how many are active, a new one notifies.
    if (Core::AlertService::mayRead(m_actor)) {
        m_alertsButton = new QToolButton(this);
        m_alertsButton->setObjectName(QStringLiteral("alertsButton"));
        m_alertsButton->setAutoRaise(true);
        m_alertsButton->setToolTip(tr("Open the Usage view with the active alerts"));
        statusBar()->addPermanentWidget(m_alertsButton);
        connect(m_alertsButton, &QToolButton::clicked, this, [this] { openUsage(); });
        Core::AlertMonitor& alerts = services.alertMonitor();
        connect(&alerts, &Core::AlertMonitor::changed, this, &MainWindow::showAlerts);
        connect(&alerts, &Core::AlertMonitor::raised, this, &MainWindow::notifyAlert);
        alerts.setIntervalSeconds(60);
        QTimer::singleShot(2000, &alerts, &Core::AlertMonitor::evaluateNow);
        showAlerts();
    }

    startJobs();
    m_chat->setLeaveOutQuestion([this](const QString& question) {
        return m_dialogs.confirm(this, tr("Conversation Too Long"), question, tr("Leave Out and Send"));
    });
    // The chat panel offers chatting and attaching only to whom core lets do them.
    const auto applyAccess = [this] {
        m_chat->setAccess(m_actor.may(Core::Permission::Chat), m_gate->featureOn(Core::Feature::Attachments));
    };
    applyAccess();
    connect(m_gate, &AccessGate::refreshed, this, applyAccess);
    // Waiting on the welcome page for an administrator: a provider they add (or the flag that lets one add one
    // oneself) shows within seconds.
    connect(m_gate, &AccessGate::refreshed, this, [this] {
        if (m_welcome && m_rightSide->currentWidget() == m_welcome) {
            m_chat->reloadProviders();
            updateWelcome();
        }
    });
    connect(m_chat, &ChatPanel::conversationsChanged, this, &MainWindow::handleConversationsChanged);
    connect(m_chat, &ChatPanel::attachRequested, this, &MainWindow::attachImages);
    connect(&services.titles(), &Core::TitleService::titleChanged, this,
            [this](qint64 conversationId) { handleConversationsChanged(conversationId); });
    connect(m_chat, &ChatPanel::addProviderRequested, this, [this] { openAddProvider(); });
    connect(m_chat, &ChatPanel::deleteRequested, this, [this](qint64 messageId) {
        if (m_dialogs.confirm(
                this, tr("Delete Message"),
                tr("Delete this message? Its text and images are lost; its replies stay in the conversation."),
                tr("Delete Message"))) {
            m_chat->deleteMessage(messageId);
        }
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::handleSelectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::refreshTagFilter);

    // The tag the list was narrowed to last time, kept with the store whose tags it names (the filter shows it, so
    // the narrowing is never hidden).
    const QString savedTag = services.settings().value(m_actor, QString::fromLatin1(tagFilterKey));
    if (!savedTag.isEmpty()) {
        m_model->setTag(savedTag);
        m_chat->setNewConversationTags({savedTag});
        updateListName();
    } else if (!m_model->refresh()) {
        statusBar()->showMessage(tr("The conversation list could not be read."));
    }
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        resize(1040, 720);
    }
    m_splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    if (m_model->rowCount() > 0) {
        m_list->setCurrentIndex(m_model->index(0));
    } else {
        m_chat->showConversation(std::nullopt);
    }
}

MainWindow::~MainWindow() {
    finishDeletion();
    m_chat->saveDraft();
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/splitter"), m_splitter->saveState());
}

WelcomePage* MainWindow::showFirstRunIfNeeded() {
    updateWelcome();
    if (!m_welcome || m_rightSide->currentWidget() != m_welcome) {
        return nullptr;
    }
    if (QPushButton* first = m_welcome->card(QStringLiteral("openai"))) {
        first->setFocus(Qt::OtherFocusReason);
    }
    return m_welcome;
}

void MainWindow::updateWelcome() {
    // Without a provider, an empty conversation is the welcome page; stored conversations stay readable.
    auto providers = m_services.providers().list(m_actor);
    const bool none = providers && providers->empty() && !m_chat->conversationId();
    if (none && !m_welcome) {
        m_welcome = new WelcomePage(this);
        connect(m_welcome, &WelcomePage::providerChosen, this,
                [this](const QString& preset) { openAddProvider(preset); });
        m_rightSide->addWidget(m_welcome);
    }
    if (m_welcome) {
        m_welcome->setMayAddProviders(m_gate->mayAddProviders());
    }
    m_rightSide->setCurrentWidget(none ? static_cast<QWidget*>(m_welcome) : static_cast<QWidget*>(m_chat));
}

QDialog* MainWindow::openAddProvider(const QString& preset) {
    if (!m_gate->mayAddProviders()) {
        m_dialogs.showInfo(this, tr("Add Provider"),
                           tr("Adding providers is up to your administrator. Ask them to add one, or to switch on "
                              "“Members may add providers” for you."));
        return nullptr;
    }
    auto* dialog = new AddProviderDialog(m_services, m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!preset.isEmpty()) {
        dialog->choosePreset(preset);
    }
    connect(dialog, &AddProviderDialog::providerAdded, this, [this](const QString& name) {
        m_chat->reloadProviders();
        updateWelcome();
        m_chat->focusComposer();
        statusBar()->showMessage(tr("Provider %1 added.").arg(name), 5000);
    });
    dialog->open();
    return dialog;
}

QDialog* MainWindow::openProviders() {
    auto* dialog = new ProvidersDialog(m_services, m_actor, m_dialogs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProvidersDialog::providersChanged, this, [this] {
        m_chat->reloadProviders();
        updateWelcome();
    });
    dialog->open();
    return dialog;
}

QDialog* MainWindow::openProviderHealth() {
    if (auto* open = findChild<ProviderHealthDialog*>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* dialog = new ProviderHealthDialog(m_services, m_actor, *m_healthMonitor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QDialog* MainWindow::openSearch() {
    if (auto* open = findChild<SearchDialog*>(); open && open->isVisible()) { // a closed one is being deleted
        open->raise();
        open->activateWindow();
        open->queryEdit()->setFocus();
        open->queryEdit()->selectAll();
        return open;
    }
    auto* dialog = new SearchDialog(m_services.conversations(), m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SearchDialog::messageChosen, this, &MainWindow::openMessage);
    dialog->show();
    // Explicitly, so typing goes to the search field even where the window manager does not move the focus.
    dialog->raise();
    dialog->activateWindow();
    dialog->queryEdit()->setFocus(Qt::ActiveWindowFocusReason);
    return dialog;
}

void MainWindow::openMessage(qint64 conversationId, qint64 messageId) {
    m_model->refresh();
    const QModelIndex index = m_model->indexOfId(conversationId);
    if (!index.isValid()) {
        statusBar()->showMessage(tr("That conversation no longer exists."), 5000);
        return;
    }
    m_list->setCurrentIndex(index); // shows it
    if (m_chat->conversationId() != conversationId) {
        m_chat->showConversation(conversationId);
    }
    if (m_chat->chatView()->scrollToMessage(messageId)) {
        return;
    }
    // On another branch (an earlier version of an edited or regenerated message): show that branch.
    if (!m_services.conversations().showVersion(m_actor, messageId)) {
        statusBar()->showMessage(tr("That message no longer exists."), 5000);
        return;
    }
    m_chat->showConversation(conversationId);
    m_chat->chatView()->scrollToMessage(messageId);
}

void MainWindow::selectNeighbourConversation(int step) {
    const int count = m_model->rowCount();
    if (count == 0) {
        return;
    }
    const QModelIndex current = m_list->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + step, 0, count - 1) : 0;
    m_list->setCurrentIndex(m_model->index(row));
}

QDialog* MainWindow::openShortcuts() {
    auto* dialog = new ShortcutsDialog(*menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    // Explicitly, so typing goes to the dialog even where the window manager does not move the focus.
    dialog->raise();
    dialog->activateWindow();
    dialog->table()->setFocus(Qt::ActiveWindowFocusReason);
    return dialog;
}

void MainWindow::attachImages() {
    const QStringList files =
        m_dialogs.askOpenFiles(this, tr("Attach Files"),
                               tr("Images and text files (*.png *.jpg *.jpeg *.webp *.gif *.txt *.md *.c *.h *.cpp "
                                  "*.hpp *.py *.js *.ts *.json *.sh *.sql *.csv *.log *.yaml *.yml *.toml *.xml "
                                  "*.html *.css *.java *.go *.rs);;All files (*)"));
    if (!files.isEmpty()) {
        m_chat->attachFiles(files);
    }
}

void MainWindow::showBudgetStanding() {
    auto standings = m_services.budgets().status(m_actor);
    if (!standings || standings->empty()) {
        m_budgetStanding->hide();
        return;
    }
    const auto closest = std::max_element(standings->begin(), standings->end(),
                                          [](const auto& a, const auto& b) { return a.share() < b.share(); });
    QStringList details;
    for (const Core::BudgetStanding& standing : *standings) {
        QString line = budgetName(Core::budgetScopeName(standing.budget.scope),
                                  Core::budgetPeriodName(standing.budget.period), standing.budget.subjectName) +
                       QStringLiteral(": ") + standingText(standing);
        if (standing.window.resetsAt) {
            line += QLatin1Char(' ') +
                    tr("(resets %1)")
                        .arg(QLocale().toString(standing.window.resetsAt->toLocalTime(), QLocale::ShortFormat));
        }
        details << line;
    }
    m_budgetStanding->setText(standingText(*closest));
    m_budgetStanding->setToolTip(details.join(QLatin1Char('\n')));
    // Past the soft limit the standing is shown in the theme's warning colour.
    QPalette palette = m_budgetStanding->palette();
    palette.setColor(QPalette::WindowText, closest->softReached ? Style::tokens().warning
                                                                : QApplication::palette().color(QPalette::WindowText));
    m_budgetStanding->setPalette(palette);
    m_budgetStanding->show();
}

void MainWindow::showAlerts() {
    if (!m_alertsButton) {
        return;
    }
    const auto count = int(m_services.alertMonitor().active().size());
    m_alertsButton->setText(tr("⚠ %n alert(s)", "", count));
    m_alertsButton->setAccessibleName(tr("%n active alert(s)", "", count));
    m_alertsButton->setVisible(count > 0);
}

void MainWindow::notifyAlert(const Core::Alert& alert) {
    if (!m_alertsButton) {
        return;
    }
    auto rules = m_services.alerts().rules(m_actor);
    const QString text = alertText(alert, rules ? *rules : std::vector<Core::AlertRule>{});
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(windowIcon().isNull() ? QApplication::windowIcon() : windowIcon(), this);
            m_tray->setToolTip(QStringLiteral("Tessera"));
            connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { openUsage(); });
            m_tray->show();
        }
        m_tray->showMessage(tr("Tessera alert"), text, QSystemTrayIcon::Warning);
    }
    statusBar()->showMessage(tr("Alert: %1").arg(text), 15'000);
}

void MainWindow::showHealthSummary() {
    m_healthButton->setText(healthSummary(*m_healthMonitor));
    const bool unhealthy = m_healthMonitor->unhealthyCount() > 0;
    m_healthButton->setIcon(unhealthy ? Style::icon(Style::Icon::TriangleAlert, Style::Tone::Warning) : QIcon());
    m_healthButton->setAccessibleName(tr("Provider health: %1").arg(m_healthButton->text()));
}

qint64 MainWindow::currentConversationId() const {
    return m_chat->conversationId().value_or(0);
}

void MainWindow::selectFirstOrNew() {
    if (m_model->rowCount() > 0) {
        m_list->setCurrentIndex(m_model->index(0));
    } else {
        newConversation();
    }
}

void MainWindow::newConversation() {
    m_list->selectionModel()->clearCurrentIndex();
    m_list->clearSelection();
    m_chat->showConversation(std::nullopt);
    const QString tag = m_model->tag();
    m_chat->setNewConversationTags(tag.isEmpty() ? QStringList() : QStringList{tag});
    m_chat->focusComposer();
    updateWindowTitle();
    updateWelcome();
}

void MainWindow::renameCurrentConversation() {
    const qint64 id = currentConversationId();
    if (id == 0) {
        return;
    }
    auto conversation = m_services.conversations().get(m_actor, id);
    if (!conversation) {
        return;
    }
    const auto title = m_dialogs.askText(this, tr("Rename Conversation"), tr("Title:"), conversation->title);
    if (!title) {
        return;
    }
    if (auto renamed = m_services.conversations().rename(m_actor, id, *title); !renamed) {
        m_dialogs.showError(this, tr("Rename Conversation"), describeError(renamed.error()));
        return;
    }
    handleConversationsChanged(id);
}

void MainWindow::deleteCurrentConversation() {
    const qint64 id = currentConversationId();
    if (id == 0) {
        return;
    }
    if (m_services.chat().isAnswering(id)) {
        m_dialogs.showInfo(this, tr("Delete Conversation"), tr("Stop the answer being written first."));
        return;
    }
    auto conversation = m_services.conversations().get(m_actor, id);
    if (!conversation) {
        return;
    }
    finishDeletion(); // one undo at a time
    if (auto trashed = m_services.conversations().moveToTrash(m_actor, id); !trashed) {
        m_dialogs.showError(this, tr("Delete Conversation"), describeError(trashed.error()));
        return;
    }
    m_deletedId = id;
    m_undoBar->offer(tr("Deleted “%1”.").arg(conversation->title.left(60)));
    m_model->refresh();
    selectFirstOrNew();
}

void MainWindow::togglePinned() {
    const qint64 id = currentConversationId();
    auto conversation = id ? m_services.conversations().get(m_actor, id) : Core::Result<Core::Conversation>();
    if (id == 0 || !conversation) {
        return;
    }
    if (auto set = m_services.conversations().setPinned(m_actor, id, !conversation->pinned); !set) {
        m_dialogs.showError(this, tr("Pin Conversation"), describeError(set.error()));
        return;
    }
    handleConversationsChanged(id);
}

void MainWindow::toggleArchived() {
    const qint64 id = currentConversationId();
    auto conversation = id ? m_services.conversations().get(m_actor, id) : Core::Result<Core::Conversation>();
    if (id == 0 || !conversation) {
        return;
    }
    if (auto set = m_services.conversations().setArchived(m_actor, id, !conversation->archived); !set) {
        m_dialogs.showError(this, tr("Archive Conversation"), describeError(set.error()));
        return;
    }
    statusBar()->showMessage(
        conversation->archived ? tr("“%1” is back in the list.").arg(conversation->title)
                               : tr("“%1” was archived (View ▸ Show Archived Conversations).").arg(conversation->title),
        6000);
    m_model->refresh();
    selectFirstOrNew();
}

void MainWindow::setShowArchived(bool archived) {
    if (m_showArchived->isChecked() != archived) {
        m_showArchived->setChecked(archived); // comes back here through toggled
        return;
    }
    m_model->setShowArchived(archived);
    updateListName();
    selectFirstOrNew();
}

QDialog* MainWindow::openTags() {
    const qint64 id = currentConversationId();
    QString title;
    QStringList current = m_chat->newConversationTags();
    if (id != 0) {
        auto conversation = m_services.conversations().get(m_actor, id);
        if (!conversation) {
            m_dialogs.showError(this, tr("Tags"), describeError(conversation.error()));
            return nullptr;
        }
        title = conversation->title.isEmpty() ? tr("Untitled conversation") : conversation->title;
        current = conversation->tags;
    }
    auto all = m_services.conversations().tags(m_actor);
    if (!all) {
        m_dialogs.showError(this, tr("Tags"), describeError(all.error()));
        return nullptr;
    }
    auto* dialog = new TagsDialog(title, *all, current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        const QStringList chosen = dialog->tags();
        if (id == 0) {
            m_chat->setNewConversationTags(chosen);
            statusBar()->showMessage(
                chosen.isEmpty()
                    ? tr("The new conversation will start without tags.")
                    : tr("The new conversation will be tagged %1.").arg(ConversationDelegate::tagText(chosen)),
                6000);
            return;
        }
        if (auto set = m_services.conversations().setTags(m_actor, id, chosen); !set) {
            m_dialogs.showError(this, tr("Tags"), describeError(set.error()));
            return;
        }
        handleConversationsChanged(id);
    });
    dialog->open();
    return dialog;
}

QString MainWindow::tagFilter() const {
    return m_model->tag();
}

void MainWindow::setTagFilter(const QString& tag) {
    if (auto saved = m_services.settings().setValue(m_actor, QString::fromLatin1(tagFilterKey), tag); !saved) {
        statusBar()->showMessage(describeError(saved.error()), 8000);
    }
    const qint64 shown = currentConversationId();
    m_model->setTag(tag);
    if (shown == 0) {
        m_chat->setNewConversationTags(tag.isEmpty() ? QStringList() : QStringList{tag});
        m_list->selectionModel()->clearCurrentIndex();
    } else if (const QModelIndex index = m_model->indexOfId(shown); index.isValid()) {
        m_list->setCurrentIndex(index);
    } else {
        selectFirstOrNew();
    }
    updateListName();
}

void MainWindow::updateListName() {
    const QString tag = m_model->tag();
    m_list->setAccessibleName(!tag.isEmpty()             ? tr("Conversations tagged %1").arg(tag)
                              : m_model->showsArchived() ? tr("Archived conversations")
                                                         : tr("Conversations"));
}

void MainWindow::refreshTagFilter() {
    const QString filter = m_model->tag();
    const QSignalBlocker blocker(m_tagFilter);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All conversations"), QString());
    int current = 0;
    // Counted among the conversations the list can show (those in use, or the archived ones).
    if (auto tags = m_services.conversations().tags(m_actor, m_model->showsArchived() ? Core::ListScope::Archived
                                                                                      : Core::ListScope::Active)) {
        for (const Core::TagUse& use : *tags) {
            m_tagFilter->addItem(tr("%1 (%2)").arg(use.name).arg(use.conversations), use.name);
            if (!filter.isEmpty() && use.name.compare(filter, Qt::CaseInsensitive) == 0) {
                current = m_tagFilter->count() - 1;
            }
        }
    }
    if (!filter.isEmpty() && current == 0) {
        // No conversation carries the tag any more: it stays chosen (with nothing under it) until another is.
        m_tagFilter->addItem(tr("%1 (%2)").arg(filter).arg(0), filter);
        current = m_tagFilter->count() - 1;
    }
    m_tagFilter->setCurrentIndex(current);
    m_tagFilter->setVisible(m_tagFilter->count() > 1);
    m_renameTag->setEnabled(current > 0);
    m_deleteTag->setEnabled(current > 0);
}

void MainWindow::renameFilteredTag() {
    const QString tag = m_model->tag();
    if (tag.isEmpty()) {
        m_dialogs.showInfo(this, tr("Rename Tag"), tr("Choose the tag in the filter above the conversations first."));
        return;
    }
    const auto name = m_dialogs.askText(this, tr("Rename Tag"), tr("New name for “%1”:").arg(tag), tag);
    if (!name || *name == tag) {
        return;
    }
    const auto cleaned = Core::ConversationService::cleanTag(*name);
    if (!cleaned) {
        m_dialogs.showError(this, tr("Rename Tag"), TagsDialog::nameRules());
        return;
    }
    if (auto renamed = m_services.conversations().renameTag(m_actor, tag, *cleaned); !renamed) {
        m_dialogs.showError(this, tr("Rename Tag"), describeError(renamed.error()));
        return;
    }
    setTagFilter(*cleaned);
    statusBar()->showMessage(tr("The tag “%1” is now “%2”.").arg(tag, *cleaned), 6000);
}

void MainWindow::deleteFilteredTag() {
    const QString tag = m_model->tag();
    if (tag.isEmpty()) {
        m_dialogs.showInfo(this, tr("Delete Tag"), tr("Choose the tag in the filter above the conversations first."));
        return;
    }
    qint64 count = 0;
    if (auto tags = m_services.conversations().tags(m_actor)) {
        for (const Core::TagUse& use : *tags) {
            if (use.name.compare(tag, Qt::CaseInsensitive) == 0) {
                count = use.conversations;
            }
        }
    }
    if (!m_dialogs.confirm(
            this, tr("Delete Tag"),
            tr("Take the tag “%1” off %n conversation(s)? The conversations stay.", nullptr, int(count)).arg(tag),
            tr("Delete Tag"))) {
        return;
    }
    auto removed = m_services.conversations().deleteTag(m_actor, tag);
    if (!removed && removed.error().code != Core::ErrorCode::NotFound) {
        m_dialogs.showError(this, tr("Delete Tag"), describeError(removed.error()));
        return;
    }
    setTagFilter(QString());
    statusBar()->showMessage(tr("The tag “%1” was deleted.").arg(tag), 6000);
}

void MainWindow::undoDelete() {
    if (m_deletedId == 0) {
        return;
    }
    const qint64 id = std::exchange(m_deletedId, 0);
    m_undoBar->dismiss();
    if (auto restored = m_services.conversations().restoreFromTrash(m_actor, id); !restored) {
        m_dialogs.showError(this, tr("Undo Delete"), describeError(restored.error()));
        return;
    }
    m_model->refresh();
    m_list->setCurrentIndex(m_model->indexOfId(id));
}

void MainWindow::finishDeletion() {
    if (m_deletedId == 0) {
        return;
    }
    m_deletedId = 0;
    m_undoBar->dismiss();
    if (auto emptied = m_services.conversations().emptyTrash(m_actor); !emptied) {
        statusBar()->showMessage(describeError(emptied.error()), 8000);
    }
}

void MainWindow::updateWindowTitle() {
    const QModelIndex index = m_model->indexOfId(currentConversationId());
    setWindowTitle(index.isValid() ? tr("%1 — Tessera").arg(index.data().toString()) : tr("Tessera"));
}

void MainWindow::handleConversationsChanged(qint64 conversationId) {
    const qint64 shown = currentConversationId();
    {
        const QSignalBlocker blocker(m_list->selectionModel());
        m_model->refresh();
        const QModelIndex index = m_model->indexOfId(shown != 0 ? shown : conversationId);
        m_list->setCurrentIndex(index);
    }
    updateWindowTitle();
}

void MainWindow::handleSelectionChanged() {
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid()) {
        return;
    }
    const qint64 id = m_model->idAt(index.row());
    if (id != currentConversationId()) {
        m_chat->showConversation(id);
    }
    updateWindowTitle();
    updateConversationActions();
    updateWelcome();
}

void MainWindow::updateConversationActions() {
    // The menus name the one action that applies to the conversation selected.
    const QModelIndex index = m_list->currentIndex();
    const bool pinned = index.isValid() && index.data(ConversationListModel::PinnedRole).toBool();
    const bool archived = index.isValid() && index.data(ConversationListModel::ArchivedRole).toBool();
    m_pinAction->setText(pinned ? tr("Un&pin Conversation") : tr("&Pin Conversation"));
    m_listPin->setText(pinned ? tr("Unpin") : tr("Pin"));
    m_archiveAction->setText(archived ? tr("Resto&re Conversation") : tr("Ar&chive Conversation"));
    m_listArchive->setText(archived ? tr("Restore") : tr("Archive"));
}

void MainWindow::openSettings() {
    SettingsDialog dialog(m_services, m_actor, UiSettings::load(), this);
    QString administrator;
    connect(&dialog, &SettingsDialog::accountsEnabled, this, [&](const QString& name) { administrator = name; });
    if (dialog.exec() != QDialog::Accepted) {
        if (!administrator.isEmpty()) {
            Q_EMIT accountsEnabled(administrator);
        }
        return;
    }
    const UiSettings chosen = dialog.settings();
    chosen.save();
    // A theme given on the command line stays for this run; the saved choice applies from the next start.
    applyTheme(*qApp, commandLineTheme().value_or(chosen.theme));
    applyFontSize(*qApp, chosen.fontPointSize);
    m_healthMonitor->setIntervalSeconds(chosen.healthCheckMinutes * 60);
}

QDialog* MainWindow::openAdministration() {
    if (!AdministrationWindow::mayOpen(m_actor)) {
        return nullptr;
    }
    auto* window = new AdministrationWindow(m_services, m_actor, m_dialogs, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

QWidget* MainWindow::openUsage() {
    // One Usage window: asking again brings it to the front.
    if (m_usage) {
        m_usage->raise();
        m_usage->activateWindow();
        return m_usage;
    }
    m_usage = new UsageWindow(m_services, m_actor, m_dialogs, this);
    m_usage->show();
    return m_usage;
}

void MainWindow::showAbout() {
    m_dialogs.showInfo(this, tr("About Tessera"),
                       tr("Tessera %1\nA native desktop AI workspace. API keys are kept in the system keychain or "
                          "read from environment variables; they are never written to Tessera's files.")
                           .arg(QApplication::applicationVersion()));
}

} // namespace Tessera::Ui
