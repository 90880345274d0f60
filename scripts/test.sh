#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest. The keychain tests run against
# a real Secret Service: a private D-Bus session with an unlocked gnome-keyring. The repository and service
# tests run twice, on SQLite and on a throwaway PostgreSQL server in the build folder, stopped at the end
# (also when tests fail).
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${TESSERA_TEST_PRESET:-dev}"
if [ "${CI:-}" = "true" ]; then
    preset=ci
fi

./scripts/install-deps.sh --tests
cmake --preset "$preset"
cmake --build --preset "$preset" -j "${TESSERA_JOBS:-2}"

# The reference the tokenizer tests compare with: the npm package tiktoken (tests/tokenizer/package-lock.json),
# installed into the build folder; used by tests only, never by Tessera itself.
tiktoken_dir="build/$preset/tiktoken"
if ! cmp -s tests/tokenizer/package-lock.json "$tiktoken_dir/package-lock.json" ||
    [ ! -f "$tiktoken_dir/node_modules/tiktoken/package.json" ]; then
    mkdir -p "$tiktoken_dir"
    cp tests/tokenizer/package.json tests/tokenizer/package-lock.json "$tiktoken_dir/"
    (cd "$tiktoken_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
TESSERA_TIKTOKEN_DIR="$PWD/$tiktoken_dir"
export TESSERA_TIKTOKEN_DIR

postgres_dir="build/$preset/postgres"
trap './scripts/postgres.sh stop "$postgres_dir"' EXIT
TESSERA_TEST_POSTGRES_URL="$(./scripts/postgres.sh start "$postgres_dir")"
export TESSERA_TEST_POSTGRES_URL
echo "PostgreSQL for the tests: $TESSERA_TEST_POSTGRES_URL"

dbus-run-session -- ./scripts/run-tests-in-session.sh "$preset" "$@"
