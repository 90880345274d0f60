#pragma once

#include "CliSupport.h"

#include <QStringList>

namespace Tessera::Cli {

// usage chart --metric cost|tokens|requests --by model|provider|user|role|feature [FILTERS] --output PATH.png|svg
int runUsageChart(Context& context, const QStringList& args);
// usage pdf [FILTERS] [--split DIMENSION] --output PATH
//   FILTERS: [--from DATE] [--to DATE] [--user NAME] [--provider NAME] [--model NAME] [--feature NAME]
// Both draw on the offscreen platform and need the QApplication main() starts for them (needsWidgets).
int runUsagePdf(Context& context, const QStringList& args);

// Whether the command line asks for a command that draws charts (usage chart, usage pdf).
bool needsWidgets(int argc, char** argv);

} // namespace Tessera::Cli
