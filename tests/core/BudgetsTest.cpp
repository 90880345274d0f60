// Budgets and limits in core, on both engines: a refused request sends nothing and stores nothing; answers started
// at once see each other's reservations (in one process and across connections); the tightest budget is named;
// soft limits warn once per window; requests per minute and answers at once are limited; a dead process's
// reservations stop counting; a dollar budget refuses an unpriced model; changes are audited and a Manager sets
// them for Members only.
#include "usage/BudgetGuard.h"
#include "usage/ContextEstimate.h"

#include "audit/AuditLog.h"
#include "storage/AccountRepository.h"
#include "usage/PriceBook.h"
#include "usage/UsageLedger.h"

#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/QtPrinters.h"
#include "support/TestHelpers.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

class BudgetsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        ProviderConfig config;
        config.name = QStringLiteral("openai");
        config.kind = ProviderKind::OpenAi; // priced from the catalog: gpt-5.4 at $2.50 in, $15 out per million
        config.baseUrl = server.baseUrl();
        config.defaultModel = QStringLiteral("gpt-5.4");
        ASSERT_TRUE(core.providers->add(config));
        auto added =
            AccountRepository(*core.db, core.clock).add(QStringLiteral("ada"), {}, qint64(BuiltInRole::Member));
        ASSERT_TRUE(added);
        ada = Actor::withRole(added->id, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
        QObject::connect(core.chat.get(), &ChatService::turnFinished,
                         [this](const TurnOutcome& outcome) { outcomes.push_back(outcome); });
    }

    Result<TurnStart> start(const Actor& actor, std::optional<int> maxTokens = 200,
                            const QString& prompt = QStringLiteral("hi")) {
        SendOptions options;
        options.maxTokens = maxTokens;
        return core.chat->send(actor, prompt, options);
    }

    void setBudget(BudgetScope scope, const QString& subject, BudgetPeriod period, std::optional<qint64> micros,
                   std::optional<qint64> tokens = std::nullopt, int soft = 80) {
        Budget budget;
        budget.scope = scope;
        budget.subjectName = subject;
        budget.period = period;
        budget.limitMicros = micros;
        budget.limitTokens = tokens;
        budget.softPercent = soft;
        auto set = core.budgets->set(admin, budget);
        ASSERT_TRUE(set) << set.error().toLogString().toStdString();
    }

    int chatRequests() const { return server.countRequests("/chat/completions"); }

    CoreFixture core;
    FakeProviderServer server;
    std::vector<TurnOutcome> outcomes;
    const Actor admin = Actor::owner(ClientKind::Test);
    Actor ada;
};

// "hi" with at most 200 output tokens on gpt-5.4 may cost ≈ 10 input tokens × $2.50 + 200 × $15 per million:
// just over $0.003. A $0.01 budget fits three of them.
constexpr qint64 tenMillicents = 10'000;

} // namespace

TEST_F(BudgetsTest, ARefusedRequestSendsNothingAndStoresNothingAndSaysWhichBudget) {
    setBudget(BudgetScope::User, QStringLiteral("ada"), BudgetPeriod::Month, tenMillicents);
    // Without a maximum the request may use the model's whole output limit (128,000 tokens: $1.92).
    auto refused = start(ada, std::nullopt);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::QuotaExceeded);
    ASSERT_TRUE(refused.error().quota);
    EXPECT_EQ(refused.error().quota->limitName, QStringLiteral("the monthly budget of user ada"));
    EXPECT_EQ(refused.error().quota->unit, QStringLiteral("usd"));
    EXPECT_EQ(refused.error().quota->limit, tenMillicents);
    EXPECT_GT(refused.error().quota->requested, 1'900'000);
    EXPECT_TRUE(refused.error().quota->resetsAt.isValid());
    EXPECT_TRUE(refused.error().detail.contains(QStringLiteral("resets at"))) << refused.error().detail.toStdString();
    EXPECT_EQ(refused.error().subject, QStringLiteral("openai/gpt-5.4"));
    QCoreApplication::processEvents();
    EXPECT_EQ(chatRequests(), 0) << "nothing was sent";
    EXPECT_TRUE(core.conversations->list(ListScope::Active, {}, ada.userId)->empty()) << "nothing was stored";

    auto allowed = start(ada, 200);
    ASSERT_TRUE(allowed) << allowed.error().toLogString().toStdString();
    ASSERT_TRUE(waitUntil([&] { return !outcomes.empty(); }));
    EXPECT_FALSE(outcomes.back().error);
    auto standing = core.budgets->status(ada);
    ASSERT_TRUE(standing);
    ASSERT_EQ(standing->size(), 1u);
    EXPECT_EQ(standing->front().reservedMicros, 0) << "settled when the answer was recorded";
    EXPECT_EQ(standing->front().usedMicros, *outcomes.back().costMicros);
}

TEST_F(BudgetsTest, AnswersStartedAtOnceSeeEachOthersReservations) {
    setBudget(BudgetScope::User, QStringLiteral("ada"), BudgetPeriod::Day, tenMillicents);
    int started = 0;
    int refused = 0;
    for (int i = 0; i < 5; ++i) {
        auto turn = start(ada, 200, QStringLiteral("question %1").arg(i));
        if (turn) {
            ++started;
        } else {
            EXPECT_EQ(turn.error().code, ErrorCode::QuotaExceeded);
            ++refused;
        }
    }
    EXPECT_EQ(started, 3);
    EXPECT_EQ(refused, 2);
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 3; }));
    auto standing = core.budgets->status(ada);
    ASSERT_TRUE(standing);
    EXPECT_LE(standing->front().usedMicros, tenMillicents) << "the total never passes the limit";
    EXPECT_EQ(chatRequests(), 3);
}

TEST_F(BudgetsTest, ReservationsFromManyConnectionsAtOnceNeverPassTheLimit) {
    setBudget(BudgetScope::Global, {}, BudgetPeriod::Total, tenMillicents);
    RequestEstimate estimate;
    estimate.inputTokens = 10;
    estimate.maxOutputTokens = 200;
    estimate.costMicros = 3'000;
    std::atomic<int> granted{0};
    std::atomic<int> exceeded{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&, i] {
            Actor someone =
                Actor::withRole(100 + i, QStringLiteral("user%1").arg(i), BuiltInRole::Member, ClientKind::Test);
            for (int attempt = 0; attempt < 20; ++attempt) {
                auto reserved = core.budgets->reserve(someone, estimate);
                if (reserved) {
                    ++granted;
                } else if (reserved.error().code == ErrorCode::QuotaExceeded) {
                    ++exceeded;
                } else if (reserved.error().code == ErrorCode::StoreBusy) {
                    continue; // another writer held the store past the busy timeout: try again
                } else {
                    ADD_FAILURE() << reserved.error().toLogString().toStdString();
                }
                break;
            }
            core.db->closeThreadConnection();
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(granted.load(), 3) << "three reservations of $0.003 fit in $0.01, whatever the timing";
    EXPECT_EQ(exceeded.load(), 5);
}

TEST_F(BudgetsTest, TheTightestBudgetWinsAndTokenBudgetsCountTokens) {
    setBudget(BudgetScope::User, QStringLiteral("ada"), BudgetPeriod::Month, 1'000'000);
    setBudget(BudgetScope::Role, QStringLiteral("Member"), BudgetPeriod::Day, 5'000);
    setBudget(BudgetScope::Global, {}, BudgetPeriod::Week, 2'000'000);
    ASSERT_TRUE(start(ada, 200));
    auto refused = start(ada, 200);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().quota->limitName, QStringLiteral("the daily budget of role Member"));
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 1; }));

    ASSERT_TRUE(core.budgets->remove(admin, BudgetScope::Role, QStringLiteral("Member"), std::nullopt));
    setBudget(BudgetScope::User, QStringLiteral("ada"), BudgetPeriod::Month, std::nullopt, 300);
    auto tokens = start(ada, 400);
    ASSERT_FALSE(tokens) << "400 output tokens cannot fit in 300";
    EXPECT_EQ(tokens.error().quota->unit, QStringLiteral("tokens"));
    auto listed = core.budgets->list(admin);
    ASSERT_TRUE(listed);
    const auto adas = std::find_if(listed->begin(), listed->end(), [](const Budget& b) {
        return b.scope == BudgetScope::User && b.period == BudgetPeriod::Month;
    });
    ASSERT_NE(adas, listed->end());
    EXPECT_EQ(adas->limitMicros, 1'000'000) << "setting the token limit kept the dollar limit";
    EXPECT_EQ(adas->limitTokens, 300);
}

TEST_F(BudgetsTest, ASoftLimitWarnsOncePerWindow) {
    setBudget(BudgetScope::User, QStringLiteral("ada"), BudgetPeriod::Month, tenMillicents, std::nullopt, 50);
    auto first = start(ada, 200);
    ASSERT_TRUE(first);
    EXPECT_TRUE(first->budgetWarnings.empty()) << "about 30 % used";
    auto second = start(ada, 200);
    ASSERT_TRUE(second);
    ASSERT_EQ(second->budgetWarnings.size(), 1u);
    EXPECT_TRUE(second->budgetWarnings.front().limitName.contains(QStringLiteral("the monthly budget of user ada")));
    EXPECT_EQ(second->budgetWarnings.front().period, QStringLiteral("month"));
    EXPECT_EQ(second->budgetWarnings.front().limit, tenMillicents);
    auto third = start(ada, 200);
    ASSERT_TRUE(third);
    EXPECT_TRUE(third->budgetWarnings.empty()) << "said once per window";
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 3; }));
}

TEST_F(BudgetsTest, RequestsPerMinuteAndAnswersAtOnceAreLimited) {
    RateLimit limit;
    limit.scope = BudgetScope::Role;
    limit.subjectName = QStringLiteral("Member");
    limit.requestsPerMinute = 2;
    ASSERT_TRUE(core.budgets->setLimit(admin, limit));
    ASSERT_TRUE(start(ada));
    ASSERT_TRUE(start(ada));
    auto third = start(ada);
    ASSERT_FALSE(third);
    EXPECT_EQ(third.error().code, ErrorCode::QuotaRateLimited);
    ASSERT_TRUE(third.error().retryAfterMs);
    EXPECT_GT(*third.error().retryAfterMs, 0);
    EXPECT_LE(*third.error().retryAfterMs, 60'000);
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 2; }));

    // A user's own limit replaces their role's: one answer at a time.
    RateLimit own;
    own.scope = BudgetScope::User;
    own.subjectName = QStringLiteral("ada");
    own.concurrent = 1;
    ASSERT_TRUE(core.budgets->setLimit(admin, own));
    ASSERT_TRUE(start(ada, 200, QStringLiteral("[[slow]] take your time")));
    auto second = start(ada);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::QuotaRateLimited);
    EXPECT_EQ(second.error().quota->unit, QStringLiteral("concurrent"));
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 3; }, 20'000));
    EXPECT_TRUE(start(ada)) << "the first answer ended";
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 4; }));
    auto limits = core.budgets->limits(admin);
    ASSERT_TRUE(limits);
    EXPECT_EQ(limits->size(), 2u);
}

TEST_F(BudgetsTest, ADeadProcessesReservationsStopCounting) {
    setBudget(BudgetScope::User, QStringLiteral("ada"), BudgetPeriod::Month, tenMillicents);
    ASSERT_TRUE(core.db->exec(QStringLiteral("INSERT INTO usage_reservations (account_id, owner, started_at, "
                                             "cost_micros, tokens) VALUES (?, 'a-process-that-died', ?, 9000, 10)"),
                              {ada.userId, toStoredTime(QDateTime::currentDateTimeUtc())}));
    EXPECT_TRUE(start(ada, 200)) << "the dead process's $0.009 no longer holds the budget";
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 1; }));
}

TEST_F(BudgetsTest, ADollarBudgetRefusesAModelWithoutAPrice) {
    setBudget(BudgetScope::Global, {}, BudgetPeriod::Month, 5'000'000);
    SendOptions options;
    options.model = QStringLiteral("gpt-unreleased");
    auto refused = core.chat->send(ada, QStringLiteral("hi"), options);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::QuotaExceeded);
    EXPECT_TRUE(refused.error().detail.contains(QStringLiteral("no price"))) << refused.error().detail.toStdString();
    ASSERT_TRUE(core.prices->set(admin, QStringLiteral("openai"), QStringLiteral("gpt-unreleased"),
                                 {1'000'000, 1'000'000, 1'000'000, 1'000'000, 1'000'000}));
    EXPECT_TRUE(core.chat->send(ada, QStringLiteral("hi"), options)) << "priced now";
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 1; }));
}

TEST_F(BudgetsTest, ChangesAreAuditedAndAManagerSetsThemForMembersOnly) {
    const Actor manager = Actor::withRole(50, QStringLiteral("mia"), BuiltInRole::Manager, ClientKind::Test);
    Budget budget;
    budget.scope = BudgetScope::User;
    budget.subjectName = QStringLiteral("ada");
    budget.period = BudgetPeriod::Week;
    budget.limitMicros = 3'000'000;
    EXPECT_TRUE(core.budgets->set(manager, budget));
    budget.subjectName = QStringLiteral("owner"); // an Administrator
    EXPECT_EQ(core.budgets->set(manager, budget).error().code, ErrorCode::AuthForbidden);
    budget.scope = BudgetScope::Global;
    EXPECT_EQ(core.budgets->set(manager, budget).error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(core.budgets->set(ada, budget).error().code, ErrorCode::AuthForbidden) << "a Member sets none";
    budget.scope = BudgetScope::User;
    budget.subjectName = QStringLiteral("nobody");
    EXPECT_EQ(core.budgets->set(admin, budget).error().code, ErrorCode::NotFound);
    budget.subjectName = QStringLiteral("ada");
    budget.softPercent = 0;
    EXPECT_EQ(core.budgets->set(admin, budget).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(core.budgets->remove(admin, BudgetScope::User, QStringLiteral("ada"), BudgetPeriod::Day).error().code,
              ErrorCode::NotFound);
    EXPECT_TRUE(core.budgets->remove(manager, BudgetScope::User, QStringLiteral("ada"), BudgetPeriod::Week));
    AuditFilter filter;
    filter.action = QStringLiteral("budget.*");
    auto entries = core.audit->list(admin, filter);
    ASSERT_TRUE(entries);
    EXPECT_EQ(entries->size(), 5u) << "a set, three refusals and a removal";

    // Everyone sees where they stand; another's standing needs quotas.manage or usage.view_all.
    const Actor bob = Actor::withRole(77, QStringLiteral("bob"), BuiltInRole::Member, ClientKind::Test);
    EXPECT_TRUE(core.budgets->status(ada));
    EXPECT_EQ(core.budgets->status(bob, QStringLiteral("ada")).error().code, ErrorCode::AuthForbidden);
    EXPECT_TRUE(core.budgets->status(manager, QStringLiteral("ada")));
}

TEST_F(BudgetsTest, AConversationPastTheWindowIsRefusedUntilTheUserLeavesOutTheOldestTurns) {
    ProviderConfig config = *core.providers->findByName(QStringLiteral("openai"));
    config.defaultModel = QStringLiteral("gpt-4o"); // a window of 128,000 tokens
    ASSERT_TRUE(core.providers->update(config));
    SendOptions options;
    options.stream = false;
    QString big;
    for (int i = 0; i < 70'000; ++i) {
        big += QStringLiteral(" a");
    }
    auto first = core.chat->send(ada, big, options);
    ASSERT_TRUE(first) << first.error().toLogString().toStdString();
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 1; }, 30'000));
    ASSERT_FALSE(outcomes.back().error);
    const int sentBefore = chatRequests();

    // The question and its echoed answer are about 140,000 tokens: the next request cannot fit.
    options.conversationId = first->conversationId;
    auto refused = core.chat->send(ada, QStringLiteral("and now?"), options);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::ContextTooLong);
    EXPECT_TRUE(refused.error().detail.contains(QStringLiteral("128000"))) << refused.error().detail.toStdString();
    QCoreApplication::processEvents();
    EXPECT_EQ(chatRequests(), sentBefore) << "nothing was sent";
    EXPECT_EQ(core.messages->path(first->conversationId)->size(), 2u) << "nothing was stored";

    // The composer's estimate says the same, and how many messages to leave out.
    ContextInput input;
    input.provider = config;
    input.model = QStringLiteral("gpt-4o");
    const auto branch = core.messages->path(first->conversationId);
    ASSERT_TRUE(branch);
    for (const Message& message : *branch) {
        input.history.push_back(message.content);
    }
    input.draft = QStringLiteral("and now?");
    const ContextEstimate estimate = estimateContext(input);
    EXPECT_EQ(estimate.contextWindow, 128'000);
    EXPECT_GT(estimate.inputTokens, 128'000);
    EXPECT_TRUE(estimate.exact);
    EXPECT_EQ(estimate.leaveOut, 1) << "leaving out the long question is enough";

    options.leaveOutOldest = estimate.leaveOut;
    auto fits = core.chat->send(ada, QStringLiteral("and now?"), options);
    ASSERT_TRUE(fits) << fits.error().toLogString().toStdString();
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 2; }, 30'000));
    EXPECT_EQ(outcomes.back().message.leftOut, 1) << "the answer records what was left out";
    EXPECT_EQ(core.messages->get(outcomes.back().message.id)->leftOut, 1);
    const QJsonObject body = server.requests().last().json();
    EXPECT_EQ(body.value(QLatin1StringView("messages")).toArray().size(), 2) << "the echoed answer and the question";
}
