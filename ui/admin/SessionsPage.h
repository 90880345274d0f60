#pragma once

#include "accounts/AccountService.h"
#include "common/Actor.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <vector>

class QPushButton;
class QTableView;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;

// Live sessions (everyone's, or one person's): who, from where, since when, last used, whether it stays signed in.
class SessionListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionListModel)

public:
    enum Column { UserColumn, ClientColumn, StartedColumn, LastSeenColumn, EndsColumn, StayColumn, ColumnCount };

    // userId -1: everyone's (users.manage); otherwise that account's.
    SessionListModel(Core::AccountService& accounts, Core::Actor actor, qint64 userId, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Core::Status refresh();
    const Core::SessionInfo* sessionAt(int row) const;

private:
    Core::AccountService& m_accounts;
    const Core::Actor m_actor;
    const qint64 m_userId;
    std::vector<Core::SessionInfo> m_rows;
};

// The administration window's Sessions page (every live session) and My Account's (one's own), and ending one.
class SessionsPage final : public QWidget {
    Q_OBJECT
public:
    enum class Scope { Everyone, Own };
    SessionsPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, Scope scope,
                 QWidget* parent = nullptr);
    SessionListModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    void refresh();
    // Ends the selected session; false when none is selected or core refused.
    bool endSelected();

private:
    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    SessionListModel* m_model;
    QTableView* m_table;
    QPushButton* m_end;
};

} // namespace Tessera::Ui
