#include "accounts/SignInDialog.h"

#include "app/CoreServices.h"
#include "style/Theme.h"
#include "style/Tokens.h"
#include "widgets/ErrorText.h"
#include "widgets/PasswordStrength.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

QLabel* problemLabel(QWidget* parent, const QString& name) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: %1;").arg(Style::css(Style::tokens().danger)));
    label->hide();
    return label;
}

QString weaknessText(const Core::Error& error) {
    // The policy's reason, in the person's language.
    return QCoreApplication::translate("Tessera::Core::PasswordPolicy", error.detail.toUtf8().constData());
}

} // namespace

SignInDialog::SignInDialog(Core::CoreServices& services, const QString& username, QWidget* parent, bool lockedName)
    : QDialog(parent)
    , m_services(services)
    , m_username(new QLineEdit(username, this))
    , m_password(new QLineEdit(this))
    , m_stay(new QCheckBox(tr("&Stay signed in on this computer"), this))
    , m_problem(problemLabel(this, QStringLiteral("signInProblem")))
    , m_signIn(nullptr) {
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(lockedName ? tr("Tessera is locked") : tr("Sign in to Tessera"));
    setMinimumWidth(400);

    auto* heading = new QLabel(lockedName ? tr("Tessera was locked after a while without use. Enter your password "
                                               "to go on; your draft and any answer being written are kept.")
                                          : tr("This Tessera is shared. Sign in with your username and password."),
                               this);
    heading->setObjectName(QStringLiteral("signInHeading"));
    heading->setWordWrap(true);
    auto* title = new QLabel(windowTitle(), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * Style::Type::subtitle);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);

    m_username->setObjectName(QStringLiteral("signInUsername"));
    m_username->setAccessibleName(tr("Username"));
    m_username->setMaxLength(64);
    m_username->setReadOnly(lockedName);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(512);
    m_stay->setObjectName(QStringLiteral("staySignedIn"));
    m_stay->setToolTip(tr("Keeps a sign-in token in the system keychain for 30 days, so Tessera opens without asking. "
                          "Signing out forgets it."));
    m_stay->setVisible(!lockedName);

    auto* form = new QFormLayout;
    form->setSpacing(Style::Space::one);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);

    auto* buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(lockedName ? tr("&Unlock") : tr("&Sign In"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    QPushButton* quit = buttons->addButton(lockedName ? tr("Sign &Out") : tr("&Quit"), QDialogButtonBox::RejectRole);
    quit->setObjectName(QStringLiteral("signInQuit"));
    quit->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_password, &QLineEdit::textEdited, m_problem, &QLabel::hide);
    connect(m_username, &QLineEdit::textEdited, m_problem, &QLabel::hide);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::three, Style::Space::three, Style::Space::three, Style::Space::two);
    layout->setSpacing(Style::Space::two);
    layout->addWidget(title);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(m_stay);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    if (username.isEmpty()) {
        m_username->setFocus();
    } else {
        m_password->setFocus();
    }
}

void SignInDialog::setPassword(const QString& password) {
    m_password->setText(password);
}

void SignInDialog::setStaySignedIn(bool stay) {
    m_stay->setChecked(stay);
}

QString SignInDialog::problem() const {
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void SignInDialog::showProblem(const QString& text) {
    m_problem->setText(text);
    m_problem->show();
    m_password->clear();
    m_password->setFocus();
}

void SignInDialog::signIn() {
    if (m_username->text().trimmed().isEmpty()) {
        showProblem(tr("Enter your username."));
        m_username->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        showProblem(tr("Enter your password."));
        return;
    }
    if (m_unlock) {
        auto unlocked = m_unlock(m_password->text());
        if (unlocked) {
            m_password->clear();
            m_unlockedActor = std::move(*unlocked);
            accept();
            return;
        }
        showSignInProblem(unlocked.error());
        return;
    }
    auto result = m_services.accounts().signIn(m_username->text(), m_password->text(), Core::ClientKind::Gui,
                                               m_stay->isChecked() && !m_stay->isHidden());
    if (!result) {
        showSignInProblem(result.error());
        return;
    }
    m_password->clear();
    m_signedIn = std::move(*result);
    accept();
}

void SignInDialog::showSignInProblem(const Core::Error& error) {
    if (error.code == Core::ErrorCode::AuthLocked && error.retryAfterMs) {
        const QDateTime until = QDateTime::currentDateTime().addMSecs(*error.retryAfterMs);
        showProblem(tr("This account is locked after too many wrong passwords, until %1. An administrator can "
                       "unlock it sooner.")
                        .arg(QLocale().toString(until.time(), QLocale::ShortFormat)));
    } else if (error.code == Core::ErrorCode::AuthFailed) {
        showProblem(tr("The username or password is wrong. After five wrong tries the account is locked for a while."));
    } else {
        showProblem(describeError(error));
    }
}

ChangePasswordDialog::ChangePasswordDialog(Core::CoreServices& services, const Core::Actor& actor, bool required,
                                           QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(actor)
    , m_current(new QLineEdit(this))
    , m_new(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_endOthers(new QCheckBox(tr("&End my other sessions"), this))
    , m_strength(new PasswordStrength(this))
    , m_problem(problemLabel(this, QStringLiteral("changePasswordProblem")))
    , m_change(nullptr) {
    setObjectName(QStringLiteral("changePasswordDialog"));
    setWindowTitle(tr("Change Password"));
    setMinimumWidth(440);
    auto* heading =
        new QLabel(required ? tr("Your password was reset by an administrator. Choose your own before you go on.")
                            : tr("Choose a new password for %1.").arg(actor.userName),
                   this);
    heading->setWordWrap(true);
    for (QLineEdit* field : {m_current, m_new, m_repeat}) {
        field->setEchoMode(QLineEdit::Password);
        field->setMaxLength(512);
    }
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_current->setAccessibleName(tr("Current password"));
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_new->setAccessibleName(tr("New password"));
    m_repeat->setObjectName(QStringLiteral("repeatPassword"));
    m_repeat->setAccessibleName(tr("Repeat the new password"));
    m_strength->setObjectName(QStringLiteral("passwordStrength"));
    m_endOthers->setObjectName(QStringLiteral("endOtherSessions"));
    m_endOthers->setChecked(true);

    auto* form = new QFormLayout;
    form->setSpacing(Style::Space::one);
    form->addRow(tr("C&urrent password:"), m_current);
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("&Repeat it:"), m_repeat);

    auto* buttons = new QDialogButtonBox(this);
    m_change = buttons->addButton(tr("&Change Password"), QDialogButtonBox::AcceptRole);
    m_change->setObjectName(QStringLiteral("changePasswordButton"));
    m_change->setDefault(true);
    QPushButton* cancel = buttons->addButton(required ? tr("Sign &Out") : tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::change);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_new, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_strength->rate(text, {m_actor.userName}); });
    for (QLineEdit* field : {m_current, m_new, m_repeat}) {
        connect(field, &QLineEdit::textEdited, m_problem, &QLabel::hide);
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::three, Style::Space::three, Style::Space::three, Style::Space::two);
    layout->setSpacing(Style::Space::two);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(m_strength);
    layout->addWidget(m_endOthers);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    m_current->setFocus();
}

void ChangePasswordDialog::setPasswords(const QString& current, const QString& replacement, const QString& repeated) {
    m_current->setText(current);
    m_new->setText(replacement);
    m_repeat->setText(repeated);
}

QString ChangePasswordDialog::problem() const {
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ChangePasswordDialog::change() {
    const auto problem = [this](const QString& text, QLineEdit* focus) {
        m_problem->setText(text);
        m_problem->show();
        focus->setFocus();
        focus->selectAll();
    };
    if (m_new->text() != m_repeat->text()) {
        problem(tr("The two new passwords differ."), m_repeat);
        return;
    }
    auto changed =
        m_services.accounts().changePassword(m_actor, m_current->text(), m_new->text(), m_endOthers->isChecked());
    if (!changed) {
        const Core::Error& error = changed.error();
        if (error.code == Core::ErrorCode::AuthFailed) {
            problem(tr("The current password is wrong."), m_current);
        } else if (error.code == Core::ErrorCode::AuthWeakPassword) {
            problem(weaknessText(error).isEmpty() ? describeErrorPlainly(error) : weaknessText(error), m_new);
        } else if (error.code == Core::ErrorCode::AuthLocked) {
            problem(tr("Too many wrong passwords: the account is locked for a while."), m_current);
        } else {
            problem(describeError(error), m_new);
        }
        return;
    }
    accept();
}

} // namespace Tessera::Ui
