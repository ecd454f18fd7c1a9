#!/usr/bin/env bash
# Builds the Statecraft library's API documentation with DocC (the toolchain's `docc`) and
# fails on any warning: a broken symbol link, a parameter the doc comment forgets.
#
#   Scripts/docs.sh                     # check only (CI)
#   DOCS_OUT=Output/Statecraft.doccarchive Scripts/docs.sh   # keep the archive
#
# The articles (load, edit, ask, compare, render) are in Sources/Statecraft/Statecraft.docc.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --target Statecraft -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$work/all" >&2
mkdir -p "$work/graphs"
cp "$work"/all/Statecraft.symbols.json "$work"/all/Statecraft@*.symbols.json "$work/graphs/"
docc="$(dirname "$(command -v swift)")/docc"
"$docc" convert Sources/Statecraft/Statecraft.docc \
  --additional-symbol-graph-dir "$work/graphs" \
  --fallback-display-name Statecraft --fallback-bundle-identifier org.statecraft.Statecraft \
  --warnings-as-errors --output-path "${DOCS_OUT:-$work/Statecraft.doccarchive}"
echo "docs: built without warnings" >&2
