#pragma once

#include "CliSupport.h"

#include <QStringList>

namespace Tessera::Cli {

// budgets list | set | remove | status (see docs/cli.md)
int runBudgets(Context& context, const QStringList& args);
// limits set (--user NAME | --role ROLE) [--rpm N] [--concurrent N] | limits list
int runLimits(Context& context, const QStringList& args);

} // namespace Tessera::Cli
