#pragma once

#include "prompts/PromptLibrary.h"

#include <QDialog>
#include <QHash>

#include <optional>
#include <vector>

class QComboBox;

namespace Tessera::Ui {

// Who a template is shared with: for each role, not shared, to use, or to use and edit. The caller stores the
// changes through core (PromptLibrary::share), which checks prompts.share and records them in the audit log.
class ShareTemplateDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShareTemplateDialog)

public:
    ShareTemplateDialog(const Core::PromptTemplate& prompt, const std::vector<std::pair<qint64, QString>>& roles,
                        QWidget* parent = nullptr);

    // The roles whose sharing changed: unset stops sharing, false shares to use, true to edit.
    QHash<qint64, std::optional<bool>> changes() const;
    // Sets a role's choice (0 not shared, 1 use, 2 edit), as the person would.
    void choose(qint64 roleId, int choice);

private:
    QHash<qint64, QComboBox*> m_boxes;
    QHash<qint64, int> m_before;
};

} // namespace Tessera::Ui
