#pragma once

#include "common/Actor.h"
#include "experiments/Experiments.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class VariantsEditor;

// New Experiment: a name, a dataset, 2 to 6 variants (a label, a template and its version, a provider and a model),
// the checks (assertions, one per line as `TYPE:VALUE[:WEIGHT]`, a threshold, an LLM judge with its rubric and
// pairwise comparisons) and the settings (concurrency, repeats, the response cache, a cost cap). Core checks the
// definition when it is made; what is wrong is shown in the dialog, which stays open.
class NewExperimentDialog final : public QDialog {
    Q_OBJECT

public:
    NewExperimentDialog(Core::CoreServices& services, Core::Actor actor, QWidget* parent = nullptr);

    // The definition as the form has it; nullopt with the problem shown when a line cannot be read.
    std::optional<Core::ExperimentDefinition> definition();
    // Makes the experiment; false (the problem shown) when core refuses it.
    bool create();

    QLineEdit* nameField() const { return m_name; }
    QComboBox* datasetBox() const { return m_dataset; }
    VariantsEditor* variantsEditor() const { return m_variants; }
    QPlainTextEdit* assertionsField() const { return m_assertions; }
    QGroupBox* judgeBox() const { return m_judge; }
    QComboBox* judgeProviderBox() const { return m_judgeProvider; }
    QLineEdit* judgeModelField() const { return m_judgeModel; }
    QCheckBox* pairwiseBox() const { return m_pairwise; }
    QLabel* problemLabel() const { return m_problem; }

Q_SIGNALS:
    void created(const QString& name);

private:
    void showProblem(const QString& text);

    Core::CoreServices& m_services;
    Core::Actor m_actor;
    QLineEdit* m_name;
    QComboBox* m_dataset;
    VariantsEditor* m_variants;
    QPlainTextEdit* m_assertions;
    QCheckBox* m_useThreshold;
    QDoubleSpinBox* m_threshold;
    QGroupBox* m_judge;
    QComboBox* m_judgeProvider;
    QLineEdit* m_judgeModel;
    QPlainTextEdit* m_rubric;
    QCheckBox* m_pairwise;
    QSpinBox* m_concurrency;
    QSpinBox* m_repeats;
    QCheckBox* m_cache;
    QCheckBox* m_useCap;
    QDoubleSpinBox* m_cap;
    QLabel* m_problem;
};

} // namespace Tessera::Ui
