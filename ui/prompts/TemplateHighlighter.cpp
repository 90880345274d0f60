#include "prompts/TemplateHighlighter.h"

#include "style/Theme.h"

#include <QTextDocument>

namespace Tessera::Ui {

TemplateHighlighter::TemplateHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document) {
}

void TemplateHighlighter::setError(int line, int column) {
    if (line == m_errorLine && column == m_errorColumn) {
        return;
    }
    m_errorLine = line;
    m_errorColumn = column;
    rehighlight();
}

void TemplateHighlighter::highlightBlock(const QString& text) {
    const Style::Colours& colours = Style::tokens();
    QTextCharFormat variable;
    variable.setForeground(colours.accentText);
    QTextCharFormat section = variable;
    section.setFontWeight(QFont::Bold);
    QTextCharFormat comment;
    comment.setForeground(colours.mutedText);
    comment.setFontItalic(true);
    QTextCharFormat escape;
    escape.setForeground(colours.mutedText);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\\') && i + 1 < text.size() &&
            (text[i + 1] == QLatin1Char('{') || text[i + 1] == QLatin1Char('}') || text[i + 1] == QLatin1Char('\\'))) {
            setFormat(int(i), 2, escape);
            ++i;
            continue;
        }
        if (text[i] != QLatin1Char('{') || i + 1 >= text.size() || text[i + 1] != QLatin1Char('{')) {
            continue;
        }
        const qsizetype end = text.indexOf(QStringLiteral("}}"), i + 2);
        const qsizetype stop = end < 0 ? text.size() : end + 2;
        const QString inner = text.mid(i + 2, (end < 0 ? text.size() : end) - i - 2).trimmed();
        const QTextCharFormat& format = inner.startsWith(QLatin1Char('!')) ? comment
                                        : inner.startsWith(QLatin1Char('?')) || inner.startsWith(QLatin1Char('/'))
                                            ? section
                                            : variable;
        setFormat(int(i), int(stop - i), format);
        i = stop - 1;
    }
    // The error's place: from its column to the end of its word.
    if (m_errorLine == currentBlock().blockNumber() + 1) {
        const int from = std::max(0, m_errorColumn - 1);
        int to = from;
        while (to < text.size() && !text[to].isSpace()) {
            ++to;
        }
        QTextCharFormat wrong;
        wrong.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        wrong.setUnderlineColor(colours.danger);
        for (int k = from; k < std::max(to, from + 1) && k < text.size(); ++k) {
            QTextCharFormat merged = format(k);
            merged.merge(wrong);
            setFormat(k, 1, merged);
        }
    }
}

} // namespace Tessera::Ui
