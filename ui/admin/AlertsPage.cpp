#include "admin/AlertsPage.h"

#include "app/CoreServices.h"
#include "providers/ProviderService.h"
#include "style/Theme.h"
#include "style/Tokens.h"
#include "usage/Pricing.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"
#include "widgets/Money.h"
#include "widgets/Tables.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

enum RuleColumn { RuleTextColumn, RuleByColumn, RuleAtColumn, RuleColumnCount };
enum AlertColumn { StateColumn, RaisedColumn, AboutColumn, DetailColumn, AlertColumnCount };

QString providerWords(const QString& provider) {
    return provider.isEmpty() ? AlertsPage::tr("Any provider") : provider;
}

// "provider:openai" → "openai"; "budget:3:ada" → "budget #3 (ada)"; "everyone" → "everyone".
QString conditionText(const QString& condition) {
    if (condition.startsWith(QStringLiteral("provider:"))) {
        return condition.mid(9);
    }
    if (condition.startsWith(QStringLiteral("budget:"))) {
        const QStringList parts = condition.split(QLatin1Char(':'));
        return parts.value(2).isEmpty() ? AlertsPage::tr("budget #%1").arg(parts.value(1))
                                        : AlertsPage::tr("budget #%1 (%2)").arg(parts.value(1), parts.value(2));
    }
    return AlertsPage::tr("everyone");
}

} // namespace

QString alertRuleText(const Core::AlertRule& rule) {
    const QLocale locale;
    switch (rule.kind) {
    case Core::AlertKind::Spend: {
        const auto window = Core::SpendWindow::parse(rule.spendWindow).value_or(Core::SpendWindow{});
        const QString amount = moneyText(rule.amountMicros.value_or(0));
        switch (window.calendar) {
        case Core::SpendWindow::Calendar::Day:
            return AlertsPage::tr("Spend today above %1").arg(amount);
        case Core::SpendWindow::Calendar::Week:
            return AlertsPage::tr("Spend this week above %1").arg(amount);
        case Core::SpendWindow::Calendar::Month:
            return AlertsPage::tr("Spend this month above %1").arg(amount);
        case Core::SpendWindow::Calendar::None:
            break;
        }
        return AlertsPage::tr("Spend in the last %n hour(s) above %1", "", window.hours).arg(amount);
    }
    case Core::AlertKind::BudgetSoft:
        return AlertsPage::tr("A budget reaches its warning share");
    case Core::AlertKind::FailureRate:
        return AlertsPage::tr("%1: more than %2 of requests failed in %n minute(s)", "", rule.minutes)
            .arg(providerWords(rule.provider),
                 locale.toString(double(rule.shareBasisPoints.value_or(0)) / 100.0, 'g', 4) + QChar(0x202F) +
                     locale.percent());
    case Core::AlertKind::Unhealthy:
        return AlertsPage::tr("%1: every request failed for %n minute(s)", "", rule.minutes)
            .arg(providerWords(rule.provider));
    case Core::AlertKind::Latency:
        return AlertsPage::tr("%1: 95 % of answers slower than %2 ms in %n minute(s)", "", rule.minutes)
            .arg(providerWords(rule.provider), locale.toString(rule.latencyMs.value_or(0)));
    }
    return {};
}

QString alertText(const Core::Alert& alert, const std::vector<Core::AlertRule>& rules) {
    QString rule = alert.rule;
    for (const Core::AlertRule& each : rules) {
        if (alert.ruleId && each.id == *alert.ruleId) {
            rule = alertRuleText(each);
        }
    }
    return AlertsPage::tr("%1 · %2: %3").arg(rule, conditionText(alert.condition), alert.message);
}

AlertRuleDialog::AlertRuleDialog(const QStringList& providers, QWidget* parent)
    : QDialog(parent)
    , m_kind(new QComboBox(this))
    , m_dollars(new QLineEdit(this))
    , m_window(new QComboBox(this))
    , m_hours(new QSpinBox(this))
    , m_share(new QSpinBox(this))
    , m_minutes(new QSpinBox(this))
    , m_latency(new QSpinBox(this))
    , m_minRequests(new QSpinBox(this))
    , m_provider(new QComboBox(this))
    , m_hint(new QLabel(this)) {
    setObjectName(QStringLiteral("alertRuleDialog"));
    setWindowTitle(tr("Alert Rule"));
    m_kind->addItem(tr("Spend above an amount"), int(Core::AlertKind::Spend));
    m_kind->addItem(tr("A budget reaches its warning share"), int(Core::AlertKind::BudgetSoft));
    m_kind->addItem(tr("A provider fails too often"), int(Core::AlertKind::FailureRate));
    m_kind->addItem(tr("A provider fails every request"), int(Core::AlertKind::Unhealthy));
    m_kind->addItem(tr("A provider answers slowly"), int(Core::AlertKind::Latency));
    m_dollars->setPlaceholderText(tr("e.g. 500.00"));
    m_dollars->setAccessibleName(tr("Amount in US dollars"));
    m_window->addItem(tr("Today"), QStringLiteral("day"));
    m_window->addItem(tr("This week"), QStringLiteral("week"));
    m_window->addItem(tr("This month"), QStringLiteral("month"));
    m_window->addItem(tr("The last hours"), QString());
    m_hours->setRange(1, 720);
    m_hours->setValue(24);
    m_hours->setSuffix(tr(" h"));
    m_share->setRange(1, 99);
    m_share->setValue(20);
    m_share->setSuffix(QStringLiteral(" %"));
    m_minutes->setRange(1, 10'080);
    m_minutes->setValue(15);
    m_minutes->setSuffix(tr(" min"));
    m_latency->setRange(1, 600'000);
    m_latency->setValue(10'000);
    m_latency->setSingleStep(500);
    m_latency->setSuffix(tr(" ms"));
    m_minRequests->setRange(1, 10'000);
    m_minRequests->setValue(5);
    m_provider->addItem(tr("Any provider (each on its own)"), QString());
    for (const QString& name : providers) {
        m_provider->addItem(name, name);
    }
    auto* form = new QFormLayout;
    const auto row = [&](const QString& label, QWidget* field) {
        auto* text = new QLabel(label, this);
        text->setBuddy(field);
        form->addRow(text, field);
        m_rows.emplace_back(text, field);
    };
    row(tr("&Alert when:"), m_kind);
    row(tr("A&mount (US dollars):"), m_dollars);
    row(tr("&Window:"), m_window);
    row(tr("&Hours:"), m_hours);
    row(tr("&Provider:"), m_provider);
    row(tr("&Failed share above:"), m_share);
    row(tr("&Slower than (p95):"), m_latency);
    row(tr("&Over the last:"), m_minutes);
    row(tr("At &least requests:"), m_minRequests);
    m_hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AlertRuleDialog::showFields);
    connect(m_window, &QComboBox::currentIndexChanged, this, &AlertRuleDialog::showFields);
    showFields();
}

void AlertRuleDialog::showFields() {
    const auto kind = Core::AlertKind(m_kind->currentData().toInt());
    const bool spend = kind == Core::AlertKind::Spend;
    const bool timed =
        kind == Core::AlertKind::FailureRate || kind == Core::AlertKind::Unhealthy || kind == Core::AlertKind::Latency;
    const std::pair<QWidget*, bool> shown[] = {
        {m_dollars, spend},
        {m_window, spend},
        {m_hours, spend && m_window->currentData().toString().isEmpty()},
        {m_provider, timed},
        {m_share, kind == Core::AlertKind::FailureRate},
        {m_latency, kind == Core::AlertKind::Latency},
        {m_minutes, timed},
        {m_minRequests, kind == Core::AlertKind::FailureRate || kind == Core::AlertKind::Latency},
    };
    for (const auto& [label, field] : m_rows) {
        for (const auto& [widget, visible] : shown) {
            if (widget == field) {
                label->setVisible(visible);
                field->setVisible(visible);
            }
        }
    }
    switch (kind) {
    case Core::AlertKind::Spend:
        m_hint->setText(tr("Everyone's spend together, in the usage time zone's day, week or month."));
        break;
    case Core::AlertKind::BudgetSoft:
        m_hint->setText(tr("Any budget (a person's, a role member's or everyone's) reaching the share where it "
                           "warns, once per budget window."));
        break;
    case Core::AlertKind::FailureRate:
    case Core::AlertKind::Latency:
        m_hint->setText(tr("Counted only when the provider had at least that many requests in the minutes."));
        break;
    case Core::AlertKind::Unhealthy:
        m_hint->setText(tr("Every request since the provider's last answer failed, for at least these minutes."));
        break;
    }
    adjustSize();
}

std::optional<Core::AlertRule> AlertRuleDialog::rule(QString* problem) const {
    Core::AlertRule rule;
    rule.kind = Core::AlertKind(m_kind->currentData().toInt());
    switch (rule.kind) {
    case Core::AlertKind::Spend: {
        QString text = m_dollars->text().trimmed();
        text.replace(QLocale().decimalPoint(), QStringLiteral("."));
        rule.amountMicros = Core::parseUsdAmount(text);
        if (!rule.amountMicros || *rule.amountMicros <= 0) {
            *problem = tr("Enter the amount as a number above 0, such as 500 or 12.50.");
            return std::nullopt;
        }
        const QString window = m_window->currentData().toString();
        rule.spendWindow = window.isEmpty() ? QString::number(m_hours->value()) + QLatin1Char('h') : window;
        break;
    }
    case Core::AlertKind::BudgetSoft:
        break;
    case Core::AlertKind::FailureRate:
        rule.shareBasisPoints = m_share->value() * 100;
        break;
    case Core::AlertKind::Unhealthy:
        break;
    case Core::AlertKind::Latency:
        rule.latencyMs = m_latency->value();
        break;
    }
    if (rule.kind == Core::AlertKind::FailureRate || rule.kind == Core::AlertKind::Unhealthy ||
        rule.kind == Core::AlertKind::Latency) {
        rule.minutes = m_minutes->value();
        rule.provider = m_provider->currentData().toString();
        rule.minRequests = m_minRequests->value();
    }
    return rule;
}

AlertsPage::AlertsPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_rules(rowTable(this, QStringLiteral("alertRuleTable"), {tr("Rule"), tr("Added by"), tr("Added")}))
    , m_alerts(rowTable(this, QStringLiteral("alertTable"), {tr("State"), tr("Raised"), tr("About"), tr("What")}))
    , m_showResolved(new QCheckBox(tr("Show &resolved alerts too"), this))
    , m_remove(new QPushButton(tr("&Remove Rule"), this)) {
    setObjectName(QStringLiteral("alertsPage"));
    m_rules->setAccessibleName(tr("Alert rules"));
    m_alerts->setAccessibleName(tr("Alerts"));
    m_rules->horizontalHeader()->setSectionResizeMode(RuleTextColumn, QHeaderView::Stretch);
    m_alerts->horizontalHeader()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    m_alerts->horizontalHeader()->setSectionResizeMode(RaisedColumn, QHeaderView::ResizeToContents);
    m_alerts->horizontalHeader()->setSectionResizeMode(AboutColumn, QHeaderView::ResizeToContents);
    const bool mayChange = m_actor.may(Core::Permission::QuotasManage);
    auto* add = new QPushButton(tr("&Add Rule…"), this);
    add->setObjectName(QStringLiteral("addAlertRule"));
    m_remove->setObjectName(QStringLiteral("removeAlertRule"));
    auto* check = new QPushButton(tr("&Check Now"), this);
    check->setObjectName(QStringLiteral("checkAlerts"));
    for (QPushButton* button : {add, m_remove, check}) {
        button->setAutoDefault(false);
    }
    add->setEnabled(mayChange);
    m_remove->setEnabled(mayChange);
    connect(add, &QPushButton::clicked, this, &AlertsPage::openRuleDialog);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeRule(m_rules->currentRow()); });
    connect(check, &QPushButton::clicked, this, &AlertsPage::checkNow);
    connect(m_showResolved, &QCheckBox::toggled, this, &AlertsPage::refresh);
    // The monitor's evaluations (after answers, every minute) show here at once.
    connect(&m_services.alertMonitor(), &Core::AlertMonitor::changed, this, &AlertsPage::refresh);

    auto* ruleButtons = new QHBoxLayout;
    ruleButtons->addStretch(1);
    ruleButtons->addWidget(add);
    ruleButtons->addWidget(m_remove);
    auto* alertButtons = new QHBoxLayout;
    alertButtons->addWidget(m_showResolved);
    alertButtons->addStretch(1);
    alertButtons->addWidget(check);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two, 0, 0, 0);
    layout->setSpacing(Style::Space::one);
    layout->addWidget(new QLabel(tr("<b>Rules</b> — each raises an alert once per provider, budget or window"), this));
    layout->addWidget(m_rules, 2);
    layout->addLayout(ruleButtons);
    layout->addWidget(new QLabel(tr("<b>Alerts</b> — active until what raised them ends"), this));
    layout->addWidget(m_alerts, 3);
    layout->addLayout(alertButtons);
    refresh();
}

void AlertsPage::refresh() {
    auto rules = m_services.alerts().rules(m_actor);
    if (!rules) {
        m_dialogs.showError(this, tr("Alerts"), describeError(rules.error()));
        return;
    }
    m_ruleList = std::move(*rules);
    const QLocale locale;
    m_rules->setRowCount(int(m_ruleList.size()));
    QHash<qint64, QString> names;
    for (int row = 0; row < int(m_ruleList.size()); ++row) {
        const Core::AlertRule& rule = m_ruleList[std::size_t(row)];
        names.insert(rule.id, alertRuleText(rule));
        m_rules->setItem(row, RuleTextColumn, new QTableWidgetItem(names.value(rule.id)));
        m_rules->setItem(row, RuleByColumn, new QTableWidgetItem(rule.createdBy));
        m_rules->setItem(row, RuleAtColumn,
                         new QTableWidgetItem(locale.toString(rule.createdAt.toLocalTime(), QLocale::ShortFormat)));
    }
    auto alerts = m_services.alerts().alerts(m_actor, m_showResolved->isChecked());
    if (!alerts) {
        m_dialogs.showError(this, tr("Alerts"), describeError(alerts.error()));
        return;
    }
    m_alerts->setRowCount(int(alerts->size()));
    for (int row = 0; row < int(alerts->size()); ++row) {
        const Core::Alert& alert = (*alerts)[std::size_t(row)];
        auto* state = new QTableWidgetItem(
            alert.active()
                ? tr("Active")
                : tr("Resolved %1").arg(locale.toString(alert.resolvedAt->toLocalTime(), QLocale::ShortFormat)));
        if (alert.active()) {
            state->setForeground(Style::tokens().danger);
        }
        m_alerts->setItem(row, StateColumn, state);
        m_alerts->setItem(row, RaisedColumn,
                          new QTableWidgetItem(locale.toString(alert.raisedAt.toLocalTime(), QLocale::ShortFormat)));
        const QString rule = alert.ruleId && names.contains(*alert.ruleId) ? names.value(*alert.ruleId) : alert.rule;
        m_alerts->setItem(row, AboutColumn,
                          new QTableWidgetItem(tr("%1 · %2").arg(rule, conditionText(alert.condition))));
        auto* detail = new QTableWidgetItem(alert.message);
        detail->setToolTip(alert.message); // the whole of it where the column cuts it
        m_alerts->setItem(row, DetailColumn, detail);
    }
}

bool AlertsPage::saveRule(const Core::AlertRule& rule) {
    if (auto added = m_services.alerts().addRule(m_actor, rule); !added) {
        m_dialogs.showError(this, tr("Alert Rule"), describeError(added.error()));
        return false;
    }
    m_services.alertMonitor().evaluateNow(); // a rule already true shows at once
    refresh();
    return true;
}

bool AlertsPage::removeRule(int row) {
    if (row < 0 || row >= int(m_ruleList.size())) {
        return false;
    }
    const Core::AlertRule& rule = m_ruleList[std::size_t(row)];
    if (!m_dialogs.confirm(
            this, tr("Remove Alert Rule"),
            tr("Remove the rule “%1”? Its active alerts are resolved; the history stays.").arg(alertRuleText(rule)),
            tr("Remove"))) {
        return false;
    }
    if (auto removed = m_services.alerts().removeRule(m_actor, rule.id); !removed) {
        m_dialogs.showError(this, tr("Remove Alert Rule"), describeError(removed.error()));
        return false;
    }
    m_services.alertMonitor().evaluateNow();
    refresh();
    return true;
}

void AlertsPage::checkNow() {
    m_services.alertMonitor().evaluateNow();
    refresh();
}

void AlertsPage::openRuleDialog() {
    QStringList providers;
    if (auto configured = m_services.providers().list(m_actor)) {
        for (const Core::ProviderConfig& config : *configured) {
            providers << config.name;
        }
    }
    AlertRuleDialog dialog(providers, this);
    while (dialog.exec() == QDialog::Accepted) {
        QString problem;
        if (const auto rule = dialog.rule(&problem)) {
            if (saveRule(*rule)) {
                return;
            }
            continue; // the error was shown; the entries stay for another try
        }
        m_dialogs.showError(&dialog, tr("Alert Rule"), problem);
    }
}

} // namespace Tessera::Ui
