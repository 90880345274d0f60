#pragma once

#include <QString>

namespace Tessera::Core {

// A short random id (16 hex digits) that follows one request through logs, the store and error messages.
QString newCorrelationId();

} // namespace Tessera::Core
