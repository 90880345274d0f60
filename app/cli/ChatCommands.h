#pragma once

#include "CliSupport.h"

namespace Tessera::Cli {

// chat [options] [PROMPT | -]; conversations list|show|search|tag|untag|export|import|delete; tags list|rename|delete.
int runChat(Context& context, const QStringList& args);
int runConversations(Context& context, const QStringList& args);
int runTags(Context& context, const QStringList& args);

} // namespace Tessera::Cli
