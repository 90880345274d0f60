#include "providers/Usage.h"

namespace Tessera::Core {

qint64 estimateTokens(qsizetype characters) {
    return characters <= 0 ? 0 : (qint64(characters) + 3) / 4;
}

} // namespace Tessera::Core
