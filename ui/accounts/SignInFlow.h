#pragma once

#include "common/Actor.h"

#include <QObject>
#include <QString>

#include <optional>

class QMenu;
class QWidget;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;

// How the app finds out who uses it: in personal mode the owner; with accounts, the "stay signed in" token from
// the keychain (rotated at each start), else the sign-in dialog, then the forced password change after a reset.
class SignInFlow final {
public:
    explicit SignInFlow(Core::CoreServices& services);

    // nullopt when the person chose Quit.
    std::optional<Core::Actor> run(QWidget* parent = nullptr, const QString& username = {});
    // Ends the actor's session and forgets the kept token.
    void signOut(const Core::Actor& actor);

private:
    QString refreshKey() const;
    std::optional<Core::Actor> resumeFromKeychain();
    void keep(const QString& refreshToken);
    void forget();

    Core::CoreServices& m_services;
};

// The Account menu of a multi-user store: who is signed in with their role, change password, my sessions and API
// tokens, sign out, switch user. Signing out or switching is done by the composition root (it closes the window and
// signs in again).
class AccountMenu final : public QObject {
    Q_OBJECT
public:
    AccountMenu(Core::CoreServices& services, const Core::Actor& actor, Dialogs& dialogs, QWidget* window);
    QMenu* menu() const { return m_menu; }

Q_SIGNALS:
    void signOutRequested();
    void switchUserRequested();

private:
    void changePassword();
    void openMyAccount();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    QWidget* m_window;
    QMenu* m_menu;
};

} // namespace Tessera::Ui
