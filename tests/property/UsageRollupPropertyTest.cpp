// After any sequence of answers (complete, cut short, failed, served from the cache, priced or not, around day
// boundaries), conversation deletions and rebuilds in another time zone, the daily rollups and the budget check's
// totals equal the ledger's sums.
#include "common/LatencyHistogram.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "support/CoreFixture.h"
#include "usage/UsageLedger.h"

#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <array>
#include <map>

// clang-format off
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h> // needs GoogleTest declared first
// clang-format on

using namespace Tessera::Core;

namespace {

QStringList rows(const Database& db, const QString& sql) {
    QStringList all;
    auto query = db.exec(sql);
    if (!query) {
        return {QStringLiteral("error: ") + query.error().detail};
    }
    while (query->next()) {
        QStringList cells;
        for (int i = 0; i < query->record().count(); ++i) {
            cells << query->value(i).toString();
        }
        all << cells.join(QLatin1Char('|'));
    }
    return all;
}

const QString sums = QStringLiteral(
    "SUM(input_tokens), SUM(cached_input_tokens), SUM(cache_write_tokens), SUM(output_tokens), SUM(reasoning_tokens)");

} // namespace

RC_GTEST_PROP(UsageRollupProperty, TheRollupsAlwaysEqualTheLedgersSums, ()) {
    static Tessera::Testing::CoreFixture core;
    const Actor admin = Actor::owner(ClientKind::Test);
    RC_ASSERT(core.db->exec(QStringLiteral("DELETE FROM usage_ledger")).has_value());
    RC_ASSERT(core.db->exec(QStringLiteral("DELETE FROM usage_daily")).has_value());
    RC_ASSERT(core.db->exec(QStringLiteral("DELETE FROM usage_totals")).has_value());
    RC_ASSERT(core.db->exec(QStringLiteral("DELETE FROM usage_global")).has_value());
    RC_ASSERT(core.db->exec(QStringLiteral("DELETE FROM usage_latency")).has_value());
    RC_ASSERT(core.settings->setValue(UsageLedger::timeZoneKey, QString()).has_value());
    std::vector<qint64> conversations;
    for (int i = 0; i < 3; ++i) {
        auto created = core.conversations->create(QStringLiteral("c"), std::nullopt, {}, {});
        RC_ASSERT(created.has_value());
        conversations.push_back(created->id);
    }
    const QDateTime base(QDate(2026, 3, 28), QTime(22, 0), QTimeZone::utc());
    const int steps = *rc::gen::inRange(1, 40);
    for (int step = 0; step < steps; ++step) {
        const int what = *rc::gen::inRange(0, 10);
        if (what == 0) {
            // A conversation deleted: its entries stay.
            const qint64 id = conversations[std::size_t(*rc::gen::inRange(0, int(conversations.size())))];
            RC_ASSERT(core.db->exec(QStringLiteral("DELETE FROM conversations WHERE id = ?"), {id}).has_value());
            continue;
        }
        if (what == 1) {
            // The time zone changes and the rollups are rebuilt.
            const QString zone = *rc::gen::element(QStringLiteral("Europe/Berlin"), QStringLiteral("America/New_York"),
                                                   QStringLiteral("Asia/Tokyo"), QString());
            RC_ASSERT(core.settings->setValue(UsageLedger::timeZoneKey, zone).has_value());
            RC_ASSERT(core.ledger->rebuild(admin).has_value());
            continue;
        }
        LedgerEntry entry;
        entry.at = base.addSecs(qint64(*rc::gen::inRange(0, 4 * 24 * 3600)));
        entry.accountId = *rc::gen::inRange(1, 4);
        entry.provider = *rc::gen::element(QStringLiteral("openai"), QStringLiteral("local"));
        entry.model = *rc::gen::element(QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"));
        entry.feature = *rc::gen::element(QStringLiteral("chat"), QStringLiteral("title"));
        entry.conversationId = conversations[std::size_t(*rc::gen::inRange(0, int(conversations.size())))];
        entry.outcome = *rc::gen::element(QStringLiteral("complete"), QStringLiteral("incomplete"),
                                          QStringLiteral("failed"), QStringLiteral("cached"));
        entry.inputTokens = *rc::gen::inRange(0, 100'000);
        entry.cachedInputTokens = *rc::gen::inRange(0, int(entry.inputTokens) + 1);
        entry.cacheWriteTokens = *rc::gen::inRange(0, 1000);
        entry.outputTokens = *rc::gen::inRange(0, 10'000);
        entry.reasoningTokens = *rc::gen::inRange(0, int(entry.outputTokens) + 1);
        if (*rc::gen::arbitrary<bool>()) {
            entry.costMicros = *rc::gen::inRange(0, 5'000'000);
        }
        entry.retries = *rc::gen::inRange(0, 3);
        entry.viaFallback = *rc::gen::arbitrary<bool>();
        // Times across the bins, the edges and the open last bin; sometimes none.
        if (*rc::gen::arbitrary<bool>()) {
            entry.firstTokenMs = *rc::gen::oneOf(rc::gen::inRange<qint64>(0, 400'000),
                                                 rc::gen::element<qint64>(0, 49, 50, 57, 58, 289'999, 290'000));
        }
        if (*rc::gen::arbitrary<bool>()) {
            entry.latencyMs = *rc::gen::inRange<qint64>(0, 600'000);
        }
        RC_ASSERT(core.ledger->record(entry).has_value());
    }
    const QStringList fromLedger =
        rows(*core.db,
             QStringLiteral("SELECT day, account_id, provider, model, feature, COUNT(*), ") + sums +
                 QStringLiteral(", SUM(COALESCE(cost_micros, 0)), SUM(CASE WHEN cost_micros IS NULL THEN 1 ELSE "
                                "0 END), SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = "
                                "'cached' THEN 1 ELSE 0 END), SUM(retries), SUM(via_fallback) "
                                "FROM usage_ledger GROUP BY day, account_id, provider, model, feature "
                                "ORDER BY day, account_id, provider, model, feature"));
    const QStringList fromRollups =
        rows(*core.db, QStringLiteral("SELECT day, account_id, provider, model, feature, requests, input_tokens, "
                                      "cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, "
                                      "cost_micros, unpriced, failures, cache_hits, retries, fallbacks FROM "
                                      "usage_daily ORDER BY day, account_id, provider, model, "
                                      "feature"));
    RC_ASSERT(fromLedger == fromRollups);
    // The budget check's totals per person and day, and everyone's (account -1), equal the ledger's too.
    const QString tokensAndCost = QStringLiteral(
        "SUM(COALESCE(cost_micros, 0)), SUM(input_tokens + output_tokens), COUNT(*), SUM(CASE WHEN outcome = 'failed' "
        "THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 'cached' THEN 1 ELSE 0 END), SUM(retries), SUM(via_fallback), "
        "SUM(input_tokens), SUM(cached_input_tokens), SUM(output_tokens), SUM(reasoning_tokens), SUM(CASE WHEN "
        "cost_micros IS NULL THEN 1 ELSE 0 END) FROM usage_ledger");
    const QStringList ledgerTotals =
        rows(*core.db, QStringLiteral("SELECT account_id, day, ") + tokensAndCost +
                           QStringLiteral(" GROUP BY account_id, day UNION ALL SELECT -1, day, ") + tokensAndCost +
                           QStringLiteral(" GROUP BY day ORDER BY 1, 2"));
    const QStringList keptTotals =
        rows(*core.db, QStringLiteral("SELECT account_id, day, cost_micros, tokens, requests, failures, cache_hits, "
                                      "retries, fallbacks, input_tokens, cached_input_tokens, output_tokens, "
                                      "reasoning_tokens, unpriced FROM usage_totals ORDER BY 1, 2"));
    RC_ASSERT(ledgerTotals == keptTotals);
    // Everyone's totals by provider, model and feature.
    const QStringList ledgerGlobal = rows(
        *core.db, QStringLiteral("SELECT day, provider, model, feature, COUNT(*), SUM(CASE WHEN outcome = 'failed' "
                                 "THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 'cached' THEN 1 ELSE 0 END), "
                                 "SUM(retries), SUM(via_fallback), SUM(input_tokens), SUM(cached_input_tokens), "
                                 "SUM(output_tokens), SUM(reasoning_tokens), SUM(COALESCE(cost_micros, 0)), SUM(CASE "
                                 "WHEN cost_micros IS NULL THEN 1 ELSE 0 END) FROM usage_ledger GROUP BY day, "
                                 "provider, model, feature ORDER BY 1, 2, 3, 4"));
    const QStringList keptGlobal =
        rows(*core.db, QStringLiteral("SELECT day, provider, model, feature, requests, failures, cache_hits, retries, "
                                      "fallbacks, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, "
                                      "cost_micros, unpriced FROM usage_global ORDER BY 1, 2, 3, 4"));
    RC_ASSERT(ledgerGlobal == keptGlobal);
    // The latency bins: each completed answer's times binned here, per person and for everyone.
    std::map<QString, std::array<qint64, 2 * LatencyHistogram::bins>> binned;
    auto entries = core.db->exec(QStringLiteral("SELECT day, account_id, provider, model, first_token_ms, latency_ms "
                                                "FROM usage_ledger WHERE outcome = 'complete'"));
    RC_ASSERT(entries.has_value());
    while (entries->next()) {
        const QString day = entries->value(0).toString();
        const QString rest = entries->value(2).toString() + QLatin1Char('|') + entries->value(3).toString();
        for (const QString& who : {entries->value(1).toString(), QStringLiteral("-1")}) {
            const QString key = day + QLatin1Char('|') + who + QLatin1Char('|') + rest;
            for (int kind = 0; kind < 2; ++kind) {
                const QVariant ms = entries->value(4 + kind);
                if (ms.isNull()) {
                    continue;
                }
                const int bin = LatencyHistogram::binOf(ms.toLongLong());
                binned[key][std::size_t(kind * LatencyHistogram::bins + bin)] += 1;
            }
        }
    }
    QStringList expectedBins;
    for (const auto& [key, counts] : binned) {
        QStringList cells{key};
        for (const qint64 count : counts) {
            cells << QString::number(count);
        }
        expectedBins << cells.join(QLatin1Char('|'));
    }
    // Rows with no time at all are allowed only as all zeroes; the map has none of them.
    QStringList keptBins = rows(*core.db, QStringLiteral("SELECT day, account_id, provider, model, ") +
                                              usageLatencyColumns() + QStringLiteral(" FROM usage_latency"));
    keptBins.removeIf([](const QString& row) {
        const QStringList cells = row.split(QLatin1Char('|'));
        return std::all_of(cells.begin() + 4, cells.end(), [](const QString& c) { return c == QLatin1String("0"); });
    });
    std::sort(keptBins.begin(), keptBins.end());
    std::sort(expectedBins.begin(), expectedBins.end());
    RC_ASSERT(expectedBins == keptBins);
    // The report, which reads the rollups, counts every entry.
    auto total = core.ledger->report(admin, {});
    RC_ASSERT(total.has_value());
    const QStringList count = rows(*core.db, QStringLiteral("SELECT COUNT(*) FROM usage_ledger"));
    RC_ASSERT((total->empty() ? 0 : total->front().requests) == count.value(0).toLongLong());
}
