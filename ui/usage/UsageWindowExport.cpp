// The Usage view's exports: a chart's table as CSV, a chart as PNG or SVG, and the whole dashboard as a PDF report.
#include "usage/UsageWindow.h"

#include "app/CoreServices.h"
#include "usage/UsageLedger.h"
#include "usage/UsageReport.h"
#include "usage/UsageTableModels.h"
#include "widgets/Dialogs.h"

#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace Tessera::Ui {

void UsageWindow::askExport(int chart, ExportFormat format) {
    static const char* const extensions[] = {"csv", "png", "svg"};
    const QString extension = QString::fromLatin1(extensions[int(format)]);
    const QString filters = format == ExportFormat::Csv   ? tr("CSV files (*.csv)")
                            : format == ExportFormat::Png ? tr("PNG images (*.png)")
                                                          : tr("SVG images (*.svg)");
    const QString suggested =
        QStringLiteral("tessera-usage-%1-%2_%3.%4")
            .arg(QStringList{QStringLiteral("cost"), QStringLiteral("tokens"), QStringLiteral("people"),
                             QStringLiteral("models"), QStringLiteral("speed"), QStringLiteral("reliability"),
                             QStringLiteral("budget-pace")}
                     .at(chart),
                 m_request.filter.from.toString(Qt::ISODate), m_request.filter.to.toString(Qt::ISODate), extension);
    QString path = m_dialogs.askSaveFile(this, tr("Export %1").arg(m_titles[chart]), suggested, filters, nullptr);
    if (path.isEmpty()) {
        return;
    }
    if (!path.endsWith(QLatin1Char('.') + extension, Qt::CaseInsensitive)) {
        path += QLatin1Char('.') + extension;
    }
    exportChart(chart, format, path);
}

bool UsageWindow::exportChart(int chart, ExportFormat format, const QString& path) {
    if (chart < 0 || chart >= chartCount || m_snapshot.generation == 0) {
        return false;
    }
    QChartView* views[] = {m_costView,  m_tokensView,      m_usersView, m_modelsView,
                           m_speedView, m_reliabilityView, m_paceView};
    QChartView* view = views[chart];
    bool written = false;
    if (format == ExportFormat::Csv) {
        QString csv;
        if (chart < 2) {
            const Core::UsageTimeline& timeline = chart == 0 ? m_snapshot.cost : m_snapshot.tokens;
            QStringList names;
            for (const Core::UsageSeries& series : timeline.series) {
                names << seriesName(series, chart == 1);
            }
            csv = Core::usageTimelineCsv(timeline, names, chart == 0);
        } else if (chart < 4) {
            csv = Core::usageSharesCsv(chart == 2 ? m_snapshot.topUsers : m_snapshot.topModels);
        } else {
            const UsageLinesModel* models[] = {m_speedModel, m_reliabilityModel, m_paceModel};
            csv = usageLinesCsv(models[chart - 4]->lines());
        }
        QSaveFile file(path);
        written = file.open(QIODevice::WriteOnly) && file.write(csv.toUtf8()) >= 0 && file.commit();
    } else if (format == ExportFormat::Png) {
        written = view->grab().save(path, "PNG");
    } else {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(view->size());
        svg.setViewBox(QRect(QPoint(0, 0), view->size()));
        svg.setTitle(m_titles[chart]);
        QPainter painter;
        written = painter.begin(&svg);
        if (written) {
            view->render(&painter);
            written = painter.end() && QFileInfo(path).size() > 0;
        }
    }
    if (!written) {
        m_dialogs.showError(this, tr("Export %1").arg(m_titles[chart]),
                            tr("%1 could not be written. Check that the folder exists and that you may write to it.")
                                .arg(QDir::toNativeSeparators(path)));
    }
    return written;
}

void UsageWindow::askReport() {
    if (m_snapshot.generation == 0) {
        return; // nothing shown yet
    }
    const QString suggested =
        QStringLiteral("tessera-usage-report_%1_%2.pdf")
            .arg(m_request.filter.from.toString(Qt::ISODate), m_request.filter.to.toString(Qt::ISODate));
    QString path =
        m_dialogs.askSaveFile(this, tr("Save Usage Report"), suggested, tr("PDF documents (*.pdf)"), nullptr);
    if (path.isEmpty()) {
        return;
    }
    if (!path.endsWith(QLatin1StringView(".pdf"), Qt::CaseInsensitive)) {
        path += QLatin1StringView(".pdf");
    }
    exportReport(path);
}

QString UsageWindow::scopeWords() const {
    UsageFigures::Scope scope;
    scope.everyone = m_actor.may(Core::Permission::UsageViewAll);
    if (m_request.filter.accountId) {
        scope.person = m_user->currentText();
    } else if (m_request.filter.roleId) {
        scope.role = m_role->currentText();
    }
    scope.provider = m_request.filter.provider;
    scope.model = m_request.filter.model;
    scope.feature = m_request.filter.feature;
    return UsageFigures::scopeText(scope);
}

bool UsageWindow::exportReport(const QString& path) {
    if (m_snapshot.generation == 0) {
        return false;
    }
    UsageReportHeader header;
    header.scope = scopeWords();
    header.generated = m_services.clock().nowUtc();
    header.zone = m_services.usage().timeZone();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto pages = writeUsageReportPdf(path, m_snapshot, header);
    QApplication::restoreOverrideCursor();
    if (!pages) {
        m_dialogs.showError(this, tr("Save Usage Report"),
                            tr("%1 could not be written. Check that the folder exists and that you may write to it.")
                                .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    return true;
}

} // namespace Tessera::Ui
