#pragma once

#include "common/Result.h"

#include <QString>

#include <memory>

class QTimer;

namespace Tessera::Core {

class Database;

// This process's claim on a store that other processes (the app, the CLI, later a server) may use at the same
// time. Each process has a row in store_owners with a heartbeat; the answers it streams and the conversations it
// moves to the trash carry its id. A process is gone when its heartbeat is older than staleAfterSeconds, or at
// once when it ran on this machine and its pid no longer exists. Only what a gone process left is recovered.
class StoreLease final {
public:
    static constexpr int heartbeatSeconds = 15;
    static constexpr int staleAfterSeconds = 90;

    explicit StoreLease(const Database& db);
    ~StoreLease();
    StoreLease(const StoreLease&) = delete;
    StoreLease& operator=(const StoreLease&) = delete;

    // Registers this process and forgets the processes that are gone. Starts the heartbeat when an event loop runs.
    Status acquire();
    // Removes this process's row (also done by the destructor).
    void release();
    Status heartbeat() const;
    const QString& id() const { return m_id; }

    // SQL: true when the owner id in column belongs to no live process (this one is live).
    static QString ownerGone(const QString& column);

private:
    Status forgetGoneOwners() const;

    const Database& m_db;
    QString m_id;
    bool m_registered = false;
    std::unique_ptr<QTimer> m_timer;
};

} // namespace Tessera::Core
