#include "common/LatencyHistogram.h"
#include "storage/Migrations.h"

namespace Tessera::Core {

QString usageLatencyColumns() {
    QStringList columns;
    for (const QChar kind : {QLatin1Char('f'), QLatin1Char('t')}) {
        for (int bin = 0; bin < LatencyHistogram::bins; ++bin) {
            columns << kind + QString::number(bin);
        }
    }
    return columns.join(QStringLiteral(", "));
}

QStringList usageRollupTables(const QString& integer) {
    QStringList bins;
    for (const QString& column : usageLatencyColumns().split(QStringLiteral(", "))) {
        bins << column + QLatin1Char(' ') + integer + QStringLiteral(" NOT NULL DEFAULT 0");
    }
    QStringList sums;
    for (const char* column : {"requests", "failures", "cache_hits", "retries", "fallbacks", "input_tokens",
                               "cached_input_tokens", "output_tokens", "reasoning_tokens", "cost_micros", "unpriced"}) {
        sums << QLatin1StringView(column) + QLatin1Char(' ') + integer + QStringLiteral(" NOT NULL DEFAULT 0");
    }
    return {
        QStringLiteral("CREATE TABLE usage_latency (day TEXT NOT NULL, account_id ") + integer +
            QStringLiteral(" NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL, ") +
            bins.join(QStringLiteral(", ")) + QStringLiteral(", PRIMARY KEY (account_id, day, provider, model))"),
        QStringLiteral("CREATE TABLE usage_global (day TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL, "
                       "feature TEXT NOT NULL, ") +
            sums.join(QStringLiteral(", ")) + QStringLiteral(", PRIMARY KEY (day, provider, model, feature))"),
    };
}

QStringList usageRollupFillStatements() {
    // Each completed answer's time to the first token and total time in their bins, counted per person, provider and
    // model of a day; then everyone's (account -1) from those.
    QStringList counts;
    QStringList sums;
    for (const QChar kind : {QLatin1Char('f'), QLatin1Char('t')}) {
        for (int bin = 0; bin < LatencyHistogram::bins; ++bin) {
            counts << QStringLiteral("SUM(CASE WHEN %1b = %2 THEN 1 ELSE 0 END)").arg(kind).arg(bin);
            sums << QStringLiteral("SUM(%1%2)").arg(kind).arg(bin);
        }
    }
    const QString columns = usageLatencyColumns();
    return {
        QStringLiteral("INSERT INTO usage_latency (day, account_id, provider, model, ") + columns +
            QStringLiteral(") SELECT day, account_id, provider, model, ") + counts.join(QStringLiteral(", ")) +
            QStringLiteral(" FROM (SELECT day, account_id, provider, model, ") +
            LatencyHistogram::binSql(QStringLiteral("first_token_ms")) + QStringLiteral(" AS fb, ") +
            LatencyHistogram::binSql(QStringLiteral("latency_ms")) +
            QStringLiteral(" AS tb FROM usage_ledger WHERE outcome = 'complete' AND (first_token_ms IS NOT NULL OR "
                           "latency_ms IS NOT NULL)) x GROUP BY day, account_id, provider, model"),
        QStringLiteral("INSERT INTO usage_latency (day, account_id, provider, model, ") + columns +
            QStringLiteral(") SELECT day, -1, provider, model, ") + sums.join(QStringLiteral(", ")) +
            QStringLiteral(" FROM usage_latency WHERE account_id >= 0 GROUP BY day, provider, model"),
        QStringLiteral("INSERT INTO usage_global (day, provider, model, feature, requests, failures, cache_hits, "
                       "retries, fallbacks, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, "
                       "cost_micros, unpriced) SELECT day, provider, model, feature, SUM(requests), SUM(failures), "
                       "SUM(cache_hits), SUM(retries), SUM(fallbacks), SUM(input_tokens), SUM(cached_input_tokens), "
                       "SUM(output_tokens), SUM(reasoning_tokens), SUM(cost_micros), SUM(unpriced) FROM usage_daily "
                       "GROUP BY day, provider, model, feature"),
    };
}

} // namespace Tessera::Core
