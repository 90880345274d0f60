#include "prompts/TemplateSyntax.h"

#include <QDate>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace Tessera::Core {

namespace {

bool isNameStart(QChar c) {
    return c.isLetter() || c == QLatin1Char('_');
}

bool isNamePart(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

bool isBlank(QChar c) {
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

// A number in the template's own notation: digits with a point, whatever the locale.
std::optional<double> parseNumber(const QString& text) {
    bool ok = false;
    const double value = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

QString numberText(double value) {
    return QLocale::c().toString(value, 'g', 15);
}

std::optional<bool> parseYesNo(const QString& text) {
    const QString word = text.trimmed().toLower();
    if (word == QLatin1StringView("yes") || word == QLatin1StringView("true") || word == QLatin1StringView("on") ||
        word == QLatin1StringView("1")) {
        return true;
    }
    if (word == QLatin1StringView("no") || word == QLatin1StringView("false") || word == QLatin1StringView("off") ||
        word == QLatin1StringView("0")) {
        return false;
    }
    return std::nullopt;
}

// Reads one template text; positions are indexes into the source until an error turns them into line and column.
class Parser {
public:
    explicit Parser(const QString& source)
        : m_source(source) {}

    tl::expected<TemplateText, TemplateSyntaxError> run() {
        TemplateText result;
        std::vector<Open> stack;
        stack.push_back(Open{{}, {}, 0});
        QString pending;
        const auto flush = [&]() {
            if (!pending.isEmpty()) {
                stack.back().nodes.push_back(TemplateNode{TemplateNode::Kind::Text, pending, {}});
                pending.clear();
            }
        };
        qsizetype i = 0;
        const qsizetype n = m_source.size();
        while (i < n) {
            const QChar c = m_source[i];
            if (c == QLatin1Char('\\') && i + 1 < n &&
                (m_source[i + 1] == QLatin1Char('{') || m_source[i + 1] == QLatin1Char('}') ||
                 m_source[i + 1] == QLatin1Char('\\'))) {
                pending += m_source[i + 1];
                i += 2;
                continue;
            }
            if (c != QLatin1Char('{') || i + 1 >= n || m_source[i + 1] != QLatin1Char('{')) {
                pending += c;
                ++i;
                continue;
            }
            // A tag: up to "}}" on the same line, not counting braces inside quotes.
            const qsizetype start = i;
            qsizetype end = -1;
            bool quoted = false;
            qsizetype quoteAt = -1;
            for (qsizetype j = i + 2; j < n; ++j) {
                const QChar d = m_source[j];
                if (d == QLatin1Char('\n')) {
                    break;
                }
                if (quoted) {
                    if (d == QLatin1Char('\\') && j + 1 < n && m_source[j + 1] != QLatin1Char('\n')) {
                        ++j;
                    } else if (d == QLatin1Char('"')) {
                        quoted = false;
                    }
                    continue;
                }
                if (d == QLatin1Char('"')) {
                    quoted = true;
                    quoteAt = j;
                } else if (d == QLatin1Char('}') && j + 1 < n && m_source[j + 1] == QLatin1Char('}')) {
                    end = j;
                    break;
                }
            }
            if (end < 0) {
                return quoted ? fail(quoteAt, QStringLiteral("the quoted text in this tag is not closed with \""))
                              : fail(start, QStringLiteral("the tag is not closed with }} on its line"));
            }
            const qsizetype innerStart = start + 2;
            qsizetype after = end + 2;
            const QString inner = m_source.mid(innerStart, end - innerStart);
            const QString trimmed = inner.trimmed();
            qsizetype lead = 0;
            while (lead < inner.size() && inner[lead].isSpace()) {
                ++lead;
            }
            const qsizetype contentAt = innerStart + lead;
            if (trimmed.isEmpty()) {
                return fail(start, QStringLiteral("the tag is empty: write a variable's name between {{ and }}"));
            }
            const QChar kind = trimmed[0];
            const bool structural = kind == QLatin1Char('!') || kind == QLatin1Char('?') || kind == QLatin1Char('/');
            // A section or comment tag alone on its line takes the line with it.
            if (structural && standalone(start, after)) {
                while (!pending.isEmpty() && isBlank(pending.back())) {
                    pending.chop(1);
                }
                while (after < n && isBlank(m_source[after])) {
                    ++after;
                }
                if (after < n && m_source[after] == QLatin1Char('\r')) {
                    ++after;
                }
                if (after < n && m_source[after] == QLatin1Char('\n')) {
                    ++after;
                }
            }
            if (kind == QLatin1Char('!')) {
                i = after;
                continue;
            }
            flush();
            if (kind == QLatin1Char('/')) {
                const QString name = trimmed.mid(1).trimmed();
                if (stack.size() == 1) {
                    return fail(start, QStringLiteral("{{/%1}} closes no open section").arg(name));
                }
                if (name != stack.back().name && !name.isEmpty()) {
                    return fail(start, QStringLiteral("the section \"%1\" is closed by {{/%2}}: close it with {{/%1}}")
                                           .arg(stack.back().name, name));
                }
                Open done = std::move(stack.back());
                stack.pop_back();
                stack.back().nodes.push_back(
                    TemplateNode{TemplateNode::Kind::Section, done.name, std::move(done.nodes)});
                i = after;
                continue;
            }
            const bool section = kind == QLatin1Char('?');
            const qsizetype declarationAt = section ? contentAt + 1 : contentAt;
            auto declared = declaration(declarationAt, end, section);
            if (!declared) {
                return tl::unexpected(declared.error());
            }
            if (section) {
                if (int(stack.size()) > templateMaxDepth) {
                    return fail(start, QStringLiteral("sections are nested more than %1 deep").arg(templateMaxDepth));
                }
                stack.push_back(Open{*declared, {}, start});
            } else {
                stack.back().nodes.push_back(TemplateNode{TemplateNode::Kind::Variable, *declared, {}});
            }
            i = after;
        }
        flush();
        if (stack.size() > 1) {
            return fail(stack.back().at,
                        QStringLiteral("the section \"%1\" is not closed: end it with {{/%1}}").arg(stack.back().name));
        }
        result.nodes = std::move(stack.back().nodes);
        result.variables = std::move(m_variables);
        return result;
    }

private:
    struct Open {
        QString name;
        std::vector<TemplateNode> nodes;
        qsizetype at = 0;
    };

    tl::unexpected<TemplateSyntaxError> fail(qsizetype at, QString message) const {
        TemplateSyntaxError error;
        error.line = 1;
        qsizetype lineStart = 0;
        for (qsizetype k = 0; k < at && k < m_source.size(); ++k) {
            if (m_source[k] == QLatin1Char('\n')) {
                ++error.line;
                lineStart = k + 1;
            }
        }
        error.column = int(at - lineStart) + 1;
        error.message = std::move(message);
        return tl::unexpected(error);
    }

    // Only blanks between the line's start and `start`, and between `after` and the line's end.
    bool standalone(qsizetype start, qsizetype after) const {
        for (qsizetype k = start - 1; k >= 0 && m_source[k] != QLatin1Char('\n'); --k) {
            if (!isBlank(m_source[k])) {
                return false;
            }
        }
        for (qsizetype k = after; k < m_source.size() && m_source[k] != QLatin1Char('\n'); ++k) {
            if (!isBlank(m_source[k]) && m_source[k] != QLatin1Char('\r')) {
                return false;
            }
        }
        return true;
    }

    void skipBlanks(qsizetype& at, qsizetype end) const {
        while (at < end && m_source[at].isSpace()) {
            ++at;
        }
    }

    // A quoted text from the opening quote at `at`: \" and \\ are escapes.
    tl::expected<QString, TemplateSyntaxError> quotedText(qsizetype& at, qsizetype end) const {
        const qsizetype open = at;
        QString text;
        ++at;
        while (at < end && m_source[at] != QLatin1Char('"')) {
            if (m_source[at] == QLatin1Char('\\') && at + 1 < end) {
                ++at;
            }
            text += m_source[at];
            ++at;
        }
        if (at >= end) {
            return fail(open, QStringLiteral("the quoted text is not closed with \""));
        }
        ++at; // the closing quote
        return text;
    }

    // name [: type[(arguments)]] [= default], between `at` and `end`. Records the variable; returns its name.
    tl::expected<QString, TemplateSyntaxError> declaration(qsizetype at, qsizetype end, bool section) {
        skipBlanks(at, end);
        const qsizetype nameAt = at;
        if (at >= end || !isNameStart(m_source[at])) {
            return fail(at,
                        QStringLiteral("a variable's name starts with a letter or _ and has letters, digits and _"));
        }
        while (at < end && isNamePart(m_source[at])) {
            ++at;
        }
        TemplateVariable variable;
        variable.name = m_source.mid(nameAt, at - nameAt);
        variable.section = section;
        bool declares = false;
        skipBlanks(at, end);
        if (at < end && m_source[at] == QLatin1Char(':')) {
            ++at;
            skipBlanks(at, end);
            const qsizetype typeAt = at;
            while (at < end && m_source[at].isLetter()) {
                ++at;
            }
            const QString type = m_source.mid(typeAt, at - typeAt);
            static const QStringList types{QStringLiteral("text"),   QStringLiteral("multiline"),
                                           QStringLiteral("number"), QStringLiteral("choice"),
                                           QStringLiteral("yesno"),  QStringLiteral("date"),
                                           QStringLiteral("file")};
            const qsizetype index = types.indexOf(type);
            if (index < 0) {
                return fail(typeAt, QStringLiteral("unknown type \"%1\": use text, multiline, number, choice, yesno, "
                                                   "date or file")
                                        .arg(type));
            }
            variable.type = TemplateVariableType(index);
            declares = true;
            skipBlanks(at, end);
            const bool takes =
                variable.type == TemplateVariableType::Number || variable.type == TemplateVariableType::Choice;
            if (at < end && m_source[at] == QLatin1Char('(')) {
                if (!takes) {
                    return fail(at, QStringLiteral("the type %1 takes nothing in parentheses").arg(type));
                }
                auto read = arguments(at, end, variable);
                if (!read) {
                    return tl::unexpected(read.error());
                }
            } else if (variable.type == TemplateVariableType::Choice) {
                return fail(at, QStringLiteral("a choice lists its values: choice(first, second)"));
            }
            skipBlanks(at, end);
        }
        if (at < end && m_source[at] == QLatin1Char('=')) {
            ++at;
            skipBlanks(at, end);
            const qsizetype valueAt = at;
            QString value;
            if (at < end && m_source[at] == QLatin1Char('"')) {
                auto quoted = quotedText(at, end);
                if (!quoted) {
                    return tl::unexpected(quoted.error());
                }
                value = *quoted;
            } else {
                value = m_source.mid(at, end - at).trimmed();
                if (value.isEmpty()) {
                    return fail(valueAt,
                                QStringLiteral("a default value follows =: a word, a number or \"quoted text\""));
                }
                at = end;
            }
            variable.defaultValue = value;
            declares = true;
            auto checked = templateValue(variable, {});
            if (!checked) {
                return fail(valueAt, QStringLiteral("the default value does not fit: %1").arg(checked.error().message));
            }
            skipBlanks(at, end);
        }
        if (at < end) {
            return fail(at, QStringLiteral("unexpected \"%1\" in the tag: write {{name}}, {{name : type}} or "
                                           "{{name = default}}")
                                .arg(m_source.mid(at, std::min<qsizetype>(end - at, 20)).trimmed()));
        }
        const QString name = variable.name;
        auto recorded = record(std::move(variable), declares, nameAt);
        if (!recorded) {
            return tl::unexpected(recorded.error());
        }
        return name;
    }

    // number(MIN..MAX) or choice(a, "b c"), from the "(" at `at`.
    tl::expected<void, TemplateSyntaxError> arguments(qsizetype& at, qsizetype end, TemplateVariable& variable) {
        const qsizetype open = at;
        ++at;
        if (variable.type == TemplateVariableType::Number) {
            const qsizetype close = m_source.indexOf(QLatin1Char(')'), at);
            if (close < 0 || close >= end) {
                return fail(open, QStringLiteral("the range is not closed with )"));
            }
            const QString range = m_source.mid(at, close - at).trimmed();
            if (!range.isEmpty()) {
                const qsizetype dots = range.indexOf(QStringLiteral(".."));
                if (dots < 0) {
                    return fail(at, QStringLiteral("a number's range is written MIN..MAX, for example number(1..10)"));
                }
                const QString low = range.left(dots).trimmed();
                const QString high = range.mid(dots + 2).trimmed();
                if (!low.isEmpty()) {
                    variable.minimum = parseNumber(low);
                    if (!variable.minimum) {
                        return fail(at, QStringLiteral("\"%1\" is not a number").arg(low));
                    }
                }
                if (!high.isEmpty()) {
                    variable.maximum = parseNumber(high);
                    if (!variable.maximum) {
                        return fail(at, QStringLiteral("\"%1\" is not a number").arg(high));
                    }
                }
                if (variable.minimum && variable.maximum && *variable.minimum > *variable.maximum) {
                    return fail(at, QStringLiteral("the range starts above its end"));
                }
            }
            at = close + 1;
            return {};
        }
        // Choices: quoted or bare, apart by commas.
        while (true) {
            skipBlanks(at, end);
            const qsizetype itemAt = at;
            QString item;
            if (at < end && m_source[at] == QLatin1Char('"')) {
                auto quoted = quotedText(at, end);
                if (!quoted) {
                    return tl::unexpected(quoted.error());
                }
                item = *quoted;
            } else {
                while (at < end && m_source[at] != QLatin1Char(',') && m_source[at] != QLatin1Char(')')) {
                    ++at;
                }
                item = m_source.mid(itemAt, at - itemAt).trimmed();
            }
            if (item.isEmpty()) {
                return fail(itemAt, QStringLiteral("a choice cannot be empty"));
            }
            if (variable.choices.contains(item)) {
                return fail(itemAt, QStringLiteral("\"%1\" is a choice twice").arg(item));
            }
            variable.choices << item;
            skipBlanks(at, end);
            if (at < end && m_source[at] == QLatin1Char(',')) {
                ++at;
                continue;
            }
            if (at < end && m_source[at] == QLatin1Char(')')) {
                ++at;
                return {};
            }
            return fail(open, QStringLiteral("the choices are not closed with )"));
        }
    }

    tl::expected<void, TemplateSyntaxError> record(TemplateVariable variable, bool declares, qsizetype at) {
        const auto found = std::find_if(m_variables.begin(), m_variables.end(),
                                        [&variable](const TemplateVariable& v) { return v.name == variable.name; });
        if (found == m_variables.end()) {
            const TemplateSyntaxError where = fail(at, {}).value();
            variable.line = where.line;
            variable.column = where.column;
            if (declares) {
                m_declared << variable.name;
            }
            m_variables.push_back(std::move(variable));
            return {};
        }
        found->section = found->section || variable.section;
        if (!declares) {
            return {};
        }
        if (m_declared.contains(variable.name)) {
            return fail(at, QStringLiteral("\"%1\" is declared twice: give its type and default once, and only its "
                                           "name elsewhere")
                                .arg(variable.name));
        }
        m_declared << variable.name;
        found->type = variable.type;
        found->defaultValue = variable.defaultValue;
        found->minimum = variable.minimum;
        found->maximum = variable.maximum;
        found->choices = variable.choices;
        return {};
    }

    const QString& m_source;
    std::vector<TemplateVariable> m_variables;
    QStringList m_declared;
};

bool shown(const QString& value, const TemplateVariable& variable) {
    if (variable.type == TemplateVariableType::YesNo) {
        return parseYesNo(value).value_or(false);
    }
    return !value.trimmed().isEmpty();
}

void render(const TemplateText& text, const std::vector<TemplateNode>& nodes, const QHash<QString, QString>& values,
            QString& out, std::vector<TemplateValueProblem>& problems) {
    for (const TemplateNode& node : nodes) {
        switch (node.kind) {
        case TemplateNode::Kind::Text:
            out += node.text;
            break;
        case TemplateNode::Kind::Variable:
        case TemplateNode::Kind::Section: {
            const TemplateVariable* variable = text.variable(node.text);
            if (!variable) {
                break; // cannot happen: the parser records every variable it names
            }
            auto value = templateValue(*variable, values);
            if (!value) {
                const bool listed = std::any_of(problems.begin(), problems.end(),
                                                [&node](const auto& problem) { return problem.variable == node.text; });
                if (!listed) {
                    problems.push_back(value.error());
                }
                break;
            }
            if (node.kind == TemplateNode::Kind::Variable) {
                out += *value; // literally: never read as a template
            } else if (shown(*value, *variable)) {
                render(text, node.children, values, out, problems);
            }
            break;
        }
        }
    }
}

} // namespace

bool isTemplateVariableName(const QString& text) {
    return !text.isEmpty() && isNameStart(text.front()) && std::all_of(text.begin(), text.end(), isNamePart);
}

QString templateVariableTypeName(TemplateVariableType type) {
    switch (type) {
    case TemplateVariableType::Text:
        return QStringLiteral("text");
    case TemplateVariableType::Multiline:
        return QStringLiteral("multiline");
    case TemplateVariableType::Number:
        return QStringLiteral("number");
    case TemplateVariableType::Choice:
        return QStringLiteral("choice");
    case TemplateVariableType::YesNo:
        return QStringLiteral("yesno");
    case TemplateVariableType::Date:
        return QStringLiteral("date");
    case TemplateVariableType::File:
        return QStringLiteral("file");
    }
    return QStringLiteral("text");
}

QString TemplateSyntaxError::toString() const {
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

const TemplateVariable* TemplateText::variable(const QString& name) const {
    const auto found =
        std::find_if(variables.begin(), variables.end(), [&name](const TemplateVariable& v) { return v.name == name; });
    return found == variables.end() ? nullptr : &*found;
}

tl::expected<TemplateText, TemplateSyntaxError> parseTemplateText(const QString& source) {
    return Parser(source).run();
}

tl::expected<void, TemplateSyntaxError> mergeTemplateVariables(std::vector<TemplateVariable>& into,
                                                               const std::vector<TemplateVariable>& more) {
    for (const TemplateVariable& variable : more) {
        const auto found = std::find_if(into.begin(), into.end(),
                                        [&variable](const TemplateVariable& v) { return v.name == variable.name; });
        if (found == into.end()) {
            into.push_back(variable);
            continue;
        }
        const bool plainHere = variable.type == TemplateVariableType::Text && !variable.defaultValue;
        const bool plainThere = found->type == TemplateVariableType::Text && !found->defaultValue;
        const bool same = variable.type == found->type && variable.defaultValue == found->defaultValue &&
                          variable.minimum == found->minimum && variable.maximum == found->maximum &&
                          variable.choices == found->choices;
        if (!same && !plainHere && !plainThere) {
            return tl::unexpected(TemplateSyntaxError{
                variable.line, variable.column,
                QStringLiteral("\"%1\" is declared differently in the system and the user part").arg(variable.name)});
        }
        if (plainThere && !plainHere) {
            const bool section = found->section;
            const int line = found->line;
            const int column = found->column;
            *found = variable;
            found->line = line;
            found->column = column;
            found->section = section || variable.section;
        } else {
            found->section = found->section || variable.section;
        }
    }
    return {};
}

tl::expected<QString, TemplateValueProblem> templateValue(const TemplateVariable& variable,
                                                          const QHash<QString, QString>& values) {
    const auto problem = [&variable](TemplateValueProblem::Kind kind, QString message) {
        return tl::unexpected(TemplateValueProblem{variable.name, kind, std::move(message)});
    };
    const auto given = values.constFind(variable.name);
    if (given == values.cend() && !variable.defaultValue) {
        if (variable.section) {
            return QString(); // an optional section left out
        }
        return problem(TemplateValueProblem::Kind::Missing, QStringLiteral("%1 needs a value").arg(variable.name));
    }
    const QString value = given != values.cend() ? *given : *variable.defaultValue;
    if (value.trimmed().isEmpty() && variable.type != TemplateVariableType::Text &&
        variable.type != TemplateVariableType::Multiline && variable.type != TemplateVariableType::File) {
        if (variable.section) {
            return QString();
        }
        return problem(TemplateValueProblem::Kind::Missing, QStringLiteral("%1 needs a value").arg(variable.name));
    }
    switch (variable.type) {
    case TemplateVariableType::Text:
    case TemplateVariableType::Multiline:
    case TemplateVariableType::File:
        return value;
    case TemplateVariableType::Number: {
        const auto number = parseNumber(value);
        if (!number) {
            return problem(TemplateValueProblem::Kind::NotANumber,
                           QStringLiteral("%1 must be a number (like 3 or 2.5), not \"%2\"").arg(variable.name, value));
        }
        if ((variable.minimum && *number < *variable.minimum) || (variable.maximum && *number > *variable.maximum)) {
            const QString range = variable.minimum && variable.maximum
                                      ? QStringLiteral("between %1 and %2")
                                            .arg(numberText(*variable.minimum), numberText(*variable.maximum))
                                  : variable.minimum ? QStringLiteral("at least %1").arg(numberText(*variable.minimum))
                                                     : QStringLiteral("at most %1").arg(numberText(*variable.maximum));
            return problem(TemplateValueProblem::Kind::OutOfRange,
                           QStringLiteral("%1 must be %2").arg(variable.name, range));
        }
        return value.trimmed();
    }
    case TemplateVariableType::Choice:
        if (!variable.choices.contains(value)) {
            return problem(
                TemplateValueProblem::Kind::NotAChoice,
                QStringLiteral("%1 must be one of %2").arg(variable.name, variable.choices.join(QStringLiteral(", "))));
        }
        return value;
    case TemplateVariableType::YesNo: {
        const auto yes = parseYesNo(value);
        if (!yes) {
            return problem(TemplateValueProblem::Kind::NotYesNo,
                           QStringLiteral("%1 must be yes or no, not \"%2\"").arg(variable.name, value));
        }
        return *yes ? QStringLiteral("yes") : QStringLiteral("no");
    }
    case TemplateVariableType::Date: {
        const QDate date = QDate::fromString(value.trimmed(), Qt::ISODate);
        if (!date.isValid() || value.trimmed().size() != 10) {
            return problem(TemplateValueProblem::Kind::NotADate,
                           QStringLiteral("%1 must be a date as YYYY-MM-DD, not \"%2\"").arg(variable.name, value));
        }
        return date.toString(Qt::ISODate);
    }
    }
    return value;
}

tl::expected<QString, std::vector<TemplateValueProblem>> renderTemplateText(const TemplateText& text,
                                                                            const QHash<QString, QString>& values) {
    QString out;
    std::vector<TemplateValueProblem> problems;
    render(text, text.nodes, values, out, problems);
    if (!problems.empty()) {
        return tl::unexpected(std::move(problems));
    }
    return out;
}

} // namespace Tessera::Core
