#include "prompts/VariableForm.h"

#include "chat/Attachments.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QToolButton>

namespace Tessera::Ui {

namespace {

QString rangeText(const Core::TemplateVariable& v) {
    const QLocale c = QLocale::c();
    if (v.minimum && v.maximum) {
        return VariableForm::tr("%1 to %2").arg(c.toString(*v.minimum), c.toString(*v.maximum));
    }
    if (v.minimum) {
        return VariableForm::tr("at least %1").arg(c.toString(*v.minimum));
    }
    if (v.maximum) {
        return VariableForm::tr("at most %1").arg(c.toString(*v.maximum));
    }
    return VariableForm::tr("a number");
}

} // namespace

VariableForm::VariableForm(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this)) {
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void VariableForm::setVariables(const std::vector<Core::TemplateVariable>& variables) {
    QString problem;
    const QHash<QString, QString> kept = values(&problem);
    std::vector<Core::TemplateVariable> before = m_variables;
    while (m_layout->rowCount() > 0) {
        m_layout->removeRow(0);
    }
    m_fields.clear();
    m_variables = variables;
    using Type = Core::TemplateVariableType;
    for (const Core::TemplateVariable& v : m_variables) {
        QWidget* field = nullptr;
        const QString fallback = v.defaultValue.value_or(QString());
        switch (v.type) {
        case Type::Text:
        case Type::Number:
        case Type::Date: {
            auto* edit = new QLineEdit(this);
            QString hint = v.type == Type::Number ? rangeText(v) : v.type == Type::Date ? tr("YYYY-MM-DD") : QString();
            if (v.defaultValue) {
                hint = hint.isEmpty() ? fallback : tr("%1 (default %2)").arg(hint, fallback);
            }
            edit->setPlaceholderText(hint);
            connect(edit, &QLineEdit::textChanged, this, &VariableForm::changed);
            field = edit;
            break;
        }
        case Type::Multiline: {
            auto* edit = new QPlainTextEdit(this);
            edit->setPlaceholderText(fallback);
            edit->setTabChangesFocus(true);
            edit->setMaximumHeight(90);
            connect(edit, &QPlainTextEdit::textChanged, this, &VariableForm::changed);
            field = edit;
            break;
        }
        case Type::Choice: {
            auto* box = new QComboBox(this);
            if (!v.defaultValue) {
                box->addItem(tr("(choose)"), QString());
            }
            for (const QString& choice : v.choices) {
                box->addItem(choice, choice);
            }
            if (v.defaultValue) {
                box->setCurrentIndex(box->findData(fallback));
            }
            connect(box, &QComboBox::currentIndexChanged, this, &VariableForm::changed);
            field = box;
            break;
        }
        case Type::YesNo: {
            auto* check = new QCheckBox(this);
            check->setChecked(fallback.compare(QLatin1StringView("yes"), Qt::CaseInsensitive) == 0 ||
                              fallback == QLatin1StringView("1") ||
                              fallback.compare(QLatin1StringView("true"), Qt::CaseInsensitive) == 0);
            connect(check, &QCheckBox::toggled, this, &VariableForm::changed);
            field = check;
            break;
        }
        case Type::File: {
            auto* row = new QWidget(this);
            auto* layout = new QHBoxLayout(row);
            layout->setContentsMargins(0, 0, 0, 0);
            auto* path = new QLineEdit(row);
            path->setObjectName(QStringLiteral("path"));
            path->setPlaceholderText(tr("A text file"));
            auto* choose = new QToolButton(row);
            choose->setText(tr("Choose…"));
            choose->setAccessibleName(tr("Choose a file for %1").arg(v.name));
            connect(choose, &QToolButton::clicked, this, [this, path] {
                const QString chosen = QFileDialog::getOpenFileName(this, tr("Choose a Text File"));
                if (!chosen.isEmpty()) {
                    path->setText(chosen);
                }
            });
            connect(path, &QLineEdit::textChanged, this, &VariableForm::changed);
            layout->addWidget(path, 1);
            layout->addWidget(choose);
            field = row;
            break;
        }
        }
        field->setObjectName(v.name);
        field->setAccessibleName(v.name);
        auto* label = new QLabel(v.required() ? v.name + QStringLiteral(" *") : v.name, this);
        label->setBuddy(field);
        if (v.required()) {
            label->setToolTip(tr("Needs a value"));
        }
        m_layout->addRow(label, field);
        m_fields.insert(v.name, field);
    }
    // Values typed before stay where the variable is still of the same type.
    for (auto it = kept.cbegin(); it != kept.cend(); ++it) {
        const auto old = std::find_if(before.begin(), before.end(),
                                      [&it](const Core::TemplateVariable& v) { return v.name == it.key(); });
        const auto now = std::find_if(m_variables.begin(), m_variables.end(),
                                      [&it](const Core::TemplateVariable& v) { return v.name == it.key(); });
        if (old != before.end() && now != m_variables.end() && old->type == now->type &&
            now->type != Core::TemplateVariableType::File) {
            setValue(it.key(), it.value());
        }
    }
}

void VariableForm::setValue(const QString& name, const QString& value) {
    QWidget* field = m_fields.value(name);
    if (auto* edit = qobject_cast<QLineEdit*>(field)) {
        edit->setText(value);
    } else if (auto* text = qobject_cast<QPlainTextEdit*>(field)) {
        text->setPlainText(value);
    } else if (auto* box = qobject_cast<QComboBox*>(field)) {
        box->setCurrentIndex(std::max(0, box->findData(value)));
    } else if (auto* check = qobject_cast<QCheckBox*>(field)) {
        check->setChecked(value == QLatin1StringView("yes"));
    } else if (field) {
        if (auto* path = field->findChild<QLineEdit*>(QStringLiteral("path"))) {
            path->setText(value);
        }
    }
}

QHash<QString, QString> VariableForm::values(QString* problem) const {
    QHash<QString, QString> out;
    for (const Core::TemplateVariable& v : m_variables) {
        QWidget* field = m_fields.value(v.name);
        QString value;
        if (auto* edit = qobject_cast<QLineEdit*>(field)) {
            value = edit->text();
        } else if (auto* text = qobject_cast<QPlainTextEdit*>(field)) {
            value = text->toPlainText();
        } else if (auto* box = qobject_cast<QComboBox*>(field)) {
            value = box->currentData().toString();
        } else if (auto* check = qobject_cast<QCheckBox*>(field)) {
            value = check->isChecked() ? QStringLiteral("yes") : QStringLiteral("no");
        } else if (field) {
            const auto* path = field->findChild<QLineEdit*>(QStringLiteral("path"));
            if (path && !path->text().isEmpty()) {
                auto file = Core::loadTextFile(path->text());
                if (!file) {
                    if (problem) {
                        *problem = tr("%1: %2").arg(v.name, file.error().translatedMessage());
                    }
                    continue;
                }
                value = file->content;
            }
        }
        if (!value.isEmpty()) {
            out.insert(v.name, value);
        }
    }
    return out;
}

} // namespace Tessera::Ui
