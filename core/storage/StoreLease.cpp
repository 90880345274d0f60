#include "storage/StoreLease.h"

#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTimer>
#include <QVariant>

#include <vector>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace Tessera::Core {

namespace {

QString now() {
    return toStoredTime(QDateTime::currentDateTimeUtc());
}

// Whether a process of this machine still runs (always "maybe" where that cannot be asked).
bool processRuns(qint64 pid) {
#ifdef Q_OS_UNIX
    if (pid <= 0) {
        return false;
    }
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    Q_UNUSED(pid);
    return true;
#endif
}

} // namespace

StoreLease::StoreLease(const Database& db)
    : m_db(db)
    , m_id(newCorrelationId()) {
}

StoreLease::~StoreLease() {
    release();
}

QString StoreLease::ownerGone(const QString& column) {
    return column + QStringLiteral(" NOT IN (SELECT id FROM store_owners)");
}

Status StoreLease::acquire() {
    const QString time = now();
    auto inserted =
        m_db.exec(QStringLiteral("INSERT INTO store_owners (id, host, pid, started_at, heartbeat_at) "
                                 "VALUES (?, ?, ?, ?, ?)"),
                  {m_id, QSysInfo::machineHostName(), qint64(QCoreApplication::applicationPid()), time, time});
    if (!inserted) {
        return fail(inserted.error());
    }
    m_registered = true;
    if (auto forgotten = forgetGoneOwners(); !forgotten) {
        return forgotten;
    }
    if (QCoreApplication::instance()) {
        m_timer = std::make_unique<QTimer>();
        m_timer->setInterval(heartbeatSeconds * 1000);
        QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(), [this] {
            if (auto beat = heartbeat(); !beat) {
                log("store")->warn("store heartbeat failed: {}", beat.error().toLogString());
            }
        });
        m_timer->start();
    }
    return {};
}

Status StoreLease::heartbeat() const {
    auto beat = m_db.exec(QStringLiteral("UPDATE store_owners SET heartbeat_at = ? WHERE id = ?"), {now(), m_id});
    if (!beat) {
        return fail(beat.error());
    }
    if (beat->numRowsAffected() == 0) {
        // Another process took this one for gone (a long stall): register again so its work is not recovered.
        auto again =
            m_db.exec(QStringLiteral("INSERT INTO store_owners (id, host, pid, started_at, heartbeat_at) "
                                     "VALUES (?, ?, ?, ?, ?)"),
                      {m_id, QSysInfo::machineHostName(), qint64(QCoreApplication::applicationPid()), now(), now()});
        if (!again) {
            return fail(again.error());
        }
    }
    return {};
}

void StoreLease::release() {
    m_timer.reset();
    if (!m_registered) {
        return;
    }
    m_registered = false;
    if (auto removed = m_db.exec(QStringLiteral("DELETE FROM store_owners WHERE id = ?"), {m_id}); !removed) {
        log("store")->warn("could not release the store: {}", removed.error().toLogString());
    }
}

Status StoreLease::forgetGoneOwners() const {
    const QString staleBefore = toStoredTime(QDateTime::currentDateTimeUtc().addSecs(-qint64(staleAfterSeconds)));
    if (auto stale = m_db.exec(QStringLiteral("DELETE FROM store_owners WHERE heartbeat_at < ? AND id <> ?"),
                               {staleBefore, m_id});
        !stale) {
        return fail(stale.error());
    }
    auto local = m_db.exec(QStringLiteral("SELECT id, pid FROM store_owners WHERE host = ? AND id <> ?"),
                           {QSysInfo::machineHostName(), m_id});
    if (!local) {
        return fail(local.error());
    }
    std::vector<QString> gone;
    while (local->next()) {
        if (!processRuns(local->value(1).toLongLong())) {
            gone.push_back(local->value(0).toString());
        }
    }
    for (const QString& id : gone) {
        if (auto removed = m_db.exec(QStringLiteral("DELETE FROM store_owners WHERE id = ?"), {id}); !removed) {
            return fail(removed.error());
        }
    }
    return {};
}

} // namespace Tessera::Core
