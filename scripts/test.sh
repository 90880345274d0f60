#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest. The keychain tests run against
# a real Secret Service: a private D-Bus session with an unlocked gnome-keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${TESSERA_TEST_PRESET:-dev}"
if [ "${CI:-}" = "true" ]; then
    preset=ci
fi

./scripts/install-deps.sh
cmake --preset "$preset"
cmake --build --preset "$preset" -j "${TESSERA_JOBS:-2}"

exec dbus-run-session -- ./scripts/run-tests-in-session.sh "$preset" "$@"
