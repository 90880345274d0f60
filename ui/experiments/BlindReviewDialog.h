#pragma once

#include "common/Actor.h"
#include "experiments/Datasets.h"
#include "experiments/ExperimentRuns.h"

#include <QDialog>

#include <vector>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class AnswersSideBySide;

// Review Blind: an experiment's answers, two at a time, for people to judge. Each round shows one case and two
// variants' answers to it in a random order without their names; the vote is kept with the case (it counts in the
// experiment's ranking and is set against the judge's verdicts), the variants are revealed, and Next shows another
// pair not yet voted on.
class BlindReviewDialog final : public QDialog {
    Q_OBJECT

public:
    BlindReviewDialog(Core::CoreServices& services, Core::Actor actor, const Core::ExperimentResults& results,
                      QWidget* parent = nullptr);

    // Pairs of answers still to review.
    int remaining() const { return int(m_pairs.size()) - m_next; }
    // Shows the next pair; false when none is left.
    bool showNext();
    // The variant indices shown, left to right.
    const std::vector<int>& shownIndices() const { return m_shown; }
    AnswersSideBySide* answers() const { return m_answers; }
    QLabel* statusLabel() const { return m_status; }

Q_SIGNALS:
    void voted();

private:
    struct Pair {
        int item = 0;
        int repeat = 0;
        int a = 0;
        int b = 0;
        QString answerA;
        QString answerB;
    };
    void recordVote(const QString& choice);

    Core::CoreServices& m_services;
    Core::Actor m_actor;
    Core::ExperimentResults m_results;
    std::vector<Core::DatasetItem> m_cases;
    std::vector<Pair> m_pairs;
    int m_next = 0;
    std::vector<int> m_shown;
    QPlainTextEdit* m_case;
    AnswersSideBySide* m_answers;
    QLabel* m_status;
    QPushButton* m_nextButton;
};

} // namespace Tessera::Ui
