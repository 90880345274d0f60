#pragma once

#include "chat/Conversation.h"

#include <QDialog>

#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace Tessera::Ui {

// Chooses the tags of one conversation: every tag in use as a check box, and a line to add new ones ("work, rust"
// adds two). Only checks and names change here; the caller stores tags() when the dialog is accepted.
class TagsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagsDialog)

public:
    // title: the conversation's; empty for a conversation not yet started.
    TagsDialog(const QString& title, const std::vector<Core::TagUse>& existing, const QStringList& checked,
               QWidget* parent = nullptr);

    // The checked tags, in the order shown.
    QStringList tags() const;
    // Adds what the line holds (comma-separated) as checked tags; false, with the reason shown, when a name is bad.
    bool addTypedTags();
    void accept() override;

    QListWidget* tagList() const { return m_list; }
    QLineEdit* newTagEdit() const { return m_newTag; }
    QLabel* errorLabel() const { return m_error; }

    // The rules a tag's name follows, for error messages.
    static QString nameRules();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QListWidgetItem* itemFor(const QString& name) const;
    void showProblem(const QString& text);

    QListWidget* m_list;
    QLineEdit* m_newTag;
    QPushButton* m_add;
    QLabel* m_error;
};

} // namespace Tessera::Ui
