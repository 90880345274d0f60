#pragma once

#include "CliSupport.h"

namespace Tessera::Cli {

// compare --variant LABEL=TEMPLATE[@VERSION],PROVIDER,MODEL... [--var KEY=VALUE]... [--blind] [--vote CHOICE] PROMPT
// (docs/cli.md): every variant's answer to one input, side by side; a vote between them is kept.
int runCompare(Context& context, const QStringList& args);

} // namespace Tessera::Cli
