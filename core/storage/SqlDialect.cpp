#include "storage/SqlDialect.h"

#include "storage/PostgresDialect.h"
#include "storage/SqliteDialect.h"

namespace Tessera::Core {

std::unique_ptr<SqlDialect> SqlDialect::create(const StoreLocation& location) {
    if (location.isPostgreSql()) {
        return std::make_unique<PostgresDialect>();
    }
    return std::make_unique<SqliteDialect>();
}

} // namespace Tessera::Core
