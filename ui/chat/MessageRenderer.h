#pragma once

#include "style/Tokens.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Tessera::Ui {

// A message turned into what the chat shows: Markdown (GitHub dialect: tables, lists, block quotes, links,
// emphasis, inline code) as rich text styled from the design tokens, with any raw HTML shown as text and no
// images loaded; and fenced code blocks as parts of their own, syntax-highlighted (C, C++, Python,
// JavaScript/TypeScript, JSON, shell, SQL; other languages plain), which the message shows under a header with
// the language and a copy button. An unclosed fence (an answer still being written) is a code block to the end.
struct MessagePart {
    enum class Kind { Text, Code };
    Kind kind = Kind::Text;
    QString html;     // rich text of the part (for code: the highlighted block)
    QString code;     // code blocks: the text, for the copy button
    QString language; // code blocks: as written after the fence
};

struct RenderedMessage {
    QList<MessagePart> parts;
    QStringList codeBlocks; // the text of each code block, in order
    QString html() const;   // every part's rich text, one after the other
};

RenderedMessage renderMessage(const QString& markdown, const Style::Colours& tokens);

// The code as HTML with its tokens coloured; the language as written after the fence ("py", "c++", "ts", ...).
QString highlightCode(const QString& code, const QString& language, const Style::Colours& tokens);

} // namespace Tessera::Ui
