#include "widgets/ErrorText.h"

#include "widgets/Money.h"

#include <QCoreApplication>

namespace Tessera::Ui {

QString describeErrorPlainly(const Core::Error& error) {
    QString text = error.translatedMessage();
    if (!error.subject.isEmpty()) {
        text += QLatin1Char(' ') + QCoreApplication::translate("Tessera::Ui::ErrorText", "(%1)").arg(error.subject);
    }
    if (!error.providerMessage.isEmpty()) {
        text +=
            QLatin1Char(' ') +
            QCoreApplication::translate("Tessera::Ui::ErrorText", "The provider said: “%1”").arg(error.providerMessage);
    }
    if (error.quota) {
        text += QLatin1Char(' ') + quotaText(*error.quota);
    }
    if (error.retryAfterMs) {
        // Computed outside the translate() call: Qt 6.4's lupdate hangs on a cast expression in its arguments.
        const int seconds = int((*error.retryAfterMs + 999) / 1000);
        text += QLatin1Char(' ') +
                QCoreApplication::translate("Tessera::Ui::ErrorText", "Retry after %n second(s).", nullptr, seconds);
    }
    return text;
}

QString describeError(const Core::Error& error) {
    QString text = describeErrorPlainly(error);
    text += QLatin1Char(' ') +
            QCoreApplication::translate("Tessera::Ui::ErrorText", "[%1]").arg(Core::codeName(error.code));
    if (!error.correlationId.isEmpty()) {
        text += QLatin1Char(' ') +
                QCoreApplication::translate("Tessera::Ui::ErrorText", "Correlation id: %1").arg(error.correlationId);
    }
    return text;
}

QString switchedOffText() {
    return QCoreApplication::translate("Tessera::Ui::AccessGate",
                                       "Switched off by your administrator (Tools ▸ Administration ▸ Feature flags).");
}

} // namespace Tessera::Ui
