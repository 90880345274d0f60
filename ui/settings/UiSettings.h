#pragma once

#include <QString>

class QApplication;

namespace Tessera::Ui {

enum class Theme { System, Light, Dark };

// Preferences kept in QSettings (never secrets): interface language, theme, and how often the providers' health
// is checked in the background.
struct UiSettings {
    QString language; // empty: follow the system; otherwise "en", "de", ...
    Theme theme = Theme::System;
    int healthCheckMinutes = 5; // 0: only on demand

    static UiSettings load();
    void save() const;
};

// Languages with a translation, as (code, native name).
QList<QPair<QString, QString>> availableLanguages();

// Loads Tessera's strings (embedded under :/i18n) and Qt's for the chosen language, or the system's when empty.
// Without a translation for it, the English plural forms are loaded, so "%n second(s)" reads "1 second".
void installTranslations(QApplication& app, const QString& language);

// Applies the theme to the whole application (Fusion with a light or dark palette, or the platform default).
void applyTheme(QApplication& app, Theme theme);

} // namespace Tessera::Ui
