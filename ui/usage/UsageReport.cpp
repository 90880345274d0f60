#include "usage/UsageReport.h"

#include "style/Theme.h"
#include "usage/UsageCharts.h"
#include "usage/UsageFigures.h"
#include "usage/UsageTableModels.h"

#include <QApplication>
#include <QChart>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QSvgGenerator>

#include <memory>

namespace Tessera::Ui {

namespace {

// The report's own words share the Usage view's context where they are the same words.
class UsageReportText final {
    Q_DECLARE_TR_FUNCTIONS(Tessera::Ui::UsageReport)
};

Core::Error writeError(const QString& path, const QString& why) {
    return Core::makeError(Core::ErrorCode::ExportFailed, QStringLiteral("cannot write %1: %2").arg(path, why));
}

// A page of the report as it fills from the top: sections ask for room, and a new page starts when they would not fit.
class ReportPages final {
public:
    ReportPages(QPdfWriter& writer, QPainter& painter, QString footer)
        : m_writer(writer)
        , m_painter(painter)
        , m_footer(std::move(footer)) {
        const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
        m_area = QRectF(0, 0, page.width(), page.height() - footerHeight);
        m_y = m_area.top();
        m_light = Style::colours(Style::Variant::Light);
        m_base = QApplication::font();
    }

    double width() const { return m_area.width(); }
    double left() const { return m_area.left(); }
    double y() const { return m_y; }
    int pages() const { return m_pages; }
    const Style::Colours& colours() const { return m_light; }

    QFont font(double points, QFont::Weight weight = QFont::Normal) const {
        QFont font = m_base;
        font.setPointSizeF(points);
        font.setWeight(weight);
        return font;
    }

    // Room for `height` more on this page, else a new page.
    void need(double height) {
        if (m_y + height > m_area.bottom() && m_y > m_area.top()) {
            newPage();
        }
    }

    void newPage() {
        drawFooter();
        m_writer.newPage();
        ++m_pages;
        m_y = m_area.top();
    }

    void space(double height) { m_y += height; }

    // Wrapped text across the width (or a part of it), advancing past it.
    void text(const QString& words, const QFont& font, const QColor& colour, double indent = 0) {
        m_painter.setFont(font);
        const QRectF box(m_area.left() + indent, m_y, m_area.width() - indent, 10000);
        const QRectF used = m_painter.boundingRect(box, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, words);
        need(used.height());
        m_painter.setPen(colour);
        m_painter.drawText(QRectF(m_area.left() + indent, m_y, m_area.width() - indent, used.height()),
                           Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, words);
        m_y += used.height();
    }

    // A section's heading, kept on a page with the first `keepWith` pixels of what follows it.
    void heading(const QString& words, double keepWith) {
        need(40 + keepWith);
        space(10);
        text(words, font(12, QFont::DemiBold), m_light.text);
        space(4);
    }

    // A chart at the full width, built by UsageCharts and drawn in the light colours. It is laid out a third larger
    // than it is drawn, so its labels and legend keep their words at the page's narrower width.
    void chart(QChart* built, double height) {
        std::unique_ptr<QChart> chart(built);
        styleUsageChart(chart.get(), Style::Variant::Light);
        need(height);
        paintUsageChart(chart.get(), m_painter, QRectF(m_area.left(), m_y, m_area.width(), height), chartScale);
        m_y += height;
    }

    // The summary tiles in a row of boxes.
    void tiles(const std::vector<UsageFigures::Tile>& tiles) {
        const double gap = 8;
        const double nameHeight = 22; // two short lines where a language's name is long
        const double height = 72;
        need(height);
        const double each = (m_area.width() - gap * double(tiles.size() - 1)) / double(tiles.size());
        for (std::size_t i = 0; i < tiles.size(); ++i) {
            const QRectF box(m_area.left() + double(i) * (each + gap), m_y, each, height);
            m_painter.setPen(QPen(m_light.border, 1));
            m_painter.setBrush(m_light.raised);
            m_painter.drawRoundedRect(box, 6, 6);
            const QRectF inner = box.adjusted(6, 6, -6, -6);
            m_painter.setPen(m_light.mutedText);
            // The name on one line, a size smaller where it is long; else on two.
            double points = 7.5;
            m_painter.setFont(font(points));
            while (points > 6.0 && m_painter.fontMetrics().horizontalAdvance(tiles[i].name) > inner.width()) {
                points -= 0.5;
                m_painter.setFont(font(points));
            }
            m_painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), nameHeight),
                               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, tiles[i].name);
            m_painter.setPen(m_light.text);
            m_painter.setFont(font(13, QFont::Bold));
            m_painter.drawText(QRectF(inner.left(), inner.top() + nameHeight, inner.width(), 24),
                               Qt::AlignLeft | Qt::AlignVCenter, tiles[i].value);
            m_painter.setPen(m_light.mutedText);
            m_painter.setFont(font(7.5));
            m_painter.drawText(QRectF(inner.left(), inner.top() + nameHeight + 24, inner.width(), 14),
                               Qt::AlignLeft | Qt::AlignTop, tiles[i].change);
        }
        m_painter.setBrush(Qt::NoBrush);
        m_y += height;
    }

    // A table from an item model: its headers and every row, numbers to the right (or as the model aligns them), a
    // hairline under the header. The first column takes 36 % of the width and the others share the rest, unless
    // `widths` gives each column's share.
    void table(const QAbstractItemModel& model, const std::vector<double>& widths = {}) {
        const int columns = model.columnCount();
        if (columns == 0) {
            return;
        }
        const double rowHeight = 17;
        std::vector<double> shares = widths;
        if (shares.size() != std::size_t(columns)) {
            shares.assign(std::size_t(columns), 0.64 / double(std::max(columns - 1, 1)));
            shares[0] = 0.36;
        }
        const auto cell = [&](int column) {
            double x = m_area.left();
            for (int c = 0; c < column; ++c) {
                x += shares[std::size_t(c)] * m_area.width();
            }
            return std::pair<double, double>{x, shares[std::size_t(column)] * m_area.width()};
        };
        const auto alignment = [&model](int row, int column) {
            // A header goes the way its column's first row does.
            const QVariant given = model.rowCount() > 0
                                       ? model.data(model.index(std::max(row, 0), column), Qt::TextAlignmentRole)
                                       : QVariant();
            if (!given.isValid()) {
                return Qt::Alignment(column == 0 ? Qt::AlignLeft : Qt::AlignRight);
            }
            const Qt::Alignment align = given.metaType() == QMetaType::fromType<Qt::Alignment>()
                                            ? given.value<Qt::Alignment>()
                                            : Qt::Alignment(given.toInt());
            return align & Qt::AlignHorizontal_Mask;
        };
        const auto drawRow = [&](const std::function<QString(int)>& textOf, int row) {
            const bool header = row < 0;
            need(rowHeight);
            m_painter.setFont(font(8, header ? QFont::DemiBold : QFont::Normal));
            m_painter.setPen(m_light.text);
            for (int c = 0; c < columns; ++c) {
                const auto [x, w] = cell(c);
                const Qt::Alignment align = alignment(row, c) | Qt::AlignVCenter;
                const QRectF box(x + 2, m_y, w - 4, rowHeight);
                m_painter.drawText(box, int(align),
                                   m_painter.fontMetrics().elidedText(textOf(c), Qt::ElideRight, int(box.width())));
            }
            m_y += rowHeight;
            m_painter.setPen(QPen(m_light.border, header ? 1.0 : 0.5));
            m_painter.drawLine(QPointF(m_area.left(), m_y), QPointF(m_area.right(), m_y));
        };
        need(rowHeight * double(model.rowCount() + 1)); // on one page where it fits on one
        drawRow([&model](int c) { return model.headerData(c, Qt::Horizontal).toString(); }, -1);
        for (int r = 0; r < model.rowCount(); ++r) {
            drawRow([&model, r](int c) { return model.data(model.index(r, c)).toString(); }, r);
        }
    }

    void finish() { drawFooter(); }

private:
    static constexpr double footerHeight = 24;
    static constexpr double chartScale = 1.35;

    void drawFooter() {
        const QRectF page = m_writer.pageLayout().paintRectPixels(m_writer.resolution());
        m_painter.setFont(font(7));
        m_painter.setPen(m_light.mutedText);
        const QRectF line(0, page.height() - 14, page.width(), 14);
        m_painter.drawText(line, Qt::AlignLeft | Qt::AlignBottom, m_footer);
        m_painter.drawText(line, Qt::AlignRight | Qt::AlignBottom,
                           UsageReportText::tr("Page %1").arg(QLocale().toString(m_pages)));
    }

    QPdfWriter& m_writer;
    QPainter& m_painter;
    QString m_footer;
    QRectF m_area;
    double m_y = 0;
    int m_pages = 1;
    Style::Colours m_light;
    QFont m_base;
};

constexpr std::size_t averageTile = 3; // UsageFigures::tiles' order

QString periodText(QDate from, QDate to) {
    const QLocale locale;
    const qint64 days = from.daysTo(to) + 1;
    return QCoreApplication::translate("Tessera::Ui::UsageReport", "%1 to %2 (%n day(s))", "", int(days))
        .arg(locale.toString(from, QLocale::LongFormat), locale.toString(to, QLocale::LongFormat));
}

void writeReport(ReportPages& pages, const UsageSnapshot& s, const UsageReportHeader& header) {
    const Style::Colours& c = pages.colours();
    const QLocale locale;
    const Core::UsageFilter& filter = s.request.filter;
    if (!header.organisation.isEmpty()) {
        pages.text(header.organisation, pages.font(9, QFont::DemiBold), c.mutedText);
    }
    pages.text(UsageReportText::tr("Usage report"), pages.font(20, QFont::Bold), c.text);
    pages.space(2);
    pages.text(periodText(filter.from, filter.to), pages.font(11), c.text);
    if (!header.scope.isEmpty()) {
        pages.text(header.scope, pages.font(9), c.mutedText);
    }
    pages.text(UsageReportText::tr("Days count in the time zone %1. Made by Tessera on %2.")
                   .arg(QString::fromUtf8(header.zone.id()),
                        locale.toString(header.generated.toTimeZone(header.zone), QLocale::ShortFormat)),
               pages.font(8), c.mutedText);
    pages.space(14);

    // The tiles and what lies behind them.
    const std::vector<UsageFigures::Tile> tiles = UsageFigures::tiles(s.summary);
    pages.tiles(tiles);
    pages.space(6);
    const QLocale here;
    pages.text(UsageReportText::tr("Changes are %1 (%2 to %3).")
                   .arg(UsageFigures::comparison(filter.from, filter.to),
                        here.toString(s.summary.previousFrom, QLocale::ShortFormat),
                        here.toString(s.summary.previousTo, QLocale::ShortFormat)),
               pages.font(8), c.mutedText);
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        if (!tiles[i].detail.isEmpty() && i != averageTile) { // the average repeats the cost's note
            pages.text(QStringLiteral("%1: %2").arg(tiles[i].name, tiles[i].detail), pages.font(8), c.mutedText);
        }
    }

    const Core::UsageDimension split = s.request.split;
    pages.heading(UsageReportText::tr("Cost over time, %1").arg(UsageFigures::splitName(split)), 250);
    pages.chart(usageTimelineChart(s.cost, UsageFigures::seriesNames(s.cost, false, split), UsageUnit::Money), 250);
    pages.heading(UsageReportText::tr("Tokens over time"), 220);
    pages.chart(usageTimelineChart(s.tokens, UsageFigures::seriesNames(s.tokens, true, split), UsageUnit::Count), 220);

    pages.heading(UsageReportText::tr("Budget pace"), s.budgets.empty() ? 20 : 260);
    if (s.budgets.empty()) {
        pages.text(UsageReportText::tr("No budget applies here."), pages.font(9), c.mutedText);
    }
    for (const Core::BudgetPace& pace : s.budgets) {
        pages.need(240);
        pages.text(UsageFigures::budgetName(pace), pages.font(10, QFont::DemiBold), c.text);
        pages.text(UsageFigures::paceText(pace), pages.font(8.5), c.text);
        pages.space(4);
        pages.chart(usageLineChart(UsageFigures::paceLines(pace, header.zone)), 200);
        pages.space(8);
    }

    const auto top = [&pages](const QString& title, const std::vector<Core::UsageShare>& shares) {
        const double bars = 40.0 + 24.0 * double(shares.size());
        pages.heading(title, shares.empty() ? 20 : bars);
        if (shares.empty()) {
            pages.text(UsageReportText::tr("No usage in this period."), pages.font(9), pages.colours().mutedText);
            return;
        }
        pages.chart(usageShareChart(shares), bars);
        pages.space(6);
        UsageShareModel model;
        model.setShares(shares);
        pages.table(model);
    };
    top(UsageReportText::tr("Top people"), s.topUsers);
    top(UsageReportText::tr("Top models"), s.topModels);

    pages.heading(UsageReportText::tr("Speed by provider: time to the first token"),
                  s.latency.providers.empty() ? 20 : 220);
    if (s.latency.providers.empty()) {
        pages.text(UsageReportText::tr("No completed answers in this period."), pages.font(9), c.mutedText);
    } else {
        pages.chart(usageLineChart(UsageFigures::speedLines(s.latency, UsageFigures::SpeedMeasure::FirstToken)), 220);
        pages.heading(UsageReportText::tr("Speed by provider: total time"), 220);
        pages.chart(usageLineChart(UsageFigures::speedLines(s.latency, UsageFigures::SpeedMeasure::Total)), 220);
    }
    pages.heading(UsageReportText::tr("Reliability by provider: failed requests"),
                  s.reliability.providers.empty() ? 20 : 200);
    if (s.reliability.providers.empty()) {
        pages.text(UsageReportText::tr("No requests in this period."), pages.font(9), c.mutedText);
    } else {
        pages.chart(
            usageLineChart(UsageFigures::reliabilityLines(s.reliability, UsageFigures::ReliabilityMeasure::Failures)),
            200);
    }

    // What people thought of the answers: the groups rated most as a chart, then every group as a table.
    const Core::FeedbackGrouping by = s.request.quality;
    const std::size_t rated = usageQualityRows(s.quality);
    const double qualityChart = 90.0 + 30.0 * double(rated);
    pages.heading(by == Core::FeedbackGrouping::Template ? UsageReportText::tr("Quality of answers by template version")
                  : by == Core::FeedbackGrouping::Provider ? UsageReportText::tr("Quality of answers by provider")
                                                           : UsageReportText::tr("Quality of answers by model"),
                  rated == 0 ? 20 : qualityChart);
    if (s.quality.empty()) {
        pages.text(UsageReportText::tr("No answers in this period."), pages.font(9), c.mutedText);
    } else {
        pages.text(UsageReportText::tr("From the thumbs people gave the answers of the period. The interval is where "
                                       "the true share of good answers lies, 95 times in 100."),
                   pages.font(8), c.mutedText);
        pages.space(4);
        if (rated > 0) {
            pages.chart(usageQualityChart(s.quality, by), qualityChart);
            pages.space(6);
        }
        QStandardItemModel model;
        fillQualityModel(model, s.quality, by);
        pages.table(model, {0.25, 0.09, 0.11, 0.07, 0.13, 0.35});
    }
    pages.finish();
}

} // namespace

void paintUsageChart(QChart* chart, QPainter& painter, const QRectF& target, double scale) {
    QGraphicsScene scene;
    scene.addItem(chart);
    const QRectF area(QPointF(0, 0), target.size() * scale);
    chart->setGeometry(area);
    if (chart->layout()) {
        chart->layout()->activate(); // the axes and the legend take their places now, not on the next event
    }
    scene.setSceneRect(area);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, target, area);
    painter.restore();
    scene.removeItem(chart); // the chart stays the caller's
}

QString usageChartTitle(Core::UsageMetric metric, Core::UsageDimension by, QDate from, QDate to) {
    const QLocale locale;
    const QString period = QStringLiteral("%1 – %2").arg(locale.toString(from, QLocale::ShortFormat),
                                                         locale.toString(to, QLocale::ShortFormat));
    const QString split = UsageFigures::splitName(by);
    switch (metric) {
    case Core::UsageMetric::Cost:
        return UsageReportText::tr("Cost %1, %2").arg(split, period);
    case Core::UsageMetric::Tokens:
        return UsageReportText::tr("Tokens %1, %2").arg(split, period);
    case Core::UsageMetric::Requests:
        return UsageReportText::tr("Requests %1, %2").arg(split, period);
    }
    return period;
}

Core::Status writeUsageChartImage(QChart* chart, const QString& path, QSize size, const QString& title) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1StringView("png") && suffix != QLatin1StringView("svg")) {
        return Core::fail(Core::ErrorCode::ExportFailed,
                          QStringLiteral("%1: a chart is written as .png or .svg").arg(path));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Core::fail(writeError(path, file.errorString()));
    }
    const QRectF area(QPointF(0, 0), size);
    if (suffix == QLatin1StringView("png")) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(chart->backgroundBrush().color());
        QPainter painter(&image);
        paintUsageChart(chart, painter, area, 1.0);
        painter.end();
        if (!image.save(&file, "PNG")) {
            file.cancelWriting();
            return Core::fail(writeError(path, QStringLiteral("the image could not be encoded")));
        }
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(area);
        svg.setTitle(title);
        QPainter painter;
        if (!painter.begin(&svg)) {
            file.cancelWriting();
            return Core::fail(writeError(path, QStringLiteral("the drawing could not start")));
        }
        paintUsageChart(chart, painter, area, 1.0);
        painter.end();
    }
    if (!file.commit()) {
        return Core::fail(writeError(path, file.errorString()));
    }
    return {};
}

Core::Result<int> writeUsageReportPdf(const QString& path, const UsageSnapshot& snapshot,
                                      const UsageReportHeader& header) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Core::fail(writeError(path, file.errorString()));
    }
    int pageCount = 0;
    {
        QPdfWriter writer(&file);
        writer.setResolution(96); // the charts are laid out in screen pixels
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(16, 16, 16, 14), QPageLayout::Millimeter);
        const QLocale locale;
        const QString period =
            QStringLiteral("%1 – %2").arg(locale.toString(snapshot.request.filter.from, QLocale::ShortFormat),
                                          locale.toString(snapshot.request.filter.to, QLocale::ShortFormat));
        writer.setTitle(UsageReportText::tr("Usage report, %1").arg(period));
        writer.setCreator(QStringLiteral("Tessera"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            return Core::fail(writeError(path, QStringLiteral("the PDF could not start")));
        }
        ReportPages pages(writer, painter, UsageReportText::tr("Tessera usage report · %1").arg(period));
        writeReport(pages, snapshot, header);
        pageCount = pages.pages();
        painter.end();
    }
    if (!file.commit()) {
        return Core::fail(writeError(path, file.errorString()));
    }
    return pageCount;
}

} // namespace Tessera::Ui
