// Costs and budgets in the window: each answer shows its cost beside its tokens, the status bar shows where the user
// stands, a refused request keeps the draft and says which budget and when it resets, and the administration's
// Budgets page lists budgets with a bar of their use and sets, changes and removes budgets and limits; its Prices
// page sets and resets prices, lists the models without one, and changes the time zone and prompt caching.
#include "admin/AdministrationWindow.h"
#include "admin/BudgetsPage.h"
#include "admin/PricesPage.h"
#include "chat/Composer.h"
#include "usage/BudgetGuard.h"
#include "widgets/ErrorBanner.h"

#include "UiFixture.h"
#include "support/TestHelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>

using namespace Tessera;
using Tessera::Testing::child;
using Tessera::Testing::waitUntil;

namespace {

class BudgetsUiTest : public Testing::MainWindowTest {
protected:
    // An OpenAI provider on the loopback server: gpt-5.4 is priced from the catalog.
    void addPricedProvider() {
        Core::ProviderConfig config;
        config.name = QStringLiteral("openai");
        config.kind = Core::ProviderKind::OpenAi;
        config.baseUrl = server.baseUrl();
        config.defaultModel = QStringLiteral("gpt-5.4");
        ASSERT_TRUE(services->store().providers.add(config));
    }

    void setMonthlyBudget(qint64 micros) {
        Core::Budget budget;
        budget.scope = Core::BudgetScope::Global;
        budget.period = Core::BudgetPeriod::Month;
        budget.limitMicros = micros;
        ASSERT_TRUE(services->budgets().set(owner, budget));
    }

    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Test);
};

} // namespace

TEST_F(BudgetsUiTest, AnAnswerShowsItsCostAndTheStatusBarWhereTheUserStands) {
    addPricedProvider();
    setMonthlyBudget(10'000'000);
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* standing = child<QLabel>(&window, "budgetStanding");
    EXPECT_TRUE(standing->isVisible());
    EXPECT_TRUE(standing->text().contains(QStringLiteral("$0.00 of $10.00 this month")))
        << standing->text().toStdString();
    auto* composer = child<Ui::Composer>(&window, "composer");
    window.chatPanel()->chatView(); // the conversation view exists
    composer->setPlainText(QStringLiteral("What does this cost?"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] {
        auto* last = lastMessage(window);
        return last && last->message().role == Core::Role::Assistant &&
               last->message().state == Core::MessageState::Complete;
    }));
    // 12 input tokens (4 cached) and 5 output at $2.50, $0.25 and $15 per million: $0.000096.
    const QString facts = child<QLabel>(lastMessage(window), "messageFooter")->text();
    EXPECT_TRUE(facts.contains(QStringLiteral("$0.0000"))) << facts.toStdString();
    ASSERT_TRUE(lastMessage(window)->message().costMicros);
    EXPECT_GT(*lastMessage(window)->message().costMicros, 0);
    EXPECT_TRUE(waitUntil([&] { return !standing->text().contains(QStringLiteral("$0.00 of")); }))
        << standing->text().toStdString();
    EXPECT_TRUE(standing->toolTip().contains(QStringLiteral("The monthly budget for everyone")))
        << standing->toolTip().toStdString();
}

TEST_F(BudgetsUiTest, ARefusedRequestKeepsTheDraftAndSaysWhichBudgetAndWhenItResets) {
    addPricedProvider();
    setMonthlyBudget(1'000); // a tenth of a cent
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    composer->setPlainText(QStringLiteral("A question that is never sent"));
    QTest::mouseClick(child<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto* banner = child<Ui::ErrorBanner>(&window, "errorBanner");
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible(); }));
    EXPECT_TRUE(banner->text().contains(QStringLiteral("The monthly budget for everyone")))
        << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(QStringLiteral("It resets on"))) << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(QStringLiteral("quota.exceeded"))) << banner->text().toStdString();
    EXPECT_EQ(composer->toPlainText(), QStringLiteral("A question that is never sent")) << "nothing lost";
    EXPECT_EQ(server.countRequests("/chat/completions"), 0) << "nothing sent";
}

TEST_F(BudgetsUiTest, TheBudgetsPageSetsChangesAndRemovesBudgetsAndLimitsWithABarOfUse) {
    addPricedProvider();
    Ui::AdministrationWindow admin(*services, owner, dialogs);
    admin.show();
    Ui::BudgetsPage* page = admin.budgetsPage();
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->budgets()->rowCount(), 0);

    // The dialog as the administrator fills it in: everyone, monthly, $25 (with a decimal comma too), warn at 50 %.
    Ui::BudgetDialog dialog({QStringLiteral("owner")}, {QStringLiteral("Member")}, true);
    dialog.scope()->setCurrentIndex(dialog.scope()->findData(int(Core::BudgetScope::Global)));
    dialog.window()->setCurrentIndex(dialog.window()->findData(int(Core::BudgetPeriod::Month)));
    dialog.dollars()->setText(QStringLiteral("abc"));
    QString problem;
    EXPECT_FALSE(dialog.budget(&problem));
    EXPECT_FALSE(problem.isEmpty());
    dialog.dollars()->setText(QStringLiteral("25"));
    dialog.softPercent()->setValue(50);
    const auto budget = dialog.budget(&problem);
    ASSERT_TRUE(budget) << problem.toStdString();
    EXPECT_EQ(budget->limitMicros, 25'000'000);
    ASSERT_TRUE(page->saveBudget(*budget));
    ASSERT_EQ(page->budgets()->rowCount(), 1);
    auto* bar = qobject_cast<QProgressBar*>(page->budgets()->cellWidget(0, 4));
    ASSERT_NE(bar, nullptr);
    EXPECT_TRUE(bar->format().contains(QStringLiteral("of $25.00 this month"))) << bar->format().toStdString();

    // A role budget for each Member, in tokens.
    Core::Budget members;
    members.scope = Core::BudgetScope::Role;
    members.subjectName = QStringLiteral("Member");
    members.period = Core::BudgetPeriod::Day;
    members.limitTokens = 100'000;
    ASSERT_TRUE(page->saveBudget(members));
    EXPECT_EQ(page->budgets()->rowCount(), 2);
    Core::Budget nobody = members;
    nobody.subjectName = QStringLiteral("Nobody");
    EXPECT_FALSE(page->saveBudget(nobody));
    EXPECT_FALSE(dialogs.errors.isEmpty()) << "core's refusal is shown";

    Core::RateLimit limit;
    limit.scope = Core::BudgetScope::Role;
    limit.subjectName = QStringLiteral("Member");
    limit.requestsPerMinute = 10;
    ASSERT_TRUE(page->saveLimit(limit));
    ASSERT_EQ(page->limits()->rowCount(), 1);
    EXPECT_EQ(page->limits()->item(0, 1)->text(), QStringLiteral("10"));
    ASSERT_TRUE(page->removeLimit(0));
    EXPECT_EQ(page->limits()->rowCount(), 0);

    dialogs.nextConfirm = true;
    ASSERT_TRUE(page->removeBudget(0));
    EXPECT_EQ(page->budgets()->rowCount(), 1);
    EXPECT_TRUE(dialogs.confirmations.last().endsWith(QStringLiteral("| Remove")));

    // An Auditor sees the page and changes nothing.
    const Core::Actor auditor =
        Core::Actor::withRole(9, QStringLiteral("aud"), Core::BuiltInRole::Auditor, Core::ClientKind::Test);
    Ui::BudgetsPage readOnly(*services, auditor, dialogs);
    EXPECT_EQ(readOnly.budgets()->rowCount(), 1);
    EXPECT_FALSE(child<QPushButton>(&readOnly, "addBudget")->isEnabled());
    EXPECT_FALSE(child<QPushButton>(&readOnly, "removeBudget")->isEnabled());
}

TEST_F(BudgetsUiTest, TheComposerCountsAsYouTypeAndAsksBeforeLeavingOutTheOldestMessages) {
    Core::ProviderConfig config;
    config.name = QStringLiteral("openai");
    config.kind = Core::ProviderKind::OpenAi;
    config.baseUrl = server.baseUrl();
    config.defaultModel = QStringLiteral("gpt-4o"); // a window of 128,000 tokens
    ASSERT_TRUE(services->store().providers.add(config));
    Ui::MainWindow window(*services, dialogs);
    window.show();
    auto* composer = child<Ui::Composer>(&window, "composer");
    auto* meter = child<QLabel>(&window, "contextMeter");
    auto* gauge = child<QProgressBar>(&window, "contextGauge");
    composer->setPlainText(QStringLiteral("Hello there"));
    ASSERT_TRUE(waitUntil([&] { return meter->isVisible() && meter->text().contains(QStringLiteral("tokens")); }));
    EXPECT_TRUE(meter->text().startsWith(QStringLiteral("6 tokens"))) << meter->text().toStdString();
    EXPECT_TRUE(meter->text().contains(QStringLiteral("≈$"))) << "the cost of sending it";
    EXPECT_TRUE(gauge->isVisible());
    EXPECT_TRUE(gauge->toolTip().contains(QStringLiteral("0 % of the model's 128,000-token window")))
        << gauge->toolTip().toStdString();

    // A conversation of about 140,000 tokens: the next question cannot be sent whole.
    Core::SendOptions options;
    options.stream = false;
    auto first = services->chat().send(owner, QStringLiteral(" a").repeated(70'000), options);
    ASSERT_TRUE(first);
    ASSERT_TRUE(waitUntil([&] { return server.countRequests("/chat/completions") == 1; }, 30'000));
    window.chatPanel()->showConversation(first->conversationId);
    ASSERT_TRUE(waitUntil(
        [&] {
            auto* last = lastMessage(window);
            return last && last->message().state == Core::MessageState::Complete;
        },
        30'000));
    composer->setPlainText(QStringLiteral("and now?"));
    ASSERT_TRUE(waitUntil([&] { return gauge->toolTip().startsWith(QStringLiteral("109 %")); }, 10'000))
        << gauge->toolTip().toStdString();
    EXPECT_TRUE(meter->toolTip().contains(QStringLiteral("leave out the oldest message")))
        << meter->toolTip().toStdString();

    dialogs.nextConfirm = false;
    QTest::mouseClick(child<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto* banner = child<Ui::ErrorBanner>(&window, "errorBanner");
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(dialogs.confirmations.last().contains(QStringLiteral("Leave out the oldest message and send?")))
        << dialogs.confirmations.last().toStdString();
    EXPECT_EQ(composer->toPlainText(), QStringLiteral("and now?")) << "nothing lost";
    EXPECT_EQ(server.countRequests("/chat/completions"), 1) << "nothing sent";

    dialogs.nextConfirm = true;
    QTest::mouseClick(child<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil(
        [&] {
            auto* last = lastMessage(window);
            return server.countRequests("/chat/completions") == 2 && last &&
                   last->message().state == Core::MessageState::Complete;
        },
        30'000));
    const QString facts = child<QLabel>(lastMessage(window), "messageFooter")->text();
    EXPECT_TRUE(facts.contains(QStringLiteral("the oldest message left out to fit the window"))) << facts.toStdString();
}

TEST_F(BudgetsUiTest, ThePricesPageSetsAndResetsPricesListsUnpricedModelsAndChangesTheUsageSettings) {
    addPricedProvider();
    Ui::AdministrationWindow admin(*services, owner, dialogs);
    admin.show();
    Ui::PricesPage* page = admin.pricesPage();
    ASSERT_NE(page, nullptr);
    const auto rowOf = [page](const QString& model) {
        for (int row = 0; row < page->prices()->rowCount(); ++row) {
            if (page->prices()->item(row, 1)->text() == model) {
                return row;
            }
        }
        return -1;
    };
    const int listed = rowOf(QStringLiteral("gpt-5.4"));
    ASSERT_GE(listed, 0) << "the catalog's price of the provider's models";
    EXPECT_EQ(page->prices()->item(listed, 3)->text(), QStringLiteral("$2.50"));
    EXPECT_TRUE(page->prices()->item(listed, 2)->text().startsWith(QStringLiteral("Catalog")));

    // A negotiated rate, entered as an administrator types it (a decimal comma is fine in German).
    Ui::PriceDialog dialog({QStringLiteral("openai")});
    dialog.setListing(Core::PriceListing{QStringLiteral("openai"), QStringLiteral("gpt-5.4"), QStringLiteral("catalog"),
                                         Core::Price{}, std::nullopt, QString()});
    EXPECT_EQ(dialog.model()->text(), QStringLiteral("gpt-5.4"));
    dialog.input()->setText(QStringLiteral("two"));
    dialog.output()->setText(QStringLiteral("12"));
    QString problem;
    EXPECT_FALSE(dialog.entry(&problem));
    EXPECT_FALSE(problem.isEmpty());
    dialog.input()->setText(QStringLiteral("2"));
    dialog.cacheWrite()->setText(QStringLiteral("2.5"));
    const auto entry = dialog.entry(&problem);
    ASSERT_TRUE(entry) << problem.toStdString();
    EXPECT_EQ(entry->rates.input, 2'000'000);
    EXPECT_EQ(entry->rates.cachedInput, 2'000'000) << "the input price, unless given";
    EXPECT_EQ(entry->rates.cacheWrite, 2'500'000);
    EXPECT_EQ(entry->rates.output, 12'000'000);
    EXPECT_FALSE(entry->from) << "from now";
    ASSERT_TRUE(page->savePrice(*entry));
    int overridden = -1;
    for (int row = 0; row < page->prices()->rowCount(); ++row) {
        if (page->prices()->item(row, 1)->text() == QStringLiteral("gpt-5.4") &&
            page->prices()->item(row, 2)->text().startsWith(QStringLiteral("Set by"))) {
            overridden = row;
        }
    }
    ASSERT_GE(overridden, 0);
    EXPECT_EQ(page->prices()->item(overridden, 3)->text(), QStringLiteral("$2.00"));
    page->prices()->selectRow(overridden);
    EXPECT_TRUE(child<QPushButton>(page, "resetPrice")->isEnabled());
    ASSERT_TRUE(page->resetPrice(overridden));
    EXPECT_TRUE(dialogs.confirmations.last().endsWith(QStringLiteral("| Reset")));
    for (int row = 0; row < page->prices()->rowCount(); ++row) {
        EXPECT_FALSE(page->prices()->item(row, 2)->text().startsWith(QStringLiteral("Set by")));
    }
    Ui::PriceDialog nowhere({QStringLiteral("openai")});
    nowhere.model()->setText(QStringLiteral("gpt-5.4"));
    nowhere.input()->setText(QStringLiteral("1"));
    nowhere.output()->setText(QStringLiteral("1"));
    auto unknownProvider = nowhere.entry(&problem);
    ASSERT_TRUE(unknownProvider);
    unknownProvider->provider = QStringLiteral("gone");
    EXPECT_FALSE(page->savePrice(*unknownProvider));
    EXPECT_FALSE(dialogs.errors.isEmpty()) << "core's refusal is shown";

    // The usage settings: a zone this system does not know is refused and the stored one comes back.
    EXPECT_EQ(page->timeZone()->currentText(), QStringLiteral("UTC"));
    EXPECT_TRUE(page->promptCaching()->isChecked());
    page->timeZone()->setCurrentText(QStringLiteral("Nowhere/Land"));
    EXPECT_FALSE(page->saveSettings());
    EXPECT_EQ(page->timeZone()->currentText(), QStringLiteral("UTC"));
    page->timeZone()->setCurrentText(QStringLiteral("Europe/Berlin"));
    page->promptCaching()->setChecked(false);
    ASSERT_TRUE(page->saveSettings());
    EXPECT_EQ(services->usage().settings(), (Core::UsageSettings{QStringLiteral("Europe/Berlin"), false}));

    // A Member's answer from a model without a price shows up among the unpriced, ready to be priced.
    Core::LedgerEntry unpriced;
    unpriced.accountId = 1;
    unpriced.provider = QStringLiteral("openai");
    unpriced.model = QStringLiteral("gpt-private-1");
    unpriced.feature = QStringLiteral("chat");
    unpriced.inputTokens = 100;
    unpriced.outputTokens = 20;
    unpriced.outcome = QStringLiteral("complete");
    ASSERT_TRUE(services->usage().record(unpriced));
    page->refresh();
    ASSERT_EQ(page->unpriced()->rowCount(), 1);
    EXPECT_EQ(page->unpriced()->item(0, 1)->text(), QStringLiteral("gpt-private-1"));
    page->unpriced()->selectRow(0);
    EXPECT_TRUE(child<QPushButton>(page, "priceUnpriced")->isEnabled());

    // An Auditor sees prices and settings and changes nothing.
    const Core::Actor auditor =
        Core::Actor::withRole(9, QStringLiteral("aud"), Core::BuiltInRole::Auditor, Core::ClientKind::Test);
    Ui::PricesPage readOnly(*services, auditor, dialogs);
    EXPECT_GT(readOnly.prices()->rowCount(), 0);
    EXPECT_FALSE(child<QPushButton>(&readOnly, "setPrice")->isEnabled());
    EXPECT_FALSE(readOnly.promptCaching()->isEnabled());
    EXPECT_FALSE(child<QPushButton>(&readOnly, "applyUsageSettings")->isEnabled());
}
