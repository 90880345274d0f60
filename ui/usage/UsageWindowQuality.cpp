// The Usage view's quality of answers: for the period (and the person the view is narrowed to), per model, provider
// or template version, the answers, the share rated, the share rated good with its 95 % Wilson interval, and the tags
// chosen most, as a chart (a dot at the share rated good, a line across its interval) or a table. The numbers come
// with the rest of the view from the worker thread.
#include "usage/UsageWindow.h"

#include "style/Theme.h"
#include "usage/UsageCharts.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

QWidget* UsageWindow::buildQuality(QWidget* parent) {
    auto* frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("usageCard"));
    frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(Style::Space::two, Style::Space::one, Style::Space::two, Style::Space::two);
    auto* header = new QHBoxLayout;
    auto* name = new QLabel(tr("Quality of answers"), frame);
    QFont font = name->font();
    font.setPointSizeF(font.pointSizeF() * Style::Type::subtitle);
    font.setWeight(QFont::DemiBold);
    name->setFont(font);
    m_qualityBy = new QComboBox(frame);
    m_qualityBy->setObjectName(QStringLiteral("qualityBy"));
    m_qualityBy->setAccessibleName(tr("Group the quality by"));
    m_qualityBy->addItem(tr("by model"), int(Core::FeedbackGrouping::Model));
    m_qualityBy->addItem(tr("by provider"), int(Core::FeedbackGrouping::Provider));
    m_qualityBy->addItem(tr("by template version"), int(Core::FeedbackGrouping::Template));
    connect(m_qualityBy, &QComboBox::currentIndexChanged, this, [this] {
        m_request.quality = Core::FeedbackGrouping(m_qualityBy->currentData().toInt());
        scheduleRefresh(0);
    });
    header->addWidget(name);
    header->addWidget(m_qualityBy);
    header->addStretch(1);
    m_qualityToggle = new QToolButton(frame);
    m_qualityToggle->setObjectName(QStringLiteral("qualityAsTable"));
    m_qualityToggle->setText(tr("Table"));
    m_qualityToggle->setCheckable(true);
    m_qualityToggle->setToolTip(tr("Show the numbers as a table, with every group and its tags"));
    m_qualityToggle->setAccessibleName(tr("Show %1 as a table").arg(name->text()));
    header->addWidget(m_qualityToggle);
    layout->addLayout(header);
    auto* note = new QLabel(tr("From the thumbs people gave the answers of the period. The interval is where the true "
                               "share of good answers lies, 95 times in 100: few ratings make it wide."),
                            frame);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);
    m_qualityStack = new QStackedWidget(frame);
    m_qualityView = new QChartView(m_qualityStack);
    m_qualityView->setObjectName(QStringLiteral("qualityChart"));
    m_qualityView->setRenderHint(QPainter::Antialiasing);
    m_qualityView->setAccessibleName(tr("Quality of answers"));
    m_qualityView->setFocusPolicy(Qt::NoFocus); // the table is the keyboard's way in
    m_qualityModel = new QStandardItemModel(this);
    m_qualityModel->setSortRole(Qt::UserRole);
    m_qualityTable = new QTableView(m_qualityStack);
    m_qualityTable->setObjectName(QStringLiteral("qualityTable"));
    m_qualityTable->setAccessibleName(tr("Quality of answers"));
    m_qualityTable->setModel(m_qualityModel);
    m_qualityTable->setSortingEnabled(true);
    m_qualityTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_qualityTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_qualityTable->verticalHeader()->hide();
    m_qualityTable->horizontalHeader()->setStretchLastSection(true);
    m_qualityTable->setMinimumHeight(180);
    m_qualityStack->addWidget(m_qualityView);
    m_qualityStack->addWidget(m_qualityTable);
    layout->addWidget(m_qualityStack);
    connect(m_qualityToggle, &QToolButton::toggled, this, [this](bool on) {
        m_qualityStack->setCurrentIndex(on ? 1 : 0);
        if (on) {
            m_qualityTable->setFocus();
        }
    });
    m_qualityEmpty = new QLabel(tr("No answers in this period yet."), frame);
    m_qualityEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_qualityEmpty->hide();
    layout->addWidget(m_qualityEmpty);
    return frame;
}

void UsageWindow::showQuality() {
    const Core::FeedbackGrouping by = m_snapshot.request.quality;
    fillQualityModel(*m_qualityModel, m_snapshot.quality, by);
    m_qualityTable->resizeColumnsToContents();
    QChart* old = m_qualityView->chart();
    m_qualityView->setChart(usageQualityChart(m_snapshot.quality, by));
    delete old;
    // A row for each group rated, and room for the scale.
    m_qualityStack->setMinimumHeight(int(90 + 34 * usageQualityRows(m_snapshot.quality)));
    m_qualityStack->setVisible(!m_snapshot.quality.empty());
    m_qualityToggle->setVisible(!m_snapshot.quality.empty());
    m_qualityEmpty->setVisible(m_snapshot.quality.empty());
}

} // namespace Tessera::Ui
