// tessera: the desktop app. Builds the services once, loads the translation, applies the theme, shows the
// main window (and the add-provider dialog on first run).
#include "accounts/AccountService.h"
#include "accounts/IdleLock.h"
#include "accounts/SignInFlow.h"
#include "app/CoreServices.h"
#include "common/DataDirectory.h"
#include "common/StoreLocation.h"
#include "logging/Logging.h"
#include "mainwindow/MainWindow.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/UiSettings.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

// Resident memory of this process (Linux /proc); -1 where unknown.
long long residentKilobytes() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tessera"));
    QApplication::setApplicationName(QStringLiteral("Tessera"));
    QApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tessera.svg")));
    using namespace Tessera;

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tessera, a native desktop AI workspace"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QStringLiteral("Keep the database and logs in DIR."), QStringLiteral("DIR"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QStringLiteral("Interface language for this run (e.g. de)."),
                                            QStringLiteral("CODE"));
    const QCommandLineOption themeOption(QStringLiteral("theme"), QStringLiteral("light, dark or system for this run."),
                                         QStringLiteral("THEME"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("Open the store at URL: a SQLite file, or postgresql://USER@HOST:PORT/DB (the password from "
                       "PGPASSWORD or the keychain)."),
        QStringLiteral("URL"));
    const QCommandLineOption logLevelOption(QStringLiteral("log-level"), QStringLiteral("Also log to stderr at LEVEL."),
                                            QStringLiteral("LEVEL"));
    parser.addOptions({dataDirOption, languageOption, themeOption, databaseOption, logLevelOption});
    parser.process(app);

    const QString dataDirectory = Core::resolveDataDirectory(parser.value(dataDirOption));
    Core::LogConfig logConfig = Core::LogConfig::forDataDirectory(dataDirectory);
#ifndef NDEBUG
    logConfig.toStderr = true;
#endif
    if (parser.isSet(logLevelOption)) {
        if (const auto level = Core::parseLogLevel(parser.value(logLevelOption))) {
            logConfig.level = *level;
            logConfig.toStderr = true;
        }
    }
    Core::Logging logging(logConfig);
    Core::log("app")->info("Tessera {} starting, data directory {}", TESSERA_VERSION, dataDirectory);

    Ui::UiSettings settings = Ui::UiSettings::load();
    if (parser.isSet(languageOption)) {
        settings.language = parser.value(languageOption);
        Ui::setCommandLineLanguage(settings.language);
    }
    if (parser.isSet(themeOption)) {
        const QString theme = parser.value(themeOption);
        settings.theme = theme == QLatin1StringView("dark")    ? Ui::Theme::Dark
                         : theme == QLatin1StringView("light") ? Ui::Theme::Light
                                                               : Ui::Theme::System;
        Ui::setCommandLineTheme(settings.theme);
    }
    Ui::installTranslations(app, settings.language);
    Ui::applyTheme(app, settings.theme);
    Ui::applyFontSize(app, settings.fontPointSize);

    // The store: --database, else TESSERA_DATABASE_URL, else the one chosen in Settings, else the local file.
    QString databaseChoice = parser.value(databaseOption);
    const bool fromSettings = databaseChoice.isEmpty() && qEnvironmentVariableIsEmpty("TESSERA_DATABASE_URL") &&
                              !settings.databaseUrl.isEmpty();
    if (fromSettings) {
        databaseChoice = settings.databaseUrl;
    }
    auto location = Core::resolveStoreLocation(databaseChoice, dataDirectory);
    if (!location) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Tessera cannot start"),
                              Ui::describeError(location.error()) + QStringLiteral("\n\n") + location.error().detail);
        return 2;
    }
    Core::KeychainSecretStore secrets;
    auto services = Core::CoreServices::open(dataDirectory, *location, secrets, &logging);
    if (!services && fromSettings) {
        // The store chosen in Settings cannot be opened: offer the local one, so the app can start and be fixed.
        Core::log("app")->error("cannot open the store chosen in Settings: {}", services.error().toLogString());
        const auto answer = QMessageBox::question(
            nullptr, QApplication::translate("main", "Store not available"),
            QApplication::translate("main", "The store chosen in Settings (%1) cannot be opened:\n%2\n\nOpen the "
                                            "local store in the data folder instead? The setting is kept; change "
                                            "it in Settings.")
                .arg(location->displayName(), Ui::describeError(services.error())));
        if (answer == QMessageBox::Yes) {
            services = Core::CoreServices::open(dataDirectory, secrets, &logging);
        }
    }
    if (!services) {
        Core::log("app")->critical("cannot open the store: {}", services.error().toLogString());
        QMessageBox::critical(nullptr, QApplication::translate("main", "Tessera cannot start"),
                              Ui::describeError(services.error()) + QStringLiteral("\n\n") + services.error().detail);
        return 1;
    }
    Ui::QtDialogs dialogs;
    Ui::SignInFlow signIn(**services);
    // With accounts, signing out or switching the user closes the window and signs in again.
    QString nextUser;
    for (;;) {
        const std::optional<Core::Actor> actor = signIn.run(nullptr, nextUser);
        if (!actor) {
            return 0;
        }
        enum class Next { Quit, SignOut, SwitchUser } next = Next::Quit;
        auto window = std::make_unique<Ui::MainWindow>(**services, dialogs, *actor);
        QObject::connect(window.get(), &Ui::MainWindow::signOutRequested, &app, [&] {
            next = Next::SignOut;
            app.exit(0);
        });
        QObject::connect(window.get(), &Ui::MainWindow::switchUserRequested, &app, [&] {
            next = Next::SwitchUser;
            app.exit(0);
        });
        QString administrator;
        QObject::connect(window.get(), &Ui::MainWindow::accountsEnabled, &app, [&](const QString& name) {
            next = Next::SignOut;
            administrator = name;
            app.exit(0);
        });
        // With accounts, the window locks after the session's idle time and asks for the password again.
        std::unique_ptr<Ui::IdleLock> idleLock;
        if ((*services)->accounts().mode() == Core::AccountsMode::MultiUser) {
            idleLock = std::make_unique<Ui::IdleLock>(**services, *actor, window.get());
            QObject::connect(idleLock.get(), &Ui::IdleLock::signOutRequested, &app, [&] {
                next = Next::SignOut;
                app.exit(0);
            });
        }
        window->show();
        window->showFirstRunIfNeeded();
        if (qEnvironmentVariableIsSet("TESSERA_STARTUP_PROBE")) {
            // For scripts/bench.sh: once the window is up and the event loop idle, report memory and quit.
            QTimer::singleShot(0, &app, [&app] {
                std::printf("tessera-startup-probe rss_kb=%lld\n", residentKilobytes());
                std::fflush(stdout);
                app.quit();
            });
        }
        const int status = app.exec();
        if (next == Next::Quit) {
            return status;
        }
        const Core::Actor last = idleLock ? idleLock->actor() : *actor; // unlocking may have begun a new session
        idleLock.reset();
        window->close();
        window.reset();
        signIn.signOut(last);
        nextUser = !administrator.isEmpty() ? administrator : next == Next::SignOut ? last.userName : QString();
    }
}
