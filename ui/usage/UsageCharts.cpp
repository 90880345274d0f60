#include "usage/UsageCharts.h"

#include "style/Theme.h"
#include "widgets/Money.h"

#include <QApplication>
#include <QAreaSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPalette>
#include <QScatterSeries>
#include <QStackedBarSeries>

#include <cmath>

namespace Tessera::Ui {

namespace {

constexpr double microsPerDollar = 1'000'000.0;

QString scaleText(double value, UsageUnit unit) {
    if (unit == UsageUnit::Money) {
        return value == 0 ? moneyText(0) : moneyText(qint64(std::llround(value * microsPerDollar)));
    }
    const QLocale locale;
    if (unit == UsageUnit::Milliseconds) {
        if (value >= 1000 || value == 0) {
            return QCoreApplication::translate("Tessera::Ui::UsageCharts", "%1 s")
                .arg(locale.toString(value / 1000.0, 'g', 3));
        }
        return QCoreApplication::translate("Tessera::Ui::UsageCharts", "%1 ms")
            .arg(locale.toString(qint64(std::llround(value))));
    }
    if (unit == UsageUnit::Share) {
        return locale.toString(value * 100.0, 'g', 3) + QChar(0x202F) + locale.percent();
    }
    if (value >= 1e6) {
        return locale.toString(value / 1e6, 'g', 3) + QCoreApplication::translate("Tessera::Ui::UsageCharts", "M");
    }
    if (value >= 1e4) {
        return locale.toString(value / 1e3, 'g', 3) + QCoreApplication::translate("Tessera::Ui::UsageCharts", "k");
    }
    return locale.toString(qint64(std::llround(value)));
}

// Category labels must be unique: a label seen before gets invisible zero-width spaces.
QString unique(QString label, QStringList& seen) {
    while (seen.contains(label)) {
        label += QChar(0x200B);
    }
    seen << label;
    return label;
}

// A short label for a period on the axis: "14:00", "1.12.", "Dec 2026".
QString axisLabel(const Core::UsageTimeline& timeline, std::size_t bucket) {
    const QLocale locale;
    const QDateTime start = timeline.starts[bucket];
    switch (timeline.step) {
    case Core::UsageStep::Hour:
        if (start.time().hour() == 0 || bucket == 0) {
            return locale.toString(start.date(), QLocale::ShortFormat);
        }
        return locale.toString(start.time(), QLocale::ShortFormat);
    case Core::UsageStep::Day:
    case Core::UsageStep::Week:
        return locale.toString(start.date(), QLocale::ShortFormat);
    case Core::UsageStep::Month:
        return locale.monthName(start.date().month(), QLocale::ShortFormat) + QLatin1Char(' ') +
               QString::number(start.date().year());
    }
    return {};
}

QCategoryAxis* periodAxis(const Core::UsageTimeline& timeline);
void colourChart(QChart* chart, const QPalette& palette, const QColor& grid);

QCategoryAxis* valueAxis(double maximum, UsageUnit unit) {
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const std::vector<double> steps = usageScale(maximum);
    QStringList seen;
    for (const double step : steps) {
        axis->append(unique(scaleText(step, unit), seen), step);
    }
    axis->setRange(0, steps.back());
    axis->setStartValue(0);
    return axis;
}

} // namespace

QColor usageSeriesColour(int index, bool other) {
    const bool dark = Style::current() == Style::Variant::Dark;
    if (other) {
        return dark ? QColor(0x8C, 0x8C, 0x8C) : QColor(0xA0, 0xA0, 0xA0);
    }
    // Okabe & Ito (2008), blue first. Every fill keeps a contrast of at least 3:1 with the dark theme's
    // background; on the light one, orange, sky blue and yellow sit between darker neighbours in a stack.
    static const QColor palette[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                     QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                                     QColor(0xF0, 0xE4, 0x42)};
    return palette[index % 7];
}

std::vector<double> usageScale(double maximum, int steps) {
    if (!(maximum > 0)) {
        return {0, 1};
    }
    const double rough = maximum / std::max(steps, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude;
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * magnitude >= rough) {
            step = factor * magnitude;
            break;
        }
    }
    std::vector<double> values;
    for (double v = 0; values.empty() || values.back() < maximum; v += step) {
        values.push_back(std::round(v / step) * step);
    }
    return values;
}

QChart* usageTimelineChart(const Core::UsageTimeline& timeline, const QStringList& names, UsageUnit unit) {
    auto* chart = new QChart;
    auto* series = new QStackedBarSeries;
    const double scale = unit == UsageUnit::Money ? microsPerDollar : 1.0;
    std::vector<double> totals(timeline.starts.size(), 0.0);
    for (std::size_t s = 0; s < timeline.series.size(); ++s) {
        const Core::UsageSeries& data = timeline.series[s];
        auto* set = new QBarSet(names.value(int(s)));
        const QColor colour = usageSeriesColour(int(s), data.isOther());
        set->setColor(colour);
        set->setBorderColor(colour);
        for (std::size_t b = 0; b < data.values.size(); ++b) {
            const double value = double(data.values[b]) / scale;
            set->append(value);
            totals[b] += value;
        }
        series->append(set);
    }
    series->setBarWidth(0.8);
    chart->addSeries(series);
    QCategoryAxis* periods = periodAxis(timeline);
    chart->addAxis(periods, Qt::AlignBottom);
    series->attachAxis(periods);
    const double maximum = totals.empty() ? 0.0 : *std::max_element(totals.begin(), totals.end());
    QCategoryAxis* values = valueAxis(maximum, unit);
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(timeline.series.size() > 1 || (!timeline.series.empty() && !names.isEmpty()));
    styleUsageChart(chart);
    return chart;
}

QChart* usageLineChart(const UsageLines& lines) {
    auto* chart = new QChart;
    double maximum = 0;
    const std::size_t count = lines.periods.starts.size();
    const double scale = lines.unit == UsageUnit::Money ? microsPerDollar : 1.0;
    const auto inBand = [&lines](std::size_t index) {
        return lines.band && (lines.band->first == index || lines.band->second == index);
    };
    // The range first, so the lines are drawn over it.
    if (lines.band && lines.band->first < lines.lines.size() && lines.band->second < lines.lines.size()) {
        const UsageLine& low = lines.lines[lines.band->first];
        const UsageLine& high = lines.lines[lines.band->second];
        auto* lower = new QLineSeries;
        auto* upper = new QLineSeries;
        for (std::size_t b = 0; b < std::min(low.values.size(), high.values.size()); ++b) {
            if (low.values[b] && high.values[b]) {
                lower->append(double(b), *low.values[b] / scale);
                upper->append(double(b), *high.values[b] / scale);
                maximum = std::max(maximum, *high.values[b] / scale);
            }
        }
        auto* area = new QAreaSeries(upper, lower);
        area->setName(lines.bandName.isEmpty() ? QStringLiteral("%1 – %2").arg(low.name, high.name) : lines.bandName);
        QColor fill = usageSeriesColour(high.colour, false);
        fill.setAlphaF(0.25);
        area->setBrush(fill);
        QColor edge = usageSeriesColour(high.colour, false);
        edge.setAlphaF(0.6);
        area->setPen(QPen(edge, 1.0)); // its edges, and a visible legend marker in both themes
        chart->addSeries(area);
    }
    for (std::size_t i = 0; i < lines.lines.size(); ++i) {
        if (inBand(i)) {
            continue;
        }
        const UsageLine& line = lines.lines[i];
        auto* series = new QLineSeries;
        series->setName(line.name);
        QPen pen(usageSeriesColour(line.colour, line.muted));
        pen.setWidthF(line.dashed || line.muted ? 1.5 : 2.5);
        pen.setStyle(line.dashed || line.muted ? Qt::DashLine : Qt::SolidLine);
        series->setPen(pen);
        series->setPointsVisible(count <= 16); // a dot per measured period where they stay apart
        for (std::size_t b = 0; b < line.values.size(); ++b) {
            if (line.values[b]) {
                series->append(double(b), *line.values[b] / scale);
                maximum = std::max(maximum, *line.values[b] / scale);
            }
        }
        chart->addSeries(series);
    }
    if (lines.limit && count > 0) {
        auto* limit = new QLineSeries;
        limit->setName(lines.limitName);
        QPen pen(usageSeriesColour(5, false)); // vermillion
        pen.setWidthF(2.0);
        limit->setPen(pen);
        limit->append(-0.5, *lines.limit / scale);
        limit->append(double(count) - 0.5, *lines.limit / scale);
        maximum = std::max(maximum, *lines.limit / scale);
        chart->addSeries(limit);
    }
    QCategoryAxis* periods = periodAxis(lines.periods);
    chart->addAxis(periods, Qt::AlignBottom);
    QCategoryAxis* values = valueAxis(maximum, lines.unit);
    chart->addAxis(values, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(periods);
        series->attachAxis(values);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(!lines.lines.empty());
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries); // dashed lines show as dashed
    styleUsageChart(chart);
    return chart;
}

namespace {

QCategoryAxis* periodAxis(const Core::UsageTimeline& timeline) {
    // The period axis: a label every few periods so they never overlap.
    auto* periods = new QCategoryAxis;
    periods->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const std::size_t count = timeline.starts.size();
    std::size_t every = 1;
    if (timeline.step == Core::UsageStep::Hour) {
        every = count > 26 ? 6 : 3;
    } else {
        every = std::max<std::size_t>(1, (count + 9) / 10);
    }
    QStringList seen;
    for (std::size_t b = 0; b < count; b += every) {
        periods->append(unique(axisLabel(timeline, b), seen), double(b));
    }
    periods->setRange(-0.5, double(count) - 0.5);
    periods->setStartValue(-0.5);
    periods->setGridLineVisible(false);
    return periods;
}

} // namespace

QChart* usageShareChart(const std::vector<Core::UsageShare>& shares) {
    auto* chart = new QChart;
    auto* series = new QHorizontalBarSeries;
    qint64 cost = 0;
    for (const Core::UsageShare& share : shares) {
        cost += share.totals.costMicros;
    }
    const bool byCost = cost > 0;
    auto* set = new QBarSet(byCost ? QCoreApplication::translate("Tessera::Ui::UsageCharts", "Cost")
                                   : QCoreApplication::translate("Tessera::Ui::UsageCharts", "Tokens"));
    set->setColor(usageSeriesColour(0, false));
    set->setBorderColor(usageSeriesColour(0, false));
    // Largest at the top: horizontal bars are drawn from the bottom.
    auto* names = new QCategoryAxis;
    names->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    QStringList seen;
    const QLocale locale;
    double maximum = 0;
    for (std::size_t i = shares.size(); i-- > 0;) {
        const Core::UsageShare& share = shares[i];
        const double value = byCost ? double(share.totals.costMicros) / microsPerDollar : double(share.totals.tokens());
        set->append(value);
        maximum = std::max(maximum, value);
        const QString label =
            QStringLiteral("%1  %2%3").arg(share.label, locale.toString(share.share * 100.0, 'f', 0), locale.percent());
        names->append(unique(label, seen), double(shares.size() - 1 - i));
    }
    series->append(set);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    names->setRange(-0.5, double(std::max<std::size_t>(shares.size(), 1)) - 0.5);
    names->setStartValue(-0.5);
    names->setGridLineVisible(false);
    chart->addAxis(names, Qt::AlignLeft);
    series->attachAxis(names);
    QCategoryAxis* values = valueAxis(maximum, byCost ? UsageUnit::Money : UsageUnit::Count);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    chart->legend()->setVisible(false);
    styleUsageChart(chart);
    return chart;
}

namespace {

// The groups with ratings, most rated first (then by name, for a steady order).
std::vector<const Core::FeedbackStats*> ratedGroups(const std::vector<Core::FeedbackStats>& stats, std::size_t limit) {
    std::vector<const Core::FeedbackStats*> rated;
    for (const Core::FeedbackStats& s : stats) {
        if (s.positiveRate) {
            rated.push_back(&s);
        }
    }
    std::stable_sort(rated.begin(), rated.end(),
                     [](const Core::FeedbackStats* a, const Core::FeedbackStats* b) { return a->rated > b->rated; });
    if (rated.size() > limit) {
        rated.resize(limit);
    }
    return rated;
}

} // namespace

std::size_t usageQualityRows(const std::vector<Core::FeedbackStats>& stats, std::size_t limit) {
    return ratedGroups(stats, limit).size();
}

QChart* usageQualityChart(const std::vector<Core::FeedbackStats>& stats, Core::FeedbackGrouping by, std::size_t limit) {
    auto* chart = new QChart;
    const std::vector<const Core::FeedbackStats*> rows = ratedGroups(stats, limit);
    const QColor colour = usageSeriesColour(0, false);
    auto* dots = new QScatterSeries;
    dots->setName(QCoreApplication::translate("Tessera::Ui::UsageCharts", "Rated good"));
    dots->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    dots->setMarkerSize(11);
    dots->setColor(colour);
    dots->setBorderColor(colour);
    auto* names = new QCategoryAxis;
    names->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    QStringList seen;
    const QLocale locale;
    // Most rated at the top: the scale counts from the bottom, and the axis takes its names from the bottom up.
    for (std::size_t y = 0; y < rows.size(); ++y) {
        const Core::FeedbackStats& s = *rows[rows.size() - 1 - y];
        auto* interval = new QLineSeries;
        QPen pen(colour);
        pen.setWidthF(2.5);
        pen.setCapStyle(Qt::FlatCap);
        interval->setPen(pen);
        interval->append(s.interval.low, double(y));
        interval->append(s.interval.high, double(y));
        chart->addSeries(interval);
        dots->append(*s.positiveRate, double(y));
        const QString label =
            QCoreApplication::translate("Tessera::Ui::UsageCharts", "%1 · %2%3 of %n rated", "", int(s.rated))
                .arg(qualityGroupName(s, by), locale.toString(*s.positiveRate * 100.0, 'f', 0),
                     QChar(0x202F) + locale.percent());
        names->append(unique(label, seen), double(y));
    }
    chart->addSeries(dots);
    names->setRange(-0.5, double(std::max<std::size_t>(rows.size(), 1)) - 0.5);
    names->setStartValue(-0.5);
    names->setGridLineVisible(false);
    chart->addAxis(names, Qt::AlignLeft);
    auto* shares = new QCategoryAxis;
    shares->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (const double step : {0.0, 0.25, 0.5, 0.75, 1.0}) {
        shares->append(scaleText(step, UsageUnit::Share), step);
    }
    // A little room at both ends, so a dot at 0 or 100 % is drawn whole.
    shares->setRange(-0.03, 1.03);
    shares->setStartValue(-0.03);
    shares->setTitleText(
        QCoreApplication::translate("Tessera::Ui::UsageCharts", "Rated good (dot) and its 95 % interval (line)"));
    chart->addAxis(shares, Qt::AlignBottom);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(names);
        series->attachAxis(shares);
    }
    chart->legend()->setVisible(false);
    styleUsageChart(chart);
    return chart;
}

QAbstractBarSeries* usageBarSeries(QChart* chart) {
    if (!chart) {
        return nullptr;
    }
    for (QAbstractSeries* series : chart->series()) {
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
            return bars;
        }
    }
    return nullptr;
}

void styleUsageChart(QChart* chart) {
    colourChart(chart, QApplication::palette(), Style::tokens().border);
}

void styleUsageChart(QChart* chart, Style::Variant variant) {
    colourChart(chart, Style::paletteFor(variant), Style::colours(variant).border);
}

namespace {

void colourChart(QChart* chart, const QPalette& palette, const QColor& grid) {
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 18, 4)); // room on the right for the last scale label
    chart->setAnimationOptions(QChart::NoAnimation);
    const QColor text = palette.color(QPalette::Text);
    const QColor muted = palette.color(QPalette::PlaceholderText);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(muted);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
        axis->setShadesVisible(false);
        axis->setTitleBrush(text);
    }
    chart->legend()->setLabelColor(text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
}

} // namespace

} // namespace Tessera::Ui
