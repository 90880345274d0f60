#pragma once

#include "common/Actor.h"

#include <QDialog>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class PasswordStrength;

// Settings ▸ Accounts: personal mode or multi-user mode, and (for those who may) switching accounts on.
class AccountsPage final : public QWidget {
    Q_OBJECT
public:
    AccountsPage(Core::CoreServices& services, const Core::Actor& actor, QWidget* parent = nullptr);

    QPushButton* enableButton() const { return m_enable; }
    // Opens the dialog that switches accounts on (also for tests).
    QDialog* openEnable();

Q_SIGNALS:
    // Accounts are on: the app signs in again, as the new administrator.
    void accountsEnabled(const QString& administrator);

private:
    void refresh();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    QLabel* m_status;
    QPushButton* m_enable;
};

// Switching accounts on: the first administrator's username and password (twice), rated as typed.
class EnableAccountsDialog final : public QDialog {
    Q_OBJECT
public:
    EnableAccountsDialog(Core::CoreServices& services, const Core::Actor& actor, QWidget* parent = nullptr);

    void setFields(const QString& username, const QString& password, const QString& repeated);
    QString problem() const;
    QString administrator() const;
    void enable();

private:
    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QLineEdit* m_repeat;
    PasswordStrength* m_strength;
    QLabel* m_problem;
};

} // namespace Tessera::Ui
