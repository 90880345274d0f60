#pragma once

#include "chat/ChatService.h"
#include "prompts/PromptLibrary.h"

namespace Tessera::Core {

// Sending a rendered template (the CLI's chat --prompt, the composer's palette): the message records the template
// version and values; the template's system part, provider, model, temperature and maximum tokens apply where the
// options leave them unset.
void applyRenderedPrompt(SendOptions& options, const RenderedPrompt& rendered);

} // namespace Tessera::Core
