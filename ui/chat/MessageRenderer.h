#pragma once

#include <QPalette>
#include <QString>
#include <QStringList>

namespace Tessera::Ui {

// A message turned into rich text for the chat: Markdown (GitHub dialect: tables, lists, links, emphasis) with
// any raw HTML shown as text, and fenced code blocks syntax-highlighted (C, C++, Python, JavaScript/TypeScript,
// JSON, shell, SQL; other languages plain) under a header naming the language with a "Copy" link
// (tessera-copy:N). An unclosed fence (an answer still being written) is a code block to the end.
struct RenderedMessage {
    QString html;
    QStringList codeBlocks; // the text of each block, for its Copy link
};

RenderedMessage renderMessage(const QString& markdown, const QPalette& palette);

// The code as HTML with its tokens coloured; the language as written after the fence ("py", "c++", "ts", ...).
QString highlightCode(const QString& code, const QString& language, const QPalette& palette);

// The link of a code block's Copy action, and the block it names (-1 when the link is not one).
QString copyLink(int block);
int codeBlockOfLink(const QString& link);

} // namespace Tessera::Ui
