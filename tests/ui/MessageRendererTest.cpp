// How messages are shown: Markdown with tables and links, raw HTML as text, and code blocks highlighted per
// language with a Copy link each.
#include "chat/MessageRenderer.h"
#include "chat/MessageWidget.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera;
using namespace Tessera::Ui;

namespace {

QPalette light() {
    QPalette palette;
    palette.setColor(QPalette::Base, Qt::white);
    return palette;
}

// The colour of the span that holds the text, or "" when it is not in one.
QString colourOf(const QString& html, const QString& text) {
    const qsizetype at = html.indexOf(QStringLiteral(">") + text.toHtmlEscaped() + QStringLiteral("</span>"));
    if (at < 0) {
        return {};
    }
    const qsizetype start = html.lastIndexOf(QStringLiteral("color:"), at);
    return html.mid(start + 6, 7);
}

} // namespace

TEST(MessageRendererTest, EachLanguageColoursItsKeywordsStringsCommentsAndNumbers) {
    struct Case {
        const char* language;
        const char* code;
        const char* keyword;
        const char* string;
        const char* comment;
    };
    const Case cases[] = {
        {"cpp", "int main() { return 42; } // done\nconst char* s = \"hi\";", "return", "\"hi\"", "// done"},
        {"c", "static int x = 1; /* note */ char c = 'a';", "static", "'a'", "/* note */"},
        {"python", "def f(x):\n    return \"\"\"doc\"\"\"  # why\n", "def", "\"\"\"doc\"\"\"", "# why"},
        {"ts", "const answer: number = 42; // yes\nlet s = `tmpl`;", "const", "`tmpl`", "// yes"},
        {"js", "async function go() { await x; } /* c */", "await", "", "/* c */"},
        {"json", "{\"key\": \"value\", \"n\": 3, \"ok\": true}", "true", "\"value\"", ""},
        {"bash", "if [ -f \"$HOME/x\" ]; then echo ok; fi # check", "then", "\"$HOME/x\"", "# check"},
        {"sql", "select name from users where id = 7; -- one", "select", "", "-- one"},
    };
    const QPalette palette = light();
    for (const Case& test : cases) {
        const QString html = highlightCode(QString::fromUtf8(test.code), QString::fromUtf8(test.language), palette);
        const QString keyword = colourOf(html, QString::fromUtf8(test.keyword));
        EXPECT_FALSE(keyword.isEmpty()) << test.language << ": " << html.toStdString();
        if (*test.string) {
            const QString string = colourOf(html, QString::fromUtf8(test.string));
            EXPECT_FALSE(string.isEmpty()) << test.language << ": " << html.toStdString();
            EXPECT_NE(string, keyword) << test.language;
        }
        if (*test.comment) {
            const QString comment = colourOf(html, QString::fromUtf8(test.comment));
            EXPECT_FALSE(comment.isEmpty()) << test.language << ": " << html.toStdString();
            EXPECT_NE(comment, keyword) << test.language;
        }
    }
    EXPECT_FALSE(
        colourOf(highlightCode(QStringLiteral("{\"n\": 3}"), QStringLiteral("json"), palette), QStringLiteral("3"))
            .isEmpty())
        << "numbers";
    EXPECT_EQ(highlightCode(QStringLiteral("return <b>"), QStringLiteral("cobol"), palette),
              QStringLiteral("return &lt;b&gt;"))
        << "unknown languages are plain, escaped";
    EXPECT_FALSE(highlightCode(QStringLiteral("x = \"<script>\""), QStringLiteral("python"), palette)
                     .contains(QStringLiteral("<script>")));
}

TEST(MessageRendererTest, MarkdownTablesLinksAndCodeBlocksWithCopyLinks) {
    const QString markdown = QStringLiteral(
        "Here:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee [docs](https://example.com).\n\n"
        "```python\nprint('one')\n```\n\nand\n\n~~~\nplain <text>\n~~~\n\n<img src=x onerror=alert(1)>\n\n"
        "```sql\nSELECT 1");
    const RenderedMessage rendered = renderMessage(markdown, light());
    ASSERT_EQ(rendered.codeBlocks.size(), 3);
    EXPECT_EQ(rendered.codeBlocks[0], QStringLiteral("print('one')"));
    EXPECT_EQ(rendered.codeBlocks[1], QStringLiteral("plain <text>"));
    EXPECT_EQ(rendered.codeBlocks[2], QStringLiteral("SELECT 1")) << "a block still being written";
    EXPECT_TRUE(rendered.html.contains(QStringLiteral("<table"))) << "a Markdown table";
    EXPECT_TRUE(rendered.html.contains(QStringLiteral("href=\"https://example.com\"")));
    EXPECT_TRUE(rendered.html.contains(QStringLiteral("href=\"tessera-copy:0\"")));
    EXPECT_TRUE(rendered.html.contains(QStringLiteral("href=\"tessera-copy:2\"")));
    EXPECT_FALSE(rendered.html.contains(QStringLiteral("<img"))) << "raw HTML is shown as text";
    EXPECT_TRUE(rendered.html.contains(QStringLiteral("plain &lt;text&gt;")));
    EXPECT_EQ(codeBlockOfLink(QStringLiteral("tessera-copy:2")), 2);
    EXPECT_EQ(codeBlockOfLink(QStringLiteral("https://example.com")), -1);
    EXPECT_EQ(codeBlockOfLink(QStringLiteral("tessera-copy:x")), -1);
}

TEST(MessageRendererTest, TheCopyLinkOfACodeBlockCopiesIt) {
    Core::Message message;
    message.id = 1;
    message.role = Core::Role::Assistant;
    message.content = QStringLiteral("Try:\n```bash\necho one\n```\nor\n```bash\necho two\n```");
    Ui::MessageWidget widget(message);
    auto* body = widget.findChild<QLabel*>(QStringLiteral("messageBody"));
    ASSERT_NE(body, nullptr);
    Q_EMIT body->linkActivated(Ui::copyLink(1));
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("echo two"));
    Q_EMIT body->linkActivated(Ui::copyLink(7)); // no such block: nothing happens
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("echo two"));
}
