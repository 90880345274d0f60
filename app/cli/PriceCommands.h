#pragma once

#include "CliSupport.h"

#include <QStringList>

namespace Tessera::Cli {

// prices list [--provider NAME]
// prices set PROVIDER MODEL --input USD --output USD [--cached-input USD] [--cache-write USD] [--from DATE]
// prices reset PROVIDER MODEL
int runPrices(Context& context, const QStringList& args);
// usage unpriced
int runUsageUnpriced(Context& context, const QStringList& args);

} // namespace Tessera::Cli
