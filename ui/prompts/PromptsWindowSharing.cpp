// The Prompts view's sharing and labels: the roles a template is shared with (to use, or to change), and labels put on
// a version or taken off it. Core checks prompts.share and the right to edit, and records changes to shared templates.
#include "prompts/PromptsWindow.h"

#include "app/CoreServices.h"
#include "prompts/ShareTemplateDialog.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorBanner.h"

#include <QListWidget>
#include <QMenu>
#include <QToolButton>

namespace Tessera::Ui {

QDialog* PromptsWindow::shareShown() {
    if (!m_shown) {
        return nullptr;
    }
    auto roles = m_services.prompts().shareRoles(m_actor);
    if (!roles) {
        m_error->showError(roles.error());
        return nullptr;
    }
    auto* dialog = new ShareTemplateDialog(*m_shown, *roles, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString name = m_shown->name;
    connect(dialog, &QDialog::accepted, this, [this, dialog, name] {
        const auto changes = dialog->changes();
        for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
            if (auto shared = m_services.prompts().share(m_actor, name, it.key(), it.value()); !shared) {
                m_error->showError(shared.error());
                break;
            }
        }
        select(name);
    });
    dialog->open();
    return dialog;
}

bool PromptsWindow::labelChosen(const QString& label) {
    QListWidgetItem* item = m_versions->currentItem();
    if (!m_shown || !item) {
        return false;
    }
    if (auto set = m_services.prompts().setLabel(m_actor, m_shown->name, label, item->data(versionRole).toInt());
        !set) {
        m_error->showError(set.error());
        return false;
    }
    return select(m_shown->name);
}

bool PromptsWindow::unlabelChosen(const QString& label) {
    if (!m_shown) {
        return false;
    }
    if (auto removed = m_services.prompts().removeLabel(m_actor, m_shown->name, label); !removed) {
        m_error->showError(removed.error());
        return false;
    }
    return select(m_shown->name);
}

void PromptsWindow::fillLabelMenu() {
    QMenu* menu = m_labels->menu();
    menu->clear();
    QListWidgetItem* item = m_versions->currentItem();
    if (!m_shown || !item) {
        return;
    }
    const int number = item->data(versionRole).toInt();
    menu->addAction(tr("Put a &Label on Version %1…").arg(number), this, [this, number] {
        const auto label = m_dialogs.askText(this, tr("Label Version %1").arg(number),
                                             tr("Label (lower-case letters, digits, - and _; production is the one "
                                                "used when no version is named):"),
                                             QString());
        if (label && !label->trimmed().isEmpty()) {
            labelChosen(label->trimmed());
        }
    });
    for (auto it = m_shown->labels.cbegin(); it != m_shown->labels.cend(); ++it) {
        if (it.value() == number) {
            const QString label = it.key();
            menu->addAction(tr("Take “%1” Off").arg(label), this, [this, label] { unlabelChosen(label); });
        }
    }
}

} // namespace Tessera::Ui
