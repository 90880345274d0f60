#!/usr/bin/env bash
# Renders the documentation's screenshots (docs/images) from the real widgets: light English, dark English and
# dark German. Needs a build (./scripts/test.sh makes one); runs offscreen, no display needed.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
tool="build/${preset}/tests/tessera-screenshots"
if [[ ! -x "$tool" ]]; then
    cmake --build --preset "$preset" --target tessera-screenshots -j2
fi
export QT_QPA_PLATFORM=offscreen
"$tool" --output docs/images --theme light --language en
"$tool" --output docs/images --theme dark --language en --suffix -dark
"$tool" --output docs/images --theme dark --language de --suffix -dark-de
