#pragma once

#include "CliSupport.h"

namespace Tessera::Cli {

// providers add|list|remove|test, and models PROVIDER.
int runProviders(Context& context, const QStringList& args);
int runModels(Context& context, const QStringList& args);

} // namespace Tessera::Cli
