#include "prompts/ShareTemplateDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Tessera::Ui {

ShareTemplateDialog::ShareTemplateDialog(const Core::PromptTemplate& prompt,
                                         const std::vector<std::pair<qint64, QString>>& roles, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("shareTemplateDialog"));
    setWindowTitle(tr("Share %1").arg(prompt.name));
    auto* intro = new QLabel(tr("Members of a role may use a template shared with it, or also change it. Changes to a "
                                "shared template are recorded in the audit log."),
                             this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    auto* form = new QFormLayout;
    for (const auto& [id, name] : roles) {
        auto* box = new QComboBox(this);
        box->setObjectName(QStringLiteral("shareRole"));
        box->setProperty("roleId", id);
        box->setAccessibleName(tr("Sharing with %1").arg(name));
        box->addItem(tr("Not shared"), 0);
        box->addItem(tr("May use it"), 1);
        box->addItem(tr("May use and change it"), 2);
        int current = 0;
        for (const Core::PromptShare& share : prompt.shares) {
            if (share.roleId == id) {
                current = share.canEdit ? 2 : 1;
            }
        }
        box->setCurrentIndex(current);
        m_boxes.insert(id, box);
        m_before.insert(id, current);
        form->addRow(name + QLatin1Char(':'), box);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QHash<qint64, std::optional<bool>> ShareTemplateDialog::changes() const {
    QHash<qint64, std::optional<bool>> changed;
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        const int now = it.value()->currentData().toInt();
        if (now != m_before.value(it.key())) {
            changed.insert(it.key(), now == 0 ? std::nullopt : std::optional<bool>(now == 2));
        }
    }
    return changed;
}

void ShareTemplateDialog::choose(qint64 roleId, int choice) {
    if (QComboBox* box = m_boxes.value(roleId)) {
        box->setCurrentIndex(box->findData(choice));
    }
}

} // namespace Tessera::Ui
