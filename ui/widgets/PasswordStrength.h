#pragma once

#include <QLabel>
#include <QStringList>

namespace Tessera::Ui {

// Rates a new password as it is typed (core's policy: zxcvbn, 8 to 128 characters) and says why a weak one would
// be refused, in the theme's warning colour, or that it is strong enough.
class PasswordStrength final : public QLabel {
    Q_OBJECT
public:
    explicit PasswordStrength(QWidget* parent = nullptr);
    // personalWords: the username and the like (they count as easy to guess).
    void rate(const QString& password, const QStringList& personalWords);
};

} // namespace Tessera::Ui
