#pragma once

#include <QString>

#include <optional>

class QApplication;

namespace Tessera::Ui {

enum class Theme { System, Light, Dark };

// Preferences kept in QSettings (never secrets): interface language, theme, how often the providers' health is
// checked in the background, and which store to open.
struct UiSettings {
    QString language; // empty: follow the system; otherwise "en", "de", ...
    Theme theme = Theme::System;
    int healthCheckMinutes = 5; // 0: only on demand
    int fontPointSize = 0;      // 0: the system's; else 7 to 32
    // The store to open: empty for the SQLite file in the data folder, else a PostgreSQL URL without a password
    // (--database and TESSERA_DATABASE_URL take precedence).
    QString databaseUrl;

    static UiSettings load();
    void save() const;
};

// Languages with a translation, as (code, native name).
QList<QPair<QString, QString>> availableLanguages();

// Loads Tessera's strings (embedded under :/i18n) and Qt's for the chosen language, or the system's when empty.
// Without a translation for it, the English plural forms are loaded, so "%n second(s)" reads "1 second".
void installTranslations(QApplication& app, const QString& language);

// Sets the application's font size (0: back to the system's).
void applyFontSize(QApplication& app, int pointSize);

// The theme given with --theme for this run, if any: it wins over the saved one until the app quits, and
// Settings says so.
std::optional<Theme> commandLineTheme();
void setCommandLineTheme(std::optional<Theme> theme);
// Likewise the language given with --language.
std::optional<QString> commandLineLanguage();
void setCommandLineLanguage(std::optional<QString> language);

// Applies the theme to the whole application (Fusion with a light or dark palette, or the platform default).
void applyTheme(QApplication& app, Theme theme);

} // namespace Tessera::Ui
