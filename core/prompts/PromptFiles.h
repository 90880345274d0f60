#pragma once

#include "common/Result.h"
#include "prompts/PromptLibrary.h"

#include <QString>

namespace Tessera::Core {

// A template as a Markdown file (docs/prompts.md, "Templates as files"): front matter between two "---" lines
// (name, description, tags, provider, model, temperature, max_tokens, message; one "key: value" a line), then the
// text. "<!-- system -->" and "<!-- user -->" on lines of their own start the two parts; without them the whole
// text is the user part.
//
// Reads a file's text; `where` names it in errors ("prompts/mail.md, line 3: unknown key colour"). The template's
// syntax is checked too. Errors: input.invalid.
Result<PromptDraft> readPromptMarkdown(const QString& text, const QString& where);

// Writes a template's version in that form (read back as the same draft).
QString writePromptMarkdown(const PromptTemplate& prompt, const PromptVersion& version);

} // namespace Tessera::Core
