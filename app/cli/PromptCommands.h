#pragma once

#include "CliSupport.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace Tessera::Cli {

// prompts list [--tag T] [--search WORDS] [--sort name|recent|used] | show NAME[@N] [--version N]
//   | add NAME --file PATH [--message TEXT] | update NAME --file PATH [--message TEXT] | versions NAME
//   | diff NAME V1 V2 | label NAME LABEL VERSION | render NAME[@N] [--version N] [--var KEY=VALUE]...
//   [--file-var KEY=PATH]... | remove NAME | export [NAME...] --output PATH [--format json|markdown]
//   | import PATH (see docs/cli.md)
int runPrompts(Context& context, const QStringList& args);
// prompts export and prompts import (PromptExchangeCommands.cpp).
int runPromptsExport(Context& context, const CommandArgs& parsed);
int runPromptsImport(Context& context, const CommandArgs& parsed);

// A template's use on the command line (prompts render, chat --prompt): NAME[@N] or --version N gives the version
// (none: the default one; *problem says why a number is wrong), and --var KEY=VALUE and --file-var KEY=PATH the
// values (the exit status of a problem, or nothing).
std::optional<int> splitTemplateVersion(QString& name, const CommandArgs& parsed, QString* problem);
std::optional<int> readTemplateValues(Context& context, const CommandArgs& parsed, QHash<QString, QString>& values);

} // namespace Tessera::Cli
