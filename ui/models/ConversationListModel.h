#pragma once

#include "common/Actor.h"

#include "chat/Conversation.h"

#include <QAbstractListModel>
#include <QDateTime>

#include <functional>

#include <vector>

namespace Tessera::Core {
class ConversationService;
}

namespace Tessera::Ui {

// The conversation list: pinned first, then newest first (or the archived ones), optionally only those carrying a
// tag, and only those whose title or tags contain the filter text. Each row names its group: Pinned, Today,
// Yesterday, Previous 7 days, Previous 30 days, then the month ("October 2026"), by the clock given (the
// system's unless a test injects one). Reloads on refresh().
class ConversationListModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationListModel)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        UpdatedRole,
        MessageCountRole,
        PinnedRole,
        ArchivedRole,
        TagsRole,
        GroupRole,      // the group's name, e.g. "Yesterday"
        GroupStartRole, // true on the first row of its group (the list draws the group's name above it)
    };
    using Clock = std::function<QDateTime()>;

    ConversationListModel(const Core::ConversationService& conversations, Core::Actor actor, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Returns false (and keeps the old rows) when the store cannot be read.
    bool refresh();
    // The conversations in use (pinned first) or the archived ones.
    void setShowArchived(bool archived);
    bool showsArchived() const { return m_archived; }
    // Only the conversations carrying the tag (compared without case); empty: all of them.
    void setTag(const QString& tag);
    QString tag() const { return m_tag; }
    // Only the conversations whose title or a tag contains the text (without case); empty: all of them.
    void setFilterText(const QString& text);
    QString filterText() const { return m_filter; }
    // The clock the date groups are computed with.
    void setClock(Clock clock);
    // The group of a conversation on a day.
    static QString groupOf(const Core::Conversation& conversation, const QDate& today);
    QModelIndex indexOfId(qint64 id) const;
    qint64 idAt(int row) const;

private:
    void applyFilter();
    void regroup();

    const Core::ConversationService& m_conversations;
    const Core::Actor m_actor;
    Clock m_clock;
    std::vector<Core::Conversation> m_all;  // as listed by the service
    std::vector<Core::Conversation> m_rows; // those matching the filter text
    std::vector<QString> m_groups;          // the group of each row
    QString m_filter;
    bool m_archived = false;
    QString m_tag;
};

} // namespace Tessera::Ui
