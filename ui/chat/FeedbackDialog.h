#pragma once

#include "chat/Message.h"

#include <QDialog>
#include <QList>

#include <optional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace Tessera::Ui {

// Feedback on one answer: good or bad, tags from the administrators' list and a comment. It stays on this computer
// (said in the dialog). Save keeps it, Remove Rating takes it back; the caller stores either through core.
class FeedbackDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedbackDialog)

public:
    static constexpr int maxCommentLength = 2'000;

    FeedbackDialog(const std::optional<Core::Feedback>& current, bool positive, const QStringList& tags,
                   QWidget* parent = nullptr);

    bool positive() const;
    QStringList chosenTags() const;
    QString comment() const;
    // True when Remove Rating was pressed (the dialog was accepted to take the rating back).
    bool removeRequested() const { return m_remove; }

    // A feedback tag as people read it: the default tags in the interface's language, others as written.
    static QString tagLabel(const QString& tag);

    void accept() override;

private:
    QRadioButton* m_good;
    QRadioButton* m_bad;
    QList<QCheckBox*> m_tags;
    QPlainTextEdit* m_comment;
    QLabel* m_count;
    QLabel* m_error;
    bool m_remove = false;
};

} // namespace Tessera::Ui
