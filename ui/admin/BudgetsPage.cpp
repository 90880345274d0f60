#include "admin/BudgetsPage.h"

#include "accounts/AccountService.h"
#include "accounts/RoleService.h"
#include "app/CoreServices.h"
#include "style/Theme.h"
#include "style/Tokens.h"
#include "usage/Pricing.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"
#include "widgets/Money.h"
#include "widgets/Tables.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

enum BudgetColumn { ForColumn, WindowColumn, LimitColumn, WarnColumn, UseColumn, BudgetColumnCount };
enum LimitColumn { LimitForColumn, RpmColumn, ConcurrentColumn, LimitColumnCount };

QString windowName(Core::BudgetPeriod period) {
    switch (period) {
    case Core::BudgetPeriod::Day:
        return BudgetsPage::tr("Day");
    case Core::BudgetPeriod::Week:
        return BudgetsPage::tr("Week (Monday to Sunday)");
    case Core::BudgetPeriod::Month:
        return BudgetsPage::tr("Calendar month");
    case Core::BudgetPeriod::Total:
        return BudgetsPage::tr("In total (no reset)");
    }
    return {};
}

QString forText(Core::BudgetScope scope, const QString& subject) {
    switch (scope) {
    case Core::BudgetScope::User:
        return BudgetsPage::tr("User %1").arg(subject);
    case Core::BudgetScope::Role:
        return BudgetsPage::tr("Each member of %1").arg(subject);
    case Core::BudgetScope::Global:
        return BudgetsPage::tr("Everyone together");
    }
    return {};
}

QString limitText(const Core::Budget& budget) {
    QStringList parts;
    if (budget.limitMicros) {
        parts << moneyText(*budget.limitMicros);
    }
    if (budget.limitTokens) {
        parts << BudgetsPage::tr("%1 tokens").arg(QLocale().toString(*budget.limitTokens));
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

BudgetDialog::BudgetDialog(const QStringList& users, const QStringList& roles, bool mayGlobal, QWidget* parent)
    : QDialog(parent)
    , m_users(users)
    , m_roles(roles)
    , m_scope(new QComboBox(this))
    , m_subject(new QComboBox(this))
    , m_window(new QComboBox(this))
    , m_dollars(new QLineEdit(this))
    , m_tokens(new QLineEdit(this))
    , m_soft(new QSpinBox(this)) {
    setObjectName(QStringLiteral("budgetDialog"));
    setWindowTitle(tr("Budget"));
    m_scope->addItem(tr("A user"), int(Core::BudgetScope::User));
    m_scope->addItem(tr("Each member of a role"), int(Core::BudgetScope::Role));
    if (mayGlobal) {
        m_scope->addItem(tr("Everyone together"), int(Core::BudgetScope::Global));
    }
    m_subject->setEditable(true);
    m_subject->setAccessibleName(tr("User or role"));
    for (const Core::BudgetPeriod period :
         {Core::BudgetPeriod::Month, Core::BudgetPeriod::Week, Core::BudgetPeriod::Day, Core::BudgetPeriod::Total}) {
        m_window->addItem(windowName(period), int(period));
    }
    m_dollars->setPlaceholderText(tr("e.g. 25.00"));
    m_dollars->setAccessibleName(tr("Limit in US dollars"));
    m_tokens->setPlaceholderText(tr("e.g. 2000000"));
    m_tokens->setAccessibleName(tr("Limit in tokens"));
    m_soft->setRange(1, 100);
    m_soft->setValue(80);
    m_soft->setSuffix(QStringLiteral(" %"));
    auto* form = new QFormLayout;
    form->addRow(tr("&For:"), m_scope);
    form->addRow(tr("&Name:"), m_subject);
    form->addRow(tr("&Window:"), m_window);
    form->addRow(tr("&Dollars (US):"), m_dollars);
    form->addRow(tr("&Tokens:"), m_tokens);
    form->addRow(tr("Warn &at:"), m_soft);
    auto* hint = new QLabel(tr("Give dollars, tokens or both. A request that would go past a limit is not sent; "
                               "past the warning share the user is told once per window."),
                            this);
    hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &BudgetDialog::updateSubjects);
    updateSubjects();
}

void BudgetDialog::updateSubjects() {
    const auto scope = Core::BudgetScope(m_scope->currentData().toInt());
    m_subject->clear();
    m_subject->addItems(scope == Core::BudgetScope::User ? m_users : m_roles);
    m_subject->setEnabled(scope != Core::BudgetScope::Global);
}

void BudgetDialog::setBudget(const Core::Budget& budget) {
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(int(budget.scope))));
    m_subject->setCurrentText(budget.subjectName);
    m_window->setCurrentIndex(std::max(0, m_window->findData(int(budget.period))));
    m_dollars->setText(budget.limitMicros ? Core::usdDecimal(*budget.limitMicros) : QString());
    m_tokens->setText(budget.limitTokens ? QString::number(*budget.limitTokens) : QString());
    m_soft->setValue(budget.softPercent);
    // Which budget it is stays as it was: only its limits change.
    m_scope->setEnabled(false);
    m_subject->setEnabled(false);
    m_window->setEnabled(false);
}

std::optional<Core::Budget> BudgetDialog::budget(QString* problem) const {
    Core::Budget budget;
    budget.scope = Core::BudgetScope(m_scope->currentData().toInt());
    budget.subjectName = budget.scope == Core::BudgetScope::Global ? QString() : m_subject->currentText().trimmed();
    budget.period = Core::BudgetPeriod(m_window->currentData().toInt());
    budget.softPercent = m_soft->value();
    if (budget.scope != Core::BudgetScope::Global && budget.subjectName.isEmpty()) {
        *problem = tr("Choose the user or role the budget is for.");
        return std::nullopt;
    }
    if (!m_dollars->text().trimmed().isEmpty()) {
        // The locale's decimal comma is accepted too.
        QString text = m_dollars->text().trimmed();
        text.replace(QLocale().decimalPoint(), QStringLiteral("."));
        budget.limitMicros = Core::parseUsdAmount(text);
        if (!budget.limitMicros) {
            *problem = tr("Enter the dollars as a number, such as 25 or 9.50.");
            return std::nullopt;
        }
    }
    if (!m_tokens->text().trimmed().isEmpty()) {
        bool ok = false;
        const qint64 tokens = QLocale().toLongLong(m_tokens->text().trimmed(), &ok);
        if (!ok || tokens < 0) {
            *problem = tr("Enter the tokens as a whole number.");
            return std::nullopt;
        }
        budget.limitTokens = tokens;
    }
    if (!budget.limitMicros && !budget.limitTokens) {
        *problem = tr("Give a limit in dollars, in tokens, or both.");
        return std::nullopt;
    }
    return budget;
}

BudgetsPage::BudgetsPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_budgets(rowTable(this, QStringLiteral("budgetTable"),
                         {tr("For"), tr("Window"), tr("Limit"), tr("Warns at"), tr("Current use")}))
    , m_limits(
          rowTable(this, QStringLiteral("limitTable"), {tr("For"), tr("Requests per minute"), tr("Answers at once")}))
    , m_editBudget(new QPushButton(tr("&Change…"), this))
    , m_removeBudget(new QPushButton(tr("&Remove"), this))
    , m_removeLimit(new QPushButton(tr("Remove L&imit"), this)) {
    setObjectName(QStringLiteral("budgetsPage"));
    m_budgets->setAccessibleName(tr("Budgets"));
    m_limits->setAccessibleName(tr("Limits"));
    m_budgets->horizontalHeader()->setSectionResizeMode(ForColumn, QHeaderView::ResizeToContents);
    m_budgets->horizontalHeader()->setSectionResizeMode(WindowColumn, QHeaderView::ResizeToContents);
    m_budgets->horizontalHeader()->setSectionResizeMode(LimitColumn, QHeaderView::ResizeToContents);
    m_budgets->horizontalHeader()->setSectionResizeMode(WarnColumn, QHeaderView::ResizeToContents);
    m_limits->horizontalHeader()->setSectionResizeMode(LimitForColumn, QHeaderView::ResizeToContents);
    m_limits->horizontalHeader()->setSectionResizeMode(RpmColumn, QHeaderView::ResizeToContents);
    const bool mayChange = m_actor.may(Core::Permission::QuotasManage);
    auto* addBudget = new QPushButton(tr("&Add Budget…"), this);
    addBudget->setObjectName(QStringLiteral("addBudget"));
    m_editBudget->setObjectName(QStringLiteral("editBudget"));
    m_removeBudget->setObjectName(QStringLiteral("removeBudget"));
    auto* setLimit = new QPushButton(tr("&Set Limit…"), this);
    setLimit->setObjectName(QStringLiteral("setLimit"));
    m_removeLimit->setObjectName(QStringLiteral("removeLimit"));
    for (QPushButton* button : {addBudget, m_editBudget, m_removeBudget, setLimit, m_removeLimit}) {
        button->setAutoDefault(false);
        button->setEnabled(mayChange);
    }
    connect(addBudget, &QPushButton::clicked, this, [this] { openBudgetDialog(false); });
    connect(m_editBudget, &QPushButton::clicked, this, [this] { openBudgetDialog(true); });
    connect(m_budgets, &QTableWidget::cellActivated, this, [this, mayChange] {
        if (mayChange) {
            openBudgetDialog(true);
        }
    });
    connect(m_removeBudget, &QPushButton::clicked, this, [this] { removeBudget(m_budgets->currentRow()); });
    connect(setLimit, &QPushButton::clicked, this, &BudgetsPage::openLimitDialog);
    connect(m_removeLimit, &QPushButton::clicked, this, [this] { removeLimit(m_limits->currentRow()); });

    auto* budgetButtons = new QHBoxLayout;
    budgetButtons->addStretch(1);
    budgetButtons->addWidget(addBudget);
    budgetButtons->addWidget(m_editBudget);
    budgetButtons->addWidget(m_removeBudget);
    auto* limitButtons = new QHBoxLayout;
    limitButtons->addStretch(1);
    limitButtons->addWidget(setLimit);
    limitButtons->addWidget(m_removeLimit);
    auto* budgetsTitle = new QLabel(tr("<b>Budgets</b> — a request that would go past one is not sent"), this);
    auto* limitsTitle = new QLabel(tr("<b>Limits</b> — a user's own limit replaces their role's"), this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two, 0, 0, 0);
    layout->setSpacing(Style::Space::one);
    layout->addWidget(budgetsTitle);
    layout->addWidget(m_budgets, 3);
    layout->addLayout(budgetButtons);
    layout->addWidget(limitsTitle);
    layout->addWidget(m_limits, 2);
    layout->addLayout(limitButtons);
    refresh();
}

void BudgetsPage::refresh() {
    auto standings = m_services.budgets().overview(m_actor);
    if (!standings) {
        m_dialogs.showError(this, tr("Budgets"), describeError(standings.error()));
        return;
    }
    m_standings = std::move(*standings);
    m_budgets->setRowCount(int(m_standings.size()));
    for (int row = 0; row < int(m_standings.size()); ++row) {
        const Core::BudgetStanding& standing = m_standings[std::size_t(row)];
        const Core::Budget& budget = standing.budget;
        m_budgets->setItem(row, ForColumn, new QTableWidgetItem(forText(budget.scope, budget.subjectName)));
        m_budgets->setItem(row, WindowColumn, new QTableWidgetItem(windowName(budget.period)));
        m_budgets->setItem(row, LimitColumn, new QTableWidgetItem(limitText(budget)));
        m_budgets->setItem(row, WarnColumn,
                           new QTableWidgetItem(QStringLiteral("%1 %").arg(QLocale().toString(budget.softPercent))));
        // A row's bar is kept across refreshes (a replaced cell widget lingers until the event loop deletes it).
        auto* bar = qobject_cast<QProgressBar*>(m_budgets->cellWidget(row, UseColumn));
        if (!bar) {
            bar = new QProgressBar(m_budgets);
            m_budgets->setCellWidget(row, UseColumn, bar);
        }
        const double share = standing.share();
        bar->setRange(0, 1000);
        bar->setValue(int(std::min(1.0, share) * 1000));
        QString text = standingText(standing);
        if (budget.scope == Core::BudgetScope::Role && !standing.who.isEmpty()) {
            text = tr("%1: %2").arg(standing.who, text);
        }
        bar->setFormat(text);
        bar->setTextVisible(true);
        bar->setAccessibleName(text);
        QPalette palette = m_budgets->palette();
        if (standing.hardReached || standing.softReached) {
            palette.setColor(QPalette::Highlight,
                             standing.hardReached ? Style::tokens().danger : Style::tokens().warning);
        }
        bar->setPalette(palette);
    }
    auto limits = m_services.budgets().limits(m_actor);
    m_rateLimits = limits ? std::move(*limits) : std::vector<Core::RateLimit>{};
    m_limits->setRowCount(int(m_rateLimits.size()));
    const auto valueText = [](const std::optional<int>& value) {
        return value ? QLocale().toString(*value) : tr("no limit");
    };
    for (int row = 0; row < int(m_rateLimits.size()); ++row) {
        const Core::RateLimit& limit = m_rateLimits[std::size_t(row)];
        m_limits->setItem(row, LimitForColumn, new QTableWidgetItem(forText(limit.scope, limit.subjectName)));
        m_limits->setItem(row, RpmColumn, new QTableWidgetItem(valueText(limit.requestsPerMinute)));
        m_limits->setItem(row, ConcurrentColumn, new QTableWidgetItem(valueText(limit.concurrent)));
    }
}

bool BudgetsPage::saveBudget(const Core::Budget& budget) {
    if (auto saved = m_services.budgets().set(m_actor, budget); !saved) {
        m_dialogs.showError(this, tr("Budget"), describeError(saved.error()));
        return false;
    }
    refresh();
    return true;
}

bool BudgetsPage::removeBudget(int row) {
    if (row < 0 || row >= int(m_standings.size())) {
        return false;
    }
    const Core::Budget& budget = m_standings[std::size_t(row)].budget;
    if (!m_dialogs.confirm(this, tr("Remove Budget"),
                           tr("Remove the budget “%1, %2”? Requests are no longer checked against it.")
                               .arg(forText(budget.scope, budget.subjectName), windowName(budget.period)),
                           tr("Remove"))) {
        return false;
    }
    if (auto removed = m_services.budgets().remove(m_actor, budget.scope, budget.subjectName, budget.period);
        !removed) {
        m_dialogs.showError(this, tr("Remove Budget"), describeError(removed.error()));
        return false;
    }
    refresh();
    return true;
}

bool BudgetsPage::saveLimit(const Core::RateLimit& limit) {
    if (auto saved = m_services.budgets().setLimit(m_actor, limit); !saved) {
        m_dialogs.showError(this, tr("Limit"), describeError(saved.error()));
        return false;
    }
    refresh();
    return true;
}

bool BudgetsPage::removeLimit(int row) {
    if (row < 0 || row >= int(m_rateLimits.size())) {
        return false;
    }
    Core::RateLimit limit = m_rateLimits[std::size_t(row)];
    limit.requestsPerMinute.reset();
    limit.concurrent.reset();
    return saveLimit(limit);
}

QStringList BudgetsPage::userNames() const {
    QStringList names;
    if (auto users = m_services.accounts().users(m_actor)) {
        for (const Core::UserInfo& user : *users) {
            names << user.account.username;
        }
    }
    return names;
}

QStringList BudgetsPage::roleNames() const {
    QStringList names;
    if (auto roles = m_services.roles().list(m_actor)) {
        for (const Core::RoleInfo& info : *roles) {
            names << info.role.name;
        }
    }
    return names;
}

void BudgetsPage::openBudgetDialog(bool edit) {
    const int row = m_budgets->currentRow();
    if (edit && (row < 0 || row >= int(m_standings.size()))) {
        return;
    }
    BudgetDialog dialog(userNames(), roleNames(), m_actor.may(Core::Permission::RolesManage), this);
    if (edit) {
        dialog.setBudget(m_standings[std::size_t(row)].budget);
    }
    while (dialog.exec() == QDialog::Accepted) {
        QString problem;
        if (const auto budget = dialog.budget(&problem)) {
            if (saveBudget(*budget)) {
                return;
            }
            continue; // the error was shown; the entries stay for another try
        }
        m_dialogs.showError(&dialog, tr("Budget"), problem);
    }
}

void BudgetsPage::openLimitDialog() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Limit"));
    auto* scope = new QComboBox(&dialog);
    scope->addItem(tr("A user"), int(Core::BudgetScope::User));
    scope->addItem(tr("Each member of a role"), int(Core::BudgetScope::Role));
    auto* subject = new QComboBox(&dialog);
    subject->setEditable(true);
    const QStringList users = userNames();
    const QStringList roles = roleNames();
    const auto fill = [&] {
        subject->clear();
        subject->addItems(scope->currentIndex() == 0 ? users : roles);
    };
    fill();
    connect(scope, &QComboBox::currentIndexChanged, &dialog, fill);
    auto* rpm = new QSpinBox(&dialog);
    rpm->setRange(0, 100'000);
    rpm->setSpecialValueText(tr("no limit"));
    auto* concurrent = new QSpinBox(&dialog);
    concurrent->setRange(0, 1'000);
    concurrent->setSpecialValueText(tr("no limit"));
    auto* form = new QFormLayout;
    form->addRow(tr("&For:"), scope);
    form->addRow(tr("&Name:"), subject);
    form->addRow(tr("&Requests per minute:"), rpm);
    form->addRow(tr("&Answers at once:"), concurrent);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    while (dialog.exec() == QDialog::Accepted) {
        Core::RateLimit limit;
        limit.scope = Core::BudgetScope(scope->currentData().toInt());
        limit.subjectName = subject->currentText().trimmed();
        if (rpm->value() > 0) {
            limit.requestsPerMinute = rpm->value();
        }
        if (concurrent->value() > 0) {
            limit.concurrent = concurrent->value();
        }
        if (saveLimit(limit)) {
            return;
        }
    }
}

} // namespace Tessera::Ui
