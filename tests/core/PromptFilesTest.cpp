// Templates as Markdown files (front matter and the two parts) read and written back, with errors that name the
// file and line; and the line comparison the version diff shows.
#include "prompts/PromptFiles.h"
#include "prompts/TextDiff.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

TEST(PromptFilesTest, AFileReadsIntoADraftAndWritesBackTheSame) {
    auto draft = readPromptMarkdown(QStringLiteral("\xFEFF---\r\nname: Mail\r\ndescription: \"Replies: short\"\r\n"
                                                   "tags: [Work, \"e-mail\"]\r\nprovider: openai\r\nmodel: gpt-5.4\r\n"
                                                   "temperature: 0.25\r\nmax_tokens: 800\r\nmessage: first\r\n"
                                                   "# a comment\r\n---\r\n<!-- system -->\r\nBe kind.\r\n\r\n"
                                                   "<!-- user -->\r\nReply to {{mail : multiline}}\r\n"),
                                    QStringLiteral("mail.md"));
    ASSERT_TRUE(draft) << draft.error().detail.toStdString();
    EXPECT_EQ(draft->name, QStringLiteral("Mail"));
    EXPECT_EQ(draft->description, QStringLiteral("Replies: short"));
    EXPECT_EQ(draft->tags, (QStringList{QStringLiteral("Work"), QStringLiteral("e-mail")}));
    EXPECT_EQ(draft->settings.provider, QStringLiteral("openai"));
    EXPECT_EQ(draft->settings.model, QStringLiteral("gpt-5.4"));
    EXPECT_EQ(draft->settings.temperature, 0.25);
    EXPECT_EQ(draft->settings.maxTokens, 800);
    EXPECT_EQ(draft->message, QStringLiteral("first"));
    EXPECT_EQ(draft->systemText, QStringLiteral("Be kind."));
    EXPECT_EQ(draft->userText, QStringLiteral("Reply to {{mail : multiline}}"));

    PromptTemplate t;
    t.name = draft->name;
    t.description = draft->description;
    t.tags = {QStringLiteral("e-mail"), QStringLiteral("work")};
    PromptVersion v;
    v.systemText = draft->systemText;
    v.userText = draft->userText;
    v.settings = draft->settings;
    v.message = draft->message;
    auto again = readPromptMarkdown(writePromptMarkdown(t, v), QStringLiteral("copy.md"));
    ASSERT_TRUE(again) << again.error().detail.toStdString();
    EXPECT_EQ(again->name, t.name);
    EXPECT_EQ(again->description, t.description);
    EXPECT_EQ(again->tags, t.tags);
    EXPECT_EQ(again->systemText, v.systemText);
    EXPECT_EQ(again->userText, v.userText);
    EXPECT_EQ(again->settings, v.settings);
    EXPECT_EQ(again->message, v.message);

    // Without front matter or markers the whole text is the user part; a user part holding a marker survives.
    auto bare = readPromptMarkdown(QStringLiteral("Just {{this}}\n"), QStringLiteral("bare.md"));
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->userText, QStringLiteral("Just {{this}}"));
    EXPECT_TRUE(bare->systemText.isEmpty());
    v.systemText.clear();
    v.userText = QStringLiteral("Explain <!-- system --> markers\n<!-- system -->\nliterally");
    auto marked = readPromptMarkdown(writePromptMarkdown(t, v), QStringLiteral("marked.md"));
    ASSERT_TRUE(marked);
    EXPECT_EQ(marked->userText, v.userText);
    EXPECT_TRUE(marked->systemText.isEmpty());
}

TEST(PromptFilesTest, ABrokenFileNamesTheFileAndLine) {
    const auto error = [](const char* text) {
        auto read = readPromptMarkdown(QString::fromUtf8(text), QStringLiteral("p/mail.md"));
        EXPECT_FALSE(read) << text;
        return read ? QString() : read.error().detail;
    };
    EXPECT_EQ(error("---\nname: x\nno end"),
              QStringLiteral("p/mail.md, line 1: the front matter is not closed with a line of ---"));
    EXPECT_EQ(error("---\nname x\n---\nt"), QStringLiteral("p/mail.md, line 2: a front-matter line is \"key: value\""));
    EXPECT_TRUE(
        error("---\n\ncolour: red\n---\nt").startsWith(QStringLiteral("p/mail.md, line 3: unknown key colour")));
    EXPECT_EQ(error("---\ntemperature: hot\n---\nt"),
              QStringLiteral("p/mail.md, line 2: temperature is a number like 0.7"));
    EXPECT_EQ(error("---\nmax_tokens: many\n---\nt"),
              QStringLiteral("p/mail.md, line 2: max_tokens is a whole number"));
    EXPECT_EQ(error("---\n---\n<!-- system -->\nonly a system part"),
              QStringLiteral("p/mail.md, line 3: after the system part, <!-- user --> starts the user part"));
    EXPECT_EQ(error("---\n---\n\n"), QStringLiteral("p/mail.md: the template has no user part"));
    EXPECT_EQ(error("Hi {{who"),
              QStringLiteral("p/mail.md: the user part, line 1, column 4: the tag is not closed with "
                             "}} on its line"));
}

TEST(TextDiffTest, LinesAreComparedByTheirLongestCommonSequence) {
    using K = DiffLine::Kind;
    const auto diff = diffLines(QStringLiteral("a\nb\nc\nd"), QStringLiteral("a\nc\nx\nd\ne"));
    const std::vector<DiffLine> expected{{K::Same, QStringLiteral("a")}, {K::Removed, QStringLiteral("b")},
                                         {K::Same, QStringLiteral("c")}, {K::Added, QStringLiteral("x")},
                                         {K::Same, QStringLiteral("d")}, {K::Added, QStringLiteral("e")}};
    EXPECT_EQ(diff, expected);
    EXPECT_TRUE(diffLines(QString(), QString()).empty());
    EXPECT_EQ(diffLines(QString(), QStringLiteral("new")), (std::vector<DiffLine>{{K::Added, QStringLiteral("new")}}));
    EXPECT_EQ(diffLines(QStringLiteral("old"), QString()),
              (std::vector<DiffLine>{{K::Removed, QStringLiteral("old")}}));
    // A changed line: removed before added.
    EXPECT_EQ(diffLines(QStringLiteral("x\nold\ny"), QStringLiteral("x\nnew\ny")),
              (std::vector<DiffLine>{{K::Same, QStringLiteral("x")},
                                     {K::Removed, QStringLiteral("old")},
                                     {K::Added, QStringLiteral("new")},
                                     {K::Same, QStringLiteral("y")}}));
    // Past the table's size: still correct, the middle replaced whole.
    const auto big = diffLines(QStringLiteral("s\n1\n2\ne"), QStringLiteral("s\n2\n3\ne"), 1);
    EXPECT_EQ(big.front(), (DiffLine{K::Same, QStringLiteral("s")}));
    EXPECT_EQ(big.back(), (DiffLine{K::Same, QStringLiteral("e")}));
    EXPECT_EQ(big.size(), 6u);
}
