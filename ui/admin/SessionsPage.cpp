#include "admin/SessionsPage.h"

#include "app/CoreServices.h"
#include "style/Tokens.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

QString shortTime(const QDateTime& time) {
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

SessionListModel::SessionListModel(Core::AccountService& accounts, Core::Actor actor, qint64 userId, QObject* parent)
    : QAbstractTableModel(parent)
    , m_accounts(accounts)
    , m_actor(std::move(actor))
    , m_userId(userId) {
}

int SessionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount) {
        return {};
    }
    const Core::SessionInfo& session = m_rows[std::size_t(index.row())];
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) {
        return {};
    }
    switch (index.column()) {
    case UserColumn:
        return session.current ? tr("%1 (this session)").arg(session.username) : session.username;
    case ClientColumn: {
        const QString client = session.client == QLatin1StringView("cli") ? tr("Command line") : tr("App");
        // One person's list has no user column: the current session says so here.
        return session.current && m_userId >= 0 ? tr("%1 (this session)").arg(client) : client;
    }
    case StartedColumn:
        return shortTime(session.createdAt);
    case LastSeenColumn:
        return shortTime(session.lastSeenAt);
    case EndsColumn:
        return shortTime(session.expiresAt);
    case StayColumn:
        return session.staySignedIn ? tr("Yes") : tr("No");
    default:
        return {};
    }
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case UserColumn:
        return tr("User");
    case ClientColumn:
        return tr("From");
    case StartedColumn:
        return tr("Signed in");
    case LastSeenColumn:
        return tr("Last used");
    case EndsColumn:
        return tr("Ends at the latest");
    case StayColumn:
        return tr("Stays signed in");
    default:
        return {};
    }
}

Core::Status SessionListModel::refresh() {
    auto sessions = m_accounts.sessions(m_actor, m_userId);
    if (!sessions) {
        return Core::fail(sessions.error());
    }
    beginResetModel();
    m_rows = std::move(*sessions);
    endResetModel();
    return {};
}

const Core::SessionInfo* SessionListModel::sessionAt(int row) const {
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)] : nullptr;
}

SessionsPage::SessionsPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, Scope scope,
                           QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_model(new SessionListModel(services.accounts(), m_actor, scope == Scope::Own ? m_actor.userId : -1, this))
    , m_table(new QTableView(this))
    , m_end(new QPushButton(tr("&End Session"), this)) {
    setObjectName(QStringLiteral("sessionsPage"));
    m_table->setObjectName(QStringLiteral("sessionTable"));
    m_table->setAccessibleName(tr("Sessions"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    if (scope == Scope::Own) {
        m_table->hideColumn(SessionListModel::UserColumn);
        m_table->setAccessibleName(tr("Your sessions"));
    }
    m_end->setObjectName(QStringLiteral("endSession"));
    m_end->setAutoDefault(false);
    m_end->setEnabled(false);
    connect(m_end, &QPushButton::clicked, this, &SessionsPage::endSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_end->setEnabled(m_table->selectionModel()->hasSelection()); });
    auto* refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setAutoDefault(false);
    connect(refreshButton, &QPushButton::clicked, this, &SessionsPage::refresh);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(refreshButton);
    buttons->addStretch(1);
    buttons->addWidget(m_end);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two, 0, 0, 0);
    layout->setSpacing(Style::Space::one);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    refresh();
}

void SessionsPage::refresh() {
    if (auto refreshed = m_model->refresh(); !refreshed) {
        m_dialogs.showError(this, tr("Sessions"), describeError(refreshed.error()));
    }
    m_end->setEnabled(m_table->selectionModel()->hasSelection());
}

bool SessionsPage::endSelected() {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const Core::SessionInfo* session = rows.isEmpty() ? nullptr : m_model->sessionAt(rows.first().row());
    if (session == nullptr) {
        return false;
    }
    if (session->current && !m_dialogs.confirm(this, tr("End Session"),
                                               tr("This is your own session: ending it signs you out at the next "
                                                  "action. End it?"),
                                               tr("End"))) {
        return false;
    }
    const auto ended = m_services.accounts().revokeSession(m_actor, session->id);
    if (!ended) {
        m_dialogs.showError(this, tr("End Session"), describeError(ended.error()));
    }
    refresh();
    return bool(ended);
}

} // namespace Tessera::Ui
