#pragma once

#include "common/Actor.h"

#include "providers/ProviderConfig.h"

#include "widgets/BusyState.h"

#include <QDialog>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QSpinBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QToolButton;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

// Adds a provider, or edits one: kind and preset base URL, where the API key lives (keychain or a named
// environment variable; never anywhere else), a default model, and a Test button that reports reachability,
// authentication, model count and latency before anything is saved. When editing, an empty key field keeps
// the key already in the keychain.
class AddProviderDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddProviderDialog)

public:
    AddProviderDialog(Core::CoreServices& services, Core::Actor actor, QWidget* parent = nullptr);
    // Edit mode: the fields start from existing, whose name cannot change.
    AddProviderDialog(Core::CoreServices& services, Core::Actor actor, const Core::ProviderConfig& existing,
                      QWidget* parent = nullptr);

    // The name of the provider that was saved, once accepted.
    QString savedName() const { return m_savedName; }
    bool keychainAvailable() const { return m_keychainAvailable; }
    // Starts from a preset ("openai", "lmstudio", "custom", ...), as a card of the welcome page does.
    void choosePreset(const QString& presetId);
    // Opens or closes the Advanced part (protocol, retries, limits, timeouts, breaker); closed at first.
    void setAdvancedShown(bool shown);

Q_SIGNALS:
    void providerAdded(const QString& name);
    void keychainChecked(bool available);

private:
    void handlePresetChanged();
    void handleKeySourceChanged();
    void handleTest();
    void handleSave();
    void setBusy(bool busy);
    std::optional<Core::ProviderConfig> configFromFields(QString* problem) const;
    std::optional<QString> keyFromFields(QString* problem) const;
    void fillFrom(const Core::ProviderConfig& existing);
    bool keepsStoredKey() const;

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    QComboBox* m_preset;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QLineEdit* m_baseUrl;
    QRadioButton* m_useKeychain;
    QRadioButton* m_useEnv;
    QRadioButton* m_useNone;
    QButtonGroup* m_keyGroup;
    QLineEdit* m_apiKey;
    QLineEdit* m_envVar;
    QLabel* m_keychainNotice;
    QComboBox* m_defaultModel;
    QLineEdit* m_apiVersion;
    QSpinBox* m_maxRetries;
    QSpinBox* m_requestsPerMinute;
    QSpinBox* m_tokensPerMinute;
    QSpinBox* m_firstTokenTimeout;
    QSpinBox* m_connectTimeout;
    QSpinBox* m_idleTimeout;
    QSpinBox* m_rateLimitWait;
    QSpinBox* m_breakerPause;
    QCheckBox* m_breakerEnabled;
    QCheckBox* m_forcedOpen;
    QPushButton* m_test;
    QLabel* m_testResult;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    QToolButton* m_advanced;
    QWidget* m_advancedPanel;
    BusyState m_busy;
    bool m_keychainAvailable = true;
    QString m_savedName;
    std::optional<Core::ProviderConfig> m_existing;
};

} // namespace Tessera::Ui
