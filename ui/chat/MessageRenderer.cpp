#include "chat/MessageRenderer.h"

#include <QFont>
#include <QRegularExpression>
#include <QSet>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>
#include <QUrl>

#include <algorithm>

namespace Tessera::Ui {

namespace {

enum class Family { None, CLike, Python, JavaScript, Json, Shell, Sql };

Family familyOf(const QString& language) {
    const QString l = language.toLower();
    if (l == QLatin1StringView("c") || l == QLatin1StringView("cpp") || l == QLatin1StringView("c++") ||
        l == QLatin1StringView("cc") || l == QLatin1StringView("h") || l == QLatin1StringView("hpp") ||
        l == QLatin1StringView("cxx")) {
        return Family::CLike;
    }
    if (l == QLatin1StringView("python") || l == QLatin1StringView("py")) {
        return Family::Python;
    }
    if (l == QLatin1StringView("javascript") || l == QLatin1StringView("js") || l == QLatin1StringView("typescript") ||
        l == QLatin1StringView("ts") || l == QLatin1StringView("jsx") || l == QLatin1StringView("tsx") ||
        l == QLatin1StringView("mjs")) {
        return Family::JavaScript;
    }
    if (l == QLatin1StringView("json") || l == QLatin1StringView("jsonc")) {
        return Family::Json;
    }
    if (l == QLatin1StringView("sh") || l == QLatin1StringView("bash") || l == QLatin1StringView("shell") ||
        l == QLatin1StringView("zsh") || l == QLatin1StringView("console")) {
        return Family::Shell;
    }
    if (l == QLatin1StringView("sql") || l == QLatin1StringView("sqlite") || l == QLatin1StringView("postgresql")) {
        return Family::Sql;
    }
    return Family::None;
}

QSet<QString> words(const char* list) {
    QSet<QString> set;
    for (const QString& word : QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        set.insert(word);
    }
    return set;
}

const QSet<QString>& keywords(Family family) {
    static const QSet<QString> c = words(
        "auto bool break case catch char class const constexpr continue default delete do double else enum "
        "explicit extern false float for friend goto if inline int long namespace new noexcept nullptr operator "
        "override private protected public return short signed sizeof static struct switch template this throw "
        "true try typedef typename union unsigned using virtual void volatile while final concept requires co_await "
        "co_return co_yield size_t std");
    static const QSet<QString> python = words(
        "False None True and as assert async await break class continue def del elif else except finally for from "
        "global if import in is lambda nonlocal not or pass raise return try while with yield self match case");
    static const QSet<QString> javascript = words(
        "async await break case catch class const continue debugger default delete do else enum export extends "
        "false finally for function if implements import in instanceof interface let new null of private protected "
        "public return static super switch this throw true try type typeof undefined var void while with yield "
        "readonly keyof as any number string boolean unknown never");
    static const QSet<QString> json = words("true false null");
    static const QSet<QString> shell =
        words("if then else elif fi for while until do done case esac function in return export local readonly set "
              "unset echo exit source alias cd sudo");
    static const QSet<QString> sql = words(
        "SELECT FROM WHERE AND OR NOT INSERT INTO VALUES UPDATE SET DELETE CREATE TABLE INDEX VIEW DROP ALTER ADD "
        "PRIMARY KEY FOREIGN REFERENCES JOIN LEFT RIGHT INNER OUTER ON AS GROUP BY ORDER HAVING LIMIT OFFSET "
        "DISTINCT UNION ALL NULL IS IN LIKE BETWEEN EXISTS CASE WHEN THEN ELSE END WITH RECURSIVE DEFAULT UNIQUE "
        "CHECK INTEGER TEXT REAL BLOB COUNT SUM AVG MIN MAX ASC DESC BEGIN COMMIT ROLLBACK TRIGGER");
    static const QSet<QString> none;
    switch (family) {
    case Family::CLike:
        return c;
    case Family::Python:
        return python;
    case Family::JavaScript:
        return javascript;
    case Family::Json:
        return json;
    case Family::Shell:
        return shell;
    case Family::Sql:
        return sql;
    case Family::None:
        break;
    }
    return none;
}

struct Colours {
    QString keyword, string, comment, number, special;
};

Colours coloursFor(const Style::Colours& tokens) {
    return {tokens.codeKeyword.name(), tokens.codeString.name(), tokens.codeComment.name(), tokens.codeNumber.name(),
            tokens.codeSpecial.name()};
}

QString span(const QString& colour, const QString& text, bool italic = false) {
    return QStringLiteral("<span style=\"color:%1;%2\">%3</span>")
        .arg(colour, italic ? QStringLiteral("font-style:italic;") : QString(), text.toHtmlEscaped());
}

} // namespace

QString highlightCode(const QString& code, const QString& language, const Style::Colours& tokens) {
    const Family family = familyOf(language);
    if (family == Family::None) {
        return code.toHtmlEscaped();
    }
    const Colours colours = coloursFor(tokens);
    const QSet<QString>& keys = keywords(family);
    const bool hashComments = family == Family::Python || family == Family::Shell;
    const bool slashComments = family == Family::CLike || family == Family::JavaScript || family == Family::Json;
    QString html;
    html.reserve(code.size() * 2);
    const qsizetype n = code.size();
    qsizetype i = 0;
    bool lineStart = true;
    while (i < n) {
        const QChar c = code[i];
        // Comments.
        if ((hashComments && c == QLatin1Char('#')) ||
            (slashComments && c == QLatin1Char('/') && i + 1 < n && code[i + 1] == QLatin1Char('/')) ||
            (family == Family::Sql && c == QLatin1Char('-') && i + 1 < n && code[i + 1] == QLatin1Char('-'))) {
            qsizetype end = code.indexOf(QLatin1Char('\n'), i);
            end = end < 0 ? n : end;
            html += span(colours.comment, code.mid(i, end - i), true);
            i = end;
            continue;
        }
        if ((slashComments || family == Family::Sql) && c == QLatin1Char('/') && i + 1 < n &&
            code[i + 1] == QLatin1Char('*')) {
            qsizetype end = code.indexOf(QStringLiteral("*/"), i + 2);
            end = end < 0 ? n : end + 2;
            html += span(colours.comment, code.mid(i, end - i), true);
            i = end;
            continue;
        }
        // Preprocessor lines in C and C++.
        if (family == Family::CLike && lineStart && c == QLatin1Char('#')) {
            qsizetype end = code.indexOf(QLatin1Char('\n'), i);
            end = end < 0 ? n : end;
            html += span(colours.special, code.mid(i, end - i));
            i = end;
            continue;
        }
        // Strings (triple-quoted in Python, template literals in JavaScript).
        const bool quote =
            c == QLatin1Char('"') || c == QLatin1Char('\'') || (family == Family::JavaScript && c == QLatin1Char('`'));
        if (quote) {
            const bool triple = family == Family::Python && code.mid(i, 3) == QString(3, c);
            const QString close = triple ? QString(3, c) : QString(c);
            qsizetype j = i + close.size();
            while (j < n && code.mid(j, close.size()) != close) {
                if (code[j] == QLatin1Char('\\')) {
                    ++j;
                } else if (!triple && c != QLatin1Char('`') && code[j] == QLatin1Char('\n')) {
                    break; // an unterminated one-line string ends with its line
                }
                ++j;
            }
            const qsizetype end = std::min(n, j < n && code.mid(j, close.size()) == close ? j + close.size() : j);
            // A JSON string followed by ':' is a key.
            qsizetype after = end;
            while (after < n && (code[after] == QLatin1Char(' ') || code[after] == QLatin1Char('\t'))) {
                ++after;
            }
            const bool jsonKey = family == Family::Json && after < n && code[after] == QLatin1Char(':');
            html += span(jsonKey ? colours.special : colours.string, code.mid(i, end - i));
            i = end;
            lineStart = false;
            continue;
        }
        // Numbers.
        if (c.isDigit() && (i == 0 || !(code[i - 1].isLetterOrNumber() || code[i - 1] == QLatin1Char('_')))) {
            qsizetype end = i + 1;
            while (end < n &&
                   (code[end].isLetterOrNumber() || code[end] == QLatin1Char('.') || code[end] == QLatin1Char('_'))) {
                ++end;
            }
            html += span(colours.number, code.mid(i, end - i));
            i = end;
            lineStart = false;
            continue;
        }
        // Shell variables.
        if (family == Family::Shell && c == QLatin1Char('$')) {
            qsizetype end = i + 1;
            while (end < n && (code[end].isLetterOrNumber() || code[end] == QLatin1Char('_') ||
                               code[end] == QLatin1Char('{') || code[end] == QLatin1Char('}'))) {
                ++end;
            }
            html += span(colours.special, code.mid(i, end - i));
            i = end;
            lineStart = false;
            continue;
        }
        // Words: keywords coloured.
        if (c.isLetter() || c == QLatin1Char('_') || (family == Family::Python && c == QLatin1Char('@'))) {
            qsizetype end = i + 1;
            while (end < n && (code[end].isLetterOrNumber() || code[end] == QLatin1Char('_'))) {
                ++end;
            }
            const QString word = code.mid(i, end - i);
            const bool keyword = family == Family::Sql ? keys.contains(word.toUpper()) : keys.contains(word);
            if (c == QLatin1Char('@')) {
                html += span(colours.special, word);
            } else {
                html += keyword ? span(colours.keyword, word) : word.toHtmlEscaped();
            }
            i = end;
            lineStart = false;
            continue;
        }
        html += QString(c).toHtmlEscaped();
        if (c == QLatin1Char('\n')) {
            lineStart = true;
        } else if (!c.isSpace()) {
            lineStart = false;
        }
        ++i;
    }
    return html;
}

namespace {

QString escapeText(const QString& text) {
    QString escaped = text.toHtmlEscaped();
    escaped.replace(QChar::LineSeparator, QStringLiteral("<br>"));
    escaped.replace(QChar(u'\t'), QStringLiteral("    "));
    return escaped;
}

bool isSafeLink(const QString& href) {
    const QString scheme = QUrl(href).scheme().toLower();
    return scheme == QLatin1StringView("http") || scheme == QLatin1StringView("https") ||
           scheme == QLatin1StringView("mailto");
}

// Turns the document QTextDocument made of the Markdown into the rich text the chat shows, styled from the
// tokens: paragraphs with even spacing, headings on the type scale, lists, block quotes with a bar, tables with
// thin rules, padding and a tinted header, inline code tinted, links, and no images (a Markdown image is shown
// as its address, so a message can never make Tessera load a file or a remote picture).
class HtmlWriter {
public:
    explicit HtmlWriter(const Style::Colours& tokens)
        : m_tokens(tokens) {}

    QString write(const QTextDocument& document) {
        writeFrame(document.rootFrame(), 0);
        closeLists();
        closeQuote();
        return m_html;
    }

private:
    void writeFrame(QTextFrame* frame, int depth) {
        for (auto it = frame->begin(); !it.atEnd(); ++it) {
            if (QTextFrame* child = it.currentFrame()) {
                closeLists();
                if (auto* table = qobject_cast<QTextTable*>(child); table && depth == 0) {
                    writeTable(table);
                } else {
                    writeFrame(child, depth + 1);
                }
                continue;
            }
            writeBlock(it.currentBlock());
        }
    }

    void writeBlock(const QTextBlock& block) {
        const QTextBlockFormat format = block.blockFormat();
        const int quote = format.property(QTextFormat::BlockQuoteLevel).toInt();
        if ((quote > 0) != m_inQuote) {
            closeLists();
            if (quote > 0) {
                openQuote();
            } else {
                closeQuote();
            }
        }
        if (format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth)) {
            closeLists();
            m_html += QStringLiteral("<hr>");
            return;
        }
        const QString margin = m_firstBlock ? QStringLiteral("0") : QStringLiteral("8");
        m_firstBlock = false;
        if (QTextList* list = block.textList()) {
            openList(list);
            QString marker;
            if (format.marker() == QTextBlockFormat::MarkerType::Checked) {
                marker = QStringLiteral("☑ ");
            } else if (format.marker() == QTextBlockFormat::MarkerType::Unchecked) {
                marker = QStringLiteral("☐ ");
            }
            m_html +=
                QStringLiteral("<li style=\"margin-top:4px;\">") + marker + inlineHtml(block) + QStringLiteral("</li>");
            return;
        }
        closeLists();
        if (const int level = format.headingLevel(); level > 0) {
            static const char* const sizes[] = {"x-large", "large", "medium", "medium", "medium", "medium"};
            m_html += QStringLiteral("<p style=\"margin-top:%1px; margin-bottom:0px; font-size:%2; "
                                     "font-weight:600;\">")
                          .arg(m_firstBlock ? 0 : 14)
                          .arg(QLatin1StringView(sizes[std::clamp(level, 1, 6) - 1])) +
                      inlineHtml(block) + QStringLiteral("</p>");
            return;
        }
        if (format.nonBreakableLines()) { // an indented code block
            m_html += QStringLiteral("<pre style=\"margin-top:%1px; white-space:pre-wrap; background-color:%2;\">")
                          .arg(margin, m_tokens.codeSurface.name()) +
                      block.text().toHtmlEscaped() + QStringLiteral("</pre>");
            return;
        }
        m_html += QStringLiteral("<p style=\"margin-top:%1px; margin-bottom:0px;\">").arg(margin) + inlineHtml(block) +
                  QStringLiteral("</p>");
    }

    QString inlineHtml(const QTextBlock& block) const {
        QString html;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid()) {
                continue;
            }
            const QTextCharFormat format = fragment.charFormat();
            if (format.isImageFormat()) {
                const QString name = format.toImageFormat().name();
                html += QStringLiteral("<span style=\"color:%1;\">[%2]</span>")
                            .arg(m_tokens.mutedText.name(), escapeText(name));
                continue;
            }
            QString text = escapeText(fragment.text());
            if (format.fontFixedPitch()) {
                text = QStringLiteral("<code style=\"background-color:%1;\">&nbsp;%2&nbsp;</code>")
                           .arg(m_tokens.codeSurface.name(), text);
            }
            if (format.fontWeight() >= QFont::DemiBold) {
                text = QStringLiteral("<b>") + text + QStringLiteral("</b>");
            }
            if (format.fontItalic()) {
                text = QStringLiteral("<i>") + text + QStringLiteral("</i>");
            }
            if (format.fontStrikeOut()) {
                text = QStringLiteral("<s>") + text + QStringLiteral("</s>");
            }
            if (format.isAnchor() && !format.anchorHref().isEmpty()) {
                const QString href = format.anchorHref();
                if (isSafeLink(href)) {
                    text = QStringLiteral("<a href=\"%1\" style=\"color:%2;\">%3</a>")
                               .arg(href.toHtmlEscaped(), m_tokens.accentText.name(), text);
                } else {
                    text += QStringLiteral(" <span style=\"color:%1;\">(%2)</span>")
                                .arg(m_tokens.mutedText.name(), escapeText(href));
                }
            }
            html += text;
        }
        return html;
    }

    void writeTable(QTextTable* table) {
        closeLists();
        m_html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"6\" border=\"1\" style=\"margin-top:8px; "
                                 "border-collapse:collapse; border-style:solid; border-color:%1;\">")
                      .arg(m_tokens.border.name());
        for (int row = 0; row < table->rows(); ++row) {
            m_html += QStringLiteral("<tr>");
            for (int column = 0; column < table->columns(); ++column) {
                const QTextTableCell cell = table->cellAt(row, column);
                if (cell.row() != row || cell.column() != column) {
                    continue; // covered by a spanning cell
                }
                QStringList blocks;
                for (auto it = cell.begin(); !it.atEnd(); ++it) {
                    if (it.currentFrame() == nullptr) {
                        blocks << inlineHtml(it.currentBlock());
                    }
                }
                const QString tag = row == 0 ? QStringLiteral("th") : QStringLiteral("td");
                const Qt::Alignment align =
                    cell.begin().atEnd() ? Qt::AlignLeft : cell.firstCursorPosition().blockFormat().alignment();
                const QString alignment = align.testFlag(Qt::AlignRight)     ? QStringLiteral("right")
                                          : align.testFlag(Qt::AlignHCenter) ? QStringLiteral("center")
                                                                             : QStringLiteral("left");
                m_html +=
                    QStringLiteral("<%1 align=\"%2\"%3>")
                        .arg(tag, alignment,
                             row == 0 ? QStringLiteral(" bgcolor=\"%1\"").arg(m_tokens.raised.name()) : QString()) +
                    blocks.join(QStringLiteral("<br>")) + QStringLiteral("</%1>").arg(tag);
            }
            m_html += QStringLiteral("</tr>");
        }
        m_html += QStringLiteral("</table>");
        m_firstBlock = false;
    }

    void openList(QTextList* list) {
        const int indent = list->format().indent();
        while (!m_lists.isEmpty() &&
               (m_lists.back().second > indent || (m_lists.back().second == indent && m_lists.back().first != list))) {
            closeList();
        }
        if (m_lists.isEmpty() || m_lists.back().first != list) {
            const QTextListFormat::Style style = list->format().style();
            const bool ordered = style == QTextListFormat::ListDecimal || style == QTextListFormat::ListLowerAlpha ||
                                 style == QTextListFormat::ListUpperAlpha || style == QTextListFormat::ListLowerRoman ||
                                 style == QTextListFormat::ListUpperRoman;
            m_html += ordered ? QStringLiteral("<ol style=\"margin-top:4px; margin-bottom:0px;\">")
                              : QStringLiteral("<ul style=\"margin-top:4px; margin-bottom:0px;\">");
            m_lists.append({list, indent});
            m_listOrdered.append(ordered);
        }
    }

    void closeList() {
        m_html += m_listOrdered.takeLast() ? QStringLiteral("</ol>") : QStringLiteral("</ul>");
        m_lists.removeLast();
    }

    void closeLists() {
        while (!m_lists.isEmpty()) {
            closeList();
        }
    }

    void openQuote() {
        m_inQuote = true;
        m_html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\" style=\"margin-top:8px;\"><tr>"
                                 "<td width=\"3\" bgcolor=\"%1\"></td><td style=\"padding-left:12px; color:%2;\">")
                      .arg(m_tokens.border.name(), m_tokens.mutedText.name());
        m_firstBlock = true;
    }

    void closeQuote() {
        if (m_inQuote) {
            m_html += QStringLiteral("</td></tr></table>");
            m_inQuote = false;
        }
    }

    const Style::Colours& m_tokens;
    QString m_html;
    QList<QPair<QTextList*, int>> m_lists;
    QList<bool> m_listOrdered;
    bool m_inQuote = false;
    bool m_firstBlock = true;
};

QString markdownHtml(const QString& markdown, const Style::Colours& tokens) {
    QTextDocument document;
    document.setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                                   QTextDocument::MarkdownNoHTML));
    return HtmlWriter(tokens).write(document);
}

} // namespace

RenderedMessage renderMessage(const QString& markdown, const Style::Colours& tokens) {
    static const QRegularExpression opening(QStringLiteral("^ {0,3}(`{3,}|~{3,})\\s*([\\w+#.-]*)[^\\n]*$"));
    RenderedMessage result;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    QStringList text;
    const auto flushText = [&] {
        if (!text.isEmpty()) {
            const QString joined = text.join(QLatin1Char('\n'));
            if (!joined.trimmed().isEmpty()) {
                result.parts.append({MessagePart::Kind::Text, markdownHtml(joined, tokens), {}, {}});
            }
            text.clear();
        }
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch fence = opening.match(lines[i]);
        if (!fence.hasMatch()) {
            text << lines[i];
            continue;
        }
        flushText();
        const QString marker = fence.captured(1);
        const QString language = fence.captured(2);
        QStringList code;
        qsizetype j = i + 1;
        for (; j < lines.size(); ++j) {
            const QString trimmed = lines[j].trimmed();
            if (trimmed.startsWith(marker) && trimmed.count(marker.front()) == trimmed.size()) {
                break;
            }
            code << lines[j];
        }
        i = j; // the closing fence, or past the end while the block is still being written
        MessagePart part{MessagePart::Kind::Code, {}, code.join(QLatin1Char('\n')), language};
        part.html = QStringLiteral("<pre style=\"margin:0px; white-space:pre-wrap;\">%1</pre>")
                        .arg(highlightCode(part.code, language, tokens));
        result.codeBlocks << part.code;
        result.parts.append(std::move(part));
    }
    flushText();
    return result;
}

QString RenderedMessage::html() const {
    QString all;
    for (const MessagePart& part : parts) {
        all += part.html;
    }
    return all;
}

} // namespace Tessera::Ui
