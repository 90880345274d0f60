#pragma once

#include "prompts/PromptLibrary.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QTextBrowser;

namespace Tessera::Ui {

// Two versions of a template side by side: the older on the left with the lines it lost marked, the newer on the
// right with the lines it gained marked (system part, then user part, and the suggested settings when they differ).
// Both sides scroll together; the boxes above choose the versions.
class VersionCompareDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionCompareDialog)

public:
    // versions: every version of the template (any order); left and right: the numbers shown first.
    VersionCompareDialog(const QString& name, std::vector<Core::PromptVersion> versions, int left, int right,
                         QWidget* parent = nullptr);

    void compare(int left, int right);
    QString leftText() const;
    QString rightText() const;
    // "Lines removed: 3, added: 5.".
    QString summary() const;

private:
    void update();

    std::vector<Core::PromptVersion> m_versions;
    QComboBox* m_leftBox;
    QComboBox* m_rightBox;
    QTextBrowser* m_left;
    QTextBrowser* m_right;
    QLabel* m_summary;
};

} // namespace Tessera::Ui
