#!/usr/bin/env bash
# Installs what is missing, builds a release build, and launches Tessera. Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "${TESSERA_JOBS:-2}"
exec ./build/release/app/gui/tessera "$@"
