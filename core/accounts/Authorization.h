#pragma once

#include "common/Actor.h"
#include "common/Result.h"

namespace Tessera::Core {

// The check at the top of a guarded operation: nothing when the actor's role grants the permission, else
// auth.forbidden (naming the user and the permission for the log) and the operation does nothing else.
Status require(const Actor& actor, Permission permission);

} // namespace Tessera::Core
