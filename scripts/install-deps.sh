#!/usr/bin/env bash
# Installs the Debian 12 packages Tessera needs to build and run (and, with --tests, to test: the PostgreSQL server
# the store tests start for themselves, and pdftotext to read PDF reports back). Installs only what is missing.
set -euo pipefail

packages=(
    cmake ninja-build ccache g++ pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 qt6-translations-l10n
    libqt6opengl6-dev libxkbcommon-dev libvulkan-dev libgl-dev
    qtkeychain-qt6-dev libspdlog-dev libfmt-dev libsodium-dev libexpected-dev libzxcvbn-dev libsqlite3-dev libpcre2-dev
    librapidcheck-dev libgtest-dev libgmock-dev libbenchmark-dev
    gnome-keyring dbus-daemon dbus-bin xvfb xauth
)

if [ "${1:-}" = "--tests" ]; then
    packages+=(postgresql-15)
    # pdftotext reads the PDF reports back in the tests.
    packages+=(poppler-utils)
    # Node.js and npm run the tokenizer tests' reference (the npm package tiktoken). A Node.js from elsewhere
    # (with its own npm) is used as it is.
    if ! command -v npm >/dev/null 2>&1; then
        packages+=(nodejs npm)
    fi
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo_cmd=(sudo)
    else
        echo "error: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
