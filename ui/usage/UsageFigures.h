#pragma once

#include "usage/BudgetPace.h"
#include "usage/UsageDashboard.h"
#include "usage/UsageTableModels.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTimeZone>

#include <vector>

namespace Tessera::Ui {

// What the Usage view and the usage report show, in words and lines, from the dashboards' plain series: the tiles'
// texts, the series' names, and the speed, reliability and budget-pace lines. Shared by the window, the PDF report
// and the CLI's charts, so all three read the same.
class UsageFigures final {
    Q_DECLARE_TR_FUNCTIONS(Tessera::Ui::UsageFigures)

public:
    // A summary tile: its name, the value, the change against the period before, and the detail behind it.
    struct Tile {
        QString name;
        QString value;
        QString change;
        QString detail;
    };
    // The five tiles: cost, tokens, requests, average cost per request and failed requests.
    static std::vector<Tile> tiles(const Core::UsageSummary& summary);
    // "against the 30 days before": what the tiles' changes compare with.
    static QString comparison(QDate from, QDate to);
    // "0.5 %" in the locale's format.
    static QString percentText(double fraction, int decimals = 0);

    // A series as its legend and table header read it: a model, a person's name, "Everything else", "Cached input".
    static QString seriesName(const Core::UsageSeries& series, bool tokens, Core::UsageDimension split);
    static QStringList seriesNames(const Core::UsageTimeline& timeline, bool tokens, Core::UsageDimension split);
    // "by model", "by person", ...
    static QString splitName(Core::UsageDimension split);
    // Whom and what a view or report covers, in words: "Everyone", "Your usage", "Person: ada", "Role: Member", then
    // any provider, model and feature it is narrowed to ("Provider: openai · Model: gpt-5.4"). Empty names are unset.
    struct Scope {
        bool everyone = false; // the reader may see everyone's usage
        QString person;
        QString role;
        QString provider;
        QString model;
        QString feature;
    };
    static QString scopeText(const Scope& scope);

    // What the speed chart shows: time to the first token, or the whole answer.
    enum class SpeedMeasure { FirstToken, Total };
    // What the reliability chart shows per provider.
    enum class ReliabilityMeasure { Failures, Retries, Fallbacks, CacheHits };
    // p95 (solid) and p50 (dashed) per provider.
    static UsageLines speedLines(const Core::UsageLatency& latency, SpeedMeasure measure);
    static UsageLines reliabilityLines(const Core::UsageReliability& reliability, ReliabilityMeasure measure);

    // "Monthly budget of alice", "Weekly budget for everyone".
    static QString budgetName(const Core::BudgetPace& pace);
    // Spent, the even pace, the forecast with its 80 % range and the limit, a day each.
    static UsageLines paceLines(const Core::BudgetPace& pace, const QTimeZone& zone);
    // The pace in words: used of the limit, the recent rate, the forecast and the day the limit is reached.
    static QString paceText(const Core::BudgetPace& pace);
};

} // namespace Tessera::Ui
