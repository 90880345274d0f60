#pragma once

#include "chat/Message.h"
#include "common/Result.h"
#include "search/SearchQuery.h"

#include <QDateTime>

#include <optional>
#include <vector>

namespace Tessera::Core {

class Database;

// Full-text search over every message (SQLite FTS5, kept in step with the messages by triggers; words match
// without regard to case or accents). Newest matches first, which stays fast however common the words are.
class SearchRepository final {
public:
    explicit SearchRepository(const Database& db);

    // Text as a user types it (see ftsQuery); nothing to search for gives no hits, never an error.
    Result<std::vector<SearchHit>> search(const QString& text, const SearchOptions& options = {}) const;

private:
    const Database& m_db;
};

} // namespace Tessera::Core
