#pragma once

#include "common/Actor.h"
#include "experiments/Experiments.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Tessera::Core {
class CompareSession;
class CoreServices;
} // namespace Tessera::Core

namespace Tessera::Ui {

class AnswersSideBySide;
class VariantsEditor;

// View ▸ Compare: 2 to 6 variants (a template version, or the input as it is, each with a provider and a model)
// answer the same input side by side, streaming in parallel, each with its tokens, cost and latency. Blind hides
// which variant is which and shuffles their places until the person votes; the vote is kept (as pairwise outcomes,
// with the input and the answers) and the variants are revealed.
class CompareWindow final : public QWidget {
    Q_OBJECT

public:
    CompareWindow(Core::CoreServices& services, Core::Actor actor, QWidget* parent = nullptr);
    ~CompareWindow() override;

    // Starts every variant's answer to the input; false (the problem shown) when core refuses.
    bool compare();
    void stop();
    bool isAnswering() const;

    VariantsEditor* variantsEditor() const { return m_variants; }
    QPlainTextEdit* inputField() const { return m_input; }
    QCheckBox* blindBox() const { return m_blind; }
    AnswersSideBySide* answers() const { return m_answers; }
    QLabel* statusLabel() const { return m_status; }
    // The variants in the places shown (shuffled when blind).
    const std::vector<Core::ExperimentVariant>& shown() const { return m_shown; }

private:
    void recordVote(const QString& choice);

    Core::CoreServices& m_services;
    Core::Actor m_actor;
    VariantsEditor* m_variants;
    QPlainTextEdit* m_input;
    QCheckBox* m_blind;
    QPushButton* m_compare;
    QPushButton* m_stop;
    AnswersSideBySide* m_answers;
    QLabel* m_status;
    std::unique_ptr<Core::CompareSession> m_session;
    std::vector<Core::ExperimentVariant> m_shown;
};

} // namespace Tessera::Ui
