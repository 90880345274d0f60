#include "providers/ProviderPresets.h"

#include <QtGlobal>

namespace Tessera::Core {

const std::vector<ProviderPreset>& providerPresets() {
    static const std::vector<ProviderPreset> presets = {
        {QStringLiteral("openai"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "OpenAI"), ProviderKind::OpenAi,
         QStringLiteral("https://api.openai.com/v1"), true, QStringLiteral("OPENAI_API_KEY")},
        {QStringLiteral("openrouter"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "OpenRouter"),
         ProviderKind::OpenAiCompatible, QStringLiteral("https://openrouter.ai/api/v1"), true,
         QStringLiteral("OPENROUTER_API_KEY")},
        {QStringLiteral("lmstudio"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "LM Studio (local)"),
         ProviderKind::OpenAiCompatible, QStringLiteral("http://localhost:1234/v1"), false, QString()},
        {QStringLiteral("ollama"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "Ollama OpenAI-compatible (local)"),
         ProviderKind::OpenAiCompatible, QStringLiteral("http://localhost:11434/v1"), false, QString()},
        {QStringLiteral("llamacpp"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "llama.cpp server (local)"),
         ProviderKind::OpenAiCompatible, QStringLiteral("http://localhost:8080/v1"), false, QString()},
        {QStringLiteral("vllm"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "vLLM (local)"),
         ProviderKind::OpenAiCompatible, QStringLiteral("http://localhost:8000/v1"), false, QString()},
        {QStringLiteral("custom"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "Custom OpenAI-compatible server"),
         ProviderKind::OpenAiCompatible, QString(), true, QString()},
    };
    return presets;
}

const ProviderPreset* findPreset(const QString& id) {
    for (const ProviderPreset& preset : providerPresets()) {
        if (preset.id == id) {
            return &preset;
        }
    }
    return nullptr;
}

QString defaultBaseUrl(ProviderKind kind) {
    return kind == ProviderKind::OpenAi ? QStringLiteral("https://api.openai.com/v1") : QString();
}

} // namespace Tessera::Core
