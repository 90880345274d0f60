#pragma once

#include "tokenizer/Tokenizer.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace Tessera::Core {

// A token count: exact when the text was counted with the model's own encoding, otherwise an estimate (shown
// with "≈" in the app and "exact": false in JSON).
struct TokenCount {
    qint64 tokens = 0;
    Encoding encoding = Encoding::O200kBase; // what counted
    bool exact = true;
};

// The encoding of an OpenAI model ("gpt-4o-mini", "openai/gpt-4.1", "o3-2025-04-16"); nullopt for models of other
// families, whose tokenizers are not public.
std::optional<Encoding> encodingForModel(const QString& model);

// Counts text with an encoding (exact).
TokenCount countTokens(QStringView text, Encoding encoding);
// Counts text for a model: exact with its encoding, else an estimate with o200k_base.
TokenCount countTokens(QStringView text, const QString& model);

} // namespace Tessera::Core
