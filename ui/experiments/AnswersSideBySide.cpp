#include "experiments/AnswersSideBySide.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace Tessera::Ui {

AnswersSideBySide::AnswersSideBySide(QWidget* parent)
    : QWidget(parent)
    , m_answers(new QWidget(this))
    , m_votes(new QWidget(this))
    , m_reveal(new QPushButton(tr("Re&veal"), this)) {
    setObjectName(QStringLiteral("answersSideBySide"));
    new QHBoxLayout(m_answers);
    m_answers->layout()->setContentsMargins(0, 0, 0, 0);
    auto* votes = new QHBoxLayout(m_votes);
    votes->setContentsMargins(0, 0, 0, 0);
    m_reveal->setObjectName(QStringLiteral("revealAnswers"));
    m_reveal->setToolTip(tr("Shows which variant gave which answer without voting"));
    connect(m_reveal, &QPushButton::clicked, this, &AnswersSideBySide::reveal);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_answers, 1);
    layout->addWidget(m_votes);
    m_votes->hide();
}

void AnswersSideBySide::reset(const QStringList& titles, bool blind) {
    for (Column& column : m_columns) {
        column.box->deleteLater();
    }
    m_columns.clear();
    for (QPushButton* button : m_voteButtons) {
        button->deleteLater();
    }
    m_voteButtons.clear();
    m_titles = titles;
    m_revealed = !blind;
    for (int i = 0; i < titles.size(); ++i) {
        Column column;
        column.box = new QGroupBox(m_answers);
        column.text = new QPlainTextEdit(column.box);
        column.text->setReadOnly(true);
        column.text->setObjectName(QStringLiteral("answer%1").arg(i + 1));
        column.figures = new QLabel(column.box);
        column.figures->setForegroundRole(QPalette::PlaceholderText);
        column.figures->setWordWrap(true);
        auto* boxLayout = new QVBoxLayout(column.box);
        boxLayout->addWidget(column.text, 1);
        boxLayout->addWidget(column.figures);
        m_answers->layout()->addWidget(column.box);
        m_columns.push_back(column);
    }
    // The vote: two answers compare left and right; more pick the best.
    auto* votes = qobject_cast<QHBoxLayout*>(m_votes->layout());
    const auto addVote = [&](const QString& text, const QString& choice) {
        auto* button = new QPushButton(text, m_votes);
        button->setObjectName(QStringLiteral("vote-") + choice);
        button->setProperty("choice", choice);
        connect(button, &QPushButton::clicked, this, [this, choice] { vote(choice); });
        votes->insertWidget(votes->count(), button);
        m_voteButtons.push_back(button);
    };
    while (votes->count() > 0) {
        delete votes->takeAt(0);
    }
    if (titles.size() == 2) {
        addVote(tr("&Left Is Better"), QStringLiteral("1"));
        addVote(tr("&Right Is Better"), QStringLiteral("2"));
        addVote(tr("T&ie"), QStringLiteral("tie"));
        addVote(tr("&Both Are Bad"), QStringLiteral("bad"));
    } else {
        for (int i = 0; i < titles.size(); ++i) {
            addVote(tr("Answer &%1 Is Best").arg(i + 1), QStringLiteral("best:%1").arg(i + 1));
        }
    }
    votes->addStretch();
    votes->addWidget(m_reveal);
    for (int i = 0; i < int(m_columns.size()); ++i) {
        m_columns[std::size_t(i)].box->setTitle(m_revealed ? titles[i] : tr("Answer %1").arg(i + 1));
    }
    m_reveal->setVisible(blind);
    m_votes->hide();
}

void AnswersSideBySide::setText(int answer, const QString& text) {
    if (answer >= 0 && answer < count()) {
        m_columns[std::size_t(answer)].text->setPlainText(text);
    }
}

void AnswersSideBySide::appendText(int answer, const QString& text) {
    if (answer < 0 || answer >= count()) {
        return;
    }
    QPlainTextEdit* edit = m_columns[std::size_t(answer)].text;
    QScrollBar* bar = edit->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    edit->moveCursor(QTextCursor::End);
    edit->insertPlainText(text);
    if (atEnd) {
        bar->setValue(bar->maximum());
    }
}

void AnswersSideBySide::setFigures(int answer, const QString& figures) {
    if (answer >= 0 && answer < count()) {
        m_columns[std::size_t(answer)].figures->setText(figures);
    }
}

void AnswersSideBySide::offerVote(bool on) {
    m_votes->setVisible(on);
    for (QPushButton* button : m_voteButtons) {
        button->setEnabled(on);
    }
}

void AnswersSideBySide::reveal() {
    m_revealed = true;
    for (int i = 0; i < count(); ++i) {
        m_columns[std::size_t(i)].box->setTitle(tr("Answer %1: %2").arg(i + 1).arg(m_titles[i]));
    }
    m_reveal->hide();
}

QString AnswersSideBySide::title(int answer) const {
    return answer >= 0 && answer < count() ? m_columns[std::size_t(answer)].box->title() : QString();
}

QString AnswersSideBySide::text(int answer) const {
    return answer >= 0 && answer < count() ? m_columns[std::size_t(answer)].text->toPlainText() : QString();
}

void AnswersSideBySide::vote(const QString& choice) {
    for (QPushButton* button : m_voteButtons) {
        button->setEnabled(false);
    }
    Q_EMIT voted(choice);
    reveal();
}

QPushButton* AnswersSideBySide::voteButton(const QString& choice) const {
    for (QPushButton* button : m_voteButtons) {
        if (button->property("choice").toString() == choice) {
            return button;
        }
    }
    return nullptr;
}

} // namespace Tessera::Ui
