#pragma once

#include "common/Actor.h"

#include "cache/ResponseCache.h"
#include "settings/UiSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

// Preferences: interface language (follows the system unless chosen), theme, how often provider health is
// checked, and the response cache (on for chat and for batch work, how long answers are kept, clear it).
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(Core::CoreServices& services, Core::Actor actor, const UiSettings& current,
                   QWidget* parent = nullptr);
    UiSettings settings() const;
    Core::CacheSettings cacheSettings() const;

    void accept() override;

Q_SIGNALS:
    // Accounts were switched on in the Accounts section (the dialog closes; the app signs in again).
    void accountsEnabled(const QString& administrator);

private:
    // Checks the database URL and keeps a new password in the keychain; false (with the reason shown) when not.
    bool acceptStore();
    void showCacheStats();
    void clearCache();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    QComboBox* m_language;
    QComboBox* m_theme;
    QComboBox* m_healthInterval;
    QSpinBox* m_fontSize;
    QCheckBox* m_autoTitle;
    QCheckBox* m_cacheChat;
    QCheckBox* m_cacheBatch;
    QSpinBox* m_cacheHours;
    QLabel* m_cacheStats;
    QPushButton* m_clearCache;
    QLineEdit* m_database;
    QLineEdit* m_databasePassword;
    QLabel* m_error;
    QListWidget* m_sections;
};

} // namespace Tessera::Ui
