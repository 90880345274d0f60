#pragma once

#include "common/Actor.h"

#include "chat/Conversation.h"

#include <QAbstractListModel>

#include <vector>

namespace Tessera::Core {
class ConversationService;
}

namespace Tessera::Ui {

// The conversation list: pinned first, then newest first (or the archived ones), optionally only those carrying a
// tag. Reloads on refresh().
class ConversationListModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationListModel)

public:
    enum Roles { IdRole = Qt::UserRole + 1, UpdatedRole, MessageCountRole, PinnedRole, ArchivedRole, TagsRole };

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
    QModelIndex indexOfId(qint64 id) const;
    qint64 idAt(int row) const;

private:
    const Core::ConversationService& m_conversations;
    const Core::Actor m_actor;
    std::vector<Core::Conversation> m_rows;
    bool m_archived = false;
    QString m_tag;
};

} // namespace Tessera::Ui
