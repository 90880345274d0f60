#include "settings/UiSettings.h"

#include "style/Theme.h"

#include <QApplication>
#include <QFont>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <algorithm>

namespace Tessera::Ui {

UiSettings UiSettings::load() {
    QSettings settings;
    UiSettings result;
    result.language = settings.value(QStringLiteral("ui/language")).toString();
    const QString theme = settings.value(QStringLiteral("ui/theme")).toString();
    result.theme = theme == QLatin1StringView("dark")    ? Theme::Dark
                   : theme == QLatin1StringView("light") ? Theme::Light
                                                         : Theme::System;
    result.healthCheckMinutes =
        std::clamp(settings.value(QStringLiteral("health/intervalMinutes"), 5).toInt(), 0, 24 * 60);
    result.databaseUrl = settings.value(QStringLiteral("store/databaseUrl")).toString();
    const int font = settings.value(QStringLiteral("ui/fontPointSize"), 0).toInt();
    result.fontPointSize = font >= 7 && font <= 32 ? font : 0;
    return result;
}

void UiSettings::save() const {
    QSettings settings;
    settings.setValue(QStringLiteral("ui/language"), language);
    settings.setValue(QStringLiteral("ui/theme"), theme == Theme::Dark    ? QStringLiteral("dark")
                                                  : theme == Theme::Light ? QStringLiteral("light")
                                                                          : QStringLiteral("system"));
    settings.setValue(QStringLiteral("health/intervalMinutes"), healthCheckMinutes);
    settings.setValue(QStringLiteral("ui/fontPointSize"), fontPointSize);
    settings.setValue(QStringLiteral("store/databaseUrl"), databaseUrl);
}

QList<QPair<QString, QString>> availableLanguages() {
    return {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

void installTranslations(QApplication& app, const QString& language) {
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto* own = new QTranslator(&app);
    const QString directory = QStringLiteral(":/i18n");
    if (own->load(locale, QStringLiteral("tessera"), QStringLiteral("_"), directory) ||
        own->load(QStringLiteral("tessera_en"), directory)) {
        QApplication::installTranslator(own);
    }
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(qt);
    }
}

void applyFontSize(QApplication& app, int pointSize) {
    static const QFont systemFont = app.font();
    QFont font = systemFont;
    if (pointSize >= 7 && pointSize <= 32) {
        font.setPointSize(pointSize);
    }
    app.setFont(font);
}

namespace {
std::optional<Theme> g_commandLineTheme;
std::optional<QString> g_commandLineLanguage;
} // namespace

std::optional<Theme> commandLineTheme() {
    return g_commandLineTheme;
}

void setCommandLineTheme(std::optional<Theme> theme) {
    g_commandLineTheme = theme;
}

std::optional<QString> commandLineLanguage() {
    return g_commandLineLanguage;
}

void setCommandLineLanguage(std::optional<QString> language) {
    g_commandLineLanguage = std::move(language);
}

void applyTheme(QApplication& app, Theme theme) {
    const Style::Variant variant = theme == Theme::Dark    ? Style::Variant::Dark
                                   : theme == Theme::Light ? Style::Variant::Light
                                                           : Style::systemVariant();
    Style::apply(app, variant);
}

} // namespace Tessera::Ui
