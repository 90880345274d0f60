#pragma once

#include "common/StoreLocation.h"

#include <QStringList>

namespace Tessera::Core {
class CoreServices;
class SecretStore;
} // namespace Tessera::Core

namespace Tessera::Cli {

// store password | store copy --to URL: commands on the store as a whole, run before (or without) the core
// services, since the password must be saved before a PostgreSQL store can open.
int runStore(const Core::StoreLocation& location, Core::SecretStore& secrets, bool json, const QStringList& args);

// Whether the caller may copy the store (0) or the exit status that refuses it. A copy holds everyone's data: with
// accounts on it needs a signed-in person with every permission (an Administrator); audited either way.
int authorizeStoreCopy(Core::CoreServices& services, bool json);

} // namespace Tessera::Cli
