#include "usage/UsageTableModels.h"

#include "common/Csv.h"
#include "usage/Pricing.h"
#include "widgets/Money.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStandardItemModel>

#include <cmath>

namespace Tessera::Ui {

QString usageValueText(qint64 value, UsageUnit unit) {
    return unit == UsageUnit::Money ? moneyText(value) : usageAmountText(double(value), unit);
}

QString usageAmountText(double value, UsageUnit unit) {
    const QLocale locale;
    switch (unit) {
    case UsageUnit::Money:
        return moneyText(qint64(std::llround(value)));
    case UsageUnit::Count:
        return locale.toString(qint64(std::llround(value)));
    case UsageUnit::Milliseconds:
        if (value < 1000) {
            return UsageLinesModel::tr("%1 ms").arg(locale.toString(qint64(std::llround(value))));
        }
        return UsageLinesModel::tr("%1 s").arg(locale.toString(value / 1000.0, 'f', value < 10'000 ? 2 : 1));
    case UsageUnit::Share:
        return locale.toString(value * 100.0, 'f', value > 0 && value < 0.1 ? 1 : 0) + QChar(0x202F) + locale.percent();
    }
    return {};
}

QString usageLinesCsv(const UsageLines& lines) {
    QStringList header{QStringLiteral("period_start")};
    for (const UsageLine& line : lines.lines) {
        header << line.name;
    }
    QString csv = Core::csvLine(header);
    for (std::size_t b = 0; b < lines.periods.starts.size(); ++b) {
        const QDateTime start = lines.periods.starts[b];
        QStringList cells{start.toOffsetFromUtc(start.offsetFromUtc()).toString(Qt::ISODate)};
        for (const UsageLine& line : lines.lines) {
            const std::optional<double> value = b < line.values.size() ? line.values[b] : std::nullopt;
            if (!value) {
                cells << QString();
            } else if (lines.unit == UsageUnit::Share) {
                cells << QString::number(*value, 'f', 6);
            } else if (lines.unit == UsageUnit::Money) {
                cells << Core::usdDecimal(qint64(std::llround(*value)));
            } else {
                cells << QString::number(qint64(std::llround(*value)));
            }
        }
        csv += Core::csvLine(cells);
    }
    return csv;
}

UsageLinesModel::UsageLinesModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void UsageLinesModel::setLines(UsageLines lines) {
    beginResetModel();
    m_lines = std::move(lines);
    endResetModel();
}

int UsageLinesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_lines.periods.starts.size());
}

int UsageLinesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_lines.lines.size()) + 1; // the period, each line
}

QVariant UsageLinesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto bucket = std::size_t(index.row());
    if (index.column() == 0) {
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            return UsageTimelineModel::periodText(m_lines.periods, bucket);
        }
        if (role == Qt::UserRole) {
            return m_lines.periods.starts[bucket];
        }
        return {};
    }
    const UsageLine& line = m_lines.lines[std::size_t(index.column() - 1)];
    const std::optional<double> value = bucket < line.values.size() ? line.values[bucket] : std::nullopt;
    switch (role) {
    case Qt::DisplayRole:
        return value ? usageAmountText(*value, m_lines.unit) : QStringLiteral("–");
    case Qt::AccessibleTextRole:
        return value ? usageAmountText(*value, m_lines.unit) : tr("nothing measured");
    case Qt::UserRole:
        return value ? QVariant(*value) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant UsageLinesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section == 0) {
        return tr("Period");
    }
    if (section - 1 < int(m_lines.lines.size())) {
        return m_lines.lines[std::size_t(section - 1)].name;
    }
    return {};
}

UsageTimelineModel::UsageTimelineModel(UsageUnit unit, QObject* parent)
    : QAbstractTableModel(parent)
    , m_unit(unit) {
}

void UsageTimelineModel::setTimeline(const Core::UsageTimeline& timeline,
                                     const std::function<QString(const Core::UsageSeries&)>& seriesName) {
    beginResetModel();
    m_timeline = timeline;
    m_names.clear();
    for (const Core::UsageSeries& series : m_timeline.series) {
        m_names << seriesName(series);
    }
    endResetModel();
}

QString UsageTimelineModel::periodText(const Core::UsageTimeline& timeline, std::size_t bucket) {
    if (bucket >= timeline.starts.size()) {
        return {};
    }
    const QDateTime start = timeline.starts[bucket];
    const QLocale locale;
    switch (timeline.step) {
    case Core::UsageStep::Hour:
        return locale.toString(start, QLocale::ShortFormat);
    case Core::UsageStep::Day:
        return locale.toString(start.date(), QLocale::ShortFormat);
    case Core::UsageStep::Week:
        return tr("Week of %1").arg(locale.toString(start.date(), QLocale::ShortFormat));
    case Core::UsageStep::Month:
        return locale.standaloneMonthName(start.date().month()) + QLatin1Char(' ') +
               QString::number(start.date().year());
    }
    return {};
}

int UsageTimelineModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_timeline.starts.size());
}

int UsageTimelineModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_timeline.series.size()) + 2; // the period, each series, the total
}

QVariant UsageTimelineModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto bucket = std::size_t(index.row());
    const int column = index.column();
    qint64 value = 0;
    if (column == 0) {
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            return periodText(m_timeline, bucket);
        }
        if (role == Qt::UserRole) {
            return m_timeline.starts[bucket];
        }
        return {};
    }
    if (column <= int(m_timeline.series.size())) {
        value = m_timeline.series[std::size_t(column - 1)].values[bucket];
    } else {
        for (const Core::UsageSeries& series : m_timeline.series) {
            value += series.values[bucket];
        }
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return usageValueText(value, m_unit);
    case Qt::UserRole:
        return value;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant UsageTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section == 0) {
        return tr("Period");
    }
    if (section <= m_names.size()) {
        return m_names.at(section - 1);
    }
    return tr("Total");
}

UsageShareModel::UsageShareModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void UsageShareModel::setShares(std::vector<Core::UsageShare> shares) {
    beginResetModel();
    m_shares = std::move(shares);
    endResetModel();
}

int UsageShareModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_shares.size());
}

int UsageShareModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsageShareModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Core::UsageShare& share = m_shares[std::size_t(index.row())];
    const QLocale locale;
    if (role == Qt::TextAlignmentRole) {
        return index.column() == Name ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Name:
            return share.key;
        case Cost:
            return share.totals.costMicros;
        case Share:
            return share.share;
        case Tokens:
            return share.totals.tokens();
        case Requests:
            return share.totals.requests;
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) {
        return {};
    }
    switch (index.column()) {
    case Name:
        return share.label;
    case Cost:
        return share.totals.unpriced > 0 ? tr("at least %1").arg(moneyText(share.totals.costMicros))
                                         : moneyText(share.totals.costMicros);
    case Share:
        return QString(locale.toString(share.share * 100.0, 'f', 1) + locale.percent());
    case Tokens:
        return locale.toString(share.totals.tokens());
    case Requests:
        return locale.toString(share.totals.requests);
    default:
        return {};
    }
}

QVariant UsageShareModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Name:
        return tr("Name");
    case Cost:
        return tr("Cost");
    case Share:
        return tr("Share");
    case Tokens:
        return tr("Tokens");
    case Requests:
        return tr("Requests");
    default:
        return {};
    }
}

// The quality table keeps the words (and their translations) it had in the Usage view's context.
namespace {

QStandardItem* numberItem(const QString& text, double sortValue) {
    auto* item = new QStandardItem(text);
    item->setData(sortValue, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

QString feedbackTagLabel(const QString& tag) {
    static const std::pair<const char*, const char*> defaults[] = {
        {"inaccurate", QT_TRANSLATE_NOOP("Tessera::Ui::FeedbackDialog", "inaccurate")},
        {"unhelpful", QT_TRANSLATE_NOOP("Tessera::Ui::FeedbackDialog", "unhelpful")},
        {"too long", QT_TRANSLATE_NOOP("Tessera::Ui::FeedbackDialog", "too long")},
        {"too short", QT_TRANSLATE_NOOP("Tessera::Ui::FeedbackDialog", "too short")},
        {"unsafe", QT_TRANSLATE_NOOP("Tessera::Ui::FeedbackDialog", "unsafe")},
        {"great", QT_TRANSLATE_NOOP("Tessera::Ui::FeedbackDialog", "great")}};
    for (const auto& [name, text] : defaults) {
        if (tag == QLatin1StringView(name)) {
            return QCoreApplication::translate("Tessera::Ui::FeedbackDialog", text);
        }
    }
    return tag;
}

QString qualityGroupName(const Core::FeedbackStats& stats, Core::FeedbackGrouping by) {
    if (stats.key.isEmpty()) {
        return QCoreApplication::translate("Tessera::Ui::UsageWindow", "(unknown)");
    }
    if (by == Core::FeedbackGrouping::Template) {
        return QCoreApplication::translate("Tessera::Ui::UsageWindow", "%1, version %2")
            .arg(stats.key)
            .arg(stats.version);
    }
    return stats.key;
}

void fillQualityModel(QStandardItemModel& model, const std::vector<Core::FeedbackStats>& stats,
                      Core::FeedbackGrouping by) {
    const QLocale locale;
    model.clear();
    model.setSortRole(Qt::UserRole);
    model.setHorizontalHeaderLabels(
        {by == Core::FeedbackGrouping::Template   ? QCoreApplication::translate("Tessera::Ui::UsageWindow", "Template")
         : by == Core::FeedbackGrouping::Provider ? QCoreApplication::translate("Tessera::Ui::UsageWindow", "Provider")
                                                  : QCoreApplication::translate("Tessera::Ui::UsageWindow", "Model"),
         QCoreApplication::translate("Tessera::Ui::UsageWindow", "Answers"),
         QCoreApplication::translate("Tessera::Ui::UsageWindow", "Rated"),
         QCoreApplication::translate("Tessera::Ui::UsageWindow", "Good"),
         QCoreApplication::translate("Tessera::Ui::UsageWindow", "95 % interval"),
         QCoreApplication::translate("Tessera::Ui::UsageWindow", "Tags chosen most")});
    for (const Core::FeedbackStats& s : stats) {
        QList<QStandardItem*> row;
        const QString key = qualityGroupName(s, by);
        auto* keyItem = new QStandardItem(key);
        keyItem->setData(key, Qt::UserRole);
        row << keyItem;
        row << numberItem(locale.toString(s.answers), double(s.answers));
        row << numberItem(QCoreApplication::translate("Tessera::Ui::UsageWindow", "%1 (%2 %)")
                              .arg(locale.toString(s.rated), locale.toString(s.ratedShare() * 100.0, 'f', 0)),
                          double(s.rated));
        row << numberItem(s.positiveRate ? QCoreApplication::translate("Tessera::Ui::UsageWindow", "%1 %")
                                               .arg(locale.toString(*s.positiveRate * 100.0, 'f', 0))
                                         : QCoreApplication::translate("Tessera::Ui::UsageWindow", "–"),
                          s.positiveRate.value_or(-1.0));
        row << numberItem(s.positiveRate ? QCoreApplication::translate("Tessera::Ui::UsageWindow", "%1 to %2 %")
                                               .arg(locale.toString(s.interval.low * 100.0, 'f', 0),
                                                    locale.toString(s.interval.high * 100.0, 'f', 0))
                                         : QCoreApplication::translate("Tessera::Ui::UsageWindow", "–"),
                          s.positiveRate ? s.interval.low : -1.0);
        QStringList tags;
        for (const auto& [tag, count] : s.topTags) {
            tags << QCoreApplication::translate("Tessera::Ui::UsageWindow", "%1 (%2)")
                        .arg(feedbackTagLabel(tag))
                        .arg(count);
        }
        auto* tagItem = new QStandardItem(tags.join(QStringLiteral(", ")));
        tagItem->setData(tags.join(QStringLiteral(", ")), Qt::UserRole);
        tagItem->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        row << tagItem;
        model.appendRow(row);
    }
}

} // namespace Tessera::Ui
