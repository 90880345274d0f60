// The Usage view's quality of answers: for the period (and the person the view is narrowed to), per model, provider
// or template version, the answers, the share rated, the share rated good with its 95 % Wilson interval, and the tags
// chosen most. The numbers come with the rest of the view from the worker thread.
#include "usage/UsageWindow.h"

#include "chat/FeedbackDialog.h"
#include "style/Theme.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

QStandardItem* numberItem(const QString& text, double sortValue) {
    auto* item = new QStandardItem(text);
    item->setData(sortValue, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

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
    layout->addLayout(header);
    auto* note = new QLabel(tr("From the thumbs people gave the answers of the period. The interval is where the true "
                               "share of good answers lies, 95 times in 100: few ratings make it wide."),
                            frame);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);
    m_qualityModel = new QStandardItemModel(this);
    m_qualityModel->setSortRole(Qt::UserRole);
    m_qualityTable = new QTableView(frame);
    m_qualityTable->setObjectName(QStringLiteral("qualityTable"));
    m_qualityTable->setAccessibleName(tr("Quality of answers"));
    m_qualityTable->setModel(m_qualityModel);
    m_qualityTable->setSortingEnabled(true);
    m_qualityTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_qualityTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_qualityTable->verticalHeader()->hide();
    m_qualityTable->horizontalHeader()->setStretchLastSection(true);
    m_qualityTable->setMinimumHeight(180);
    layout->addWidget(m_qualityTable);
    m_qualityEmpty = new QLabel(tr("No answers in this period yet."), frame);
    m_qualityEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_qualityEmpty->hide();
    layout->addWidget(m_qualityEmpty);
    return frame;
}

void UsageWindow::showQuality() {
    const QLocale locale;
    const bool byTemplate = m_snapshot.request.quality == Core::FeedbackGrouping::Template;
    m_qualityModel->clear();
    m_qualityModel->setHorizontalHeaderLabels(
        {byTemplate                                                       ? tr("Template")
         : m_snapshot.request.quality == Core::FeedbackGrouping::Provider ? tr("Provider")
                                                                          : tr("Model"),
         tr("Answers"), tr("Rated"), tr("Good"), tr("95 % interval"), tr("Tags chosen most")});
    for (const Core::FeedbackStats& s : m_snapshot.quality) {
        QList<QStandardItem*> row;
        const QString key = s.key.isEmpty() ? tr("(unknown)")
                            : byTemplate    ? tr("%1, version %2").arg(s.key).arg(s.version)
                                            : s.key;
        auto* keyItem = new QStandardItem(key);
        keyItem->setData(key, Qt::UserRole);
        row << keyItem;
        row << numberItem(locale.toString(s.answers), double(s.answers));
        row << numberItem(
            tr("%1 (%2 %)").arg(locale.toString(s.rated), locale.toString(s.ratedShare() * 100.0, 'f', 0)),
            double(s.rated));
        row << numberItem(s.positiveRate ? tr("%1 %").arg(locale.toString(*s.positiveRate * 100.0, 'f', 0)) : tr("–"),
                          s.positiveRate.value_or(-1.0));
        row << numberItem(s.positiveRate ? tr("%1 to %2 %")
                                               .arg(locale.toString(s.interval.low * 100.0, 'f', 0),
                                                    locale.toString(s.interval.high * 100.0, 'f', 0))
                                         : tr("–"),
                          s.positiveRate ? s.interval.low : -1.0);
        QStringList tags;
        for (const auto& [tag, count] : s.topTags) {
            tags << tr("%1 (%2)").arg(FeedbackDialog::tagLabel(tag)).arg(count);
        }
        auto* tagItem = new QStandardItem(tags.join(QStringLiteral(", ")));
        tagItem->setData(tags.join(QStringLiteral(", ")), Qt::UserRole);
        row << tagItem;
        m_qualityModel->appendRow(row);
    }
    m_qualityTable->resizeColumnsToContents();
    m_qualityTable->setVisible(!m_snapshot.quality.empty());
    m_qualityEmpty->setVisible(m_snapshot.quality.empty());
}

} // namespace Tessera::Ui
