#pragma once

#include "providers/ProviderConfig.h"

#include <QString>

#include <vector>

namespace Tessera::Core {

struct ProviderPreset {
    QString id;        // "openai", "lmstudio", ...
    const char* label; // untranslated display name (proper nouns mostly; translate "Custom")
    ProviderKind kind;
    QString baseUrl;
    bool needsKey;
    QString suggestedEnvVar;
};

// Base URL presets for OpenAI and the common OpenAI-compatible servers.
const std::vector<ProviderPreset>& providerPresets();
const ProviderPreset* findPreset(const QString& id);
// The default base URL for a kind when the user gives none.
QString defaultBaseUrl(ProviderKind kind);

} // namespace Tessera::Core
