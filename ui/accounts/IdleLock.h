#pragma once

#include "accounts/SignInDialog.h"
#include "common/Actor.h"

#include <QObject>
#include <QPointer>

class QTimer;
class QWidget;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

// The idle lock of a store with accounts: after the session's idle time without a key or mouse press, the window's
// content is covered and the signed-in person is asked for their password again. The draft, the open conversation
// and any answer being written carry on underneath. While the app is in use the session is kept alive in the
// store (at most once a minute); a session that ended elsewhere (revoked, at its 12 hours) locks at once.
class IdleLock final : public QObject {
    Q_OBJECT
public:
    IdleLock(Core::CoreServices& services, const Core::Actor& actor, QWidget* window);
    ~IdleLock() override;

    const Core::Actor& actor() const { return m_actor; }
    bool locked() const { return m_cover != nullptr; }
    void setIdleInterval(int ms);
    // Locks now (the timer, a session that ended, or a test).
    void lock();
    // The dialog asking for the password while locked (nullptr when unlocked).
    SignInDialog* dialog() const { return m_dialog; }

Q_SIGNALS:
    // The person unlocked: their actor (with a new session when the old one had ended).
    void unlocked(const Tessera::Core::Actor& actor);
    // They chose to sign out from the lock.
    void signOutRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void activity();
    void showDialog();

    Core::CoreServices& m_services;
    Core::Actor m_actor;
    QPointer<QWidget> m_window;
    QTimer* m_idle;
    qint64 m_lastKeepAliveMs = 0;
    QPointer<QWidget> m_cover;
    QPointer<SignInDialog> m_dialog;
};

} // namespace Tessera::Ui
