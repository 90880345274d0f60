#include "accounts/AccountsPage.h"

#include "accounts/AccountService.h"
#include "app/CoreServices.h"
#include "style/Theme.h"
#include "style/Tokens.h"
#include "widgets/ErrorText.h"
#include "widgets/PasswordStrength.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

AccountsPage::AccountsPage(Core::CoreServices& services, const Core::Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(actor)
    , m_status(new QLabel(this))
    , m_enable(new QPushButton(tr("Switch Accounts &On…"), this)) {
    setObjectName(QStringLiteral("accountsPage"));
    m_status->setObjectName(QStringLiteral("accountsStatus"));
    m_status->setWordWrap(true);
    m_enable->setObjectName(QStringLiteral("enableAccounts"));
    m_enable->setAutoDefault(false);
    connect(m_enable, &QPushButton::clicked, this, &AccountsPage::openEnable);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Style::Space::two);
    layout->addWidget(m_status);
    layout->addWidget(m_enable, 0, Qt::AlignLeft);
    layout->addStretch(1);
    refresh();
}

void AccountsPage::refresh() {
    if (m_services.accounts().mode() == Core::AccountsMode::MultiUser) {
        QString role;
        int users = 0;
        if (auto me = m_services.accounts().user(m_actor, m_actor.userName)) {
            role = me->roleName;
        }
        if (auto all = m_services.accounts().users(m_actor)) {
            users = int(all->size());
        }
        m_status->setText(users > 0 ? tr("Accounts are on: %n people share this Tessera, each with their own "
                                         "conversations. You are signed in as %1 (%2).",
                                         nullptr, users)
                                          .arg(m_actor.userName, role)
                                    : tr("Accounts are on. You are signed in as %1 (%2).").arg(m_actor.userName, role));
        m_enable->hide();
        return;
    }
    m_status->setText(tr("Personal mode: one person uses this Tessera, without signing in. Switch accounts on to "
                         "share it: each person signs in and has their own conversations, and you manage who may do "
                         "what. Everything here now becomes yours, as the first administrator."));
    const bool may = m_actor.may(Core::Permission::RolesManage);
    m_enable->setVisible(true);
    m_enable->setEnabled(may);
    if (!may) {
        m_enable->setToolTip(tr("Only an administrator can switch accounts on."));
    }
}

QDialog* AccountsPage::openEnable() {
    auto* dialog = new EnableAccountsDialog(m_services, m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        refresh();
        Q_EMIT accountsEnabled(dialog->administrator());
    });
    dialog->open();
    return dialog;
}

EnableAccountsDialog::EnableAccountsDialog(Core::CoreServices& services, const Core::Actor& actor, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(actor)
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_strength(new PasswordStrength(this))
    , m_problem(new QLabel(this)) {
    setObjectName(QStringLiteral("enableAccountsDialog"));
    setWindowTitle(tr("Switch Accounts On"));
    setMinimumWidth(460);
    auto* heading = new QLabel(tr("You become the first administrator. Choose your username and a password: from then "
                                  "on Tessera opens with a sign-in, and you can add the people who share it."),
                               this);
    heading->setWordWrap(true);
    m_username->setObjectName(QStringLiteral("adminUsername"));
    m_username->setAccessibleName(tr("Username"));
    m_username->setMaxLength(64);
    m_username->setText(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")));
    for (QLineEdit* field : {m_password, m_repeat}) {
        field->setEchoMode(QLineEdit::Password);
        field->setMaxLength(512);
    }
    m_password->setObjectName(QStringLiteral("adminPassword"));
    m_password->setAccessibleName(tr("Password"));
    m_repeat->setObjectName(QStringLiteral("adminPasswordRepeat"));
    m_repeat->setAccessibleName(tr("Repeat the password"));
    m_strength->setObjectName(QStringLiteral("adminPasswordStrength"));
    m_problem->setObjectName(QStringLiteral("enableAccountsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: %1;").arg(Style::css(Style::tokens().danger)));
    m_problem->hide();
    connect(m_password, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_strength->rate(text, {m_username->text()}); });
    auto* form = new QFormLayout;
    form->setSpacing(Style::Space::one);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Repeat it:"), m_repeat);
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* enable = buttons->addButton(tr("Switch &On"), QDialogButtonBox::AcceptRole);
    enable->setObjectName(QStringLiteral("confirmEnableAccounts"));
    enable->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &EnableAccountsDialog::enable);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::three, Style::Space::three, Style::Space::three, Style::Space::two);
    layout->setSpacing(Style::Space::two);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(m_strength);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    m_password->setFocus();
}

void EnableAccountsDialog::setFields(const QString& username, const QString& password, const QString& repeated) {
    m_username->setText(username);
    m_password->setText(password);
    m_repeat->setText(repeated);
}

QString EnableAccountsDialog::problem() const {
    return m_problem->isHidden() ? QString() : m_problem->text();
}

QString EnableAccountsDialog::administrator() const {
    return m_username->text().trimmed();
}

void EnableAccountsDialog::enable() {
    const auto problem = [this](const QString& text, QLineEdit* focus) {
        m_problem->setText(text);
        m_problem->show();
        focus->setFocus();
    };
    if (m_password->text() != m_repeat->text()) {
        problem(tr("The two passwords differ."), m_repeat);
        return;
    }
    auto enabled = m_services.accounts().enableMultiUser(m_actor, m_username->text(), m_password->text());
    if (!enabled) {
        const Core::Error& error = enabled.error();
        if (error.code == Core::ErrorCode::AuthWeakPassword) {
            problem(QCoreApplication::translate("Tessera::Core::PasswordPolicy", error.detail.toUtf8().constData()),
                    m_password);
        } else if (error.code == Core::ErrorCode::InvalidArgument) {
            problem(tr("The username is not valid: letters, digits, '.', '_', '-' and '@', at most 64."), m_username);
        } else {
            problem(describeError(error), m_password);
        }
        return;
    }
    accept();
}

} // namespace Tessera::Ui
