#pragma once

#include "CliSupport.h"

#include <QStringList>

namespace Tessera::Cli {

// While any alert is active, `alerts check` exits with this status (for cron and monitoring systems).
inline constexpr int exitAlertsActive = 14;

// alerts list [--all] | rules | add KIND ... | remove ID | check (see docs/cli.md)
int runAlerts(Context& context, const QStringList& args);

} // namespace Tessera::Cli
