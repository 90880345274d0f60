#include "admin/AuditPage.h"

#include "accounts/AccountService.h"
#include "admin/AuditLogModel.h"
#include "app/CoreServices.h"
#include "audit/AuditVerifier.h"
#include "style/Theme.h"
#include "style/Tokens.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace Tessera::Ui {

AuditPage::AuditPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_model(new AuditLogModel(services.audit(), m_actor, this))
    , m_verifier(new Core::AuditVerifier(services.audit(), this))
    , m_user(new QComboBox(this))
    , m_action(new QLineEdit(this))
    , m_outcome(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_verify(new QPushButton(tr("&Verify"), this))
    , m_export(new QPushButton(tr("E&xport…"), this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this)) {
    setObjectName(QStringLiteral("auditPage"));
    m_user->setObjectName(QStringLiteral("auditUser"));
    m_user->setAccessibleName(tr("Who"));
    m_user->addItem(tr("Anyone"), qint64(-1));
    if (auto users = services.accounts().users(m_actor)) {
        for (const Core::UserInfo& user : *users) {
            m_user->addItem(user.account.username, user.account.id);
        }
    }
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setAccessibleName(tr("Action"));
    m_action->setPlaceholderText(tr("Action, e.g. auth.* or user.create"));
    m_action->setClearButtonEnabled(true);
    m_outcome->setObjectName(QStringLiteral("auditOutcome"));
    m_outcome->setAccessibleName(tr("Outcome"));
    m_outcome->addItem(tr("Any outcome"), QString());
    m_outcome->addItem(tr("Success"), QStringLiteral("success"));
    m_outcome->addItem(tr("Failure"), QStringLiteral("failure"));
    m_outcome->addItem(tr("Denied"), QStringLiteral("denied"));
    m_period->setObjectName(QStringLiteral("auditPeriod"));
    m_period->setAccessibleName(tr("Time"));
    m_period->addItem(tr("Any time"), 0);
    m_period->addItem(tr("Last 24 hours"), 1);
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    for (QComboBox* box : {m_user, m_outcome, m_period}) {
        connect(box, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilter);
    }
    connect(m_action, &QLineEdit::editingFinished, this, &AuditPage::applyFilter);

    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit log"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_verify->setObjectName(QStringLiteral("verifyAudit"));
    m_verify->setAutoDefault(false);
    m_verify->setToolTip(tr("Recomputes the chain of hashes: a changed, removed, inserted or reordered entry shows."));
    m_export->setObjectName(QStringLiteral("exportAudit"));
    m_export->setAutoDefault(false);
    connect(m_verify, &QPushButton::clicked, this, &AuditPage::verify);
    connect(m_export, &QPushButton::clicked, this, &AuditPage::exportLog);
    m_progress->setObjectName(QStringLiteral("auditProgress"));
    m_progress->hide();
    m_result->setObjectName(QStringLiteral("auditResult"));
    m_result->setWordWrap(true);
    connect(m_verifier, &Core::AuditVerifier::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setMaximum(int(std::min<qint64>(total, std::numeric_limits<int>::max())));
        m_progress->setValue(int(std::min<qint64>(done, std::numeric_limits<int>::max())));
    });
    connect(m_verifier, &Core::AuditVerifier::finished, this,
            [this](const Core::Result<Core::AuditVerification>& result) {
                m_progress->hide();
                m_verify->setEnabled(true);
                if (!result) {
                    m_result->setText(describeError(result.error()));
                    m_result->setStyleSheet(QStringLiteral("color: %1;").arg(Style::css(Style::tokens().danger)));
                } else if (result->ok) {
                    m_result->setText(tr("The audit log verifies: %n entries, none changed, removed, added or moved.",
                                         nullptr, int(std::min<qint64>(result->entries, 2'000'000'000))));
                    m_result->setStyleSheet(QStringLiteral("color: %1;").arg(Style::css(Style::tokens().success)));
                } else {
                    m_result->setText(tr("The audit log does not verify. First bad entry: %1 (%2).")
                                          .arg(result->firstBadId)
                                          .arg(result->problem));
                    m_result->setStyleSheet(QStringLiteral("color: %1;").arg(Style::css(Style::tokens().danger)));
                }
            });

    auto* filters = new QHBoxLayout;
    filters->setSpacing(Style::Space::one);
    filters->addWidget(m_user);
    filters->addWidget(m_action, 1);
    filters->addWidget(m_outcome);
    filters->addWidget(m_period);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_verify);
    actions->addWidget(m_progress, 1);
    actions->addWidget(m_result, 2);
    actions->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two, 0, 0, 0);
    layout->setSpacing(Style::Space::one);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    applyFilter();
}

void AuditPage::applyFilter() {
    Core::AuditFilter filter;
    filter.actorId = m_user->currentData().toLongLong();
    filter.action = m_action->text().trimmed();
    filter.outcome = m_outcome->currentData().toString();
    if (const int days = m_period->currentData().toInt(); days > 0) {
        filter.since = QDateTime::currentDateTimeUtc().addDays(-days);
    }
    if (auto loaded = m_model->setFilter(filter); !loaded) {
        m_result->setText(describeError(loaded.error()));
    }
}

void AuditPage::verify() {
    if (!m_verifier->start(m_actor)) {
        return;
    }
    m_verify->setEnabled(false);
    m_result->clear();
    m_result->setStyleSheet(QString());
    m_progress->setValue(0);
    m_progress->show();
}

bool AuditPage::verifying() const {
    return m_verifier->running() || m_progress->isVisibleTo(this);
}

QString AuditPage::verificationText() const {
    return m_result->text();
}

void AuditPage::exportLog() {
    QString chosenFilter;
    const QString path = m_dialogs.askSaveFile(this, tr("Export the Audit Log"), QStringLiteral("tessera-audit.csv"),
                                               tr("CSV (*.csv);;JSON Lines (*.jsonl)"), &chosenFilter);
    if (path.isEmpty()) {
        return;
    }
    const bool jsonLines = chosenFilter.contains(QStringLiteral("jsonl")) || path.endsWith(QStringLiteral(".jsonl"));
    QSaveFile out(path);
    Core::Result<qint64> written = 0;
    if (!out.open(QIODevice::WriteOnly)) {
        written = Core::fail(Core::ErrorCode::ExportFailed,
                             QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    } else {
        written = m_services.audit().exportTo(
            m_actor, jsonLines ? Core::AuditExportFormat::JsonLines : Core::AuditExportFormat::Csv, m_model->filter(),
            out);
        if (written && !out.commit()) {
            written = Core::fail(Core::ErrorCode::ExportFailed,
                                 QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
        }
    }
    if (!written) {
        m_dialogs.showError(this, tr("Export the Audit Log"), describeError(written.error()));
        return;
    }
    m_dialogs.showInfo(this, tr("Export the Audit Log"),
                       tr("Wrote %n entries to %1.", nullptr, int(*written)).arg(path));
    applyFilter(); // the export is itself in the log
}

} // namespace Tessera::Ui
