#pragma once

#include "CliSupport.h"

namespace Tessera::Cli {

// datasets import NAME PATH | list | show NAME [--items N] [--template NAME[@V]] | remove NAME (docs/cli.md).
int runDatasets(Context& context, const QStringList& args);

} // namespace Tessera::Cli
