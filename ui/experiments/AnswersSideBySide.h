#pragma once

#include <QWidget>

#include <vector>

class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Tessera::Ui {

// Answers to one input side by side, each in a column with its title (the variant, or "Answer 1" while blind) and
// its figures, and the vote under them: for two answers left better, right better, tie or both bad; for more, the
// best one. Voting (or Reveal) shows which variant gave which answer.
class AnswersSideBySide final : public QWidget {
    Q_OBJECT

public:
    explicit AnswersSideBySide(QWidget* parent = nullptr);

    // Starts over with `count` empty answers; titles are what is revealed, shown at once unless blind.
    void reset(const QStringList& titles, bool blind);
    void setText(int answer, const QString& text);
    void appendText(int answer, const QString& text);
    void setFigures(int answer, const QString& figures);
    // Offers the vote (once every answer is in).
    void offerVote(bool on);
    void reveal();
    bool isRevealed() const { return m_revealed; }
    int count() const { return int(m_columns.size()); }
    QString title(int answer) const;
    QString text(int answer) const;
    // Casts a vote as the buttons do: "1", "2", "tie", "bad" or "best:N".
    void vote(const QString& choice);

    QPushButton* voteButton(const QString& choice) const;

Q_SIGNALS:
    void voted(const QString& choice);

private:
    struct Column {
        QGroupBox* box = nullptr;
        QPlainTextEdit* text = nullptr;
        QLabel* figures = nullptr;
    };
    std::vector<Column> m_columns;
    QStringList m_titles;
    bool m_revealed = true;
    QWidget* m_answers;
    QWidget* m_votes;
    QPushButton* m_reveal;
    std::vector<QPushButton*> m_voteButtons;
};

} // namespace Tessera::Ui
