#include "accounts/IdleLock.h"

#include "accounts/AccountService.h"
#include "accounts/SignInDialog.h"
#include "app/CoreServices.h"
#include "logging/Logging.h"
#include "style/Tokens.h"

#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

constexpr qint64 kKeepAliveMs = 60'000;

bool isActivity(QEvent::Type type) {
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        return true;
    default:
        return false;
    }
}

} // namespace

IdleLock::IdleLock(Core::CoreServices& services, const Core::Actor& actor, QWidget* window)
    : QObject(window)
    , m_services(services)
    , m_actor(actor)
    , m_window(window)
    , m_idle(new QTimer(this)) {
    m_idle->setSingleShot(true);
    m_idle->setInterval(int(services.accounts().policy().sessionIdleSecs * 1000));
    connect(m_idle, &QTimer::timeout, this, &IdleLock::lock);
    m_idle->start();
    qApp->installEventFilter(this);
}

IdleLock::~IdleLock() {
    qApp->removeEventFilter(this);
}

void IdleLock::setIdleInterval(int ms) {
    m_idle->setInterval(ms);
    m_idle->start();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event) {
    if (!locked() && isActivity(event->type())) {
        activity();
    }
    if (m_cover && watched == m_window && event->type() == QEvent::Resize) {
        m_cover->setGeometry(m_window->rect());
    }
    return QObject::eventFilter(watched, event);
}

void IdleLock::activity() {
    m_idle->start();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastKeepAliveMs < kKeepAliveMs) {
        return;
    }
    m_lastKeepAliveMs = now;
    if (auto alive = m_services.accounts().keepAlive(m_actor); !alive) {
        Core::log("auth")->info("the session of {} ended: {}", m_actor.userName, alive.error().toLogString());
        // Locked from the event loop, not from inside the event being filtered.
        QTimer::singleShot(0, this, &IdleLock::lock);
    }
}

void IdleLock::lock() {
    if (locked() || !m_window) {
        return;
    }
    m_idle->stop();
    // The content is covered, not closed: the draft and an answer being written go on underneath.
    auto* cover = new QWidget(m_window);
    cover->setObjectName(QStringLiteral("idleLockCover"));
    cover->setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(cover);
    auto* label = new QLabel(tr("Tessera is locked. %1, enter your password to go on.").arg(m_actor.userName), cover);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    layout->addWidget(label);
    cover->setGeometry(m_window->rect());
    cover->raise();
    cover->show();
    m_cover = cover;
    Core::log("auth")->info("locked the window of {} after inactivity", m_actor.userName);
    showDialog();
}

void IdleLock::showDialog() {
    auto* dialog = new SignInDialog(m_services, m_actor.userName, m_window, true);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUnlock(
        [this](const QString& password) { return m_services.accounts().reauthenticate(m_actor, password); });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto& actor = dialog->unlockedActor()) {
            m_actor = *actor;
        }
        delete m_cover; // not the signal's sender: safe to delete now
        m_cover = nullptr;
        m_lastKeepAliveMs = QDateTime::currentMSecsSinceEpoch();
        m_idle->start();
        Q_EMIT unlocked(m_actor);
    });
    connect(dialog, &QDialog::rejected, this, &IdleLock::signOutRequested);
    m_dialog = dialog;
    dialog->open();
}

} // namespace Tessera::Ui
