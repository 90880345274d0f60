#pragma once

#include "tokenizer/Tokenizer.h"

#include <QString>

#include <vector>

namespace Tessera::Core {

// Tokens a prompt wastes, found while it is written: runs of spaces and blank lines, spaces at line ends, the same
// instruction written twice, and an example that takes most of the prompt. Each hint names its line (from 1) and,
// when compacting removes it, the tokens that saves.
struct WasteHint {
    enum class Kind { Whitespace, Repeated, LongExample };
    Kind kind = Kind::Whitespace;
    int line = 0;
    QString text;      // the repeated sentence, or the example's first line
    qint64 tokens = 0; // the repeated sentence's tokens, or the example's; 0 for whitespace (see saved())
};

struct WasteReport {
    std::vector<WasteHint> hints;
    QString compact; // the text with the whitespace and repeated instructions taken out
    qint64 tokensBefore = 0;
    qint64 tokensAfter = 0; // of the compact text
    qint64 saved() const { return tokensBefore - tokensAfter; }
};

// Looks at one part of a template (core/prompts). What compacting changes never alters the template's meaning: the
// inside of {{…}} tags, fenced code blocks and indentation at the start of lines stay as they are; a repeated
// sentence goes only when it is at least 20 characters long and the same apart from case and spaces. A long
// example is only pointed out (an example is the person's to shorten). Tokens are counted with the encoding.
WasteReport findWaste(const QString& text, Encoding encoding = Encoding::O200kBase);

} // namespace Tessera::Core
