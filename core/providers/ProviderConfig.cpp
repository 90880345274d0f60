#include "providers/ProviderConfig.h"

#include "common/EnumNames.h"

#include <QRegularExpression>
#include <QUrl>

namespace Tessera::Core {

QLatin1StringView kindName(ProviderKind kind) {
    switch (kind) {
    case ProviderKind::OpenAi:
        return QLatin1StringView("openai");
    case ProviderKind::OpenAiCompatible:
        return QLatin1StringView("openai-compatible");
    case ProviderKind::Anthropic:
        return QLatin1StringView("anthropic");
    case ProviderKind::Gemini:
        return QLatin1StringView("gemini");
    case ProviderKind::Ollama:
        return QLatin1StringView("ollama");
    case ProviderKind::AzureOpenAi:
        return QLatin1StringView("azure-openai");
    }
    return QLatin1StringView("openai-compatible");
}

namespace {

constexpr std::initializer_list<ProviderKind> allKinds = {ProviderKind::OpenAi,    ProviderKind::OpenAiCompatible,
                                                          ProviderKind::Anthropic, ProviderKind::Gemini,
                                                          ProviderKind::Ollama,    ProviderKind::AzureOpenAi};

} // namespace

QString kindDisplayName(ProviderKind kind) {
    switch (kind) {
    case ProviderKind::OpenAi:
        return QStringLiteral("OpenAI");
    case ProviderKind::OpenAiCompatible:
        return QStringLiteral("OpenAI-compatible");
    case ProviderKind::Anthropic:
        return QStringLiteral("Anthropic");
    case ProviderKind::Gemini:
        return QStringLiteral("Google Gemini");
    case ProviderKind::Ollama:
        return QStringLiteral("Ollama");
    case ProviderKind::AzureOpenAi:
        return QStringLiteral("Azure OpenAI");
    }
    return QString();
}

bool kindNeedsKey(ProviderKind kind) {
    return kind != ProviderKind::Ollama && kind != ProviderKind::OpenAiCompatible;
}

std::optional<ProviderKind> parseProviderKind(const QString& text) {
    return enumFromName(text.trimmed(), allKinds, kindName, Qt::CaseInsensitive);
}

QStringList providerKindNames() {
    QStringList names;
    for (ProviderKind kind : allKinds) {
        names << QString(kindName(kind));
    }
    return names;
}

QLatin1StringView keySourceName(KeySource source) {
    switch (source) {
    case KeySource::Keychain:
        return QLatin1StringView("keychain");
    case KeySource::Environment:
        return QLatin1StringView("env");
    case KeySource::None:
        return QLatin1StringView("none");
    }
    return QLatin1StringView("none");
}

std::optional<KeySource> parseKeySource(const QString& text) {
    return enumFromName(text, {KeySource::Keychain, KeySource::Environment, KeySource::None}, keySourceName);
}

bool isValidProviderName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return re.match(name).hasMatch();
}

bool isValidEnvVarName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,127}$"));
    return re.match(name).hasMatch();
}

bool isValidBaseUrl(const QString& url) {
    const QUrl parsed(url, QUrl::StrictMode);
    return parsed.isValid() && !parsed.host().isEmpty() &&
           (parsed.scheme() == QLatin1StringView("http") || parsed.scheme() == QLatin1StringView("https"));
}

} // namespace Tessera::Core
