#pragma once

#include "CliSupport.h"

#include <QStringList>

namespace Tessera::Cli {

// count-tokens [--model MODEL | --encoding o200k_base|cl100k_base] [FILE | -]
int runCountTokens(Context& context, const QStringList& args);

} // namespace Tessera::Cli
