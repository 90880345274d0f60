#pragma once

#include "accounts/AccountService.h"
#include "common/Actor.h"

#include <QAbstractTableModel>
#include <QDialog>

#include <optional>
#include <vector>

class QPushButton;
class QTabWidget;
class QTableView;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;
class SessionsPage;

// One's own API tokens: name, what they may do, made, expires, last used. The token text itself is never here:
// core keeps only its hash.
class ApiTokenListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiTokenListModel)

public:
    enum Column { NameColumn, PermissionsColumn, CreatedColumn, ExpiresColumn, LastUsedColumn, ColumnCount };

    ApiTokenListModel(Core::AccountService& accounts, Core::Actor actor, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Core::Status refresh();
    const Core::ApiTokenInfo* tokenAt(int row) const;

private:
    Core::AccountService& m_accounts;
    const Core::Actor m_actor;
    std::vector<Core::ApiTokenInfo> m_rows;
};

// Account ▸ My Sessions and API Tokens: one's own sessions (end one) and personal API tokens for scripts (create,
// shown once; revoke). Everything goes through core with the signed-in actor.
class MyAccountDialog final : public QDialog {
    Q_OBJECT
public:
    MyAccountDialog(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    SessionsPage* sessionsPage() const { return m_sessions; }
    ApiTokenListModel* tokenModel() const { return m_tokens; }
    QTableView* tokenTable() const { return m_tokenTable; }
    void showTokens();

    // Creates a token and shows it once; returns its text (empty when core refused, which Dialogs reports).
    // permissions nullopt: all of one's own.
    QString createToken(const QString& name, std::optional<int> expiresDays,
                        std::optional<Core::PermissionSet> permissions);
    // Revokes the selected token after asking; false when none is selected, the question was declined or core
    // refused.
    bool revokeSelected();

private:
    QWidget* buildTokensPage();
    void openCreate();
    void showCreated(const Core::CreatedApiToken& created);
    void refreshTokens();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    QTabWidget* m_tabs;
    SessionsPage* m_sessions;
    ApiTokenListModel* m_tokens;
    QTableView* m_tokenTable = nullptr;
    QPushButton* m_revoke = nullptr;
};

} // namespace Tessera::Ui
