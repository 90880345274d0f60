#include "usage/UsageFigures.h"

#include "widgets/Money.h"

#include <QLocale>

#include <cmath>

namespace Tessera::Ui {

namespace {

// "▲ 12 %" / "▼ 8 %" against the period before, or words when there is nothing to compare.
QString changeText(double current, double previous) {
    if (previous == 0) {
        return current == 0 ? UsageFigures::tr("no change") : UsageFigures::tr("new");
    }
    const double change = (current - previous) / previous;
    if (std::abs(change) < 0.0005) {
        return UsageFigures::tr("no change");
    }
    return (change > 0 ? QStringLiteral("▲ ") : QStringLiteral("▼ ")) + UsageFigures::percentText(std::abs(change));
}

} // namespace

QString UsageFigures::percentText(double fraction, int decimals) {
    const QLocale locale;
    return locale.toString(fraction * 100.0, 'f', decimals) + QChar(0x202F) + locale.percent();
}

QString UsageFigures::comparison(QDate from, QDate to) {
    const qint64 days = from.daysTo(to) + 1;
    return tr("against the %n day(s) before", "", int(days));
}

std::vector<UsageFigures::Tile> UsageFigures::tiles(const Core::UsageSummary& summary) {
    const Core::UsageTotals& now = summary.current;
    const Core::UsageTotals& before = summary.previous;
    const QLocale locale;
    const QString lowerBound =
        now.unpriced > 0 ? tr("%n request(s) without a price: the cost is at least this.", "", int(now.unpriced))
                         : QString();
    std::vector<Tile> tiles;
    tiles.push_back({tr("Cost"),
                     now.unpriced > 0 ? QStringLiteral("≥ ") + moneyText(now.costMicros) : moneyText(now.costMicros),
                     changeText(double(now.costMicros), double(before.costMicros)), lowerBound});
    tiles.push_back({tr("Tokens"), locale.toString(now.tokens()),
                     changeText(double(now.tokens()), double(before.tokens())),
                     tr("Input %1 (cached %2), output %3 (reasoning %4)")
                         .arg(locale.toString(now.inputTokens), locale.toString(now.cachedInputTokens),
                              locale.toString(now.outputTokens), locale.toString(now.reasoningTokens))});
    tiles.push_back({tr("Requests"), locale.toString(now.requests),
                     changeText(double(now.requests), double(before.requests)),
                     tr("%n answer(s) from Tessera's cache, %1 retries, %2 on a fallback model", "", int(now.cacheHits))
                         .arg(locale.toString(now.retries), locale.toString(now.fallbacks))});
    const auto average = now.averageCostMicros();
    const auto averageBefore = before.averageCostMicros();
    tiles.push_back({tr("Average cost per request"), average ? moneyText(*average) : tr("none"),
                     average && averageBefore ? changeText(double(*average), double(*averageBefore)) : QString(),
                     lowerBound});
    const auto rate = now.failureRate();
    const auto rateBefore = before.failureRate();
    QString rateChange;
    if (rate && rateBefore) {
        const double points = (*rate - *rateBefore) * 100.0;
        rateChange = std::abs(points) < 0.05 ? tr("no change")
                                             : tr("%1 %2 points")
                                                   .arg(points > 0 ? QStringLiteral("▲") : QStringLiteral("▼"),
                                                        locale.toString(std::abs(points), 'f', 1));
    }
    tiles.push_back({tr("Failed requests"), rate ? percentText(*rate, 1) : tr("none"), rateChange,
                     tr("%n failed request(s)", "", int(now.failures))});
    return tiles;
}

QString UsageFigures::seriesName(const Core::UsageSeries& series, bool tokens, Core::UsageDimension split) {
    if (tokens) {
        if (series.key == Core::UsageTokenSeries::input) {
            return tr("Input");
        }
        if (series.key == Core::UsageTokenSeries::cachedInput) {
            return tr("Cached input");
        }
        if (series.key == Core::UsageTokenSeries::output) {
            return tr("Output");
        }
        return tr("Reasoning");
    }
    if (series.isOther()) {
        return tr("Everything else");
    }
    if (split == Core::UsageDimension::Feature) {
        if (series.key == QLatin1StringView("chat")) {
            return tr("Chat");
        }
        if (series.key == QLatin1StringView("title")) {
            return tr("Titles");
        }
    }
    return series.label;
}

QStringList UsageFigures::seriesNames(const Core::UsageTimeline& timeline, bool tokens, Core::UsageDimension split) {
    QStringList names;
    for (const Core::UsageSeries& series : timeline.series) {
        names << seriesName(series, tokens, split);
    }
    return names;
}

QString UsageFigures::splitName(Core::UsageDimension split) {
    switch (split) {
    case Core::UsageDimension::Model:
        return tr("by model");
    case Core::UsageDimension::Provider:
        return tr("by provider");
    case Core::UsageDimension::User:
        return tr("by person");
    case Core::UsageDimension::Role:
        return tr("by role");
    case Core::UsageDimension::Feature:
        return tr("by feature");
    }
    return {};
}

QString UsageFigures::scopeText(const Scope& scope) {
    QStringList parts;
    if (!scope.person.isEmpty()) {
        parts << tr("Person: %1").arg(scope.person);
    } else if (!scope.role.isEmpty()) {
        parts << tr("Role: %1").arg(scope.role);
    } else {
        parts << (scope.everyone ? tr("Everyone") : tr("Your usage"));
    }
    if (!scope.provider.isEmpty()) {
        parts << tr("Provider: %1").arg(scope.provider);
    }
    if (!scope.model.isEmpty()) {
        parts << tr("Model: %1").arg(scope.model);
    }
    if (!scope.feature.isEmpty()) {
        parts << tr("Feature: %1").arg(scope.feature);
    }
    return parts.join(QStringLiteral(" · "));
}

UsageLines UsageFigures::speedLines(const Core::UsageLatency& latency, SpeedMeasure measure) {
    UsageLines lines;
    lines.periods.step = latency.step;
    lines.periods.starts = latency.starts;
    lines.periods.end = latency.end;
    lines.unit = UsageUnit::Milliseconds;
    const bool first = measure == SpeedMeasure::FirstToken;
    for (std::size_t p = 0; p < latency.providers.size(); ++p) {
        const Core::UsageLatencySeries& series = latency.providers[p];
        UsageLine p95{tr("%1 p95").arg(series.provider), int(p), false, false, {}};
        UsageLine p50{tr("%1 p50").arg(series.provider), int(p), true, false, {}};
        for (const Core::UsageLatencyPoint& point : series.buckets) {
            const auto high = first ? point.firstTokenP95 : point.totalP95;
            const auto middle = first ? point.firstTokenP50 : point.totalP50;
            p95.values.push_back(high ? std::optional<double>(double(*high)) : std::nullopt);
            p50.values.push_back(middle ? std::optional<double>(double(*middle)) : std::nullopt);
        }
        lines.lines.push_back(std::move(p95));
        lines.lines.push_back(std::move(p50));
    }
    return lines;
}

UsageLines UsageFigures::reliabilityLines(const Core::UsageReliability& reliability, ReliabilityMeasure measure) {
    UsageLines lines;
    lines.periods.step = reliability.step;
    lines.periods.starts = reliability.starts;
    lines.periods.end = reliability.end;
    const bool share = measure == ReliabilityMeasure::Failures || measure == ReliabilityMeasure::CacheHits;
    lines.unit = share ? UsageUnit::Share : UsageUnit::Count;
    for (std::size_t p = 0; p < reliability.providers.size(); ++p) {
        const Core::UsageReliabilitySeries& series = reliability.providers[p];
        UsageLine line{series.provider, int(p), false, false, {}};
        for (const Core::UsageTotals& t : series.buckets) {
            if (t.requests == 0) {
                line.values.push_back(std::nullopt); // no requests: nothing to measure
                continue;
            }
            switch (measure) {
            case ReliabilityMeasure::Failures:
                line.values.push_back(double(t.failures) / double(t.requests));
                break;
            case ReliabilityMeasure::Retries:
                line.values.push_back(double(t.retries));
                break;
            case ReliabilityMeasure::Fallbacks:
                line.values.push_back(double(t.fallbacks));
                break;
            case ReliabilityMeasure::CacheHits:
                line.values.push_back(double(t.cacheHits) / double(t.requests));
                break;
            }
        }
        lines.lines.push_back(std::move(line));
    }
    return lines;
}

QString UsageFigures::budgetName(const Core::BudgetPace& pace) {
    const Core::Budget& budget = pace.standing.budget;
    QString window;
    switch (budget.period) {
    case Core::BudgetPeriod::Day:
        window = tr("Daily");
        break;
    case Core::BudgetPeriod::Week:
        window = tr("Weekly");
        break;
    case Core::BudgetPeriod::Month:
        window = tr("Monthly");
        break;
    case Core::BudgetPeriod::Total:
        window = tr("Total");
        break;
    }
    switch (budget.scope) {
    case Core::BudgetScope::User:
        return tr("%1 budget of %2").arg(window, budget.subjectName);
    case Core::BudgetScope::Role:
        return pace.standing.who.isEmpty() ? tr("%1 budget of each member of %2").arg(window, budget.subjectName)
                                           : tr("%1 budget of each member of %2 (closest: %3)")
                                                 .arg(window, budget.subjectName, pace.standing.who);
    case Core::BudgetScope::Global:
        return tr("%1 budget for everyone").arg(window);
    }
    return window;
}

UsageLines UsageFigures::paceLines(const Core::BudgetPace& pace, const QTimeZone& zone) {
    UsageLines lines;
    lines.periods.step = Core::UsageStep::Day;
    for (const QDate day : pace.days) {
        lines.periods.starts.push_back(day.startOfDay(zone));
    }
    if (!pace.days.empty()) {
        lines.periods.end = pace.days.back().addDays(1).startOfDay(zone);
    }
    lines.unit = pace.money ? UsageUnit::Money : UsageUnit::Count;
    const auto optional = [](const std::vector<std::optional<qint64>>& from) {
        std::vector<std::optional<double>> to;
        for (const std::optional<qint64>& value : from) {
            to.push_back(value ? std::optional<double>(double(*value)) : std::nullopt);
        }
        return to;
    };
    std::vector<std::optional<double>> even;
    for (const qint64 value : pace.evenPace) {
        even.push_back(double(value));
    }
    lines.lines.push_back(UsageLine{tr("Spent"), 0, false, false, optional(pace.spent)});
    lines.lines.push_back(UsageLine{tr("Even pace"), 0, false, true, even});
    lines.lines.push_back(UsageLine{tr("Forecast"), 1, true, false, optional(pace.forecast)});
    lines.lines.push_back(UsageLine{tr("Forecast low"), 1, true, false, optional(pace.forecastLow)});
    lines.lines.push_back(UsageLine{tr("Forecast high"), 1, true, false, optional(pace.forecastHigh)});
    lines.band = std::pair<std::size_t, std::size_t>{3, 4};
    lines.bandName = tr("Forecast range (80 %)");
    lines.limit = double(pace.limit);
    lines.limitName = tr("Limit");
    return lines;
}

QString UsageFigures::paceText(const Core::BudgetPace& pace) {
    const QLocale locale;
    const auto amount = [&pace, &locale](qint64 value) {
        return pace.money ? moneyText(value) : tr("%1 tokens").arg(locale.toString(value));
    };
    QStringList parts;
    parts << tr("%1 of %2 used (%3).")
                 .arg(amount(pace.used), amount(pace.limit),
                      usageAmountText(pace.limit > 0 ? double(pace.used) / double(pace.limit) : 0.0, UsageUnit::Share));
    if (pace.reached) {
        parts << (pace.limitDay
                      ? tr("The limit was reached on %1.").arg(locale.toString(*pace.limitDay, QLocale::ShortFormat))
                      : tr("The limit is reached."));
        return parts.join(QLatin1Char(' '));
    }
    if (pace.recentDays > 0) {
        parts << tr("Recent rate: %1 a day.").arg(amount(pace.dailyRate));
    }
    if (pace.endForecast) {
        parts << tr("Forecast at the end of the window: %1 (80 % range %2 to %3).")
                     .arg(amount(*pace.endForecast), amount(pace.endLow.value_or(*pace.endForecast)),
                          amount(pace.endHigh.value_or(*pace.endForecast)));
    }
    if (pace.limitDay) {
        parts << tr("At this rate the limit is reached on %1.")
                     .arg(locale.toString(*pace.limitDay, QLocale::ShortFormat));
    } else if (pace.dailyRate > 0 && !pace.days.empty()) {
        parts << tr("At this rate the limit holds until the window ends.");
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace Tessera::Ui
