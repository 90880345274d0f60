#pragma once

#include "CliSupport.h"

namespace Tessera::Cli {

// finetune submit FILE --provider NAME --model BASE [--suffix S] [--epochs N] [--poll-seconds X] [--wait]
//   | status ID (docs/cli.md): fine-tuning jobs at an OpenAI-style provider, run as background jobs.
int runFinetuneJob(Context& context, const QString& action, const QStringList& args);

} // namespace Tessera::Cli
