#pragma once

#include "common/Result.h"
#include "usage/UsageLoader.h"

#include <QDateTime>
#include <QSize>
#include <QString>
#include <QTimeZone>

class QChart;
class QPainter;
class QRectF;

namespace Tessera::Ui {

// Draws a chart built by UsageCharts into a rectangle of a painter, as vectors where the painter keeps them (PDF,
// SVG). The chart is laid out at the rectangle's size times `scale` and drawn to fit it (above 1, its text is
// smaller and its labels keep more of their words); it stays the caller's.
void paintUsageChart(QChart* chart, QPainter& painter, const QRectF& target, double scale = 1.0);

// A chart's title as people read it: "Cost by model, 1/11/26 – 30/11/26".
QString usageChartTitle(Core::UsageMetric metric, Core::UsageDimension by, QDate from, QDate to);

// Writes a chart alone as an image: PNG or SVG by the path's extension, `size` in pixels, atomically (a partial file
// never replaces an existing one). Needs a QApplication (the CLI starts one on the offscreen platform).
// Errors: export.failed (cannot write, or an extension other than .png or .svg).
Core::Status writeUsageChartImage(QChart* chart, const QString& path, QSize size, const QString& title);

// What a usage report says about itself beside the snapshot: who it covers and when it was made.
struct UsageReportHeader {
    QString scope;        // "Everyone", a person, "Your usage"; and any narrowing filters, in words
    QDateTime generated;  // when it was made
    QTimeZone zone;       // the usage time zone: days and budget windows count in it
    QString organisation; // optional, above the title
};

// The whole Usage dashboard for a period as a PDF (A4, light colours for print): the title, the period and scope, the
// summary tiles, cost and tokens over time, each budget's pace, the top people and models as bars and tables, and
// each provider's speed and reliability. The snapshot is what UsageLoader reads (readUsageSnapshot); its request's
// split chooses how the cost is stacked. Written atomically. Needs a QApplication. Returns the number of pages.
// Errors: export.failed.
Core::Result<int> writeUsageReportPdf(const QString& path, const UsageSnapshot& snapshot,
                                      const UsageReportHeader& header);

} // namespace Tessera::Ui
