#pragma once

#include "CliSupport.h"

namespace Tessera::Cli {

// doctor: data directory, database integrity, keychain availability, each provider reachable.
int runDoctor(Context& context, const QStringList& args);

} // namespace Tessera::Cli
