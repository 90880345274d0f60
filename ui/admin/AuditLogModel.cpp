#include "admin/AuditLogModel.h"

#include <QLocale>
#include <QMetaObject>

namespace Tessera::Ui {

AuditLogModel::AuditLogModel(const Core::AuditLog& audit, Core::Actor actor, QObject* parent)
    : QAbstractTableModel(parent)
    , m_audit(audit)
    , m_actor(std::move(actor)) {
}

int AuditLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount) {
        return {};
    }
    const Core::AuditEntry& entry = m_rows[std::size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(entry.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case UserColumn:
            return entry.actorName;
        case ActionColumn:
            return entry.action;
        case TargetColumn:
            return entry.target;
        case OutcomeColumn:
            return entry.outcome == QLatin1StringView("success")  ? tr("Success")
                   : entry.outcome == QLatin1StringView("denied") ? tr("Denied")
                                                                  : tr("Failure");
        case ClientColumn:
            return entry.client;
        case DetailColumn:
            return entry.detail;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        return tr("Entry %1, correlation id %2").arg(entry.id).arg(entry.correlationId);
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("When");
    case UserColumn:
        return tr("Who");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("On");
    case OutcomeColumn:
        return tr("Outcome");
    case ClientColumn:
        return tr("From");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

bool AuditLogModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_exhausted;
}

void AuditLogModel::fetchMore(const QModelIndex& parent) {
    // Views ask for more while they handle a reset or an insertion: the page comes from the event loop, one at a
    // time, never as a change nested inside another.
    if (parent.isValid() || m_fetchScheduled) {
        return;
    }
    m_fetchScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_fetchScheduled = false;
            if (!m_exhausted) {
                (void)load();
            }
        },
        Qt::QueuedConnection);
}

Core::Status AuditLogModel::setFilter(const Core::AuditFilter& filter) {
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_exhausted = false;
    endResetModel();
    return load();
}

Core::Status AuditLogModel::load() {
    Core::AuditFilter page = m_filter;
    page.limit = pageSize;
    page.oldestFirst = false;
    page.afterId = 0;
    page.beforeId = m_rows.empty() ? m_filter.beforeId : m_rows.back().id;
    auto entries = m_audit.list(m_actor, page);
    if (!entries) {
        m_exhausted = true;
        return Core::fail(entries.error());
    }
    m_exhausted = entries->size() < std::size_t(pageSize);
    if (!entries->empty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + entries->size()) - 1);
        m_rows.insert(m_rows.end(), std::make_move_iterator(entries->begin()), std::make_move_iterator(entries->end()));
        endInsertRows();
    }
    return {};
}

const Core::AuditEntry* AuditLogModel::entryAt(int row) const {
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)] : nullptr;
}

} // namespace Tessera::Ui
