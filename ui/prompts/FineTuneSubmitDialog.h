#pragma once

#include "common/Actor.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;
class JobsController;

// File ▸ Start Fine-Tuning Job: a training file (OpenAI chat-format JSONL, checked in core before anything is
// sent), the provider (those speaking OpenAI's API) and its base model (from the provider's model list, or typed),
// an optional suffix for the new model's name and the epochs. Start makes the job and runs it in the app: it
// uploads the file, makes the provider's job and follows it; View ▸ Background Jobs shows it, and a notification
// says when it ends. The new model then appears in the provider's model list.
class FineTuneSubmitDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FineTuneSubmitDialog)

public:
    FineTuneSubmitDialog(Core::CoreServices& services, Core::Actor actor, JobsController& jobs, Dialogs& dialogs,
                         QWidget* parent = nullptr, const QString& path = {});

    // Makes the job and starts it; false when refused (the reason shown and everything entered kept).
    bool submit();
    std::optional<qint64> submittedJob() const { return m_submitted; }

    QLineEdit* fileField() const { return m_file; }
    QComboBox* providerBox() const { return m_provider; }
    QComboBox* modelBox() const { return m_model; }
    QLineEdit* suffixField() const { return m_suffix; }
    QSpinBox* epochsBox() const { return m_epochs; }

Q_SIGNALS:
    void submitted(qint64 jobId);

private:
    void browse();
    void loadModels();
    void updateStart();

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    JobsController& m_jobs;
    Dialogs& m_dialogs;
    QLineEdit* m_file;
    QComboBox* m_provider;
    QComboBox* m_model;
    QLineEdit* m_suffix;
    QSpinBox* m_epochs;
    QLabel* m_note;
    QPushButton* m_start = nullptr;
    std::optional<qint64> m_submitted;
};

} // namespace Tessera::Ui
