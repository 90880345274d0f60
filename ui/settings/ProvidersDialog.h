#pragma once

#include "common/Actor.h"
#include "providers/ProviderConfig.h"
#include "widgets/BusyState.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;
class ProviderListModel;

// Lists the configured providers; adds, tests and removes them. Removing a provider keeps its conversations and
// deletes its key when the key is in the keychain (a key in an environment variable stays there).
class ProvidersDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProvidersDialog)

public:
    ProvidersDialog(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    ProviderListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

Q_SIGNALS:
    void providersChanged();

private:
    void handleAdd();
    void handleEdit();
    void openEditor(class AddProviderDialog* dialog);
    void handleTest();
    void handleRemove();
    // What removing the provider does to its key, which depends on where the key comes from.
    static QString removalQuestion(const Core::ProviderConfig& provider);
    void updateButtons();
    int currentRow() const;

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    ProviderListModel* m_model;
    QTableView* m_view;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_test;
    QPushButton* m_remove;
    QLabel* m_result;
    BusyState m_busy;
};

} // namespace Tessera::Ui
