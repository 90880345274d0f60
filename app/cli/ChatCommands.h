#pragma once

#include "CliSupport.h"

namespace Tessera::Cli {

// chat [options] [PROMPT | -], and conversations list|show|delete.
int runChat(Context& context, const QStringList& args);
int runConversations(Context& context, const QStringList& args);

} // namespace Tessera::Cli
