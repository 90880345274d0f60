#include "admin/UserListModel.h"

#include <QLocale>

namespace Tessera::Ui {

UserListModel::UserListModel(Core::AccountService& accounts, Core::Actor actor, QObject* parent)
    : QAbstractTableModel(parent)
    , m_accounts(accounts)
    , m_actor(std::move(actor)) {
}

int UserListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UserListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount) {
        return {};
    }
    const Core::UserInfo& user = m_rows[std::size_t(index.row())];
    const bool disabled = user.account.status == Core::AccountStatus::Disabled;
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case UsernameColumn:
            return user.account.username;
        case DisplayNameColumn:
            return user.account.displayName;
        case RoleColumn:
            return user.roleName;
        case StatusColumn:
            if (disabled) {
                return tr("Disabled");
            }
            if (user.locked) {
                return tr("Locked until %1")
                    .arg(QLocale().toString(user.account.lockedUntil.toLocalTime(), QLocale::ShortFormat));
            }
            return user.account.mustChangePassword ? tr("Active, must change password") : tr("Active");
        case LastSignInColumn:
            return user.account.lastSignInAt.isValid()
                       ? QLocale().toString(user.account.lastSignInAt.toLocalTime(), QLocale::ShortFormat)
                       : tr("Never");
        case SessionsColumn:
            return user.activeSessions;
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case LastSignInColumn:
            return user.account.lastSignInAt.isValid() ? user.account.lastSignInAt.toMSecsSinceEpoch() : qint64(0);
        case SessionsColumn:
            return user.activeSessions;
        case StatusColumn:
            return disabled ? 2 : user.locked ? 1 : 0;
        default:
            return data(index, Qt::DisplayRole).toString().toCaseFolded();
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == SessionsColumn) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case UsernameColumn:
        return tr("Username");
    case DisplayNameColumn:
        return tr("Display name");
    case RoleColumn:
        return tr("Role");
    case StatusColumn:
        return tr("Status");
    case LastSignInColumn:
        return tr("Last sign-in");
    case SessionsColumn:
        return tr("Sessions");
    default:
        return {};
    }
}

Core::Status UserListModel::refresh() {
    auto users = m_accounts.users(m_actor);
    if (!users) {
        return Core::fail(users.error());
    }
    beginResetModel();
    m_rows = std::move(*users);
    endResetModel();
    return {};
}

const Core::UserInfo* UserListModel::userAt(int row) const {
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)] : nullptr;
}

} // namespace Tessera::Ui
