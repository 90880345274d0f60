#pragma once

#include "settings/UiSettings.h"

#include <QDialog>

class QComboBox;

namespace Tessera::Ui {

// Preferences: interface language (follows the system unless chosen) and theme.
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const UiSettings& current, QWidget* parent = nullptr);
    UiSettings settings() const;

private:
    QComboBox* m_language;
    QComboBox* m_theme;
};

} // namespace Tessera::Ui
