#include "providers/ProviderPresets.h"

#include <QtGlobal>

namespace Tessera::Core {

const std::vector<ProviderPreset>& providerPresets() {
    static const std::vector<ProviderPreset> presets = {
        {QStringLiteral("openai"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "OpenAI"), ProviderKind::OpenAi,
         QStringLiteral("https://api.openai.com/v1"), true, QStringLiteral("OPENAI_API_KEY")},
        {QStringLiteral("anthropic"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "Anthropic"), ProviderKind::Anthropic,
         QStringLiteral("https://api.anthropic.com/v1"), true, QStringLiteral("ANTHROPIC_API_KEY")},
        {QStringLiteral("gemini"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "Google Gemini"), ProviderKind::Gemini,
         QStringLiteral("https://generativelanguage.googleapis.com/v1beta"), true, QStringLiteral("GEMINI_API_KEY")},
        {QStringLiteral("ollama-native"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "Ollama (local, native API)"),
         ProviderKind::Ollama, QStringLiteral("http://localhost:11434"), false, QString()},
        {QStringLiteral("azure"), QT_TRANSLATE_NOOP("Tessera::Core::Presets", "Azure OpenAI"),
         ProviderKind::AzureOpenAi, QStringLiteral("https://RESOURCE.openai.azure.com/openai"), true,
         QStringLiteral("AZURE_OPENAI_API_KEY")},
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
    switch (kind) {
    case ProviderKind::OpenAi:
        return QStringLiteral("https://api.openai.com/v1");
    case ProviderKind::Anthropic:
        return QStringLiteral("https://api.anthropic.com/v1");
    case ProviderKind::Gemini:
        return QStringLiteral("https://generativelanguage.googleapis.com/v1beta");
    case ProviderKind::Ollama:
        return QStringLiteral("http://localhost:11434");
    case ProviderKind::OpenAiCompatible:
    case ProviderKind::AzureOpenAi: // https://RESOURCE.openai.azure.com/openai: the resource is the user's
        return QString();
    }
    return QString();
}

} // namespace Tessera::Core
