// The prompt template syntax, construct by construct: what each renders to, and each error with its line and
// column (docs/prompts.md is the same table in words).
#include "prompts/TemplateSyntax.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

namespace {

using Values = QHash<QString, QString>;

QString rendered(const QString& source, const Values& values = {}) {
    auto text = parseTemplateText(source);
    EXPECT_TRUE(text) << source.toStdString() << ": " << (text ? "" : text.error().toString().toStdString());
    if (!text) {
        return QStringLiteral("<syntax error>");
    }
    auto out = renderTemplateText(*text, values);
    if (!out) {
        QStringList problems;
        for (const TemplateValueProblem& problem : out.error()) {
            problems << problem.message;
        }
        return QStringLiteral("<") + problems.join(QStringLiteral("; ")) + QStringLiteral(">");
    }
    return *out;
}

TemplateSyntaxError syntaxError(const QString& source) {
    auto text = parseTemplateText(source);
    EXPECT_FALSE(text) << source.toStdString() << " parsed";
    return text ? TemplateSyntaxError{} : text.error();
}

} // namespace

TEST(TemplateSyntaxTest, EveryConstructRendersAsDocumented) {
    struct Case {
        const char* source;
        Values values;
        const char* expected;
    };
    const std::vector<Case> cases = {
        {"plain text stays", {}, "plain text stays"},
        {"Hello {{name}}!", {{QStringLiteral("name"), QStringLiteral("Ada")}}, "Hello Ada!"},
        {"Hello {{ name }}!", {{QStringLiteral("name"), QStringLiteral("Ada")}}, "Hello Ada!"},
        {"{{name}} and {{name}}", {{QStringLiteral("name"), QStringLiteral("x")}}, "x and x"},
        {"{{tone = formal}} tone", {}, "formal tone"},
        {"{{tone = \"very formal\"}}", {}, "very formal"},
        {"{{tone = \"say \\\"hi\\\" \\\\ bye\"}}", {}, "say \"hi\" \\ bye"},
        {"{{tone = formal}}", {{QStringLiteral("tone"), QStringLiteral("casual")}}, "casual"},
        {"{{notes : multiline}}", {{QStringLiteral("notes"), QStringLiteral("a\nb")}}, "a\nb"},
        {"{{n : number}}", {{QStringLiteral("n"), QStringLiteral("2.5")}}, "2.5"},
        {"{{n : number(1..10) = 3}}", {}, "3"},
        {"{{n : number(1..10)}}", {{QStringLiteral("n"), QStringLiteral(" 10 ")}}, "10"},
        {"{{n : number(0..)}}", {{QStringLiteral("n"), QStringLiteral("1e3")}}, "1e3"},
        {"{{c : choice(formal, casual)}}", {{QStringLiteral("c"), QStringLiteral("casual")}}, "casual"},
        {"{{c : choice(\"a, b\", c) = \"a, b\"}}", {}, "a, b"},
        {"{{y : yesno}}", {{QStringLiteral("y"), QStringLiteral("TRUE")}}, "yes"},
        {"{{y : yesno = no}}", {}, "no"},
        {"{{d : date}}", {{QStringLiteral("d"), QStringLiteral("2026-12-02")}}, "2026-12-02"},
        {"{{f : file}}", {{QStringLiteral("f"), QStringLiteral("the file's text")}}, "the file's text"},
        // Optional sections.
        {"A{{?extra}} with {{extra}}{{/extra}}.", {}, "A."},
        {"A{{?extra}} with {{extra}}{{/extra}}.", {{QStringLiteral("extra"), QStringLiteral("B")}}, "A with B."},
        {"A{{?extra}}!{{/extra}}", {{QStringLiteral("extra"), QStringLiteral("  ")}}, "A"},
        {"{{?y : yesno}}shown{{/y}}", {{QStringLiteral("y"), QStringLiteral("no")}}, ""},
        {"{{?y : yesno}}shown{{/y}}", {{QStringLiteral("y"), QStringLiteral("yes")}}, "shown"},
        {"{{?a}}[{{?b}}{{b}}{{/b}}]{{/a}}", {{QStringLiteral("a"), QStringLiteral("1")}}, "[]"},
        {"{{?a}}x{{/}}", {{QStringLiteral("a"), QStringLiteral("1")}}, "x"},
        // A section's other variables are needed only when it is shown.
        {"{{?ctx}}{{detail}}{{/ctx}}done", {}, "done"},
        // A section or comment alone on its line takes the line with it.
        {"one\n{{?x}}\ntwo\n{{/x}}\nthree", {}, "one\nthree"},
        {"one\n  {{?x}}  \ntwo\n{{/x}}\nthree", {{QStringLiteral("x"), QStringLiteral("1")}}, "one\ntwo\nthree"},
        {"one\n{{! a note for the author }}\ntwo", {}, "one\ntwo"},
        {"one {{! inline }}two", {}, "one two"},
        // Escapes.
        {"\\{{name}}", {}, "{{name}}"},
        {"\\{\\} \\\\ \\n", {}, "{} \\ \\n"},
        {"a } b }} c {", {}, "a } b }} c {"},
        // Values are never read as templates.
        {"{{v}}", {{QStringLiteral("v"), QStringLiteral("{{other}} \\{")}}, "{{other}} \\{"},
        // Names may be in any language.
        {"{{größe}}", {{QStringLiteral("größe"), QStringLiteral("L")}}, "L"},
        // Unknown values are ignored.
        {"x", {{QStringLiteral("unused"), QStringLiteral("1")}}, "x"},
        // Windows line ends.
        {"one\r\n{{?x}}\r\ntwo\r\n{{/x}}\r\nthree", {}, "one\r\nthree"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(rendered(QString::fromUtf8(c.source), c.values), QString::fromUtf8(c.expected)) << c.source;
    }
}

TEST(TemplateSyntaxTest, VariablesAreListedWithTheirTypeDefaultAndPlace) {
    auto text = parseTemplateText(
        QStringLiteral("Write about {{topic}}.\n{{?tone : choice(formal, casual) = formal}}Tone: {{tone}}.{{/tone}}\n"
                       "  Words: {{words : number(50..500) = 200}} {{topic}}"));
    ASSERT_TRUE(text) << text.error().toString().toStdString();
    ASSERT_EQ(text->variables.size(), 3u);
    const TemplateVariable& topic = text->variables[0];
    EXPECT_EQ(topic.name, QStringLiteral("topic"));
    EXPECT_EQ(topic.type, TemplateVariableType::Text);
    EXPECT_TRUE(topic.required());
    EXPECT_EQ(topic.line, 1);
    EXPECT_EQ(topic.column, 15);
    const TemplateVariable& tone = text->variables[1];
    EXPECT_EQ(tone.type, TemplateVariableType::Choice);
    EXPECT_EQ(tone.choices, (QStringList{QStringLiteral("formal"), QStringLiteral("casual")}));
    EXPECT_EQ(tone.defaultValue, QStringLiteral("formal"));
    EXPECT_TRUE(tone.section);
    EXPECT_FALSE(tone.required());
    const TemplateVariable& words = text->variables[2];
    EXPECT_EQ(words.type, TemplateVariableType::Number);
    EXPECT_EQ(words.minimum, 50.0);
    EXPECT_EQ(words.maximum, 500.0);
    EXPECT_EQ(words.line, 3);
    EXPECT_EQ(words.column, 12);
    // A plain use before the declaration takes the declaration.
    auto later = parseTemplateText(QStringLiteral("{{n}} then {{n : number(1..3)}}"));
    ASSERT_TRUE(later);
    ASSERT_EQ(later->variables.size(), 1u);
    EXPECT_EQ(later->variables[0].type, TemplateVariableType::Number);
    EXPECT_EQ(later->variables[0].column, 3);
}

TEST(TemplateSyntaxTest, EachSyntaxErrorNamesItsLineAndColumn) {
    struct Case {
        const char* source;
        int line;
        int column;
        const char* says;
    };
    const std::vector<Case> cases = {
        {"Hello {{name", 1, 7, "not closed with }}"},
        {"one\ntwo {{name\n}}", 2, 5, "not closed with }}"},
        {"{{}}", 1, 1, "empty"},
        {"{{   }}", 1, 1, "empty"},
        {"{{1st}}", 1, 3, "starts with a letter"},
        {"{{ na me }}", 1, 7, "unexpected \"me\""},
        {"{{x : colour}}", 1, 7, "unknown type \"colour\""},
        {"{{x : text(1..2)}}", 1, 11, "takes nothing in parentheses"},
        {"{{x : choice}}", 1, 13, "lists its values"},
        {"{{x : choice(a, , b)}}", 1, 17, "cannot be empty"},
        {"{{x : choice(a, a)}}", 1, 17, "a choice twice"},
        {"{{x : choice(a, b}}", 1, 13, "not closed with )"},
        {"{{x : number(1-10)}}", 1, 14, "MIN..MAX"},
        {"{{x : number(a..10)}}", 1, 14, "\"a\" is not a number"},
        {"{{x : number(9..1)}}", 1, 14, "starts above its end"},
        {"{{x : number(1..10}}", 1, 13, "not closed with )"},
        {"{{x : number(1..10) = 11}}", 1, 23, "does not fit: x must be between 1 and 10"},
        {"{{x : choice(a, b) = c}}", 1, 22, "does not fit: x must be one of a, b"},
        {"{{x : yesno = maybe}}", 1, 15, "does not fit"},
        {"{{x : date = 2026-13-01}}", 1, 14, "does not fit"},
        {"{{x = }}", 1, 7, "a default value follows ="},
        {"{{x = \"open}}", 1, 7, "quoted text in this tag is not closed"},
        {"{{x = 1}} and {{x = 2}}", 1, 17, "declared twice"},
        {"{{x : number}}\n{{x : text}}", 2, 3, "declared twice"},
        {"{{/x}}", 1, 1, "closes no open section"},
        {"{{?a}}\n  {{/b}}", 2, 3, "closed by {{/b}}"},
        {"text\n{{?a}} never closed", 2, 1, "\"a\" is not closed"},
        {"{{?}}", 1, 4, "starts with a letter"},
    };
    for (const Case& c : cases) {
        const TemplateSyntaxError error = syntaxError(QString::fromUtf8(c.source));
        EXPECT_EQ(error.line, c.line) << c.source;
        EXPECT_EQ(error.column, c.column) << c.source;
        EXPECT_TRUE(error.message.contains(QString::fromUtf8(c.says)))
            << c.source << " says: " << error.message.toStdString();
        EXPECT_TRUE(error.toString().startsWith(QStringLiteral("line %1, column %2: ").arg(c.line).arg(c.column)));
    }
    // Too deep.
    QString deep;
    for (int i = 0; i <= templateMaxDepth; ++i) {
        deep += QStringLiteral("{{?v%1}}").arg(i);
    }
    EXPECT_TRUE(syntaxError(deep).message.contains(QStringLiteral("nested more than")));
}

TEST(TemplateSyntaxTest, EveryBadValueIsListedOnceWithWhatIsWrong) {
    auto text = parseTemplateText(QStringLiteral("{{a}} {{a}} {{n : number(1..5)}} {{c : choice(x, y)}} "
                                                 "{{y : yesno}} {{d : date}} {{m : number(0..)}} {{k : number(..9)}}"));
    ASSERT_TRUE(text);
    auto out = renderTemplateText(*text, {{QStringLiteral("n"), QStringLiteral("six")},
                                          {QStringLiteral("c"), QStringLiteral("z")},
                                          {QStringLiteral("y"), QStringLiteral("perhaps")},
                                          {QStringLiteral("d"), QStringLiteral("2.12.2026")},
                                          {QStringLiteral("m"), QStringLiteral("-1")},
                                          {QStringLiteral("k"), QStringLiteral("10")}});
    ASSERT_FALSE(out);
    const std::vector<TemplateValueProblem>& problems = out.error();
    ASSERT_EQ(problems.size(), 7u);
    EXPECT_EQ(problems[0].variable, QStringLiteral("a"));
    EXPECT_EQ(problems[0].kind, TemplateValueProblem::Kind::Missing);
    EXPECT_EQ(problems[0].message, QStringLiteral("a needs a value"));
    EXPECT_EQ(problems[1].kind, TemplateValueProblem::Kind::NotANumber);
    EXPECT_EQ(problems[2].kind, TemplateValueProblem::Kind::NotAChoice);
    EXPECT_EQ(problems[2].message, QStringLiteral("c must be one of x, y"));
    EXPECT_EQ(problems[3].kind, TemplateValueProblem::Kind::NotYesNo);
    EXPECT_EQ(problems[4].kind, TemplateValueProblem::Kind::NotADate);
    EXPECT_EQ(problems[5].message, QStringLiteral("m must be at least 0"));
    EXPECT_EQ(problems[6].message, QStringLiteral("k must be at most 9"));
    EXPECT_EQ(problems[1].message, QStringLiteral("n must be a number (like 3 or 2.5), not \"six\""));
    // In range: fine; an empty value of a number is missing.
    auto missing = renderTemplateText(*text, {{QStringLiteral("a"), {}}, {QStringLiteral("n"), {}}});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error()[0].variable, QStringLiteral("n")) << "an empty text is a value; an empty number is not";
}

TEST(TemplateSyntaxTest, TheSystemAndUserPartsShareTheirVariables) {
    auto system = parseTemplateText(QStringLiteral("You answer in {{language = English}}."));
    auto user = parseTemplateText(QStringLiteral("Translate into {{language}}: {{text : multiline}}"));
    ASSERT_TRUE(system && user);
    std::vector<TemplateVariable> all = system->variables;
    ASSERT_TRUE(mergeTemplateVariables(all, user->variables));
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].defaultValue, QStringLiteral("English")) << "the declaration wins over a plain use";
    EXPECT_EQ(all[1].type, TemplateVariableType::Multiline);
    auto other = parseTemplateText(QStringLiteral("{{language : choice(de, fr)}}"));
    ASSERT_TRUE(other);
    auto clash = mergeTemplateVariables(all, other->variables);
    ASSERT_FALSE(clash);
    EXPECT_TRUE(clash.error().message.contains(QStringLiteral("declared differently")));
    EXPECT_EQ(templateVariableTypeName(TemplateVariableType::YesNo), QStringLiteral("yesno"));
}
