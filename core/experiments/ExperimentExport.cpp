#include "experiments/ExperimentExport.h"

#include "common/Csv.h"

#include <QJsonArray>

namespace Tessera::Core {

QJsonObject experimentResultsJson(const ExperimentResults& r) {
    QJsonArray variants;
    for (const VariantResults& v : r.variants) {
        variants.append(QJsonObject{{QStringLiteral("label"), v.label},
                                    {QStringLiteral("answers"), v.answers},
                                    {QStringLiteral("passed"), v.passed},
                                    {QStringLiteral("failed"), v.failed},
                                    {QStringLiteral("pass_rate"), v.passRate()},
                                    {QStringLiteral("ci_low"), v.interval.low},
                                    {QStringLiteral("ci_high"), v.interval.high},
                                    {QStringLiteral("mean_score"), v.meanScore},
                                    {QStringLiteral("cost_usd"), double(v.costMicros) / 1'000'000.0},
                                    {QStringLiteral("unpriced_answers"), v.unpriced},
                                    {QStringLiteral("p50_latency_ms"), v.p50LatencyMs},
                                    {QStringLiteral("p95_latency_ms"), v.p95LatencyMs}});
    }
    QJsonArray pairwise;
    for (const PairwiseResults& p : r.pairwise) {
        pairwise.append(QJsonObject{
            {QStringLiteral("a"), r.variants[std::size_t(p.first)].label},
            {QStringLiteral("b"), r.variants[std::size_t(p.second)].label},
            {QStringLiteral("a_wins"), p.wins},
            {QStringLiteral("ties"), p.ties},
            {QStringLiteral("b_wins"), p.losses},
            {QStringLiteral("difference"), p.comparison.difference.difference},
            {QStringLiteral("ci_low"), p.comparison.difference.interval.low},
            {QStringLiteral("ci_high"), p.comparison.difference.interval.high},
            {QStringLiteral("judged"), p.judged},
            {QStringLiteral("judge_a_wins"), p.judgeWins},
            {QStringLiteral("judge_ties"), p.judgeTies},
            {QStringLiteral("judge_b_wins"), p.judgeLosses},
            {QStringLiteral("votes"), p.voted},
            {QStringLiteral("vote_a_wins"), p.voteWins},
            {QStringLiteral("vote_ties"), p.voteTies},
            {QStringLiteral("vote_b_wins"), p.voteLosses},
            {QStringLiteral("judge_human_agreement"), p.agreement() ? QJsonValue(*p.agreement()) : QJsonValue()}});
    }
    QJsonValue ranking;
    if (r.ranking) {
        QJsonArray ranked;
        for (std::size_t v = 0; v < r.ranking->variants.size(); ++v) {
            ranked.append(QJsonObject{{QStringLiteral("label"), r.variants[v].label},
                                      {QStringLiteral("rating"), r.ranking->variants[v].rating},
                                      {QStringLiteral("ci_low"), r.ranking->variants[v].low},
                                      {QStringLiteral("ci_high"), r.ranking->variants[v].high}});
        }
        ranking = ranked;
    }
    return QJsonObject{
        {QStringLiteral("experiment"), r.experiment.definition.name},
        {QStringLiteral("state"), r.job ? QString(jobStateName(r.job->state)) : QStringLiteral("not run")},
        {QStringLiteral("done"), r.job ? r.job->done : 0},
        {QStringLiteral("total"), r.job ? r.job->total : 0},
        {QStringLiteral("variants"), variants},
        {QStringLiteral("pairwise"), pairwise},
        {QStringLiteral("ranking"), ranking},
        {QStringLiteral("ranked_by"), r.ranking ? QJsonValue(r.rankedBy) : QJsonValue()},
        {QStringLiteral("verdict"), r.verdict}};
}

QString experimentResultsCsv(const ExperimentResults& results, const std::vector<JobItem>& items) {
    QString csv =
        csvLine({QStringLiteral("item"), QStringLiteral("row"), QStringLiteral("repeat"), QStringLiteral("variant"),
                 QStringLiteral("state"), QStringLiteral("pass"), QStringLiteral("score"), QStringLiteral("cost_usd"),
                 QStringLiteral("latency_ms"), QStringLiteral("answer_or_error")});
    for (const JobItem& item : items) {
        const QJsonObject& out = item.result;
        const int v = item.input.value(QLatin1StringView("variant")).toInt();
        const QJsonValue cost = out.value(QLatin1StringView("cost_micros"));
        csv += csvLine(
            {QString::number(item.input.value(QLatin1StringView("item")).toInt()),
             out.contains(QLatin1StringView("row")) ? QString::number(out.value(QLatin1StringView("row")).toInt())
                                                    : QString(),
             QString::number(item.input.value(QLatin1StringView("repeat")).toInt()),
             v >= 0 && std::size_t(v) < results.variants.size() ? results.variants[std::size_t(v)].label : QString(),
             item.state == JobItemState::Done     ? QStringLiteral("done")
             : item.state == JobItemState::Failed ? QStringLiteral("failed")
                                                  : QStringLiteral("pending"),
             item.state == JobItemState::Done
                 ? (out.value(QLatin1StringView("pass")).toBool() ? QStringLiteral("yes") : QStringLiteral("no"))
                 : QString(),
             item.state == JobItemState::Done ? QString::number(out.value(QLatin1StringView("score")).toDouble())
                                              : QString(),
             cost.isDouble() ? QString::number(cost.toDouble() / 1'000'000.0, 'f', 6) : QString(),
             item.state == JobItemState::Done
                 ? QString::number(qint64(out.value(QLatin1StringView("latency_ms")).toDouble()))
                 : QString(),
             item.state == JobItemState::Failed ? item.error : out.value(QLatin1StringView("answer")).toString()});
    }
    return csv;
}

} // namespace Tessera::Core
