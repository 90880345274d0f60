// How messages are shown: Markdown with tables, quotes, lists and links styled from the tokens, raw HTML as text,
// and code blocks highlighted per language, each in a card with a copy button.
#include "chat/MessageRenderer.h"
#include "chat/MessageWidget.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QToolButton>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera;
using namespace Tessera::Ui;

namespace {

const Style::Colours& light() {
    return Style::colours(Style::Variant::Light);
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
    for (const Case& test : cases) {
        const QString html = highlightCode(QString::fromUtf8(test.code), QString::fromUtf8(test.language), light());
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
        colourOf(highlightCode(QStringLiteral("{\"n\": 3}"), QStringLiteral("json"), light()), QStringLiteral("3"))
            .isEmpty())
        << "numbers";
    EXPECT_EQ(highlightCode(QStringLiteral("return <b>"), QStringLiteral("cobol"), light()),
              QStringLiteral("return &lt;b&gt;"))
        << "unknown languages are plain, escaped";
    EXPECT_FALSE(highlightCode(QStringLiteral("x = \"<script>\""), QStringLiteral("python"), light())
                     .contains(QStringLiteral("<script>")));
}

TEST(MessageRendererTest, MarkdownBecomesTextPartsAndCodeBlocksBecomeTheirOwnParts) {
    const QString markdown = QStringLiteral(
        "Here:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee [docs](https://example.com).\n\n"
        "```python\nprint('one')\n```\n\nand\n\n~~~\nplain <text>\n~~~\n\n<img src=x onerror=alert(1)>\n\n"
        "```sql\nSELECT 1");
    const RenderedMessage rendered = renderMessage(markdown, light());
    ASSERT_EQ(rendered.codeBlocks.size(), 3);
    EXPECT_EQ(rendered.codeBlocks[0], QStringLiteral("print('one')"));
    EXPECT_EQ(rendered.codeBlocks[1], QStringLiteral("plain <text>"));
    EXPECT_EQ(rendered.codeBlocks[2], QStringLiteral("SELECT 1")) << "a block still being written";
    ASSERT_EQ(rendered.parts.size(), 6); // text, code, text, code, text, code
    EXPECT_EQ(rendered.parts[1].kind, MessagePart::Kind::Code);
    EXPECT_EQ(rendered.parts[1].language, QStringLiteral("python"));
    EXPECT_EQ(rendered.parts[4].kind, MessagePart::Kind::Text);
    const QString html = rendered.html();
    EXPECT_TRUE(html.contains(QStringLiteral("<table"))) << "a Markdown table";
    EXPECT_TRUE(html.contains(QStringLiteral("href=\"https://example.com\"")));
    EXPECT_FALSE(html.contains(QStringLiteral("<img"))) << "raw HTML is shown as text";
    EXPECT_TRUE(html.contains(QStringLiteral("plain &lt;text&gt;")));
    EXPECT_TRUE(html.contains(QStringLiteral("white-space:pre-wrap"))) << "long lines of code wrap";
}

TEST(MessageRendererTest, TablesQuotesAndInlineCodeAreStyledFromTheTokens) {
    for (const Style::Variant variant : {Style::Variant::Light, Style::Variant::Dark}) {
        const Style::Colours& tokens = Style::colours(variant);
        const QString html =
            renderMessage(QStringLiteral("| Name | Size |\n|---|--:|\n| a | 1 |\n\n> quoted\n\nrun `make` now\n\n"
                                         "- one\n- two\n\n1. first\n\n## Heading"),
                          tokens)
                .html();
        EXPECT_TRUE(html.contains(QStringLiteral("<th align=\"left\" bgcolor=\"%1\"").arg(tokens.raised.name())))
            << "a tinted header: " << html.toStdString();
        EXPECT_TRUE(html.contains(QStringLiteral("<td align=\"right\">"))) << "column alignment kept";
        EXPECT_TRUE(html.contains(QStringLiteral("border-color:%1").arg(tokens.border.name()))) << "thin rules";
        EXPECT_TRUE(html.contains(QStringLiteral("cellpadding=\"6\"")));
        EXPECT_TRUE(html.contains(QStringLiteral("<td width=\"3\" bgcolor=\"%1\">").arg(tokens.border.name())))
            << "a quote has a bar";
        EXPECT_TRUE(html.contains(QStringLiteral("<code style=\"background-color:%1;\">&nbsp;make&nbsp;</code>")
                                      .arg(tokens.codeSurface.name())))
            << "inline code is tinted: " << html.toStdString();
        EXPECT_TRUE(html.contains(QStringLiteral("<ul")) && html.contains(QStringLiteral("<ol"))) << html.toStdString();
        EXPECT_TRUE(html.contains(QStringLiteral("font-size:large; font-weight:600;"))) << "a level-2 heading";
    }
}

TEST(MessageRendererTest, ImagesAndScriptLinksInMarkdownAreNeverLoadedOrFollowed) {
    const QString html = renderMessage(QStringLiteral("![secret](file:///etc/passwd) [x](javascript:alert(1)) "
                                                      "[ok](https://example.com)"),
                                       light())
                             .html();
    EXPECT_FALSE(html.contains(QStringLiteral("<img"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("file:///etc/passwd"))) << "the address is shown as text";
    EXPECT_FALSE(html.contains(QStringLiteral("href=\"javascript"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("href=\"https://example.com\"")));
}

TEST(MessageRendererTest, TheCopyButtonOfACodeBlockCopiesIt) {
    Core::Message message;
    message.id = 1;
    message.role = Core::Role::Assistant;
    message.content = QStringLiteral("Try:\n```bash\necho one\n```\nor\n```bash\necho two\n```");
    Ui::MessageWidget widget(message);
    const QList<QWidget*> blocks = widget.findChildren<QWidget*>(QStringLiteral("codeBlock"));
    ASSERT_EQ(blocks.size(), 2);
    auto* copy = blocks[1]->findChild<QToolButton*>(QStringLiteral("copyCode"));
    ASSERT_NE(copy, nullptr);
    EXPECT_FALSE(copy->toolTip().isEmpty());
    EXPECT_FALSE(copy->accessibleName().isEmpty());
    copy->click();
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("echo two"));
    EXPECT_EQ(blocks[0]->findChild<QLabel*>(QStringLiteral("codeLanguage"))->text(), QStringLiteral("bash"));
}

TEST(MessageRendererTest, AStreamingAnswerReusesThePartsItAlreadyShows) {
    Core::Message message;
    message.id = 1;
    message.role = Core::Role::Assistant;
    message.state = Core::MessageState::Streaming;
    Ui::MessageWidget widget(message);
    widget.setStreamingText(QStringLiteral("Intro\n\n```cpp\nint a;"));
    auto* intro = widget.findChild<QLabel*>(QStringLiteral("messageBody"));
    QWidget* block = widget.findChild<QWidget*>(QStringLiteral("codeBlock"));
    ASSERT_NE(intro, nullptr);
    ASSERT_NE(block, nullptr);
    widget.setStreamingText(QStringLiteral("Intro\n\n```cpp\nint a;\nint b;\n```\nDone."));
    EXPECT_EQ(widget.findChild<QLabel*>(QStringLiteral("messageBody")), intro) << "the first part is kept";
    EXPECT_EQ(widget.findChild<QWidget*>(QStringLiteral("codeBlock")), block) << "the code card is kept";
    EXPECT_EQ(block->property("code").toString(), QStringLiteral("int a;\nint b;"));
    EXPECT_EQ(widget.findChildren<QLabel*>(QStringLiteral("messageText")).size(), 1) << "the text after it is new";
}
