#pragma once

#include "audit/AuditLog.h"
#include "common/Actor.h"

#include <QAbstractTableModel>

#include <vector>

namespace Tessera::Ui {

// The audit log, newest first, a page at a time: rows come as the view scrolls (canFetchMore/fetchMore with keyset
// paging; a page asked for arrives from the event loop), so a log of a million entries opens as fast as a short
// one.
class AuditLogModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogModel)

public:
    enum Column {
        TimeColumn,
        UserColumn,
        ActionColumn,
        TargetColumn,
        OutcomeColumn,
        ClientColumn,
        DetailColumn,
        ColumnCount
    };
    static constexpr int pageSize = 200;

    AuditLogModel(const Core::AuditLog& audit, Core::Actor actor, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Starts again from the newest entry with the filter (its limit and paging are the model's).
    Core::Status setFilter(const Core::AuditFilter& filter);
    const Core::AuditFilter& filter() const { return m_filter; }
    const Core::AuditEntry* entryAt(int row) const;

private:
    Core::Status load();

    const Core::AuditLog& m_audit;
    const Core::Actor m_actor;
    Core::AuditFilter m_filter;
    std::vector<Core::AuditEntry> m_rows;
    bool m_exhausted = false;
    bool m_fetchScheduled = false;
};

} // namespace Tessera::Ui
