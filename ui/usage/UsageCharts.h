#pragma once

#include "prompts/Feedback.h"
#include "style/Tokens.h"
#include "usage/UsageDashboard.h"
#include "usage/UsageTableModels.h"

#include <QColor>
#include <QStringList>

#include <vector>

class QChart;
class QAbstractBarSeries;

namespace Tessera::Ui {

// The charts' colours: the Okabe–Ito set, told apart with every common colour-vision deficiency; "everything else"
// is grey.
QColor usageSeriesColour(int index, bool other);

// A chart over time: one stacked bar per period, a stack per series (named by `names`, in order), a money or count
// scale in the locale's format, and period labels spaced to stay readable. The chart follows the palette.
QChart* usageTimelineChart(const Core::UsageTimeline& timeline, const QStringList& names, UsageUnit unit);
// Lines over time (speed, reliability): a line per entry in its palette colour, dashed for the lighter of a pair, a
// dot per measured period where they fit; the scale in the lines' unit.
QChart* usageLineChart(const UsageLines& lines);
// A top list as horizontal bars of cost (of tokens when nothing cost money), largest at the top, each labelled
// with its name and share.
QChart* usageShareChart(const std::vector<Core::UsageShare>& shares);
// The quality of answers: for the groups rated most (at most `limit`, most rated at the top), a dot at the share
// rated good and a line across its 95 % interval, on a scale of 0 to 100 %; each named with its share and ratings.
QChart* usageQualityChart(const std::vector<Core::FeedbackStats>& stats, Core::FeedbackGrouping by,
                          std::size_t limit = 8);
// How many groups the chart above shows (those with ratings, up to the limit).
std::size_t usageQualityRows(const std::vector<Core::FeedbackStats>& stats, std::size_t limit = 8);
// The bar series of a chart built above (for hover and clicks).
QAbstractBarSeries* usageBarSeries(QChart* chart);
// Colours a chart built above from the current palette (after a theme change).
void styleUsageChart(QChart* chart);
// Colours it in a variant's colours whatever the theme (a printed report is light).
void styleUsageChart(QChart* chart, Style::Variant variant);

// A scale's steps: about `steps` round values (1, 2 or 5 × 10ⁿ) from 0 to at least `maximum`.
std::vector<double> usageScale(double maximum, int steps = 4);

} // namespace Tessera::Ui
