// The experiments' tables, written once for both engines: `identity` is the engine's self-numbering key, `integer`
// its integer type.
#include "storage/Migrations.h"

namespace Tessera::Core {

QStringList datasetTables(const QString& identity, const QString& integer) {
    // Datasets: a name unique in the store (whatever its case), the person who made it, where it came from, its
    // variable columns (a JSON array) and counts; its items in order, each with the line it came from, the
    // variables' values (a JSON object), the expected output (null when none) and metadata (a JSON object or '').
    return {
        QStringLiteral("CREATE TABLE datasets (id %1, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, "
                       "owner_id %2 NOT NULL, source TEXT NOT NULL DEFAULT '', columns TEXT NOT NULL, "
                       "item_count %2 NOT NULL, expected_count %2 NOT NULL DEFAULT 0, created_at TEXT NOT NULL)")
            .arg(identity, integer),
        QStringLiteral("CREATE INDEX datasets_owner ON datasets(owner_id)"),
        QStringLiteral("CREATE TABLE dataset_items (dataset_id %1 NOT NULL REFERENCES datasets(id) ON DELETE CASCADE, "
                       "position %1 NOT NULL, source_row %1 NOT NULL, variables TEXT NOT NULL, expected TEXT, "
                       "metadata TEXT NOT NULL DEFAULT '', PRIMARY KEY (dataset_id, position))")
            .arg(integer),
    };
}

} // namespace Tessera::Core
