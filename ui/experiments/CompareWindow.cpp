#include "experiments/CompareWindow.h"

#include "app/CoreServices.h"
#include "experiments/AnswersSideBySide.h"
#include "experiments/Compare.h"
#include "experiments/VariantsEditor.h"
#include "widgets/ErrorText.h"
#include "widgets/Money.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace Tessera::Ui {

namespace {

QString variantTitle(const Core::ExperimentVariant& v) {
    const QString what = v.templateName == QLatin1StringView("-")
                             ? CompareWindow::tr("the input as it is")
                             : (v.version ? CompareWindow::tr("%1 version %2").arg(v.templateName).arg(*v.version)
                                          : CompareWindow::tr("%1 (production)").arg(v.templateName));
    return CompareWindow::tr("%1 · %2 on %3").arg(v.label, what, v.model);
}

} // namespace

CompareWindow::CompareWindow(Core::CoreServices& services, Core::Actor actor, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_variants(new VariantsEditor(services, m_actor, true, this))
    , m_input(new QPlainTextEdit(this))
    , m_blind(new QCheckBox(tr("Blin&d: hide and shuffle the variants until I vote"), this))
    , m_compare(new QPushButton(tr("&Compare"), this))
    , m_stop(new QPushButton(tr("&Stop"), this))
    , m_answers(new AnswersSideBySide(this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("compareWindow"));
    setWindowTitle(tr("Compare"));
    m_input->setObjectName(QStringLiteral("compareInput"));
    m_input->setPlaceholderText(tr("The input every variant answers (a template's one variable, or {{input}})"));
    m_input->setAccessibleName(tr("Input"));
    m_input->setTabChangesFocus(true);
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 4 + 12);
    m_blind->setObjectName(QStringLiteral("compareBlind"));
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_compare->setToolTip(tr("Every variant answers the input (Ctrl+Return)"));
    m_compare->setDefault(true);
    m_stop->setObjectName(QStringLiteral("compareStop"));
    m_stop->setEnabled(false);
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(m_blind);
    inputRow->addStretch();
    inputRow->addWidget(m_stop);
    inputRow->addWidget(m_compare);
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_variants);
    topLayout->addWidget(m_input);
    topLayout->addLayout(inputRow);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_answers);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    resize(1100, 760);
    connect(m_compare, &QPushButton::clicked, this, &CompareWindow::compare);
    connect(m_stop, &QPushButton::clicked, this, &CompareWindow::stop);
    auto* send = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(send, &QShortcut::activated, this, &CompareWindow::compare);
    connect(m_answers, &AnswersSideBySide::voted, this, &CompareWindow::recordVote);
}

CompareWindow::~CompareWindow() = default;

bool CompareWindow::isAnswering() const {
    return m_session && !m_session->isFinished();
}

bool CompareWindow::compare() {
    if (isAnswering()) {
        return false;
    }
    QString problem;
    auto variants = m_variants->variants(&problem);
    if (!variants) {
        m_status->setText(problem);
        return false;
    }
    const bool blind = m_blind->isChecked();
    if (blind) {
        std::shuffle(variants->begin(), variants->end(), *QRandomGenerator::global());
    }
    auto session = m_services.compare().start(m_actor, *variants, m_input->toPlainText(), {}, true);
    if (!session) {
        m_status->setText(describeErrorPlainly(session.error()) + QStringLiteral(" ") + session.error().detail);
        return false;
    }
    m_shown = *variants;
    m_session = std::move(*session);
    QStringList titles;
    for (const Core::ExperimentVariant& v : m_shown) {
        titles << variantTitle(v);
    }
    m_answers->reset(titles, blind);
    m_status->setText(tr("Answering…"));
    m_compare->setEnabled(false);
    m_stop->setEnabled(true);
    Core::CompareSession* session_ = m_session.get();
    connect(session_, &Core::CompareSession::delta, m_answers, &AnswersSideBySide::appendText);
    connect(session_, &Core::CompareSession::answered, this, [this, session_](int index) {
        const Core::CompareAnswer& a = session_->answers()[std::size_t(index)];
        if (a.error) {
            m_answers->setFigures(index, describeErrorPlainly(*a.error));
            return;
        }
        m_answers->setText(index, a.text);
        m_answers->setFigures(index, tr("%1 ms · %2 tokens in, %3 out · %4")
                                         .arg(QLocale().toString(a.latencyMs), QLocale().toString(a.inputTokens),
                                              QLocale().toString(a.outputTokens), costText(a.costMicros, false)));
    });
    connect(session_, &Core::CompareSession::finished, this, [this, session_] {
        m_compare->setEnabled(true);
        m_stop->setEnabled(false);
        const bool allAnswered = std::all_of(session_->answers().begin(), session_->answers().end(),
                                             [](const Core::CompareAnswer& a) { return !a.error; });
        m_answers->offerVote(allAnswered);
        m_status->setText(allAnswered ? tr("Which is better? Your vote is kept with the answers.")
                                      : tr("Not every variant answered, so there is no vote."));
    });
    if (m_session->isFinished()) {
        Q_EMIT m_session->finished();
    }
    return true;
}

void CompareWindow::stop() {
    if (m_session) {
        m_session->cancel();
    }
}

void CompareWindow::recordVote(const QString& choice) {
    if (!m_session) {
        return;
    }
    Core::VoteDraft draft;
    draft.input = m_session->input();
    draft.variants = m_shown;
    for (const Core::CompareAnswer& a : m_session->answers()) {
        draft.answers << a.text;
    }
    draft.blind = m_blind->isChecked();
    draft.choice = choice;
    auto kept = m_services.compare().vote(m_actor, draft);
    m_status->setText(kept ? tr("Your vote was kept.") : describeErrorPlainly(kept.error()));
}

} // namespace Tessera::Ui
