#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <tl/expected.hpp>

#include <optional>
#include <vector>

namespace Tessera::Core {

// The prompt template syntax (docs/prompts.md): text with {{tags}}.
//
//   {{name}}                               a variable (text unless declared otherwise)
//   {{name = "default"}}                   with a default value (quoted, or one bare word or number)
//   {{name : TYPE}}  {{name : TYPE = D}}   typed: text, multiline, number, number(MIN..MAX), choice(a, b, "c d"),
//                                          yesno, date (YYYY-MM-DD), file (its text, read by the caller)
//   {{? name}} ... {{/ name}}              an optional section, left out when the variable is empty or "no"
//   {{! a comment }}                       left out
//   \{  \}  \\                             a literal brace or backslash ("\{{" writes "{{")
//
// A variable is declared (typed or given a default) at most once; every other use names it only. Values are
// inserted as they are: a value that looks like a tag stays text.

// Whether text is a variable's name: a letter or _ first, then letters, digits and _.
bool isTemplateVariableName(const QString& text);

enum class TemplateVariableType { Text, Multiline, Number, Choice, YesNo, Date, File };
QString templateVariableTypeName(TemplateVariableType type);

struct TemplateVariable {
    QString name;
    TemplateVariableType type = TemplateVariableType::Text;
    std::optional<QString> defaultValue;
    std::optional<double> minimum; // numbers
    std::optional<double> maximum;
    QStringList choices;  // a choice
    bool section = false; // an optional section's condition: it may stay empty
    int line = 0;         // where it first appears (1-based)
    int column = 0;

    // Needs a value: no default and no section of its own (a section's other variables are needed only when it is
    // shown).
    bool required() const { return !defaultValue && !section; }
    bool operator==(const TemplateVariable&) const = default;
};

struct TemplateNode {
    enum class Kind { Text, Variable, Section };
    Kind kind = Kind::Text;
    QString text;                       // the literal text, or the variable's name
    std::vector<TemplateNode> children; // a section's content
    bool operator==(const TemplateNode&) const = default;
};

// A syntax error: where (1-based line and column, in characters) and what, in English (translated with
// QCoreApplication::translate("Tessera::Core::Template", message) after the arguments are filled in by message()).
struct TemplateSyntaxError {
    int line = 0;
    int column = 0;
    QString message;
    // "line 3, column 14: the tag is not closed with }}" (English).
    QString toString() const;
    bool operator==(const TemplateSyntaxError&) const = default;
};

// A parsed template text: its nodes and its variables in order of first appearance.
struct TemplateText {
    std::vector<TemplateNode> nodes;
    std::vector<TemplateVariable> variables;

    const TemplateVariable* variable(const QString& name) const;
};

// Parses a template text. Any input gives a template or an error; never more than `maxDepth` nested sections.
tl::expected<TemplateText, TemplateSyntaxError> parseTemplateText(const QString& source);
inline constexpr int templateMaxDepth = 32;

// Adds the variables of `more` to `into` (a template's system and user parts share their variables); a variable
// declared differently in both is an error at its place in `more`.
tl::expected<void, TemplateSyntaxError> mergeTemplateVariables(std::vector<TemplateVariable>& into,
                                                               const std::vector<TemplateVariable>& more);

// Why a value cannot be used: the variable and what is wrong, in English.
struct TemplateValueProblem {
    enum class Kind { Missing, NotANumber, OutOfRange, NotAChoice, NotYesNo, NotADate };
    QString variable;
    Kind kind = Kind::Missing;
    QString message; // "number must be between 1 and 10"
    bool operator==(const TemplateValueProblem&) const = default;
};

// The value a variable gets: the one given, else its default; checked against its type. yes/no values are written
// "yes" or "no" (true, on and 1 read as yes); numbers as given.
tl::expected<QString, TemplateValueProblem> templateValue(const TemplateVariable& variable,
                                                          const QHash<QString, QString>& values);

// Renders a template text with values, inserted literally. Every problem is listed (a missing variable once);
// a section's content counts only when it is shown. Values of variables the text does not have are ignored.
tl::expected<QString, std::vector<TemplateValueProblem>> renderTemplateText(const TemplateText& text,
                                                                            const QHash<QString, QString>& values);

} // namespace Tessera::Core
