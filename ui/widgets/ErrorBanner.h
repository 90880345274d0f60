#pragma once

#include "common/Error.h"

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace Tessera::Ui {

// An inline banner under the conversation for the last error. It follows the theme (the danger tokens), says in
// plain words what happened and what to do, offers Retry when the caller can retry, and keeps the error code and
// correlation id behind Details, with a button that copies them for a bug report or the log.
class ErrorBanner final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    // retry: what Retry does; without one, no Retry button.
    void showError(const Core::Error& error, std::function<void()> retry = {});
    void showMessage(const QString& text);
    // Everything the banner holds: the message and, after it, the details (code, correlation id).
    QString text() const;
    QString details() const;

protected:
    bool event(QEvent* event) override;

private:
    void applyStyle();

    QLabel* m_icon;
    QLabel* m_label;
    QLabel* m_details;
    QPushButton* m_retry;
    QToolButton* m_toggleDetails;
    QToolButton* m_copyDetails;
    QToolButton* m_close;
    std::function<void()> m_retryAction;
    int m_styled = -1; // the theme generation the banner was styled for
};

} // namespace Tessera::Ui
