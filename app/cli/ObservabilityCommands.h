#pragma once

#include "CliSupport.h"

namespace Tessera::Cli {

// tessera-cli metrics: the metrics in Prometheus text format.
int runMetrics(Context& context, const QStringList& args);
// tessera-cli health [NAME]: probes every enabled provider; exits 5 when any is unhealthy.
int runHealth(Context& context, const QStringList& args);
// tessera-cli cache stats|clear|settings: the response cache.
int runCache(Context& context, const QStringList& args);

} // namespace Tessera::Cli
