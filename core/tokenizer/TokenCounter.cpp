#include "tokenizer/TokenCounter.h"

#include <QRegularExpression>

namespace Tessera::Core {

std::optional<Encoding> encodingForModel(const QString& model) {
    // A router's or a deployment's prefix ("openai/gpt-4o") is not part of the model's name.
    const QString name = model.section(QLatin1Char('/'), -1).trimmed().toLower();
    static const QRegularExpression o200k(
        QStringLiteral("^(gpt-4o|chatgpt-4o|gpt-4\\.1|gpt-4\\.5|gpt-5|gpt-oss|o1|o3|o4)(\\b|-|$)"));
    static const QRegularExpression cl100k(
        QStringLiteral("^(gpt-4|gpt-3\\.5|gpt-35|text-embedding-3|text-embedding-ada-002)(\\b|-|$)"));
    if (o200k.match(name).hasMatch()) {
        return Encoding::O200kBase;
    }
    if (cl100k.match(name).hasMatch()) {
        return Encoding::Cl100kBase;
    }
    return std::nullopt;
}

TokenCount countTokens(QStringView text, Encoding encoding) {
    return TokenCount{Tokenizer::get(encoding).count(text), encoding, true};
}

TokenCount countTokens(QStringView text, const QString& model) {
    if (const auto encoding = encodingForModel(model)) {
        return countTokens(text, *encoding);
    }
    TokenCount estimate = countTokens(text, Encoding::O200kBase);
    estimate.exact = false;
    return estimate;
}

} // namespace Tessera::Core
