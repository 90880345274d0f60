#include "experiments/NewExperimentDialog.h"

#include "experiments/VariantsEditor.h"

#include "app/CoreServices.h"
#include "experiments/Datasets.h"
#include "prompts/PromptLibrary.h"
#include "providers/ProviderService.h"
#include "widgets/ErrorText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace Tessera::Ui {

NewExperimentDialog::NewExperimentDialog(Core::CoreServices& services, Core::Actor actor, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_name(new QLineEdit(this))
    , m_dataset(new QComboBox(this))
    , m_variants(new VariantsEditor(services, m_actor, false, this))
    , m_assertions(new QPlainTextEdit(this))
    , m_useThreshold(new QCheckBox(tr("Pass at a &score of"), this))
    , m_threshold(new QDoubleSpinBox(this))
    , m_judge(new QGroupBox(tr("An LLM &judge grades each answer"), this))
    , m_judgeProvider(new QComboBox(this))
    , m_judgeModel(new QLineEdit(this))
    , m_rubric(new QPlainTextEdit(this))
    , m_pairwise(new QCheckBox(tr("and compares each pair of variants (asked in both orders)"), this))
    , m_concurrency(new QSpinBox(this))
    , m_repeats(new QSpinBox(this))
    , m_cache(new QCheckBox(tr("Use cached answers where there are any"), this))
    , m_useCap(new QCheckBox(tr("Pause the run at a cost o&f"), this))
    , m_cap(new QDoubleSpinBox(this))
    , m_problem(new QLabel(this)) {
    setObjectName(QStringLiteral("newExperimentDialog"));
    setWindowTitle(tr("New Experiment"));
    m_name->setObjectName(QStringLiteral("experimentName"));
    m_name->setPlaceholderText(tr("for example: Shorter prompt"));
    m_dataset->setObjectName(QStringLiteral("experimentDataset"));
    if (auto datasets = m_services.datasets().list(m_actor)) {
        for (const Core::DatasetInfo& d : *datasets) {
            m_dataset->addItem(tr("%1 (%n case(s))", nullptr, int(d.items)).arg(d.name), d.name);
        }
    }
    m_assertions->setObjectName(QStringLiteral("experimentAssertions"));
    m_assertions->setPlaceholderText(tr("One check per line, TYPE:VALUE[:WEIGHT], for example\nicontains:museum\n"
                                        "max-length:800:0.5\nis-json"));
    m_assertions->setTabChangesFocus(true);
    m_assertions->setFixedHeight(m_assertions->fontMetrics().lineSpacing() * 5 + 12);
    m_threshold->setRange(0.0, 1.0);
    m_threshold->setSingleStep(0.05);
    m_threshold->setValue(0.75);
    m_threshold->setEnabled(false);
    m_threshold->setAccessibleName(tr("Passing score"));
    connect(m_useThreshold, &QCheckBox::toggled, m_threshold, &QWidget::setEnabled);
    m_judge->setObjectName(QStringLiteral("experimentJudge"));
    m_judge->setCheckable(true);
    m_judge->setChecked(false);
    m_judgeProvider->addItems(m_variants->providerNames());
    m_judgeProvider->setAccessibleName(tr("Judge's provider"));
    m_judgeModel->setPlaceholderText(tr("the judge's model"));
    m_judgeModel->setAccessibleName(tr("Judge's model"));
    m_rubric->setPlaceholderText(tr("What a good answer does (empty: it does what was asked, is correct and clear)"));
    m_rubric->setTabChangesFocus(true);
    m_rubric->setFixedHeight(m_rubric->fontMetrics().lineSpacing() * 3 + 12);
    m_rubric->setAccessibleName(tr("Rubric"));
    auto* judgeForm = new QFormLayout(m_judge);
    judgeForm->addRow(tr("&Provider:"), m_judgeProvider);
    judgeForm->addRow(tr("M&odel:"), m_judgeModel);
    judgeForm->addRow(tr("R&ubric:"), m_rubric);
    judgeForm->addRow(QString(), m_pairwise);
    m_concurrency->setRange(1, 64);
    m_concurrency->setValue(4);
    m_concurrency->setSuffix(tr(" at once"));
    m_repeats->setRange(1, Core::ExperimentLimits::maxRepeats);
    m_repeats->setValue(1);
    m_repeats->setSuffix(tr(" × each case"));
    m_cache->setChecked(true);
    m_cap->setRange(0.01, 100000.0);
    m_cap->setDecimals(2);
    m_cap->setValue(5.0);
    m_cap->setPrefix(QStringLiteral("$"));
    m_cap->setEnabled(false);
    m_cap->setAccessibleName(tr("Cost cap in US dollars"));
    m_useCap->setObjectName(QStringLiteral("experimentUseCap"));
    connect(m_useCap, &QCheckBox::toggled, m_cap, &QWidget::setEnabled);
    m_cache->setToolTip(tr("Repeats after the first are always asked afresh"));
    m_problem->setObjectName(QStringLiteral("experimentProblem"));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::BrightText);
    m_problem->hide();

    auto* threshold = new QHBoxLayout;
    threshold->addWidget(m_useThreshold);
    threshold->addWidget(m_threshold);
    threshold->addStretch();
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Dataset:"), m_dataset);
    form->addRow(tr("Checks (&assertions):"), m_assertions);
    form->addRow(QString(), threshold);
    form->addRow(tr("&Concurrency:"), m_concurrency);
    form->addRow(tr("&Repeats:"), m_repeats);
    form->addRow(QString(), m_cache);
    auto* cap = new QHBoxLayout;
    cap->addWidget(m_useCap);
    cap->addWidget(m_cap);
    cap->addStretch();
    form->addRow(QString(), cap);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    auto* layout = new QVBoxLayout(this);
    auto* variantsLabel = new QLabel(tr("&Variants (2 to 6; version 0 is the template's production version):"), this);
    variantsLabel->setBuddy(m_variants->table());
    layout->addLayout(form);
    layout->addWidget(variantsLabel);
    layout->addWidget(m_variants);
    layout->addWidget(m_judge);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(720);
    resize(760, 720);

    connect(buttons, &QDialogButtonBox::accepted, this, &NewExperimentDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_dataset->count() == 0) {
        showProblem(tr("There is no dataset yet: import one with Import Dataset in the Experiments window."));
    }
}

void NewExperimentDialog::showProblem(const QString& text) {
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

std::optional<Core::ExperimentDefinition> NewExperimentDialog::definition() {
    Core::ExperimentDefinition d;
    d.name = m_name->text().trimmed();
    d.dataset = m_dataset->currentData().toString();
    if (d.name.isEmpty()) {
        showProblem(tr("Give the experiment a name."));
        m_name->setFocus();
        return std::nullopt;
    }
    QString problem;
    auto variants = m_variants->variants(&problem);
    if (!variants) {
        showProblem(problem);
        return std::nullopt;
    }
    d.variants = std::move(*variants);
    const QStringList lines = m_assertions->toPlainText().split(QLatin1Char('\n'));
    for (int line = 0; line < lines.size(); ++line) {
        const QString text = lines[line].trimmed();
        if (text.isEmpty()) {
            continue;
        }
        auto assertion = Core::parseAssertion(text);
        if (!assertion) {
            showProblem(tr("Check on line %1 (%2): %3").arg(line + 1).arg(text, assertion.error().detail));
            m_assertions->setFocus();
            return std::nullopt;
        }
        d.assertions.push_back(*assertion);
    }
    if (m_useThreshold->isChecked()) {
        d.threshold = m_threshold->value();
    }
    if (m_judge->isChecked()) {
        d.judgeProvider = m_judgeProvider->currentText();
        d.judgeModel = m_judgeModel->text().trimmed();
        d.rubric = m_rubric->toPlainText().trimmed();
        d.pairwise = m_pairwise->isChecked();
        if (d.judgeModel.isEmpty()) {
            showProblem(tr("The judge needs a model."));
            m_judgeModel->setFocus();
            return std::nullopt;
        }
    }
    d.concurrency = m_concurrency->value();
    d.repeats = m_repeats->value();
    d.useCache = m_cache->isChecked();
    if (m_useCap->isChecked()) {
        d.costCapMicros = qint64(std::llround(m_cap->value() * 1'000'000.0));
    }
    return d;
}

bool NewExperimentDialog::create() {
    const auto d = definition();
    if (!d) {
        return false;
    }
    auto made = m_services.experiments().create(m_actor, *d);
    if (!made) {
        showProblem(describeErrorPlainly(made.error()) + QStringLiteral("\n") + made.error().detail);
        return false;
    }
    Q_EMIT created(made->definition.name);
    accept();
    return true;
}

} // namespace Tessera::Ui
