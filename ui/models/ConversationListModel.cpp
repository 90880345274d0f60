#include "models/ConversationListModel.h"

#include "chat/ConversationService.h"

#include "style/Icons.h"

#include <QLocale>

#include <algorithm>

namespace Tessera::Ui {

namespace {

bool matches(const Core::Conversation& conversation, const QString& filter) {
    if (filter.isEmpty() || conversation.title.contains(filter, Qt::CaseInsensitive)) {
        return true;
    }
    return std::any_of(conversation.tags.cbegin(), conversation.tags.cend(),
                       [&filter](const QString& tag) { return tag.contains(filter, Qt::CaseInsensitive); });
}

} // namespace

ConversationListModel::ConversationListModel(const Core::ConversationService& conversations, Core::Actor actor,
                                             QObject* parent)
    : QAbstractListModel(parent)
    , m_conversations(conversations)
    , m_actor(std::move(actor))
    , m_clock([] { return QDateTime::currentDateTime(); }) {
}

QString ConversationListModel::groupOf(const Core::Conversation& conversation, const QDate& today) {
    if (conversation.pinned && !conversation.archived) {
        return tr("Pinned");
    }
    const QDate day = conversation.updatedAt.toLocalTime().date();
    const qint64 daysAgo = day.daysTo(today);
    if (daysAgo <= 0) {
        return tr("Today"); // also a clock that runs behind the store's
    }
    if (daysAgo == 1) {
        return tr("Yesterday");
    }
    if (daysAgo <= 7) {
        return tr("Previous 7 days");
    }
    if (daysAgo <= 30) {
        return tr("Previous 30 days");
    }
    // Older ones by month: "October 2026".
    return QLocale().standaloneMonthName(day.month()) + QLatin1Char(' ') + QString::number(day.year());
}

void ConversationListModel::setClock(Clock clock) {
    beginResetModel();
    m_clock = std::move(clock);
    regroup();
    endResetModel();
}

void ConversationListModel::regroup() {
    const QDate today = m_clock().toLocalTime().date();
    m_groups.clear();
    m_groups.reserve(m_rows.size());
    for (const Core::Conversation& row : m_rows) {
        m_groups.push_back(groupOf(row, today));
    }
}

int ConversationListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Core::Conversation& row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return row.title.isEmpty() ? tr("Untitled conversation") : row.title;
    case Qt::DecorationRole:
        return row.pinned ? QVariant(Style::icon(Style::Icon::Pin, Style::Tone::Muted)) : QVariant();
    case GroupRole:
        return m_groups[size_t(index.row())];
    case GroupStartRole:
        return index.row() == 0 || m_groups[size_t(index.row())] != m_groups[size_t(index.row()) - 1];
    case Qt::AccessibleTextRole: {
        const QString title = row.title.isEmpty() ? tr("Untitled conversation") : row.title;
        const QString text = row.pinned ? tr("%1 (pinned)").arg(title) : title;
        return row.tags.isEmpty() ? text : tr("%1, tagged %2").arg(text, row.tags.join(QStringLiteral(", ")));
    }
    case Qt::ToolTipRole: {
        const QString text = tr("%1 — %n message(s), updated %2", nullptr, int(row.messageCount))
                                 .arg(row.title, QLocale().toString(row.updatedAt.toLocalTime(), QLocale::ShortFormat));
        return row.tags.isEmpty() ? text
                                  : text + QLatin1Char('\n') + tr("Tags: %1").arg(row.tags.join(QStringLiteral(", ")));
    }
    case TagsRole:
        return row.tags;
    case IdRole:
        return row.id;
    case UpdatedRole:
        return row.updatedAt;
    case MessageCountRole:
        return row.messageCount;
    case PinnedRole:
        return row.pinned;
    case ArchivedRole:
        return row.archived;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "conversationId");
    names.insert(UpdatedRole, "updated");
    names.insert(MessageCountRole, "messageCount");
    names.insert(PinnedRole, "pinned");
    names.insert(ArchivedRole, "archived");
    names.insert(TagsRole, "tags");
    names.insert(GroupRole, "group");
    names.insert(GroupStartRole, "groupStart");
    return names;
}

bool ConversationListModel::refresh() {
    auto rows = m_conversations.list(m_actor, m_archived ? Core::ListScope::Archived : Core::ListScope::Active, m_tag);
    if (!rows) {
        return false;
    }
    beginResetModel();
    m_all = std::move(*rows);
    applyFilter();
    endResetModel();
    return true;
}

void ConversationListModel::applyFilter() {
    m_rows.clear();
    for (const Core::Conversation& conversation : m_all) {
        if (matches(conversation, m_filter)) {
            m_rows.push_back(conversation);
        }
    }
    regroup();
}

void ConversationListModel::setFilterText(const QString& text) {
    const QString filter = text.trimmed();
    if (filter == m_filter) {
        return;
    }
    beginResetModel();
    m_filter = filter;
    applyFilter();
    endResetModel();
}

void ConversationListModel::setShowArchived(bool archived) {
    m_archived = archived;
    refresh();
}

void ConversationListModel::setTag(const QString& tag) {
    m_tag = tag;
    refresh();
}

QModelIndex ConversationListModel::indexOfId(qint64 id) const {
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id) {
            return index(int(i));
        }
    }
    return {};
}

qint64 ConversationListModel::idAt(int row) const {
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].id : 0;
}

} // namespace Tessera::Ui
