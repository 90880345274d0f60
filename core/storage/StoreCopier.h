#pragma once

#include "common/Result.h"
#include "common/StoreCopyReport.h"

#include <QString>

#include <functional>
#include <vector>

namespace Tessera::Core {

class Database;

// Copies a whole store into an empty one (no providers, conversations, messages or tags), on either engine (SQLite to
// PostgreSQL and back), in one transaction on the target: either everything arrives or nothing does. Afterwards every
// table is counted and checksummed on both sides; a difference fails the copy (and the target keeps what was copied,
// for inspection). Ids are kept, so conversations, messages and their branches stay linked; PostgreSQL's identity
// counters are moved past them.
class StoreCopier final {
public:
    using Progress = std::function<void(const QString& table, qint64 rowsDone)>;

    StoreCopier(const Database& source, const Database& target);

    // The tables, in the order a copy writes them (parents before children).
    static const std::vector<QString>& tables();

    Result<StoreCopyReport> copy(const Progress& progress = {}) const;
    // Row counts and checksums of every table of db.
    static Result<std::vector<TableCopy>> summarise(const Database& db);
    // Settings, metrics and the response cache: a target that holds only these is still empty (Tessera opened it);
    // the copy replaces them with the source's.
    static bool isReplaced(const QString& table);

private:
    Status requireEmptyTarget() const;
    Status copyTable(const QString& table, const Progress& progress) const;

    const Database& m_source;
    const Database& m_target;
};

} // namespace Tessera::Core
