#pragma once

#include "accounts/Permissions.h"
#include "accounts/RoleService.h"
#include "common/Actor.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;

// The roles × permissions matrix: a row per permission, a column per role, a check where the role grants it. A
// custom role's cells are checkable for an actor with roles.manage; a change goes to core at once (and is audited
// there). Built-in roles are shown, never editable.
class RoleMatrixModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleMatrixModel)

public:
    RoleMatrixModel(Core::RoleService& roles, Core::Actor actor, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    Core::Status refresh();
    const Core::RoleInfo* roleAt(int column) const;
    int columnOf(const QString& roleName) const;
    // What the permission lets someone do, in a few words ("Export conversations").
    static QString permissionLabel(Core::Permission permission);

Q_SIGNALS:
    // Core refused a change made in the matrix (message: what to tell the user); the cell keeps the stored value.
    void changeFailed(const QString& message);

private:
    bool editable(int column) const;

    Core::RoleService& m_roles;
    const Core::Actor m_actor;
    std::vector<Core::RoleInfo> m_columns;
};

// The administration window's Roles page: the matrix, the selected role's provider and model allowlist, adding,
// renaming and removing custom roles, and for any user the permissions their role grants.
class RolesPage final : public QWidget {
    Q_OBJECT
public:
    RolesPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    RoleMatrixModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    void refresh();
    void selectRole(const QString& name);
    QString selectedRole() const;

    // The page's actions (public for tests; the buttons call them). Each reports a failure through Dialogs and
    // returns whether it worked. fromRole: the role whose permissions and allowlist the new one starts with.
    bool addRole(const QString& name, const QString& fromRole);
    bool renameSelected(const QString& name);
    bool removeSelected();
    // providers: "provider" or "provider/model", separated by commas; empty allows every provider.
    bool saveAllowlist(const QString& providers);
    // Shows (and returns) what the user's role grants them; empty when core refused.
    QString showEffective(const QString& username);

private:
    void updateSelection();
    void openAdd();
    void openRename();
    bool report(const Core::Status& status, const QString& title);

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    RoleMatrixModel* m_model;
    QTableView* m_table;
    QLabel* m_about;
    QLineEdit* m_allowlist;
    QPushButton* m_saveAllowlist;
    QPushButton* m_add;
    QPushButton* m_rename;
    QPushButton* m_remove;
    QComboBox* m_user = nullptr;
    QLabel* m_effective = nullptr;
    int m_selectedColumn = -1;
};

} // namespace Tessera::Ui
