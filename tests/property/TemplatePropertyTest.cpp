// The template syntax under any input: it parses or gives an error that points inside the text; a parsed template
// renders with any values or lists what is wrong, never crashing; values are inserted literally; escaped text
// comes back as it was.
#include "prompts/TemplateSyntax.h"

// clang-format off
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h> // needs GoogleTest declared first
// clang-format on

using namespace Tessera::Core;

namespace {

// Text made mostly of the syntax's own characters, so that most inputs are near misses.
rc::Gen<QString> templateLike() {
    static const QStringList pieces{
        QStringLiteral("{{"),   QStringLiteral("}}"),     QStringLiteral("{"),      QStringLiteral("}"),
        QStringLiteral("\\"),   QStringLiteral("?"),      QStringLiteral("/"),      QStringLiteral("!"),
        QStringLiteral(":"),    QStringLiteral("="),      QStringLiteral("\""),     QStringLiteral("("),
        QStringLiteral(")"),    QStringLiteral(","),      QStringLiteral(".."),     QStringLiteral(" "),
        QStringLiteral("\n"),   QStringLiteral("\r\n"),   QStringLiteral("a"),      QStringLiteral("b"),
        QStringLiteral("x1"),   QStringLiteral("_"),      QStringLiteral("7"),      QStringLiteral("-2.5"),
        QStringLiteral("text"), QStringLiteral("number"), QStringLiteral("choice"), QStringLiteral("yesno"),
        QStringLiteral("date"), QStringLiteral("file"),   QStringLiteral("ä"),      QStringLiteral("🙂")};
    return rc::gen::map(rc::gen::container<std::vector<int>>(rc::gen::inRange(0, int(pieces.size()))),
                        [](const std::vector<int>& indexes) {
                            QString text;
                            for (const int i : indexes) {
                                text += pieces[i];
                            }
                            return text;
                        });
}

rc::Gen<QString> anyText() {
    return rc::gen::map(rc::gen::arbitrary<std::string>(), [](const std::string& bytes) {
        return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    });
}

int lineCount(const QString& text) {
    return int(text.count(QLatin1Char('\n'))) + 1;
}

} // namespace

RC_GTEST_PROP(TemplateProperty, AnyInputParsesOrSaysWhereItIsWrong, ()) {
    const QString source = *rc::gen::oneOf(templateLike(), anyText());
    auto text = parseTemplateText(source);
    if (!text) {
        RC_ASSERT(text.error().line >= 1);
        RC_ASSERT(text.error().line <= lineCount(source));
        RC_ASSERT(text.error().column >= 1);
        RC_ASSERT(!text.error().message.isEmpty());
        return;
    }
    // Every variable a node names is listed, and every value renders or is refused by name.
    QHash<QString, QString> values;
    for (const TemplateVariable& variable : text->variables) {
        RC_ASSERT(!variable.name.isEmpty());
        if (*rc::gen::inRange(0, 3) > 0) {
            values.insert(variable.name, *rc::gen::oneOf(templateLike(), anyText()));
        }
    }
    auto out = renderTemplateText(*text, values);
    if (!out) {
        RC_ASSERT(!out.error().empty());
        for (const TemplateValueProblem& problem : out.error()) {
            RC_ASSERT(text->variable(problem.variable) != nullptr);
        }
    }
}

RC_GTEST_PROP(TemplateProperty, ValuesAreInsertedLiterallyNeverExpanded, ()) {
    const QString value = *rc::gen::oneOf(templateLike(), anyText());
    auto text = parseTemplateText(QStringLiteral("A{{v}}B{{?v}}[{{v}}]{{/v}}"));
    RC_ASSERT(text.has_value());
    auto out = renderTemplateText(*text, {{QStringLiteral("v"), value}});
    RC_ASSERT(out.has_value());
    const QString shown = value.trimmed().isEmpty() ? QString() : QStringLiteral("[") + value + QStringLiteral("]");
    RC_ASSERT(*out == QStringLiteral("A") + value + QStringLiteral("B") + shown);
}

RC_GTEST_PROP(TemplateProperty, EscapedTextComesBackAsItWas, ()) {
    const QString plain = *rc::gen::oneOf(templateLike(), anyText());
    QString escaped;
    for (const QChar c : plain) {
        if (c == QLatin1Char('{') || c == QLatin1Char('}') || c == QLatin1Char('\\')) {
            escaped += QLatin1Char('\\');
        }
        escaped += c;
    }
    auto text = parseTemplateText(escaped);
    RC_ASSERT(text.has_value());
    RC_ASSERT(text->variables.empty());
    auto out = renderTemplateText(*text, {});
    RC_ASSERT(out.has_value());
    RC_ASSERT(*out == plain);
}
