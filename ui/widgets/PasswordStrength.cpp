#include "widgets/PasswordStrength.h"

#include "accounts/PasswordPolicy.h"
#include "style/Theme.h"
#include "style/Tokens.h"

#include <QCoreApplication>

namespace Tessera::Ui {

PasswordStrength::PasswordStrength(QWidget* parent)
    : QLabel(parent) {
    setWordWrap(true);
    rate(QString(), {});
}

void PasswordStrength::rate(const QString& password, const QStringList& personalWords) {
    if (password.isEmpty()) {
        setText(tr("At least 8 characters; a few unrelated words make a strong password."));
        setStyleSheet(QString());
        return;
    }
    const Core::PasswordRating rating = Core::ratePassword(password, personalWords);
    setText(rating.acceptable()
                ? tr("Strong enough.")
                : QCoreApplication::translate("Tessera::Core::PasswordPolicy", Core::weaknessMessage(rating.weakness)));
    setStyleSheet(QStringLiteral("color: %1;")
                      .arg(Style::css(rating.acceptable() ? Style::tokens().success : Style::tokens().warning)));
}

} // namespace Tessera::Ui
