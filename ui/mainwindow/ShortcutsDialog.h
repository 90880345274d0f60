#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace Tessera::Ui {

// Help ▸ Keyboard Shortcuts: every menu command with its keys, read from the menus themselves so the list is
// always right, and the keys that work without a menu (send, stop, search results).
class ShortcutsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    ShortcutsDialog(const QMenuBar& menus, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

} // namespace Tessera::Ui
