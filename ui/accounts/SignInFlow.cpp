#include "accounts/SignInFlow.h"

#include "accounts/AccountService.h"
#include "accounts/MyAccountDialog.h"
#include "accounts/SignInDialog.h"
#include "app/CoreServices.h"
#include "common/WaitFor.h"
#include "logging/Logging.h"
#include "secrets/SecretStore.h"
#include "style/Icons.h"

#include <QMenu>

namespace Tessera::Ui {

SignInFlow::SignInFlow(Core::CoreServices& services)
    : m_services(services) {
}

QString SignInFlow::refreshKey() const {
    return QStringLiteral("session/gui/") + m_services.storeLocation().displayName();
}

void SignInFlow::keep(const QString& refreshToken) {
    const Core::Status kept = Core::waitFor<Core::Status>([&](std::function<void(Core::Status)> done) {
        m_services.secrets().write(refreshKey(), refreshToken, std::move(done));
    });
    if (!kept) {
        // Staying signed in is a convenience: without a keychain the next start asks again.
        Core::log("auth")->warn("could not keep the stay-signed-in token: {}", kept.error().toLogString());
    }
}

void SignInFlow::forget() {
    (void)Core::waitFor<Core::Status>(
        [&](std::function<void(Core::Status)> done) { m_services.secrets().remove(refreshKey(), std::move(done)); });
}

std::optional<Core::Actor> SignInFlow::resumeFromKeychain() {
    const auto token = Core::waitFor<Core::Result<QString>>([&](std::function<void(Core::Result<QString>)> done) {
        m_services.secrets().read(refreshKey(), std::move(done));
    });
    if (!token || token->isEmpty()) {
        return std::nullopt;
    }
    auto refreshed = m_services.accounts().refresh(*token, Core::ClientKind::Gui);
    if (!refreshed) {
        Core::log("auth")->info("the kept sign-in was not accepted: {}", refreshed.error().toLogString());
        forget();
        return std::nullopt;
    }
    keep(refreshed->refreshToken);
    if (refreshed->mustChangePassword) {
        return std::nullopt; // asked through the dialog, where the new password is chosen
    }
    return refreshed->actor;
}

std::optional<Core::Actor> SignInFlow::run(QWidget* parent, const QString& username) {
    Core::AccountService& accounts = m_services.accounts();
    if (accounts.mode() == Core::AccountsMode::Personal) {
        auto owner = accounts.personalActor(Core::ClientKind::Gui);
        if (owner) {
            return *owner;
        }
        Core::log("auth")->error("the owner's account cannot be read: {}", owner.error().toLogString());
        return Core::Actor::owner(Core::ClientKind::Gui);
    }
    if (username.isEmpty()) {
        if (auto resumed = resumeFromKeychain()) {
            return resumed;
        }
    }
    for (;;) {
        SignInDialog dialog(m_services, username, parent);
        if (dialog.exec() != QDialog::Accepted || !dialog.signedIn()) {
            return std::nullopt;
        }
        const Core::SignedIn& signedIn = *dialog.signedIn();
        if (!signedIn.refreshToken.isEmpty()) {
            keep(signedIn.refreshToken);
        }
        if (!signedIn.mustChangePassword) {
            return signedIn.actor;
        }
        ChangePasswordDialog change(m_services, signedIn.actor, true, parent);
        if (change.exec() == QDialog::Accepted) {
            return signedIn.actor;
        }
        signOut(signedIn.actor); // declined: back to the sign-in
    }
}

void SignInFlow::signOut(const Core::Actor& actor) {
    if (auto ended = m_services.accounts().signOut(actor); !ended) {
        Core::log("auth")->warn("sign-out of {} failed: {}", actor.userName, ended.error().toLogString());
    }
    forget();
}

AccountMenu::AccountMenu(Core::CoreServices& services, const Core::Actor& actor, Dialogs& dialogs, QWidget* window)
    : QObject(window)
    , m_services(services)
    , m_actor(actor)
    , m_dialogs(dialogs)
    , m_window(window)
    , m_menu(new QMenu(tr("&Account"), window)) {
    m_menu->setObjectName(QStringLiteral("accountMenu"));
    QString role;
    if (auto user = services.accounts().user(actor, actor.userName)) {
        role = user->roleName;
    }
    QAction* who =
        m_menu->addAction(Style::icon(Style::Icon::User), tr("Signed in as %1 (%2)").arg(actor.userName, role));
    who->setObjectName(QStringLiteral("signedInAs"));
    who->setEnabled(false);
    m_menu->addSeparator();
    QAction* password = m_menu->addAction(tr("&Change Password…"), this, &AccountMenu::changePassword);
    password->setObjectName(QStringLiteral("changePassword"));
    QAction* mine = m_menu->addAction(tr("My Sessions and API &Tokens…"), this, &AccountMenu::openMyAccount);
    mine->setObjectName(QStringLiteral("myAccount"));
    m_menu->addSeparator();
    QAction* switchUser = m_menu->addAction(tr("S&witch User…"), this, &AccountMenu::switchUserRequested);
    switchUser->setObjectName(QStringLiteral("switchUser"));
    QAction* signOut = m_menu->addAction(tr("Sign &Out"), this, &AccountMenu::signOutRequested);
    signOut->setObjectName(QStringLiteral("signOut"));
    signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
}

void AccountMenu::changePassword() {
    auto* dialog = new ChangePasswordDialog(m_services, m_actor, false, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AccountMenu::openMyAccount() {
    auto* dialog = new MyAccountDialog(m_services, m_actor, m_dialogs, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace Tessera::Ui
