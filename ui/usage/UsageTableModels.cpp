#include "usage/UsageTableModels.h"

#include "widgets/Money.h"

#include <QLocale>

namespace Tessera::Ui {

QString usageValueText(qint64 value, UsageUnit unit) {
    return unit == UsageUnit::Money ? moneyText(value) : QLocale().toString(value);
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

} // namespace Tessera::Ui
