#include "settings/SettingsDialog.h"

#include "accounts/AccountsPage.h"

#include "style/Icons.h"
#include "style/Tokens.h"

#include "accounts/FeatureFlags.h"
#include "app/CoreServices.h"
#include "app/SettingsService.h"
#include "app/StoreAdministration.h"
#include "chat/TitleService.h"
#include "widgets/ErrorText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Tessera::Ui {

SettingsDialog::SettingsDialog(Core::CoreServices& services, Core::Actor actor, const UiSettings& current,
                               QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_healthInterval(new QComboBox(this))
    , m_fontSize(new QSpinBox(this))
    , m_autoTitle(new QCheckBox(tr("&Name new conversations from their first exchange"), this))
    , m_cacheChat(new QCheckBox(tr("Reuse identical answers in &chat"), this))
    , m_cacheBatch(new QCheckBox(tr("Reuse identical answers in &batch work"), this))
    , m_cacheHours(new QSpinBox(this))
    , m_cacheStats(new QLabel(this))
    , m_clearCache(new QPushButton(tr("C&lear Cache"), this))
    , m_database(new QLineEdit(this))
    , m_databasePassword(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_sections(new QListWidget(this)) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_language->setObjectName(QStringLiteral("languagePicker"));
    m_language->addItem(tr("System language"), QString());
    for (const auto& [code, name] : availableLanguages()) {
        m_language->addItem(name, code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    m_theme->setObjectName(QStringLiteral("themePicker"));
    m_theme->addItem(tr("Follow the system"), int(Theme::System));
    m_theme->addItem(tr("Light"), int(Theme::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Dark));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(int(current.theme))));
    m_healthInterval->setObjectName(QStringLiteral("healthIntervalPicker"));
    m_healthInterval->addItem(tr("Only when asked"), 0);
    for (int minutes : {1, 5, 15, 60}) {
        m_healthInterval->addItem(tr("Every %n minute(s)", nullptr, minutes), minutes);
    }
    const int healthIndex = m_healthInterval->findData(current.healthCheckMinutes);
    if (healthIndex < 0) {
        m_healthInterval->addItem(tr("Every %n minute(s)", nullptr, current.healthCheckMinutes),
                                  current.healthCheckMinutes);
    }
    m_healthInterval->setCurrentIndex(m_healthInterval->findData(current.healthCheckMinutes));

    m_fontSize->setObjectName(QStringLiteral("fontSize"));
    m_fontSize->setRange(6, 32); // 6 stands for the system's size
    m_fontSize->setSpecialValueText(tr("System size"));
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setValue(current.fontPointSize == 0 ? 6 : current.fontPointSize);
    m_autoTitle->setObjectName(QStringLiteral("autoTitle"));
    m_autoTitle->setToolTip(tr("After the first answer, the same model is asked for a short title (one small extra "
                               "request). Titles you change are kept."));
    m_autoTitle->setChecked(services.titles().enabled(m_actor));
    if (!services.flags().enabled(m_actor, Core::Feature::AutoTitles)) {
        // Switched off by an administrator: the choice is kept for when it comes back.
        m_autoTitle->setEnabled(false);
        m_autoTitle->setToolTip(switchedOffText());
    }
    const Core::CacheSettings cache = services.settings().cacheSettings(m_actor);
    m_cacheChat->setObjectName(QStringLiteral("cacheChat"));
    m_cacheChat->setChecked(cache.interactive);
    m_cacheChat->setToolTip(tr("Sending exactly the same conversation to the same model again returns the stored "
                               "answer at no token cost."));
    m_cacheBatch->setObjectName(QStringLiteral("cacheBatch"));
    m_cacheBatch->setChecked(cache.batch);
    m_cacheHours->setObjectName(QStringLiteral("cacheHours"));
    m_cacheHours->setRange(1, 366 * 24);
    m_cacheHours->setSuffix(tr(" h"));
    m_cacheHours->setValue(int(std::clamp<qint64>((cache.ttlSeconds + 3599) / 3600, 1, 366 * 24)));
    m_cacheStats->setObjectName(QStringLiteral("cacheStats"));
    m_cacheStats->setTextFormat(Qt::PlainText);
    m_clearCache->setObjectName(QStringLiteral("clearCache"));
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto* note = new QLabel(tr("A new language takes effect when Tessera starts again."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    // Sections, each a page: General, Appearance, Chat, Providers and health, Cache.
    auto* general = new QFormLayout;
    general->addRow(tr("&Language:"), m_language);
    general->addRow(QString(), note);
    if (const std::optional<QString> overridden = commandLineLanguage()) {
        auto* languageNote = new QLabel(tr("This run uses the language given with --language (%1). The choice here "
                                           "applies when Tessera starts without it.")
                                            .arg(*overridden),
                                        this);
        languageNote->setObjectName(QStringLiteral("languageOverridden"));
        languageNote->setWordWrap(true);
        languageNote->setForegroundRole(QPalette::PlaceholderText);
        general->addRow(QString(), languageNote);
    }
    auto* form = new QFormLayout; // Appearance
    form->addRow(tr("&Theme:"), m_theme);
    if (const std::optional<Theme> overridden = commandLineTheme()) {
        // --theme wins for this run: say so, rather than show a choice that seems to do nothing.
        const QString name = *overridden == Theme::Dark    ? tr("dark")
                             : *overridden == Theme::Light ? tr("light")
                                                           : tr("system");
        auto* themeNote = new QLabel(tr("This run uses the %1 theme given with --theme. The choice here applies when "
                                        "Tessera starts without it.")
                                         .arg(name),
                                     this);
        themeNote->setObjectName(QStringLiteral("themeOverridden"));
        themeNote->setWordWrap(true);
        themeNote->setForegroundRole(QPalette::PlaceholderText);
        form->addRow(QString(), themeNote);
    }
    form->addRow(tr("&Font size:"), m_fontSize);
    auto* chat = new QFormLayout;
    chat->addRow(QString(), m_autoTitle);
    auto* health = new QFormLayout;
    health->addRow(tr("Check provider &health:"), m_healthInterval);
    auto* healthNote = new QLabel(tr("Between checks, the status bar follows the answers themselves: a provider whose "
                                     "requests fail shows as unhealthy at once."),
                                  this);
    healthNote->setWordWrap(true);
    healthNote->setForegroundRole(QPalette::PlaceholderText);
    health->addRow(QString(), healthNote);

    auto* cacheBox = new QWidget(this);
    auto* cacheForm = new QFormLayout(cacheBox);
    cacheForm->setContentsMargins(0, 0, 0, 0);
    cacheForm->addRow(m_cacheChat);
    cacheForm->addRow(m_cacheBatch);
    cacheForm->addRow(tr("&Keep answers for:"), m_cacheHours);
    auto* statsRow = new QHBoxLayout;
    statsRow->addWidget(m_cacheStats, 1);
    statsRow->addWidget(m_clearCache);
    cacheForm->addRow(statsRow);

    auto* storeBox = new QGroupBox(tr("Store"), this);
    auto* storeForm = new QFormLayout(storeBox);
    general->addRow(storeBox);
    const Core::StoreLocation location = services.storeLocation();
    QString where = location.displayName();
    if (!location.isPostgreSql()) {
        if (const QString home = QDir::homePath(); where.startsWith(home + QLatin1Char('/'))) {
            where = QStringLiteral("~") + where.mid(home.size());
        }
        where = QDir::toNativeSeparators(where);
    }
    auto* inUse = new QLabel(where, storeBox);
    inUse->setObjectName(QStringLiteral("databaseInUse"));
    inUse->setTextInteractionFlags(Qt::TextSelectableByMouse);
    inUse->setWordWrap(true);
    storeForm->addRow(tr("In use:"), inUse);
    m_database->setObjectName(QStringLiteral("databaseUrl"));
    m_database->setText(current.databaseUrl);
    m_database->setPlaceholderText(tr("The file in the data folder"));
    m_database->setAccessibleName(tr("Database"));
    m_database->setClearButtonEnabled(true);
    storeForm->addRow(tr("&Database:"), m_database);
    m_databasePassword->setObjectName(QStringLiteral("databasePassword"));
    m_databasePassword->setEchoMode(QLineEdit::Password);
    m_databasePassword->setPlaceholderText(tr("Unchanged"));
    m_databasePassword->setAccessibleName(tr("Database password"));
    storeForm->addRow(tr("Pass&word:"), m_databasePassword);
    auto* storeNote = new QLabel(tr("For a team store on PostgreSQL: postgresql://USER@HOST:PORT/DATABASE. The "
                                    "password is kept in the system keychain. A new store is used when Tessera starts "
                                    "again; copy the conversations over with tessera-cli store copy."),
                                 storeBox);
    storeNote->setWordWrap(true);
    storeNote->setForegroundRole(QPalette::PlaceholderText);
    storeForm->addRow(storeNote);
    const auto updatePassword = [this] {
        m_databasePassword->setEnabled(m_database->text().trimmed().startsWith(QLatin1StringView("postgres")));
    };
    connect(m_database, &QLineEdit::textChanged, this, updatePassword);
    updatePassword();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_clearCache, &QPushButton::clicked, this, &SettingsDialog::clearCache);
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    m_sections->setObjectName(QStringLiteral("settingsSections"));
    m_sections->setAccessibleName(tr("Sections"));
    m_sections->setFrameShape(QFrame::NoFrame);
    m_sections->setIconSize(QSize(Style::iconSize, Style::iconSize));
    m_sections->setMaximumWidth(200);
    m_sections->setSpacing(2);
    auto* pages = new QStackedWidget(this);
    pages->setObjectName(QStringLiteral("settingsPages"));
    const auto addSection = [this, pages](Style::Icon icon, const QString& title, QLayout* content, const char* name) {
        auto* page = new QWidget(pages);
        page->setObjectName(QString::fromLatin1(name));
        auto* pageLayout = new QVBoxLayout(page);
        pageLayout->setContentsMargins(Style::Space::two, 0, 0, 0);
        auto* heading = new QLabel(title, page);
        QFont headingFont = heading->font();
        headingFont.setPointSizeF(headingFont.pointSizeF() * Style::Type::subtitle);
        headingFont.setBold(true);
        heading->setFont(headingFont);
        pageLayout->addWidget(heading);
        pageLayout->addLayout(content);
        pageLayout->addStretch(1);
        pages->addWidget(page);
        auto* item = new QListWidgetItem(Style::icon(icon), QString(title).remove(QLatin1Char('&')), m_sections);
        item->setSizeHint(QSize(0, 32));
    };
    auto* cacheLayout = new QVBoxLayout;
    cacheLayout->addWidget(cacheBox);
    addSection(Style::Icon::Settings, tr("General"), general, "generalSection");
    addSection(Style::Icon::Sun, tr("Appearance"), form, "appearanceSection");
    addSection(Style::Icon::MessageSquare, tr("Chat"), chat, "chatSection");
    addSection(Style::Icon::Activity, tr("Providers and health"), health, "healthSection");
    // The response cache is the store's: its page is for those who manage providers.
    if (m_actor.may(Core::Permission::ProvidersManage)) {
        addSection(Style::Icon::Database, tr("Cache"), cacheLayout, "cacheSection");
    } else {
        cacheBox->hide();
        delete cacheLayout;
    }
    auto* accounts = new AccountsPage(m_services, m_actor, this);
    connect(accounts, &AccountsPage::accountsEnabled, this, [this](const QString& administrator) {
        Q_EMIT accountsEnabled(administrator);
        reject(); // the app signs in again; nothing else here is kept
    });
    auto* accountsLayout = new QVBoxLayout;
    accountsLayout->addWidget(accounts);
    addSection(Style::Icon::User, tr("Accounts"), accountsLayout, "accountsSection");
    connect(m_sections, &QListWidget::currentRowChanged, pages, &QStackedWidget::setCurrentIndex);
    m_sections->setCurrentRow(0);
    auto* body = new QHBoxLayout;
    body->addWidget(m_sections);
    body->addWidget(pages, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(720, 460);
    showCacheStats();
}

UiSettings SettingsDialog::settings() const {
    UiSettings result;
    result.language = m_language->currentData().toString();
    result.theme = Theme(m_theme->currentData().toInt());
    result.healthCheckMinutes = m_healthInterval->currentData().toInt();
    result.fontPointSize = m_fontSize->value() == m_fontSize->minimum() ? 0 : m_fontSize->value();
    result.databaseUrl = m_database->text().trimmed();
    return result;
}

Core::CacheSettings SettingsDialog::cacheSettings() const {
    Core::CacheSettings result;
    result.interactive = m_cacheChat->isChecked();
    result.batch = m_cacheBatch->isChecked();
    result.ttlSeconds = qint64(m_cacheHours->value()) * 3600;
    return result;
}

bool SettingsDialog::acceptStore() {
    const QString url = m_database->text().trimmed();
    if (url.isEmpty()) {
        return true;
    }
    auto location = Core::StoreLocation::parse(url);
    if (!location) {
        m_error->setText(tr("The database is not valid: %1").arg(location.error().detail));
        m_error->show();
        m_database->setFocus();
        return false;
    }
    const QString password = m_databasePassword->text();
    if (location->isPostgreSql() && !password.isEmpty()) {
        if (auto saved = Core::StoreAdministration(m_services.secrets()).savePassword(*location, password); !saved) {
            m_error->setText(describeError(saved.error()));
            m_error->show();
            return false;
        }
        m_databasePassword->clear();
    }
    return true;
}

void SettingsDialog::accept() {
    if (!acceptStore()) {
        return;
    }
    // Automatic titles are the person's own, the cache settings the store's (shared with the CLI); the dialog stays
    // open when they cannot be saved.
    if (auto saved = m_services.titles().setEnabled(m_actor, m_autoTitle->isChecked()); !saved) {
        m_error->setText(describeError(saved.error()));
        m_error->show();
        return;
    }
    if (!m_actor.may(Core::Permission::ProvidersManage)) {
        QDialog::accept();
        return;
    }
    if (auto saved = m_services.settings().setCacheSettings(m_actor, cacheSettings()); !saved) {
        m_error->setText(describeError(saved.error()));
        m_error->show();
        return;
    }
    QDialog::accept();
}

void SettingsDialog::showCacheStats() {
    if (!m_actor.may(Core::Permission::ProvidersManage)) {
        return;
    }
    auto stats = m_services.settings().cacheStats(m_actor);
    if (!stats) {
        m_cacheStats->setText(describeError(stats.error()));
        m_clearCache->setEnabled(false);
        return;
    }
    const QLocale locale;
    m_cacheStats->setText(tr("%n stored answer(s)", nullptr, int(stats->entries)) + QStringLiteral(" · ") +
                          tr("served from the cache: %1").arg(locale.toString(stats->hits)));
    m_clearCache->setEnabled(stats->entries > 0);
}

void SettingsDialog::clearCache() {
    auto removed = m_services.settings().clearCache(m_actor);
    if (!removed) {
        m_error->setText(describeError(removed.error()));
        m_error->show();
        return;
    }
    showCacheStats();
}

} // namespace Tessera::Ui
