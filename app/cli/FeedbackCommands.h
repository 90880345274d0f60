#pragma once

#include "CliSupport.h"

#include "prompts/FineTuning.h"

#include <QStringList>

namespace Tessera::Cli {

// feedback set MESSAGE_ID up|down [--tag T]... [--comment TEXT] | clear MESSAGE_ID
//   | export [--format jsonl|csv] [--output PATH] | stats [--by model|provider|template] | tags [--set T,T,...]
int runFeedback(Context& context, const QStringList& args);

// finetune export [--rating up|down] [--tag T] [--model M] [--template NAME] [--since DATE] [--max-tokens N]
//   --output PATH | submit FILE --provider NAME --model BASE [...] [--wait] | status ID
int runFinetune(Context& context, const QStringList& args);

// --rating up|down, --tag T, --model M, --template NAME and --since DATE as a conversation filter (finetune export,
// datasets from-conversations); the exit status of a bad value, or nothing.
std::optional<int> readConversationFilter(const CommandArgs& parsed, Core::FineTuneFilter& filter);

} // namespace Tessera::Cli
