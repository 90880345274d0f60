#pragma once

#include "CliSupport.h"

#include "common/StoreLocation.h"

namespace Tessera::Core {
class Logging;
class SecretStore;
} // namespace Tessera::Core

namespace Tessera::Cli {

// doctor: data directory, database integrity, keychain availability, each provider reachable.
int runDoctor(Context& context, const QStringList& args);
// The same when the store could not be opened: the store check fails with the reason; the rest still runs.
int runDoctorWithoutStore(const QString& dataDirectory, const Core::StoreLocation& location, Core::SecretStore& secrets,
                          Core::Logging* logging, bool json, const QStringList& args);

} // namespace Tessera::Cli
