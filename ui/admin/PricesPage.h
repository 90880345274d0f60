#pragma once

#include "common/Actor.h"
#include "usage/PriceBook.h"
#include "usage/UsageLedger.h"

#include <QDialog>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;

// A price as an administrator enters it: the provider and model, US dollars per million tokens for input and output
// (cached input and cache writes at the input rate unless given), and the day it applies from.
class PriceDialog final : public QDialog {
    Q_OBJECT
public:
    PriceDialog(const QStringList& providers, QWidget* parent = nullptr);

    // Fills the dialog from a listed price (its provider, model and rates).
    void setListing(const Core::PriceListing& listing);

    struct Entry {
        QString provider;
        QString model;
        Core::PriceRates rates;
        std::optional<QDate> from; // unset: from now
    };
    // The price as entered; nullopt (with *problem) when something is missing or not an amount.
    std::optional<Entry> entry(QString* problem) const;

    QComboBox* provider() const { return m_provider; }
    QLineEdit* model() const { return m_model; }
    QLineEdit* input() const { return m_input; }
    QLineEdit* cachedInput() const { return m_cachedInput; }
    QLineEdit* cacheWrite() const { return m_cacheWrite; }
    QLineEdit* output() const { return m_output; }
    QCheckBox* later() const { return m_later; }
    QDateEdit* from() const { return m_from; }

private:
    QComboBox* m_provider;
    QLineEdit* m_model;
    QLineEdit* m_input;
    QLineEdit* m_cachedInput;
    QLineEdit* m_cacheWrite;
    QLineEdit* m_output;
    QCheckBox* m_later;
    QDateEdit* m_from;
};

// The administration window's prices: every configured provider's prices (the catalog's list prices, prices an
// administrator set, local servers' $0 and unknown ones), the models whose requests had no price, and the store's
// usage settings (the time zone days and budgets count in, Anthropic prompt caching). Setting and resetting prices
// and changing the settings need providers.manage (core checks); others see them read-only.
class PricesPage final : public QWidget {
    Q_OBJECT
public:
    PricesPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    QTableWidget* prices() const { return m_prices; }
    QTableWidget* unpriced() const { return m_unpriced; }
    QComboBox* timeZone() const { return m_timeZone; }
    QCheckBox* promptCaching() const { return m_promptCaching; }
    void refresh();
    // What the dialog's OK and the buttons do: false (with the error shown) when core refused.
    bool savePrice(const PriceDialog::Entry& entry);
    bool resetPrice(int row);
    bool saveSettings();

private:
    void openPriceDialog(bool fromUnpriced);
    void updateButtons();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    QTableWidget* m_prices;
    QTableWidget* m_unpriced;
    std::vector<Core::PriceListing> m_listings;
    std::vector<Core::UnpricedModel> m_unpricedModels;
    QPushButton* m_setPrice;
    QPushButton* m_resetPrice;
    QPushButton* m_priceUnpriced;
    QComboBox* m_timeZone;
    QCheckBox* m_promptCaching;
    QPushButton* m_applySettings;
};

} // namespace Tessera::Ui
