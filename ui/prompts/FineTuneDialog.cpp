#include "prompts/FineTuneDialog.h"

#include "app/CoreServices.h"
#include "prompts/FineTuning.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Tessera::Ui {

FineTuneDialog::FineTuneDialog(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_rating(new QComboBox(this))
    , m_tag(new QLineEdit(this))
    , m_model(new QLineEdit(this))
    , m_template(new QLineEdit(this))
    , m_useSince(new QCheckBox(tr("&Since:"), this))
    , m_since(new QDateEdit(QDate::currentDate().addMonths(-3), this))
    , m_maxTokens(new QSpinBox(this))
    , m_result(new QLabel(this)) {
    setObjectName(QStringLiteral("fineTuneDialog"));
    setWindowTitle(tr("Export Fine-Tuning Data"));
    auto* intro = new QLabel(tr("Each conversation becomes one training example in OpenAI's chat format: the branch "
                                "on screen with its system prompt. Failed answers are left out with their question; "
                                "answers rated bad stay as context the model does not learn from."),
                             this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    m_rating->addItem(tr("Any conversation"), 0);
    m_rating->addItem(tr("With an answer rated good"), 1);
    m_rating->addItem(tr("With an answer rated bad"), -1);
    m_rating->setCurrentIndex(1);
    m_tag->setPlaceholderText(tr("a conversation tag or a feedback tag (optional)"));
    m_model->setPlaceholderText(tr("answered by this model (optional)"));
    m_template->setPlaceholderText(tr("a question sent from this template (optional)"));
    m_since->setCalendarPopup(true);
    m_since->setEnabled(false);
    connect(m_useSince, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    m_maxTokens->setRange(100, 10'000'000);
    m_maxTokens->setSingleStep(1024);
    m_maxTokens->setValue(int(Core::FineTuneFilter{}.maxTokensPerExample));
    m_maxTokens->setSuffix(tr(" tokens"));
    m_maxTokens->setAccessibleName(tr("The largest example"));
    m_result->setObjectName(QStringLiteral("fineTuneResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* form = new QFormLayout;
    form->addRow(tr("&Rating:"), m_rating);
    form->addRow(tr("&Tag:"), m_tag);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("Tem&plate:"), m_template);
    form->addRow(m_useSince, m_since);
    form->addRow(tr("&Largest example:"), m_maxTokens);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* exporter = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    exporter->setObjectName(QStringLiteral("fineTuneExport"));
    exporter->setDefault(true);
    connect(exporter, &QPushButton::clicked, this, &FineTuneDialog::exportTo);
    m_startJob = buttons->addButton(tr("Start Fine-Tuning &Job…"), QDialogButtonBox::ActionRole);
    m_startJob->setObjectName(QStringLiteral("fineTuneStartJob"));
    m_startJob->setVisible(false);
    connect(m_startJob, &QPushButton::clicked, this, [this] {
        Q_EMIT startJobAsked(m_written);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

bool FineTuneDialog::exportTo() {
    QString filter;
    const QString path = m_dialogs.askSaveFile(this, tr("Export Fine-Tuning Data"), QStringLiteral("train.jsonl"),
                                               tr("JSON Lines (*.jsonl)"), &filter);
    if (path.isEmpty()) {
        return false;
    }
    Core::FineTuneFilter chosen;
    const int rating = m_rating->currentData().toInt();
    if (rating != 0) {
        chosen.rating = rating > 0;
    }
    chosen.tag = m_tag->text().trimmed();
    chosen.model = m_model->text().trimmed();
    chosen.templateName = m_template->text().trimmed();
    if (m_useSince->isChecked()) {
        chosen.since = m_since->date();
    }
    chosen.maxTokensPerExample = m_maxTokens->value();
    auto summary = m_services.fineTuning().write(m_actor, chosen, path);
    if (!summary) {
        m_dialogs.showError(this, tr("Export Fine-Tuning Data"), describeError(summary.error()));
        return false;
    }
    const QLocale locale;
    QStringList lines;
    lines << tr("Wrote %n example(s) to %1.", nullptr, summary->examples).arg(QDir::toNativeSeparators(summary->path));
    if (summary->examples > 0) {
        lines << tr("%1 tokens (%2 to %3 an example), about %4 training tokens over %5 epochs.")
                     .arg(locale.toString(summary->tokens), locale.toString(summary->minTokens),
                          locale.toString(summary->maxTokens), locale.toString(summary->trainingTokens))
                     .arg(summary->epochs);
    }
    if (!summary->skipped.empty()) {
        lines << tr("%n conversation(s) left out: nothing to learn from, or over the limit.", nullptr,
                    int(summary->skipped.size()));
    }
    if (summary->examples > 0 && summary->examples < 10) {
        lines << tr("OpenAI needs at least 10 examples for a fine-tuning job.");
    }
    m_result->setText(lines.join(QLatin1Char('\n')));
    m_written = summary->path;
    m_startJob->setVisible(summary->examples > 0 && m_actor.may(Core::Permission::ExperimentsRun));
    return true;
}

QString FineTuneDialog::resultText() const {
    return m_result->text();
}

} // namespace Tessera::Ui
