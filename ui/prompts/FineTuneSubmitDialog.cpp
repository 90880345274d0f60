#include "prompts/FineTuneSubmitDialog.h"

#include "app/CoreServices.h"
#include "jobs/JobsController.h"
#include "prompts/FineTuningJobs.h"
#include "providers/ProviderService.h"
#include "providers/RequestRunner.h"
#include "providers/openai/OpenAiFineTuning.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Tessera::Ui {

FineTuneSubmitDialog::FineTuneSubmitDialog(Core::CoreServices& services, Core::Actor actor, JobsController& jobs,
                                           Dialogs& dialogs, QWidget* parent, const QString& path)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_jobs(jobs)
    , m_dialogs(dialogs)
    , m_file(new QLineEdit(QDir::toNativeSeparators(path), this))
    , m_provider(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_suffix(new QLineEdit(this))
    , m_epochs(new QSpinBox(this))
    , m_note(new QLabel(this)) {
    setObjectName(QStringLiteral("fineTuneSubmitDialog"));
    setWindowTitle(tr("Start Fine-Tuning Job"));
    auto* intro = new QLabel(tr("The file is checked, uploaded to the provider and trained on there; Tessera follows "
                                "the job in the background, even across restarts. The examples leave this computer "
                                "for the provider, and the provider bills the training."),
                             this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    m_file->setObjectName(QStringLiteral("fineTuneFile"));
    m_file->setPlaceholderText(tr("a chat-format JSONL file (File ▸ Export Fine-Tuning Data makes one)"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("fineTuneBrowse"));
    connect(browse, &QPushButton::clicked, this, &FineTuneSubmitDialog::browse);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    m_provider->setObjectName(QStringLiteral("fineTuneProvider"));
    if (auto providers = m_services.providers().list(m_actor)) {
        for (const Core::ProviderConfig& provider : *providers) {
            if (provider.enabled && Core::OpenAiFineTuningApi::supports(provider.kind)) {
                m_provider->addItem(provider.name, provider.name);
            }
        }
    }
    m_model->setObjectName(QStringLiteral("fineTuneModel"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->lineEdit()->setPlaceholderText(tr("the base model, such as gpt-4o-mini-2024-07-18"));
    m_suffix->setObjectName(QStringLiteral("fineTuneSuffix"));
    m_suffix->setPlaceholderText(tr("optional: a word in the new model's name"));
    m_suffix->setMaxLength(64);
    m_suffix->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9._-]{0,64}")), m_suffix));
    m_epochs->setObjectName(QStringLiteral("fineTuneEpochs"));
    m_epochs->setRange(0, 50);
    m_epochs->setSpecialValueText(tr("The provider's choice"));
    m_epochs->setAccessibleName(tr("Epochs"));
    m_note->setObjectName(QStringLiteral("fineTuneNote"));
    m_note->setWordWrap(true);

    auto* form = new QFormLayout;
    auto* fileLabel = new QLabel(tr("Training &file:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    form->addRow(tr("&Provider:"), m_provider);
    form->addRow(tr("Base &model:"), m_model);
    form->addRow(tr("Suffi&x:"), m_suffix);
    form->addRow(tr("&Epochs:"), m_epochs);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("fineTuneStart"));
    m_start->setDefault(true);
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (submit()) {
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_file, &QLineEdit::textChanged, this, &FineTuneSubmitDialog::updateStart);
    connect(m_model, &QComboBox::currentTextChanged, this, &FineTuneSubmitDialog::updateStart);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &FineTuneSubmitDialog::loadModels);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    if (m_provider->count() == 0) {
        m_note->setText(tr("No provider speaks OpenAI's fine-tuning API yet. Add an OpenAI, Azure OpenAI or "
                           "OpenAI-compatible provider with Providers ▸ Add Provider."));
    }
    loadModels();
    updateStart();
}

void FineTuneSubmitDialog::browse() {
    const QStringList files =
        m_dialogs.askOpenFiles(this, tr("Choose a Training File"), tr("JSON Lines (*.jsonl);;All files (*)"));
    if (!files.isEmpty()) {
        m_file->setText(QDir::toNativeSeparators(files.first()));
    }
}

void FineTuneSubmitDialog::loadModels() {
    const QString name = m_provider->currentData().toString();
    if (name.isEmpty()) {
        return;
    }
    auto provider = m_services.providers().find(m_actor, name);
    if (!provider) {
        return;
    }
    const QString typed = m_model->currentText();
    m_note->setText(tr("Reading %1's models…").arg(name));
    QPointer<FineTuneSubmitDialog> self(this);
    m_services.runner().listModels(
        *provider, std::nullopt, this, [self, name, typed](const Core::ModelListing& listing) {
            if (!self || self->m_provider->currentData().toString() != name) {
                return;
            }
            self->m_model->clear();
            if (listing.models) {
                // Fine-tuned models are listed too: a model can be trained further.
                self->m_model->addItems(*listing.models);
                self->m_note->clear();
            } else {
                self->m_note->setText(tr("The models could not be read (%1); type the base model's name.")
                                          .arg(describeErrorPlainly(listing.models.error())));
            }
            self->m_model->setCurrentText(typed);
            self->updateStart();
        });
}

void FineTuneSubmitDialog::updateStart() {
    m_start->setEnabled(!m_file->text().trimmed().isEmpty() && m_provider->count() > 0 &&
                        !m_model->currentText().trimmed().isEmpty());
}

bool FineTuneSubmitDialog::submit() {
    Core::FineTuneSubmission submission;
    submission.path = QDir::fromNativeSeparators(m_file->text().trimmed());
    submission.provider = m_provider->currentData().toString();
    submission.baseModel = m_model->currentText().trimmed();
    submission.suffix = m_suffix->text().trimmed();
    if (m_epochs->value() > 0) {
        submission.epochs = m_epochs->value();
    }
    auto job = m_services.fineTuneJobs().submit(m_actor, submission);
    if (!job) {
        m_dialogs.showError(this, tr("Start Fine-Tuning Job"), describeError(job.error()));
        return false;
    }
    m_submitted = job->id;
    if (auto started = m_jobs.start(job->id); !started) {
        // It is kept queued: the app starts it the next time it opens, and Background Jobs can resume it.
        m_dialogs.showError(this, tr("Start Fine-Tuning Job"), describeError(started.error()));
    }
    Q_EMIT submitted(job->id);
    return true;
}

} // namespace Tessera::Ui
