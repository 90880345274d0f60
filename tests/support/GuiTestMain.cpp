// GoogleTest entry point for widget tests (run with QT_QPA_PLATFORM=offscreen).
#include "settings/UiSettings.h"

#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    // Test discovery runs this binary without the tests' environment; never reach for a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TesseraTests"));
    QStandardPaths::setTestModeEnabled(true); // QSettings and data paths stay out of the real profile
    Tessera::Ui::installTranslations(app, QStringLiteral("en")); // the tests read the English texts
    Tessera::Ui::applyTheme(app, Tessera::Ui::Theme::Light);     // the real style, palette and icons
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
