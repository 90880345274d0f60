#pragma once

#include "providers/ProviderConfig.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QLabel;
class QPlainTextEdit;

namespace Tessera::Ui {

// What a conversation is set to beyond its model: the system prompt, temperature and max tokens, and the fallback
// model asked when the main model fails before answering.
struct ConversationSettings {
    QString systemPrompt;
    std::optional<qint64> fallbackProviderId;
    QString fallbackProviderName;
    QString fallbackModel;             // "" means the fallback provider's default model
    std::optional<double> temperature; // unset: the provider's default
    std::optional<int> maxTokens;

    bool operator==(const ConversationSettings&) const = default;
};

// Edits ConversationSettings; the caller stores them (or keeps them for a conversation not yet started).
class ConversationSettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationSettingsDialog)

public:
    ConversationSettingsDialog(const ConversationSettings& current, const std::vector<Core::ProviderConfig>& providers,
                               QWidget* parent = nullptr);
    ConversationSettings settings() const;

    void accept() override;

private:
    void handleFallbackProviderChanged();

    std::vector<Core::ProviderConfig> m_providers;
    QPlainTextEdit* m_systemPrompt;
    QComboBox* m_fallbackProvider;
    QComboBox* m_fallbackModel;
    QDoubleSpinBox* m_temperature;
    QSpinBox* m_maxTokens;
    QLabel* m_error;
};

} // namespace Tessera::Ui
