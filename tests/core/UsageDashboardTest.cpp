// The usage dashboards' queries: every series and tile against sums the test computes itself from the entries it
// wrote; the step that follows the period (hours, days, weeks, months) with daylight-saving days; the largest
// series kept and the rest summed; a member's dashboard never shows anyone else's usage, also not through a filter.
#include "usage/UsageDashboard.h"
#include "storage/AccountRepository.h"
#include "usage/BudgetGuard.h"
#include "usage/BudgetPace.h"
#include "usage/UsageGenerator.h"
#include "usage/UsageLedger.h"

#include "support/CoreFixture.h"
#include "support/FakeClock.h"
#include "support/QtPrinters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;

namespace {

class UsageDashboardTest : public ::testing::Test {
protected:
    void SetUp() override {
        AccountRepository accounts(*core.db, core.clock);
        auto a = accounts.add(QStringLiteral("ada"), {}, qint64(BuiltInRole::Member));
        auto b = accounts.add(QStringLiteral("bob"), {}, qint64(BuiltInRole::Manager));
        ASSERT_TRUE(a && b);
        ada = Actor::withRole(a->id, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
        bob = Actor::withRole(b->id, QStringLiteral("bob"), BuiltInRole::Manager, ClientKind::Test);
        dashboard = std::make_unique<UsageDashboard>(*core.db, *core.ledger);
    }

    // Entries over `days` days up to `last` (inclusive), a few a day at random hours, written through the ledger.
    void fill(QDate last, int days, unsigned seed = 7) {
        std::mt19937 random(seed);
        std::mt19937 timing(seed + 1); // apart, so the other figures stay as they were
        std::lognormal_distribution<double> firstToken(std::log(700.0), 0.6);
        const QStringList providers{QStringLiteral("openai"), QStringLiteral("anthropic")};
        const QStringList models{
            QStringLiteral("gpt-4o"),       QStringLiteral("gpt-4o-mini"),      QStringLiteral("claude-sonnet-4-5"),
            QStringLiteral("o3"),           QStringLiteral("claude-haiku-4-5"), QStringLiteral("gpt-4.1"),
            QStringLiteral("gpt-4.1-mini"), QStringLiteral("o4-mini")};
        const QTimeZone zone = core.ledger->timeZone();
        for (int d = 0; d < days; ++d) {
            const QDate day = last.addDays(-d);
            const int count = 1 + int(random() % 4);
            for (int i = 0; i < count; ++i) {
                LedgerEntry e;
                e.at = QDateTime(day, QTime(int(random() % 24), int(random() % 60)), zone).toUTC();
                const int who = int(random() % 3);
                e.accountId = who == 0 ? ada.userId : (who == 1 ? bob.userId : 1);
                e.model = models.at(int(random() % models.size()));
                e.provider = e.model.startsWith(QStringLiteral("claude")) ? providers[1] : providers[0];
                e.feature = random() % 5 == 0 ? QStringLiteral("title") : QStringLiteral("chat");
                e.inputTokens = 100 + qint64(random() % 5000);
                e.cachedInputTokens = qint64(random() % 2) * e.inputTokens / 3;
                e.outputTokens = 10 + qint64(random() % 800);
                e.reasoningTokens = e.model.startsWith(QLatin1Char('o')) ? e.outputTokens / 2 : 0;
                const int outcome = int(random() % 10);
                e.outcome = outcome == 0 ? QStringLiteral("failed")
                                         : (outcome == 1 ? QStringLiteral("cached") : QStringLiteral("complete"));
                e.costMicros = random() % 9 == 0 ? std::nullopt : std::optional<qint64>(qint64(random() % 90000));
                if (e.outcome == QLatin1StringView("cached")) {
                    e.costMicros = 0;
                }
                e.retries = random() % 6 == 0 ? 1 : 0;
                e.viaFallback = random() % 11 == 0;
                if (e.outcome != QLatin1StringView("cached") && timing() % 8 != 0) {
                    e.firstTokenMs = e.outcome == QLatin1StringView("failed")
                                         ? std::nullopt
                                         : std::optional(qint64(firstToken(timing)));
                    e.latencyMs = e.firstTokenMs.value_or(0) + qint64(timing() % 20000);
                }
                auto id = core.ledger->record(e);
                ASSERT_TRUE(id) << id.error().toLogString().toStdString();
                e.day = core.ledger->dayOf(e.at);
                entries.push_back(e);
            }
        }
    }

    // The test's own sums over the entries the predicate keeps.
    template <typename Keep> UsageTotals sum(Keep keep) const {
        UsageTotals t;
        for (const LedgerEntry& e : entries) {
            if (!keep(e)) {
                continue;
            }
            ++t.requests;
            t.failures += e.outcome == QLatin1StringView("failed") ? 1 : 0;
            t.cacheHits += e.outcome == QLatin1StringView("cached") ? 1 : 0;
            t.retries += e.retries;
            t.fallbacks += e.viaFallback ? 1 : 0;
            t.inputTokens += e.inputTokens;
            t.cachedInputTokens += e.cachedInputTokens;
            t.outputTokens += e.outputTokens;
            t.reasoningTokens += e.reasoningTokens;
            t.costMicros += e.costMicros.value_or(0);
            t.unpriced += e.costMicros ? 0 : 1;
        }
        return t;
    }

    // The exact nearest-rank percentile of the completed entries' times the predicate keeps (first token or total).
    template <typename Keep> std::optional<qint64> percentile(Keep keep, bool first, double p) const {
        std::vector<qint64> times;
        for (const LedgerEntry& e : entries) {
            const std::optional<qint64> ms = first ? e.firstTokenMs : e.latencyMs;
            if (keep(e) && e.outcome == QLatin1StringView("complete") && ms) {
                times.push_back(*ms);
            }
        }
        if (times.empty()) {
            return std::nullopt;
        }
        std::sort(times.begin(), times.end());
        return times[std::size_t(std::ceil(p * double(times.size()))) - 1];
    }

    // Within the bins' precision (about 7 %, half of 50 ms below 50 ms), or both unset.
    static void expectNear(std::optional<qint64> shown, std::optional<qint64> exact, const std::string& where) {
        ASSERT_EQ(shown.has_value(), exact.has_value()) << where;
        if (exact) {
            EXPECT_LE(std::abs(double(*shown - *exact)), 0.075 * double(*exact) + 25) << where;
        }
    }

    // The bucket of a chart over time an entry falls in.
    template <typename Timeline> static std::size_t bucketOf(const Timeline& timeline, const LedgerEntry& e) {
        const auto after = std::upper_bound(timeline.starts.begin(), timeline.starts.end(), e.at);
        return std::size_t(after - timeline.starts.begin()) - 1;
    }

    static bool within(const LedgerEntry& e, QDate from, QDate to) {
        const QDate day = QDate::fromString(e.day, Qt::ISODate);
        return day >= from && day <= to;
    }

    void setZone(const QString& zone) {
        UsageSettings settings = core.ledger->settings();
        settings.timeZone = zone;
        ASSERT_TRUE(core.ledger->setSettings(admin, settings));
    }

    CoreFixture core;
    std::unique_ptr<UsageDashboard> dashboard;
    std::vector<LedgerEntry> entries;
    const Actor admin = Actor::withRole(1, QStringLiteral("owner"), BuiltInRole::Administrator, ClientKind::Test);
    Actor ada;
    Actor bob;
};

const QDate lastDay(2026, 11, 30);

} // namespace

TEST(UsageStepTest, TheStepFollowsTheLengthOfThePeriod) {
    const QDate d(2026, 3, 1);
    EXPECT_EQ(usageStepFor(d, d), UsageStep::Hour);
    EXPECT_EQ(usageStepFor(d, d.addDays(1)), UsageStep::Hour) << "two days";
    EXPECT_EQ(usageStepFor(d, d.addDays(2)), UsageStep::Day);
    EXPECT_EQ(usageStepFor(d, d.addDays(91)), UsageStep::Day) << "92 days";
    EXPECT_EQ(usageStepFor(d, d.addDays(92)), UsageStep::Week);
    EXPECT_EQ(usageStepFor(d, d.addDays(365)), UsageStep::Week) << "366 days";
    EXPECT_EQ(usageStepFor(d, d.addDays(366)), UsageStep::Month);
    EXPECT_EQ(parseUsageDimension(QStringLiteral("role")), UsageDimension::Role);
    EXPECT_FALSE(parseUsageDimension(QStringLiteral("planet")));
}

TEST_F(UsageDashboardTest, TheTilesSumThePeriodAndThePeriodBeforeIt) {
    fill(lastDay, 70);
    UsageFilter filter{lastDay.addDays(-29), lastDay, {}, {}, {}, {}, {}};
    auto summary = dashboard->summary(admin, filter);
    ASSERT_TRUE(summary) << summary.error().toLogString().toStdString();
    EXPECT_EQ(summary->current, sum([&](const LedgerEntry& e) { return within(e, filter.from, filter.to); }));
    EXPECT_EQ(summary->previousFrom, lastDay.addDays(-59));
    EXPECT_EQ(summary->previousTo, lastDay.addDays(-30));
    EXPECT_EQ(summary->previous,
              sum([&](const LedgerEntry& e) { return within(e, lastDay.addDays(-59), lastDay.addDays(-30)); }));
    EXPECT_GT(summary->current.failures, 0);
    EXPECT_GT(summary->current.retries, 0);

    // A role alone reads each person's daily totals; with a provider, the finer ones.
    filter.roleId = qint64(BuiltInRole::Manager);
    summary = dashboard->summary(admin, filter);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->current, sum([&](const LedgerEntry& e) {
                  return within(e, filter.from, filter.to) && e.accountId == bob.userId;
              }));
    filter.provider = QStringLiteral("anthropic");
    filter.feature = QStringLiteral("chat");
    summary = dashboard->summary(admin, filter);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->current, sum([&](const LedgerEntry& e) {
                  return within(e, filter.from, filter.to) && e.provider == filter.provider &&
                         e.feature == filter.feature && e.accountId == bob.userId;
              }));

    const UsageTotals t = summary->current;
    ASSERT_GT(t.requests, t.unpriced);
    EXPECT_EQ(t.averageCostMicros(), (t.costMicros + (t.requests - t.unpriced) / 2) / (t.requests - t.unpriced));
    EXPECT_DOUBLE_EQ(*t.failureRate(), double(t.failures) / double(t.requests));
    EXPECT_FALSE(UsageTotals{}.failureRate());
    EXPECT_FALSE(UsageTotals{}.averageCostMicros());
}

TEST_F(UsageDashboardTest, CostOverTimeByDayStacksEachModelAndFoldsTheSmallestIntoOne) {
    fill(lastDay, 40);
    const UsageFilter filter{lastDay.addDays(-29), lastDay, {}, {}, {}, {}, {}};
    auto timeline = dashboard->costOverTime(admin, filter, UsageDimension::Model, 3);
    ASSERT_TRUE(timeline) << timeline.error().toLogString().toStdString();
    EXPECT_EQ(timeline->step, UsageStep::Day);
    ASSERT_EQ(timeline->starts.size(), 30u);
    EXPECT_EQ(timeline->starts.front().date(), filter.from);
    ASSERT_EQ(timeline->series.size(), 4u) << "three models and everything else";
    EXPECT_TRUE(timeline->series.back().isOther());
    QStringList kept;
    for (std::size_t s = 0; s + 1 < timeline->series.size(); ++s) {
        const UsageSeries& series = timeline->series[s];
        kept << series.key;
        if (s > 0) {
            EXPECT_GE(timeline->series[s - 1].total, series.total) << "largest first";
        }
        for (std::size_t b = 0; b < 30; ++b) {
            const QDate day = filter.from.addDays(qint64(b));
            EXPECT_EQ(series.values[b], sum([&](const LedgerEntry& e) {
                                            return within(e, day, day) && e.model == series.key;
                                        }).costMicros)
                << series.key.toStdString() << " on " << day.toString(Qt::ISODate).toStdString();
        }
    }
    for (std::size_t b = 0; b < 30; ++b) {
        const QDate day = filter.from.addDays(qint64(b));
        EXPECT_EQ(timeline->series.back().values[b],
                  sum([&](const LedgerEntry& e) { return within(e, day, day) && !kept.contains(e.model); }).costMicros);
    }
    EXPECT_EQ(timeline->unpriced,
              sum([&](const LedgerEntry& e) { return within(e, filter.from, filter.to); }).unpriced);

    auto byUser = dashboard->costOverTime(admin, filter, UsageDimension::User, 6);
    ASSERT_TRUE(byUser);
    ASSERT_EQ(byUser->series.size(), 3u) << "three people, nothing folded";
    QStringList names;
    for (const UsageSeries& series : byUser->series) {
        names << series.label;
        EXPECT_EQ(series.total, sum([&](const LedgerEntry& e) {
                                    return within(e, filter.from, filter.to) &&
                                           QString::number(e.accountId) == series.key;
                                }).costMicros);
    }
    names.sort();
    EXPECT_EQ(names, (QStringList{QStringLiteral("ada"), QStringLiteral("bob"), QStringLiteral("owner")}));
}

TEST_F(UsageDashboardTest, TokensAndRequestsOverTimeStackByAnyDimensionLikeTheCost) {
    fill(lastDay, 40);
    const UsageFilter filter{lastDay.addDays(-29), lastDay, {}, {}, {}, {}, {}};
    for (const UsageMetric metric : {UsageMetric::Tokens, UsageMetric::Requests}) {
        const auto measure = [metric](const UsageTotals& t) {
            return metric == UsageMetric::Tokens ? t.tokens() : t.requests;
        };
        auto byProvider = dashboard->overTime(admin, filter, UsageDimension::Provider, metric);
        ASSERT_TRUE(byProvider) << byProvider.error().toLogString().toStdString();
        ASSERT_EQ(byProvider->starts.size(), 30u);
        ASSERT_EQ(byProvider->series.size(), 2u) << "openai and anthropic";
        for (const UsageSeries& series : byProvider->series) {
            for (std::size_t b = 0; b < 30; ++b) {
                const QDate day = filter.from.addDays(qint64(b));
                EXPECT_EQ(series.values[b], measure(sum([&](const LedgerEntry& e) {
                              return within(e, day, day) && e.provider == series.key;
                          })))
                    << usageMetricName(metric).toStdString() << " " << series.key.toStdString() << " on "
                    << day.toString(Qt::ISODate).toStdString();
            }
        }
        EXPECT_EQ(byProvider->unpriced,
                  sum([&](const LedgerEntry& e) { return within(e, filter.from, filter.to); }).unpriced);
        // By person and by feature, the totals of each series.
        for (const UsageDimension by : {UsageDimension::User, UsageDimension::Feature}) {
            auto timeline = dashboard->overTime(admin, filter, by, metric);
            ASSERT_TRUE(timeline);
            qint64 total = 0;
            for (const UsageSeries& series : timeline->series) {
                total += series.total;
                EXPECT_EQ(series.total, measure(sum([&](const LedgerEntry& e) {
                              return within(e, filter.from, filter.to) &&
                                     (by == UsageDimension::User ? QString::number(e.accountId) : e.feature) ==
                                         series.key;
                          })));
            }
            EXPECT_EQ(total, measure(sum([&](const LedgerEntry& e) { return within(e, filter.from, filter.to); })));
        }
        // Hours come from the ledger, with every measure.
        const UsageFilter twoDays{lastDay.addDays(-1), lastDay, {}, {}, {}, {}, {}};
        auto hours = dashboard->overTime(admin, twoDays, UsageDimension::Model, metric);
        ASSERT_TRUE(hours);
        EXPECT_EQ(hours->step, UsageStep::Hour);
        for (std::size_t b = 0; b < hours->starts.size(); ++b) {
            const QDateTime from = hours->starts[b];
            const QDateTime to = from.addSecs(3600);
            qint64 shown = 0;
            for (const UsageSeries& series : hours->series) {
                shown += series.values[b];
            }
            EXPECT_EQ(shown, measure(sum([&](const LedgerEntry& e) { return e.at >= from && e.at < to; })))
                << "hour " << b;
        }
    }
    EXPECT_EQ(parseUsageMetric(QStringLiteral("requests")), UsageMetric::Requests);
    EXPECT_EQ(parseUsageMetric(QStringLiteral("tokens")), UsageMetric::Tokens);
    EXPECT_EQ(parseUsageMetric(QStringLiteral("cost")), UsageMetric::Cost);
    EXPECT_FALSE(parseUsageMetric(QStringLiteral("latency")));

    // A member's chart of any metric is their own.
    auto own = dashboard->overTime(ada, filter, UsageDimension::Model, UsageMetric::Requests);
    ASSERT_TRUE(own);
    qint64 requests = 0;
    for (const UsageSeries& series : own->series) {
        requests += series.total;
    }
    EXPECT_EQ(requests, sum([&](const LedgerEntry& e) {
                            return within(e, filter.from, filter.to) && e.accountId == ada.userId;
                        }).requests);
}

TEST_F(UsageDashboardTest, WeeksAndMonthsFoldTheDaysAndCutAtThePeriod) {
    fill(lastDay, 200);
    // 2026-06-10 is a Wednesday: the first week is cut to five days.
    const UsageFilter weeks{QDate(2026, 6, 10), lastDay, {}, {}, {}, {}, {}};
    auto byWeek = dashboard->costOverTime(admin, weeks, UsageDimension::Provider);
    ASSERT_TRUE(byWeek);
    EXPECT_EQ(byWeek->step, UsageStep::Week);
    ASSERT_GE(byWeek->starts.size(), 2u);
    EXPECT_EQ(byWeek->starts[1].date(), QDate(2026, 6, 15)) << "the next Monday";
    for (const UsageSeries& series : byWeek->series) {
        for (std::size_t b = 0; b < byWeek->starts.size(); ++b) {
            const QDate from = byWeek->starts[b].date();
            const QDate to = b + 1 < byWeek->starts.size() ? byWeek->starts[b + 1].date().addDays(-1) : lastDay;
            EXPECT_EQ(series.values[b], sum([&](const LedgerEntry& e) {
                                            return within(e, from, to) && e.provider == series.key;
                                        }).costMicros);
        }
    }
    const UsageFilter months{QDate(2025, 10, 15), lastDay, {}, {}, {}, {}, {}};
    auto tokens = dashboard->tokensOverTime(admin, months);
    ASSERT_TRUE(tokens);
    EXPECT_EQ(tokens->step, UsageStep::Month);
    ASSERT_EQ(tokens->starts.size(), 14u) << "October 2025 (from the 15th) to November 2026";
    EXPECT_EQ(tokens->starts[1].date(), QDate(2025, 11, 1));
    ASSERT_EQ(tokens->series.size(), 4u);
    for (std::size_t b = 0; b < tokens->starts.size(); ++b) {
        const QDate from = tokens->starts[b].date();
        const QDate to = b + 1 < tokens->starts.size() ? tokens->starts[b + 1].date().addDays(-1) : lastDay;
        const UsageTotals t = sum([&](const LedgerEntry& e) { return within(e, from, to); });
        EXPECT_EQ(tokens->series[0].values[b], t.inputTokens - t.cachedInputTokens);
        EXPECT_EQ(tokens->series[1].values[b], t.cachedInputTokens);
        EXPECT_EQ(tokens->series[2].values[b], t.outputTokens - t.reasoningTokens);
        EXPECT_EQ(tokens->series[3].values[b], t.reasoningTokens);
    }
    EXPECT_EQ(tokens->series[0].key, UsageTokenSeries::input);
    EXPECT_EQ(tokens->series[3].key, UsageTokenSeries::reasoning);
}

TEST_F(UsageDashboardTest, HoursComeFromTheLedgerInTheUsageTimeZoneWithDaylightSavingDays) {
    setZone(QStringLiteral("Europe/Berlin"));
    // Berlin leaves summer time on 2026-10-25: that day has 25 hours.
    const QDate change(2026, 10, 25);
    fill(change.addDays(1), 4, 11);
    const UsageFilter filter{change, change.addDays(1), {}, {}, {}, {}, {}};
    auto tokens = dashboard->tokensOverTime(admin, filter);
    ASSERT_TRUE(tokens);
    EXPECT_EQ(tokens->step, UsageStep::Hour);
    ASSERT_EQ(tokens->starts.size(), 49u) << "25 hours and 24";
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    EXPECT_EQ(tokens->starts.front(), change.startOfDay(berlin));
    qint64 counted = 0;
    for (std::size_t b = 0; b < tokens->starts.size(); ++b) {
        const QDateTime from = tokens->starts[b];
        const QDateTime to = from.addSecs(3600);
        const UsageTotals t = sum([&](const LedgerEntry& e) { return e.at >= from && e.at < to; });
        EXPECT_EQ(tokens->series[0].values[b], t.inputTokens - t.cachedInputTokens) << "hour " << b;
        EXPECT_EQ(tokens->series[2].values[b], t.outputTokens - t.reasoningTokens) << "hour " << b;
        counted += t.requests;
    }
    EXPECT_EQ(counted, sum([&](const LedgerEntry& e) { return within(e, filter.from, filter.to); }).requests);
    auto cost = dashboard->costOverTime(admin, filter, UsageDimension::Feature);
    ASSERT_TRUE(cost);
    qint64 total = 0;
    for (const UsageSeries& series : cost->series) {
        total += series.total;
    }
    EXPECT_EQ(total, sum([&](const LedgerEntry& e) { return within(e, filter.from, filter.to); }).costMicros);
}

TEST_F(UsageDashboardTest, TopListsRankByCostWithTheirShare) {
    fill(lastDay, 30);
    const UsageFilter filter{lastDay.addDays(-29), lastDay, {}, {}, {}, {}, {}};
    auto users = dashboard->top(admin, filter, UsageDimension::User);
    ASSERT_TRUE(users);
    ASSERT_EQ(users->size(), 3u);
    const UsageTotals all = sum([&](const LedgerEntry& e) { return within(e, filter.from, filter.to); });
    double shares = 0;
    for (std::size_t i = 0; i < users->size(); ++i) {
        const UsageShare& share = (*users)[i];
        const UsageTotals expected = sum([&](const LedgerEntry& e) {
            return within(e, filter.from, filter.to) && QString::number(e.accountId) == share.key;
        });
        EXPECT_EQ(share.totals.requests, expected.requests);
        EXPECT_EQ(share.totals.inputTokens, expected.inputTokens);
        EXPECT_EQ(share.totals.outputTokens, expected.outputTokens);
        EXPECT_EQ(share.totals.costMicros, expected.costMicros);
        EXPECT_EQ(share.totals.unpriced, expected.unpriced);
        EXPECT_DOUBLE_EQ(share.share, double(share.totals.costMicros) / double(all.costMicros));
        if (i > 0) {
            EXPECT_GE((*users)[i - 1].totals.costMicros, share.totals.costMicros);
        }
        shares += share.share;
    }
    EXPECT_NEAR(shares, 1.0, 1e-9);
    auto models = dashboard->top(admin, filter, UsageDimension::Model, 2);
    ASSERT_TRUE(models);
    EXPECT_EQ(models->size(), 2u);
    auto roles = dashboard->top(admin, filter, UsageDimension::Role);
    ASSERT_TRUE(roles);
    QStringList names;
    for (const UsageShare& share : *roles) {
        names << share.label;
    }
    names.sort();
    EXPECT_EQ(names,
              (QStringList{QStringLiteral("Administrator"), QStringLiteral("Manager"), QStringLiteral("Member")}));
}

TEST_F(UsageDashboardTest, AMembersDashboardNeverShowsAnyoneElse) {
    fill(lastDay, 30);
    const UsageFilter filter{lastDay.addDays(-29), lastDay, {}, {}, {}, {}, {}};
    auto own = dashboard->summary(ada, filter);
    ASSERT_TRUE(own);
    EXPECT_EQ(own->current, sum([&](const LedgerEntry& e) {
                  return within(e, filter.from, filter.to) && e.accountId == ada.userId;
              }));

    UsageFilter someoneElse = filter;
    someoneElse.accountId = bob.userId;
    auto refused = dashboard->costOverTime(ada, someoneElse, UsageDimension::Model);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::AuthForbidden);
    UsageFilter anotherRole = filter;
    anotherRole.roleId = qint64(BuiltInRole::Administrator);
    EXPECT_FALSE(dashboard->summary(ada, anotherRole));
    UsageFilter ownRole = filter;
    ownRole.roleId = ada.roleId;
    EXPECT_TRUE(dashboard->summary(ada, ownRole)) << "one's own role narrows nothing further";

    auto users = dashboard->top(ada, filter, UsageDimension::User);
    ASSERT_TRUE(users);
    ASSERT_EQ(users->size(), 1u);
    EXPECT_EQ(users->front().label, QStringLiteral("ada"));
    EXPECT_DOUBLE_EQ(users->front().share, 1.0);
    auto byUser = dashboard->costOverTime(ada, filter, UsageDimension::User);
    ASSERT_TRUE(byUser);
    ASSERT_EQ(byUser->series.size(), 1u);
    EXPECT_EQ(byUser->series.front().key, QString::number(ada.userId));

    auto choices = dashboard->choices(ada);
    ASSERT_TRUE(choices);
    ASSERT_EQ(choices->users.size(), 1u);
    EXPECT_EQ(choices->users.front().second, QStringLiteral("ada"));
    ASSERT_EQ(choices->roles.size(), 1u);
    EXPECT_EQ(choices->roles.front().first, ada.roleId);
    auto everyone = dashboard->choices(admin);
    ASSERT_TRUE(everyone);
    EXPECT_EQ(everyone->users.size(), 3u);
    EXPECT_TRUE(everyone->models.contains(QStringLiteral("gpt-4o")));
    EXPECT_EQ(everyone->features, (QStringList{QStringLiteral("chat"), QStringLiteral("title")}));

    UsageFilter backwards = filter;
    std::swap(backwards.from, backwards.to);
    auto invalid = dashboard->summary(admin, backwards);
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().code, ErrorCode::InvalidArgument);
}

TEST_F(UsageDashboardTest, TheGeneratorMakesARealisticStretchOfUsageOnce) {
    UsageGenerator generator(*core.db, *core.ledger, *core.budgets, *core.audit, core.clock);
    UsageGeneration options;
    options.last = lastDay;
    options.days = 70;
    auto refused = generator.generate(ada, options);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::AuthForbidden) << "a Member may not";

    auto made = generator.generate(admin, options);
    ASSERT_TRUE(made) << made.error().toLogString().toStdString();
    EXPECT_EQ(made->people, 12);
    const UsageFilter period{lastDay.addDays(-69), lastDay, {}, {}, {}, {}, {}};
    auto summary = dashboard->summary(admin, period);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->current.requests, made->entries) << "every entry in the period, rolled up";
    EXPECT_EQ(summary->current.costMicros, made->costMicros);
    EXPECT_GT(made->entries, 70 * 80) << "a team's amount: about 160 a workday, growing over the period";
    EXPECT_GT(summary->current.retries, 0);
    EXPECT_GT(summary->current.fallbacks, 0);

    // Weekdays are busier than weekends.
    auto days = dashboard->costOverTime(admin, UsageFilter{lastDay.addDays(-27), lastDay, {}, {}, {}, {}, {}},
                                        UsageDimension::Feature);
    ASSERT_TRUE(days);
    qint64 weekday = 0;
    qint64 weekend = 0;
    for (std::size_t b = 0; b < days->starts.size(); ++b) {
        qint64 cost = 0;
        for (const UsageSeries& series : days->series) {
            cost += series.values[b];
        }
        (days->starts[b].date().dayOfWeek() <= 5 ? weekday : weekend) += cost;
    }
    EXPECT_GT(weekday / 20, 3 * (weekend / 8));

    // The failing provider fails more, above all in its outage week.
    UsageFilter google = period;
    google.provider = made->failingProvider;
    UsageFilter outage = google;
    outage.from = made->outageFrom;
    outage.to = made->outageTo;
    UsageFilter openai = period;
    openai.provider = QStringLiteral("openai");
    const double failing = *dashboard->summary(admin, google)->current.failureRate();
    const double inOutage = *dashboard->summary(admin, outage)->current.failureRate();
    const double healthy = *dashboard->summary(admin, openai)->current.failureRate();
    EXPECT_GT(failing, 2 * healthy);
    EXPECT_GT(inOutage, 0.15);

    // The spike day costs several times a usual weekday.
    UsageFilter spike = period;
    spike.from = spike.to = made->spikeDay;
    EXPECT_GT(dashboard->summary(admin, spike)->current.costMicros, 3 * (weekday / 20));

    // A monthly budget about to run out, and the generation in the audit log.
    auto standings = core.budgets->overview(admin);
    ASSERT_TRUE(standings);
    bool tight = false;
    for (const BudgetStanding& standing : *standings) {
        if (standing.budget.describe() == made->tightBudget) {
            tight = true;
        }
    }
    EXPECT_TRUE(tight) << made->tightBudget.toStdString();
    auto second = generator.generate(admin, options);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::AlreadyExists) << "a store with usage gets more only when asked";
    options.add = true;
    options.days = 1;
    EXPECT_TRUE(generator.generate(admin, options));
}

TEST_F(UsageDashboardTest, ReliabilityCountsEachProvidersFailuresRetriesFallbacksAndCacheHits) {
    fill(lastDay, 200);
    for (const UsageFilter& filter :
         {UsageFilter{lastDay.addDays(-29), lastDay, {}, {}, {}, {}, {}},
          UsageFilter{QDate(2026, 6, 10), lastDay, {}, {}, {}, {}, {}},
          UsageFilter{lastDay.addDays(-1), lastDay, {}, {}, {}, {}, {}},
          UsageFilter{lastDay.addDays(-40), lastDay, ada.userId, {}, {}, {}, {}},
          UsageFilter{lastDay.addDays(-40), lastDay, {}, {}, {}, QStringLiteral("gpt-4o"), {}}}) {
        auto reliability = dashboard->reliabilityOverTime(admin, filter);
        ASSERT_TRUE(reliability) << reliability.error().toLogString().toStdString();
        EXPECT_EQ(reliability->step, usageStepFor(filter.from, filter.to));
        const auto kept = [&](const LedgerEntry& e) {
            return within(e, filter.from, filter.to) && (!filter.accountId || e.accountId == *filter.accountId) &&
                   (filter.model.isEmpty() || e.model == filter.model);
        };
        qint64 requests = 0;
        for (const UsageReliabilitySeries& series : reliability->providers) {
            for (std::size_t b = 0; b < reliability->starts.size(); ++b) {
                const UsageTotals t = sum([&](const LedgerEntry& e) {
                    return kept(e) && e.provider == series.provider && bucketOf(*reliability, e) == b;
                });
                const UsageTotals& shown = series.buckets[b];
                EXPECT_EQ(shown.requests, t.requests) << series.provider.toStdString() << " " << b;
                EXPECT_EQ(shown.failures, t.failures);
                EXPECT_EQ(shown.cacheHits, t.cacheHits);
                EXPECT_EQ(shown.retries, t.retries);
                EXPECT_EQ(shown.fallbacks, t.fallbacks);
            }
            requests += series.total.requests;
        }
        EXPECT_EQ(requests, sum(kept).requests);
        ASSERT_FALSE(reliability->providers.empty());
        EXPECT_GE(reliability->providers.front().total.requests, reliability->providers.back().total.requests);
    }
}

TEST_F(UsageDashboardTest, SpeedShowsEachProvidersMedianAndNinetyFifthPercentileOfCompletedAnswers) {
    fill(lastDay, 200);
    for (const UsageFilter& filter :
         {UsageFilter{lastDay.addDays(-29), lastDay, {}, {}, {}, {}, {}},
          UsageFilter{QDate(2026, 6, 10), lastDay, {}, {}, {}, {}, {}},
          UsageFilter{lastDay.addDays(-1), lastDay, {}, {}, {}, {}, {}},
          UsageFilter{lastDay.addDays(-40), lastDay, bob.userId, {}, {}, {}, {}},
          UsageFilter{lastDay.addDays(-40), lastDay, {}, qint64(BuiltInRole::Manager), {}, {}, {}},
          UsageFilter{lastDay.addDays(-40), lastDay, {}, {}, {}, {}, QStringLiteral("title")}}) {
        auto latency = dashboard->latencyOverTime(admin, filter);
        ASSERT_TRUE(latency) << latency.error().toLogString().toStdString();
        const auto kept = [&](const LedgerEntry& e) {
            return within(e, filter.from, filter.to) && (!filter.accountId || e.accountId == *filter.accountId) &&
                   (!filter.roleId || e.accountId == bob.userId) &&
                   (filter.feature.isEmpty() || e.feature == filter.feature);
        };
        ASSERT_FALSE(latency->providers.empty());
        for (const UsageLatencySeries& series : latency->providers) {
            const auto ofProvider = [&](const LedgerEntry& e) {
                return kept(e) && e.provider == series.provider;
            };
            const std::string name = series.provider.toStdString();
            expectNear(series.total.firstTokenP50, percentile(ofProvider, true, 0.5), name + " p50");
            expectNear(series.total.firstTokenP95, percentile(ofProvider, true, 0.95), name + " p95");
            expectNear(series.total.totalP50, percentile(ofProvider, false, 0.5), name + " total p50");
            expectNear(series.total.totalP95, percentile(ofProvider, false, 0.95), name + " total p95");
            for (std::size_t b = 0; b < latency->starts.size(); ++b) {
                const auto inBucket = [&](const LedgerEntry& e) {
                    return ofProvider(e) && bucketOf(*latency, e) == b;
                };
                const std::string where = name + " bucket " + std::to_string(b);
                expectNear(series.buckets[b].firstTokenP95, percentile(inBucket, true, 0.95), where);
                expectNear(series.buckets[b].totalP50, percentile(inBucket, false, 0.5), where);
            }
        }
    }
    // A member's speed is their own answers only, and another person's is refused.
    const UsageFilter month{lastDay.addDays(-29), lastDay, {}, {}, {}, {}, {}};
    auto own = dashboard->latencyOverTime(ada, month);
    ASSERT_TRUE(own);
    for (const UsageLatencySeries& series : own->providers) {
        expectNear(series.total.totalP95,
                   percentile(
                       [&](const LedgerEntry& e) {
                           return within(e, month.from, month.to) && e.accountId == ada.userId &&
                                  e.provider == series.provider;
                       },
                       false, 0.95),
                   "ada");
    }
    UsageFilter bobs = month;
    bobs.accountId = bob.userId;
    EXPECT_EQ(dashboard->latencyOverTime(ada, bobs).error().code, ErrorCode::AuthForbidden);
    EXPECT_EQ(dashboard->reliabilityOverTime(ada, bobs).error().code, ErrorCode::AuthForbidden);
}

TEST_F(UsageDashboardTest, BudgetPaceShowsSpendAgainstTheEvenPaceWithAForecastAndTheDayTheLimitIsReached) {
    Tessera::Testing::FakeClock clock(QDateTime(QDate(2026, 11, 20), QTime(12, 0), QTimeZone::utc()));
    BudgetGuard guard(*core.db, *core.ledger, *core.prices, *core.audit, clock);
    BudgetPaceReader reader(*core.db, *core.ledger, guard, clock);
    // ada spends $2 a day from 25 October to this morning; bob $1 a day in November.
    for (QDate d(2026, 10, 25); d <= QDate(2026, 11, 20); d = d.addDays(1)) {
        for (const auto& [account, micros] :
             {std::pair{ada.userId, qint64(2'000'000)}, std::pair{bob.userId, qint64(1'000'000)}}) {
            if (account == bob.userId && d.month() != 11) {
                continue;
            }
            LedgerEntry e;
            e.at = QDateTime(d, QTime(8, 0), QTimeZone::utc());
            e.accountId = account;
            e.provider = QStringLiteral("openai");
            e.model = QStringLiteral("gpt-4o");
            e.feature = QStringLiteral("chat");
            e.outcome = QStringLiteral("complete");
            e.inputTokens = 1000;
            e.outputTokens = 100;
            e.costMicros = micros;
            ASSERT_TRUE(core.ledger->record(e));
        }
    }
    Budget monthly;
    monthly.scope = BudgetScope::User;
    monthly.subjectName = QStringLiteral("ada");
    monthly.period = BudgetPeriod::Month;
    monthly.limitMicros = 50'000'000;
    ASSERT_TRUE(guard.set(admin, monthly));

    auto paces = reader.pace(ada);
    ASSERT_TRUE(paces) << paces.error().toLogString().toStdString();
    ASSERT_EQ(paces->size(), 1u);
    const BudgetPace& pace = paces->front();
    EXPECT_TRUE(pace.money);
    EXPECT_EQ(pace.limit, 50'000'000);
    ASSERT_EQ(pace.days.size(), 30u) << "November";
    EXPECT_EQ(pace.days.front(), QDate(2026, 11, 1));
    EXPECT_EQ(pace.used, 40'000'000) << "20 days of $2";
    EXPECT_EQ(pace.spent[0], 2'000'000);
    EXPECT_EQ(pace.spent[19], 40'000'000);
    EXPECT_FALSE(pace.spent[20].has_value()) << "tomorrow has not happened";
    EXPECT_EQ(pace.evenPace[0], 1'666'666);
    EXPECT_EQ(pace.evenPace[14], 25'000'000);
    EXPECT_EQ(pace.evenPace[29], 50'000'000);
    // The last 14 complete days, $2 each: no spread, so the range is the line itself.
    EXPECT_EQ(pace.recentDays, 14);
    EXPECT_EQ(pace.dailyRate, 2'000'000);
    EXPECT_FALSE(pace.forecast[18].has_value()) << "no forecast for the past";
    EXPECT_EQ(pace.forecast[19], 41'000'000) << "the rest of today: half a day";
    EXPECT_EQ(pace.endForecast, 61'000'000) << "10.5 days to go";
    EXPECT_EQ(pace.endLow, pace.endForecast);
    EXPECT_EQ(pace.endHigh, pace.endForecast);
    EXPECT_FALSE(pace.reached);
    EXPECT_EQ(pace.limitDay, QDate(2026, 11, 25)) << "$10 left at $2 a day: five days from now";

    // A tighter budget is reached already, on the day the total passed it.
    monthly.limitMicros = 30'000'000;
    ASSERT_TRUE(guard.set(admin, monthly));
    auto tight = reader.pace(ada);
    ASSERT_TRUE(tight);
    EXPECT_TRUE(tight->front().reached);
    EXPECT_EQ(tight->front().limitDay, QDate(2026, 11, 15));

    // The global budget paces everyone's spend; a member sees only the budgets that apply to them.
    Budget global;
    global.scope = BudgetScope::Global;
    global.period = BudgetPeriod::Month;
    global.limitMicros = 100'000'000;
    ASSERT_TRUE(guard.set(admin, global));
    auto all = reader.pace(admin);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u);
    const auto everyone = std::find_if(
        all->begin(), all->end(), [](const BudgetPace& p) { return p.standing.budget.scope == BudgetScope::Global; });
    ASSERT_NE(everyone, all->end());
    EXPECT_EQ(everyone->used, 60'000'000) << "ada's $40 and bob's $20";
    EXPECT_EQ(everyone->dailyRate, 3'000'000);
    auto adas = reader.pace(ada);
    ASSERT_TRUE(adas);
    EXPECT_EQ(adas->size(), 2u) << "her own and the global one";
    auto forBob = reader.pace(admin, bob.userId);
    ASSERT_TRUE(forBob);
    ASSERT_EQ(forBob->size(), 1u) << "only the global budget applies to bob";
    EXPECT_EQ(forBob->front().standing.budget.scope, BudgetScope::Global);
    auto refused = reader.pace(ada, bob.userId);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::AuthForbidden);
}
