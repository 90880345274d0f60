#include "models/SearchResultModel.h"

#include "chat/ConversationService.h"

#include <QLocale>

namespace Tessera::Ui {

QString snippetHtml(const Core::HighlightedText& snippet) {
    QString html;
    int at = 0;
    for (const auto& [start, length] : snippet.highlights) {
        html += snippet.text.mid(at, start - at).toHtmlEscaped() + QStringLiteral("<b>") +
                snippet.text.mid(start, length).toHtmlEscaped() + QStringLiteral("</b>");
        at = start + length;
    }
    html += snippet.text.mid(at).toHtmlEscaped();
    return html.simplified();
}

SearchResultModel::SearchResultModel(const Core::ConversationService& conversations, Core::Actor actor, QObject* parent)
    : QAbstractListModel(parent)
    , m_conversations(conversations)
    , m_actor(std::move(actor)) {
}

std::optional<Core::Error> SearchResultModel::setQuery(const QString& text) {
    beginResetModel();
    m_query = text;
    m_hits.clear();
    m_more = false;
    m_fetching = false;
    std::optional<Core::Error> error;
    Core::SearchOptions options;
    options.limit = pageSize;
    if (auto hits = m_conversations.search(m_actor, text, options)) {
        m_hits = std::move(*hits);
        m_more = m_hits.size() == std::size_t(pageSize);
    } else {
        error = hits.error();
    }
    endResetModel();
    return error;
}

int SearchResultModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Core::SearchHit& hit = m_hits[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 — %2").arg(hit.conversationTitle, hit.snippet.text.simplified());
    case Qt::ToolTipRole:
        return hit.snippet.text;
    case ConversationIdRole:
        return hit.conversationId;
    case MessageIdRole:
        return hit.messageId;
    case TitleRole:
        return hit.conversationTitle;
    case SnippetHtmlRole:
        return snippetHtml(hit.snippet);
    case DetailRole: {
        const QString when = QLocale().toString(hit.createdAt.toLocalTime(), QLocale::ShortFormat);
        return hit.role == Core::Role::User ? tr("You, %1").arg(when) : tr("Assistant, %1").arg(when);
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ConversationIdRole, "conversationId");
    names.insert(MessageIdRole, "messageId");
    names.insert(TitleRole, "title");
    names.insert(SnippetHtmlRole, "snippetHtml");
    names.insert(DetailRole, "detail");
    return names;
}

bool SearchResultModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_more && !m_fetching;
}

void SearchResultModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent) || m_hits.empty()) {
        return;
    }
    // The next page arrives from the event loop: views may ask for it while they handle another change.
    m_fetching = true;
    QMetaObject::invokeMethod(this, &SearchResultModel::loadNextPage, Qt::QueuedConnection);
}

void SearchResultModel::loadNextPage() {
    m_fetching = false;
    if (!m_more || m_hits.empty()) {
        return;
    }
    Core::SearchOptions options;
    options.limit = pageSize;
    options.olderThanMessage = m_hits.back().messageId;
    auto hits = m_conversations.search(m_actor, m_query, options);
    if (!hits || hits->empty()) {
        m_more = false;
        return;
    }
    m_more = hits->size() == std::size_t(pageSize);
    beginInsertRows({}, int(m_hits.size()), int(m_hits.size() + hits->size()) - 1);
    m_hits.insert(m_hits.end(), hits->begin(), hits->end());
    endInsertRows();
}

} // namespace Tessera::Ui
