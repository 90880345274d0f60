#pragma once

#include "accounts/Permissions.h"

#include <QString>
#include <QStringList>

namespace Tessera::Core {

// Where a request comes from.
enum class ClientKind { Gui, Cli, Test };

// Who is acting: passed by value to every core service call that reads or changes someone's data, so core decides
// what they may do. Personal mode has one account, the owner (an Administrator); the composition roots obtain the
// actor at start (in multi-user mode by signing in), tests build it directly.
struct Actor {
    qint64 userId = 1;
    QString userName = QStringLiteral("owner");
    qint64 roleId = qint64(BuiltInRole::Administrator);
    PermissionSet permissions = PermissionSet::all(); // what the role grants (narrower for an API token)
    ClientKind client = ClientKind::Gui;
    qint64 sessionId = 0;         // the sign-in session acting (0: none, as in personal mode)
    qint64 apiTokenId = 0;        // the API token acting (0: none)
    QStringList allowedProviders; // the role's allowlist ("provider" or "provider/model"); empty allows all

    // The single owner of a personal store.
    static Actor owner(ClientKind client) {
        Actor actor;
        actor.client = client;
        return actor;
    }

    // An actor with a built-in role (tests and the sign-in build these).
    static Actor withRole(qint64 userId, const QString& userName, BuiltInRole role, ClientKind client) {
        Actor actor;
        actor.userId = userId;
        actor.userName = userName;
        actor.roleId = qint64(role);
        actor.permissions = builtInRole(role).permissions;
        actor.client = client;
        return actor;
    }

    bool may(Permission permission) const { return permissions.has(permission); }

    // The role's allowlist. A provider is allowed when the list is empty, names it, or names one of its models.
    bool allowsProvider(const QString& provider) const {
        if (allowedProviders.isEmpty()) {
            return true;
        }
        const QString prefix = provider + QLatin1Char('/');
        for (const QString& entry : allowedProviders) {
            if (entry.compare(provider, Qt::CaseInsensitive) == 0 || entry.startsWith(prefix, Qt::CaseInsensitive)) {
                return true;
            }
        }
        return false;
    }
    // Whether the allowlist lets the actor use this model of the provider.
    bool allowsModel(const QString& provider, const QString& model) const {
        return allowedProviders.isEmpty() || allowedProviders.contains(provider, Qt::CaseInsensitive) ||
               allowedProviders.contains(provider + QLatin1Char('/') + model, Qt::CaseInsensitive);
    }
    // The models the allowlist names for the provider; empty when it allows all of them (or, see allowsProvider,
    // none).
    QStringList allowedModelsOf(const QString& provider) const {
        if (allowedProviders.isEmpty() || allowedProviders.contains(provider, Qt::CaseInsensitive)) {
            return {};
        }
        const QString prefix = provider + QLatin1Char('/');
        QStringList models;
        for (const QString& entry : allowedProviders) {
            if (entry.startsWith(prefix, Qt::CaseInsensitive)) {
                models << entry.mid(prefix.size());
            }
        }
        return models;
    }

    bool operator==(const Actor&) const = default;
};

} // namespace Tessera::Core
