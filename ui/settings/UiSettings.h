#pragma once

#include <QString>

class QApplication;

namespace Tessera::Ui {

enum class Theme { System, Light, Dark };

// Preferences kept in QSettings (never secrets): interface language and theme.
struct UiSettings {
    QString language; // empty: follow the system; otherwise "en", "de", ...
    Theme theme = Theme::System;

    static UiSettings load();
    void save() const;
};

// Languages with a translation, as (code, native name).
QList<QPair<QString, QString>> availableLanguages();

// Applies the theme to the whole application (Fusion with a light or dark palette, or the platform default).
void applyTheme(QApplication& app, Theme theme);

} // namespace Tessera::Ui
