#include "experiments/VariantsEditor.h"

#include "app/CoreServices.h"
#include "prompts/PromptLibrary.h"
#include "providers/ProviderService.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Tessera::Ui {

VariantsEditor::VariantsEditor(Core::CoreServices& services, const Core::Actor& actor, bool allowInputAsIs,
                               QWidget* parent)
    : QWidget(parent)
    , m_inputAsIs(allowInputAsIs)
    , m_table(new QTableWidget(0, 5, this))
    , m_add(new QPushButton(tr("Add Varian&t"), this))
    , m_remove(new QPushButton(tr("Re&move Variant"), this)) {
    if (auto templates = services.prompts().list(actor)) {
        for (const Core::PromptTemplate& t : *templates) {
            m_templates << t.name;
        }
    }
    if (auto providers = services.providers().list(actor)) {
        for (const Core::ProviderConfig& p : *providers) {
            if (p.enabled) {
                m_providers << p.name;
            }
        }
    }
    m_table->setObjectName(QStringLiteral("variantsEditor"));
    m_table->setHorizontalHeaderLabels({tr("Label"), tr("Template"), tr("Version"), tr("Provider"), tr("Model")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Template, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Model, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Variants"));
    m_add->setObjectName(QStringLiteral("addVariant"));
    m_remove->setObjectName(QStringLiteral("removeVariant"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &VariantsEditor::addVariant);
    connect(m_remove, &QPushButton::clicked, this, &VariantsEditor::removeVariant);
    addVariant();
    addVariant();
}

int VariantsEditor::addVariant() {
    const int row = m_table->rowCount();
    if (row >= Core::ExperimentLimits::maxVariants) {
        return -1;
    }
    m_table->insertRow(row);
    m_table->setItem(row, Label, new QTableWidgetItem(QString(QChar(u'A' + row))));
    auto* templates = new QComboBox(m_table);
    if (m_inputAsIs) {
        templates->addItem(tr("(the input as it is)"), QStringLiteral("-"));
    }
    for (const QString& name : m_templates) {
        templates->addItem(name, name);
    }
    templates->setAccessibleName(tr("Template of variant %1").arg(row + 1));
    m_table->setCellWidget(row, Template, templates);
    auto* version = new QSpinBox(m_table);
    version->setRange(0, 100000);
    version->setSpecialValueText(tr("production"));
    version->setAccessibleName(tr("Version of variant %1").arg(row + 1));
    m_table->setCellWidget(row, Version, version);
    auto* providers = new QComboBox(m_table);
    providers->addItems(m_providers);
    providers->setAccessibleName(tr("Provider of variant %1").arg(row + 1));
    m_table->setCellWidget(row, Provider, providers);
    auto* model = new QLineEdit(m_table);
    model->setPlaceholderText(tr("model"));
    model->setAccessibleName(tr("Model of variant %1").arg(row + 1));
    m_table->setCellWidget(row, Model, model);
    m_add->setEnabled(m_table->rowCount() < Core::ExperimentLimits::maxVariants);
    m_remove->setEnabled(m_table->rowCount() > Core::ExperimentLimits::minVariants);
    return row;
}

void VariantsEditor::removeVariant() {
    if (m_table->rowCount() <= Core::ExperimentLimits::minVariants) {
        return;
    }
    const int row = m_table->currentRow() >= 0 ? m_table->currentRow() : m_table->rowCount() - 1;
    m_table->removeRow(row);
    m_add->setEnabled(true);
    m_remove->setEnabled(m_table->rowCount() > Core::ExperimentLimits::minVariants);
}

void VariantsEditor::setVariant(int row, const QString& templateName, int version, const QString& provider,
                                const QString& model) {
    if (row < 0 || row >= m_table->rowCount()) {
        return;
    }
    auto* templates = qobject_cast<QComboBox*>(m_table->cellWidget(row, Template));
    templates->setCurrentIndex(std::max(templates->findData(templateName), 0));
    qobject_cast<QSpinBox*>(m_table->cellWidget(row, Version))->setValue(version);
    qobject_cast<QComboBox*>(m_table->cellWidget(row, Provider))->setCurrentText(provider);
    qobject_cast<QLineEdit*>(m_table->cellWidget(row, Model))->setText(model);
}

std::optional<std::vector<Core::ExperimentVariant>> VariantsEditor::variants(QString* problem) const {
    std::vector<Core::ExperimentVariant> variants;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        Core::ExperimentVariant v;
        v.label = m_table->item(row, Label) ? m_table->item(row, Label)->text().trimmed() : QString();
        v.templateName = qobject_cast<QComboBox*>(m_table->cellWidget(row, Template))->currentData().toString();
        const int version = qobject_cast<QSpinBox*>(m_table->cellWidget(row, Version))->value();
        if (version > 0 && v.templateName != QLatin1StringView("-")) {
            v.version = version;
        }
        v.provider = qobject_cast<QComboBox*>(m_table->cellWidget(row, Provider))->currentText();
        v.model = qobject_cast<QLineEdit*>(m_table->cellWidget(row, Model))->text().trimmed();
        const QString name = v.label.isEmpty() ? QString::number(row + 1) : v.label;
        if (v.templateName.isEmpty()) {
            *problem = tr("Variant %1 needs a template: make one in View ▸ Prompts.").arg(name);
            return std::nullopt;
        }
        if (v.provider.isEmpty()) {
            *problem = tr("Variant %1 needs a provider: add one in Providers.").arg(name);
            return std::nullopt;
        }
        if (v.model.isEmpty()) {
            *problem = tr("Variant %1 needs a model.").arg(name);
            return std::nullopt;
        }
        variants.push_back(v);
    }
    return variants;
}

} // namespace Tessera::Ui
