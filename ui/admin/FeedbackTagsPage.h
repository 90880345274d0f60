#pragma once

#include "common/Actor.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;

// The administration window's feedback tags: the tags people may give an answer they rate, in the order the rating
// dialog shows them. Adding, renaming (in place), removing and moving one applies at once through core, which
// checks roles.manage and audits the change; an answer keeps the tags it was given.
class FeedbackTagsPage final : public QWidget {
    Q_OBJECT
public:
    FeedbackTagsPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    QLineEdit* newTagField() const { return m_newTag; }
    // The tags as core has them.
    QStringList tags() const;
    void refresh();
    // Each returns whether core took the change (else it says why, and the list shows what is stored).
    bool addTyped();
    bool removeChosen();
    bool moveChosen(int by);
    bool restoreDefaults();

private:
    bool apply(QStringList tags, int select);
    void updateButtons();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    QListWidget* m_list;
    QLineEdit* m_newTag;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_up;
    QPushButton* m_down;
    QLabel* m_count;
    QStringList m_stored;
    bool m_filling = false;
};

} // namespace Tessera::Ui
