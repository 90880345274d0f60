#include "accounts/Authorization.h"

#include "logging/Logging.h"

namespace Tessera::Core {

Status require(const Actor& actor, Permission permission) {
    if (actor.may(permission)) {
        return {};
    }
    log("auth")->warn("refused: user {} (role {}) lacks {}", actor.userName.toStdString(), actor.roleId,
                      permissionName(permission).toStdString());
    return fail(ErrorCode::AuthForbidden,
                QStringLiteral("user %1 lacks the permission %2").arg(actor.userName, permissionName(permission)));
}

} // namespace Tessera::Core
