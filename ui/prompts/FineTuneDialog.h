#pragma once

#include "common/Actor.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;

// File ▸ Export Fine-Tuning Data: which conversations (rating, tag, model, template, since a day) and the token
// limit of an example; Export asks where, writes OpenAI chat-format JSONL through core (checked as OpenAI's guide
// checks a file) and shows what it holds: examples, conversations left out and why, tokens and training tokens.
// Start Fine-Tuning Job then hands the file to File ▸ Start Fine-Tuning Job.
class FineTuneDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FineTuneDialog)

public:
    FineTuneDialog(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    // Asks for the file, then writes it; false when cancelled or refused (the reason shown).
    bool exportTo();
    QString resultText() const;

    QComboBox* ratingBox() const { return m_rating; }
    QLineEdit* tagField() const { return m_tag; }
    QLineEdit* modelField() const { return m_model; }
    QLineEdit* templateField() const { return m_template; }
    // Shown once a file is written: starts a fine-tuning job with it.
    QPushButton* startJobButton() const { return m_startJob; }

Q_SIGNALS:
    // The person asked to fine-tune a model with the file just written.
    void startJobAsked(const QString& path);

private:
    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    QComboBox* m_rating;
    QLineEdit* m_tag;
    QLineEdit* m_model;
    QLineEdit* m_template;
    QCheckBox* m_useSince;
    QDateEdit* m_since;
    QSpinBox* m_maxTokens;
    QLabel* m_result;
    QPushButton* m_startJob = nullptr;
    QString m_written;
};

} // namespace Tessera::Ui
