#pragma once

#include "CliSupport.h"

#include <QStringList>

namespace Tessera::Cli {

// count-tokens [--model MODEL | --encoding o200k_base|cl100k_base] [FILE | -]
int runCountTokens(Context& context, const QStringList& args);
// usage report [--from DATE] [--to DATE] [--by G]... [--user NAME] [--provider NAME] [--model NAME] [--csv]
// usage rebuild
int runUsage(Context& context, const QStringList& args);

} // namespace Tessera::Cli
