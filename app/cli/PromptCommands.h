#pragma once

#include "CliSupport.h"

#include <QStringList>

namespace Tessera::Cli {

// prompts list [--tag T] [--search WORDS] [--sort name|recent|used] | show NAME[@N] [--version N]
//   | add NAME --file PATH [--message TEXT] | update NAME --file PATH [--message TEXT] | versions NAME
//   | diff NAME V1 V2 | label NAME LABEL VERSION | render NAME[@N] [--version N] [--var KEY=VALUE]...
//   [--file-var KEY=PATH]... | remove NAME (see docs/cli.md)
int runPrompts(Context& context, const QStringList& args);

} // namespace Tessera::Cli
