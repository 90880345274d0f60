// Alert rules with an injectable clock: each rule raises once per condition and window, stays active while the
// condition holds, resolves when it ends and raises again in a later window; rule changes are audited and need
// quotas.manage; removing a rule resolves its alerts and keeps the history.
#include "usage/Alerts.h"

#include "audit/AuditLog.h"
#include "storage/AccountRepository.h"
#include "usage/BudgetGuard.h"
#include "usage/UsageLedger.h"

#include "support/CoreFixture.h"
#include "support/FakeClock.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeClock;

namespace {

class AlertsTest : public ::testing::Test {
protected:
    void SetUp() override {
        AccountRepository accounts(*core.db, core.clock);
        auto a = accounts.add(QStringLiteral("ada"), {}, qint64(BuiltInRole::Member));
        ASSERT_TRUE(a);
        ada = Actor::withRole(a->id, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
        guard = std::make_unique<BudgetGuard>(*core.db, *core.ledger, *core.prices, *core.audit, clock);
        alerts = std::make_unique<AlertService>(*core.db, *core.ledger, *guard, *core.audit, clock);
    }

    // An answer `secondsAgo` before the clock's now.
    void answer(const QString& provider, qint64 costMicros, const QString& outcome = QStringLiteral("complete"),
                qint64 secondsAgo = 0, std::optional<qint64> latencyMs = 1200) {
        LedgerEntry e;
        e.at = clock.nowUtc().addSecs(-secondsAgo);
        e.accountId = ada.userId;
        e.provider = provider;
        e.model = QStringLiteral("m");
        e.feature = QStringLiteral("chat");
        e.outcome = outcome;
        e.inputTokens = 100;
        e.outputTokens = 10;
        e.costMicros = costMicros;
        e.latencyMs = latencyMs;
        ASSERT_TRUE(core.ledger->record(e));
    }

    AlertRule add(AlertRule rule) {
        auto added = alerts->addRule(admin, rule);
        EXPECT_TRUE(added) << added.error().toLogString().toStdString();
        return added ? *added : rule;
    }

    AlertCheck evaluate() {
        auto check = alerts->evaluate();
        EXPECT_TRUE(check) << check.error().toLogString().toStdString();
        return check ? *check : AlertCheck{};
    }

    CoreFixture core;
    FakeClock clock{QDateTime(QDate(2026, 11, 10), QTime(9, 0), QTimeZone::utc())};
    std::unique_ptr<BudgetGuard> guard;
    std::unique_ptr<AlertService> alerts;
    const Actor admin = Actor::withRole(1, QStringLiteral("owner"), BuiltInRole::Administrator, ClientKind::Test);
    Actor ada;
};

} // namespace

TEST_F(AlertsTest, SpendTodayRaisesOnceResolvesTheNextDayAndRaisesAgain) {
    AlertRule rule;
    rule.kind = AlertKind::Spend;
    rule.amountMicros = 5'000'000;
    rule.spendWindow = QStringLiteral("day");
    rule = add(rule);
    EXPECT_EQ(rule.describe(), QStringLiteral("spend today above $5.00"));

    answer(QStringLiteral("openai"), 3'000'000);
    EXPECT_TRUE(evaluate().raised.empty()) << "$3 is under $5";
    answer(QStringLiteral("openai"), 3'000'000);
    AlertCheck first = evaluate();
    ASSERT_EQ(first.raised.size(), 1u);
    EXPECT_EQ(first.raised.front().condition, QStringLiteral("everyone"));
    EXPECT_EQ(first.raised.front().message, QStringLiteral("Spend today is $6.00, above $5.00."));
    EXPECT_EQ(first.active.size(), 1u);

    // Still above: the alert stays, nothing new is raised.
    answer(QStringLiteral("openai"), 1'000'000);
    AlertCheck again = evaluate();
    EXPECT_TRUE(again.raised.empty());
    EXPECT_TRUE(again.resolved.empty());
    EXPECT_EQ(again.active.size(), 1u);

    // The next day starts at $0: resolved.
    clock.advance(24LL * 3600 * 1000);
    AlertCheck nextDay = evaluate();
    ASSERT_EQ(nextDay.resolved.size(), 1u);
    EXPECT_TRUE(nextDay.active.empty());
    // Over again in the new window: a new alert.
    answer(QStringLiteral("openai"), 6'000'000);
    AlertCheck raisedAgain = evaluate();
    ASSERT_EQ(raisedAgain.raised.size(), 1u);
    EXPECT_NE(raisedAgain.raised.front().id, first.raised.front().id);

    auto history = alerts->alerts(admin, true);
    ASSERT_TRUE(history);
    EXPECT_EQ(history->size(), 2u);
    EXPECT_TRUE(history->front().active()) << "newest first";
    EXPECT_FALSE(history->back().active());
}

TEST_F(AlertsTest, ABudgetAtItsSoftLimitRaisesOncePerWindow) {
    Budget budget;
    budget.scope = BudgetScope::User;
    budget.subjectName = QStringLiteral("ada");
    budget.period = BudgetPeriod::Month;
    budget.limitMicros = 10'000'000;
    budget.softPercent = 80;
    ASSERT_TRUE(guard->set(admin, budget));
    AlertRule rule;
    rule.kind = AlertKind::BudgetSoft;
    add(rule);

    answer(QStringLiteral("openai"), 7'000'000);
    EXPECT_TRUE(evaluate().raised.empty()) << "70 %";
    answer(QStringLiteral("openai"), 1'500'000);
    AlertCheck reached = evaluate();
    ASSERT_EQ(reached.raised.size(), 1u);
    EXPECT_TRUE(reached.raised.front().message.contains(QStringLiteral("85 % used ($8.50 of $10.00)")))
        << reached.raised.front().message.toStdString();
    EXPECT_TRUE(evaluate().raised.empty()) << "once in the window";

    // December: a new window under the soft limit resolves it; reaching it again raises it again.
    clock.advance(25LL * 24 * 3600 * 1000);
    AlertCheck december = evaluate();
    EXPECT_EQ(december.resolved.size(), 1u);
    answer(QStringLiteral("openai"), 9'000'000);
    AlertCheck again = evaluate();
    ASSERT_EQ(again.raised.size(), 1u);
    EXPECT_EQ(again.active.size(), 1u);
}

TEST_F(AlertsTest, AProviderFailingTooOftenOrForTooLongOrTooSlowRaisesPerProvider) {
    AlertRule failing;
    failing.kind = AlertKind::FailureRate;
    failing.shareBasisPoints = 2000;
    failing.minutes = 15;
    failing = add(failing);
    EXPECT_EQ(failing.describe(), QStringLiteral("a provider failing over 20 % of requests in 15 minutes"));
    AlertRule down;
    down.kind = AlertKind::Unhealthy;
    down.provider = QStringLiteral("google");
    down.minutes = 10;
    add(down);
    AlertRule slow;
    slow.kind = AlertKind::Latency;
    slow.latencyMs = 8000;
    slow.minutes = 30;
    add(slow);

    // openai: 3 of 10 failed; anthropic: 1 of 10, and slow; google: failing for 12 minutes, but with two requests
    // too few to count as a failure rate (at least five).
    for (int i = 0; i < 10; ++i) {
        answer(QStringLiteral("openai"), 1000, i < 3 ? QStringLiteral("failed") : QStringLiteral("complete"), 60 * i);
        answer(QStringLiteral("anthropic"), 1000, i == 0 ? QStringLiteral("failed") : QStringLiteral("complete"),
               60 * i, 9000 + i);
    }
    answer(QStringLiteral("google"), 0, QStringLiteral("complete"), 20 * 60);
    answer(QStringLiteral("google"), 0, QStringLiteral("failed"), 12 * 60);
    answer(QStringLiteral("google"), 0, QStringLiteral("failed"), 60);
    AlertCheck check = evaluate();
    QStringList raised;
    for (const Alert& alert : check.raised) {
        raised << alert.rule + QStringLiteral(" / ") + alert.condition;
    }
    raised.sort();
    EXPECT_EQ(raised, (QStringList{
                          QStringLiteral("a provider answering slower than 8000 ms (p95) in 30 minutes / "
                                         "provider:anthropic"),
                          QStringLiteral("a provider failing over 20 % of requests in 15 minutes / provider:openai"),
                          QStringLiteral("google failing every request for 10 minutes / provider:google"),
                      }))
        << raised.join(QLatin1Char('\n')).toStdString();

    // google answers again: its unhealthy alert resolves; half an hour on, nothing is counted any more.
    answer(QStringLiteral("google"), 0, QStringLiteral("complete"));
    AlertCheck recovered = evaluate();
    bool googleResolved = false;
    for (const Alert& alert : recovered.resolved) {
        googleResolved = googleResolved || alert.rule.startsWith(QStringLiteral("google failing every"));
    }
    EXPECT_TRUE(googleResolved);
    clock.advance(40LL * 60 * 1000);
    EXPECT_TRUE(evaluate().active.empty());
}

TEST_F(AlertsTest, RulesNeedQuotasManageAreCheckedAuditedAndRemovedWithTheirAlerts) {
    AlertRule rule;
    rule.kind = AlertKind::Spend;
    rule.amountMicros = 1'000'000;
    rule.spendWindow = QStringLiteral("24h");
    auto refused = alerts->addRule(ada, rule);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(alerts->rules(ada).error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(alerts->alerts(ada).error().code, ErrorCode::AuthForbidden);

    AlertRule bad = rule;
    bad.spendWindow = QStringLiteral("fortnight");
    EXPECT_EQ(alerts->addRule(admin, bad).error().code, ErrorCode::InvalidArgument);
    bad = rule;
    bad.amountMicros = 0;
    EXPECT_EQ(alerts->addRule(admin, bad).error().code, ErrorCode::InvalidArgument);
    AlertRule share;
    share.kind = AlertKind::FailureRate;
    share.shareBasisPoints = 12'000;
    share.minutes = 5;
    EXPECT_EQ(alerts->addRule(admin, share).error().code, ErrorCode::InvalidArgument) << "120 %";
    share.shareBasisPoints = 1000;
    share.minutes = 0;
    EXPECT_EQ(alerts->addRule(admin, share).error().code, ErrorCode::InvalidArgument) << "no minutes";

    rule = add(rule);
    EXPECT_EQ(rule.describe(), QStringLiteral("spend in the last 24 hours above $1.00"));
    answer(QStringLiteral("openai"), 2'000'000, QStringLiteral("complete"), 3600);
    ASSERT_EQ(evaluate().raised.size(), 1u);
    ASSERT_TRUE(alerts->removeRule(admin, rule.id));
    EXPECT_EQ(alerts->removeRule(admin, rule.id).error().code, ErrorCode::NotFound);
    auto active = alerts->alerts(admin);
    ASSERT_TRUE(active);
    EXPECT_TRUE(active->empty()) << "resolved with its rule";
    auto history = alerts->alerts(admin, true);
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 1u);
    EXPECT_FALSE(history->front().ruleId.has_value());
    EXPECT_EQ(history->front().rule, QStringLiteral("spend in the last 24 hours above $1.00"));

    AuditFilter filter;
    filter.action = QStringLiteral("alert.*");
    auto entries = core.audit->list(admin, filter);
    ASSERT_TRUE(entries);
    EXPECT_EQ(entries->size(), 3u) << "a refusal, an addition and a removal";
}
