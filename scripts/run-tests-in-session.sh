#!/usr/bin/env bash
# Runs inside dbus-run-session: starts an unlocked gnome-keyring for the keychain tests, then ctest.
set -euo pipefail
preset="$1"
shift

keyring_dir="$(mktemp -d)"
trap 'rm -rf "$keyring_dir"' EXIT
export XDG_DATA_HOME="$keyring_dir/data"
export XDG_RUNTIME_DIR="$keyring_dir/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# A throwaway password creates the login keyring in the temporary XDG_DATA_HOME and unlocks it.
eval "$(printf 'tessera-test' | gnome-keyring-daemon --unlock --components=secrets)"
eval "$(gnome-keyring-daemon --start --components=secrets)"
export TESSERA_REQUIRE_KEYCHAIN=1

ctest --preset "$preset" "$@"
