#pragma once

#include "common/Error.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace Tessera::Ui {

// An inline banner above the chat that shows the last error with its code and correlation id.
class ErrorBanner final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    void showError(const Core::Error& error);
    void showMessage(const QString& text);
    QString text() const;

private:
    QLabel* m_label;
    QToolButton* m_close;
};

} // namespace Tessera::Ui
