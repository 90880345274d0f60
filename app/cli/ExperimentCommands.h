#pragma once

#include "CliSupport.h"

namespace Tessera::Cli {

// experiments create NAME --dataset NAME --variant LABEL=TEMPLATE[@VERSION],PROVIDER,MODEL...
//   [--assert TYPE:VALUE[:WEIGHT]]... [--threshold X] [--judge PROVIDER,MODEL [--rubric TEXT]] [--concurrency N]
//   [--repeats N] | list | status NAME | remove NAME (docs/cli.md).
int runExperiments(Context& context, const QStringList& args);

} // namespace Tessera::Cli
