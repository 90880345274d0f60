#include "settings/UiSettings.h"

#include <QApplication>
#include <QFont>
#include <QLibraryInfo>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTranslator>

#include <algorithm>

namespace Tessera::Ui {

namespace {

// Fusion outlines check boxes and radio buttons with a darker shade of the window colour, which on a dark base (a
// list of check boxes, an edit-coloured background) all but disappears; this draws a light edge around them.
class DarkStyle final : public QProxyStyle {
public:
    explicit DarkStyle(QStyle* base)
        : QProxyStyle(base) {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (element != PE_IndicatorCheckBox && element != PE_IndicatorRadioButton) {
            return;
        }
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor edge = option->palette.color(QPalette::Text);
        edge.setAlphaF(0.45F);
        painter->setPen(QPen(edge, 1));
        painter->setBrush(Qt::NoBrush);
        const QRectF box = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
        const qreal side = std::min(box.width(), box.height());
        const QRectF square(box.topLeft() + QPointF(0, (box.height() - side) / 2), QSizeF(side, side));
        if (element == PE_IndicatorRadioButton) {
            painter->drawEllipse(square);
        } else {
            painter->drawRoundedRect(square, 2, 2);
        }
        painter->restore();
    }
};

} // namespace

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

void applyTheme(QApplication& app, Theme theme) {
    static const QString platformStyle = app.style()->name();
    if (theme == Theme::System) {
        app.setStyle(QStyleFactory::create(platformStyle));
        app.setPalette(app.style()->standardPalette());
        return;
    }
    if (theme == Theme::Light) {
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        app.setPalette(app.style()->standardPalette());
        return;
    }
    app.setStyle(new DarkStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    QPalette dark;
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor text(225, 225, 225);
    const QColor disabled(127, 127, 127);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, QColor(55, 55, 60));
    dark.setColor(QPalette::ToolTipBase, window);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, window);
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, Qt::red);
    dark.setColor(QPalette::Link, QColor(100, 160, 255));
    dark.setColor(QPalette::Highlight, QColor(53, 110, 200));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, disabled);
    dark.setColor(QPalette::Disabled, QPalette::Text, disabled);
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    dark.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    app.setPalette(dark);
}

} // namespace Tessera::Ui
