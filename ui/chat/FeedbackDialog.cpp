#include "chat/FeedbackDialog.h"

#include "style/Icons.h"
#include "usage/UsageTableModels.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

QString FeedbackDialog::tagLabel(const QString& tag) {
    return feedbackTagLabel(tag);
}

FeedbackDialog::FeedbackDialog(const std::optional<Core::Feedback>& current, bool positive, const QStringList& tags,
                               QWidget* parent)
    : QDialog(parent)
    , m_good(new QRadioButton(tr("&Good answer"), this))
    , m_bad(new QRadioButton(tr("&Bad answer"), this))
    , m_comment(new QPlainTextEdit(this))
    , m_count(new QLabel(this))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("feedbackDialog"));
    setWindowTitle(tr("Feedback on the Answer"));
    m_good->setObjectName(QStringLiteral("feedbackGood"));
    m_bad->setObjectName(QStringLiteral("feedbackBad"));
    m_good->setIcon(Style::icon(Style::Icon::ThumbsUp));
    m_bad->setIcon(Style::icon(Style::Icon::ThumbsDown));
    (positive ? m_good : m_bad)->setChecked(true);

    auto* intro = new QLabel(tr("Your rating stays on this computer with the answer; it is never sent anywhere. "
                                "It counts in the quality statistics of the model and the template."),
                             this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    auto* rating = new QHBoxLayout;
    rating->addWidget(m_good);
    rating->addWidget(m_bad);
    rating->addStretch(1);

    auto* tagGrid = new QGridLayout;
    const QStringList chosen = current ? current->tags : QStringList();
    for (qsizetype i = 0; i < tags.size(); ++i) {
        auto* box = new QCheckBox(tagLabel(tags[i]), this);
        box->setObjectName(QStringLiteral("feedbackTag"));
        box->setProperty("tag", tags[i]);
        box->setChecked(chosen.contains(tags[i]));
        tagGrid->addWidget(box, int(i / 3), int(i % 3));
        m_tags.append(box);
    }
    auto* tagsLabel =
        new QLabel(tags.isEmpty() ? tr("No tags to choose from.") : tr("What describes it (optional):"), this);

    m_comment->setObjectName(QStringLiteral("feedbackComment"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setPlaceholderText(tr("What was good or wrong? (optional)"));
    m_comment->setTabChangesFocus(true);
    m_comment->setPlainText(current ? current->comment : QString());
    m_comment->setMinimumHeight(90);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_count->setAlignment(Qt::AlignRight);
    const auto updateCount = [this] {
        m_count->setText(tr("%1 of %2 characters").arg(m_comment->toPlainText().size()).arg(maxCommentLength));
    };
    connect(m_comment, &QPlainTextEdit::textChanged, this, updateCount);
    updateCount();
    auto* commentLabel = new QLabel(tr("&Comment:"), this);
    commentLabel->setBuddy(m_comment);

    m_error->setObjectName(QStringLiteral("feedbackError"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    if (current) {
        QPushButton* remove = buttons->addButton(tr("&Remove Rating"), QDialogButtonBox::DestructiveRole);
        remove->setObjectName(QStringLiteral("feedbackRemove"));
        connect(remove, &QPushButton::clicked, this, [this] {
            m_remove = true;
            QDialog::accept();
        });
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &FeedbackDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(rating);
    layout->addWidget(tagsLabel);
    layout->addLayout(tagGrid);
    layout->addWidget(commentLabel);
    layout->addWidget(m_comment);
    layout->addWidget(m_count);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    resize(460, sizeHint().height());
}

bool FeedbackDialog::positive() const {
    return m_good->isChecked();
}

QStringList FeedbackDialog::chosenTags() const {
    QStringList tags;
    for (const QCheckBox* box : m_tags) {
        if (box->isChecked()) {
            tags << box->property("tag").toString();
        }
    }
    return tags;
}

QString FeedbackDialog::comment() const {
    return m_comment->toPlainText().trimmed();
}

void FeedbackDialog::accept() {
    if (comment().size() > maxCommentLength) {
        m_error->setText(
            tr("The comment is %1 characters long; shorten it to %2.").arg(comment().size()).arg(maxCommentLength));
        m_error->show();
        m_comment->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace Tessera::Ui
