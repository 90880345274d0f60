#pragma once

#include "accounts/AccountService.h"
#include "common/Actor.h"

#include <QAbstractTableModel>

#include <vector>

namespace Tessera::Ui {

// Every account as administrators see it: username, display name, role, status (with a lock's end), last sign-in
// and active sessions. Sorted and searched through a QSortFilterProxyModel (SortRole gives sortable values).
class UserListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserListModel)

public:
    enum Column {
        UsernameColumn,
        DisplayNameColumn,
        RoleColumn,
        StatusColumn,
        LastSignInColumn,
        SessionsColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    UserListModel(Core::AccountService& accounts, Core::Actor actor, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Reads the accounts again; the error when they cannot be read (the rows stay as they were).
    Core::Status refresh();
    const Core::UserInfo* userAt(int row) const;

private:
    Core::AccountService& m_accounts;
    const Core::Actor m_actor;
    std::vector<Core::UserInfo> m_rows;
};

} // namespace Tessera::Ui
