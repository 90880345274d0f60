#include "experiments/BlindReviewDialog.h"

#include "app/CoreServices.h"
#include "experiments/AnswersSideBySide.h"
#include "experiments/Compare.h"
#include "experiments/Datasets.h"
#include "widgets/ErrorText.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace Tessera::Ui {

BlindReviewDialog::BlindReviewDialog(Core::CoreServices& services, Core::Actor actor,
                                     const Core::ExperimentResults& results, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_results(results)
    , m_case(new QPlainTextEdit(this))
    , m_answers(new AnswersSideBySide(this))
    , m_status(new QLabel(this))
    , m_nextButton(new QPushButton(tr("&Next Pair"), this)) {
    setObjectName(QStringLiteral("blindReviewDialog"));
    setWindowTitle(tr("Review %1 Blind").arg(results.experiment.definition.name));
    m_case->setReadOnly(true);
    m_case->setObjectName(QStringLiteral("reviewCase"));
    m_case->setAccessibleName(tr("The case"));
    m_case->setFixedHeight(m_case->fontMetrics().lineSpacing() * 4 + 12);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);
    m_nextButton->setObjectName(QStringLiteral("reviewNext"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_nextButton);
    bottom->addWidget(close);
    auto* caseLabel = new QLabel(tr("The case:"), this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(caseLabel);
    layout->addWidget(m_case);
    layout->addWidget(m_answers, 1);
    layout->addLayout(bottom);
    resize(1000, 640);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_nextButton, &QPushButton::clicked, this, &BlindReviewDialog::showNext);
    connect(m_answers, &AnswersSideBySide::voted, this, &BlindReviewDialog::recordVote);

    // Every pair of answers to one case not yet voted on, in a random order.
    if (auto cases = m_services.datasets().items(m_actor, results.experiment.definition.dataset)) {
        m_cases = std::move(*cases);
    }
    std::set<std::tuple<int, int, int, int>> voted;
    if (auto votes = m_services.compare().votes(m_actor, results.experiment.id)) {
        for (const Core::VoteInfo& vote : *votes) {
            for (const Core::PairOutcome& o : vote.outcomes) {
                voted.insert({vote.item, vote.repeat, o.first, o.second});
            }
        }
    }
    std::map<std::pair<int, int>, std::map<int, QString>> answers; // (item, repeat) → variant → answer
    if (results.job) {
        if (auto items = m_services.jobs().items(m_actor, results.job->id)) {
            for (const Core::JobItem& item : *items) {
                if (item.state == Core::JobItemState::Done) {
                    answers[{item.input.value(QLatin1StringView("item")).toInt(),
                             item.input.value(QLatin1StringView("repeat")).toInt()}]
                           [item.input.value(QLatin1StringView("variant")).toInt()] =
                               item.result.value(QLatin1StringView("answer")).toString();
                }
            }
        }
    }
    for (const auto& [key, byVariant] : answers) {
        for (auto a = byVariant.begin(); a != byVariant.end(); ++a) {
            for (auto b = std::next(a); b != byVariant.end(); ++b) {
                if (!voted.count({key.first, key.second, a->first, b->first})) {
                    m_pairs.push_back({key.first, key.second, a->first, b->first, a->second, b->second});
                }
            }
        }
    }
    std::shuffle(m_pairs.begin(), m_pairs.end(), *QRandomGenerator::global());
    showNext();
}

bool BlindReviewDialog::showNext() {
    if (m_next >= int(m_pairs.size())) {
        m_case->clear();
        m_answers->reset({}, true);
        m_status->setText(tr("Every pair of answers has a vote. Thank you."));
        m_nextButton->setEnabled(false);
        return false;
    }
    const Pair& pair = m_pairs[std::size_t(m_next)];
    QStringList lines;
    if (pair.item >= 1 && pair.item <= int(m_cases.size())) {
        const Core::DatasetItem& kase = m_cases[std::size_t(pair.item - 1)];
        QStringList names = kase.values.keys();
        names.sort();
        for (const QString& name : names) {
            lines << QStringLiteral("%1: %2").arg(name, kase.values.value(name));
        }
    }
    m_case->setPlainText(lines.join(QLatin1Char('\n')));
    // Left and right at random.
    const bool swap = QRandomGenerator::global()->bounded(2) == 1;
    m_shown = swap ? std::vector<int>{pair.b, pair.a} : std::vector<int>{pair.a, pair.b};
    const auto& variants = m_results.experiment.definition.variants;
    m_answers->reset({variants[std::size_t(m_shown[0])].label, variants[std::size_t(m_shown[1])].label}, true);
    m_answers->setText(0, swap ? pair.answerB : pair.answerA);
    m_answers->setText(1, swap ? pair.answerA : pair.answerB);
    m_answers->offerVote(true);
    m_nextButton->setEnabled(false);
    m_status->setText(tr("%n pair(s) left to review.", nullptr, remaining()));
    ++m_next;
    return true;
}

void BlindReviewDialog::recordVote(const QString& choice) {
    const Pair& pair = m_pairs[std::size_t(m_next - 1)];
    Core::VoteDraft draft;
    draft.source = QStringLiteral("experiment");
    draft.experimentId = m_results.experiment.id;
    draft.item = pair.item;
    draft.repeat = pair.repeat;
    draft.input = m_case->toPlainText();
    draft.indices = m_shown;
    for (const int index : m_shown) {
        draft.variants.push_back(m_results.experiment.definition.variants[std::size_t(index)]);
    }
    draft.answers = {m_answers->text(0), m_answers->text(1)};
    draft.blind = true;
    draft.choice = choice;
    auto kept = m_services.compare().vote(m_actor, draft);
    if (!kept) {
        m_status->setText(describeErrorPlainly(kept.error()));
        return;
    }
    m_status->setText(remaining() > 0 ? tr("Kept. %n pair(s) left: Next shows one.", nullptr, remaining())
                                      : tr("Kept. That was the last pair."));
    m_nextButton->setEnabled(remaining() > 0);
    m_nextButton->setFocus();
    Q_EMIT voted();
}

} // namespace Tessera::Ui
