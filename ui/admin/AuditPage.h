#pragma once

#include "common/Actor.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Tessera::Core {
class AuditVerifier;
class CoreServices;
} // namespace Tessera::Core

namespace Tessera::Ui {

class AuditLogModel;
class Dialogs;

// The administration window's audit log: filtered by person, action, outcome and time, newest first and paged as
// it scrolls; exported to CSV or JSON Lines; verified on a worker thread with progress, naming the first bad entry.
class AuditPage final : public QWidget {
    Q_OBJECT
public:
    AuditPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent = nullptr);

    AuditLogModel* model() const { return m_model; }
    QComboBox* userFilter() const { return m_user; }
    QLineEdit* actionFilter() const { return m_action; }
    QComboBox* outcomeFilter() const { return m_outcome; }
    QComboBox* periodFilter() const { return m_period; }
    // Reads the filter fields and starts again from the newest entry.
    void applyFilter();
    void verify();
    bool verifying() const;
    QString verificationText() const;
    void exportLog();

private:
    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
    AuditLogModel* m_model;
    Core::AuditVerifier* m_verifier;
    QComboBox* m_user;
    QLineEdit* m_action;
    QComboBox* m_outcome;
    QComboBox* m_period;
    QTableView* m_table;
    QPushButton* m_verify;
    QPushButton* m_export;
    QProgressBar* m_progress;
    QLabel* m_result;
};

} // namespace Tessera::Ui
