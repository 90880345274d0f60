#include "chat/MessageRenderer.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QTextDocument>

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

Colours coloursFor(const QPalette& palette) {
    if (palette.color(QPalette::Base).lightness() < 128) {
        return {QStringLiteral("#c792ea"), QStringLiteral("#c3e88d"), QStringLiteral("#7f8c98"),
                QStringLiteral("#f78c6c"), QStringLiteral("#82aaff")};
    }
    return {QStringLiteral("#7c1fa2"), QStringLiteral("#2e7d32"), QStringLiteral("#6a737d"), QStringLiteral("#b35900"),
            QStringLiteral("#1f5fbf")};
}

QString span(const QString& colour, const QString& text, bool italic = false) {
    return QStringLiteral("<span style=\"color:%1;%2\">%3</span>")
        .arg(colour, italic ? QStringLiteral("font-style:italic;") : QString(), text.toHtmlEscaped());
}

} // namespace

QString highlightCode(const QString& code, const QString& language, const QPalette& palette) {
    const Family family = familyOf(language);
    if (family == Family::None) {
        return code.toHtmlEscaped();
    }
    const Colours colours = coloursFor(palette);
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

QString copyLink(int block) {
    return QStringLiteral("tessera-copy:%1").arg(block);
}

int codeBlockOfLink(const QString& link) {
    if (!link.startsWith(QLatin1StringView("tessera-copy:"))) {
        return -1;
    }
    bool ok = false;
    const int block = link.mid(13).toInt(&ok);
    return ok && block >= 0 ? block : -1;
}

namespace {

// Markdown to the HTML inside <body>, raw HTML shown as text.
QString markdownHtml(const QString& markdown) {
    QTextDocument document;
    document.setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                                   QTextDocument::MarkdownNoHTML));
    const QString html = document.toHtml();
    const qsizetype bodyOpen = html.indexOf(QStringLiteral("<body"));
    const qsizetype bodyStart = bodyOpen < 0 ? -1 : html.indexOf(QLatin1Char('>'), bodyOpen);
    const qsizetype bodyEnd = html.lastIndexOf(QStringLiteral("</body>"));
    return bodyStart < 0 || bodyEnd < 0 ? html : html.mid(bodyStart + 1, bodyEnd - bodyStart - 1);
}

} // namespace

RenderedMessage renderMessage(const QString& markdown, const QPalette& palette) {
    static const QRegularExpression opening(QStringLiteral("^ {0,3}(`{3,}|~{3,})\\s*([\\w+#.-]*)[^\\n]*$"));
    RenderedMessage result;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    QStringList text;
    const auto flushText = [&] {
        if (!text.isEmpty()) {
            result.html += markdownHtml(text.join(QLatin1Char('\n')));
            text.clear();
        }
    };
    const QColor codeBackground = palette.color(QPalette::AlternateBase);
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
        const int block = int(result.codeBlocks.size());
        result.codeBlocks << code.join(QLatin1Char('\n'));
        const QString label = language.isEmpty() ? QCoreApplication::translate("Tessera::Ui::MessageRenderer", "code")
                                                 : language.toHtmlEscaped();
        result.html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" "
                                      "style=\"background-color:%1;\"><tr><td>"
                                      "<small>%2 · <a href=\"%3\">%4</a></small>"
                                      "<pre style=\"margin:0;\">%5</pre></td></tr></table>")
                           .arg(codeBackground.name(), label, copyLink(block),
                                QCoreApplication::translate("Tessera::Ui::MessageRenderer", "Copy"),
                                highlightCode(result.codeBlocks.back(), language, palette));
    }
    flushText();
    return result;
}

} // namespace Tessera::Ui
