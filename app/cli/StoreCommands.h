#pragma once

#include "common/StoreLocation.h"

#include <QStringList>

namespace Tessera::Core {
class SecretStore;
}

namespace Tessera::Cli {

// store password | store copy --to URL: commands on the store as a whole, run before (or without) the core
// services, since the password must be saved before a PostgreSQL store can open.
int runStore(const Core::StoreLocation& location, Core::SecretStore& secrets, bool json, const QStringList& args);

} // namespace Tessera::Cli
