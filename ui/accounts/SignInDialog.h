#pragma once

#include "accounts/AccountService.h"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class PasswordStrength;

// Signs a person in when the store has accounts: username, password and "Stay signed in on this computer". A
// wrong password and an unknown name get the same answer; a locked account says until when. Accepted once core
// signed someone in (signedIn() has the session); Quit rejects.
class SignInDialog final : public QDialog {
    Q_OBJECT
public:
    // lockedName: the idle lock asks the signed-in person again, with the name fixed.
    SignInDialog(Core::CoreServices& services, const QString& username, QWidget* parent = nullptr,
                 bool lockedName = false);

    const std::optional<Core::SignedIn>& signedIn() const { return m_signedIn; }
    // For tests and the lock screen.
    void setPassword(const QString& password);
    void setStaySignedIn(bool stay);
    QString problem() const;

public:
    void signIn();
    // The idle lock: the password goes to unlock instead of a new sign-in.
    void setUnlock(std::function<Core::Result<Core::Actor>(const QString&)> unlock) { m_unlock = std::move(unlock); }
    const std::optional<Core::Actor>& unlockedActor() const { return m_unlockedActor; }

private:
    void showProblem(const QString& text);
    void showSignInProblem(const Core::Error& error);

    Core::CoreServices& m_services;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QCheckBox* m_stay;
    QLabel* m_problem;
    QPushButton* m_signIn;
    std::optional<Core::SignedIn> m_signedIn;
    std::function<Core::Result<Core::Actor>(const QString&)> m_unlock;
    std::optional<Core::Actor> m_unlockedActor;
};

// Asks for the current and a new password (twice), rating the new one as it is typed. Used when a password was
// reset (must change before going on) and from the user menu.
class ChangePasswordDialog final : public QDialog {
    Q_OBJECT
public:
    ChangePasswordDialog(Core::CoreServices& services, const Core::Actor& actor, bool required,
                         QWidget* parent = nullptr);

    void setPasswords(const QString& current, const QString& replacement, const QString& repeated);
    QString problem() const;

public:
    void change();

private:
    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    QLineEdit* m_current;
    QLineEdit* m_new;
    QLineEdit* m_repeat;
    QCheckBox* m_endOthers;
    PasswordStrength* m_strength;
    QLabel* m_problem;
    QPushButton* m_change;
};

} // namespace Tessera::Ui
