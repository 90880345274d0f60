#pragma once

#include "prompts/TemplateSyntax.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QFormLayout;

namespace Tessera::Ui {

// The fields for a template's variables, typed: a line for text, a box for multiline text, a number field with its
// range, a list for a choice, a check box for yes/no, a date, and a file chooser whose text goes in. Defaults are
// shown as placeholders (an empty field takes the default).
class VariableForm final : public QWidget {
    Q_OBJECT

public:
    explicit VariableForm(QWidget* parent = nullptr);

    // New fields for these variables; values typed before are kept for variables of the same name and type.
    void setVariables(const std::vector<Core::TemplateVariable>& variables);
    const std::vector<Core::TemplateVariable>& variables() const { return m_variables; }
    // The values filled in (empty fields are left out, so defaults apply); a file field gives the file's text, or
    // sets *problem when it cannot be read.
    QHash<QString, QString> values(QString* problem = nullptr) const;
    void setValue(const QString& name, const QString& value);
    QWidget* field(const QString& name) const { return m_fields.value(name); }

Q_SIGNALS:
    void changed();

private:
    QFormLayout* m_layout;
    std::vector<Core::TemplateVariable> m_variables;
    QHash<QString, QWidget*> m_fields;
};

} // namespace Tessera::Ui
