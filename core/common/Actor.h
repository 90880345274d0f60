#pragma once

#include <QString>

namespace Tessera::Core {

// Where a request comes from.
enum class ClientKind { Gui, Cli, Test };

// Who is acting: passed by value to every core service call that reads or changes someone's data, so core decides
// what they may do. Personal mode has one account, the owner; the composition roots obtain the actor at start
// (later by signing in), tests build it directly.
struct Actor {
    qint64 userId = 1;
    QString userName = QStringLiteral("owner");
    ClientKind client = ClientKind::Gui;

    // The single owner of a personal store.
    static Actor owner(ClientKind client) {
        Actor actor;
        actor.client = client;
        return actor;
    }

    bool operator==(const Actor&) const = default;
};

} // namespace Tessera::Core
