#pragma once

#include "common/Actor.h"
#include "common/Error.h"
#include "search/SearchQuery.h"

#include <QAbstractListModel>

#include <optional>
#include <vector>

namespace Tessera::Core {
class ConversationService;
}

namespace Tessera::Ui {

// The messages that match a search, newest first. A query loads the first page; views ask for more as they
// scroll (canFetchMore/fetchMore), one page at a time, delivered from the event loop.
class SearchResultModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchResultModel)

public:
    enum Roles {
        ConversationIdRole = Qt::UserRole + 1,
        MessageIdRole,
        TitleRole,       // the conversation's title
        SnippetHtmlRole, // the snippet as HTML, matches in <b>
        DetailRole,      // who wrote it and when
    };
    static constexpr int pageSize = 50;

    SearchResultModel(const Core::ConversationService& conversations, Core::Actor actor, QObject* parent = nullptr);

    // Runs a new search (an empty text clears the results). Returns the error when the store fails.
    std::optional<Core::Error> setQuery(const QString& text);
    const QString& query() const { return m_query; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    void loadNextPage();

    const Core::ConversationService& m_conversations;
    const Core::Actor m_actor;
    QString m_query;
    std::vector<Core::SearchHit> m_hits;
    bool m_more = false;
    bool m_fetching = false; // a page is on its way
};

// The snippet as HTML: the text escaped, the matches in <b>.
QString snippetHtml(const Core::HighlightedText& snippet);

} // namespace Tessera::Ui
