#include "models/ConversationListModel.h"

#include "chat/ConversationService.h"

#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Tessera::Ui {

namespace {

// A push pin, drawn rather than an emoji (which many systems lack a font for); readable on light and dark.
QIcon pinIcon() {
    static const QIcon icon = [] {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.translate(16, 16);
        painter.rotate(35);
        painter.setPen(QPen(QColor(0x80, 0x80, 0x80), 2.5, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(0, 2), QPointF(0, 14)); // the needle
        painter.setPen(QPen(QColor(0x8a, 0x1c, 0x1c), 1.5));
        painter.setBrush(QColor(0xd9, 0x3b, 0x3b));
        QPainterPath head;
        head.addRoundedRect(QRectF(-6, -13, 12, 8), 3, 3);
        head.addRect(QRectF(-3.5, -6, 7, 6));
        head.addRoundedRect(QRectF(-8, -1, 16, 4), 2, 2);
        painter.drawPath(head.simplified());
        return QIcon(pixmap);
    }();
    return icon;
}

} // namespace

ConversationListModel::ConversationListModel(const Core::ConversationService& conversations, Core::Actor actor,
                                             QObject* parent)
    : QAbstractListModel(parent)
    , m_conversations(conversations)
    , m_actor(std::move(actor)) {
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
        return row.pinned ? QVariant(pinIcon()) : QVariant();
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
    return names;
}

bool ConversationListModel::refresh() {
    auto rows = m_conversations.list(m_actor, m_archived ? Core::ListScope::Archived : Core::ListScope::Active, m_tag);
    if (!rows) {
        return false;
    }
    beginResetModel();
    m_rows = std::move(*rows);
    endResetModel();
    return true;
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
