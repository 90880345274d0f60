#pragma once

#include "prompts/PromptLibrary.h"

#include <QList>
#include <QPair>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace Tessera::Ui {

// The model and parameters a template version suggests, on one line of the Prompts view: the provider (or the
// conversation's), the model (listed or typed), the temperature and the longest answer (each the conversation's
// when left at its lowest). They are saved with the version's text; the token and cost preview follows the model.
class PromptSettingsEditor final : public QWidget {
    Q_OBJECT

public:
    explicit PromptSettingsEditor(QWidget* parent = nullptr);

    // The providers one may choose, each with the models to offer (its default model first).
    void setProviders(const QList<QPair<QString, QStringList>>& providers);
    // Shows a version's settings (a provider not set up any more is kept and shown as such).
    void setSettings(const Core::PromptSettings& settings);
    Core::PromptSettings settings() const;
    void setReadOnly(bool readOnly);

    QComboBox* providerBox() const { return m_provider; }
    QComboBox* modelBox() const { return m_model; }
    QDoubleSpinBox* temperatureBox() const { return m_temperature; }
    QSpinBox* maxTokensBox() const { return m_maxTokens; }

Q_SIGNALS:
    void changed();

private:
    void fillModels();

    QList<QPair<QString, QStringList>> m_providers;
    QComboBox* m_provider;
    QComboBox* m_model;
    QDoubleSpinBox* m_temperature;
    QSpinBox* m_maxTokens;
    bool m_filling = false;
};

} // namespace Tessera::Ui
