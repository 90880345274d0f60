#pragma once

#include "resilience/ResilienceSettings.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tessera::Core {

enum class ProviderKind { OpenAi, OpenAiCompatible, Anthropic, Gemini, Ollama, AzureOpenAi };
enum class KeySource { Keychain, Environment, None };

// A configured provider as stored. It never holds the API key itself: the key lives in the keychain
// (under keychainKey()) or in the environment variable keyEnvVar.
struct ProviderConfig {
    qint64 id = 0;
    QString name;
    ProviderKind kind = ProviderKind::OpenAiCompatible;
    QString baseUrl;
    QString defaultModel;
    KeySource keySource = KeySource::None;
    QString keyEnvVar;
    QString apiVersion; // Azure OpenAI's api-version query parameter
    bool enabled = true;
    ResilienceSettings resilience;
    QDateTime createdAt;
    QDateTime updatedAt;

    QString keychainKey() const { return QStringLiteral("provider/") + name; }
};

QLatin1StringView kindName(ProviderKind kind);
std::optional<ProviderKind> parseProviderKind(const QString& text);
QStringList providerKindNames();
// The kind's name for people: "OpenAI", "Anthropic", "Google Gemini", ...
QString kindDisplayName(ProviderKind kind);
// Whether the kind needs an API key to work at all (local servers do not).
bool kindNeedsKey(ProviderKind kind);

inline constexpr const char* defaultAzureApiVersion = "2024-10-21";

QLatin1StringView keySourceName(KeySource source);
std::optional<KeySource> parseKeySource(const QString& text);

// Names are used on the command line and as keychain entries: 1–64 characters, letters, digits, '.', '_', '-'.
bool isValidProviderName(const QString& name);
// Environment variable names: letters, digits, '_', not starting with a digit.
bool isValidEnvVarName(const QString& name);
// An http(s) URL with a host.
bool isValidBaseUrl(const QString& url);

} // namespace Tessera::Core
