#include "prompts/PromptSend.h"

namespace Tessera::Core {

void applyRenderedPrompt(SendOptions& options, const RenderedPrompt& rendered) {
    if (!options.systemPrompt && !rendered.systemText.isEmpty()) {
        options.systemPrompt = rendered.systemText;
    }
    if (options.providerName.isEmpty()) {
        options.providerName = rendered.settings.provider;
    }
    if (options.model.isEmpty()) {
        options.model = rendered.settings.model;
    }
    if (!options.temperature) {
        options.temperature = rendered.settings.temperature;
    }
    if (!options.maxTokens) {
        options.maxTokens = rendered.settings.maxTokens;
    }
    options.templateUse = rendered.use();
}

} // namespace Tessera::Core
