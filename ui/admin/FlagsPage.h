#pragma once

#include "common/Actor.h"

#include <QWidget>

class QTableWidget;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;

// The administration window's feature flags: each flag with what it switches, its setting for everyone (the
// built-in default, on or off) and its role and user overrides; a change applies at once.
class FlagsPage final : public QWidget {
    Q_OBJECT
public:
    FlagsPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    void refresh();
    // row's flag for everyone: 0 the built-in default, 1 on, 2 off. False when core refused.
    bool setForEveryone(int row, int choice);
    // An override for a role or a user by name: choice 1 on, 2 off, 0 removes it.
    bool setOverride(int row, bool forRole, const QString& name, int choice);

private:
    void openOverride();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    QTableWidget* m_table;
    bool m_filling = false;
};

} // namespace Tessera::Ui
