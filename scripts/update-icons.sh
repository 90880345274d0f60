#!/usr/bin/env bash
# Copies the icons Tessera uses from Lucide (https://lucide.dev, ISC licence; the npm package lucide-static) into
# resources/icons/lucide, with the licence. Run it after adding a name to ICONS below; the SVGs are committed, so
# building never needs the network. ui/style/Icons.cpp names the same files.
set -euo pipefail

VERSION="1.62.0"
ICONS=(
    activity archive archive-restore arrow-down arrow-up bot check chevron-down chevron-left chevron-right
    circle-alert circle-check circle-help circle-x copy cpu database download ellipsis external-link eye eye-off
    file file-text filter folder-open globe image info key-round keyboard list-filter message-square
    message-square-plus moon panel-left paperclip pencil pin pin-off plug plus refresh-cw rotate-ccw search server
    columns-2 scissors settings sliders-horizontal sparkles square sun tag thumbs-down thumbs-up trash-2
    triangle-alert undo-2 upload user x zap
)

root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/resources/icons/lucide"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "lucide-static@$VERSION" >/dev/null && tar xzf lucide-static-*.tgz)
rm -f "$target"/*.svg
mkdir -p "$target"
for name in "${ICONS[@]}"; do
    # Drop the licence comment line from each file (the licence is kept once, in LICENSE).
    grep -v '^<!--' "$work/package/icons/$name.svg" >"$target/$name.svg"
done
cp "$work/package/LICENSE" "$target/LICENSE"
echo "lucide-static $VERSION: ${#ICONS[@]} icons in $target"
