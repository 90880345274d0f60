#include "prompts/PromptSettingsEditor.h"

#include "chat/Conversation.h"
#include "style/Theme.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace Tessera::Ui {

namespace {
// The spin boxes' lowest value stands for "not set" (the conversation's own setting).
constexpr double unsetTemperature = -0.1;
} // namespace

PromptSettingsEditor::PromptSettingsEditor(QWidget* parent)
    : QWidget(parent)
    , m_provider(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_temperature(new QDoubleSpinBox(this))
    , m_maxTokens(new QSpinBox(this)) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_provider->setObjectName(QStringLiteral("templateProvider"));
    m_provider->setAccessibleName(tr("Suggested provider"));
    m_provider->setToolTip(tr("The provider the template's messages go to; the conversation's when not chosen"));
    m_model->setObjectName(QStringLiteral("templateModel"));
    m_model->setAccessibleName(tr("Suggested model"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMinimumContentsLength(14);
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_model->lineEdit()->setPlaceholderText(tr("The conversation's"));
    m_model->setToolTip(tr("The model to use, chosen from the list or typed; the token and cost preview counts with "
                           "it"));
    m_temperature->setObjectName(QStringLiteral("templateTemperature"));
    m_temperature->setAccessibleName(tr("Suggested temperature"));
    m_temperature->setRange(unsetTemperature, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_temperature->setSpecialValueText(tr("Conversation's"));
    m_temperature->setValue(unsetTemperature);
    m_temperature->setToolTip(tr("Lower is more focused and repeatable, higher more varied (0 to 2)"));
    m_maxTokens->setObjectName(QStringLiteral("templateMaxTokens"));
    m_maxTokens->setAccessibleName(tr("Suggested most tokens of an answer"));
    m_maxTokens->setRange(0, Core::ConversationLimits::maxMaxTokens);
    m_maxTokens->setSingleStep(256);
    m_maxTokens->setSpecialValueText(tr("Conversation's"));
    m_maxTokens->setGroupSeparatorShown(true);
    m_maxTokens->setToolTip(tr("The longest answer, in tokens"));
    auto* temperatureLabel = new QLabel(tr("Temp&erature:"), this);
    temperatureLabel->setBuddy(m_temperature);
    auto* maxTokensLabel = new QLabel(tr("Ma&x tokens:"), this);
    maxTokensLabel->setBuddy(m_maxTokens);
    for (QAbstractSpinBox* box :
         {static_cast<QAbstractSpinBox*>(m_temperature), static_cast<QAbstractSpinBox*>(m_maxTokens)}) {
        box->setMinimumWidth(box->sizeHint().width()); // the special text is never cut
    }
    row->addWidget(m_provider);
    row->addWidget(m_model, 1);
    row->addSpacing(Style::Space::two);
    row->addWidget(temperatureLabel);
    row->addWidget(m_temperature);
    row->addSpacing(Style::Space::two);
    row->addWidget(maxTokensLabel);
    row->addWidget(m_maxTokens);
    setFocusProxy(m_provider);
    setProviders({});

    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            fillModels();
            Q_EMIT changed();
        }
    });
    connect(m_model, &QComboBox::currentTextChanged, this, [this] {
        if (!m_filling) {
            Q_EMIT changed();
        }
    });
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_filling) {
            Q_EMIT changed();
        }
    });
    connect(m_maxTokens, &QSpinBox::valueChanged, this, [this] {
        if (!m_filling) {
            Q_EMIT changed();
        }
    });
}

void PromptSettingsEditor::setProviders(const QList<QPair<QString, QStringList>>& providers) {
    const Core::PromptSettings current = settings();
    m_providers = providers;
    m_filling = true;
    m_provider->clear();
    m_provider->addItem(tr("Conversation's provider"), QString());
    for (const auto& [name, models] : m_providers) {
        m_provider->addItem(name, name);
    }
    m_filling = false;
    setSettings(current);
}

void PromptSettingsEditor::setSettings(const Core::PromptSettings& settings) {
    m_filling = true;
    int index = m_provider->findData(settings.provider);
    if (index < 0) {
        // Removed, switched off or not allowed here: kept as the version has it.
        m_provider->addItem(tr("%1 (not available)").arg(settings.provider), settings.provider);
        index = m_provider->count() - 1;
    }
    m_provider->setCurrentIndex(index);
    fillModels();
    m_model->setCurrentText(settings.model);
    m_temperature->setValue(settings.temperature.value_or(unsetTemperature));
    m_maxTokens->setValue(settings.maxTokens.value_or(0));
    m_filling = false;
}

Core::PromptSettings PromptSettingsEditor::settings() const {
    Core::PromptSettings s;
    s.provider = m_provider->currentData().toString();
    s.model = m_model->currentText().trimmed();
    if (m_temperature->value() >= 0.0) {
        s.temperature = m_temperature->value();
    }
    if (m_maxTokens->value() > 0) {
        s.maxTokens = m_maxTokens->value();
    }
    return s;
}

void PromptSettingsEditor::setReadOnly(bool readOnly) {
    m_provider->setEnabled(!readOnly);
    m_model->setEnabled(!readOnly);
    m_temperature->setReadOnly(readOnly);
    m_maxTokens->setReadOnly(readOnly);
}

void PromptSettingsEditor::fillModels() {
    // The chosen provider's models; with the conversation's provider, every provider's default model.
    const bool wasFilling = m_filling;
    m_filling = true;
    const QString typed = m_model->currentText();
    const QString provider = m_provider->currentData().toString();
    QStringList models;
    for (const auto& [name, offered] : m_providers) {
        if (provider.isEmpty()) {
            if (!offered.isEmpty() && !models.contains(offered.front())) {
                models << offered.front();
            }
        } else if (name == provider) {
            models = offered;
        }
    }
    m_model->clear();
    m_model->addItems(models);
    m_model->setCurrentText(typed);
    m_filling = wasFilling;
}

} // namespace Tessera::Ui
