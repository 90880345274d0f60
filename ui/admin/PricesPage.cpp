#include "admin/PricesPage.h"

#include "app/CoreServices.h"
#include "providers/ProviderService.h"
#include "style/Tokens.h"
#include "usage/ModelCatalog.h"
#include "usage/Pricing.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"
#include "widgets/Money.h"
#include "widgets/Tables.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace Tessera::Ui {

namespace {

enum PriceColumn {
    ProviderColumn,
    ModelColumn,
    SourceColumn,
    InputColumn,
    CachedColumn,
    WriteColumn,
    OutputColumn,
    FromColumn,
    PriceColumnCount
};
enum UnpricedColumn { UnpricedProviderColumn, UnpricedModelColumn, RequestsColumn, DaysColumn, UnpricedColumnCount };

// Dollars per million tokens as typed ("2.50", or "2,50" in German) in micro-dollars per million; nullopt when it
// is not an amount. Empty is `fallback`.
std::optional<qint64> amountOf(const QLineEdit* field, std::optional<qint64> fallback = std::nullopt) {
    QString text = field->text().trimmed();
    if (text.isEmpty()) {
        return fallback;
    }
    text.replace(QLocale().decimalPoint(), QStringLiteral("."));
    return Core::parseUsdAmount(text);
}

QString amountText(qint64 micros) {
    QString text = Core::usdDecimal(micros);
    text.replace(QLatin1Char('.'), QLocale().decimalPoint());
    return text;
}

QString sourceText(const Core::PriceListing& listing) {
    if (listing.origin == QLatin1StringView("override")) {
        return listing.setBy.isEmpty() ? PricesPage::tr("Set here") : PricesPage::tr("Set by %1").arg(listing.setBy);
    }
    if (listing.origin == QLatin1StringView("catalog")) {
        return PricesPage::tr("Catalog of %1")
            .arg(QLocale().toString(Core::ModelCatalog::builtIn().date(), QLocale::ShortFormat));
    }
    if (listing.origin == QLatin1StringView("local")) {
        return PricesPage::tr("Free (local server)");
    }
    return PricesPage::tr("Unknown: set a price");
}

} // namespace

PriceDialog::PriceDialog(const QStringList& providers, QWidget* parent)
    : QDialog(parent)
    , m_provider(new QComboBox(this))
    , m_model(new QLineEdit(this))
    , m_input(new QLineEdit(this))
    , m_cachedInput(new QLineEdit(this))
    , m_cacheWrite(new QLineEdit(this))
    , m_output(new QLineEdit(this))
    , m_later(new QCheckBox(tr("From a later &day:"), this))
    , m_from(new QDateEdit(QDate::currentDate(), this)) {
    setObjectName(QStringLiteral("priceDialog"));
    setWindowTitle(tr("Price"));
    m_provider->addItems(providers);
    m_provider->setObjectName(QStringLiteral("priceProvider"));
    m_model->setObjectName(QStringLiteral("priceModel"));
    m_model->setPlaceholderText(tr("the model's id, such as gpt-5.4"));
    const QString perMillion = tr("US dollars per million tokens");
    for (QLineEdit* field : {m_input, m_cachedInput, m_cacheWrite, m_output}) {
        field->setPlaceholderText(perMillion);
    }
    m_input->setObjectName(QStringLiteral("priceInput"));
    m_output->setObjectName(QStringLiteral("priceOutput"));
    m_cachedInput->setObjectName(QStringLiteral("priceCachedInput"));
    m_cachedInput->setPlaceholderText(tr("the input price, unless given"));
    m_cacheWrite->setObjectName(QStringLiteral("priceCacheWrite"));
    m_cacheWrite->setPlaceholderText(tr("the input price, unless given"));
    m_later->setObjectName(QStringLiteral("priceLater"));
    m_from->setObjectName(QStringLiteral("priceFrom"));
    m_from->setCalendarPopup(true);
    m_from->setMinimumDate(QDate::currentDate().addYears(-10));
    m_from->setEnabled(false);
    connect(m_later, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    auto* note = new QLabel(tr("A price applies to requests from its day on; what earlier answers cost stays as it "
                               "was recorded."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto* form = new QFormLayout;
    form->addRow(tr("&Provider:"), m_provider);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Input:"), m_input);
    form->addRow(tr("&Cached input:"), m_cachedInput);
    form->addRow(tr("Cache &write:"), m_cacheWrite);
    form->addRow(tr("&Output:"), m_output);
    form->addRow(m_later, m_from);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

void PriceDialog::setListing(const Core::PriceListing& listing) {
    m_provider->setCurrentText(listing.provider);
    m_model->setText(listing.model == QLatin1StringView("*") ? QString() : listing.model);
    if (!listing.price) {
        return;
    }
    const Core::PriceRates& rates = listing.price->rates;
    m_input->setText(amountText(rates.input));
    m_output->setText(amountText(rates.output));
    m_cachedInput->setText(rates.cachedInput == rates.input ? QString() : amountText(rates.cachedInput));
    m_cacheWrite->setText(rates.cacheWrite == rates.input ? QString() : amountText(rates.cacheWrite));
}

std::optional<PriceDialog::Entry> PriceDialog::entry(QString* problem) const {
    Entry entry;
    entry.provider = m_provider->currentText();
    entry.model = m_model->text().trimmed();
    if (entry.provider.isEmpty() || entry.model.isEmpty()) {
        *problem = tr("Choose the provider and enter the model's id.");
        return std::nullopt;
    }
    const std::optional<qint64> input = amountOf(m_input);
    const std::optional<qint64> output = amountOf(m_output);
    if (!input || !output) {
        *problem = tr("Enter the input and output prices in US dollars per million tokens, such as 2.50.");
        return std::nullopt;
    }
    const std::optional<qint64> cached = amountOf(m_cachedInput, input);
    const std::optional<qint64> written = amountOf(m_cacheWrite, input);
    if (!cached || !written) {
        *problem = tr("Enter the cached-input and cache-write prices as amounts, or leave them empty.");
        return std::nullopt;
    }
    entry.rates = {*input, *cached, *written, *output, *output};
    if (m_later->isChecked()) {
        entry.from = m_from->date();
    }
    return entry;
}

PricesPage::PricesPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_prices(rowTable(this, QStringLiteral("priceTable"),
                        {tr("Provider"), tr("Model"), tr("Price from"), tr("Input"), tr("Cached input"),
                         tr("Cache write"), tr("Output"), tr("Applies")}))
    , m_unpriced(
          rowTable(this, QStringLiteral("unpricedTable"), {tr("Provider"), tr("Model"), tr("Requests"), tr("Days")}))
    , m_setPrice(new QPushButton(tr("&Set Price…"), this))
    , m_resetPrice(new QPushButton(tr("&Reset to Catalog"), this))
    , m_priceUnpriced(new QPushButton(tr("Set a Price for This &Model…"), this))
    , m_timeZone(new QComboBox(this))
    , m_promptCaching(new QCheckBox(tr("Use Anthropic's &prompt cache for longer conversations"), this))
    , m_applySettings(new QPushButton(tr("&Apply"), this)) {
    setObjectName(QStringLiteral("pricesPage"));
    m_prices->setAccessibleName(tr("Prices"));
    m_unpriced->setAccessibleName(tr("Models without a price"));
    // The source takes what room is left; every other column is as wide as its contents.
    m_prices->horizontalHeader()->setStretchLastSection(false);
    for (int column = ProviderColumn; column < PriceColumnCount; ++column) {
        m_prices->horizontalHeader()->setSectionResizeMode(
            column, column == SourceColumn ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    }
    // A few rows are enough here: the prices get the room.
    m_unpriced->setFixedHeight(m_unpriced->horizontalHeader()->sizeHint().height() +
                               2 * m_unpriced->verticalHeader()->defaultSectionSize() + 2 * m_unpriced->frameWidth());
    m_unpriced->horizontalHeader()->setSectionResizeMode(UnpricedProviderColumn, QHeaderView::ResizeToContents);
    m_unpriced->horizontalHeader()->setSectionResizeMode(UnpricedModelColumn, QHeaderView::ResizeToContents);
    m_unpriced->horizontalHeader()->setSectionResizeMode(RequestsColumn, QHeaderView::ResizeToContents);
    m_setPrice->setObjectName(QStringLiteral("setPrice"));
    m_resetPrice->setObjectName(QStringLiteral("resetPrice"));
    m_priceUnpriced->setObjectName(QStringLiteral("priceUnpriced"));
    for (QPushButton* button : {m_setPrice, m_resetPrice, m_priceUnpriced, m_applySettings}) {
        button->setAutoDefault(false);
    }
    connect(m_setPrice, &QPushButton::clicked, this, [this] { openPriceDialog(false); });
    connect(m_prices, &QTableWidget::cellActivated, this, [this] {
        if (m_actor.may(Core::Permission::ProvidersManage)) {
            openPriceDialog(false);
        }
    });
    connect(m_resetPrice, &QPushButton::clicked, this, [this] { resetPrice(m_prices->currentRow()); });
    connect(m_priceUnpriced, &QPushButton::clicked, this, [this] { openPriceDialog(true); });
    connect(m_prices, &QTableWidget::itemSelectionChanged, this, &PricesPage::updateButtons);
    connect(m_unpriced, &QTableWidget::itemSelectionChanged, this, &PricesPage::updateButtons);

    // The usage settings: the zones this system knows, UTC first.
    m_timeZone->setObjectName(QStringLiteral("usageTimeZone"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    m_timeZone->addItem(QStringLiteral("UTC"));
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        if (id.contains('/')) {
            m_timeZone->addItem(QString::fromUtf8(id));
        }
    }
    m_timeZone->setAccessibleName(tr("Time zone"));
    m_promptCaching->setObjectName(QStringLiteral("promptCaching"));
    m_promptCaching->setToolTip(tr("The system prompt and the conversation so far are marked for Anthropic's cache: "
                                   "the next question reads them at a tenth of the input price, and writing them "
                                   "costs a quarter more once."));
    m_applySettings->setObjectName(QStringLiteral("applyUsageSettings"));
    connect(m_applySettings, &QPushButton::clicked, this, &PricesPage::saveSettings);
    m_timeZone->setToolTip(tr("Reports and budgets count days, weeks and months in this zone. Changing it counts "
                              "every day's totals again."));
    auto* zoneLabel = new QLabel(tr("&Time zone:"), this);
    zoneLabel->setBuddy(m_timeZone);
    auto* settingsRow = new QHBoxLayout;
    settingsRow->addWidget(zoneLabel);
    settingsRow->addWidget(m_timeZone, 1);
    settingsRow->addSpacing(Style::Space::two);
    settingsRow->addWidget(m_promptCaching);
    settingsRow->addStretch(1);
    settingsRow->addWidget(m_applySettings);
    auto* settingsBox = new QGroupBox(tr("Counting and caching"), this);
    settingsBox->setLayout(settingsRow);

    const bool mayChange = m_actor.may(Core::Permission::ProvidersManage);
    m_timeZone->setEnabled(mayChange);
    m_promptCaching->setEnabled(mayChange);
    m_applySettings->setEnabled(mayChange);

    auto* priceButtons = new QHBoxLayout;
    priceButtons->addStretch(1);
    priceButtons->addWidget(m_setPrice);
    priceButtons->addWidget(m_resetPrice);
    auto* unpricedButtons = new QHBoxLayout;
    unpricedButtons->addStretch(1);
    unpricedButtons->addWidget(m_priceUnpriced);
    auto* pricesTitle = new QLabel(
        tr("<b>Prices</b> — US dollars per million tokens; a new price never changes what answers already cost"), this);
    auto* unpricedTitle =
        new QLabel(tr("<b>Models without a price</b> — their cost shows as unknown until a price is set"), this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two, 0, 0, 0);
    layout->setSpacing(Style::Space::one);
    layout->addWidget(pricesTitle);
    layout->addWidget(m_prices, 3);
    layout->addLayout(priceButtons);
    layout->addWidget(unpricedTitle);
    layout->addWidget(m_unpriced);
    layout->addLayout(unpricedButtons);
    layout->addWidget(settingsBox);
    refresh();
}

void PricesPage::refresh() {
    auto listings = m_services.prices().list(m_actor);
    if (!listings) {
        m_dialogs.showError(this, tr("Prices"), describeError(listings.error()));
        return;
    }
    m_listings = std::move(*listings);
    m_prices->setRowCount(int(m_listings.size()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = 0; row < int(m_listings.size()); ++row) {
        const Core::PriceListing& listing = m_listings[std::size_t(row)];
        const auto set = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            if (column >= InputColumn && column <= OutputColumn) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_prices->setItem(row, column, item);
        };
        set(ProviderColumn, listing.provider);
        set(ModelColumn, listing.model == QLatin1StringView("*") ? tr("every model") : listing.model);
        set(SourceColumn, sourceText(listing));
        if (listing.price) {
            const Core::PriceRates& rates = listing.price->rates;
            set(InputColumn, rateText(rates.input));
            set(CachedColumn, rateText(rates.cachedInput));
            set(WriteColumn, rateText(rates.cacheWrite));
            set(OutputColumn, rateText(rates.output));
        } else {
            for (int column : {InputColumn, CachedColumn, WriteColumn, OutputColumn}) {
                set(column, tr("unknown"));
            }
        }
        QString from;
        if (listing.effectiveFrom) {
            const QString day = QLocale().toString(listing.effectiveFrom->toLocalTime().date(), QLocale::ShortFormat);
            from = *listing.effectiveFrom > now ? tr("from %1 (coming)").arg(day) : tr("since %1").arg(day);
        }
        set(FromColumn, from);
    }
    auto unpriced = m_services.prices().unpriced(m_actor);
    m_unpricedModels = unpriced ? std::move(*unpriced) : std::vector<Core::UnpricedModel>{};
    m_unpriced->setRowCount(int(m_unpricedModels.size()));
    for (int row = 0; row < int(m_unpricedModels.size()); ++row) {
        const Core::UnpricedModel& model = m_unpricedModels[std::size_t(row)];
        m_unpriced->setItem(row, UnpricedProviderColumn, new QTableWidgetItem(model.provider));
        m_unpriced->setItem(row, UnpricedModelColumn, new QTableWidgetItem(model.model));
        m_unpriced->setItem(row, RequestsColumn, new QTableWidgetItem(QLocale().toString(model.requests)));
        m_unpriced->setItem(row, DaysColumn,
                            new QTableWidgetItem(model.firstDay == model.lastDay
                                                     ? model.firstDay
                                                     : tr("%1 to %2").arg(model.firstDay, model.lastDay)));
    }
    const Core::UsageSettings settings = m_services.usage().settings();
    const QString zone = settings.timeZone.isEmpty() ? QStringLiteral("UTC") : settings.timeZone;
    if (m_timeZone->findText(zone) < 0) {
        m_timeZone->addItem(zone);
    }
    m_timeZone->setCurrentText(zone);
    m_promptCaching->setChecked(settings.promptCaching);
    updateButtons();
}

void PricesPage::updateButtons() {
    const bool mayChange = m_actor.may(Core::Permission::ProvidersManage);
    const int row = m_prices->currentRow();
    const bool overridden = row >= 0 && row < int(m_listings.size()) &&
                            m_listings[std::size_t(row)].origin == QLatin1StringView("override");
    m_setPrice->setEnabled(mayChange);
    m_resetPrice->setEnabled(mayChange && overridden);
    m_priceUnpriced->setEnabled(mayChange && m_unpriced->currentRow() >= 0);
}

bool PricesPage::savePrice(const PriceDialog::Entry& entry) {
    if (auto saved = m_services.prices().set(m_actor, entry.provider, entry.model, entry.rates, entry.from); !saved) {
        m_dialogs.showError(this, tr("Price"), describeError(saved.error()));
        return false;
    }
    refresh();
    return true;
}

bool PricesPage::resetPrice(int row) {
    if (row < 0 || row >= int(m_listings.size())) {
        return false;
    }
    const Core::PriceListing listing = m_listings[std::size_t(row)];
    if (!m_dialogs.confirm(this, tr("Reset Price"),
                           tr("Remove the prices set for %1's model %2? New requests use the catalog's price again "
                              "(or none); what answers already cost stays.")
                               .arg(listing.provider, listing.model),
                           tr("Reset"))) {
        return false;
    }
    if (auto reset = m_services.prices().reset(m_actor, listing.provider, listing.model); !reset) {
        m_dialogs.showError(this, tr("Reset Price"), describeError(reset.error()));
        return false;
    }
    refresh();
    return true;
}

bool PricesPage::saveSettings() {
    Core::UsageSettings settings;
    const QString zone = m_timeZone->currentText().trimmed();
    settings.timeZone = zone.compare(QLatin1StringView("UTC"), Qt::CaseInsensitive) == 0 ? QString() : zone;
    settings.promptCaching = m_promptCaching->isChecked();
    if (auto saved = m_services.usage().setSettings(m_actor, settings); !saved) {
        m_dialogs.showError(this, tr("Counting and Caching"), describeError(saved.error()));
        refresh(); // back to what is stored
        return false;
    }
    refresh();
    return true;
}

void PricesPage::openPriceDialog(bool fromUnpriced) {
    QStringList providers;
    if (auto configured = m_services.providers().list(m_actor)) {
        for (const Core::ProviderConfig& config : *configured) {
            providers << config.name;
        }
    }
    PriceDialog dialog(providers, this);
    if (fromUnpriced) {
        const int row = m_unpriced->currentRow();
        if (row < 0 || row >= int(m_unpricedModels.size())) {
            return;
        }
        Core::PriceListing listing;
        listing.provider = m_unpricedModels[std::size_t(row)].provider;
        listing.model = m_unpricedModels[std::size_t(row)].model;
        dialog.setListing(listing);
    } else if (const int row = m_prices->currentRow(); row >= 0 && row < int(m_listings.size())) {
        dialog.setListing(m_listings[std::size_t(row)]);
    }
    while (dialog.exec() == QDialog::Accepted) {
        QString problem;
        if (const auto entry = dialog.entry(&problem)) {
            if (savePrice(*entry)) {
                return;
            }
            continue; // the error was shown; the entries stay for another try
        }
        m_dialogs.showError(&dialog, tr("Price"), problem);
    }
}

} // namespace Tessera::Ui
