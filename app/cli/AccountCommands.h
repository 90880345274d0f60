#pragma once

#include "CliSupport.h"

#include "common/Result.h"

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Cli {

// Who runs a command: in personal mode the owner; with accounts, the API token in TESSERA_TOKEN or the session
// `login` keeps in the keychain (auth.required when there is neither).
Core::Result<Core::Actor> signedInActor(Core::CoreServices& services);

int runAccounts(Context& context, const QStringList& args);
// login runs before anyone is signed in: it gets the services, not a context.
int runLogin(Core::CoreServices& services, bool json, const QStringList& args);
int runLogout(Context& context, const QStringList& args);
int runWhoami(Context& context, const QStringList& args);
int runPassword(Context& context, const QStringList& args);
int runUsers(Context& context, const QStringList& args);
int runSessions(Context& context, const QStringList& args);
int runApiTokens(Context& context, const QStringList& args);
int runAudit(Context& context, const QStringList& args);
int runRoles(Context& context, const QStringList& args);
int runFlags(Context& context, const QStringList& args);

} // namespace Tessera::Cli
