// The sign-in dialog, the forced and the chosen password change, and the Account menu of a store with accounts.
#include "accounts/AccountService.h"
#include "accounts/AccountsPage.h"
#include "accounts/FeatureFlags.h"
#include "accounts/IdleLock.h"
#include "accounts/MyAccountDialog.h"
#include "accounts/SignInDialog.h"
#include "accounts/SignInFlow.h"
#include "admin/AdministrationWindow.h"
#include "admin/AuditLogModel.h"
#include "admin/AuditPage.h"
#include "admin/FlagsPage.h"
#include "admin/RolesPage.h"
#include "admin/SessionsPage.h"
#include "admin/UserListModel.h"
#include "audit/AuditLog.h"
#include "chat/AttachmentStrip.h"
#include "chat/ChatPanel.h"
#include "chat/Composer.h"
#include "mainwindow/AccessGate.h"
#include "settings/SettingsDialog.h"
#include "settings/UiSettings.h"
#include "storage/Database.h"
#include "welcome/WelcomePage.h"
#include "widgets/ErrorBanner.h"

#include "UiFixture.h"
#include "support/TestHelpers.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryFile>
#include <QTest>
#include <QToolButton>

using namespace Tessera;
using Tessera::Testing::child;

namespace {

const QString kAdminPassword = QStringLiteral("correct horse battery staple");

class AccountsUiTest : public Testing::MainWindowTest {
protected:
    // A second core over a store of its own.
    struct TempServices {
        explicit TempServices(AccountsUiTest*) {
            auto opened = Core::CoreServices::open(dir.path(), secrets, nullptr);
            EXPECT_TRUE(opened);
            services = std::move(*opened);
        }
        QTemporaryDir dir;
        Core::MemorySecretStore secrets;
        std::unique_ptr<Core::CoreServices> services;
    };

    Core::Actor enable() {
        const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Test);
        EXPECT_TRUE(services->accounts().enableMultiUser(owner, QStringLiteral("boss"), kAdminPassword));
        auto signedIn = services->accounts().signIn(QStringLiteral("boss"), kAdminPassword, Core::ClientKind::Gui);
        EXPECT_TRUE(signedIn);
        return signedIn ? signedIn->actor : owner;
    }

    QMenu* accountMenu(Ui::MainWindow& window) {
        for (QAction* action : window.menuBar()->actions()) {
            if (action->menu() && action->menu()->objectName() == QLatin1StringView("accountMenu")) {
                return action->menu();
            }
        }
        return nullptr;
    }
};

} // namespace

TEST_F(AccountsUiTest, TheSignInDialogSaysWhatIsWrongAndSignsInWithTheRightPassword) {
    enable();
    Ui::SignInDialog dialog(*services, QStringLiteral("boss"));
    auto* password = child<QLineEdit>(&dialog, "signInPassword");
    EXPECT_EQ(password->echoMode(), QLineEdit::Password);
    dialog.signIn();
    EXPECT_FALSE(dialog.problem().isEmpty()) << "an empty password is asked for";
    dialog.setPassword(QStringLiteral("wrong one"));
    dialog.signIn();
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("wrong"))) << dialog.problem().toStdString();
    EXPECT_TRUE(password->text().isEmpty()) << "a wrong password is cleared";
    EXPECT_FALSE(dialog.signedIn());
    dialog.setPassword(kAdminPassword);
    dialog.setStaySignedIn(true);
    dialog.signIn();
    ASSERT_TRUE(dialog.signedIn());
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.signedIn()->actor.userName, QStringLiteral("boss"));
    EXPECT_FALSE(dialog.signedIn()->refreshToken.isEmpty()) << "stay signed in";
}

TEST_F(AccountsUiTest, ALockedAccountSaysUntilWhen) {
    const Core::Actor boss = enable();
    ASSERT_TRUE(services->accounts().addUser(boss, QStringLiteral("ada"), {}, QStringLiteral("Member"),
                                             QStringLiteral("violet lantern under snow")));
    Ui::SignInDialog dialog(*services, QStringLiteral("ada"));
    for (int i = 0; i < 5; ++i) {
        dialog.setPassword(QStringLiteral("guess %1").arg(i));
        dialog.signIn();
    }
    dialog.setPassword(QStringLiteral("violet lantern under snow"));
    dialog.signIn();
    EXPECT_FALSE(dialog.signedIn());
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("locked"))) << dialog.problem().toStdString();
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("until"))) << dialog.problem().toStdString();
}

TEST_F(AccountsUiTest, APasswordChangeChecksTheRepeatTheStrengthAndTheCurrentOne) {
    const Core::Actor boss = enable();
    Ui::ChangePasswordDialog dialog(*services, boss, false);
    dialog.setPasswords(kAdminPassword, QStringLiteral("a brand new phrase here"), QStringLiteral("something else"));
    dialog.change();
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("differ"))) << dialog.problem().toStdString();
    dialog.setPasswords(kAdminPassword, QStringLiteral("password123"), QStringLiteral("password123"));
    EXPECT_FALSE(child<QLabel>(&dialog, "passwordStrength")->text().contains(QStringLiteral("Strong enough")));
    dialog.change();
    EXPECT_FALSE(dialog.problem().isEmpty()) << "a weak password is refused with the reason";
    dialog.setPasswords(QStringLiteral("not it"), QStringLiteral("a brand new phrase here"),
                        QStringLiteral("a brand new phrase here"));
    EXPECT_TRUE(child<QLabel>(&dialog, "passwordStrength")->text().contains(QStringLiteral("Strong enough")));
    dialog.change();
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("current"))) << dialog.problem().toStdString();
    dialog.setPasswords(kAdminPassword, QStringLiteral("a brand new phrase here"),
                        QStringLiteral("a brand new phrase here"));
    dialog.change();
    EXPECT_EQ(dialog.result(), QDialog::Accepted) << dialog.problem().toStdString();
    EXPECT_TRUE(services->accounts().signIn(QStringLiteral("boss"), QStringLiteral("a brand new phrase here"),
                                            Core::ClientKind::Gui));
}

TEST_F(AccountsUiTest, TheAccountMenuShowsWhoIsSignedInAndAsksToSignOut) {
    {
        Ui::MainWindow personal(*services, dialogs);
        EXPECT_EQ(accountMenu(personal), nullptr) << "personal mode has no sign-in";
    }
    const Core::Actor boss = enable();
    Ui::MainWindow window(*services, dialogs, boss);
    QMenu* menu = accountMenu(window);
    ASSERT_NE(menu, nullptr);
    QAction* who = menu->findChild<QAction*>(QStringLiteral("signedInAs"));
    ASSERT_NE(who, nullptr);
    EXPECT_TRUE(who->text().contains(QStringLiteral("boss")));
    EXPECT_TRUE(who->text().contains(QStringLiteral("Administrator")));
    int signOuts = 0;
    QObject::connect(&window, &Ui::MainWindow::signOutRequested, [&] { ++signOuts; });
    QAction* signOut = menu->findChild<QAction*>(QStringLiteral("signOut"));
    ASSERT_NE(signOut, nullptr);
    signOut->trigger();
    EXPECT_EQ(signOuts, 1);
}

TEST_F(AccountsUiTest, TheFlowIsTheOwnerInPersonalModeAndAKeptSignInAfterwards) {
    Ui::SignInFlow flow(*services);
    auto owner = flow.run();
    ASSERT_TRUE(owner);
    EXPECT_EQ(owner->userId, Core::AccountRepository::ownerId);
    enable();
    auto signedIn = services->accounts().signIn(QStringLiteral("boss"), kAdminPassword, Core::ClientKind::Gui, true);
    ASSERT_TRUE(signedIn);
    // What "Stay signed in" keeps in the keychain brings the person back without the dialog.
    bool written = false;
    secrets.write(QStringLiteral("session/gui/") + services->storeLocation().displayName(), signedIn->refreshToken,
                  [&](Core::Status status) { written = bool(status); });
    ASSERT_TRUE(Testing::waitUntil([&] { return written; }, 5000));
    auto resumed = flow.run();
    ASSERT_TRUE(resumed);
    EXPECT_EQ(resumed->userName, QStringLiteral("boss"));
    EXPECT_GT(resumed->sessionId, signedIn->actor.sessionId) << "a new session";
    EXPECT_FALSE(services->accounts().refresh(signedIn->refreshToken, Core::ClientKind::Gui))
        << "the kept token was rotated (and its reuse ends the family)";
}

TEST_F(AccountsUiTest, SettingsSwitchAccountsOnWithTheFirstAdministratorsPassword) {
    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Gui);
    Ui::AccountsPage page(*services, owner);
    EXPECT_TRUE(page.enableButton()->isEnabled());
    QString administrator;
    QObject::connect(&page, &Ui::AccountsPage::accountsEnabled, [&](const QString& name) { administrator = name; });
    auto* dialog = qobject_cast<Ui::EnableAccountsDialog*>(page.openEnable());
    ASSERT_NE(dialog, nullptr);
    dialog->setFields(QStringLiteral("alex"), QStringLiteral("password1"), QStringLiteral("password1"));
    dialog->enable();
    EXPECT_FALSE(dialog->problem().isEmpty()) << "a weak password is refused with the reason";
    dialog->setFields(QStringLiteral("alex"), kAdminPassword, QStringLiteral("something else"));
    dialog->enable();
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("differ")));
    EXPECT_EQ(services->accounts().mode(), Core::AccountsMode::Personal) << "nothing changed yet";
    dialog->setFields(QStringLiteral("alex"), kAdminPassword, kAdminPassword);
    dialog->enable();
    EXPECT_EQ(services->accounts().mode(), Core::AccountsMode::MultiUser);
    EXPECT_EQ(administrator, QStringLiteral("alex"));
    EXPECT_TRUE(page.enableButton()->isHidden());
    EXPECT_TRUE(services->accounts().signIn(QStringLiteral("alex"), kAdminPassword, Core::ClientKind::Gui));

    const Core::Actor member =
        Core::Actor::withRole(5, QStringLiteral("m"), Core::BuiltInRole::Member, Core::ClientKind::Gui);
    TempServices other(this);
    Ui::AccountsPage memberPage(*other.services, member);
    EXPECT_FALSE(memberPage.enableButton()->isEnabled()) << "only an administrator switches accounts on";
}

TEST_F(AccountsUiTest, TheIdleLockCoversTheWindowKeepsTheDraftAndAsksForThePasswordAgain) {
    const Core::Actor boss = enable();
    Ui::MainWindow window(*services, dialogs, boss);
    window.show();
    auto* composer = window.findChild<QPlainTextEdit*>(QStringLiteral("composer"));
    ASSERT_NE(composer, nullptr);
    composer->setPlainText(QStringLiteral("half a thought, not sent"));
    Ui::IdleLock lock(*services, boss, &window);
    lock.setIdleInterval(50);
    ASSERT_TRUE(Testing::waitUntil([&] { return lock.locked(); }, 5000)) << "locks after the idle time";
    auto* cover = window.findChild<QWidget*>(QStringLiteral("idleLockCover"));
    ASSERT_NE(cover, nullptr);
    EXPECT_TRUE(cover->isVisible());
    EXPECT_EQ(cover->geometry(), window.rect()) << "the content is covered";
    ASSERT_NE(lock.dialog(), nullptr);
    Core::Actor unlocked;
    QObject::connect(&lock, &Ui::IdleLock::unlocked, [&](const Core::Actor& actor) { unlocked = actor; });
    lock.dialog()->setPassword(QStringLiteral("not it"));
    lock.dialog()->signIn();
    EXPECT_TRUE(lock.locked()) << "a wrong password keeps it locked";
    EXPECT_FALSE(lock.dialog()->problem().isEmpty());
    lock.dialog()->setPassword(kAdminPassword);
    lock.dialog()->signIn();
    EXPECT_FALSE(lock.locked());
    EXPECT_EQ(unlocked.userName, QStringLiteral("boss"));
    EXPECT_TRUE(
        Testing::waitUntil([&] { return window.findChild<QWidget*>(QStringLiteral("idleLockCover")) == nullptr; }));
    EXPECT_EQ(composer->toPlainText(), QStringLiteral("half a thought, not sent")) << "the draft is kept";
    EXPECT_TRUE(services->accounts().keepAlive(lock.actor())) << "the unlocked session is alive";
}

TEST_F(AccountsUiTest, AnAdministratorManagesUsersInTheAdministrationWindowAndAMemberCannotOpenIt) {
    const Core::Actor boss = enable();
    Ui::MainWindow window(*services, dialogs, boss);
    auto* administration = qobject_cast<Ui::AdministrationWindow*>(window.openAdministration());
    ASSERT_NE(administration, nullptr);
    QAbstractItemModelTester tester(administration->userModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester sortedTester(administration->userView(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(administration->userModel()->rowCount(), 1);

    // Add a member with a temporary password: shown once, through the dialogs.
    ASSERT_TRUE(administration->addUser(QStringLiteral("ada"), QStringLiteral("Ada"), QStringLiteral("Member"), {}));
    EXPECT_EQ(administration->userModel()->rowCount(), 2);
    EXPECT_EQ(administration->selectedUsername(), QStringLiteral("ada"));
    ASSERT_TRUE(administration->addUser(QStringLiteral("bob"), {}, QStringLiteral("Member"),
                                        QStringLiteral("violet lantern under snow")));
    EXPECT_FALSE(administration->addUser(QStringLiteral("bob"), {}, QStringLiteral("Member"), {}))
        << "a taken name is refused";
    EXPECT_FALSE(dialogs.errors.isEmpty());

    administration->setUserFilter(QStringLiteral("ADA"));
    EXPECT_EQ(administration->userView()->rowCount(), 1) << "searching";
    administration->setUserFilter({});
    administration->userTable()->sortByColumn(Ui::UserListModel::UsernameColumn, Qt::DescendingOrder);
    EXPECT_EQ(administration->userView()->index(0, 0).data().toString(), QStringLiteral("boss")) << "sorting";
    EXPECT_EQ(administration->userView()->index(2, 0).data().toString(), QStringLiteral("ada"));

    administration->selectUser(QStringLiteral("ada"));
    ASSERT_TRUE(administration->setSelectedRole(QStringLiteral("Auditor")));
    EXPECT_EQ(services->accounts().user(boss, QStringLiteral("ada"))->roleName, QStringLiteral("Auditor"));
    dialogs.nextConfirm = true;
    ASSERT_TRUE(administration->toggleSelectedEnabled());
    EXPECT_EQ(services->accounts().user(boss, QStringLiteral("ada"))->account.status, Core::AccountStatus::Disabled);
    ASSERT_TRUE(administration->toggleSelectedEnabled());
    ASSERT_TRUE(administration->resetSelectedPassword());
    EXPECT_TRUE(services->accounts().user(boss, QStringLiteral("ada"))->account.mustChangePassword);
    ASSERT_TRUE(administration->removeSelected(QStringLiteral("bob")));
    EXPECT_FALSE(services->accounts().user(boss, QStringLiteral("ada")));
    administration->selectUser(QStringLiteral("boss"));
    EXPECT_FALSE(administration->findChild<QPushButton*>(QStringLiteral("removeUser"))->isEnabled())
        << "nobody removes themselves";
    administration->close();

    // A member has no Administration item and cannot open it.
    auto member = services->accounts().signIn(QStringLiteral("bob"), QStringLiteral("violet lantern under snow"),
                                              Core::ClientKind::Gui);
    ASSERT_TRUE(member);
    Ui::MainWindow memberWindow(*services, dialogs, member->actor);
    EXPECT_EQ(memberWindow.findChild<QAction*>(QStringLiteral("openAdministration")), nullptr);
    EXPECT_EQ(memberWindow.openAdministration(), nullptr);
    EXPECT_FALSE(Ui::AdministrationWindow::mayOpen(member->actor));
}

TEST_F(AccountsUiTest, TheAuditPagePagesFiltersExportsAndVerifiesOffTheUiThread) {
    const Core::Actor boss = enable();
    for (int i = 0; i < 260; ++i) { // more than a page
        ASSERT_TRUE(services->audit().record(boss, {QStringLiteral("user.update"),
                                                    QStringLiteral("user:x%1").arg(i),
                                                    Core::AuditOutcome::Success,
                                                    QString(),
                                                    {}}));
    }
    (void)services->accounts().signIn(QStringLiteral("nobody"), QStringLiteral("guess"), Core::ClientKind::Gui);
    Ui::AdministrationWindow administration(*services, boss, dialogs);
    Ui::AuditPage* page = administration.auditPage();
    ASSERT_NE(page, nullptr);
    Ui::AuditLogModel* model = page->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_GE(model->rowCount(), Ui::AuditLogModel::pageSize) << "at least the newest page (a view asks for more)";
    ASSERT_TRUE(Testing::waitUntil([&] {
        if (model->canFetchMore({})) {
            model->fetchMore({});
        }
        return !model->canFetchMore({});
    }));
    const int all = model->rowCount();
    EXPECT_GE(all, 263);
    EXPECT_EQ(model->entryAt(0)->action, QStringLiteral("auth.sign_in")) << "newest first";

    page->outcomeFilter()->setCurrentIndex(page->outcomeFilter()->findData(QStringLiteral("failure")));
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->entryAt(0)->actorName, QStringLiteral("nobody"));
    page->outcomeFilter()->setCurrentIndex(0);
    page->actionFilter()->setText(QStringLiteral("accounts.*"));
    page->applyFilter();
    ASSERT_EQ(model->rowCount(), 1);
    page->actionFilter()->clear();
    page->applyFilter();

    page->verify();
    ASSERT_TRUE(Testing::waitUntil([&] { return !page->verifying(); }, 30'000));
    EXPECT_TRUE(page->verificationText().contains(QStringLiteral("verifies")))
        << page->verificationText().toStdString();

    // A row changed behind Tessera's back is found and named.
    ASSERT_TRUE(services->store().database.exec(QStringLiteral("UPDATE audit_log SET detail = 'forged' WHERE id = 5")));
    page->verify();
    ASSERT_TRUE(Testing::waitUntil([&] { return !page->verifying(); }, 30'000));
    EXPECT_TRUE(page->verificationText().contains(QStringLiteral("First bad entry: 5")))
        << page->verificationText().toStdString();

    QTemporaryDir out;
    dialogs.nextSavePath = out.filePath(QStringLiteral("audit.jsonl"));
    dialogs.nextSaveFilter = QStringLiteral("JSON Lines (*.jsonl)");
    page->exportLog();
    QFile file(dialogs.nextSavePath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_GE(file.readAll().count('\n'), all);

    // An Auditor sees the audit log and not the users; a Member sees neither.
    const Core::Actor auditor =
        Core::Actor::withRole(9, QStringLiteral("aud"), Core::BuiltInRole::Auditor, Core::ClientKind::Gui);
    EXPECT_TRUE(Ui::AdministrationWindow::mayOpen(auditor));
    Ui::AdministrationWindow auditorWindow(*services, auditor, dialogs);
    EXPECT_NE(auditorWindow.auditPage(), nullptr);
    EXPECT_EQ(auditorWindow.userTable(), nullptr);
}

TEST_F(AccountsUiTest, TheSessionsPageListsEveryonesSessionsAndEndsOne) {
    const Core::Actor boss = enable();
    ASSERT_TRUE(services->accounts().addUser(boss, QStringLiteral("ada"), {}, QStringLiteral("Member"),
                                             QStringLiteral("violet lantern under snow")));
    auto ada = services->accounts().signIn(QStringLiteral("ada"), QStringLiteral("violet lantern under snow"),
                                           Core::ClientKind::Cli, true);
    ASSERT_TRUE(ada);
    Ui::AdministrationWindow administration(*services, boss, dialogs);
    Ui::SessionsPage* page = administration.sessionsPage();
    ASSERT_NE(page, nullptr);
    QAbstractItemModelTester tester(page->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(page->model()->rowCount(), 2) << "boss's and ada's";
    int adaRow = -1;
    for (int row = 0; row < page->model()->rowCount(); ++row) {
        if (page->model()->sessionAt(row)->username == QStringLiteral("ada")) {
            adaRow = row;
        }
    }
    ASSERT_GE(adaRow, 0);
    EXPECT_EQ(page->model()->index(adaRow, Ui::SessionListModel::ClientColumn).data().toString(),
              QStringLiteral("Command line"));
    EXPECT_FALSE(page->endSelected()) << "nothing selected";
    page->table()->selectRow(adaRow);
    ASSERT_TRUE(page->endSelected());
    EXPECT_EQ(page->model()->rowCount(), 1);
    EXPECT_FALSE(services->accounts().resume(ada->sessionToken, Core::ClientKind::Cli)) << "ended in the store";
    EXPECT_FALSE(services->accounts().refresh(ada->refreshToken, Core::ClientKind::Cli)) << "and its stay-signed-in";
}

TEST_F(AccountsUiTest, TheFlagsPageSwitchesAFeatureForEveryoneARoleOrAUserAtOnce) {
    const Core::Actor boss = enable();
    ASSERT_TRUE(services->accounts().addUser(boss, QStringLiteral("ada"), {}, QStringLiteral("Member"),
                                             QStringLiteral("violet lantern under snow")));
    const Core::Actor ada = *services->accounts().actorFor(
        services->accounts().user(boss, QStringLiteral("ada"))->account.id, Core::ClientKind::Gui);
    Ui::AdministrationWindow administration(*services, boss, dialogs);
    Ui::FlagsPage* page = administration.flagsPage();
    ASSERT_NE(page, nullptr);
    QAbstractItemModelTester tester(page->table()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(page->table()->rowCount(), int(Core::featureDefinitions().size()));
    const int exportRow = int(Core::Feature::Export);
    ASSERT_TRUE(page->setForEveryone(exportRow, 2));
    EXPECT_FALSE(services->flags().enabled(ada, Core::Feature::Export)) << "applies at once";
    ASSERT_TRUE(page->setOverride(exportRow, true, QStringLiteral("Member"), 1));
    EXPECT_TRUE(services->flags().enabled(ada, Core::Feature::Export));
    EXPECT_TRUE(page->table()->item(exportRow, 2)->text().contains(QStringLiteral("Member")));
    ASSERT_TRUE(page->setOverride(exportRow, false, QStringLiteral("ada"), 2));
    EXPECT_FALSE(services->flags().enabled(ada, Core::Feature::Export)) << "a user's setting beats the role's";
    ASSERT_TRUE(page->setOverride(exportRow, false, QStringLiteral("ada"), 0));
    EXPECT_TRUE(services->flags().enabled(ada, Core::Feature::Export));
    EXPECT_FALSE(page->setOverride(exportRow, false, QStringLiteral("ghost"), 1)) << "an unknown user";
    ASSERT_TRUE(page->setForEveryone(exportRow, 0));
    const Core::Actor manager =
        Core::Actor::withRole(8, QStringLiteral("m"), Core::BuiltInRole::Manager, Core::ClientKind::Gui);
    Ui::AdministrationWindow managerWindow(*services, manager, dialogs);
    EXPECT_EQ(managerWindow.flagsPage(), nullptr) << "flags.manage is an Administrator's";
}

TEST_F(AccountsUiTest, TheRolesPageEditsACustomRolesMatrixAndAllowlistAndShowsWhatAUserMayDo) {
    const Core::Actor boss = enable();
    ASSERT_TRUE(services->accounts().addUser(boss, QStringLiteral("ada"), {}, QStringLiteral("Member"),
                                             QStringLiteral("violet lantern under snow")));
    Ui::AdministrationWindow administration(*services, boss, dialogs);
    Ui::RolesPage* page = administration.rolesPage();
    ASSERT_NE(page, nullptr);
    Ui::RoleMatrixModel* model = page->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model->rowCount(), Core::permissionCount);
    ASSERT_EQ(model->columnCount(), 4) << "the built-in roles";
    const int administrator = model->columnOf(QStringLiteral("Administrator"));
    const int exportRow = int(Core::Permission::DataExport);
    EXPECT_EQ(model->index(exportRow, administrator).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    EXPECT_FALSE(model->flags(model->index(exportRow, administrator)) & Qt::ItemIsUserCheckable)
        << "a built-in role is fixed";
    EXPECT_FALSE(model->setData(model->index(exportRow, administrator), Qt::Unchecked, Qt::CheckStateRole));

    ASSERT_TRUE(page->addRole(QStringLiteral("Contractor"), QStringLiteral("Member")));
    EXPECT_EQ(page->selectedRole(), QStringLiteral("Contractor"));
    const int contractor = model->columnOf(QStringLiteral("Contractor"));
    ASSERT_GE(contractor, 0);
    const QModelIndex cell = model->index(exportRow, contractor);
    EXPECT_TRUE(model->flags(cell) & Qt::ItemIsUserCheckable);
    const bool memberExports =
        Core::builtInRole(Core::BuiltInRole::Member).permissions.has(Core::Permission::DataExport);
    EXPECT_EQ(cell.data(Qt::CheckStateRole).value<Qt::CheckState>(), memberExports ? Qt::Checked : Qt::Unchecked)
        << "starts as a copy of Member";
    ASSERT_TRUE(model->setData(cell, memberExports ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole));
    auto stored = services->roles().show(boss, QStringLiteral("Contractor"));
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->role.permissions.has(Core::Permission::DataExport), !memberExports) << "saved at once";

    ASSERT_TRUE(page->saveAllowlist(QStringLiteral(" openai/gpt-4o-mini, ollama ,")));
    stored = services->roles().show(boss, QStringLiteral("Contractor"));
    EXPECT_EQ(stored->role.providers, (QStringList{QStringLiteral("openai/gpt-4o-mini"), QStringLiteral("ollama")}));
    ASSERT_TRUE(page->renameSelected(QStringLiteral("Freelancer")));
    EXPECT_EQ(page->selectedRole(), QStringLiteral("Freelancer"));

    ASSERT_TRUE(services->accounts().updateUser(boss, QStringLiteral("ada"),
                                                Core::UserChanges{QStringLiteral("Freelancer"), {}, {}}));
    const QString effective = page->showEffective(QStringLiteral("ada"));
    EXPECT_TRUE(effective.contains(QStringLiteral("Freelancer"))) << effective.toStdString();
    EXPECT_TRUE(effective.contains(QStringLiteral("ollama"))) << effective.toStdString();
    page->refresh();
    page->selectRole(QStringLiteral("Freelancer"));
    EXPECT_FALSE(page->removeSelected()) << "ada still has it";
    EXPECT_FALSE(dialogs.errors.isEmpty());
    ASSERT_TRUE(services->accounts().updateUser(boss, QStringLiteral("ada"),
                                                Core::UserChanges{QStringLiteral("Member"), {}, {}}));
    page->refresh();
    page->selectRole(QStringLiteral("Freelancer"));
    ASSERT_TRUE(page->removeSelected());
    EXPECT_EQ(model->columnOf(QStringLiteral("Freelancer")), -1);
    EXPECT_EQ(model->columnCount(), 4);

    // A Manager sees the matrix but changes nothing; core would refuse anyway.
    const Core::Actor manager = *services->accounts().actorFor(
        services->accounts()
            .addUser(boss, QStringLiteral("kim"), {}, QStringLiteral("Manager"), QStringLiteral("amber kettle on ice"))
            ->user.account.id,
        Core::ClientKind::Gui);
    ASSERT_TRUE(page->addRole(QStringLiteral("Guest"), QStringLiteral("Member")));
    // The keyboard: Space on a cell toggles it.
    page->table()->setCurrentIndex(model->index(int(Core::Permission::Chat), model->columnOf(QStringLiteral("Guest"))));
    QTest::keyClick(page->table(), Qt::Key_Space);
    EXPECT_FALSE(services->roles().show(boss, QStringLiteral("Guest"))->role.permissions.has(Core::Permission::Chat));
    Ui::AdministrationWindow managerWindow(*services, manager, dialogs);
    Ui::RolesPage* managerPage = managerWindow.rolesPage();
    ASSERT_NE(managerPage, nullptr);
    const int guest = managerPage->model()->columnOf(QStringLiteral("Guest"));
    ASSERT_GE(guest, 0);
    EXPECT_FALSE(managerPage->model()->flags(managerPage->model()->index(0, guest)) & Qt::ItemIsUserCheckable);
    EXPECT_FALSE(
        managerPage->model()->setData(managerPage->model()->index(0, guest), Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_FALSE(managerPage->findChild<QPushButton*>(QStringLiteral("addRole"))->isVisibleTo(managerPage));
}

TEST_F(AccountsUiTest, AMemberSeesAndEndsTheirOwnSessionsAndMakesAnApiTokenShownOnce) {
    const Core::Actor boss = enable();
    ASSERT_TRUE(services->accounts().addUser(boss, QStringLiteral("ada"), {}, QStringLiteral("Member"),
                                             QStringLiteral("violet lantern under snow")));
    auto ada = services->accounts().signIn(QStringLiteral("ada"), QStringLiteral("violet lantern under snow"),
                                           Core::ClientKind::Gui);
    ASSERT_TRUE(ada);
    auto adaCli = services->accounts().signIn(QStringLiteral("ada"), QStringLiteral("violet lantern under snow"),
                                              Core::ClientKind::Cli);
    ASSERT_TRUE(adaCli);
    const qint64 auditBefore = services->audit().list(boss, {})->size();

    Ui::MainWindow window(*services, dialogs, ada->actor);
    QMenu* menu = accountMenu(window);
    ASSERT_NE(menu, nullptr);
    QAction* who = menu->findChild<QAction*>(QStringLiteral("signedInAs"));
    EXPECT_TRUE(who->text().contains(QStringLiteral("Member"))) << "a member sees their own role";
    ASSERT_NE(menu->findChild<QAction*>(QStringLiteral("myAccount")), nullptr);

    Ui::MyAccountDialog mine(*services, ada->actor, dialogs);
    Ui::SessionListModel* sessions = mine.sessionsPage()->model();
    QAbstractItemModelTester sessionTester(sessions, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(sessions->rowCount(), 2) << "ada's two, not boss's";
    int cliRow = -1;
    for (int row = 0; row < sessions->rowCount(); ++row) {
        EXPECT_EQ(sessions->sessionAt(row)->username, QStringLiteral("ada"));
        if (!sessions->sessionAt(row)->current) {
            cliRow = row;
        }
    }
    ASSERT_GE(cliRow, 0);
    mine.sessionsPage()->table()->selectRow(cliRow);
    ASSERT_TRUE(mine.sessionsPage()->endSelected());
    EXPECT_EQ(sessions->rowCount(), 1);
    EXPECT_FALSE(services->accounts().resume(adaCli->sessionToken, Core::ClientKind::Cli));

    Ui::ApiTokenListModel* tokens = mine.tokenModel();
    QAbstractItemModelTester tokenTester(tokens, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(tokens->rowCount(), 0);
    const QString token = mine.createToken(QStringLiteral("nightly"), 30, Core::PermissionSet{Core::Permission::Chat});
    ASSERT_TRUE(token.startsWith(QStringLiteral("tsk_")));
    auto* shown = mine.findChild<QLineEdit*>(QStringLiteral("apiTokenText"));
    ASSERT_NE(shown, nullptr) << "shown once, to copy";
    EXPECT_EQ(shown->text(), token);
    ASSERT_EQ(tokens->rowCount(), 1);
    EXPECT_EQ(tokens->index(0, Ui::ApiTokenListModel::NameColumn).data().toString(), QStringLiteral("nightly"));
    EXPECT_EQ(tokens->index(0, Ui::ApiTokenListModel::PermissionsColumn).data().toString(), QStringLiteral("Chat"));
    for (int column = 0; column < tokens->columnCount(); ++column) {
        EXPECT_FALSE(tokens->index(0, column).data().toString().contains(token)) << "the list never shows it";
    }
    auto asToken = services->accounts().authenticateToken(token, Core::ClientKind::Cli);
    ASSERT_TRUE(asToken);
    EXPECT_FALSE(asToken->may(Core::Permission::DataExport)) << "narrower than ada";
    EXPECT_TRUE(
        mine.createToken(QStringLiteral("admin"), std::nullopt, Core::PermissionSet{Core::Permission::UsersManage})
            .isEmpty())
        << "never more than its user";
    EXPECT_FALSE(dialogs.errors.isEmpty());
    EXPECT_FALSE(mine.revokeSelected()) << "nothing selected";
    mine.tokenTable()->selectRow(0);
    ASSERT_TRUE(mine.revokeSelected());
    EXPECT_EQ(tokens->rowCount(), 0);
    EXPECT_FALSE(services->accounts().authenticateToken(token, Core::ClientKind::Cli));
    auto audit = services->audit().list(boss, {});
    ASSERT_TRUE(audit);
    EXPECT_GT(qint64(audit->size()), auditBefore);
    for (const Core::AuditEntry& entry : *audit) {
        EXPECT_FALSE(entry.detail.contains(token)) << "the token never reaches the audit log";
        if (entry.outcome == QStringLiteral("denied")) {
            EXPECT_EQ(entry.action, QStringLiteral("api_token.create"))
                << "opening the window and My Account asks for nothing ada may not have";
        }
    }
}

TEST_F(AccountsUiTest, TheWindowHidesWhatTheRoleCannotDoAndGreysWhatAFlagSwitchedOff) {
    addLoopbackProvider(QStringLiteral("local"));
    addLoopbackProvider(QStringLiteral("other"));
    const Core::Actor boss = enable();
    ASSERT_TRUE(services->accounts().addUser(boss, QStringLiteral("ada"), {}, QStringLiteral("Member"),
                                             QStringLiteral("violet lantern under snow")));
    const Core::Actor ada = *services->accounts().actorFor(
        services->accounts().user(boss, QStringLiteral("ada"))->account.id, Core::ClientKind::Gui);
    Ui::MainWindow window(*services, dialogs, ada);
    const auto action = [&window](const char* name) {
        return window.findChild<QAction*>(QString::fromLatin1(name));
    };
    ASSERT_NE(action("manageProviders"), nullptr);
    EXPECT_FALSE(action("manageProviders")->isVisible()) << "providers.manage is an Administrator's";
    EXPECT_TRUE(action("addProvider")->isVisible());
    EXPECT_FALSE(action("addProvider")->isEnabled()) << "members add providers only when the flag says so";
    EXPECT_EQ(window.openAddProvider(), nullptr);
    EXPECT_TRUE(action("exportConversation")->isVisible());
    EXPECT_TRUE(action("exportConversation")->isEnabled());
    EXPECT_TRUE(window.chatPanel()->mayAttach());

    // An administrator switches export and attachments off: the window follows without a restart.
    ASSERT_TRUE(services->flags().set(boss, Core::Feature::Export, Core::FlagScope::Default, 0, false));
    ASSERT_TRUE(services->flags().set(boss, Core::Feature::Attachments, Core::FlagScope::Default, 0, false));
    ASSERT_TRUE(services->flags().set(boss, Core::Feature::MembersAddProviders, Core::FlagScope::Default, 0, true));
    window.accessGate()->refresh();
    EXPECT_TRUE(action("exportConversation")->isVisible()) << "greyed, not hidden: it is the flag, not the role";
    EXPECT_FALSE(action("exportConversation")->isEnabled());
    EXPECT_TRUE(action("exportConversation")->toolTip().contains(QStringLiteral("Switched off")));
    EXPECT_FALSE(action("attachFiles")->isEnabled());
    EXPECT_TRUE(action("addProvider")->isEnabled());
    Ui::ChatPanel* panel = window.chatPanel();
    EXPECT_FALSE(panel->mayAttach());
    EXPECT_FALSE(child<QToolButton>(panel, "attachButton")->isEnabled());
    QTemporaryFile notes(dir.path() + QStringLiteral("/XXXXXX.txt"));
    ASSERT_TRUE(notes.open());
    notes.write("some notes\n");
    notes.close();
    panel->attachFiles({notes.fileName()});
    EXPECT_TRUE(panel->attachments()->files().empty()) << "a dropped file is refused";
    EXPECT_FALSE(panel->errorBanner()->text().isEmpty());
    // Settings: automatic titles greyed while their flag is off; the cache page only for providers.manage.
    ASSERT_TRUE(services->flags().set(boss, Core::Feature::AutoTitles, Core::FlagScope::Default, 0, false));
    {
        Ui::SettingsDialog settings(*services, ada, Ui::UiSettings{});
        EXPECT_FALSE(child<QCheckBox>(&settings, "autoTitle")->isEnabled());
        EXPECT_EQ(settings.findChild<QWidget*>(QStringLiteral("cacheSection")), nullptr);
        Ui::SettingsDialog bossSettings(*services, boss, Ui::UiSettings{});
        EXPECT_NE(bossSettings.findChild<QWidget*>(QStringLiteral("cacheSection")), nullptr);
    }
    ASSERT_TRUE(services->flags().unset(boss, Core::Feature::Attachments, Core::FlagScope::Default, 0));
    window.accessGate()->refresh();
    EXPECT_TRUE(panel->mayAttach()) << "and back on";
    EXPECT_TRUE(child<QToolButton>(panel, "attachButton")->isEnabled());

    // The allowlist: only the providers and models the role allows are offered.
    ASSERT_TRUE(services->roles().add(boss, QStringLiteral("Local only"),
                                      {Core::Permission::Chat, Core::Permission::ProvidersUse},
                                      {QStringLiteral("local/gpt-small"), QStringLiteral("local/gpt-test")}));
    ASSERT_TRUE(services->accounts().updateUser(boss, QStringLiteral("ada"),
                                                Core::UserChanges{QStringLiteral("Local only"), {}, {}}));
    const Core::Actor limited = *services->accounts().actorFor(ada.userId, Core::ClientKind::Gui);
    Ui::MainWindow limitedWindow(*services, dialogs, limited);
    EXPECT_EQ(limitedWindow.chatPanel()->offeredProviders(), QStringList{QStringLiteral("local")});
    EXPECT_EQ(limitedWindow.chatPanel()->offeredModels(),
              (QStringList{QStringLiteral("gpt-small"), QStringLiteral("gpt-test")}));
    EXPECT_FALSE(limitedWindow.findChild<QAction*>(QStringLiteral("exportConversation"))->isVisible())
        << "the role has no data.export";

    // An Auditor reads but does not write.
    const Core::Actor auditor = *services->accounts().actorFor(
        services->accounts()
            .addUser(boss, QStringLiteral("lee"), {}, QStringLiteral("Auditor"), QStringLiteral("amber kettle on ice"))
            ->user.account.id,
        Core::ClientKind::Gui);
    Ui::MainWindow auditorWindow(*services, dialogs, auditor);
    EXPECT_FALSE(auditorWindow.chatPanel()->mayChat());
    EXPECT_TRUE(auditorWindow.chatPanel()->composer()->isReadOnly());
    EXPECT_FALSE(child<QPushButton>(auditorWindow.chatPanel(), "sendButton")->isEnabled());
    EXPECT_FALSE(auditorWindow.findChild<QAction*>(QStringLiteral("attachFiles"))->isVisible());
    EXPECT_FALSE(auditorWindow.findChild<QAction*>(QStringLiteral("importConversations"))->isVisible());
}

TEST_F(AccountsUiTest, AMemberWithoutProvidersIsToldWhoAddsThemAndSeesTheOneAddedMeanwhile) {
    const Core::Actor boss = enable();
    ASSERT_TRUE(services->accounts().addUser(boss, QStringLiteral("ada"), {}, QStringLiteral("Member"),
                                             QStringLiteral("violet lantern under snow")));
    const Core::Actor ada = *services->accounts().actorFor(
        services->accounts().user(boss, QStringLiteral("ada"))->account.id, Core::ClientKind::Gui);
    Ui::MainWindow window(*services, dialogs, ada);
    Ui::WelcomePage* welcome = window.showFirstRunIfNeeded();
    ASSERT_NE(welcome, nullptr);
    EXPECT_TRUE(child<QLabel>(welcome, "askAdministrator")->isVisibleTo(welcome));
    EXPECT_FALSE(welcome->card(QStringLiteral("openai"))->isVisibleTo(welcome)) << "no cards that cannot work";
    addLoopbackProvider(QStringLiteral("local")); // an administrator adds one elsewhere
    window.accessGate()->refresh();
    EXPECT_EQ(window.showFirstRunIfNeeded(), nullptr) << "the chat takes the welcome page's place";
    EXPECT_EQ(window.chatPanel()->offeredProviders(), QStringList{QStringLiteral("local")});
    ASSERT_TRUE(
        services->store().providers.remove(services->store().providers.findByName(QStringLiteral("local"))->id));
    Ui::MainWindow again(*services, dialogs, boss);
    Ui::WelcomePage* bossWelcome = again.showFirstRunIfNeeded();
    ASSERT_NE(bossWelcome, nullptr);
    EXPECT_TRUE(bossWelcome->card(QStringLiteral("openai"))->isVisibleTo(bossWelcome)) << "an administrator adds one";
}
